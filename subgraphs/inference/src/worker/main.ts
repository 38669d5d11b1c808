// Process entry point of the worker (health on :8010): runs training jobs from the `jobs` stream.
import { runService } from '@aitrader/platform';
import { definition } from './index';

runService(definition);
