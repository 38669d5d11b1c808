// Process entry point of the GPU runner (:8007), the inference family's second server: the same REST
// API as the ONNX runner on the best execution provider this machine has (see index.ts).
import { runService } from '@aitrader/platform';
import { definition } from './index';

runService(definition);
