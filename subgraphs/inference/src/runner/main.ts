// Process entry point of the ONNX runner (:8001), the inference subgraph.
import { runService } from '@aitrader/platform';
import { definition } from './index';

runService(definition);
