//! [`clashes`]: codes and keys that two services' catalogues use with different meanings.

use core::fmt;

use super::PublishedEntry;

/// A service's catalogue, by a name to report it under (such as its file's name).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NamedCatalog {
    /// What the report calls it.
    pub name: String,
    /// Its entries.
    pub entries: Vec<PublishedEntry>,
}

/// A code or key two catalogues give different meanings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clash {
    /// The name of the catalogue listed first.
    pub first: String,
    /// Its entry.
    pub first_entry: PublishedEntry,
    /// The name of the other catalogue.
    pub second: String,
    /// Its entry.
    pub second_entry: PublishedEntry,
}

impl Clash {
    /// Whether the clash is over a code (same code, other key or status) rather than a key (same
    /// key, other code).
    pub fn is_code_clash(&self) -> bool {
        self.first_entry.code == self.second_entry.code
    }
}

/// One line: ``code `11`: `PRICE_CHANGED` (status 409) in `trading`, `PRICE_MOVED` (status 409) in `market` ``.
impl fmt::Display for Clash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (a, b) = (&self.first_entry, &self.second_entry);
        if self.is_code_clash() {
            write!(
                f,
                "code `{}`: `{}` (status {}) in `{}`, `{}` (status {}) in `{}`",
                a.code, a.key, a.status, self.first, b.key, b.status, self.second
            )
        } else {
            write!(
                f,
                "key `{}`: code `{}` in `{}`, code `{}` in `{}`",
                a.key, a.code, self.first, b.code, self.second
            )
        }
    }
}

/// Every pair of entries, from two different catalogues, that share a code but not its key and
/// status, or share a key but not its code. Entries equal in code, key and status mean the same
/// error (a shared error several services answer with) and are no clash. In catalogue order.
pub fn clashes(catalogs: &[NamedCatalog]) -> Vec<Clash> {
    let mut found = Vec::new();
    for (index, first) in catalogs.iter().enumerate() {
        for second in &catalogs[index + 1..] {
            for a in &first.entries {
                for b in &second.entries {
                    let same_code = a.code == b.code;
                    let clash = if same_code {
                        a.key != b.key || a.status != b.status
                    } else {
                        a.key == b.key
                    };
                    if clash {
                        found.push(Clash {
                            first: first.name.clone(),
                            first_entry: a.clone(),
                            second: second.name.clone(),
                            second_entry: b.clone(),
                        });
                    }
                }
            }
        }
    }
    found
}
