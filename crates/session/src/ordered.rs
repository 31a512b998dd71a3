//! Ordered sets and maps built by insertion.
//!
//! `BTreeSet::from_iter` and `BTreeMap::from_iter` (what `collect()` calls)
//! first sort their input with the standard library's stable sort, and each
//! element type they are used with adds its own copy of that sort, about
//! 3 KB, to the widget's module. Inserting one by one gives the same set or
//! map (for a key given twice, the last value), at the same O(n log n), with
//! the `insert` each type already has.

use std::collections::{BTreeMap, BTreeSet};

/// The set of `items`, as `collect()` would build it.
pub fn set_of<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    set.extend(items);
    set
}

/// The map of `pairs`, as `collect()` would build it: a later pair with the
/// same key replaces the earlier one's value.
pub fn map_of<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    map.extend(pairs);
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_as_collect() {
        let items = ["b", "a", "c", "a"];
        assert_eq!(set_of(items), items.into_iter().collect::<BTreeSet<_>>());
        let pairs = [("b", 1), ("a", 2), ("b", 3)];
        assert_eq!(map_of(pairs), pairs.into_iter().collect::<BTreeMap<_, _>>());
        assert_eq!(map_of(pairs)["b"], 3);
    }
}
