'use client';
// Replay: the tick replay's state and progress, polled every second (the gateway has no subscription
// for it), with the form that starts one and the controls of the one running.
import { useCallback } from 'react';
import { useQuery } from 'urql';
import { ReplayDocument } from '@/gql/graphql';
import { usePolling } from '@/lib/use-polling';
import { ReplayControls } from './controls';
import { StartReplayForm } from './start-form';
import { ReplayStatusPanel } from './status-panel';

const POLL_MS = 1000;

export default function ReplayPage() {
  const [{ data, error }, reexecute] = useQuery({ query: ReplayDocument });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  usePolling(refresh, POLL_MS);

  return (
    <div className="grid">
      {error && !data ? <p role="alert" className="field-error wide">Could not load the replay: {error.message}</p> : null}
      <ReplayStatusPanel status={data?.replay} />
      <StartReplayForm symbols={data?.instruments.map((i) => i.symbol) ?? []} onStarted={refresh} />
      <ReplayControls status={data?.replay} onChanged={refresh} />
    </div>
  );
}
