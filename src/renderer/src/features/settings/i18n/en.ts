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
  expiryWarning: {
    title: 'Expiry warnings',
    description: 'KeyDesk counts the keys that expire soon when you connect and every hour: a banner above the keys, and on the desktop a notification for each key and the count on the app icon.',
    label: 'Warn me this many days before a key expires',
    hint: 'From {{min}} to {{max}} days; {{default}} by default.',
    invalid: 'Enter a whole number of days from {{min}} to {{max}}.',
    save: 'Save',
    cancel: 'Cancel',
  },
  saveFailed: 'KeyDesk could not save this setting. {{message}}',
};

export default en;
