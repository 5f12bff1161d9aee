// English strings of the settings feature: theme, language (i18next namespace `settings`).
const en = {
  theme: {
    label: 'Theme',
    system: 'System',
    light: 'Light',
    dark: 'Dark',
  },
  language: {
    label: 'Language',
    en: 'English',
    fr: 'Français',
  },
  saveFailed: 'KeyDesk could not save this setting. {{message}}',
};

export default en;
