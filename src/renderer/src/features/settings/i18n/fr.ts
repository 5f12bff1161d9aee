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
  expiryWarning: {
    title: 'Avertissements d’expiration',
    description: 'KeyDesk compte les clés qui expirent bientôt à la connexion et toutes les heures : une bannière au-dessus des clés et, sur le bureau, une notification pour chaque clé et leur nombre sur l’icône de l’application.',
    label: 'M’avertir ce nombre de jours avant qu’une clé expire',
    hint: 'De {{min}} à {{max}} jours ; {{default}} par défaut.',
    invalid: 'Entrez un nombre entier de jours de {{min}} à {{max}}.',
    save: 'Enregistrer',
    cancel: 'Annuler',
  },
  saveFailed: 'KeyDesk n’a pas pu enregistrer ce réglage. {{message}}',
};

export default fr;
