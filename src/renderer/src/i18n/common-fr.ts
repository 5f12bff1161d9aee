import type en from '@renderer/i18n/common-en';
import type { Translation } from '@renderer/i18n/translation';

const fr: Translation<typeof en> = {
  appName: 'KeyDesk',
  loading: 'Chargement…',
  actions: {
    cancel: 'Annuler',
    close: 'Fermer',
    ok: 'OK',
    reload: 'Recharger',
    retry: 'Réessayer',
  },
};

export default fr;
