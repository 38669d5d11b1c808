'use client';
// The registered model versions with their held-out metrics, and the actions on each: promote it
// (promoteModel) or make it the A/B candidate at the chosen share (setModelCandidate). A refusal about
// the weight is shown under the weight, one about a version in its row, any other above the table.
import { useState } from 'react';
import { useMutation } from 'urql';
import { describedBy, FieldError, GeneralError } from '@/components/field-error';
import { FormField } from '@/components/form-field';
import { PromoteModelDocument, SetModelCandidateDocument, type ModelsQuery } from '@/gql/graphql';
import { NO_ERRORS, type FormErrors } from '@/lib/field-errors';
import { formatQuantity, formatTime } from '@/lib/format';

type ModelVersion = ModelsQuery['models'][number];
type Serving = ModelsQuery['modelMetrics'];

const FORM = 'models';
const statusClass = (status: ModelVersion['status']) => (status === 'PROMOTED' ? 'ok' : status === 'READY' ? '' : status === 'TRAINING' ? 'degraded' : 'down');

/** A model error placed by its field: the weight input, the acted-on version's row, or above the table. */
const placeError = (message: string, field: string | null): FormErrors =>
  field === 'weight' || field === 'version' ? { fields: { [field]: message }, general: null } : { fields: {}, general: message };

export function VersionsTable({ models, serving, onChanged }: { models: ModelVersion[]; serving: Serving | undefined; onChanged: () => void }) {
  const [weight, setWeight] = useState('0.1');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState<string | null>(null);
  /** The version the last action was on: its row shows a `version` error. */
  const [actedOn, setActedOn] = useState<string | null>(null);
  const [, promote] = useMutation(PromoteModelDocument);
  const [, setCandidate] = useMutation(SetModelCandidateDocument);

  const run = async (version: ModelVersion, action: 'promote' | 'candidate') => {
    setBusy(version.id);
    setActedOn(version.id);
    let outcome: { error?: { message: string; field?: string | null } | null; ok: boolean; transport?: string };
    if (action === 'promote') {
      const result = await promote({ name: version.name, version: version.version });
      outcome = { error: result.data?.promoteModel.error, ok: Boolean(result.data?.promoteModel.model), transport: result.error?.message };
    } else {
      const share = weight.trim() === '' ? Number.NaN : Number(weight);
      if (!Number.isFinite(share)) {
        setBusy(null);
        return setErrors({ fields: { weight: 'Enter a share from 0 to 1.' }, general: null });
      }
      const result = await setCandidate({ name: version.name, version: version.version, weight: share });
      outcome = { error: result.data?.setModelCandidate.error, ok: Boolean(result.data?.setModelCandidate.model), transport: result.error?.message };
    }
    setBusy(null);
    if (outcome.error) setErrors(placeError(outcome.error.message, outcome.error.field ?? null));
    else if (!outcome.ok) setErrors({ fields: {}, general: outcome.transport ?? 'Nothing changed.' });
    else setErrors(NO_ERRORS);
    onChanged();
  };

  return (
    <section className="panel wide" aria-labelledby="versions-h">
      <h2 id="versions-h">Model versions</h2>
      <GeneralError errors={errors} testId="models-error" />
      <div style={{ maxWidth: '16rem', marginBottom: '.5rem' }}>
        <FormField id="candidate-weight" label="Candidate share of routing keys (0–1)" form={FORM} field="weight" errors={errors}>
          <input id="candidate-weight" name="weight" type="number" min={0} max={1} step={0.05} value={weight} onChange={(e) => setWeight(e.target.value)} {...describedBy(errors, FORM, 'weight')} />
        </FormField>
      </div>
      {models.length ? (
        <div className="table-scroll">
          <table data-testid="model-versions">
            <thead>
              <tr>
                <th>Version</th><th>Status</th><th className="num">Val. vs naive</th><th className="num">Val. MASE</th><th className="num">Val. MAE</th>
                <th className="num">Test vs naive</th><th className="num">Epochs (best)</th><th className="num">Training s</th><th>Data</th><th>Created</th><th>Actions</th>
              </tr>
            </thead>
            <tbody>
              {models.map((m) => {
                const served = serving?.model === m.name;
                const isCandidate = served && serving?.candidate === m.version;
                return (
                  <tr key={m.id} data-version={m.version} data-status={m.status}>
                    <td>{m.name} <strong>{m.version}</strong>{isCandidate ? <span className="status degraded"> candidate</span> : null}</td>
                    <td><span className={`status ${statusClass(m.status)}`}>{m.status}</span></td>
                    <td className={`num ${m.metrics.relativeToNaive !== null && m.metrics.relativeToNaive < 1 ? 'up' : ''}`}>{formatQuantity(m.metrics.relativeToNaive)}</td>
                    <td className="num">{formatQuantity(m.metrics.mase)}</td>
                    <td className="num">{formatQuantity(m.metrics.validation?.mae)}</td>
                    <td className="num">{formatQuantity(m.metrics.test?.relativeToNaive)}</td>
                    <td className="num">{formatQuantity(m.metrics.epochs)} ({formatQuantity(m.metrics.bestEpoch)})</td>
                    <td className="num">{formatQuantity(m.metrics.trainingSeconds)}</td>
                    <td style={{ whiteSpace: 'normal' }}>{m.metrics.data ?? '—'}</td>
                    <td>{formatTime(m.createdAt)}</td>
                    <td>
                      <span className="row">
                        <button type="button" className="primary" disabled={busy === m.id || m.status === 'PROMOTED' || m.status === 'TRAINING'} onClick={() => void run(m, 'promote')} aria-label={`Promote ${m.name} ${m.version}`}>
                          Promote
                        </button>
                        <button type="button" disabled={busy === m.id || m.status === 'PROMOTED' || m.status === 'TRAINING' || !served} onClick={() => void run(m, 'candidate')} aria-label={`Make ${m.name} ${m.version} the candidate`}>
                          Make candidate
                        </button>
                      </span>
                      {actedOn === m.id ? <FieldError errors={errors} form={FORM} field="version" /> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="empty">No model versions registered.</p>
      )}
    </section>
  );
}
