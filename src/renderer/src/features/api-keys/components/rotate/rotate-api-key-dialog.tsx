// "Replace key…": renders the step useRotateFlow is at (the flow, and where the new secret
// lives, is stores/rotate-flow.ts). It closes by a stray Escape or click only where nothing
// is lost: on the first step, at a stop, and at the end; never on the secret nor while
// the services work.
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import type { RotationRecord } from '@shared/key-rotation';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useRotateFlow } from '@renderer/features/api-keys/hooks/use-rotate-flow';
import type { KeyToReplace } from '@renderer/features/api-keys/stores/key-change-store';
import type { RotateFlowState } from '@renderer/features/api-keys/stores/rotate-flow';
import { SecretStep } from '@renderer/features/api-keys/components/create/secret-step';
import { RotateDetailsStep } from '@renderer/features/api-keys/components/rotate/rotate-details-step';
import { RotateStopped, RotateWorking } from '@renderer/features/api-keys/components/rotate/rotate-access-step';
import { RotateChoice, RotateDone } from '@renderer/features/api-keys/components/rotate/rotate-choice-step';

const STEPS = ['stepDetails', 'stepSecret', 'stepAccess', 'stepOldKey'] as const;

function activeStep(state: RotateFlowState): number {
  if (state.step === 'loading' || state.step === 'details') return 0;
  if (state.step === 'secret') return 1;
  if ((state.step === 'working' || state.step === 'stopped') && state.stage === 'grant') return 2;
  return state.step === 'done' ? 4 : 3;
}

type Props = { apiKey: KeyToReplace; resume?: RotationRecord; locale: string; onClose: () => void };

export function RotateApiKeyDialog({ apiKey, resume, locale, onClose }: Props): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const titleId = useId();
  const [state, flow] = useRotateFlow(apiKey, resume);
  const closable = state.step === 'loading' || (state.step === 'details' && !state.submitting) || state.step === 'stopped' || state.step === 'choose' || state.step === 'done';
  const active = activeStep(state);

  return (
    <Dialog open fullWidth maxWidth="sm" aria-labelledby={titleId} onClose={() => closable && onClose()}>
      <DialogTitle id={titleId}>{t(state.step === 'done' ? 'keyChange.rotate.doneTitle' : 'keyChange.rotate.title', { title: apiKey.title })}</DialogTitle>
      <Stepper activeStep={active} sx={{ px: 3, pb: 1 }}>
        {STEPS.map((label, index) => (
          <Step key={label} completed={index < active}>
            <StepLabel>{t(`keyChange.rotate.${label}`)}</StepLabel>
          </Step>
        ))}
      </Stepper>
      {state.step === 'loading' && (
        <DialogContent>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', py: 2 }}>
            <CircularProgress size={20} />
            <Typography role="status">{t('keyChange.rotate.loading')}</Typography>
          </Stack>
        </DialogContent>
      )}
      {state.step === 'details' && <RotateDetailsStep apiKey={apiKey} state={state} flow={flow} locale={locale} onCancel={onClose} />}
      {state.step === 'secret' && <SecretStep state={state} flow={flow} locale={locale} okLabel={t('keyChange.rotate.continue')} />}
      {state.step === 'working' && <RotateWorking state={state} flow={flow} locale={locale} />}
      {state.step === 'stopped' && <RotateStopped state={state} flow={flow} locale={locale} onClose={onClose} />}
      {state.step === 'choose' && <RotateChoice state={state} flow={flow} locale={locale} />}
      {state.step === 'done' && <RotateDone state={state} locale={locale} onClose={onClose} />}
    </Dialog>
  );
}
