// Process entry point of the signals service.
import { runService } from '@aitrader/platform';
import { definition } from './index';

runService(definition);
