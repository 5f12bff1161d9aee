import type en from '@renderer/i18n/errors-en';
import type { Translation } from '@renderer/i18n/translation';

const fr: Translation<typeof en> = {
  unexpected: 'Un problème est survenu. Réessayez.',
  reasons: {
    'server-unreachable': 'Le serveur n’a pas pu être joint à {{serverUrl}}. Vérifiez l’adresse et votre connexion réseau.',
    'server-timeout': 'Le serveur à {{serverUrl}} n’a pas répondu en {{seconds}} secondes. Vérifiez votre connexion réseau, puis réessayez.',
    'server-failed': 'Le serveur à {{serverUrl}} a rencontré un problème (HTTP {{httpStatus}}). Réessayez plus tard.',
    'server-unreadable': 'Le serveur à {{serverUrl}} a envoyé une réponse que KeyDesk ne comprend pas. Est-ce bien un serveur JMap Cloud ?',
    'session-ended': 'Votre session a pris fin ; reconnectez-vous.',
    'sign-in-expired': 'La connexion a expiré ; reconnectez-vous.',
    'no-organization': 'Votre compte ne fait partie d’aucune organisation. Demandez à un administrateur de votre organisation de vous y ajouter.',
    'not-a-member': 'Vous n’êtes pas membre de cette organisation.',
    'no-longer-member': 'Vous n’êtes plus membre de {{organization}}. Demandez à l’un de ses administrateurs de vous y ajouter de nouveau.',
    'not-administrator':
      'Gérer les clés d’API demande le rôle Administrateur dans {{organization}}. Demandez-le à un administrateur de {{organization}}.',
    'saved-connection-missing': 'Cette connexion enregistrée n’existe plus. Connectez-vous plutôt avec le formulaire.',
    'no-saved-sign-in': 'Entrez votre mot de passe pour vous connecter à {{connection}} : KeyDesk ne garde aucune connexion pour celle-ci.',
    'local-organization-start-failed': 'L’organisation locale n’a pas pu démarrer. Redémarrez KeyDesk, puis réessayez.',
    'local-organization-crashed':
      'L’organisation locale n’a pas pu démarrer. Redémarrez KeyDesk ; si cela persiste, supprimez le dossier « local-organization » du dossier de données de KeyDesk.',
    'local-organization-refused-admin': 'L’organisation locale n’a pas accepté son propre administrateur de démonstration. Redémarrez KeyDesk, puis réessayez.',
    'local-organization-no-organization': 'L’organisation locale n’a aucune organisation que son administrateur de démonstration puisse gérer.',
    'local-organization-password-unknown':
      'Cette base de données ne contient aucune organisation de démonstration dont le mot de passe est connu : démarrez l’aperçu web avec --admin-password, ou sans --db.',
    'keychain-unavailable-macos':
      'KeyDesk n’a pas pu utiliser le trousseau de macOS. Déverrouillez votre trousseau de session (Trousseaux d’accès) et autorisez KeyDesk à l’utiliser, puis réessayez. Ou connectez-vous sans « Se souvenir de moi » pour utiliser cette connexion le temps de cette session seulement.',
    'keychain-unavailable-windows':
      'KeyDesk n’a pas pu utiliser le Gestionnaire d’identification de Windows. Vérifiez qu’il est disponible pour votre compte Windows, puis réessayez. Ou connectez-vous sans « Se souvenir de moi » pour utiliser cette connexion le temps de cette session seulement.',
    'keychain-unavailable-linux':
      'KeyDesk n’a pas pu utiliser le trousseau du système. Installez un service Secret Service comme gnome-keyring (avec libsecret), vérifiez que votre trousseau de session est déverrouillé, puis réessayez. Ou connectez-vous sans « Se souvenir de moi » pour utiliser cette connexion le temps de cette session seulement.',
    'file-unreadable': 'KeyDesk n’a pas pu lire {{path}} ({{fsCode}}). Vérifiez que son dossier est lisible et que le disque fonctionne.',
    'file-unwritable': 'KeyDesk n’a pas pu écrire {{path}} ({{fsCode}}). Vérifiez que son dossier est accessible en écriture et que le disque n’est pas plein.',
    'secret-gone': 'Le secret de cette clé n’est plus disponible : il n’est montré que tant que la fenêtre de création est ouverte.',
    'key-deletion-running': 'KeyDesk travaille déjà sur cette clé : attendez qu’il ait terminé.',
    'key-keeps-gaining-access': 'La clé obtient sans cesse de nouveaux accès pendant que KeyDesk transfère ses ressources : arrêtez ce qui utilise la clé, puis reprenez.',
    'too-many-keys-to-evaluate': 'Ce serveur ne sait pas filtrer ni trier les clés d’API lui-même, et ses {{keyCount}} clés sont trop nombreuses pour que KeyDesk le fasse ici. Retirez le filtre ou triez par date de création.',
    'key-edit-unsupported': 'Ce serveur ne permet pas de changer le nom ni l’expiration d’une clé (JMap Cloud n’offre pas cet appel). Remplacez plutôt la clé : la nouvelle reçoit les mêmes accès, avec un nouveau secret.',
    'sso-session-ended': 'Votre session d’authentification unique a pris fin ; reconnectez-vous.',
    'no-saved-sso-sign-in': 'Connectez-vous par authentification unique pour ouvrir {{connection}} : KeyDesk ne garde aucune connexion pour celle-ci.',
    'connection-uses-password': '{{connection}} se connecte avec un mot de passe, pas par authentification unique.',
    'sso-needs-browser': 'L’authentification unique demande un navigateur, que cette fenêtre ne peut pas ouvrir.',
    'browser-not-opened': 'KeyDesk n’a pas pu ouvrir votre navigateur pour la connexion. Vérifiez qu’un navigateur par défaut est défini, puis réessayez.',
    'sso-timeout': 'La connexion n’est pas revenue du navigateur en {{minutes}} minutes. Si vous avez fermé l’onglet, reconnectez-vous.',
    'identity-provider-unreachable': 'Le fournisseur d’identité n’a pas pu être joint à {{issuer}}. Vérifiez son adresse et votre connexion réseau.',
    'identity-provider-timeout': 'Le fournisseur d’identité à {{issuer}} n’a pas répondu en {{seconds}} secondes. Vérifiez votre connexion réseau, puis réessayez.',
    'state-mismatch': 'Le navigateur est revenu avec une connexion que KeyDesk n’avait pas lancée : la connexion a été refusée. Relancez-la depuis KeyDesk.',
    'issuer-mismatch': 'La réponse ne venait pas du fournisseur d’identité que nomme cette connexion (son émetteur) : la connexion a été refusée. Vérifiez l’adresse (pour Auth0, le domaine du locataire).',
    'audience-mismatch': 'Le fournisseur d’identité a répondu avec un jeton destiné à une autre application (audience) : la connexion a été refusée. Demandez à votre administrateur de vérifier l’audience.',
    'nonce-mismatch': 'Le fournisseur d’identité a répondu pour une autre connexion : la connexion a été refusée. Relancez-la.',
    'organization-mismatch': 'Le fournisseur d’identité vous a connecté à une autre organisation que celle demandée. Reconnectez-vous et choisissez l’organisation.',
    'code-rejected': 'Le fournisseur d’identité a refusé le code de connexion. Reconnectez-vous.',
    'access-denied': 'Le fournisseur d’identité a refusé la connexion. Demandez à votre administrateur si votre compte peut utiliser KeyDesk.',
    'provider-error': 'Le fournisseur d’identité a interrompu la connexion ({{providerError}}). Reconnectez-vous ; si cela se reproduit, adressez-vous à votre administrateur.',
    'invalid-response': 'Le fournisseur d’identité a envoyé une réponse que KeyDesk ne peut pas accepter. Vérifiez l’adresse du fournisseur d’identité, ou adressez-vous à votre administrateur.',
    'pkce-unsupported': 'Le fournisseur d’identité n’offre pas PKCE avec S256, que KeyDesk exige pour se connecter en sécurité. Demandez à votre administrateur de l’activer.',
    'no-refresh-token': 'Le fournisseur d’identité n’a donné aucun jeton de rafraîchissement : KeyDesk ne peut pas vous garder connecté. Demandez à votre administrateur d’autoriser l’accès hors ligne pour KeyDesk.',
    'browser-needed': 'Ce fournisseur d’identité ne change d’organisation que par le navigateur : reconnectez-vous par authentification unique et choisissez l’organisation.',
    'expired': 'Aucune connexion n’attend plus le navigateur : relancez-la.',
    'clipboard-refused': 'Le presse-papiers a refusé la copie. Réessayez, ou sélectionnez le texte et copiez-le vous-même.',
    'services-unavailable': 'Les services de KeyDesk ne sont pas disponibles dans cette fenêtre. Redémarrez l’application.',
    'web-preview-unreachable': 'Le serveur de l’aperçu web ne répond pas. `npm run web` fonctionne-t-il toujours ? Rechargez ensuite la page.',
    'no-browser-clipboard': 'Ce navigateur ne donne pas accès au presse-papiers : sélectionnez le texte et copiez-le vous-même.',
    'browser-refused-copy': 'Le navigateur a refusé la copie (la page doit avoir le focus). Cliquez de nouveau sur Copier.',
  },
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
    TOO_MANY_SIGN_IN_ATTEMPTS: 'Trop de connexions échouées pour ce compte. Attendez quelques minutes, puis réessayez.',
    INVALID_TRANSFER_TARGET: 'La propriété ne peut aller qu’à un membre ayant le rôle Éditeur.',
    RESOURCES_OWNED: 'Cette clé possède des ressources : transférez-les à un membre Éditeur ou supprimez-les avec la clé.',
    INVALID_EXPIRATION_DATE: 'La date d’expiration doit être dans le futur.',
    INVALID_API_KEY_ROLE: 'Une clé d’API ne peut avoir que le rôle Éditeur ou Lecteur.',
  },
  serverVariants: {
    signInBackoff: 'Trop de connexions échouées pour cet utilisateur depuis cet ordinateur. Réessayez dans {{wait}}.',
    signInAccount:
      'Trop de connexions échouées pour cet utilisateur : il est fermé aux ordinateurs depuis lesquels il ne s’est pas connecté récemment. Réessayez dans {{wait}}.',
    signInClient: 'Trop de connexions échouées depuis cet ordinateur. Réessayez dans {{wait}}.',
    expirationTooFar:
      'La date d’expiration peut être au plus dans un an ({{latest}} au plus tard) : une clé doit être renouvelée au moins une fois par an.',
  },
};

export default fr;
