// "Key replacements": the organization's rotations under way, those whose overlap has ended
// first (what the reminder, menu command show-ended-overlaps, leads to), each with its next
// step: delete the old key, or continue where it stopped; and "Stop following".
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { RotationRecord } from '@shared/key-rotation';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@renderer/i18n/error-message';
import { formatDate } from '@renderer/lib/formatting';
import { useReplacements } from '@renderer/features/api-keys/hooks/use-replacements';

type Props = { locale: string; onClose: () => void; onContinue: (rotation: RotationRecord) => void; onDismissed: (rotation: RotationRecord) => void };

export function ReplacementsDialog({ locale, onClose, onContinue, onDismissed }: Props): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const titleId = useId();
  const { state, dismiss } = useReplacements(onDismissed);

  const describe = (rotation: RotationRecord, ended: boolean): string => {
    const names = { old: rotation.oldKey.title, new: rotation.replacement.title };
    if (rotation.stage === 'overlap' && rotation.keepUntil) return t(ended ? 'keyChange.replacements.ended' : 'keyChange.replacements.overlap', { ...names, date: formatDate(rotation.keepUntil, locale) });
    return t(`keyChange.replacements.${rotation.stage}`);
  };
  const item = (rotation: RotationRecord, ended: boolean): React.JSX.Element => (
    <ListItem key={rotation.id} divider sx={{ flexWrap: 'wrap', gap: 1 }}>
      <ListItemText primary={`${rotation.oldKey.title} → ${rotation.replacement.title}`} secondary={describe(rotation, ended)} sx={{ flex: '1 1 260px' }} />
      <Stack direction="row" spacing={1}>
        <Button size="small" onClick={() => void dismiss(rotation)}>
          {t('keyChange.replacements.dismiss')}
        </Button>
        <Button size="small" variant="contained" color={ended ? 'error' : 'primary'} onClick={() => onContinue(rotation)}>
          {t(ended || rotation.stage === 'overlap' ? 'keyChange.replacements.deleteOld' : 'keyChange.replacements.continue')}
        </Button>
      </Stack>
    </ListItem>
  );

  return (
    <Dialog open fullWidth maxWidth="md" aria-labelledby={titleId} onClose={onClose}>
      <DialogTitle id={titleId}>{t('keyChange.replacements.title')}</DialogTitle>
      <DialogContent>
        {state.status === 'failed' && <Alert severity="error">{`${t('keyChange.replacements.failed')} ${errorMessage(state.error)}`}</Alert>}
        {state.status === 'ready' && state.ended.length + state.ongoing.length === 0 && <Typography>{t('keyChange.replacements.empty')}</Typography>}
        {state.status === 'ready' && state.ended.length > 0 && (
          <List subheader={<ListSubheader disableSticky>{t('keyChange.replacements.endedHeading')}</ListSubheader>}>{state.ended.map((rotation) => item(rotation, true))}</List>
        )}
        {state.status === 'ready' && state.ongoing.length > 0 && (
          <List subheader={<ListSubheader disableSticky>{t('keyChange.replacements.ongoingHeading')}</ListSubheader>}>{state.ongoing.map((rotation) => item(rotation, false))}</List>
        )}
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>
          {t('keyChange.replacements.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
