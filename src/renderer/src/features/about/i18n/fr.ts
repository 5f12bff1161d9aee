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
    status: {
      unsupported: 'Les mises à jour ne fonctionnent que dans une copie installée de KeyDesk.',
      'up-to-date': 'KeyDesk est à jour.',
      available: 'Une nouvelle version de KeyDesk est disponible ; elle est téléchargée et installée à la fermeture.',
      error: 'La vérification des mises à jour a échoué. Réessayez plus tard.',
    },
  },
};

export default fr;
