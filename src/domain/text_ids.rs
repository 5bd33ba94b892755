//! Numbers for texts: the distinct values of a column (student keys, classes, first names)
//! numbered 0, 1, 2… in the order they first appear, so that the views then tell them apart
//! by number.
//!
//! An open-addressing table of indices with FxHash rather than a `HashMap`: the
//! participants table looks up every row, and the standard map's SipHash costs more per
//! lookup. Counted natively with the app crate at opt-level 3 (callgrind, `benchmark_work`
//! on a 20,000-row export): 223 M instructions with this table, 231 M with a `HashMap`.

/// The numbers of the texts seen so far.
#[derive(Debug, Default)]
pub struct TextIds<'a> {
    texts: Vec<&'a str>,
    hashes: Vec<u64>,
    /// A power of two of slots, at most half full: `0` for an empty slot, else a text's
    /// number plus one.
    slots: Vec<u32>,
}

impl<'a> TextIds<'a> {
    /// Room for `count` distinct texts before the table grows.
    pub fn with_capacity(count: usize) -> Self {
        let mut ids = TextIds {
            texts: Vec::with_capacity(count),
            hashes: Vec::with_capacity(count),
            slots: Vec::new(),
        };
        ids.resize_slots((count * 2).next_power_of_two().max(16));
        ids
    }

    /// The texts in the order of their numbers.
    pub fn texts(&self) -> &[&'a str] {
        &self.texts
    }

    /// The text's number, and whether the text is new.
    pub fn id(&mut self, text: &'a str) -> (usize, bool) {
        if (self.texts.len() + 1) * 2 > self.slots.len() {
            self.resize_slots((self.slots.len() * 2).max(16));
        }
        let hash = quick_hash(text);
        let mask = self.slots.len() - 1;
        let mut at = slot_of(hash, mask);
        loop {
            match self.slots.get(at).copied() {
                Some(0) | None => break,
                Some(slot) => {
                    let id = slot as usize - 1;
                    if self.hashes.get(id) == Some(&hash) && self.texts.get(id) == Some(&text) {
                        return (id, false);
                    }
                }
            }
            at = (at + 1) & mask;
        }
        self.texts.push(text);
        self.hashes.push(hash);
        if let Some(slot) = self.slots.get_mut(at) {
            *slot = self.texts.len() as u32;
        }
        (self.texts.len() - 1, true)
    }

    fn resize_slots(&mut self, count: usize) {
        self.slots.clear();
        self.slots.resize(count, 0);
        let mask = count - 1;
        for (id, &hash) in self.hashes.iter().enumerate() {
            let mut at = slot_of(hash, mask);
            while self.slots.get(at).is_some_and(|&slot| slot != 0) {
                at = (at + 1) & mask;
            }
            if let Some(slot) = self.slots.get_mut(at) {
                *slot = id as u32 + 1;
            }
        }
    }
}

/// The slot a hash starts from: its high bits, the multiply's best mixed.
fn slot_of(hash: u64, mask: usize) -> usize {
    (hash >> 32) as usize & mask
}

/// FxHash's step (rustc's): a rotate, a xor and a multiply per 8 bytes. The texts are the
/// file's own names, which a user has no reason to craft against the hash.
fn quick_hash(text: &str) -> u64 {
    let add =
        |hash: u64, word: u64| (hash.rotate_left(5) ^ word).wrapping_mul(0xf135_7aea_2e62_a9c5);
    let (words, rest) = text.as_bytes().as_chunks::<8>();
    let mut hash = text.len() as u64;
    for word in words {
        hash = add(hash, u64::from_le_bytes(*word));
    }
    let mut tail = [0u8; 8];
    tail[..rest.len()].copy_from_slice(rest);
    add(hash, u64::from_le_bytes(tail))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_numbered_in_order_of_first_appearance() {
        let mut ids = TextIds::default();
        assert_eq!(ids.id("3A"), (0, true));
        assert_eq!(ids.id("3B"), (1, true));
        assert_eq!(ids.id("3A"), (0, false));
        assert_eq!(ids.id(""), (2, true));
        assert_eq!(ids.id(""), (2, false));
        assert_eq!(ids.texts(), ["3A", "3B", ""]);
        assert_eq!(ids.texts().len(), 3);
    }

    /// Why: growing rehashes every text; numbers must survive it, and texts that differ only
    /// past a word, or by trailing zeros, must stay apart.
    #[test]
    fn numbers_survive_growth_and_near_texts_stay_apart() {
        let texts: Vec<String> = (0..5000)
            .map(|n| format!("dupont\u{1f}jean-{n}\u{1f}"))
            .chain(["a".to_owned(), "a\0".to_owned(), "a\0\0".to_owned()])
            .collect();
        let mut ids = TextIds::with_capacity(4);
        for (n, text) in texts.iter().enumerate() {
            assert_eq!(ids.id(text), (n, true));
        }
        for (n, text) in texts.iter().enumerate() {
            assert_eq!(ids.id(text), (n, false));
        }
        assert_eq!(ids.texts().len(), texts.len());
    }
}
