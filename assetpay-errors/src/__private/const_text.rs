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

/// `left == right` in constant evaluation: the shared crate's, which the contract rules use.
pub(crate) use assetpay_errors_shared::const_str::str_eq;

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
    }
}
