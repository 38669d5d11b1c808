// docs/configuration.md stays true: every variable of the shared base (other than the registry's port
// and URL variables, which have their own table) and of every service's settings is documented there,
// and the documented default of the listening address matches the code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { ConfigSchema, loadConfig, SERVICE_REGISTRY } from '@aitrader/platform';
import { GatewaySettings } from '../../gateway/src/settings';
import { registryDefinitions } from '../integration/support/stack';

const ROOT = join(__dirname, '..', '..');
const DOC = readFileSync(join(ROOT, 'docs', 'configuration.md'), 'utf8');
const documented = (name: string) => DOC.includes(`\`${name}\``);

test('every shared base variable is documented', () => {
  const endpoints = new Set<string>();
  for (const entry of Object.values(SERVICE_REGISTRY) as { portVariable: string; urlVariable?: string }[]) {
    endpoints.add(entry.portVariable);
    if (entry.urlVariable) endpoints.add(entry.urlVariable);
  }
  const names = Object.keys(ConfigSchema.shape).filter((n) => !endpoints.has(n));
  expect(names.filter((n) => !documented(n))).toEqual([]);
});

test("every service's own settings are documented", async () => {
  const schemas: [string, z.ZodObject][] = [['gateway', GatewaySettings]];
  for (const { entry, def } of await registryDefinitions()) if (def.settings) schemas.push([entry.name, def.settings as unknown as z.ZodObject]);
  const missing = schemas.flatMap(([service, schema]) => Object.keys(schema.shape).filter((n) => !documented(n)).map((n) => `${service}: ${n}`));
  expect(missing).toEqual([]);
});

test('the documented HOST default is the code default', () => {
  expect(DOC).toMatch(new RegExp(`\\| \`HOST\` \\| \`${loadConfig({}).HOST.replaceAll('.', '\\.')}\` \\|`));
});
