//! localStorage helpers shared by the browser test files (`#[path = "common/browser.rs"] mod
//! browser;` in each): kept apart from `common/mod.rs`, whose fixture reading needs a file system.
#![allow(dead_code)] // Each test file uses its own subset.

use std::collections::BTreeMap;

pub fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

pub fn clear() {
    storage().clear().unwrap();
}

/// Every key and value, to compare before and after.
pub fn dump() -> BTreeMap<String, String> {
    let storage = storage();
    (0..storage.length().unwrap())
        .map(|index| {
            let key = storage.key(index).unwrap().unwrap();
            let value = storage.get_item(&key).unwrap().unwrap();
            (key, value)
        })
        .collect()
}

/// Fills localStorage with junk so that exactly `free` UTF-16 units are left.
pub fn leave_free(free: usize) {
    let storage = storage();
    let probe = "junk-probe";
    let (mut fits, mut refused) = (0, 6 * 1024 * 1024);
    while refused - fits > 1 {
        let middle = (fits + refused) / 2;
        if storage.set_item(probe, &"x".repeat(middle)).is_ok() {
            fits = middle;
        } else {
            refused = middle;
        }
    }
    storage.remove_item(probe).unwrap();
    let left = fits + probe.len();
    let key = "junk-fill";
    storage
        .set_item(key, &"x".repeat(left - key.len() - free))
        .unwrap();
}
