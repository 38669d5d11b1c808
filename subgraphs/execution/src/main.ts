// Process entry point of the execution service.
import { runService } from '@aitrader/platform';
import { definition } from './index';

runService(definition);
