// transformers.js for this CommonJS code base. The package is "type": "module", so TypeScript
// (module node16) rejects a static `import … from '@huggingface/transformers'` in a CommonJS file
// (TS1479), although the package ships a CommonJS build for Node (exports.node.require →
// dist/transformers.node.cjs). require() loads that build under node, tsx and jest (@swc/jest compiles
// tests to CommonJS); the types come from the package's ESM declarations.
import type * as Transformers from '@huggingface/transformers' with { 'resolution-mode': 'import' };

// eslint-disable-next-line @typescript-eslint/no-require-imports
const transformers = require('@huggingface/transformers') as typeof Transformers;

export const { env, pipeline, AutoTokenizer } = transformers;
