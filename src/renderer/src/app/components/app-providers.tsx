// Theme (system / light / dark, in the user's language), date localization and i18n for
// everything below. The settings store decides; the OS decides for "system".
import { CssBaseline, ThemeProvider, useMediaQuery } from '@mui/material';
import { AdapterDayjs } from '@mui/x-date-pickers/AdapterDayjs';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { useMemo, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { useSettingsStore } from '@renderer/features/settings/stores/settings-store';
import '@renderer/app/i18n/catalogs';
import { i18n } from '@renderer/i18n/i18n';
import { createAppTheme } from '@renderer/app/lib/app-theme';

export function AppProviders({ children }: { children: ReactNode }): React.JSX.Element {
  const { theme: themeSetting, language } = useSettingsStore((state) => state.settings);
  const prefersDark = useMediaQuery('(prefers-color-scheme: dark)', { noSsr: true });
  const mode = themeSetting === 'system' ? (prefersDark ? 'dark' : 'light') : themeSetting;
  const theme = useMemo(() => createAppTheme(mode, language), [mode, language]);
  return (
    <I18nextProvider i18n={i18n}>
      <ThemeProvider theme={theme}>
        <CssBaseline enableColorScheme />
        <LocalizationProvider dateAdapter={AdapterDayjs} adapterLocale={language}>
          {children}
        </LocalizationProvider>
      </ThemeProvider>
    </I18nextProvider>
  );
}
