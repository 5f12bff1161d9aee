import type { Translation } from '@renderer/i18n/translation';
import type en from '@renderer/features/connections/i18n/en';

const fr: Translation<typeof en> = {
  title: 'Se connecter à une organisation',
  intro: 'Connectez-vous à JMap Cloud pour gérer les clés d’API de votre organisation, ou ouvrez l’organisation locale pour essayer KeyDesk sur cet ordinateur.',
  cloud: {
    title: 'Se connecter à JMap Cloud',
    serverUrl: 'URL du serveur',
    email: 'Courriel',
    password: 'Mot de passe',
    showPassword: 'Afficher le mot de passe',
    hidePassword: 'Masquer le mot de passe',
    remember: 'Se souvenir de moi',
    rememberHint: 'Rester connecté sur cet ordinateur. La connexion est gardée dans le trousseau du système, jamais dans un fichier.',
    connect: 'Se connecter',
    connectWithoutRemembering: 'Se connecter sans mémoriser',
    reconnect: 'Entrez votre mot de passe pour vous reconnecter en tant que {{username}}.',
  },
  validation: {
    serverUrl: 'Entrez l’adresse du serveur, par exemple https://api.jmapcloud.io.',
    serverUrlHttps: 'L’adresse du serveur doit utiliser https (http seulement pour cet ordinateur : 127.0.0.1 ou localhost).',
    email: 'Entrez votre courriel.',
    password: 'Entrez votre mot de passe.',
  },
  saved: {
    title: 'Connexions enregistrées',
    empty: 'Les connexions que vous ouvrez apparaissent ici.',
    connect: 'Se connecter',
    connectTo: 'Se connecter à {{label}}',
    remove: 'Retirer',
    removeLabel: 'Retirer {{label}}',
    remembered: 'Se connecte sans mot de passe',
    needsPassword: 'Demande votre mot de passe',
    loadFailed: 'Les connexions enregistrées n’ont pas pu être lues. {{message}}',
  },
  remove: {
    title: 'Retirer cette connexion ?',
    body: 'KeyDesk oubliera {{label}} ({{username}}) et sa connexion mémorisée. L’organisation et ses clés d’API ne sont pas touchées.',
    confirm: 'Retirer',
  },
  local: {
    title: 'Organisation locale',
    body: 'Une organisation de démonstration qui fonctionne sur cet ordinateur, avec des clés d’API d’exemple. Aucun réseau ni compte nécessaire.',
    open: 'Ouvrir l’organisation locale',
  },
  picker: {
    title: 'Choisir une organisation',
    body: 'Votre compte fait partie de plusieurs organisations. Choisissez celle dont vous voulez gérer les clés d’API.',
    administrator: 'Administrateur',
    notAdministrator: 'Pas administrateur : les clés d’API ne peuvent pas être gérées ici',
  },
};

export default fr;
