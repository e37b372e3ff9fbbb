//! Compile errors found by one constant-evaluation pass over a flattened catalogue, each kept
//! with the catalogue index it is reported at (and a tag saying where in the declaration), so
//! the derive's tiny per-declaration checks can each ask for their own and fail the compile at
//! the right token. The cross-enum clash check and the published-contract check share it.

use super::const_text::ConstText;

/// Up to `N` findings; more are found after fixing these.
pub struct Findings<const N: usize> {
    at: [usize; N],
    tag: [u8; N],
    texts: [ConstText; N],
    len: usize,
}

impl<const N: usize> Findings<N> {
    /// Nothing found.
    pub const NONE: Findings<N> = Findings {
        at: [0; N],
        tag: [0; N],
        texts: [ConstText::EMPTY; N],
        len: 0,
    };

    /// Keeps `text`, reported at catalogue index `at` in the place `tag` names, while there is
    /// room.
    pub(crate) const fn record(&mut self, at: usize, tag: u8, text: ConstText) {
        if self.len < N {
            self.at[self.len] = at;
            self.tag[self.len] = tag;
            self.texts[self.len] = text;
            self.len += 1;
        }
    }

    /// Whether another finding would be dropped.
    pub(crate) const fn is_full(&self) -> bool {
        self.len == N
    }

    /// The text of the first finding at an index in `start..end`, with `tag` when one is given.
    pub(crate) const fn find(&self, start: usize, end: usize, tag: Option<u8>) -> Option<&str> {
        let mut index = 0;
        while index < self.len {
            let wanted = match tag {
                Some(tag) => tag == self.tag[index],
                None => true,
            };
            if wanted && start <= self.at[index] && self.at[index] < end {
                return Some(self.texts[index].as_str());
            }
            index += 1;
        }
        None
    }

    /// The text of the first finding whose index lies in `catalog[start..end]`: for a
    /// declaration that brings those entries.
    pub const fn within(&self, start: usize, end: usize) -> Option<&str> {
        self.find(start, end, None)
    }

    /// The text of the `nth` finding.
    pub const fn nth(&self, nth: usize) -> Option<&str> {
        if nth < self.len {
            Some(self.texts[nth].as_str())
        } else {
            None
        }
    }
}
