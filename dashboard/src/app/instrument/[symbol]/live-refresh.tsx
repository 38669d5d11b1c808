'use client';
// The instrument's subscriptions, kept in a component of their own that renders nothing: ticks can
// arrive hundreds a second, and each event re-renders only this, never the page and its charts.
import { useSubscription } from 'urql';
import { InstrumentSignalEmittedDocument, InstrumentTicksDocument } from '@/gql/graphql';

export function LiveRefresh({ symbol, onTick, onSignal }: { symbol: string; onTick: () => void; onSignal: () => void }) {
  useSubscription({ query: InstrumentTicksDocument, variables: { symbol } }, (_previous, tick) => {
    onTick();
    return tick;
  });
  useSubscription({ query: InstrumentSignalEmittedDocument, variables: { symbol } }, (_previous, signal) => {
    onSignal();
    return signal;
  });
  return null;
}
