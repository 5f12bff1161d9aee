import type en from '@renderer/features/settings/i18n/en';
import type { Translation } from '@renderer/i18n/translation';

const fr: Translation<typeof en> = {
  theme: {
    label: 'Thème',
    system: 'Système',
    light: 'Clair',
    dark: 'Sombre',
  },
  language: {
    label: 'Langue',
    en: 'English',
    fr: 'Français',
  },
  saveFailed: 'KeyDesk n’a pas pu enregistrer ce réglage. {{message}}',
};

export default fr;
