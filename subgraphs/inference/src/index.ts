// The inference family's package entry: its three processes, each in its own folder with its own
// `main.ts` — the ONNX runner (the subgraph, runner/), the GPU runner (gpu/) and the worker (worker/).
export { definition } from './runner';
export { definition as gpuDefinition } from './gpu';
export { definition as workerDefinition } from './worker';
