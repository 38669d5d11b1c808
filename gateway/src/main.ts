// Process entry point of the gateway (:8000).
import { runMain } from '@aitrader/platform';
import { startGateway } from './server';

runMain('gateway', (config, logger) => startGateway(config, logger));
