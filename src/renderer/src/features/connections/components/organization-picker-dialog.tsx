// "Choose an organization": shown when the account belongs to several organizations.
import BusinessIcon from '@mui/icons-material/BusinessOutlined';
import {
  Alert,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  List,
  ListItemButton,
  ListItemIcon,
  ListItemText,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { OrganizationMembership } from '@shared/api-types';
import { holdsRole } from '@shared/roles';

type OrganizationPickerDialogProps = {
  open: boolean;
  organizations: readonly OrganizationMembership[];
  /** The organization being opened, while it is. */
  busyId: string | null;
  error: string | null;
  onChoose(organizationId: string): void;
  onCancel(): void;
};

export function OrganizationPickerDialog({ open, organizations, busyId, error, onChoose, onCancel }: OrganizationPickerDialogProps): React.JSX.Element {
  const { t } = useTranslation('connections');
  const { t: tc } = useTranslation();
  return (
    <Dialog open={open} onClose={busyId ? undefined : onCancel} maxWidth="xs" fullWidth aria-labelledby="organization-picker-title" aria-describedby="organization-picker-body">
      <DialogTitle id="organization-picker-title">{t('picker.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText id="organization-picker-body" variant="body2" sx={{ mb: 1 }}>
          {t('picker.body')}
        </DialogContentText>
        {error && (
          <Alert severity="error" sx={{ mb: 1 }}>
            {error}
          </Alert>
        )}
        <List disablePadding sx={{ display: 'grid', gap: 1 }}>
          {organizations.map((organization) => {
            // Null: the server tells the roles only once the organization is chosen.
            const administrator = organization.roles === null ? null : holdsRole(organization.roles, 'ORG_ADMIN');
            return (
              <ListItemButton
                key={organization.id}
                // Not disabled without the role: choosing says why in a sentence, rather than a dead end.
                disabled={busyId !== null}
                onClick={() => onChoose(organization.id)}
                sx={{ border: 1, borderColor: 'divider', borderRadius: 1, '&:hover': { borderColor: 'primary.main' } }}
              >
                <ListItemIcon sx={{ minWidth: 40 }}>{busyId === organization.id ? <CircularProgress size={20} /> : <BusinessIcon />}</ListItemIcon>
                <ListItemText primary={organization.name} secondary={administrator === null ? undefined : administrator ? t('picker.administrator') : t('picker.notAdministrator')} />
              </ListItemButton>
            );
          })}
        </List>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={busyId !== null}>
          {tc('actions.cancel')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
