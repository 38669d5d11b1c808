'use client';
// The running replay's controls: pause, resume and stop; the pace (a real-time multiple, or as fast
// as possible); and seek to a replay time, typed or picked on a slider between the first and last tick.
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { describedBy, FieldError, GeneralError } from '@/components/field-error';
import {
  PauseReplayDocument, ResumeReplayDocument, SeekReplayDocument, SetReplaySpeedDocument, StopReplayDocument,
  type ReplayErrorFieldsFragment, type ReplayStatusFieldsFragment,
} from '@/gql/graphql';
import { NO_ERRORS, type FormErrors } from '@/lib/field-errors';
import { isoOfUtcInput, replayFormError, utcInputOf } from './replay-errors';

const FORM = 'replay-controls';
const CONTROL_FIELDS = ['speed', 'seek'] as const;

interface Outcome {
  data?: { [command: string]: { error?: ReplayErrorFieldsFragment | null } } | null;
  error?: { message: string };
}

export function ReplayControls({ status, onChanged }: { status: ReplayStatusFieldsFragment | undefined; onChanged: () => void }) {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [speed, setSpeed] = useState('');
  const [fastest, setFastest] = useState(false);
  const [seekTo, setSeekTo] = useState('');
  const [pause, runPause] = useMutation(PauseReplayDocument);
  const [resume, runResume] = useMutation(ResumeReplayDocument);
  const [stop, runStop] = useMutation(StopReplayDocument);
  const [setPace, runSetPace] = useMutation(SetReplaySpeedDocument);
  const [seek, runSeek] = useMutation(SeekReplayDocument);
  const busy = pause.fetching || resume.fetching || stop.fetching || setPace.fetching || seek.fetching;

  /** Shows a command's refusal (or transport failure), clears the errors when it went through. */
  const settle = (result: Outcome) => {
    const refusal = result.data ? Object.values(result.data)[0]?.error : null;
    if (refusal) setErrors(replayFormError(refusal, CONTROL_FIELDS));
    else if (result.error) setErrors({ fields: {}, general: result.error.message });
    else setErrors(NO_ERRORS);
    onChanged();
  };

  const submitSpeed = async (event: FormEvent) => {
    event.preventDefault();
    const multiple = speed.trim() === '' ? undefined : Number(speed);
    if (multiple !== undefined && !Number.isFinite(multiple)) return setErrors({ fields: { speed: 'Enter a number.' }, general: null });
    if (multiple === undefined && !fastest) return setErrors({ fields: { speed: 'Enter a speed or choose as fast as possible.' }, general: null });
    settle(await runSetPace({ speed: multiple, asFastAsPossible: fastest }));
  };

  const submitSeek = async (event: FormEvent) => {
    event.preventDefault();
    const to = isoOfUtcInput(seekTo);
    if (!to) return setErrors({ fields: { seek: 'Enter a time like 2025-09-26 13:45:00 (UTC).' }, general: null });
    settle(await runSeek({ to }));
  };

  const state = status?.state;
  const first = status?.firstTimestamp ? new Date(status.firstTimestamp).getTime() : null;
  const last = status?.lastTimestamp ? new Date(status.lastTimestamp).getTime() : null;
  const picked = isoOfUtcInput(seekTo);
  const sliderValue = picked ? new Date(picked).getTime() : status?.currentTimestamp ? new Date(status.currentTimestamp).getTime() : (first ?? 0);

  return (
    <section className="panel" aria-labelledby="replay-controls-h">
      <h2 id="replay-controls-h">Controls</h2>
      <GeneralError errors={errors} testId="replay-controls-error" />
      <div className="row" role="group" aria-label="Replay commands">
        <button type="button" onClick={async () => settle(await runPause({}))} disabled={busy || state !== 'RUNNING'}>Pause</button>
        <button type="button" className="primary" onClick={async () => settle(await runResume({}))} disabled={busy || state !== 'PAUSED'}>Resume</button>
        <button type="button" className="danger" onClick={async () => settle(await runStop({}))} disabled={busy || (state !== 'RUNNING' && state !== 'PAUSED')}>Stop</button>
      </div>
      <form className="stack" onSubmit={submitSpeed} noValidate style={{ marginTop: '.8rem' }}>
        <div className="row">
          <label htmlFor="replay-speed">
            Speed (× real time)
            <input id="replay-speed" name="speed" type="number" min={0} step="any" placeholder={status?.speed ? String(status.speed) : '1'} value={speed} onChange={(e) => setSpeed(e.target.value)} style={{ width: '8em' }} {...describedBy(errors, FORM, 'speed')} />
          </label>
          <label htmlFor="replay-fastest" style={{ display: 'flex', alignItems: 'center', gap: '.4rem' }}>
            <input id="replay-fastest" name="asFastAsPossible" type="checkbox" checked={fastest} onChange={(e) => setFastest(e.target.checked)} />
            As fast as possible
          </label>
          <button type="submit" disabled={busy}>Set speed</button>
        </div>
        <FieldError errors={errors} form={FORM} field="speed" />
        {status?.lockstep ? <p className="hint">Lockstep replays ignore the speed: each tick waits for the one before to be handled downstream.</p> : null}
      </form>
      <form className="stack" onSubmit={submitSeek} noValidate style={{ marginTop: '.8rem' }}>
        <label htmlFor="replay-seek">
          Seek to (UTC)
          <input id="replay-seek" name="seek" autoComplete="off" placeholder={utcInputOf(status?.currentTimestamp ?? status?.firstTimestamp) || '2025-09-26 13:45:00'} value={seekTo} onChange={(e) => setSeekTo(e.target.value)} {...describedBy(errors, FORM, 'seek')} />
        </label>
        {first !== null && last !== null && last > first ? (
          <label htmlFor="replay-seek-slider">
            Replay time
            <input
              id="replay-seek-slider"
              type="range"
              min={first}
              max={last}
              step={1000}
              value={Math.min(last, Math.max(first, sliderValue))}
              onChange={(e) => setSeekTo(utcInputOf(new Date(Number(e.target.value)).toISOString()))}
              aria-valuetext={utcInputOf(new Date(Math.min(last, Math.max(first, sliderValue))).toISOString())}
            />
          </label>
        ) : null}
        <FieldError errors={errors} form={FORM} field="seek" />
        <div className="row">
          <button type="submit" disabled={busy}>Seek</button>
        </div>
      </form>
    </section>
  );
}
