// The "Create new API key" wizard's dialog: it renders the step useCreateFlow is at (the
// flow itself, and where the secret lives, is stores/create-flow.ts).
import Dialog from '@mui/material/Dialog';
import DialogTitle from '@mui/material/DialogTitle';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateDetailsStep } from '@renderer/features/api-keys/components/create/create-details-step';
import { SecretStep } from '@renderer/features/api-keys/components/create/secret-step';
import { useCreateFlow } from '@renderer/features/api-keys/hooks/use-create-flow';
import { useApiKeysStore } from '@renderer/features/api-keys/stores/api-keys-store';

type Props = { locale: string; onCreated: (title: string) => void };

export function CreateApiKeyDialog({ locale, onCreated }: Props): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const titleId = useId();
  const closeDialog = useApiKeysStore((state) => state.closeDialog);
  const [state, flow] = useCreateFlow(onCreated);
  const onSecret = state.step !== 'details';

  return (
    <Dialog
      open
      fullWidth
      maxWidth="sm"
      aria-labelledby={titleId}
      // Step 2 closes only through "OK": the secret must not vanish on a stray Escape or click.
      onClose={() => {
        if (state.step === 'details' && !state.submitting) closeDialog();
      }}
    >
      <DialogTitle id={titleId}>{t('create.title')}</DialogTitle>
      <Stepper activeStep={onSecret ? 1 : 0} sx={{ px: 3, pb: 1 }}>
        <Step completed={onSecret}>
          <StepLabel>{t('create.stepDetails')}</StepLabel>
        </Step>
        <Step>
          <StepLabel>{t('create.stepSecret')}</StepLabel>
        </Step>
      </Stepper>
      {state.step === 'details' && <CreateDetailsStep locale={locale} state={state} flow={flow} onCancel={closeDialog} />}
      {state.step === 'secret' && <SecretStep state={state} flow={flow} locale={locale} />}
    </Dialog>
  );
}
