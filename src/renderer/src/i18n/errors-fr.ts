import type en from '@renderer/i18n/errors-en';
import type { Translation } from '@renderer/i18n/translation';

const fr: Translation<typeof en> = {
  unexpected: 'Un problème est survenu. Réessayez.',
  sessionEnded: 'Votre session a pris fin ; reconnectez-vous.',
  needsPassword: 'Entrez votre mot de passe pour vous connecter : KeyDesk ne garde aucune connexion pour celle-ci.',
  byCode: {
    UNAUTHORIZED: 'Le serveur n’a pas accepté vos identifiants. Vérifiez votre adresse courriel et votre mot de passe, ou reconnectez-vous.',
    FORBIDDEN: 'Vous n’avez pas le droit de faire cela dans cette organisation. Adressez-vous à l’un de ses administrateurs.',
    NOT_FOUND: 'Cet élément n’existe plus : quelqu’un l’a peut-être supprimé entre-temps.',
    CONFLICT: 'Le serveur a refusé la modification, qui entre en conflit avec l’état actuel. Actualisez, puis réessayez.',
    VALIDATION: 'Le serveur a refusé la demande comme non valide. Vérifiez les valeurs saisies, puis réessayez.',
    RATE_LIMITED: 'Trop de tentatives. Attendez quelques minutes, puis réessayez.',
    NETWORK: 'Le serveur n’a pas pu être joint. Vérifiez son adresse et votre réseau, puis réessayez.',
    SERVER: 'Le serveur n’a pas répondu correctement. Réessayez dans un instant.',
    NOT_CONNECTED: 'Connectez-vous d’abord à une organisation.',
    NOT_ADMINISTRATOR:
      'Gérer les clés d’API demande le rôle Administrateur dans cette organisation. Demandez-le à l’un de ses administrateurs.',
    KEYCHAIN_UNAVAILABLE:
      'Le trousseau du système n’est pas disponible : KeyDesk ne peut pas mémoriser cette connexion. Déverrouillez ou installez le trousseau, ou connectez-vous sans mémoriser.',
    SECRET_LOST: 'La clé a été créée, mais son secret s’est perdu en route. Supprimez-la et créez-en une nouvelle.',
    INVALID_ARGUMENT: 'KeyDesk a refusé une demande non valide. Redémarrez l’application si cela persiste.',
    UNSUPPORTED: 'Cette fonction n’est pas disponible ici.',
    CANCELLED: 'Annulé : rien n’a été modifié.',
    INTERNAL: 'Un problème est survenu dans KeyDesk. Réessayez ; si cela persiste, redémarrez l’application.',
    SSO_TIMEOUT: 'La connexion n’est pas revenue du navigateur à temps. Si vous avez fermé l’onglet du navigateur, connectez-vous de nouveau.',
    SSO_CANCELLED: 'La connexion a été annulée.',
    SSO_REFUSED: 'L’authentification unique a été refusée. Reconnectez-vous ; si cela se reproduit, demandez à votre administrateur de vérifier les paramètres du fournisseur d’identité.',
    IDENTITY_PROVIDER_UNREACHABLE: 'Le fournisseur d’identité est injoignable. Vérifiez son adresse et votre réseau, puis réessayez.',
  },
  byServerCode: {
    INVALID_CREDENTIALS: 'L’adresse courriel ou le mot de passe est incorrect.',
    TOO_MANY_SIGN_IN_ATTEMPTS: 'Trop de connexions échouées pour ce compte. Attendez 15 minutes, puis réessayez.',
    INVALID_TRANSFER_TARGET: 'La propriété ne peut aller qu’à un membre ayant le rôle Éditeur.',
    RESOURCES_OWNED: 'Cette clé possède des ressources : transférez-les à un membre Éditeur ou supprimez-les avec la clé.',
    INVALID_EXPIRATION_DATE: 'La date d’expiration doit être dans le futur.',
    INVALID_API_KEY_ROLE: 'Une clé d’API ne peut avoir que le rôle Éditeur ou Lecteur.',
  },
};

export default fr;
