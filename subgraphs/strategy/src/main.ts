// Process entry point of the strategy service.
import { runService } from '@aitrader/platform';
import { definition } from './index';

runService(definition);
