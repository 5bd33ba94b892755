//! The app's one stable sort. Every `slice::sort_by` call site instantiates its own copy of
//! the standard library's sort for its element type and closure (~3 KB of wasm each, ~49 KB
//! for the app's fifteen sorts, measured with twiggy). Here the standard sort runs once, on
//! indices, through a `dyn` comparator; only a small permutation step stays generic.

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
}
