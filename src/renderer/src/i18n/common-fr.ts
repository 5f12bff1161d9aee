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
  screenProblem: {
    title: 'Cette partie de KeyDesk a rencontré un problème',
    message: 'Elle n’a pas pu s’afficher, et rien n’a été modifié dans votre organisation. Réessayez ; si cela se reproduit, continuez ailleurs.',
    retry: 'Réessayer',
    backToKeys: 'Retour aux clés',
    signOut: 'Se déconnecter',
  },
};

export default fr;
