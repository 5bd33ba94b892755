//! What the import of a Pix Orga export says beyond « Importé » (columns read by their place,
//! columns left unread, stages of `-1`), and the mark of a new sending under way.

use crate::domain::import::ImportNote;

/// Beside the date of a received profile whose student has started a new participation.
pub const TAG_NEW_SENDING: &str = "nouvel envoi en cours";
pub const TAG_NEW_SENDING_TITLE: &str = "Cet élève a commencé une nouvelle participation qu’il n’a pas encore envoyée : le profil affiché est le dernier qu’il a envoyé.";
pub const DETAIL_NEW_SENDING: &str = "Nouvel envoi en cours : l’élève a commencé une nouvelle participation qu’il n’a pas encore envoyée. Le profil ci-dessous est le dernier qu’il a envoyé.";

fn quoted_list(names: &[String]) -> String {
    const SHOWN: usize = 4;
    let mut list = names
        .iter()
        .take(SHOWN)
        .map(|name| format!("« {name} »"))
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > SHOWN {
        let more = names.len() - SHOWN;
        list.push_str(&format!(
            " et {more} autre{}",
            if more > 1 { "s" } else { "" }
        ));
    }
    list
}

/// One sentence per note, to follow « Importé : … ».
pub fn import_note(note: &ImportNote) -> String {
    match note {
        ImportNote::CompetencesByPosition(competences) if competences.len() == 16 => {
            "Les noms des 16 compétences ne sont pas ceux que Cohorte connaît (autre langue ?) : chaque compétence a été reconnue à sa place dans le fichier, dans l’ordre du référentiel Pix (1.1 à 5.2).".to_owned()
        }
        ImportNote::CompetencesByPosition(competences) => format!(
            "{} {} reconnue{} à {} place dans le fichier (nom de compétence inconnu de Cohorte), dans l’ordre du référentiel Pix.",
            if competences.len() == 1 { "Compétence" } else { "Compétences" },
            competences.join(", "),
            if competences.len() == 1 { "" } else { "s" },
            if competences.len() == 1 { "sa" } else { "leur" },
        ),
        ImportNote::UnreadColumns(columns) => format!(
            "{} non lue{} par Cohorte, donc non affichée{} : {}.",
            if columns.len() == 1 { "Colonne" } else { "Colonnes" },
            if columns.len() == 1 { "" } else { "s" },
            if columns.len() == 1 { "" } else { "s" },
            quoted_list(columns)
        ),
        ImportNote::NoStageReached(1) => {
            "1 résultat indique le palier « -1 » : aucun palier atteint, affiché sans palier."
                .to_owned()
        }
        ImportNote::NoStageReached(count) => format!(
            "{count} résultats indiquent le palier « -1 » : aucun palier atteint, affichés sans palier."
        ),
    }
}

/// The import line's message followed by its notes.
pub fn with_notes(message: String, notes: &[ImportNote]) -> String {
    notes.iter().fold(message, |mut message, note| {
        message.push(' ');
        message.push_str(&import_note(note));
        message
    })
}
