//! Protobuf's wire encoding, the little of it the error details need: strings, varints and
//! embedded messages, written straight into one buffer.
//!
//! Why not prost's generated structs (tonic-types' `pb`): each would be filled with owned
//! `String`s, `ErrorInfo.metadata` with a `HashMap`, and every detail encoded into its own
//! buffer before the `google.rpc.Status` is encoded around them. Writing the fields directly
//! from the catalogue's `&'static str`s costs one allocation; the encoding is prost's own
//! (`prost::encoding`), and the tests decode every status written here with tonic-types.

use prost::encoding::{WireType, encode_key, encode_varint, encoded_len_varint};

/// A message's encoding, measured before it is written, since an embedded message is preceded
/// by its length.
pub(crate) trait Encode {
    /// The encoded length, in bytes.
    fn len(&self) -> usize;
    /// Appends the encoding.
    fn write(&self, out: &mut Vec<u8>);
}

/// The length of field `tag` (below 16, so its key is one byte) holding `len` bytes.
pub(crate) const fn delimited_len(len: usize) -> usize {
    1 + encoded_len_varint(len as u64) + len
}

/// The length of string field `tag`; a proto3 default (empty) is not written.
pub(crate) const fn string_len(text: &str) -> usize {
    if text.is_empty() {
        0
    } else {
        delimited_len(text.len())
    }
}

/// Writes string field `tag`, unless it is empty.
pub(crate) fn string(out: &mut Vec<u8>, tag: u32, text: &str) {
    if !text.is_empty() {
        encode_key(tag, WireType::LengthDelimited, out);
        encode_varint(text.len() as u64, out);
        out.extend_from_slice(text.as_bytes());
    }
}

/// The length of varint field `tag`; zero is not written.
pub(crate) const fn varint_len(value: u64) -> usize {
    if value == 0 {
        0
    } else {
        1 + encoded_len_varint(value)
    }
}

/// Writes varint field `tag`, unless it is zero.
pub(crate) fn varint(out: &mut Vec<u8>, tag: u32, value: u64) {
    if value != 0 {
        encode_key(tag, WireType::Varint, out);
        encode_varint(value, out);
    }
}

/// The length of `message` embedded as field `tag`; embedded messages are always written.
pub(crate) fn message_len(message: &impl Encode) -> usize {
    delimited_len(message.len())
}

/// Writes `message` as field `tag`, `len` being its [`Encode::len`].
pub(crate) fn message(out: &mut Vec<u8>, tag: u32, len: usize, message: &impl Encode) {
    open(out, tag, len);
    message.write(out);
}

/// Writes the key and length of an embedded message of `len` bytes as field `tag`; its fields
/// follow.
pub(crate) fn open(out: &mut Vec<u8>, tag: u32, len: usize) {
    encode_key(tag, WireType::LengthDelimited, out);
    encode_varint(len as u64, out);
}

/// A `google.protobuf.Any` holding `value` of type `type_url`.
pub(crate) struct Any<'a, M> {
    pub(crate) type_url: &'a str,
    pub(crate) value: &'a M,
    /// `value.len()`, measured once.
    pub(crate) value_len: usize,
}

impl<'a, M: Encode> Any<'a, M> {
    pub(crate) fn new(type_url: &'a str, value: &'a M) -> Self {
        Any {
            type_url,
            value,
            value_len: value.len(),
        }
    }
}

impl<M: Encode> Encode for Any<'_, M> {
    fn len(&self) -> usize {
        string_len(self.type_url) + delimited_len(self.value_len)
    }

    fn write(&self, out: &mut Vec<u8>) {
        string(out, 1, self.type_url);
        // `value` is `bytes`: written even when empty, as an embedded message is.
        message(out, 2, self.value_len, self.value);
    }
}
