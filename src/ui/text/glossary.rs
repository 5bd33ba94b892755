//! One French name per situation of a pupil, used by every page, export and print, so that a
//! figure read on screen is found under the same words on paper (issue 26, point 7).
//! `tests/e2e/glossary.test.mjs` scans every page for the names these replaced.

/// The set of pupils a campaign is presented for, with a school list: the list's pupils in
/// the campaign's classes, participants or not. Not « cohorte », the app's name.
pub const PROMOTION: &str = "promotion";

/// In the list, never joined the campaign (never typed its code).
pub const NEVER_JOINED: &str = "Jamais participé";
/// Joined the campaign, never sent a profile.
pub const NEVER_SENT: &str = "Profil non envoyé";
pub const NEVER_SENT_PLURAL: &str = "Profils non envoyés";
/// Sent a profile, level 1 in at least 5 competences.
pub const CERTIFIABLE: &str = "Certifiable";
pub const CERTIFIABLE_PLURAL: &str = "Certifiables";
/// Sent a profile, fewer than 5 competences at level 1.
pub const NOT_CERTIFIABLE: &str = "Non certifiable";
pub const NOT_CERTIFIABLE_PLURAL: &str = "Non certifiables";
/// A participant the school list does not have.
pub const OUT_OF_LIST: &str = "Hors liste";
/// A participant found in the list under another class than the export's.
pub const CLASS_CHANGED: &str = "Autre classe dans la liste";

/// `CLASS_CHANGED` with the class the list gives.
pub fn class_changed_to(class: &str) -> String {
    format!("{CLASS_CHANGED} : {class}")
}
