// Step 1 of the wizard: "Name", "Expiration date", "Role". "Create" is enabled once the
// form is valid; the server's validation errors land on their fields.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { CreatedApiKey } from '@shared/api-types';
import { AppError } from '@shared/errors';
import { API_KEY_ROLES, type ApiKeyRole } from '@shared/roles';
import dayjs, { type Dayjs } from 'dayjs';
import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '@renderer/lib/keydesk-client';
import { errorMessage, speaksServicesLanguage } from '@renderer/i18n/error-message';
import {
  expirationInstant,
  lostKeyId,
  placeServerError,
  submissionFingerprint,
  validateExpiration,
  validateTitle,
  type CreateField,
  type CreateRequest,
} from '@renderer/features/api-keys/lib/create-form';
import { ExpirationField } from '@renderer/features/api-keys/components/create/expiration-field';

type Props = {
  locale: string;
  onCreated: (created: CreatedApiKey) => void;
  onCancel: () => void;
  /** A key was created without its secret: the grid should show it. */
  onKeyCreatedWithoutSecret: () => void;
  onBusyChange: (busy: boolean) => void;
};

export function CreateDetailsStep({ locale, onCreated, onCancel, onKeyCreatedWithoutSecret, onBusyChange }: Props): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const roleLabelId = useId();
  const today = useMemo(() => dayjs().startOf('day'), []);
  const [title, setTitle] = useState('');
  const [expiration, setExpiration] = useState<Dayjs | null>(null);
  const [role, setRole] = useState<ApiKeyRole>('ORG_VIEWER');
  const [touched, setTouched] = useState({ title: false, expirationDate: false });
  const [serverErrors, setServerErrors] = useState<Partial<Record<CreateField, string>>>({});
  const [generalError, setGeneralError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // One Idempotency-Key per submission, kept while the same values are retried.
  const submission = useRef<{ fingerprint: string; key: string } | null>(null);

  const titleError = validateTitle(title);
  const dateError = validateExpiration(expiration, today);
  const valid = titleError === null && dateError === null;
  const shownTitleError = serverErrors.title ?? (touched.title && titleError ? t(titleError) : null);
  // A date typed in full is judged at once; an empty field only once the user left it.
  const dateJudged = touched.expirationDate || expiration !== null;
  const shownDateError = serverErrors.expirationDate ?? (dateJudged && dateError ? t(dateError) : null);

  const clearServerError = (field: CreateField): void => setServerErrors(({ [field]: _dropped, ...rest }) => rest);

  const submit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    setTouched({ title: true, expirationDate: true });
    if (!valid || submitting || expiration === null) return;
    const request: CreateRequest = { title: title.trim(), role, expirationDate: expirationInstant(expiration) };
    const fingerprint = submissionFingerprint(request);
    if (submission.current?.fingerprint !== fingerprint) submission.current = { fingerprint, key: crypto.randomUUID() };
    setSubmitting(true);
    onBusyChange(true);
    setGeneralError(null);
    setServerErrors({});
    try {
      const created = await call('createApiKey', { ...request, idempotencyKey: submission.current.key });
      submission.current = null;
      onCreated(created);
    } catch (error) {
      if (error instanceof AppError && error.code === 'SECRET_LOST') {
        // The key exists; a retry would only replay the same answer. Say it plainly.
        submission.current = null;
        const id = lostKeyId(error);
        setGeneralError(id ? t('create.errors.secretLost', { id }) : t('create.errors.secretLostNoId'));
        onKeyCreatedWithoutSecret();
      } else {
        const placed = placeServerError(error, errorMessage(error), speaksServicesLanguage() ? undefined : t('create.errors.serverRefused'));
        setServerErrors(placed.fields);
        setGeneralError(placed.general);
      }
    } finally {
      setSubmitting(false);
      onBusyChange(false);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <DialogContent>
        <Stack spacing={2.5} sx={{ pt: 1 }}>
          <TextField
            label={t('create.name')}
            value={title}
            required
            fullWidth
            autoFocus
            disabled={submitting}
            onChange={(event) => {
              setTitle(event.target.value);
              setTouched((current) => ({ ...current, title: true }));
              clearServerError('title');
            }}
            onBlur={() => setTouched((current) => ({ ...current, title: true }))}
            error={shownTitleError !== null}
            helperText={shownTitleError ?? t('create.nameHelper')}
            slotProps={{ htmlInput: { maxLength: 200 } }}
          />
          <ExpirationField
            value={expiration}
            today={today}
            locale={locale}
            error={shownDateError}
            disabled={submitting}
            onChange={(value) => {
              setExpiration(value);
              clearServerError('expirationDate');
            }}
            onBlur={() => setTouched((current) => ({ ...current, expirationDate: true }))}
          />
          <FormControl error={serverErrors.role !== undefined} disabled={submitting}>
            <FormLabel id={roleLabelId}>{t('create.role')}</FormLabel>
            <RadioGroup
              aria-labelledby={roleLabelId}
              value={role}
              onChange={(event) => {
                setRole(event.target.value as ApiKeyRole);
                clearServerError('role');
              }}
            >
              {API_KEY_ROLES.map((value) => (
                <RoleOption key={value} role={value} />
              ))}
            </RadioGroup>
            {serverErrors.role !== undefined && <FormHelperText>{serverErrors.role}</FormHelperText>}
          </FormControl>
          {generalError !== null && (
            <Alert severity="error" role="alert">
              {generalError}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={submitting}>
          {t('create.cancel')}
        </Button>
        <Button type="submit" variant="contained" disabled={!valid || submitting}>
          {submitting ? t('create.creating') : t('create.create')}
        </Button>
      </DialogActions>
    </form>
  );
}

/** A role's radio, named by the role alone, with what the role may do as its description. */
function RoleOption({ role }: { role: ApiKeyRole }): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const descriptionId = useId();
  return (
    <div>
      <FormControlLabel
        value={role}
        control={<Radio slotProps={{ input: { 'aria-describedby': descriptionId } }} />}
        label={t(`roles.${role}`)}
      />
      <Typography id={descriptionId} variant="body2" color="text.secondary" sx={{ pl: 4, mt: -0.75, mb: 0.5 }}>
        {t(`roleDescriptions.${role}`)}
      </Typography>
    </div>
  );
}
