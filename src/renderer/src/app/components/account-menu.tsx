// The signed-in user (name and email), "Expiry warnings…", "About KeyDesk" and "Sign out".
import EventBusyIcon from '@mui/icons-material/EventBusyOutlined';
import InfoIcon from '@mui/icons-material/InfoOutlined';
import LogoutIcon from '@mui/icons-material/Logout';
import PersonIcon from '@mui/icons-material/Person';
import { Avatar, Box, Divider, IconButton, ListItemIcon, ListItemText, Menu, MenuItem, Tooltip, Typography } from '@mui/material';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '@shared/session';

type AccountMenuProps = {
  session: SessionInfo;
  onSignOut(): void;
  onAbout(): void;
  /** "Expiry warnings…": when to warn of a key that expires. */
  onExpiryWarnings(): void;
};

export function AccountMenu({ session, onSignOut, onAbout, onExpiryWarnings }: AccountMenuProps): React.JSX.Element {
  const { t } = useTranslation('app');
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const menuId = useId();
  const { user } = session;
  const choose = (action: () => void) => () => {
    setAnchor(null);
    action();
  };
  return (
    <>
      <Tooltip title={`${user.name} · ${user.email}`}>
        <IconButton
          aria-label={t('account.label', { name: user.name })}
          aria-haspopup="menu"
          aria-controls={anchor ? menuId : undefined}
          aria-expanded={anchor ? 'true' : undefined}
          onClick={(event) => setAnchor(event.currentTarget)}
          sx={{ ml: 0.5 }}
        >
          {/* An icon, not the user's initials: visible text must be part of the button's
              accessible name (WCAG 2.5.3), and "AG" would be read letter by letter. */}
          <Avatar sx={{ width: 32, height: 32, bgcolor: 'secondary.main' }}>
            <PersonIcon fontSize="small" />
          </Avatar>
        </IconButton>
      </Tooltip>
      <Menu
        id={menuId}
        anchorEl={anchor}
        open={anchor !== null}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
      >
        <Box sx={{ px: 2, pt: 1, pb: 1.5, maxWidth: 320 }}>
          <Typography variant="caption" color="text.secondary">
            {t('account.signedInAs')}
          </Typography>
          <Typography variant="body2" sx={{ fontWeight: 500 }} noWrap>
            {user.name}
          </Typography>
          <Typography variant="body2" color="text.secondary" noWrap>
            {user.email}
          </Typography>
          <Typography variant="caption" color="text.secondary" noWrap component="div" sx={{ mt: 0.5 }}>
            {session.kind === 'local' ? t('account.localOrganization') : session.serverUrl}
          </Typography>
        </Box>
        <Divider />
        <MenuItem onClick={choose(onExpiryWarnings)}>
          <ListItemIcon>
            <EventBusyIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText>{t('account.expiryWarnings')}</ListItemText>
        </MenuItem>
        <MenuItem onClick={choose(onAbout)}>
          <ListItemIcon>
            <InfoIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText>{t('account.about')}</ListItemText>
        </MenuItem>
        <MenuItem onClick={choose(onSignOut)}>
          <ListItemIcon>
            <LogoutIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText>{t('account.signOut')}</ListItemText>
        </MenuItem>
      </Menu>
    </>
  );
}
