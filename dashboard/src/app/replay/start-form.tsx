'use client';
// Starts a replay: the bundled sample, the seeded synthetic generator (seed, symbols, start, duration),
// a file under the replay data folder, or ticks pasted inline; at a speed, as fast as possible, or in
// lockstep (backtest: the same signals, decisions and fills every time).
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { describedBy, GeneralError } from '@/components/field-error';
import { FormField } from '@/components/form-field';
import { StartReplayDocument, type ReplaySource, type StartReplayInput, type TickFileFormat } from '@/gql/graphql';
import { NO_ERRORS, type FormErrors } from '@/lib/field-errors';
import { isoOfUtcInput, replayFormError } from './replay-errors';
import { RejectedRows } from './status-panel';

const FORM = 'replay-start';
const START_FIELDS = ['source', 'path', 'content', 'format', 'speed', 'seed', 'symbols', 'start', 'durationSeconds'] as const;

const SOURCES: readonly { value: ReplaySource; label: string }[] = [
  { value: 'SAMPLE', label: 'Bundled sample (30 min, 5 symbols)' },
  { value: 'SYNTHETIC', label: 'Synthetic (seeded generator)' },
  { value: 'FILE', label: 'File in the replay data folder' },
  { value: 'INLINE', label: 'Ticks pasted here' },
];

