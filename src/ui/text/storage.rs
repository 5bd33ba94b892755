//! The storage panel: what is kept in this browser, backups, erasing.

pub const TITLE: &str = "Stockage dans ce navigateur";
pub const ONLY_HERE: &str = "Vos imports sont conservés uniquement dans ce navigateur, sur cet ordinateur : ils ne sont ni envoyés sur Internet, ni copiés ailleurs. Un autre navigateur ou un autre ordinateur ne les voit pas.";
pub const SAFARI: &str = "Attention : Safari efface les données d’un site qui n’a pas été ouvert depuis 7 jours, et un nettoyage du navigateur les efface aussi. Téléchargez une sauvegarde après chaque import important et gardez-la en lieu sûr.";
pub const FILE_ORIGIN: &str = "Cohorte est ouvert depuis un fichier de cet ordinateur : vos données appartiennent à ce fichier, à cet emplacement. Gardez-le où il est et ouvrez-le toujours depuis le même endroit ; faites une sauvegarde avant de le déplacer, de le renommer ou de le remplacer par une nouvelle version.";
pub const FILE_EMPTY: &str = "Vous aviez des données ? Ouvrez le fichier depuis son emplacement habituel, ou restaurez une sauvegarde.";
pub const USAGE_LABEL: &str = "Place occupée dans le stockage du navigateur";
pub const SNAPSHOTS_TITLE: &str = "Imports conservés";
pub const NOTHING_STORED: &str = "Aucun import n’est conservé dans ce navigateur.";
pub const DELETE: &str = "Supprimer";
pub const DELETE_CAMPAIGN: &str = "Supprimer la campagne";
pub const DAMAGED_TITLE: &str = "Données illisibles mises de côté";
pub const DAMAGED_HINT: &str = "Ces données ne peuvent pas être lues (modifiées à la main, coupées ou écrites par un autre programme). Elles ne sont pas affichées ; vous pouvez les supprimer pour libérer de la place.";
pub const BACKUP_TITLE: &str = "Sauvegarde";
pub const BACKUP_HINT: &str = "Un fichier de sauvegarde contient tous les imports conservés ici. Il permet de les retrouver après un effacement, ou de les transporter sur un autre ordinateur. Il contient des données d’élèves : rangez-le comme un document confidentiel.";
pub const BACKUP_DOWNLOAD: &str = "Télécharger une sauvegarde";
pub const RESTORE_PICK: &str = "Choisir le fichier de sauvegarde…";
pub const RESTORE_MODE: &str = "Restaurer une sauvegarde";
pub const RESTORE_MERGE: &str = "en l’ajoutant aux imports conservés";
pub const RESTORE_REPLACE: &str = "en remplaçant tous les imports conservés";
pub const ERASE_TITLE: &str = "Ordinateur partagé";
pub const ERASE_HINT: &str = "Avant de quitter un ordinateur partagé, effacez tout ce que Cohorte a conservé dans ce navigateur : les imports, la liste des élèves et vos choix.";
pub const ERASE_ALL: &str = "Tout effacer";
pub const ERASED: &str = "Tout ce que Cohorte conservait dans ce navigateur (imports, liste des élèves, choix) a été effacé.";
pub const READ_FAILED: &str = "Le navigateur n’a pas pu lire ce fichier. Rien n’a été modifié.";

/// Worded as `StoreError::Browser`, which carried these refusals before `UiError`.
pub fn browser_refused(detail: &str) -> String {
    format!("Le navigateur a refusé l’opération sur le stockage : {detail}")
}

/// `12 Ko`, `1,4 Mo`: sizes as a French user reads them.
pub fn size(bytes: usize) -> String {
    // Integer arithmetic: float formatting would add kilobytes to the wasm.
    const KIB: usize = 1024;
    if bytes < KIB {
        format!("{bytes} octets")
    } else if bytes < KIB * KIB {
        format!("{} Ko", (bytes + KIB / 2) / KIB)
    } else {
        let tenths = (bytes * 10 + KIB * KIB / 2) / (KIB * KIB);
        format!("{},{} Mo", tenths / 10, tenths % 10)
    }
}

