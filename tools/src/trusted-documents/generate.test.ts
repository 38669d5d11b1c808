// The trusted-documents manifest is the dashboard's operations, each under the sha256 of its body, and
// the committed one is current; a document whose id is not its hash is refused.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadManifest } from '../../../gateway/src/security/trusted-documents';
import { MANIFEST, manifestOf, manifestText } from './generate';

test('the committed gateway/trusted-documents.json is what the dashboard operations make', () => {
  expect(readFileSync(MANIFEST, 'utf8')).toBe(manifestText());
});

test('every dashboard operation is in it, loadable by the gateway', () => {
  const manifest = JSON.parse(manifestText());
  expect(manifest.operations.map((o: { name: string }) => o.name)).toEqual(expect.arrayContaining(['Overview', 'Blotter', 'PlaceOrder', 'AccountFills']));
  expect(loadManifest(MANIFEST).size).toBe(manifest.operations.length);
});

test('an id that is not the hash of its body is refused', () => {
  expect(() => manifestOf({ 'sha256:00': 'query A { replay { state } }' })).toThrow(/not the sha256/);
  const body = 'query A { replay { state } }';
  const id = createHash('sha256').update(body).digest('hex');
  expect(manifestOf({ [`sha256:${id}`]: body }).operations).toEqual([{ id, name: 'A', type: 'query', body }]);
});