export function StartReplayForm({ symbols, onStarted }: { symbols: string[]; onStarted: () => void }) {
  const [source, setSource] = useState<ReplaySource>('SAMPLE');
  const [path, setPath] = useState('');
  const [content, setContent] = useState('');
  const [format, setFormat] = useState<TickFileFormat | ''>('');
  const [seed, setSeed] = useState('42');
  const [chosenSymbols, setChosenSymbols] = useState('');
  const [start, setStart] = useState('');
  const [duration, setDuration] = useState('');
  const [speed, setSpeed] = useState('');
  const [fastest, setFastest] = useState(false);
  const [lockstep, setLockstep] = useState(false);
  const [strict, setStrict] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [rejected, setRejected] = useState<{ line: number; reason: string }[]>([]);
  const [{ fetching }, startReplay] = useMutation(StartReplayDocument);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRejected([]);
    const local: Record<string, string> = {};
    const numberOf = (text: string, field: string, whole: boolean) => {
      if (text.trim() === '') return undefined;
      const value = Number(text);
      if (!Number.isFinite(value) || (whole && !Number.isInteger(value))) local[field] = whole ? 'Enter a whole number.' : 'Enter a number.';
      return value;
    };
    const input: StartReplayInput = { source, asFastAsPossible: fastest, lockstep, speed: fastest || lockstep ? undefined : numberOf(speed, 'speed', false) };
    if (source === 'FILE') {
      if (!path.trim()) local.path = 'Enter a file name, e.g. sample-trades.csv.';
      input.path = path.trim();
    }
    if (source === 'INLINE') {
      if (!content.trim()) local.content = 'Paste CSV or NDJSON ticks.';
      input.content = content;
    }
    if (source === 'FILE' || source === 'INLINE') {
      input.format = format || undefined;
      input.strict = strict;
    }
    if (source === 'SYNTHETIC') {
      input.seed = numberOf(seed, 'seed', true);
      input.symbols = chosenSymbols.trim() ? chosenSymbols.split(/[\s,]+/).filter(Boolean).map((s) => s.toUpperCase()) : undefined;
      input.durationSeconds = numberOf(duration, 'durationSeconds', true);
      if (start.trim()) {
        const iso = isoOfUtcInput(start);
        if (!iso) local.start = 'Enter a time like 2025-09-26 13:30:00 (UTC).';
        input.start = iso;
      }
    }
    if (Object.keys(local).length) return setErrors({ fields: local, general: null });

    const result = await startReplay({ input });
    const payload = result.data?.startReplay;
    if (payload?.error) {
      setRejected(payload.error.rejectedRows ?? []);
      return setErrors(replayFormError(payload.error, START_FIELDS, source));
    }
    if (!payload) return setErrors({ fields: {}, general: result.error?.message ?? 'The replay did not start.' });
    setErrors(NO_ERRORS);
    onStarted();
  };

  return (
    <section className="panel" aria-labelledby="replay-start-h">
      <h2 id="replay-start-h">Start a replay</h2>
      <form className="stack" onSubmit={submit} noValidate data-testid="replay-start">
        <GeneralError errors={errors} testId="replay-start-error" />
        <FormField id="replay-source" label="Source" form={FORM} field="source" errors={errors}>
          <select id="replay-source" name="source" value={source} onChange={(e) => setSource(e.target.value as ReplaySource)} {...describedBy(errors, FORM, 'source')}>
            {SOURCES.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
          </select>
        </FormField>
        {source === 'FILE' ? (
          <FormField id="replay-path" label="File (relative to the replay data folder)" form={FORM} field="path" errors={errors}>
            <input id="replay-path" name="path" autoComplete="off" placeholder="sample-trades.csv" value={path} onChange={(e) => setPath(e.target.value)} {...describedBy(errors, FORM, 'path')} />
          </FormField>
        ) : null}
        {source === 'INLINE' ? (
          <FormField id="replay-content" label="Ticks (CSV with a header, or NDJSON)" form={FORM} field="content" errors={errors}>
            <textarea
              id="replay-content"
              name="content"
              rows={6}
              value={content}
              onChange={(e) => setContent(e.target.value)}
              placeholder={'timestamp,symbol,price,size\n2025-09-26T13:30:00Z,AAPL,255.10,100'}
              style={{ font: 'inherit', fontFamily: 'monospace', color: 'var(--text)', background: 'var(--bg)', border: '1px solid var(--line)', borderRadius: 6, padding: '.4rem .5rem' }}
              {...describedBy(errors, FORM, 'content')}
            />
          </FormField>
        ) : null}
        {source === 'FILE' || source === 'INLINE' ? (
          <div className="row">
            <FormField id="replay-format" label="Format" form={FORM} field="format" errors={errors}>
              <select id="replay-format" name="format" value={format} onChange={(e) => setFormat(e.target.value as TickFileFormat | '')} {...describedBy(errors, FORM, 'format')}>
                <option value="">{source === 'FILE' ? 'from the file extension' : 'detect'}</option>
                <option value="CSV">CSV</option>
                <option value="NDJSON">NDJSON</option>
              </select>
            </FormField>
            <FormField id="replay-strict" label="Refuse the whole file if any row is bad" form={FORM} field="strict" errors={errors} inline>
              <input id="replay-strict" name="strict" type="checkbox" checked={strict} onChange={(e) => setStrict(e.target.checked)} />
            </FormField>
          </div>
        ) : null}
        {source === 'SYNTHETIC' ? (
          <>
            <div className="row">
              <FormField id="replay-seed" label="Seed" form={FORM} field="seed" errors={errors}>
                <input id="replay-seed" name="seed" type="number" step={1} value={seed} onChange={(e) => setSeed(e.target.value)} style={{ width: '7em' }} {...describedBy(errors, FORM, 'seed')} />
              </FormField>
              <FormField id="replay-duration" label="Duration (s)" form={FORM} field="durationSeconds" errors={errors}>
                <input id="replay-duration" name="durationSeconds" type="number" min={1} step={1} placeholder="default" value={duration} onChange={(e) => setDuration(e.target.value)} style={{ width: '8em' }} {...describedBy(errors, FORM, 'durationSeconds')} />
              </FormField>
            </div>
            <FormField id="replay-symbols" label="Symbols (empty: the generator's)" form={FORM} field="symbols" errors={errors}>
              <input id="replay-symbols" name="symbols" autoComplete="off" placeholder={symbols.slice(0, 3).join(', ') || 'AAPL, MSFT'} value={chosenSymbols} onChange={(e) => setChosenSymbols(e.target.value)} {...describedBy(errors, FORM, 'symbols')} />
            </FormField>
            <FormField id="replay-start-time" label="Start (UTC; empty: the generator's)" form={FORM} field="start" errors={errors}>
              <input id="replay-start-time" name="start" autoComplete="off" placeholder="2025-09-26 13:30:00" value={start} onChange={(e) => setStart(e.target.value)} {...describedBy(errors, FORM, 'start')} />
            </FormField>
          </>
        ) : null}
        <div className="row">
          <FormField id="replay-start-speed" label="Speed (× real time)" form={FORM} field="speed" errors={errors}>
            <input id="replay-start-speed" name="speed" type="number" min={0} step="any" placeholder="1" value={speed} onChange={(e) => setSpeed(e.target.value)} style={{ width: '8em' }} disabled={fastest || lockstep} {...describedBy(errors, FORM, 'speed')} />
          </FormField>
          <FormField id="replay-start-fastest" label="As fast as possible" form={FORM} field="asFastAsPossible" errors={errors} inline>
            <input id="replay-start-fastest" name="asFastAsPossible" type="checkbox" checked={fastest} onChange={(e) => setFastest(e.target.checked)} />
          </FormField>
          <FormField id="replay-lockstep" label="Lockstep (backtest)" form={FORM} field="lockstep" errors={errors} inline>
            <input id="replay-lockstep" name="lockstep" type="checkbox" checked={lockstep} onChange={(e) => setLockstep(e.target.checked)} />
          </FormField>
        </div>
        <button type="submit" className="primary" disabled={fetching}>Start replay</button>
        {rejected.length ? <RejectedRows rows={rejected} /> : null}
      </form>
    </section>
  );
}
