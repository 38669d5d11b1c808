'use client';
// A strategy's switch (setStrategyEnabled) and its parameters form (configureStrategy): only the
// fields changed (from the parameters in effect) are sent; a refusal is shown under the field its
// `field` path names, else above. Reset brings back the parameters in effect.
import { useMemo, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { describedBy, GeneralError } from '@/components/field-error';
import { FormField } from '@/components/form-field';
import { ConfigureStrategyDocument, SetStrategyEnabledDocument, type StrategyQuery } from '@/gql/graphql';
import { formErrorOf, NO_ERRORS, type FormErrors } from '@/lib/field-errors';
import { CONFIG_GROUPS, CONFIG_PATHS, configInputOf, FORECAST_RULES, valuesOfConfig, type ConfigField, type ConfigValues } from './config-fields';

type Strategy = StrategyQuery['strategies'][number];

const FORM = 'strategy';
const inputIdOf = (path: string) => `strategy-${path.replace(/\./g, '-')}`;

export function StrategySwitch({ strategy, onChanged }: { strategy: Strategy; onChanged: () => void }) {
  const [{ fetching }, setEnabled] = useMutation(SetStrategyEnabledDocument);
  const [problem, setProblem] = useState<string | null>(null);
  const toggle = async () => {
    const result = await setEnabled({ name: strategy.name, enabled: !strategy.enabled });
    const payload = result.data?.setStrategyEnabled;
    setProblem(payload?.error?.message ?? (payload?.strategy ? null : (result.error?.message ?? 'The strategy did not change.')));
    onChanged();
  };
  return (
    <div className="row" style={{ alignItems: 'center' }}>
      <span className={`status ${strategy.enabled ? 'ok' : 'down'}`} data-testid="strategy-enabled">{strategy.enabled ? 'enabled' : 'disabled'}</span>
      <button type="button" className={strategy.enabled ? 'danger' : 'primary'} onClick={() => void toggle()} disabled={fetching}>
        {strategy.enabled ? 'Disable strategy' : 'Enable strategy'}
      </button>
      {problem ? <span className="field-error" role="alert" data-testid="strategy-switch-error">{problem}</span> : null}
    </div>
  );
}

export function StrategyConfigForm({ strategy, onSaved }: { strategy: Strategy; onSaved: () => void }) {
  const current = useMemo(() => valuesOfConfig(strategy.config), [strategy.config]);
  const [values, setValues] = useState<ConfigValues>(current);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saved, setSaved] = useState<string | null>(null);
  const [{ fetching }, configure] = useMutation(ConfigureStrategyDocument);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const built = configInputOf(values, current);
    if (!built.ok) return setErrors({ fields: built.fields, general: null });
    if (built.changed === 0) return setErrors({ fields: {}, general: 'Nothing changed.' });
    const result = await configure({ name: strategy.name, input: built.input });
    const payload = result.data?.configureStrategy;
    if (payload?.error) return setErrors(formErrorOf(payload.error.message, payload.error.field, CONFIG_PATHS));
    if (!payload?.strategy) return setErrors({ fields: {}, general: result.error?.message ?? 'The parameters were not saved.' });
    setErrors(NO_ERRORS);
    setValues(valuesOfConfig(payload.strategy.config));
    setSaved(`Saved ${built.changed} parameter${built.changed === 1 ? '' : 's'}.`);
    onSaved();
  };

  return (
    <form className="stack" onSubmit={submit} noValidate data-testid="strategy-config">
      <GeneralError errors={errors} testId="strategy-config-error" />
      {CONFIG_GROUPS.map((group) => (
        <fieldset key={group.title} style={{ border: '1px solid var(--line)', borderRadius: 6 }}>
          <legend className="hint">{group.title}</legend>
          <div className="row">
            {group.fields.map((field) => (
              <ConfigInput key={field.path} field={field} value={values[field.path] ?? ''} errors={errors} onChange={(value) => setValues((v) => ({ ...v, [field.path]: value }))} />
            ))}
          </div>
        </fieldset>
      ))}
      <div className="row">
        <button type="submit" className="primary" disabled={fetching}>Save parameters</button>
        <button type="button" onClick={() => { setValues(current); setErrors(NO_ERRORS); setSaved(null); }}>Reset</button>
        {saved ? <span role="status" data-testid="strategy-config-saved">{saved}</span> : null}
      </div>
    </form>
  );
}

function ConfigInput({ field, value, errors, onChange }: { field: ConfigField; value: string; errors: FormErrors; onChange: (value: string) => void }) {
  const id = inputIdOf(field.path);
  const aria = describedBy(errors, FORM, field.path);
  return (
    <FormField id={id} label={field.label} form={FORM} field={field.path} errors={errors} inline={field.kind === 'boolean'}>
      {field.kind === 'boolean' ? (
        <input id={id} name={field.path} type="checkbox" checked={value === 'true'} onChange={(e) => onChange(String(e.target.checked))} {...aria} />
      ) : field.kind === 'forecastRule' ? (
        <select id={id} name={field.path} value={value} onChange={(e) => onChange(e.target.value)} {...aria}>
          {FORECAST_RULES.map((r) => <option key={r.value} value={r.value}>{r.label}</option>)}
        </select>
      ) : (
        <input id={id} name={field.path} type="number" inputMode="decimal" step={field.kind === 'int' ? 1 : 'any'} value={value} onChange={(e) => onChange(e.target.value)} style={{ width: '9em' }} {...aria} />
      )}
    </FormField>
  );
}
