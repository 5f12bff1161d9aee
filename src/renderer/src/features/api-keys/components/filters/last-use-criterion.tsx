// "Never used", or "Not used for 90 days" (never-used keys included: they have not been
// used in that time either).
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import { lastUseFilterSchema, type LastUseFilter } from '@shared/grid-settings';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CriterionEditorProps } from '@renderer/features/api-keys/components/filters/criterion-editor-props';
import { DaysField } from '@renderer/features/api-keys/components/filters/days-field';
import { EditorFrame } from '@renderer/features/api-keys/components/filters/editor-frame';

export function LastUseCriterion({ value, title, onApply, onRemove, onCancel }: CriterionEditorProps<'lastUse'>): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const [mode, setMode] = useState<LastUseFilter['kind']>(value?.kind ?? 'not-in-days');
  const [days, setDays] = useState(value?.kind === 'not-in-days' ? String(value.days) : '90');
  const [error, setError] = useState<string | null>(null);
  const apply = (): void => {
    const parsed = lastUseFilterSchema.safeParse(mode === 'never' ? { kind: mode } : { kind: mode, days: Number(days) });
    if (parsed.success) onApply(parsed.data);
    else setError(t('filters.needDays'));
  };
  return (
    <EditorFrame title={title} inUse={value !== undefined} onRemove={onRemove} onCancel={onCancel} onApply={apply} error={error}>
      <RadioGroup aria-label={title} value={mode} onChange={(event) => setMode(event.target.value as LastUseFilter['kind'])}>
        {(['not-in-days', 'never'] as const).map((option) => (
          <FormControlLabel key={option} value={option} control={<Radio />} label={t(`filters.modes.${option}`)} />
        ))}
      </RadioGroup>
      {mode === 'not-in-days' && (
        <DaysField
          value={days}
          invalid={error !== null}
          onChange={(digits) => {
            setDays(digits);
            setError(null);
          }}
        />
      )}
    </EditorFrame>
  );
}
