//! The check behind `#[api(domain = PATH)]`: the derive cannot see the domain's range (it is a
//! value of the user's crate), so it emits, at each code literal, a constant that runs this check
//! during constant evaluation and fails the compile with its text.

use super::const_text::ConstText;
use crate::domain::Domain;

/// The compile error for `code` declared in a type of `domain`, or `None` when the code lies in
/// it: ``code `100` is outside domain `trading`, which owns 1..=99``. The derive emits one
/// constant per code literal that panics with this text, so the error points at the literal.
pub const fn code_outside(domain: &Domain, code: u16) -> Option<ConstText> {
    if domain.contains(code) {
        return None;
    }
    let mut text = ConstText::EMPTY;
    text.push("code `");
    text.push_number(code);
    text.push("` is outside domain `");
    text.push(domain.name());
    text.push("`, which owns ");
    text.push_number(domain.first());
    text.push("..=");
    text.push_number(domain.last());
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describes_the_range() {
        const TRADING: Domain = Domain::new("trading", "Trading", 1..=99);
        assert!(code_outside(&TRADING, 1).is_none());
        assert!(code_outside(&TRADING, 99).is_none());
        assert_eq!(
            code_outside(&TRADING, 100).map(|text| text.as_str().to_owned()),
            Some("code `100` is outside domain `trading`, which owns 1..=99".to_owned())
        );
        assert!(TRADING.overlaps(&Domain::new("a", "A", 99..=100)));
        assert!(!TRADING.overlaps(&Domain::new("a", "A", 100..=100)));
    }
}
