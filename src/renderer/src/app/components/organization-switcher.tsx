// The organization's name in the app bar; its menu lists every organization of the user.
// Where single sign-on's provider changes organization only through the browser (Auth0),
// a dialog says to continue there, as the sign-in does, with Cancel.
import BusinessIcon from '@mui/icons-material/BusinessOutlined';
import CheckIcon from '@mui/icons-material/Check';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { Button, Dialog, DialogContent, DialogTitle, Divider, ListItemIcon, ListItemText, ListSubheader, Menu, MenuItem } from '@mui/material';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { holdsRole } from '@shared/roles';
import type { SessionInfo } from '@shared/session';
import { SsoBrowserWait } from '@renderer/features/connections/components/sso-browser-wait';
import { useMenuCommand } from '@renderer/lib/menu-commands';
import { useSessionStore } from '@renderer/app/stores/session-store';

export function OrganizationSwitcher({ session }: { session: SessionInfo }): React.JSX.Element {
  const { t } = useTranslation('app');
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [button, setButton] = useState<HTMLButtonElement | null>(null);
  const switching = useSessionStore((state) => state.switching);
  const switchOrganization = useSessionStore((state) => state.switchOrganization);
  const inBrowser = useSessionStore((state) => state.switchInBrowser);
  const cancelSwitch = useSessionStore((state) => state.cancelSwitch);
  const menuId = useId();
  const waitTitleId = useId();
  useMenuCommand('switch-organization', () => setAnchor(button));

  const choose = (organizationId: string): void => {
    setAnchor(null);
    if (organizationId !== session.organization.id) void switchOrganization(organizationId);
  };

  return (
    <>
      <Divider orientation="vertical" flexItem sx={{ my: 1.5 }} />
      <Button
        ref={setButton}
        color="inherit"
        startIcon={<BusinessIcon />}
        endIcon={<ExpandMoreIcon />}
        loading={switching}
        loadingPosition="start"
        aria-label={t('organization.switcherLabel', { name: session.organization.name })}
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
        aria-expanded={anchor ? 'true' : undefined}
        onClick={(event) => setAnchor(event.currentTarget)}
        sx={{ fontWeight: 500, maxWidth: 360, '& .label': { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } }}
      >
        <span className="label">{session.organization.name}</span>
      </Button>
      <Menu
        id={menuId}
        anchorEl={anchor}
        open={anchor !== null}
        onClose={() => setAnchor(null)}
        slotProps={{ list: { subheader: <ListSubheader>{t('organization.switch')}</ListSubheader> } }}
      >
        {session.organizations.map((organization) => {
          const current = organization.id === session.organization.id;
          // Roles unknown until chosen (JMap Cloud tells them per organization): the services check then.
          const administrator = organization.roles === null || holdsRole(organization.roles, 'ORG_ADMIN');
          return (
            <MenuItem
              key={organization.id}
              selected={current}
              disabled={!administrator && !current}
              aria-current={current ? 'true' : undefined}
              onClick={() => choose(organization.id)}
            >
              <ListItemIcon>{current ? <CheckIcon fontSize="small" /> : null}</ListItemIcon>
              <ListItemText primary={organization.name} secondary={administrator ? undefined : t('organization.notAdministrator')} />
            </MenuItem>
          );
        })}
      </Menu>
      <Dialog open={inBrowser !== null} onClose={() => void cancelSwitch()} aria-labelledby={waitTitleId} maxWidth="xs" fullWidth>
        <DialogTitle id={waitTitleId}>{t('organization.switchingTo', { name: inBrowser?.organizationName ?? '' })}</DialogTitle>
        <DialogContent>
          {inBrowser && (
            <SsoBrowserWait
              authorizationUrl={inBrowser.authorizationUrl}
              openedBy={inBrowser.openedBy}
              cancelling={inBrowser.cancelling}
              onCancel={() => void cancelSwitch()}
            />
          )}
        </DialogContent>
      </Dialog>
    </>
  );
}
