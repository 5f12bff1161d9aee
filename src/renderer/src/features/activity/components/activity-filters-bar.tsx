// The Activity view's filters, combined: action, outcome, key, a range of days, any text,
// and this organization or all of them. Texts apply after a short pause in typing.
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { ACTIVITY_ACTIONS, ACTIVITY_OUTCOMES, type ActivityAction, type ActivityOutcomeStatus } from '@shared/activity-log';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isFiltered, rangeIsBackwards, type ActivityFilters } from '@renderer/features/activity/lib/activity-filters';
import { ActivityDateField } from '@renderer/features/activity/components/activity-date-field';

const TYPING_PAUSE_MS = 300;

type Props = {
  filters: ActivityFilters;
  onChange(patch: Partial<ActivityFilters>): void;
  onClear(): void;
};

/** A text field that reports its value once typing pauses (and at once on Enter). */
function useSettledText(value: string, onSettled: (text: string) => void): [string, (text: string) => void, () => void] {
  const [draft, setDraft] = useState(value);
  // The value changed from outside (Clear filters): the field follows (React's "adjust
  // state when a prop changes", during render rather than in an effect).
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(value);
  }
  const settle = useRef(onSettled);
  useEffect(() => {
    settle.current = onSettled;
  });
  useEffect(() => {
    if (draft === value) return undefined;
    const timer = setTimeout(() => settle.current(draft), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [draft, value]);
  return [draft, setDraft, () => void (draft !== value && settle.current(draft))];
}

export function ActivityFiltersBar({ filters, onChange, onClear }: Props): React.JSX.Element {
  const { t } = useTranslation('activity');
  const [apiKey, setApiKey, flushApiKey] = useSettledText(filters.apiKey, (text) => onChange({ apiKey: text }));
  const [text, setText, flushText] = useSettledText(filters.text, (value) => onChange({ text: value }));
  const backwards = rangeIsBackwards(filters);
  const enter = (flush: () => void) => (event: React.KeyboardEvent) => {
    if (event.key === 'Enter') flush();
  };

  return (
    <Stack component="section" aria-label={t('filters.label')} spacing={1}>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1.5, alignItems: 'center' }}>
        <TextField
          select
          size="small"
          label={t('filters.action')}
          value={filters.actions}
          sx={{ width: 170 }}
          slotProps={{
            select: {
              multiple: true,
              displayEmpty: true,
              renderValue: (selected) => ((selected as ActivityAction[]).length === 0 ? t('filters.any') : (selected as ActivityAction[]).map((action) => t(`actions.${action}`)).join(', ')),
            },
            inputLabel: { shrink: true },
          }}
          onChange={(event) => onChange({ actions: event.target.value as unknown as ActivityAction[] })}
        >
          {ACTIVITY_ACTIONS.map((action) => (
            <MenuItem key={action} value={action}>
              {t(`actions.${action}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label={t('filters.outcome')}
          value={filters.outcomes}
          sx={{ width: 170 }}
          slotProps={{
            select: {
              multiple: true,
              displayEmpty: true,
              renderValue: (selected) =>
                (selected as ActivityOutcomeStatus[]).length === 0 ? t('filters.any') : (selected as ActivityOutcomeStatus[]).map((status) => t(`outcomes.${status}`)).join(', '),
            },
            inputLabel: { shrink: true },
          }}
          onChange={(event) => onChange({ outcomes: event.target.value as unknown as ActivityOutcomeStatus[] })}
        >
          {ACTIVITY_OUTCOMES.map((status) => (
            <MenuItem key={status} value={status}>
              {t(`outcomes.${status}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          size="small"
          label={t('filters.apiKey')}
          placeholder={t('filters.apiKeyHint')}
          value={apiKey}
          onChange={(event) => setApiKey(event.target.value)}
          onKeyDown={enter(flushApiKey)}
          onBlur={flushApiKey}
          slotProps={{ htmlInput: { maxLength: 200 }, inputLabel: { shrink: true } }}
          sx={{ width: 200 }}
        />
        <ActivityDateField label={t('filters.from')} day={filters.from} error={backwards} onChange={(from) => onChange({ from })} />
        <ActivityDateField label={t('filters.to')} day={filters.to} error={backwards} onChange={(to) => onChange({ to })} />
        <TextField
          size="small"
          type="search"
          label={t('filters.text')}
          placeholder={t('filters.textHint')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={enter(flushText)}
          onBlur={flushText}
          slotProps={{ htmlInput: { maxLength: 200 }, inputLabel: { shrink: true } }}
          sx={{ flex: '1 1 220px', minWidth: 200 }}
        />
        <FormControlLabel
          control={<Switch checked={filters.scope === 'all'} onChange={(_event, checked) => onChange({ scope: checked ? 'all' : 'organization' })} />}
          label={t('filters.allOrganizations')}
        />
        {isFiltered(filters) && (
          <Button size="small" onClick={onClear}>
            {t('filters.clear')}
          </Button>
        )}
      </Stack>
      {backwards && <FormHelperText error>{t('filters.backwards')}</FormHelperText>}
    </Stack>
  );
}
