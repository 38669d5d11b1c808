// The runner service shape shared by the ONNX runner (:8001, subgraph, CPU) and the GPU runner (:8007,
// REST only, GPU execution providers): the same REST API, a `model` health check (loaded versions,
// provider) and the serving runtime started with the process.
import type { ServiceDefinition, ServiceName, SettingsContext } from '@aitrader/platform';
import { mountForecastRoutes } from '../http/rest';
import type { ProviderSetup } from '../runtime/session';
import { createRunnerServices, type RunnerServices } from '../services';
import { InferenceSettings } from '../settings';

export function runnerDefinition(
  name: ServiceName,
  providers: (ctx: SettingsContext<InferenceSettings>) => ProviderSetup,
): ServiceDefinition<RunnerServices, InferenceSettings> {
  return {
    name,
    settings: InferenceSettings,
    services: (ctx) => createRunnerServices(ctx, providers(ctx)),
    routes: (app, ctx) => mountForecastRoutes(app, () => ctx.services.runtime),
    checks: (ctx) => [{ name: 'model', check: async () => ctx.services.runtime.healthDetails() }],
    start: async (ctx) => {
      const { runtime } = ctx.services;
      await runtime.init();
      const s = runtime.serving();
      ctx.logger.info({ model: s.model, promoted: s.promoted, candidate: s.candidate, provider: s.providerSummary, skipped: ctx.services.providers.plan.skipped }, 'serving');
      return () => runtime.close();
    },
  };
}
