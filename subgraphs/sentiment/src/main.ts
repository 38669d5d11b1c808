// Process entry point of the sentiment service.
import { runService } from '@aitrader/platform';
import { definition } from './index';

runService(definition);
