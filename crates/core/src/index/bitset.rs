//! A fixed-size set of document numbers as bits: fast AND/OR/NOT for filters.

/// A set of document numbers below a fixed size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocSet {
    len: usize,
    words: Vec<u64>,
}

impl DocSet {
    /// The empty set over `len` documents.
    pub fn empty(len: usize) -> DocSet {
        DocSet {
            len,
            words: vec![0; len.div_ceil(64)],
        }
    }

    /// Every document.
    pub fn full(len: usize) -> DocSet {
        let mut s = DocSet::empty(len);
        for w in &mut s.words {
            *w = u64::MAX;
        }
        s.trim();
        s
    }

    /// The set of the given numbers (those `>= len` are ignored).
    pub fn from_sorted(len: usize, docs: impl IntoIterator<Item = u32>) -> DocSet {
        let mut s = DocSet::empty(len);
        for d in docs {
            s.insert(d);
        }
        s
    }

    fn trim(&mut self) {
        let extra = self.words.len() * 64 - self.len;
        if extra > 0 {
            if let Some(last) = self.words.last_mut() {
                *last &= u64::MAX >> extra;
            }
        }
    }

    /// Add a document.
    pub fn insert(&mut self, d: u32) {
        let d = d as usize;
        if d < self.len {
            self.words[d / 64] |= 1 << (d % 64);
        }
    }

    /// Whether a document is in the set.
    pub fn contains(&self, d: u32) -> bool {
        let d = d as usize;
        d < self.len && self.words[d / 64] & (1 << (d % 64)) != 0
    }

    /// Number of documents in the set.
    pub fn count(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// Keep only documents also in `other`.
    pub fn and(&mut self, other: &DocSet) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= b;
        }
    }

    /// Add every document of `other`.
    pub fn or(&mut self, other: &DocSet) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a |= b;
        }
    }

    /// Remove every document of `other`.
    pub fn and_not(&mut self, other: &DocSet) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= !b;
        }
    }

    /// The documents in increasing order.
    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.words.iter().enumerate().flat_map(|(i, &w)| {
            let mut w = w;
            std::iter::from_fn(move || {
                if w == 0 {
                    return None;
                }
                let bit = w.trailing_zeros();
                w &= w - 1;
                Some((i * 64) as u32 + bit)
            })
        })
    }
}
