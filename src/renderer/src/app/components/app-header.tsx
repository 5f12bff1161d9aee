// The bar across the top of every screen: the app's name, what the screen adds, and the
// theme and language menus (available before sign-in too).
import KeyIcon from '@mui/icons-material/VpnKeyOutlined';
import { AppBar, Box, Stack, Toolbar, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageMenu } from '@renderer/features/settings/components/language-menu';
import { ThemeMenu } from '@renderer/features/settings/components/theme-menu';

type AppHeaderProps = {
  /** Shown after the app's name (the organization switcher). */
  children?: ReactNode;
  /** Shown after the settings menus (the account menu). */
  end?: ReactNode;
};

export function AppHeader({ children, end }: AppHeaderProps): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <AppBar position="static" sx={{ borderBottom: 1, borderColor: 'divider' }}>
      <Toolbar variant="dense" sx={{ gap: 1.5, minHeight: 56 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Box
            aria-hidden
            sx={{
              display: 'grid',
              placeItems: 'center',
              width: 30,
              height: 30,
              borderRadius: 1.5,
              bgcolor: 'primary.main',
              color: 'primary.contrastText',
            }}
          >
            <KeyIcon fontSize="small" />
          </Box>
          <Typography component="span" variant="subtitle1" sx={{ fontWeight: 600, letterSpacing: 0.2 }}>
            {t('appName')}
          </Typography>
        </Stack>
        {children}
        <Box sx={{ flexGrow: 1 }} />
        <ThemeMenu />
        <LanguageMenu />
        {end}
      </Toolbar>
    </AppBar>
  );
}
