import type en from '@renderer/app/i18n/en';
import type { Translation } from '@renderer/i18n/translation';

const fr: Translation<typeof en> = {
  fileRecovery: {
    connections: 'Vos connexions enregistrées n’ont pas pu être lues : KeyDesk a démarré sans elles. Le fichier illisible a été conservé sous {{movedTo}}.',
    settings: 'Vos réglages n’ont pas pu être lus : KeyDesk a démarré avec les réglages par défaut. Le fichier illisible a été conservé sous {{movedTo}}.',
  },
  session: {
    ended: 'Votre session a pris fin : la connexion a été révoquée ou a expiré. Reconnectez-vous pour continuer.',
  },
  organization: {
    switch: 'Changer d’organisation',
    switcherLabel: 'Changer d’organisation : {{name}}',
    current: 'Organisation actuelle',
    notAdministrator: 'La gestion des clés d’API demande le rôle Administrateur',
    switchFailed: 'KeyDesk n’a pas pu changer d’organisation. {{message}}',
    switchingTo: 'Passage à {{name}}',
  },
  views: {
    label: 'Vues',
    keys: 'Clés d’API',
    activity: 'Activité',
  },
  account: {
    label: 'Compte : {{name}}',
    signedInAs: 'Connecté en tant que',
    expiryWarnings: 'Avertissements d’expiration…',
    signOut: 'Se déconnecter',
    signOutFailed: 'La déconnexion ne s’est pas terminée correctement. {{message}}',
    about: 'À propos de KeyDesk',
    localOrganization: 'Organisation locale',
  },
  errorBoundary: {
    title: 'Un problème est survenu',
    message: 'KeyDesk a rencontré un problème inattendu et ne peut pas afficher cet écran. Rechargez pour recommencer ; rien n’a été modifié dans votre organisation.',
    reload: 'Recharger',
  },
};

export default fr;
