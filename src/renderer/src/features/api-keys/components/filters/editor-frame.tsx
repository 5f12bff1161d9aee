// What every criterion's editor shares: its title, its form (Enter applies), why "Apply"
// was refused, and "Apply", "Remove" (when the criterion is in use) and "Cancel".
import Button from '@mui/material/Button';
import FormHelperText from '@mui/material/FormHelperText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

type Props = {
  title: string;
  inUse: boolean;
  onApply: () => void;
  onRemove: () => void;
  onCancel: () => void;
  /** Why the last "Apply" changed nothing, said under the fields. */
  error?: string | null;
  children: React.ReactNode;
};

export function EditorFrame({ title, inUse, onApply, onRemove, onCancel, error = null, children }: Props): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const titleId = useId();
  return (
    <Stack
      component="form"
      aria-labelledby={titleId}
      noValidate
      spacing={2}
      sx={{ p: 2, width: 340, maxWidth: '100%' }}
      onSubmit={(event: React.FormEvent) => {
        event.preventDefault();
        onApply();
      }}
    >
      <Typography id={titleId} variant="subtitle1" component="h2">
        {title}
      </Typography>
      {children}
      {error !== null && (
        <FormHelperText error role="alert">
          {error}
        </FormHelperText>
      )}
      <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
        {inUse && (
          <Button color="inherit" onClick={onRemove} sx={{ mr: 'auto' }}>
            {t('filters.removeFilter')}
          </Button>
        )}
        <Button onClick={onCancel}>{t('filters.cancel')}</Button>
        <Button type="submit" variant="contained">
          {t('filters.apply')}
        </Button>
      </Stack>
    </Stack>
  );
}
