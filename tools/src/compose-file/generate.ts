// docker-compose.yml, generated from the service registry: Redis, PostgreSQL and the migration job, then
// one container per service the registry runs (its folder's main.ts, its port, a /health check, the seed's
// service name), every service pointed at the others with the seed's variable names. `npm run
// compose:write` writes it; a test fails when the committed file differs.
import { defaultServiceUrl, runnableServices, SERVICE_REGISTRY, type ServiceEntry } from '@aitrader/platform';

const HEADER = `# Generated from the service registry (platform/src/registry.ts) by \`npm run compose:write\`; do not edit.
# Every AITrader service with its dependencies. Service names and URLs follow the seed's service map
# (onnx_runner, sentiment_engine, tensorrt_runner, mock-mcp, strategy_engine). Validated in CI with
# \`docker-compose -f docker-compose.yml config -q\`.`;

/**
 * Credentials come from the deployment's environment (compose interpolation; `docker compose` refuses to
 * start without them), never from this file: production refuses Redis without a password, the default
 * PostgreSQL password and a missing INTERNAL_SECRET.
 */
export const SECRET_VARIABLES = {
  REDIS: '${REDIS_PASSWORD:?set REDIS_PASSWORD}',
  POSTGRES: '${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}',
  INTERNAL: '${INTERNAL_SECRET:?set INTERNAL_SECRET (32+ random characters shared by every service)}',
};
const { REDIS, POSTGRES, INTERNAL } = SECRET_VARIABLES;

const INFRA = `services:
  redis:
    image: redis:7-bookworm
    command: ["redis-server", "--appendonly", "yes", "--requirepass", "${REDIS}"]
    ports: ["6379:6379"]
    volumes: ["redis-data:/data"]
    healthcheck:
      test: ["CMD", "redis-cli", "-a", "${REDIS}", "--no-auth-warning", "ping"]
      interval: 5s
      timeout: 3s
      retries: 20

  postgres:
    image: postgres:15-bookworm
    environment:
      POSTGRES_USER: postgres
      POSTGRES_PASSWORD: ${POSTGRES}
      POSTGRES_DB: aitrader
    ports: ["5432:5432"]
    volumes: ["postgres-data:/var/lib/postgresql/data"]
    healthcheck:
      test: ["CMD", "pg_isready", "-U", "postgres", "-d", "aitrader"]
      interval: 5s
      timeout: 3s
      retries: 20

  # Applies prisma/migrations (offline runner; \`prisma migrate deploy\` is equivalent online), then exits.
  migrate:
    <<: *app
    restart: "no"
    command: ["node_modules/.bin/tsx", "prisma/src/cli.ts"]
    depends_on:
      postgres:
        condition: service_healthy`;

/** Where a service is reached inside the compose network: its compose name and default port. */
const composeUrl = (s: ServiceEntry) => defaultServiceUrl(s, s.composeName);

function appAnchor(): string {
  const urls = SERVICE_REGISTRY.filter((s) => 'urlVariable' in s && 'folder' in s).map((s) => `    ${s.urlVariable}: ${composeUrl(s)}`);
  return [
    'x-app: &app',
    '  build: .',
    '  image: aitrader:local',
    '  restart: unless-stopped',
    '  environment: &env',
    '    NODE_ENV: production',
    '    LOG_FORMAT: json',
    '    HOST: 0.0.0.0',
    `    REDIS_URL: redis://:${REDIS}@redis:6379/0`,
    `    DATABASE_URL: postgresql://postgres:${POSTGRES}@postgres:5432/aitrader`,
    `    INTERNAL_SECRET: ${JSON.stringify(INTERNAL)}`,
    ...urls,
    '  depends_on: &infra',
    '    redis:',
    '      condition: service_healthy',
    '    postgres:',
    '      condition: service_healthy',
    '    migrate:',
    '      condition: service_completed_successfully',
  ].join('\n');
}

function serviceBlock(s: ServiceEntry, services: readonly ServiceEntry[]): string {
  const port = s.defaultPort;
  const lines = [
    `  # ${s.description}.`,
    `  ${s.composeName}:`,
    '    <<: *app',
    `    command: ["node_modules/.bin/tsx", "${s.folder}/main.ts"]`,
    `    ports: ["${port}:${port}"]`,
    ...(s.usesModelArtifacts ? ['    volumes: ["models-data:/app/models/artifacts"]'] : []),
    '    healthcheck:',
    `      test: ["CMD", "node", "-e", "fetch('http://127.0.0.1:${port}/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]`,
    '      interval: 10s',
    '      timeout: 5s',
    '      retries: 12',
    '      start_period: 20s',
  ];
  if (s.kind === 'gateway') {
    // The gateway starts once every subgraph and runner answers its health check.
    lines.push('    depends_on:', '      <<: *infra');
    for (const dep of services.filter((d) => d.kind === 'subgraph' || d.kind === 'runner')) {
      lines.push(`      ${dep.composeName}:`, '        condition: service_healthy');
    }
  }
  return lines.join('\n');
}

export function composeFile(): string {
  const services = runnableServices();
  return [
    HEADER,
    appAnchor(),
    '',
    INFRA,
    '',
    services.map((s) => serviceBlock(s, services)).join('\n\n'),
    '',
    'volumes:',
    '  redis-data:',
    '  postgres-data:',
    '  models-data:',
    '',
  ].join('\n');
}
