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
  settings: {
    saveFailed: 'KeyDesk n’a pas pu enregistrer ce réglage. {{message}}',
  },
  fileRecovery: {
    connections: 'Vos connexions enregistrées n’ont pas pu être lues : KeyDesk a démarré sans elles. Le fichier illisible a été conservé sous {{movedTo}}.',
    settings: 'Vos réglages n’ont pas pu être lus : KeyDesk a démarré avec les réglages par défaut. Le fichier illisible a été conservé sous {{movedTo}}.',
  },
  session: {
    ended: 'Votre session a pris fin : la connexion a été révoquée ou a expiré. Reconnectez-vous pour continuer.',
  },
  organization: {
    switch: 'Changer d’organisation',
    switcherLabel: 'Changer d’organisation : {{name}}',
    current: 'Organisation actuelle',
    notAdministrator: 'La gestion des clés d’API demande le rôle Administrateur',
    switchFailed: 'KeyDesk n’a pas pu changer d’organisation. {{message}}',
  },
  account: {
    label: 'Compte : {{name}}',
    signedInAs: 'Connecté en tant que',
    signOut: 'Se déconnecter',
    signOutFailed: 'La déconnexion ne s’est pas terminée correctement. {{message}}',
    about: 'À propos de KeyDesk',
    localOrganization: 'Organisation locale',
  },
  about: {
    title: 'À propos de KeyDesk',
    description: 'KeyDesk permet aux administrateurs d’une organisation JMap Cloud de gérer ses clés d’API.',
    version: 'Version',
    host: 'Exécution',
    hostElectron: 'Application de bureau',
    hostWeb: 'Aperçu web',
    platform: 'Plateforme',
    loadFailed: 'KeyDesk n’a pas pu lire sa version. {{message}}',
  },
  updates: {
    automatic: 'Vérifier les mises à jour automatiquement',
    check: 'Vérifier les mises à jour',
    status: {
      unsupported: 'Les mises à jour ne fonctionnent que dans une copie installée de KeyDesk.',
      'up-to-date': 'KeyDesk est à jour.',
      available: 'Une nouvelle version de KeyDesk est disponible ; elle est téléchargée et installée à la fermeture.',
      error: 'La vérification des mises à jour a échoué. Réessayez plus tard.',
    },
  },
  errorBoundary: {
    title: 'Un problème est survenu',
    message: 'KeyDesk a rencontré un problème inattendu et ne peut pas afficher cet écran. Rechargez pour recommencer ; rien n’a été modifié dans votre organisation.',
    reload: 'Recharger',
  },
};

export default fr;
