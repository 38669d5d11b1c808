// Process entry point of the accounts service.
import { runService } from '@aitrader/platform';
import { definition } from './index';

runService(definition);
