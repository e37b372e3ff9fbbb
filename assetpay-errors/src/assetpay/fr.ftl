# AssetPay's error messages in French. English is the declaration itself (the default locale);
# every key of `AssetPayError::CATALOG` has a message here, proved by `tests/tests/l10n_check.rs`.

## General

VALIDATION_FAILED = Les données de la requête sont invalides
NOT_FOUND = Ressource introuvable
CONFLICT = Conflit d’état
RATE_LIMITED = Trop de requêtes
SERVER_ERROR = Erreur interne du serveur
SYSTEM_MAINTENANCE = Le système est en maintenance
UNPROCESSABLE = La requête ne peut pas être traitée
SERVICE_UNAVAILABLE = Les services de dépôt et de retrait sont temporairement indisponibles
NO_BOTS_AVAILABLE = Aucun bot Steam n’est configuré ou en ligne
FLEET_DEGRADED = La flotte de bots Steam est dégradée ; réessayez dans un instant

## Authentication

UNAUTHORIZED = Authentification requise
INVALID_CREDENTIALS = E-mail, nom d’utilisateur ou mot de passe incorrect
INVALID_TOKEN = Le jeton est invalide
MISSING_BEARER = L’en-tête Authorization est absent ou invalide
TOKEN_INVALID_OR_EXPIRED = Le jeton est invalide ou a expiré
TOKEN_EXPIRED = Le jeton a expiré

## Account / access

FORBIDDEN = Vous n’avez pas l’autorisation d’accéder à cette ressource
ACCOUNT_DISABLED = Le compte a été désactivé

## API keys

MISSING_API_KEY = Aucun en-tête api-key n’a été fourni
INVALID_API_KEY = Clé d’API introuvable ou invalide
API_KEY_REVOKED = La clé d’API a été révoquée
API_KEY_SCOPE_DENIED = La clé d’API n’a pas la portée requise
API_KEY_IP_DENIED = L’adresse IP de la requête ne figure pas dans la liste blanche de la clé
INSUFFICIENT_SCOPE = Les droits de la portée sont insuffisants pour cette opération
API_SECRET_INVALID = Secret d’API invalide
NO_API_SECRET_CONFIGURED = Le marchand n’a configuré aucun secret d’API (requis pour signer les jetons client)

## Trading

EXTERNAL_ID_EXISTS = Cet identifiant externe existe déjà pour ce marchand
MISSING_ITEMS = Aucun objet n’a été fourni dans la requête
INVENTORY_FETCH_FAILED = Impossible de charger l’inventaire Steam de l’utilisateur
NO_OFFER_FOUND = Aucune offre valide n’existe pour cet objet
TRADE_OFFER_FAILED = L’envoi de l’offre d’échange Steam a échoué
TOO_MANY_ACTIVE_TRADES = L’utilisateur a trop d’échanges en attente (limite de dépôts par client)
USER_NOT_TRADEABLE = Le compte Steam de l’utilisateur ne peut pas effectuer d’échanges
TOO_MANY_ITEMS = Trop d’objets dans une seule requête
ITEMS_UNAVAILABLE = Les objets sélectionnés sont introuvables ou ne sont plus disponibles
ITEMS_NOT_ACCEPTED = Ces objets ne sont pas acceptés en dépôt
PRICE_CHANGED = Le prix a changé depuis votre dernière consultation
MERCHANT_BALANCE_LOW = Le solde du marchand est insuffisant pour ce retrait
INVALID_TRADEURL = URL d’échange invalide ou inaccessible
LISTING_NOT_FOUND = Annonce introuvable sur la place de marché
LISTING_PRICE_INVALID = Le prix de l’annonce est invalide ou absent
INVALID_LISTING_ID = Format d’identifiant d’annonce invalide
INSUFFICIENT_ITEM_AMOUNT = La quantité demandée dépasse la quantité disponible
EXCEEDS_MAX_AMOUNT = La quantité demandée dépasse le maximum autorisé
DEPOSIT_IN_PROGRESS = Un dépôt est déjà en cours pour cet utilisateur
WITHDRAW_IN_PROGRESS = Un retrait est déjà en cours pour cet utilisateur
TRADE_NOT_FOUND = Échange introuvable
INVALID_STATE_TRANSITION = Transition d’état de l’échange invalide
INVALID_TRADE_ID = Identifiant d’échange invalide
STEAM_UNAVAILABLE = Steam n’a temporairement pas pu traiter la requête ; réessayez dans un instant
STEAM_RATE_LIMITED = Steam limite les requêtes d’inventaire ; réessayez dans un instant

## Wallet

INSUFFICIENT_BALANCE = Solde insuffisant pour cette opération
INVALID_AMOUNT = Montant invalide (par exemple nul ou négatif)
INSTANT_DEPOSITS_DISABLED = Les dépôts instantanés sont temporairement désactivés

## Callbacks

INVALID_SIGNATURE = La vérification de la signature du rappel a échoué
MISSING_RAW_BODY = Le corps brut de la requête est absent
CALLBACK_URL_TEST_FAILED = L’URL de rappel configurée n’a pas répondu par un code 2xx
MERCHANT_NO_CALLBACK_URL = Le marchand n’a aucune URL de rappel active (les retraits en exigent une)

## Risk

INVALID_RISK_POLICY = Configuration de la politique de risque invalide
RISK_POLICY_NOT_FOUND = Aucune politique de risque active n’a été trouvée
CLIENT_USER_NOT_FOUND = Utilisateur client introuvable

## Identity verification

VERIFICATION_NOT_AVAILABLE = La vérification d’identité n’est pas disponible
VERIFICATION_ALREADY_VERIFIED = Le compte est déjà vérifié
VERIFICATION_IN_PROGRESS = Une vérification est déjà en cours
VERIFICATION_PROCESS_NOT_FOUND = Processus de vérification introuvable
VERIFICATION_BANNED_IDENTITY = Cette identité ne peut pas être vérifiée
VERIFICATION_ACCOUNT_CAP_REACHED = Le nombre maximal de comptes liés à cette identité est atteint
VERIFICATION_ALREADY_LINKED = Le compte est déjà lié à une identité
VERIFICATION_IDENTITY_NOT_FOUND = Identité vérifiée introuvable
VERIFICATION_SIGNICAT_ERROR = Le fournisseur de vérification a renvoyé une erreur
VERIFICATION_WEBHOOK_SIGNATURE_INVALID = La signature du webhook de vérification est invalide
VERIFICATION_EMAIL_REQUIRED = Une adresse e-mail est requise pour lier une identité existante
VERIFICATION_NOT_LINKED = Le compte n’est lié à aucune identité
VERIFICATION_LINK_FAILED = Impossible de lier l’identité à ce compte
