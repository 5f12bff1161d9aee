// KeyDesk's look: a calm blue close to JMap Cloud's, neutral surfaces, and MUI's (and MUI X's)
// own strings in the user's language so the grid and date pickers speak it too.
import { createTheme, type Theme } from '@mui/material/styles';
import { enUS as materialEn, frFR as materialFr } from '@mui/material/locale';
import { enUS as gridEn, frFR as gridFr } from '@mui/x-data-grid/locales';
import { enUS as pickersEn, frFR as pickersFr } from '@mui/x-date-pickers/locales';
import type { Settings } from '@shared/settings';

export type ColorMode = 'light' | 'dark';

const LOCALES = {
  en: [materialEn, gridEn, pickersEn],
  fr: [materialFr, gridFr, pickersFr],
} as const;

export function createAppTheme(mode: ColorMode, language: Settings['language']): Theme {
  const light = mode === 'light';
  return createTheme(
    {
      palette: {
        mode,
        primary: light ? { main: '#1f5fae', dark: '#174a88', light: '#4f86c9' } : { main: '#7aaef0', dark: '#5b93da', light: '#a3c7f5' },
        secondary: light ? { main: '#0f7c74' } : { main: '#5cc8bd' },
        // Status colours dark enough on white (and light enough on the dark surface) for text
        // in them to keep WCAG AA contrast: chips and outlined buttons use them as text colour.
        error: light ? { main: '#c62828' } : { main: '#f28b82' },
        warning: light ? { main: '#a85100' } : { main: '#ffb74d' },
        success: light ? { main: '#2e7d32' } : { main: '#81c995' },
        info: light ? { main: '#0b6bcb' } : { main: '#7ab8f5' },
        background: light ? { default: '#f4f6f9', paper: '#ffffff' } : { default: '#0f1318', paper: '#171c23' },
        divider: light ? 'rgba(16, 35, 63, 0.12)' : 'rgba(220, 230, 245, 0.12)',
        text: light ? { primary: '#17212f', secondary: '#52607a' } : { primary: '#e6ebf2', secondary: '#a4afc0' },
      },
      shape: { borderRadius: 8 },
      typography: {
        fontFamily: 'Roboto, "Segoe UI", system-ui, -apple-system, sans-serif',
        button: { textTransform: 'none', fontWeight: 500 },
        h1: { fontSize: '1.75rem', fontWeight: 500 },
        h2: { fontSize: '1.25rem', fontWeight: 500 },
        h3: { fontSize: '1.05rem', fontWeight: 500 },
      },
      components: {
        // A keyboard user sees where the focus is, in both themes (MUI's ripple alone is faint).
        MuiButtonBase: {
          styleOverrides: {
            root: { '&.Mui-focusVisible': { outline: `2px solid ${light ? '#1f5fae' : '#7aaef0'}`, outlineOffset: 2 } },
          },
        },
        MuiMenuItem: { styleOverrides: { root: { '&.Mui-focusVisible': { outlineOffset: -2 } } } },
        MuiListItemButton: { styleOverrides: { root: { '&.Mui-focusVisible': { outlineOffset: -2 } } } },
        MuiAppBar: { defaultProps: { elevation: 0, color: 'inherit' } },
        MuiPaper: { defaultProps: { elevation: 0 } },
        MuiCard: { defaultProps: { variant: 'outlined' } },
        MuiButton: { defaultProps: { disableElevation: true } },
        MuiTextField: { defaultProps: { fullWidth: true } },
        MuiTooltip: { defaultProps: { arrow: true } },
      },
    },
    ...LOCALES[language],
  );
}
