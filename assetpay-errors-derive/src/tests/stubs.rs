//! A declaration with a mistake gets stub impls of what the corrected declaration would get, so
//! code that uses the type adds no error of its own: in particular the same conversions, which
//! `check` decides once for both.

use crate::derive_with;
use crate::emit::Integrations;

fn expansion(input: &str) -> String {
    derive_with(
        input.parse().unwrap(),
        Integrations {
            axum: false,
            tonic: false,
        },
    )
    .to_string()
}

fn has_conversions(expansion: &str) -> bool {
    let try_from = expansion.contains("TryFrom < :: core :: primitive :: u16 > for ShopError");
    let from_str = expansion.contains("FromStr for ShopError");
    assert_eq!(try_from, from_str, "{expansion}");
    try_from
}

/// The declaration, and the same with a mistake (a status that is no error status).
fn valid_and_broken(variants: &str) -> (String, String) {
    let valid = format!("#[api(range = 1..=99)] enum ShopError {{ {variants} }}");
    let broken = valid.replace("status = 409", "status = 200");
    assert_ne!(valid, broken);
    let (valid, broken) = (expansion(&valid), expansion(&broken));
    assert!(!valid.contains("compile_error"), "{valid}");
    assert!(broken.contains("compile_error"), "{broken}");
    (valid, broken)
}

#[test]
fn stubs_have_the_conversions_of_the_corrected_declaration() {
    let units_and_wrappers = r#"
        /// Price changed
        #[api(code = 11, key = "PRICE_CHANGED", status = 409)]
        PriceChanged,
        #[api(transparent)]
        Inner(inner::InnerError),
    "#;
    let (valid, broken) = valid_and_broken(units_and_wrappers);
    assert!(has_conversions(&valid));
    assert!(has_conversions(&broken));

    let with_fields = r#"
        /// Price changed
        #[api(code = 11, key = "PRICE_CHANGED", status = 409)]
        PriceChanged { price: u32 },
    "#;
    let (valid, broken) = valid_and_broken(with_fields);
    assert!(!has_conversions(&valid));
    assert!(!has_conversions(&broken));
}

#[test]
fn an_unreadable_attribute_that_says_transparent_counts_as_a_wrapper() {
    let input = r#"
        enum ShopError {
            /// Price changed
            #[api(code = 11, key = "PRICE_CHANGED", status = 409)]
            PriceChanged,
            #[api(transparent, ,)]
            Inner(inner::InnerError),
        }
    "#;
    let broken = expansion(input);
    assert!(broken.contains("compile_error"), "{broken}");
    assert!(has_conversions(&broken));
    let own = expansion(&input.replace("transparent, ,", "code = 12, ,"));
    assert!(own.contains("compile_error"), "{own}");
    assert!(!has_conversions(&own));
}
