// `npm start` runs this before starting the processes: builds the dashboard (next build) when its
// sources changed since the last build, so the dashboard process starts serving at once.
import { createLogger, loadConfig } from '@aitrader/platform';
import { ensureBuilt } from './server';

ensureBuilt(createLogger('dashboard', loadConfig()));