/// `345 000`: thousands separated by a (narrow no-break) space.
pub fn number(value: usize) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push('\u{202f}');
        }
        out.push(digit);
    }
    out
}

pub fn usage(used: usize, quota: usize, left: usize, rows_left: usize) -> String {
    format!(
        "Utilisé : {} sur environ {}. Reste environ {}, de quoi conserver encore près de {} lignes de participants.",
        size(used),
        size(quota),
        size(left),
        number(rows_left)
    )
}

pub fn other_data(bytes: usize) -> String {
    format!(
        "Dont {} utilisés par d’autres données de ce site.",
        size(bytes)
    )
}

pub fn snapshot_line(imported: &str, state: &str, rows: usize, bytes: usize) -> String {
    let rows = if rows == 1 {
        "1 ligne".to_owned()
    } else {
        format!("{} lignes", number(rows))
    };
    format!(
        "importé le {imported} · état au {state} · {rows} · {}",
        size(bytes)
    )
}

pub fn campaign_line(snapshots: usize, bytes: usize) -> String {
    let count = if snapshots == 1 {
        "1 import".to_owned()
    } else {
        format!("{snapshots} imports")
    };
    format!("{count} · {}", size(bytes))
}

/// « 1 import », « 3 imports ».
fn imports(count: usize) -> String {
    if count == 1 {
        "1 import".to_owned()
    } else {
        format!("{count} imports")
    }
}

pub fn confirm_erase(snapshots: usize, with_roster: bool) -> String {
    let roster = if with_roster {
        ", la liste des élèves et vos choix « À vérifier »"
    } else {
        ""
    };
    format!(
        "Effacer définitivement tout ce que Cohorte conserve dans ce navigateur : {}{roster} ? Sans sauvegarde, rien ne pourra être retrouvé.",
        imports(snapshots)
    )
}

pub fn confirm_delete_campaign(name: &str, snapshots: usize) -> String {
    format!(
        "Supprimer définitivement la campagne « {name} » ({}) de ce navigateur ?",
        imports(snapshots)
    )
}

pub fn confirm_replace(stored: usize, in_backup: usize, file: &str) -> String {
    format!(
        "Remplacer les {} conservés dans ce navigateur par les {} de la sauvegarde « {file} » ? Les imports absents de la sauvegarde seront supprimés.",
        imports(stored),
        imports(in_backup)
    )
}

pub const RESTORE_CANCELLED: &str = "Restauration annulée : rien n’a été modifié.";

pub fn confirm_delete_snapshot(file: &str) -> String {
    format!("Supprimer définitivement l’import « {file} » de ce navigateur ?")
}

pub fn deleted(count: usize) -> String {
    if count == 1 {
        "1 import supprimé.".to_owned()
    } else {
        format!("{count} imports supprimés.")
    }
}

pub fn backup_file_name(date: &str) -> String {
    format!("cohorte-sauvegarde-{date}.json")
}

pub fn backup_saved(file: &str) -> String {
    format!("Sauvegarde « {file} » téléchargée. Rangez-la en lieu sûr (elle contient des données d’élèves).")
}

/// A backup refused: the message names the file the user picked, then says why.
pub fn restore_refused(file: &str, problem: &str) -> String {
    format!("Fichier « {file} » refusé. {problem}")
}

pub fn restored(added: usize, already: usize, removed: usize, roster: bool) -> String {
    let mut message = match added {
        0 => "Aucun nouvel import dans cette sauvegarde".to_owned(),
        1 => "1 import restauré".to_owned(),
        n => format!("{n} imports restaurés"),
    };
    if removed > 0 {
        message.push_str(&format!(" (à la place des {removed} conservés avant)"));
    }
    if already > 0 {
        let plural = if already > 1 { "s" } else { "" };
        message.push_str(&format!(
            " ; {already} déjà présent{plural}, non dupliqué{plural}"
        ));
    }
    message.push('.');
    if roster {
        message.push_str(" La liste des élèves de la sauvegarde a été restaurée aussi.");
    }
    message
}
