// The seed's REST API of both runners: POST /infer/forecast/nbeats {symbol, history, horizon} →
// {forecast, confidence, model_version, provider, …}. Invalid input is HTTP 400
// {error: {code, message, field, index}}; overload 429; a model that is not loaded yet 503.
import type { Express, NextFunction, Request, Response } from 'express';
import { InferenceModelError, MicroBatchError } from '../domain';
import { ModelNotReadyError, type ModelRuntime } from '../runtime/model-runtime';

export const FORECAST_PATH = '/infer/forecast/nbeats';

/** The JSON a forecast answers with: the seed's fields first, then the model and routing details. */
export function forecastBody(result: Awaited<ReturnType<ModelRuntime['forecast']>> & { ok: true }) {
  const r = result.result;
  return {
    forecast: r.forecast,
    confidence: r.confidence,
    model_version: r.modelVersion,
    provider: r.provider,
    symbol: r.symbol,
    horizon: r.horizon,
    last_price: r.lastPrice,
    arm: r.arm,
    generated_at: new Date().toISOString(),
  };
}

export function mountForecastRoutes(app: Express, runtime: () => ModelRuntime): void {
  app.post(FORECAST_PATH, async (req: Request, res: Response) => {
    const key = req.get('x-routing-key') || undefined;
    try {
      const outcome = await runtime().forecast(req.body, key);
      if (!outcome.ok) {
        const { code, message, field, index } = outcome.error;
        res.status(400).json({ error: { code, message, field, index: index ?? null } });
        return;
      }
      res.json(forecastBody(outcome));
    } catch (err) {
      if (err instanceof ModelNotReadyError) res.status(503).json({ error: { code: err.code, message: err.message } });
      else if (err instanceof MicroBatchError && err.code === 'TOO_MANY_REQUESTS') res.status(429).json({ error: { code: err.code, message: err.message } });
      else if (err instanceof InferenceModelError) res.status(500).json({ error: { code: err.code, message: err.message } });
      else res.status(500).json({ error: { code: 'INTERNAL', message: (err as Error).message } });
    }
  });
  // A body that is not JSON never reaches the handler: express.json fails first. Same error shape.
  app.use(FORECAST_PATH, (err: Error & { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (err.status === 400 || err.type === 'entity.parse.failed') {
      res.status(400).json({ error: { code: 'BAD_REQUEST', message: `request body is not valid JSON: ${err.message}`, field: '', index: null } });
      return;
    }
    if (err.status === 413) {
      res.status(413).json({ error: { code: 'PAYLOAD_TOO_LARGE', message: err.message, field: '', index: null } });
      return;
    }
    next(err);
  });
}
