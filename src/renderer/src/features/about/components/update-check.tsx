// "Check for updates" in the About dialog (and the app menu's item of that name), with the
// setting to check automatically at start.
import { Alert, Button, FormControlLabel, Stack, Switch } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateCheck as UpdateCheckResult } from '@shared/ipc-contract';
import { call } from '@renderer/lib/keydesk-client';
import { errorMessage, speaksServicesLanguage } from '@renderer/i18n/error-message';

const SEVERITY = { available: 'info', 'up-to-date': 'success', unsupported: 'info', error: 'error' } as const;

type Check = { state: 'idle' } | { state: 'checking' } | { state: 'done'; result: UpdateCheckResult };

/** The "check automatically" setting, which the app keeps (the settings feature's). */
export type AutomaticUpdates = { checked: boolean; onChange(checked: boolean): void };

/** `checkNow` starts a check when the component appears (the menu item). */
export function UpdateCheck({ checkNow, automatic }: { checkNow: boolean; automatic: AutomaticUpdates }): React.JSX.Element {
  const { t } = useTranslation('about');
  const [check, setCheck] = useState<Check>({ state: 'idle' });

  const run = async (): Promise<void> => {
    setCheck({ state: 'checking' });
    try {
      setCheck({ state: 'done', result: await call('checkForUpdates') });
    } catch (error) {
      setCheck({ state: 'done', result: { status: 'error', message: errorMessage(error) } });
    }
  };

  useEffect(() => {
    if (!checkNow) return;
    // Deferred a tick so that the check's first state change happens outside the effect.
    const timer = setTimeout(() => void run(), 0);
    return () => clearTimeout(timer);
  }, [checkNow]);

  return (
    <Stack spacing={1} sx={{ mt: 2, alignItems: 'flex-start' }}>
      <FormControlLabel
        control={<Switch checked={automatic.checked} onChange={(event) => automatic.onChange(event.target.checked)} />}
        label={t('updates.automatic')}
        slotProps={{ typography: { variant: 'body2' } }}
      />
      <Button variant="outlined" size="small" onClick={() => void run()} loading={check.state === 'checking'}>
        {t('updates.check')}
      </Button>
      {check.state === 'done' && (
        <Alert severity={SEVERITY[check.result.status]} role="status" sx={{ alignSelf: 'stretch' }}>
          {/* The update service speaks English; other languages get the sentence for its status. */}
          {speaksServicesLanguage() ? check.result.message : t(`updates.status.${check.result.status}`)}
        </Alert>
      )}
    </Stack>
  );
}
