// Structured logging (pino) for every service; LOG_FORMAT=pretty gives readable one-line output for
// `npm start`, JSON otherwise so logs stay machine-readable in containers.
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { Config } from './config';

export type { Logger };

export function createLogger(service: string, config: Pick<Config, 'LOG_LEVEL' | 'LOG_FORMAT'>): Logger {
  const options = { name: service, level: config.LOG_LEVEL, base: { service } };
  if (config.LOG_FORMAT === 'pretty') {
    return pino(options, pretty({ sync: true, singleLine: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' }));
  }
  return pino(options);
}
