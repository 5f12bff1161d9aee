import BrightnessAutoIcon from '@mui/icons-material/BrightnessAuto';
import DarkModeIcon from '@mui/icons-material/DarkModeOutlined';
import LightModeIcon from '@mui/icons-material/LightModeOutlined';
import { useTranslation } from 'react-i18next';
import type { Settings } from '@shared/settings';
import { ChoiceMenuButton, type Choice } from '@renderer/components/choice-menu-button';
import { useSettingsStore } from '@renderer/features/settings/stores/settings-store';

const ICONS = {
  system: <BrightnessAutoIcon fontSize="small" />,
  light: <LightModeIcon fontSize="small" />,
  dark: <DarkModeIcon fontSize="small" />,
} as const;

/** "Theme": System (follows the OS), Light or Dark. */
export function ThemeMenu(): React.JSX.Element {
  const { t } = useTranslation('settings');
  const theme = useSettingsStore((state) => state.settings.theme);
  const update = useSettingsStore((state) => state.update);
  const choices: Choice<Settings['theme']>[] = (['system', 'light', 'dark'] as const).map((value) => ({
    value,
    label: t(`theme.${value}`),
    icon: ICONS[value],
  }));
  return <ChoiceMenuButton label={t('theme.label')} icon={ICONS[theme]} value={theme} choices={choices} onChoose={(value) => void update({ theme: value })} />;
}
