// Step 4 of "Replace key…": what the new key now has (never silent about less access), then
// the old key's fate: delete it now (its access is removed first, so that it owns nothing
// and nothing is lost), or keep both until a date within 90 days (KeyDesk reminds then).
// And the result.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { MAX_OVERLAP_DAYS } from '@shared/key-rotation';
import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import dayjs, { type Dayjs } from 'dayjs';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '@renderer/lib/formatting';
import type { RotateChooseStep, RotateDoneStep, RotateFlow } from '@renderer/features/api-keys/stores/rotate-flow';
import { AccessSummary } from '@renderer/features/api-keys/components/rotate/rotate-access-step';
import { FailureAlert } from '@renderer/features/api-keys/components/rotate/failure-alert';

function AccessCheck({ state, locale }: { state: RotateChooseStep; locale: string }): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const { rotation } = state;
  const names = { old: rotation.oldKey.title, new: rotation.replacement.title };
  const access = rotation.access;
  if (access !== null && access.shortfallCount > 0) {
    return (
      <Alert severity="warning" role="alert">
        {t('keyChange.rotate.accessShort', { ...names, count: formatNumber(access.shortfallCount, locale) })}
        <AccessSummary rotation={rotation} locale={locale} />
      </Alert>
    );
  }
  return (
    <Alert severity="success">
      {access === null || access.toGrant === 0
        ? t('keyChange.rotate.accessNothing', names)
        : t('keyChange.rotate.accessAll', { ...names, total: formatNumber(access.toGrant, locale) })}
    </Alert>
  );
}

export function RotateChoice({ state, flow, locale }: { state: RotateChooseStep; flow: RotateFlow; locale: string }): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const labelId = useId();
  const today = useMemo(() => dayjs().startOf('day'), []);
  const latest = today.add(MAX_OVERLAP_DAYS, 'day');
  const { rotation } = state;
  const shortfall = (rotation.access?.shortfallCount ?? 0) > 0;
  // With less access, deleting the old key would take access away: keeping both is offered first.
  const [choice, setChoice] = useState<'delete-now' | 'keep-until'>(shortfall ? 'keep-until' : 'delete-now');
  const [until, setUntil] = useState<Dayjs | null>(() => (rotation.keepUntil ? dayjs(rotation.keepUntil) : today.add(14, 'day')));
  const dateValid = until !== null && until.isValid() && until.isAfter(today, 'day') && !until.isAfter(latest, 'day');

  const confirm = (): void => {
    if (choice === 'delete-now') void flow.finish({ kind: 'delete-now' });
    // Through the end of the chosen day, but never past the 90 days the services allow.
    else if (until !== null && dateValid) void flow.finish({ kind: 'keep-until', until: (until.isSame(latest, 'day') ? until.startOf('day') : until.endOf('day')).toISOString() });
  };

  return (
    <>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <AccessCheck state={state} locale={locale} />
          {rotation.stage === 'overlap' && rotation.keepUntil && <Typography>{t('keyChange.rotate.overlapNow', { date: formatDate(rotation.keepUntil, locale) })}</Typography>}
          <FormControl>
            <FormLabel id={labelId}>{t('keyChange.rotate.chooseLabel', { old: rotation.oldKey.title })}</FormLabel>
            <RadioGroup aria-labelledby={labelId} value={choice} onChange={(event) => setChoice(event.target.value as typeof choice)}>
              <FormControlLabel value="delete-now" control={<Radio />} label={t('keyChange.rotate.deleteNow')} />
              <Typography variant="body2" color="text.secondary" sx={{ pl: 4, mt: -0.75, mb: 1 }}>
                {t('keyChange.rotate.deleteNowHelp')}
              </Typography>
              <FormControlLabel value="keep-until" control={<Radio />} label={t('keyChange.rotate.keepUntil')} />
              <Typography variant="body2" color="text.secondary" sx={{ pl: 4, mt: -0.75, mb: 1 }}>
                {t('keyChange.rotate.keepUntilHelp', { maxDays: MAX_OVERLAP_DAYS })}
              </Typography>
            </RadioGroup>
          </FormControl>
          {choice === 'keep-until' && (
            <DatePicker
              label={t('keyChange.rotate.keepDate')}
              value={until}
              onChange={setUntil}
              minDate={today.add(1, 'day')}
              maxDate={latest}
              slotProps={{ textField: { fullWidth: true, error: !dateValid, helperText: dateValid ? ' ' : t('keyChange.rotate.dateInvalid', { maxDays: MAX_OVERLAP_DAYS }) } }}
            />
          )}
          <FailureAlert error={state.error} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" color={choice === 'delete-now' ? 'error' : 'primary'} disabled={choice === 'keep-until' && !dateValid} onClick={confirm}>
          {t(choice === 'delete-now' ? 'keyChange.rotate.confirmDelete' : 'keyChange.rotate.confirmKeep')}
        </Button>
      </DialogActions>
    </>
  );
}

export function RotateDone({ state, locale, onClose }: { state: RotateDoneStep; locale: string; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const names = { old: state.rotation.oldKey.title, new: state.rotation.replacement.title };
  return (
    <>
      <DialogContent>
        <Alert severity="success" sx={{ mt: 1 }}>
          {state.outcome.kind === 'deleted' ? t('keyChange.rotate.deleted', names) : t('keyChange.rotate.kept', { ...names, date: formatDate(state.outcome.until, locale) })}
        </Alert>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose} autoFocus>
          {t('keyChange.rotate.close')}
        </Button>
      </DialogActions>
    </>
  );
}
