'use client';
// Models: the forecasting model's versions with their held-out metrics, the A/B serving state and its
// counters (polled every few seconds: the gateway has no subscription for them), promote / candidate
// actions, and training jobs with their progress.
import { useCallback } from 'react';
import { useQuery } from 'urql';
import { ModelsDocument } from '@/gql/graphql';
import { usePolling } from '@/lib/use-polling';
import { ServingPanel } from './serving-panel';
import { TrainingPanel } from './training-panel';
import { VersionsTable } from './versions-table';

const SERVING_POLL_MS = 5000;

export default function ModelsPage() {
  const [{ data, error }, reexecute] = useQuery({ query: ModelsDocument });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  usePolling(refresh, SERVING_POLL_MS);

  return (
    <div className="grid">
      {error && !data ? <p role="alert" className="field-error wide">Could not load the models: {error.message}</p> : null}
      <ServingPanel serving={data?.modelMetrics} onChanged={refresh} />
      {data ? <VersionsTable models={data.models} serving={data.modelMetrics} onChanged={refresh} /> : <section className="panel wide"><p className="empty">Loading…</p></section>}
      <TrainingPanel recentJobs={data?.jobs ?? []} onFinished={refresh} />
    </div>
  );
}
