//! Text built during constant evaluation, for the compile errors that the derive's generated
//! constants raise (a code outside its domain, a clash between composed enums): `panic!` in a
//! constant takes only a `&str`, so the message is assembled here into a fixed buffer.

/// A message of at most [`ConstText::CAPACITY`] bytes, built by `const fn`s.
pub struct ConstText {
    bytes: [u8; ConstText::CAPACITY],
    len: usize,
}

impl ConstText {
    /// Long enough for four identifiers of 80 bytes and a key; longer text is cut, on a
    /// character boundary.
    pub const CAPACITY: usize = 512;

    /// No text.
    pub const EMPTY: ConstText = ConstText {
        bytes: [0; ConstText::CAPACITY],
        len: 0,
    };

    /// The text, for `panic!("{}", text.as_str())`.
    pub const fn as_str(&self) -> &str {
        match core::str::from_utf8(self.bytes.split_at(self.len).0) {
            Ok(text) => text,
            // `push` never leaves half a character behind.
            Err(_) => "",
        }
    }

    /// Appends `text`, as much of it as fits.
    pub(crate) const fn push(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let mut index = 0;
        while index < bytes.len() && self.len < ConstText::CAPACITY {
            self.bytes[self.len] = bytes[index];
            self.len += 1;
            index += 1;
        }
        while self.len > 0 && core::str::from_utf8(self.bytes.split_at(self.len).0).is_err() {
            self.len -= 1;
        }
    }

    /// Appends `number` in decimal.
    pub(crate) const fn push_number(&mut self, number: u16) {
        let mut digits = [0u8; 5];
        let mut count = 0;
        let mut rest = number;
        loop {
            digits[4 - count] = b'0' + (rest % 10) as u8;
            count += 1;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        match core::str::from_utf8(digits.split_at(5 - count).1) {
            Ok(text) => self.push(text),
            Err(_) => self.push("?"),
        }
    }
}

/// `left == right`, usable in constant evaluation.
///
/// Eight bytes a step, matched with slice patterns: the interpreter that runs constant evaluation
/// pays per step and per bounds-checked index, and the contract check of a composed type
/// compares thousands of keys. Indexing byte by byte cost 0.36 s for 4,000 comparisons of
/// 20-byte keys; this costs about 0.1 s (BENCHMARKS.md, "Runs 6–8").
pub(crate) const fn str_eq(left: &str, right: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_cut_text() {
        let mut text = ConstText::EMPTY;
        text.push("code `");
        text.push_number(0);
        text.push("`, `");
        text.push_number(65535);
        text.push("`");
        assert_eq!(text.as_str(), "code `0`, `65535`");

        let mut long = ConstText::EMPTY;
        long.push(&"a".repeat(ConstText::CAPACITY - 1));
        long.push("é");
        assert_eq!(
            long.as_str().len(),
            ConstText::CAPACITY - 1,
            "no half character"
        );
        assert!(str_eq("PRICE_CHANGED", "PRICE_CHANGED"));
        assert!(!str_eq("PRICE_CHANGED", "PRICE_CHANGE"));
    }

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
}
