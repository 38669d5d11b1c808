'use client';
// Strategy: the strategy engine's decisions as they are made (the decision subscription refreshes them,
// at most about once a second) with each factor's contribution, the inputs that were available and the
// risk check's outcome; the strategy's switch and its parameters.
import { useDeferredValue, useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { StrategyDecisionMadeDocument, StrategyDocument } from '@/gql/graphql';
import { useThrottledRefresh } from '@/lib/use-throttled-refresh';
import { largestWeight } from './config-fields';
import { StrategyConfigForm, StrategySwitch } from './config-form';
import { DecisionsTable } from './decisions-table';

export default function StrategyPage() {
  const [symbolFilter, setSymbolFilter] = useState('');
  const [rejectedOnly, setRejectedOnly] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const symbol = useDeferredValue(symbolFilter.trim().toUpperCase()) || null;

  const [{ data, error }, reexecute] = useQuery({ query: StrategyDocument, variables: { symbol } });
  const refresh = useThrottledRefresh(() => reexecute({ requestPolicy: 'network-only' }));
  useSubscription({ query: StrategyDecisionMadeDocument }, (_previous, decision) => {
    refresh();
    return decision;
  });

  const strategies = data?.strategies ?? [];
  const strategy = strategies.find((s) => s.name === chosen) ?? strategies[0];
  const decisions = (data?.decisions ?? []).filter((d) => !rejectedOnly || d.riskRejected);

  return (
    <div className="grid">
      {error && !data ? <p role="alert" className="field-error wide">Could not load the strategy: {error.message}</p> : null}
      <section className="panel wide" aria-labelledby="decisions-h">
        <h2 id="decisions-h">Decisions</h2>
        <div className="row" style={{ marginBottom: '.5rem' }}>
          <label htmlFor="decision-symbol">
            Symbol
            <input id="decision-symbol" name="decisionSymbol" autoComplete="off" placeholder="All symbols" value={symbolFilter} onChange={(e) => setSymbolFilter(e.target.value)} />
          </label>
          <label htmlFor="decision-rejected" style={{ display: 'flex', alignItems: 'center', gap: '.4rem' }}>
            <input id="decision-rejected" name="rejectedOnly" type="checkbox" checked={rejectedOnly} onChange={(e) => setRejectedOnly(e.target.checked)} />
            Risk rejections only
          </label>
        </div>
        {data ? <DecisionsTable decisions={decisions} barScale={strategy ? largestWeight(strategy.config) : 1} filtered={Boolean(symbol) || rejectedOnly} /> : <p className="empty">Loading…</p>}
      </section>
      <section className="panel wide" aria-labelledby="strategy-h">
        <div className="row" style={{ justifyContent: 'space-between' }}>
          <h2 id="strategy-h">Strategy {strategy?.name ?? ''}</h2>
          {strategies.length > 1 ? (
            <label htmlFor="strategy-name">
              Strategy
              <select id="strategy-name" value={strategy?.name ?? ''} onChange={(e) => setChosen(e.target.value)}>
                {strategies.map((s) => <option key={s.name} value={s.name}>{s.name}</option>)}
              </select>
            </label>
          ) : null}
        </div>
        {strategy ? (
          <>
            <StrategySwitch strategy={strategy} onChanged={refresh} />
            <h2 style={{ marginTop: '1rem' }}>Parameters</h2>
            <StrategyConfigForm key={strategy.name} strategy={strategy} onSaved={refresh} />
          </>
        ) : (
          <p className="empty">{data ? 'No strategies.' : 'Loading…'}</p>
        )}
      </section>
    </div>
  );
}
