import TranslateIcon from '@mui/icons-material/Translate';
import { useTranslation } from 'react-i18next';
import type { Settings } from '@shared/settings';
import { ChoiceMenuButton, type Choice } from '@renderer/components/choice-menu-button';
import { useSettingsStore } from '@renderer/features/settings/stores/settings-store';

/** "Language": each language named in itself, so anyone can find their own. */
export function LanguageMenu(): React.JSX.Element {
  const { t } = useTranslation('settings');
  const language = useSettingsStore((state) => state.settings.language);
  const update = useSettingsStore((state) => state.update);
  const choices: Choice<Settings['language']>[] = [
    { value: 'en', label: t('language.en'), lang: 'en' },
    { value: 'fr', label: t('language.fr'), lang: 'fr' },
  ];
  return <ChoiceMenuButton label={t('language.label')} icon={<TranslateIcon />} value={language} choices={choices} onChoose={(value) => void update({ language: value })} />;
}
