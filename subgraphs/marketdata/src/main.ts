// Process entry point of the marketdata service.
import { runService } from '@aitrader/platform';
import { definition } from './index';

runService(definition);
