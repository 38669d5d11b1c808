// `npm run trusted-documents -- write|check`: writes gateway/trusted-documents.json from the dashboard's
// persisted documents, or fails when the committed one is stale (run `npm run codegen` first).
import { readFileSync, writeFileSync } from 'node:fs';
import { MANIFEST, manifestText } from './generate';

const mode = process.argv[2] ?? 'check';
const text = manifestText();
if (mode === 'write') {
  writeFileSync(MANIFEST, text);
  process.stdout.write(`wrote ${MANIFEST}\n`);
} else if (mode === 'check') {
  if (readFileSync(MANIFEST, 'utf8') !== text) {
    process.stderr.write('gateway/trusted-documents.json is stale: run npm run codegen && npm run trusted-documents -- write\n');
    process.exit(1);
  }
  process.stdout.write('trusted documents up to date\n');
} else {
  process.stderr.write('usage: npm run trusted-documents -- write|check\n');
  process.exit(2);
}
