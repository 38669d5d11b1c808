// `npm run compose:write`: writes docker-compose.yml from the service registry (see generate.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeFile } from './generate';

export const COMPOSE_PATH = join(__dirname, '..', '..', '..', 'docker-compose.yml');

if (require.main === module) {
  writeFileSync(COMPOSE_PATH, composeFile());
  process.stdout.write(`wrote ${COMPOSE_PATH}\n`);
}
