// The "Create new API key" wizard. The new key's secret lives in this component's state
// only (never in a store), and is dropped, here and in main (forgetSecret), however the
// wizard goes: "OK", or unmounted under it (organization switch, session ended).
import Dialog from '@mui/material/Dialog';
import DialogTitle from '@mui/material/DialogTitle';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import type { CreatedApiKey } from '@shared/api-types';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '@renderer/lib/keydesk-client';
import { useApiKeysStore } from '@renderer/features/api-keys/stores/api-keys-store';
import { CreateDetailsStep } from '@renderer/features/api-keys/components/create/create-details-step';
import { SecretStep } from '@renderer/features/api-keys/components/create/secret-step';

type Props = { locale: string; onCreated: (title: string) => void };

export function CreateApiKeyDialog({ locale, onCreated }: Props): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const titleId = useId();
  const closeDialog = useApiKeysStore((state) => state.closeDialog);
  const showNewest = useApiKeysStore((state) => state.showNewest);
  const load = useApiKeysStore((state) => state.load);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [busy, setBusy] = useState(false);

  // Main keeps the secret for "Copy API key" until told the wizard is gone, by whatever way.
  const createdId = created?.apiKey.id;
  useEffect(() => {
    if (createdId === undefined) return undefined;
    return () => void call('forgetSecret', { apiKeyId: createdId }).catch(() => undefined);
  }, [createdId]);

  const finish = (): void => {
    if (!created) return;
    const { apiKey } = created;
    setCreated(null);
    closeDialog();
    showNewest(apiKey.id);
    onCreated(apiKey.title);
  };

  return (
    <Dialog
      open
      fullWidth
      maxWidth="sm"
      aria-labelledby={titleId}
      // Step 2 closes only through "OK": the secret must not vanish on a stray Escape or click.
      onClose={() => {
        if (!created && !busy) closeDialog();
      }}
    >
      <DialogTitle id={titleId}>{t('create.title')}</DialogTitle>
      <Stepper activeStep={created ? 1 : 0} sx={{ px: 3, pb: 1 }}>
        <Step completed={created !== null}>
          <StepLabel>{t('create.stepDetails')}</StepLabel>
        </Step>
        <Step>
          <StepLabel>{t('create.stepSecret')}</StepLabel>
        </Step>
      </Stepper>
      {created ? (
        <SecretStep apiKey={created.apiKey} secret={created.secret} locale={locale} onDone={finish} />
      ) : (
        <CreateDetailsStep
          locale={locale}
          onCreated={setCreated}
          onCancel={closeDialog}
          onKeyCreatedWithoutSecret={() => void load()}
          onBusyChange={setBusy}
        />
      )}
    </Dialog>
  );
}
