// Chaînes françaises de la surveillance des expirations (espace de noms i18next `expiryWatch`).
import type en from '@renderer/features/expiry-watch/i18n/en';
import type { Translation } from '@renderer/i18n/translation';

const fr: Translation<typeof en> = {
  banner: {
    label: 'Clés qui expirent',
    expiring_one: '{{count}} clé expire d’ici {{days}} jours',
    expiring_other: '{{count}} clés expirent d’ici {{days}} jours',
    expired_one: '{{count}} clé a expiré',
    expired_other: '{{count}} clés ont expiré',
    show: 'Les afficher',
    overlapEnded: '« {{old}} » a été gardée à côté de sa remplaçante « {{replacement}} » jusqu’au {{until}} : elle peut être supprimée maintenant',
    showOne: 'L’afficher',
    moreOverlaps_one: 'et {{count}} autre clé remplacée gardée après sa date',
    moreOverlaps_other: 'et {{count}} autres clés remplacées gardées après leur date',
    settings: 'Quand avertir…',
    dismiss: 'Masquer jusqu’à ce que les nombres changent',
  },
};

export default fr;
