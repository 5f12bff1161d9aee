// Step 1 of the wizard: "Name", "Expiration date", "Role". "Create" says what is still
// needed, and a click on it shows each field's problem and goes to the first; a name some
// key already has is said, not refused; the fields the server refuses say so (the create
// flow keeps which).
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
import type { AppError } from '@shared/errors';
import { API_KEY_ROLES, type ApiKeyRole } from '@shared/roles';
import dayjs, { type Dayjs } from 'dayjs';
import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, hasOwnSentence } from '@renderer/i18n/error-message';
import { expirationInstant, lostKeyId, validateExpiration, validateTitle, type CreateField } from '@renderer/features/api-keys/lib/create-form';
import type { CreateFlow, DetailsStep } from '@renderer/features/api-keys/stores/create-flow';
import { ExpirationField } from '@renderer/features/api-keys/components/create/expiration-field';
import { useDuplicateTitle } from '@renderer/features/api-keys/hooks/use-duplicate-title';

type Props = { locale: string; state: DetailsStep; flow: CreateFlow; onCancel: () => void };

export function CreateDetailsStep({ locale, state, flow, onCancel }: Props): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const roleLabelId = useId();
  const today = useMemo(() => dayjs().startOf('day'), []);
  const [title, setTitle] = useState('');
  const [expiration, setExpiration] = useState<Dayjs | null>(null);
  const [role, setRole] = useState<ApiKeyRole>('ORG_VIEWER');
  const [touched, setTouched] = useState({ title: false, expirationDate: false });
  const nameInput = useRef<HTMLInputElement>(null);
  const dateGroup = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const { submitting } = state;
  const duplicate = useDuplicateTitle(title);

  const titleError = validateTitle(title);
  const dateError = validateExpiration(expiration, today);
  const valid = titleError === null && dateError === null;
  const stillNeeded = [
    titleError === null ? null : titleError === 'create.errors.nameRequired' ? t('create.needName') : t('create.fixName'),
    dateError === null ? null : dateError === 'create.errors.dateRequired' ? t('create.needDate') : t('create.fixDate'),
  ].filter((need) => need !== null);
  /** A field the server refused: its own sentence when the catalog has one, else a plain "refused". */
  const refusal = (field: CreateField): string | null => {
    const error = state.refused[field];
    if (!error) return null;
    return hasOwnSentence(error) ? errorMessage(error) : t('create.errors.serverRefused');
  };
  const shownTitleError = refusal('title') ?? (touched.title && titleError ? t(titleError) : null);
  // A date typed in full is judged at once; an empty field only once the user left it.
  const dateJudged = touched.expirationDate || expiration !== null;
  const shownDateError = refusal('expirationDate') ?? (dateJudged && dateError ? t(dateError) : null);
  const roleError = refusal('role');
  const generalError = state.error === null ? null : sentenceOf(state.error);

  function sentenceOf(error: AppError): string {
    if (error.code !== 'SECRET_LOST') return errorMessage(error);
    const id = lostKeyId(error);
    return id ? t('create.errors.secretLost', { id }) : t('create.errors.secretLostNoId');
  }

  const submit = (event: React.FormEvent): void => {
    event.preventDefault();
    setTouched({ title: true, expirationDate: true });
    if (titleError !== null) nameInput.current?.focus();
    else if (dateError !== null) dateGroup.current?.querySelector<HTMLElement>('[role="spinbutton"], input')?.focus();
    if (!valid || submitting || expiration === null) return;
    void flow.submit({ title: title.trim(), role, expirationDate: expirationInstant(expiration) });
  };

  return (
    <form noValidate onSubmit={submit}>
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
              flow.fieldChanged('title');
            }}
            onBlur={() => setTouched((current) => ({ ...current, title: true }))}
            error={shownTitleError !== null}
            helperText={shownTitleError ?? (duplicate === null ? t('create.nameHelper') : t('create.duplicateTitle', { title: duplicate }))}
            inputRef={nameInput}
            slotProps={{
              htmlInput: { maxLength: 200 },
              // A warning, not an error: the name may stay.
              formHelperText: duplicate !== null && shownTitleError === null ? { sx: { color: 'warning.main' } } : undefined,
            }}
          />
          <div ref={dateGroup}>
            <ExpirationField
              value={expiration}
              today={today}
              locale={locale}
              error={shownDateError}
              disabled={submitting}
              onChange={(value) => {
                setExpiration(value);
                flow.fieldChanged('expirationDate');
              }}
              onBlur={() => setTouched((current) => ({ ...current, expirationDate: true }))}
            />
          </div>
          <FormControl error={roleError !== null} disabled={submitting}>
            <FormLabel id={roleLabelId}>{t('create.role')}</FormLabel>
            <RadioGroup
              aria-labelledby={roleLabelId}
              value={role}
              onChange={(event) => {
                setRole(event.target.value as ApiKeyRole);
                flow.fieldChanged('role');
              }}
            >
              {API_KEY_ROLES.map((value) => (
                <RoleOption key={value} role={value} />
              ))}
            </RadioGroup>
            {roleError !== null && <FormHelperText>{roleError}</FormHelperText>}
          </FormControl>
          {generalError !== null && (
            <Alert severity="error" role="alert">
              {generalError}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions sx={{ flexWrap: 'wrap', gap: 1 }}>
        {stillNeeded.length > 0 && (
          <Typography id={hintId} role="status" variant="body2" color="text.secondary" sx={{ flex: '1 1 240px', px: 1 }}>
            {t('create.stillNeeded', { what: new Intl.ListFormat(locale, { type: 'conjunction' }).format(stillNeeded) })}
          </Typography>
        )}
        <Button onClick={onCancel} disabled={submitting}>
          {t('create.cancel')}
        </Button>
        <Button type="submit" variant="contained" disabled={submitting} aria-describedby={stillNeeded.length > 0 ? hintId : undefined}>
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
