//! The members of an envelope that it does not define, kept with their values.

use std::sync::LazyLock;

use serde_json::{Map, Value};

/// Unknown members, in a `serde_json::Map` (whose order is serde_json's: sorted by name unless the
/// program turns on its `preserve_order`, which this crate does not). Most envelopes have none, so the map is made only
/// for one that has some: creating and dropping two empty maps was about 3% of decoding a
/// typical envelope (BENCHMARKS.md, "Client decoder").
#[derive(Clone, Default)]
pub(crate) struct UnknownMembers(Option<Map<String, Value>>);

impl UnknownMembers {
    /// Keeps `value` under `name`; a repeated name keeps the last value, as `serde_json` does.
    pub(crate) fn insert(&mut self, name: String, value: Value) {
        self.0.get_or_insert_with(Map::new).insert(name, value);
    }

    /// The members as a map to take some out of; `None` when there are none.
    pub(crate) fn as_map_mut(&mut self) -> Option<&mut Map<String, Value>> {
        self.0.as_mut()
    }

    /// The members as a map, empty when there are none.
    pub(crate) fn as_map(&self) -> &Map<String, Value> {
        static NONE: LazyLock<Map<String, Value>> = LazyLock::new(Map::new);
        self.0.as_ref().unwrap_or(&NONE)
    }
}
