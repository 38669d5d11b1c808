// Process entry point of the dashboard (:8080).
import { runMain } from '@aitrader/platform';
import { startDashboard } from './server';

runMain('dashboard', (config, logger) => startDashboard(config, logger));
