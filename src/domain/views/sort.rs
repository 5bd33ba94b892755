//! The app's one stable sort. Every `slice::sort_by` call site instantiates its own copy of
//! the standard library's sort for its element type and closure. Here the standard sort runs
//! once, on indices, through a `dyn` comparator; only a small permutation step stays generic.
//! Kept for the bench's « taille livrée » line: with `sort_by` calling `slice::sort_by` at
//! each of its 25 call sites, the shipped wasm went from 1,790,605 to 1,963,197 bytes (gzip
//! 755,771 → 816,203), measured side by side on 06/12/2026.

use std::cmp::Ordering;

/// Stable sort of `items` by `compare`, like `slice::sort_by`.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    {
        let view: &[T] = items;
        sort_indices(&mut order, &mut |a, b| compare(&view[a], &view[b]));
    }
    // `order[i]` is where the item that belongs at `i` sits now: follow each cycle once.
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let from = order[at];
            order[at] = at;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

/// Stable sort by a key, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// The single instance of the standard sort.
#[inline(never)]
fn sort_indices(order: &mut [usize], compare: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| compare(a, b));
}

/// Sorts keys by their high 96 bits, a byte at a time from the least significant one (LSD
/// radix sort): no comparison, linear in the count. The low 32 bits are a payload (a line
/// index) carried along; the sort is stable, so keys that arrive in payload order leave
/// equal keys in that order. Bytes that are the same in every key cost no pass. The sorts
/// of thousands of lines use it, through `order_by_prefix` (measured there) and the
/// participants table's `filter_and_sort` (the bench's « interaction » line).
pub fn radix_sort(keys: &mut Vec<u128>) {
    const PAYLOAD_BYTES: usize = 4;
    if keys.len() < 64 {
        sort_by(keys, |a, b| (a >> 32).cmp(&(b >> 32)));
        return;
    }
    let len = keys.len();
    let mut counts = [[0u32; 256]; 16];
    for &key in keys.iter() {
        let bytes = key.to_le_bytes();
        for byte in PAYLOAD_BYTES..16 {
            counts[byte][usize::from(bytes[byte])] += 1;
        }
    }
    let mut sorted = vec![0u128; len];
    for (byte, count) in counts.iter_mut().enumerate().skip(PAYLOAD_BYTES) {
        if count.iter().any(|&here| here as usize == len) {
            continue;
        }
        let mut start = 0;
        for slot in count.iter_mut() {
            let here = *slot;
            *slot = start;
            start += here;
        }
        for &key in keys.iter() {
            // A byte of the array rather than a shift: a u128 shift is a call in wasm.
            let slot = &mut count[usize::from(key.to_le_bytes()[byte])];
            sorted[*slot as usize] = key;
            *slot += 1;
        }
        std::mem::swap(keys, &mut sorted);
    }
}

/// The indices `0..count` in the order of `compare`, stable. `prefix` must agree with it
/// (`prefix(a) < prefix(b)` only when `a` comes before `b`, as the beginnings of strings
/// do, see `text_prefix`): the prefixes are sorted as integers, and `compare` only runs
/// between equal prefixes, where a string comparison is worth its cost. Kept for the bench's
/// « import » line (the participant lines rank every name): with the standard stable sort on
/// `compare` instead, the 50,000-row import ran 550.5 million instructions against 525.3
/// (callgrind on examples/profile_import, 06/12/2026).
pub fn order_by_prefix(
    count: usize,
    prefix: impl Fn(usize) -> u128,
    mut compare: impl FnMut(usize, usize) -> Ordering,
) -> Vec<usize> {
    let mut keys: Vec<u128> = (0..count)
        .map(|index| (prefix(index) << 32) | index as u128)
        .collect();
    radix_sort(&mut keys);
    let mut order: Vec<usize> = keys.iter().map(|&key| key as u32 as usize).collect();
    let mut start = 0;
    while start < count {
        let prefix_here = keys[start] >> 32;
        let mut end = start + 1;
        while end < count && keys[end] >> 32 == prefix_here {
            end += 1;
        }
        // Equal prefixes arrive in index order, most often already in order (the same
        // name twice): checked before sorting.
        let run = &mut order[start..end];
        if !run.is_sorted_by(|&a, &b| compare(a, b) != Ordering::Greater) {
            sort_by(run, |&a, &b| compare(a, b));
        }
        start = end;
    }
    order
}

/// The first twelve bytes of `text` as a big-endian integer, zero-padded: these integers
/// compare as the texts' beginnings do (for `order_by_prefix`).
pub fn text_prefix(text: &str) -> u128 {
    let mut bytes = [0u8; 16];
    let head = text.as_bytes().get(..12).unwrap_or(text.as_bytes());
    bytes[4..4 + head.len()].copy_from_slice(head);
    u128::from_be_bytes(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_standard_stable_sort() {
        // Pseudo-random keys with many ties, so stability is exercised.
        let mut seed = 12345u32;
        for len in [0usize, 1, 2, 3, 7, 50, 1000] {
            let items: Vec<(u32, usize)> = (0..len)
                .map(|index| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    ((seed >> 16) % 7, index)
                })
                .collect();
            let mut expected = items.clone();
            expected.sort_by_key(|item| item.0);
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            assert_eq!(ours, expected, "len {len}");
            let mut keyed = items;
            sort_by_key(&mut keyed, |item| std::cmp::Reverse(item.0));
            expected.sort_by_key(|item| std::cmp::Reverse(item.0));
            assert_eq!(keyed, expected, "len {len}");
        }
    }

    #[test]
    fn radix_sort_matches_the_standard_sort() {
        let mut seed = 987_654_321u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for len in [0usize, 1, 63, 64, 65, 1000, 5000] {
            // Wide values, narrow values (most bytes constant) and many duplicates.
            let wide: Vec<u128> = (0..len)
                .map(|_| (u128::from(next()) << 64) | u128::from(next()))
                .collect();
            let narrow: Vec<u128> = (0..len).map(|_| u128::from(next() % 300) << 70).collect();
            for values in [wide, narrow] {
                let mut expected = values.clone();
                expected.sort();
                let mut ours = values;
                radix_sort(&mut ours);
                assert_eq!(ours, expected, "len {len}");
            }
        }
    }

    #[test]
    fn order_by_prefix_is_the_stable_order_of_the_comparison() {
        // Long shared beginnings (ties on the prefix), short strings, equal strings.
        let words: Vec<String> = (0..700)
            .map(|index: u32| match index % 5 {
                0 => format!("dupontelaurent{}", (index * 7919) % 13),
                1 => format!("ab{}", index % 3),
                2 => String::new(),
                3 => "dupontelaurent".to_owned(),
                _ => format!("z{}", (index * 31) % 97),
            })
            .collect();
        let order = order_by_prefix(
            words.len(),
            |i| text_prefix(&words[i]),
            |a, b| words[a].cmp(&words[b]),
        );
        let mut expected: Vec<usize> = (0..words.len()).collect();
        expected.sort_by(|&a, &b| words[a].cmp(&words[b]));
        assert_eq!(order, expected);
    }
}
