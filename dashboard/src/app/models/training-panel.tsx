'use client';
// Training: a form over trainModel (name, symbols, candle interval, epochs, seed, promote) and the job
// it started, polled every second until it succeeds or fails, with its progress; then the recent jobs.
import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { describedBy, GeneralError } from '@/components/field-error';
import { FormField } from '@/components/form-field';
import { ProgressBar } from '@/components/progress-bar';
import { TrainingJobDocument, TrainModelDocument, type JobStatus, type ModelsQuery, type TrainModelInput } from '@/gql/graphql';
import { formErrorOf, NO_ERRORS, type FormErrors } from '@/lib/field-errors';
import { formatPercent, formatTime } from '@/lib/format';
import { usePolling } from '@/lib/use-polling';

type RecentJob = ModelsQuery['jobs'][number];

const FORM = 'train';
const TRAIN_FIELDS = ['name', 'symbols', 'interval', 'epochs', 'seed', 'promote'] as const;
const INTERVALS = ['1s', '1m', '5m', '15m', '1h', '1d'] as const;
const FINISHED: readonly JobStatus[] = ['SUCCEEDED', 'FAILED', 'CANCELED'];

const jobClass = (status: JobStatus) => (status === 'SUCCEEDED' ? 'ok' : status === 'FAILED' || status === 'CANCELED' ? 'down' : 'degraded');

