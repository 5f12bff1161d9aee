import type en from '@renderer/features/about/i18n/en';
import type { Translation } from '@renderer/i18n/translation';

const fr: Translation<typeof en> = {
  title: 'À propos de KeyDesk',
  description: 'KeyDesk permet aux administrateurs d’une organisation JMap Cloud de gérer ses clés d’API.',
  version: 'Version',
  host: 'Exécution',
  hostElectron: 'Application de bureau',
  hostWeb: 'Aperçu web',
  platform: 'Plateforme',
  loadFailed: 'KeyDesk n’a pas pu lire sa version. {{message}}',
  updates: {
    automatic: 'Vérifier les mises à jour automatiquement',
    check: 'Vérifier les mises à jour',
    found: {
      notPackaged: 'Les mises à jour ne fonctionnent que dans une copie installée de KeyDesk ; celle-ci tourne depuis les sources.',
      updaterInactive:
        'Cette copie de KeyDesk ne peut pas se mettre à jour. Sous Linux, les mises à jour fonctionnent avec les paquets AppImage, deb et rpm ; installez-en un pour les recevoir.',
      upToDate: 'KeyDesk {{currentVersion}} est la version la plus récente.',
      available:
        'KeyDesk {{version}} est disponible (vous avez {{currentVersion}}). Il se télécharge en arrière-plan et sera installé à la fermeture de KeyDesk.',
      downloading: 'KeyDesk {{version}} se télécharge en arrière-plan et sera installé à la fermeture de KeyDesk.',
      downloaded: 'KeyDesk {{version}} a été téléchargé et sera installé à la fermeture de KeyDesk.',
    },
    failed: {
      unknown: 'La vérification des mises à jour a échoué. Réessayez plus tard.',
      unknownCode: 'La vérification des mises à jour a échoué ({{code}}). Réessayez plus tard.',
      noRelease:
        'Aucune version de KeyDesk n’a été trouvée sur le serveur de mises à jour. Réessayez plus tard, ou demandez à qui distribue KeyDesk où ses mises à jour sont publiées.',
      unreadable: 'Le serveur de mises à jour a envoyé des informations que KeyDesk ne peut pas lire. Réessayez plus tard.',
      signature: 'La mise à jour a été refusée : sa signature n’a pas pu être vérifiée. Téléchargez de nouveau KeyDesk depuis sa page officielle.',
      certificate: 'Le certificat du serveur de mises à jour a été refusé ({{code}}). Vérifiez les réglages de proxy de votre réseau.',
      network: 'Le serveur de mises à jour n’a pas pu être joint ({{code}}). Vérifiez votre connexion réseau, puis réessayez.',
      accessRefused: 'Le serveur de mises à jour a refusé l’accès (HTTP {{httpStatus}}).',
      serverFailed: 'Le serveur de mises à jour a rencontré un problème (HTTP {{httpStatus}}). Réessayez plus tard.',
      http: 'Le serveur de mises à jour a répondu HTTP {{httpStatus}}. Réessayez plus tard.',
    },
  },
};

export default fr;
