// Process entry point of the inference service.
import { runService } from '@aitrader/platform';
import { definition } from './index';

runService(definition);
