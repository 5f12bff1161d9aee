// The bulk delete's choice, applied to every selected key: one Editor receives every owned
// resource (the Editor members listed at once, as the single delete does), or the resources
// are deleted with the keys once the number of keys is typed.
import Alert from '@mui/material/Alert';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { EditorPicker } from '@renderer/features/api-keys/components/delete/editor-picker';
import type { BulkChooseStep, BulkChoice } from '@renderer/features/api-keys/stores/bulk-delete-flow';
import { errorMessage } from '@renderer/i18n/error-message';

type Props = { step: BulkChooseStep; onChoiceChange(choice: BulkChoice): void };

export function BulkChoiceForm({ step, onChoiceChange }: Props): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const labelId = useId();
  const { choice, editors } = step;
  const disabled = step.starting;
  const count = String(step.keys.length);
  return (
    <FormControl disabled={disabled}>
      <FormLabel id={labelId}>{t('bulk.choice')}</FormLabel>
      <RadioGroup
        aria-labelledby={labelId}
        value={choice.kind}
        onChange={(event) => onChoiceChange(event.target.value === 'transfer' ? { kind: 'transfer', member: null } : { kind: 'delete-resources', typedCount: '' })}
      >
        <FormControlLabel value="transfer" control={<Radio />} label={t('bulk.transferChoice')} />
        {choice.kind === 'transfer' && (
          <Stack spacing={1} sx={{ pl: 4, pb: 1 }}>
            {editors.status === 'loading' && <Typography variant="body2">{t('bulk.loadingEditors')}</Typography>}
            {editors.status === 'failed' && <Alert severity="error">{`${t('delete.editorsFailed')} ${errorMessage(editors.error)}`}</Alert>}
            {editors.status === 'ready' && editors.members.length === 0 && <Alert severity="warning">{t('delete.noEditors')}</Alert>}
            {editors.status === 'ready' && editors.members.length > 0 && (
              <EditorPicker members={editors.members} selected={choice.member} disabled={disabled} onSelect={(member) => onChoiceChange({ kind: 'transfer', member })} />
            )}
            <Typography variant="body2" color="text.secondary">
              {t('delete.transferExplain')}
            </Typography>
          </Stack>
        )}
        <FormControlLabel value="delete-resources" control={<Radio />} label={t('bulk.deleteResourcesChoice')} />
        {choice.kind === 'delete-resources' && (
          <Stack spacing={1} sx={{ pl: 4 }}>
            <Alert severity="error">{t('bulk.deleteResourcesExplain')}</Alert>
            <Typography variant="body2">{t('bulk.typeCount', { total: count })}</Typography>
            <TextField
              size="small"
              label={t('bulk.countLabel')}
              value={choice.typedCount}
              onChange={(event) => onChoiceChange({ kind: 'delete-resources', typedCount: event.target.value })}
              autoComplete="off"
              slotProps={{ htmlInput: { inputMode: 'numeric' } }}
              sx={{ maxWidth: 200 }}
            />
          </Stack>
        )}
      </RadioGroup>
    </FormControl>
  );
}
