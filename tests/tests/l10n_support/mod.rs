//! What the `l10n_*` tests share: a catalogue with an interpolated message and its French.

use assetpay_errors::ApiError;

/// A cart's errors: one message with two params, two without.
#[derive(Debug, ApiError)]
pub enum CartError {
    /// Too many items
    #[api(
        code = 1,
        key = "TOO_MANY_ITEMS",
        status = 400,
        message = "At most {max} items per request, got {given}"
    )]
    TooManyItems { max: u64, given: String },
    /// The price changed
    #[api(
        code = 2,
        key = "PRICE_CHANGED",
        status = 409,
        message = "Price has changed"
    )]
    PriceChanged,
    /// Sold out
    #[api(code = 3, key = "SOLD_OUT", status = 409, message = "Sold out")]
    SoldOut,
}

/// `CartError` in French, complete: a plural on `$max` with an exact `[0]`.
pub const FRENCH: &str = "\
PRICE_CHANGED = Le prix a changé
SOLD_OUT = Épuisé
TOO_MANY_ITEMS = { $max ->
    [0] Aucun objet n’est permis, reçu « { $given } »
    [one] Au plus { $max } objet par requête, reçu « { $given } »
   *[other] Au plus { $max } objets par requête, reçu « { $given } »
}
";

/// `fr-CA`, partial: only `SOLD_OUT`.
pub const CANADIAN: &str = "SOLD_OUT = Écoulé\n";
