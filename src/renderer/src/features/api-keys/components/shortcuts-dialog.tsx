// "Keyboard shortcuts": every key of the keys page, so that none has to be guessed
// (opened from the toolbar's keyboard button, or with "?").
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { shortcutKeys } from '@renderer/features/api-keys/lib/shortcut-keys';

export function ShortcutsDialog({ onClose }: { onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const titleId = useId();
  const keys = shortcutKeys();
  const rows: [string, string][] = [
    [keys.create, t('shortcuts.newKey')],
    [keys.search, t('shortcuts.search')],
    [keys.refresh, t('shortcuts.refresh')],
    [keys.selectExpired, t('shortcuts.selectExpired')],
    [t('shortcuts.enter'), t('shortcuts.information')],
    [t('shortcuts.deleteKey'), t('shortcuts.delete')],
    [t('shortcuts.shiftF10'), t('shortcuts.rowMenu')],
    [t('shortcuts.question'), t('shortcuts.help')],
  ];
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="xs" fullWidth>
      <DialogTitle id={titleId}>{t('shortcuts.title')}</DialogTitle>
      <DialogContent>
        <Table size="small" aria-labelledby={titleId}>
          <TableBody>
            {rows.map(([key, action]) => (
              <TableRow key={action}>
                <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap' }}>
                  <kbd>{key}</kbd>
                </TableCell>
                <TableCell>{action}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>
          {t('shortcuts.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
