//! AssetPay's translations: English is the declaration, French is `fr.ftl` beside it.

use std::sync::OnceLock;

use crate::l10n::Translations;

/// AssetPay's messages in English (the default locale: the declared messages, the published
/// page's text) and French (`fr.ftl`, complete: every key of
/// [`AssetPayError::CATALOG`](crate::ApiError::CATALOG)), parsed on first use.
pub fn translations() -> &'static Translations {
    static TRANSLATIONS: OnceLock<Translations> = OnceLock::new();
    TRANSLATIONS.get_or_init(|| {
        Translations::new("en")
            .and_then(|translations| translations.with_locale("fr", include_str!("fr.ftl")))
            // `tests/tests/l10n_check.rs` parses and checks the file on every `cargo test`.
            .unwrap_or_else(|error| panic!("AssetPay's translations: {error}"))
    })
}
