//! Fast, deterministic hashing for the short string keys the extractor looks
//! up per token. std's SipHash guards against adversarial keys, which word
//! lists built from embedded data do not need; the maps use rustc-hash's
//! FxHasher (eight bytes a step, and already in the app through Leptos).
//! [`Fnv`] stays for the few places that want a stable, simple hash of
//! their own (the network layout's seed).

use rustc_hash::FxBuildHasher;
use std::collections::{HashMap, HashSet};
use std::hash::Hasher;

/// FNV-1a, 64-bit.
#[derive(Clone, Copy, Debug)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A `HashMap` with rustc-hash's FxHasher.
pub type FastMap<K, V> = HashMap<K, V, FxBuildHasher>;
/// A `HashSet` with rustc-hash's FxHasher.
pub type FastSet<K> = HashSet<K, FxBuildHasher>;
