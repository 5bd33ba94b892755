//! Names of what Cohorte keeps in localStorage. Every key carries the schema version, so a
//! new version writes beside the old one and migrates it, instead of misreading it.

/// Every key Cohorte ever writes starts with this: "erase everything" removes exactly these.
pub const APP_PREFIX: &str = "cohorte.";

pub const SCHEMA_VERSION: u32 = 2;
pub const INDEX_KEY: &str = "cohorte.v2.index";
pub const SNAPSHOT_PREFIX: &str = "cohorte.v2.snapshot.";

/// Version 1 (JSON, before the compact encoding): read once, migrated, then removed.
pub const V1_INDEX_KEY: &str = "cohorte.v1.index";
pub const V1_SNAPSHOT_PREFIX: &str = "cohorte.v1.snapshot.";

pub fn snapshot_key(id: u32) -> String {
    format!("{SNAPSHOT_PREFIX}{id}")
}

pub fn v1_snapshot_key(id: u32) -> String {
    format!("{V1_SNAPSHOT_PREFIX}{id}")
}

/// The id in `cohorte.v2.snapshot.<id>`.
pub fn snapshot_id(key: &str) -> Option<u32> {
    key.strip_prefix(SNAPSHOT_PREFIX)?.parse().ok()
}

/// The current roster (one at a time: a newer one replaces it).
pub const ROSTER_KEY: &str = "cohorte.v2.roster";
/// The salt, matching decisions and cohort classes: apart from the roster, so they outlive it.
pub const ROSTER_CHOICES_KEY: &str = "cohorte.v2.roster-choices";
/// The certification results, one set per class (a newer import of a class replaces it).
pub const RESULTS_KEY: &str = "cohorte.v2.results";

/// The plans of certification sessions (`store::sessions`), one per profiles collection.
pub const SESSIONS_KEY: &str = "cohorte.v2.sessions";
