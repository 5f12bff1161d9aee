// "Check for updates" in the About dialog (and the app menu's item of that name), with the
// setting to check automatically at start.
import { Alert, Button, FormControlLabel, Stack, Switch } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useUpdateCheck } from '@renderer/features/about/hooks/use-update-check';
import { updateSentence, type UpdateSentence } from '@renderer/features/about/lib/update-sentence';
import { errorMessage } from '@renderer/i18n/error-message';

/** The "check automatically" setting, which the app keeps (the settings feature's). */
export type AutomaticUpdates = { checked: boolean; onChange(checked: boolean): void };

/** `checkNow` starts a check when the component appears (the menu item). */
export function UpdateCheck({ checkNow, automatic }: { checkNow: boolean; automatic: AutomaticUpdates }): React.JSX.Element {
  const { t } = useTranslation('about');
  const { check, run } = useUpdateCheck(checkNow);
  const said: UpdateSentence | null =
    check.state === 'done'
      ? updateSentence(check.result, t)
      : check.state === 'failed'
        ? { severity: 'error', text: errorMessage(check.error) }
        : null;

  return (
    <Stack spacing={1} sx={{ mt: 2, alignItems: 'flex-start' }}>
      <FormControlLabel
        control={<Switch checked={automatic.checked} onChange={(event) => automatic.onChange(event.target.checked)} />}
        label={t('updates.automatic')}
        slotProps={{ typography: { variant: 'body2' } }}
      />
      <Button variant="outlined" size="small" onClick={run} loading={check.state === 'checking'}>
        {t('updates.check')}
      </Button>
      {said && (
        <Alert severity={said.severity} role="status" sx={{ alignSelf: 'stretch' }}>
          {said.text}
        </Alert>
      )}
    </Stack>
  );
}