export function TrainingPanel({ recentJobs, onFinished }: { recentJobs: RecentJob[]; onFinished: () => void }) {
  const [jobId, setJobId] = useState<string | null>(null);
  return (
    <>
      <section className="panel" aria-labelledby="train-h">
        <h2 id="train-h">Train a model</h2>
        <TrainForm onStarted={setJobId} />
        {jobId ? <JobProgress id={jobId} onFinished={onFinished} /> : null}
      </section>
      <section className="panel" aria-labelledby="jobs-h">
        <h2 id="jobs-h">Recent training jobs</h2>
        {recentJobs.length ? (
          <div className="table-scroll">
            <table data-testid="jobs">
              <thead>
                <tr><th>Created</th><th>Status</th><th className="num">Progress</th><th>Version</th></tr>
              </thead>
              <tbody>
                {recentJobs.map((j) => (
                  <tr key={j.id} data-job-id={j.id}>
                    <td>{formatTime(j.createdAt)}</td>
                    <td><span className={`status ${jobClass(j.status)}`} title={j.error ?? undefined}>{j.status}</span></td>
                    <td className="num">{formatPercent(j.progress, 0)}</td>
                    <td>{j.modelVersion?.version ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="empty">No training jobs yet.</p>
        )}
      </section>
    </>
  );
}

function TrainForm({ onStarted }: { onStarted: (jobId: string) => void }) {
  const [name, setName] = useState('');
  const [symbols, setSymbols] = useState('');
  const [candleInterval, setCandleInterval] = useState('');
  const [epochs, setEpochs] = useState('');
  const [seed, setSeed] = useState('');
  const [promote, setPromote] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [{ fetching }, trainModel] = useMutation(TrainModelDocument);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    const whole = (text: string, field: string) => {
      if (text.trim() === '') return undefined;
      const value = Number(text);
      if (!Number.isInteger(value)) local[field] = 'Enter a whole number.';
      return value;
    };
    const input: TrainModelInput = {
      name: name.trim() || undefined,
      symbols: symbols.trim() ? symbols.split(/[\s,]+/).filter(Boolean).map((s) => s.toUpperCase()) : undefined,
      interval: candleInterval || undefined,
      epochs: whole(epochs, 'epochs'),
      seed: whole(seed, 'seed'),
      promote,
    };
    if (Object.keys(local).length) return setErrors({ fields: local, general: null });
    const result = await trainModel({ input });
    const payload = result.data?.trainModel;
    // A field like `symbols.1` is about the symbols input.
    if (payload?.error) return setErrors(formErrorOf(payload.error.message, payload.error.field?.split('.')[0], TRAIN_FIELDS));
    if (!payload?.job) return setErrors({ fields: {}, general: result.error?.message ?? 'No job was started.' });
    setErrors(NO_ERRORS);
    onStarted(payload.job.id);
  };

  return (
    <form className="stack" onSubmit={submit} noValidate data-testid="train-form">
      <GeneralError errors={errors} testId="train-error" />
      <FormField id="train-name" label="Model name (empty: the served one)" form={FORM} field="name" errors={errors}>
        <input id="train-name" name="name" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} {...describedBy(errors, FORM, 'name')} />
      </FormField>
      <FormField id="train-symbols" label="Symbols (empty: the synthetic corpus)" form={FORM} field="symbols" errors={errors}>
        <input id="train-symbols" name="symbols" autoComplete="off" placeholder="AAPL, MSFT" value={symbols} onChange={(e) => setSymbols(e.target.value)} {...describedBy(errors, FORM, 'symbols')} />
      </FormField>
      <div className="row">
        <FormField id="train-interval" label="Candle interval" form={FORM} field="interval" errors={errors}>
          <select id="train-interval" name="interval" value={candleInterval} onChange={(e) => setCandleInterval(e.target.value)} {...describedBy(errors, FORM, 'interval')}>
            <option value="">default (1m)</option>
            {INTERVALS.map((i) => <option key={i} value={i}>{i}</option>)}
          </select>
        </FormField>
        <FormField id="train-epochs" label="Epochs (1–200)" form={FORM} field="epochs" errors={errors}>
          <input id="train-epochs" name="epochs" type="number" min={1} max={200} step={1} placeholder="20" value={epochs} onChange={(e) => setEpochs(e.target.value)} style={{ width: '7em' }} {...describedBy(errors, FORM, 'epochs')} />
        </FormField>
        <FormField id="train-seed" label="Seed" form={FORM} field="seed" errors={errors}>
          <input id="train-seed" name="seed" type="number" step={1} value={seed} onChange={(e) => setSeed(e.target.value)} style={{ width: '7em' }} {...describedBy(errors, FORM, 'seed')} />
        </FormField>
      </div>
      <FormField id="train-promote" label="Promote it if it beats the naive forecast" form={FORM} field="promote" errors={errors} inline>
        <input id="train-promote" name="promote" type="checkbox" checked={promote} onChange={(e) => setPromote(e.target.checked)} {...describedBy(errors, FORM, 'promote')} />
      </FormField>
      <button type="submit" className="primary" disabled={fetching}>Start training</button>
    </form>
  );
}

function JobProgress({ id, onFinished }: { id: string; onFinished: () => void }) {
  const [{ data, error }, reexecute] = useQuery({ query: TrainingJobDocument, variables: { id }, requestPolicy: 'network-only' });
  const job = data?.job;
  const finished = job ? FINISHED.includes(job.status) : false;
  usePolling(() => reexecute({ requestPolicy: 'network-only' }), 1000, !finished);
  useEffect(() => {
    if (finished) onFinished();
  }, [finished, onFinished]);

  if (!job) return <p className="empty">{error ? `Job ${id} unavailable: ${error.message}` : `Job ${id} queued…`}</p>;
  return (
    <div className="stack" data-testid="training-job" data-status={job.status} style={{ display: 'grid', gap: '.4rem', marginTop: '.8rem' }}>
      <p>
        Job <code>{job.id}</code> <span className={`status ${jobClass(job.status)}`} data-testid="job-status">{job.status}</span> {formatPercent(job.progress, 0)}
      </p>
      <ProgressBar fraction={job.progress} label="Training progress" testId="job-progress" />
      {job.status === 'SUCCEEDED' && job.modelVersion ? <p className="up">Registered {job.modelVersion.name} {job.modelVersion.version} ({job.modelVersion.status}).</p> : null}
      {job.error ? <p className="field-error" role="alert">{job.error}</p> : null}
      <p className="hint">Started {formatTime(job.startedAt)} · finished {formatTime(job.finishedAt)}</p>
    </div>
  );
}
