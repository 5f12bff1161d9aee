// "Edit…": a key's title and expiration, its secret unchanged, where the server offers it
// (capabilities.apiKeyEdit). Where it does not (JMap Cloud), the dialog says so and offers
// "Replace key…", which gives the same result with a new secret.
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ApiKey } from '@shared/api-types';
import dayjs from 'dayjs';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditFlow } from '@renderer/features/api-keys/hooks/use-edit-flow';
import { expirationInstant } from '@renderer/features/api-keys/lib/create-form';
import type { EditChanges } from '@renderer/features/api-keys/stores/edit-flow';
import { fieldsValid, TitleExpirationFields, type TitleExpiration } from '@renderer/features/api-keys/components/rotate/title-expiration-fields';
import { FailureAlert } from '@renderer/features/api-keys/components/rotate/failure-alert';

type Props = {
  apiKey: ApiKey;
  canEdit: boolean;
  locale: string;
  onClose: () => void;
  onSaved: (apiKey: ApiKey) => void;
  onRotateInstead: () => void;
};

/** Only what changed is sent: the same day is the same expiration. */
function changesOf(apiKey: ApiKey, value: TitleExpiration): EditChanges {
  const changes: EditChanges = {};
  if (value.title.trim() !== apiKey.title) changes.title = value.title.trim();
  if (value.expiration !== null && !value.expiration.isSame(dayjs(apiKey.expirationDate), 'day')) changes.expirationDate = expirationInstant(value.expiration);
  return changes;
}

export function EditApiKeyDialog({ apiKey, canEdit, locale, onClose, onSaved, onRotateInstead }: Props): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const titleId = useId();
  const today = useMemo(() => dayjs().startOf('day'), []);
  const [state, flow] = useEditFlow(apiKey, canEdit, onSaved);
  const [value, setValue] = useState<TitleExpiration>({ title: apiKey.title, expiration: dayjs(apiKey.expirationDate) });
  const saving = state.step === 'form' && state.saving;
  const changes = changesOf(apiKey, value);
  const changed = Object.keys(changes).length > 0;
  // An expiration left as it was may be past or near: only a changed one is judged.
  const valid = fieldsValid({ ...value, expiration: changes.expirationDate === undefined ? today.add(1, 'day') : value.expiration }, today);

  const submit = (event: React.FormEvent): void => {
    event.preventDefault();
    if (changed && valid) void flow.save(changes);
  };

  return (
    <Dialog open fullWidth maxWidth="sm" aria-labelledby={titleId} onClose={() => !saving && onClose()}>
      <DialogTitle id={titleId}>{t('keyChange.edit.title', { title: apiKey.title })}</DialogTitle>
      {state.step === 'unsupported' ? (
        <>
          <DialogContent>
            <Alert severity="info" role="alert" sx={{ mt: 1 }}>
              <AlertTitle>{t('keyChange.edit.unsupportedTitle')}</AlertTitle>
              {t('keyChange.edit.unsupported')}
            </Alert>
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>{t('keyChange.edit.cancel')}</Button>
            <Button variant="contained" onClick={onRotateInstead} autoFocus>
              {t('keyChange.edit.rotateInstead')}
            </Button>
          </DialogActions>
        </>
      ) : (
        <form noValidate onSubmit={submit}>
          <DialogContent>
            <Stack spacing={2.5} sx={{ pt: 1 }}>
              <Typography variant="body2">{t('keyChange.edit.intro')}</Typography>
              <TitleExpirationFields value={value} onChange={setValue} titleLabel={t('keyChange.edit.name')} today={today} locale={locale} disabled={saving} judgeExpiration={changes.expirationDate !== undefined} />
              <FailureAlert error={state.step === 'form' ? state.error : null} />
            </Stack>
          </DialogContent>
          <DialogActions>
            {!changed && (
              <Typography variant="body2" color="text.secondary" sx={{ flex: 1, px: 1 }}>
                {t('keyChange.edit.nothingChanged')}
              </Typography>
            )}
            <Button onClick={onClose} disabled={saving}>
              {t('keyChange.edit.cancel')}
            </Button>
            <Button type="submit" variant="contained" disabled={saving || !changed || !valid}>
              {saving ? t('keyChange.edit.saving') : t('keyChange.edit.save')}
            </Button>
          </DialogActions>
        </form>
      )}
    </Dialog>
  );
}
