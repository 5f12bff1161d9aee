// "Expires within 30 days", "Created less than 7 days ago", "Expires 1 Mar – 31 Mar 2027":
// a number of days counted from now, or two calendar days (either may stay open).
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { dateFilterSchema, type DateFilter } from '@shared/grid-settings';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EARLIEST_DAY, isUsableDay, LATEST_DAY } from '@renderer/lib/calendar-bounds';
import type { CriterionEditorProps } from '@renderer/features/api-keys/components/filters/criterion-editor-props';
import { DaysField } from '@renderer/features/api-keys/components/filters/days-field';
import { EditorFrame } from '@renderer/features/api-keys/components/filters/editor-frame';

type Mode = DateFilter['kind'];
/** A creation date lies in the past: "in the next days" is offered for expiration only. */
const MODES: Record<'expires' | 'created', Mode[]> = { expires: ['next-days', 'last-days', 'between'], created: ['last-days', 'between'] };

export function DateCriterion({ name, value, title, onApply, onRemove, onCancel }: CriterionEditorProps<'expires' | 'created'>): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const modes = MODES[name];
  const [mode, setMode] = useState<Mode>(value?.kind ?? modes[0] ?? 'between');
  const [days, setDays] = useState(value && value.kind !== 'between' ? String(value.days) : '30');
  const [from, setFrom] = useState<Dayjs | null>(value?.kind === 'between' && value.from ? dayjs(value.from) : null);
  const [to, setTo] = useState<Dayjs | null>(value?.kind === 'between' && value.to ? dayjs(value.to) : null);
  const [error, setError] = useState<string | null>(null);

  const apply = (): void => {
    const day = (date: Dayjs | null): string | null => (date?.isValid() ? date.format('YYYY-MM-DD') : null);
    if (mode === 'between' && [from, to].some((date) => date !== null && date.isValid() && !isUsableDay(date))) {
      setError(t('filters.dateOutOfRange', { earliest: EARLIEST_DAY.year(), latest: LATEST_DAY.year() }));
      return;
    }
    const candidate = mode === 'between' ? { kind: mode, from: day(from), to: day(to) } : { kind: mode, days: Number(days) };
    const parsed = dateFilterSchema.safeParse(candidate);
    if (parsed.success) {
      onApply(parsed.data);
      return;
    }
    if (mode !== 'between') setError(t('filters.needDays'));
    else setError(day(from) === null && day(to) === null ? t('filters.needDate') : t('filters.badRange'));
  };

  return (
    <EditorFrame title={title} inUse={value !== undefined} onRemove={onRemove} onCancel={onCancel} onApply={apply} error={error}>
      <RadioGroup
        aria-label={title}
        value={mode}
        onChange={(event) => {
          setMode(event.target.value as Mode);
          setError(null);
        }}
      >
        {modes.map((option) => (
          <FormControlLabel key={option} value={option} control={<Radio />} label={t(`filters.modes.${option}`)} />
        ))}
      </RadioGroup>
      {mode === 'between' ? (
        <Stack spacing={1.5}>
          {[
            { label: t('filters.from'), value: from, set: setFrom },
            { label: t('filters.to'), value: to, set: setTo },
          ].map(({ label, value: date, set }) => (
            <DatePicker
              key={label}
              label={label}
              value={date}
              minDate={EARLIEST_DAY}
              maxDate={LATEST_DAY}
              onChange={(next) => (set(next), setError(null))}
              slotProps={{ textField: { size: 'small' } }}
            />
          ))}
        </Stack>
      ) : (
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
