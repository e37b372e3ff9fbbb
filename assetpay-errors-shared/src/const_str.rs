//! String comparison usable in constant evaluation, where `==` on `&str` is not: the contract
//! [`rules`](crate::rules) and the runtime's compile-time checks compare keys with it.

/// `left == right`, usable in constant evaluation.
///
/// Eight bytes a step, matched with slice patterns: the interpreter that runs constant evaluation
/// pays per step and per bounds-checked index, and the contract check of a composed type
/// compares thousands of keys. Indexing byte by byte cost 0.36 s for 4,000 comparisons of
/// 20-byte keys; this costs about 0.1 s (BENCHMARKS.md, "Runs 6–8").
pub const fn str_eq(left: &str, right: &str) -> bool {
    let (mut left, mut right) = (left.as_bytes(), right.as_bytes());
    if left.len() != right.len() {
        return false;
    }
    while let (
        [l0, l1, l2, l3, l4, l5, l6, l7, left_rest @ ..],
        [r0, r1, r2, r3, r4, r5, r6, r7, right_rest @ ..],
    ) = (left, right)
    {
        if *l0 != *r0
            || *l1 != *r1
            || *l2 != *r2
            || *l3 != *r3
            || *l4 != *r4
            || *l5 != *r5
            || *l6 != *r6
            || *l7 != *r7
        {
            return false;
        }
        (left, right) = (left_rest, right_rest);
    }
    while let ([l, left_rest @ ..], [r, right_rest @ ..]) = (left, right) {
        if *l != *r {
            return false;
        }
        (left, right) = (left_rest, right_rest);
    }
    true
}

/// `left == right` for optional text, usable in constant evaluation.
pub const fn option_str_eq(left: Option<&str>, right: Option<&str>) -> bool {
    match (left, right) {
        (Some(left), Some(right)) => str_eq(left, right),
        (None, None) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    extern crate std;

    use super::*;
    use alloc::format;
    use alloc::string::String;

    #[test]
    fn str_eq_agrees_with_eq_at_every_length_and_position() {
        const {
            assert!(str_eq(
                "VERIFICATION_WEBHOOK_SIGNATURE_INVALID",
                "VERIFICATION_WEBHOOK_SIGNATURE_INVALID"
            ));
            assert!(!str_eq(
                "VERIFICATION_WEBHOOK_SIGNATURE_INVALID",
                "VERIFICATION_WEBHOOK_SIGNATURE_INVALIX"
            ));
        }
        assert!(str_eq("PRICE_CHANGED", "PRICE_CHANGED"));
        assert!(!str_eq("PRICE_CHANGED", "PRICE_CHANGE"));
        for len in 0..=40 {
            let key: String = (0..len)
                .map(|at| char::from(b'A' + (at % 26) as u8))
                .collect();
            assert!(str_eq(&key, &key.clone()), "{key}");
            for at in 0..len {
                let mut other = key.clone().into_bytes();
                other[at] = b'_';
                let other = String::from_utf8(other).expect("ASCII");
                assert!(!str_eq(&key, &other), "{key} / {other}");
                assert!(!str_eq(&other, &key), "{other} / {key}");
            }
            assert!(!str_eq(&key, &format!("{key}X")));
            assert!(!str_eq(&format!("{key}X"), &key));
        }
    }

    #[test]
    fn option_str_eq_is_eq() {
        for left in [None, Some(""), Some("a"), Some("ab")] {
            for right in [None, Some(""), Some("a"), Some("ab")] {
                assert_eq!(
                    option_str_eq(left, right),
                    left == right,
                    "{left:?} {right:?}"
                );
            }
        }
    }
}
