'use client';
// This replica's A/B serving state: the promoted version, the candidate and its share of routing
// keys, the execution provider, and each version's counters; the candidate can be cleared here.
import { useState } from 'react';
import { useMutation } from 'urql';
import { ClearModelCandidateDocument, type ModelsQuery } from '@/gql/graphql';
import { Figure } from '@/components/figure';
import { formatMoney, formatPercent, formatQuantity } from '@/lib/format';

type Serving = ModelsQuery['modelMetrics'];

export function ServingPanel({ serving, onChanged }: { serving: Serving | undefined; onChanged: () => void }) {
  const [{ fetching }, clearCandidate] = useMutation(ClearModelCandidateDocument);
  const [problem, setProblem] = useState<string | null>(null);
  const clear = async (name: string) => {
    const result = await clearCandidate({ name });
    setProblem(result.data?.clearModelCandidate.error?.message ?? result.error?.message ?? null);
    onChanged();
  };

  return (
    <section className="panel wide" aria-labelledby="serving-h">
      <h2 id="serving-h">Serving (A/B)</h2>
      {serving ? (
        <>
          <div className="figures" data-testid="serving">
            <Figure label="Model" value={serving.model} />
            <Figure label="Promoted" value={serving.promoted} testId="promoted-version" />
            <Figure label="Candidate" value={serving.candidate ?? 'none'} testId="candidate-version" />
            <Figure label="Candidate share" value={serving.candidate ? formatPercent(serving.candidateWeight) : '—'} />
            <Figure label="Provider" value={serving.provider} />
          </div>
          <p className="hint">{serving.providerSummary}</p>
          {serving.candidate ? (
            <p className="row" style={{ alignItems: 'center' }}>
              <button type="button" onClick={() => void clear(serving.model)} disabled={fetching}>Clear candidate</button>
              {problem ? <span className="field-error" role="alert">{problem}</span> : null}
            </p>
          ) : null}
          {serving.versions.length ? (
            <div className="table-scroll">
              <table data-testid="serving-versions">
                <thead>
                  <tr>
                    <th>Version</th><th>Arm</th><th className="num">Requests</th><th className="num">Errors</th><th className="num">In flight</th>
                    <th className="num">Mean latency (ms)</th><th className="num">Batches</th><th className="num">Items batched</th><th className="num">Largest batch</th><th>Provider</th>
                  </tr>
                </thead>
                <tbody>
                  {serving.versions.map((v) => (
                    <tr key={v.version} data-version={v.version}>
                      <td>{v.version}</td>
                      <td><span className={`status ${v.arm === 'PROMOTED' ? 'ok' : v.arm === 'CANDIDATE' ? 'degraded' : ''}`}>{v.arm}</span></td>
                      <td className="num">{formatQuantity(v.requests)}</td>
                      <td className={`num ${v.errors ? 'down' : ''}`}>{formatQuantity(v.errors)}</td>
                      <td className="num">{formatQuantity(v.inFlight)}</td>
                      <td className="num">{formatMoney(v.meanLatencyMs)}</td>
                      <td className="num">{formatQuantity(v.batches)}</td>
                      <td className="num">{formatQuantity(v.batchedItems)}</td>
                      <td className="num">{formatQuantity(v.maxBatchSeen)}</td>
                      <td>{v.provider ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="empty">No version has served a request on this replica yet.</p>
          )}
        </>
      ) : (
        <p className="empty">Serving state unavailable.</p>
      )}
    </section>
  );
}
