// Process entry point of the GPU runner (:8007), the inference family's second server. It shares the
// runtime (health, config, Redis, PostgreSQL) with the ONNX runner; its inference API comes with the
// inference issue, which also adds execution-provider selection.
import { runService } from '@aitrader/platform';

runService({ name: 'gpu-runner' });
