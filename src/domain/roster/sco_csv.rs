//! The CSV rosters Pix Orga imports: SCO (lycées agricoles, spec §2.1) and SUP (§2.2).
//! Headers are Pix's, verbatim, and as strict as Pix: an unknown column refuses the file.

use super::{LeftOut, RosterEntry, RosterErrorKind, RosterFile, RosterSource};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CsvKind {
    Sco,
    Sup,
}

/// (header, required), in Pix's order.
const SCO_COLUMNS: [(&str, bool); 15] = [
    ("Identifiant unique*", true),
    ("Premier prénom*", true),
    ("Deuxième prénom", false),
    ("Troisième prénom", false),
    ("Nom de famille*", true),
    ("Nom d'usage", false),
    ("Code sexe*", true),
    ("Date de naissance (jj/mm/aaaa)*", true),
    ("Code commune naissance**", false),
    ("Libellé commune naissance**", false),
    ("Code département naissance*", true),
    ("Code pays naissance*", true),
    ("Statut*", true),
    ("Code MEF*", true),
    ("Division*", true),
];

const SUP_COLUMNS: [(&str, bool); 13] = [
    ("Premier prénom", true),
    ("Deuxième prénom", false),
    ("Troisième prénom", false),
    ("Nom de famille", true),
    ("Nom d'usage", false),
    ("Date de naissance (jj/mm/aaaa)", true),
    ("Email", false),
    ("Numéro étudiant", true),
    ("Composante", false),
    ("Équipe pédagogique", false),
    ("Groupe", false),
    ("Diplôme", false),
    ("Régime", false),
];

impl CsvKind {
    fn columns(self) -> &'static [(&'static str, bool)] {
        match self {
            CsvKind::Sco => &SCO_COLUMNS,
            CsvKind::Sup => &SUP_COLUMNS,
        }
    }
}

/// UTF-8 strictly, else Windows-1252, as Pix tries them (its third, Mac Roman, is left out:
/// no school tool writes it any more, and Windows-1252 decodes every byte anyway).
pub(crate) fn decode(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    let bytes = bytes.strip_prefix(super::UTF8_BOM).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.into(),
        Err(_) => {
            encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0
        }
    }
}

/// `;` as Pix's files have it, unless the header line has more `,` or tabs (a spreadsheet
/// re-saved it).
pub(crate) fn delimiter(header_line: &str) -> u8 {
    [b';', b',', b'\t']
        .into_iter()
        .max_by_key(|&delimiter| {
            (
                header_line
                    .bytes()
                    .filter(|&byte| byte == delimiter)
                    .count(),
                delimiter == b';',
            )
        })
        .unwrap_or(b';')
}

/// Pix writes `Nom d'usage` with a straight apostrophe; a spreadsheet may turn it curly.
fn header_cell(cell: &str) -> String {
    cell.trim().trim_matches('"').trim().replace('’', "'")
}

/// Which CSV roster a header line announces, if any: only the columns that tell the formats
/// apart are looked for, the strict check comes with the reading.
pub fn header_kind(first_line: &[u8]) -> Option<CsvKind> {
    let line = decode(first_line);
    let cells: Vec<String> = line
        .split(char::from(delimiter(&line)))
        .map(header_cell)
        .collect();
    let has = |name: &str| cells.iter().any(|cell| cell == name);
    if has("Identifiant unique*") && has("Premier prénom*") {
        Some(CsvKind::Sco)
    } else if has("Numéro étudiant") && has("Premier prénom") && has("Nom de famille") {
        Some(CsvKind::Sup)
    } else {
        None
    }
}

pub fn read_csv(
    file_name: &str,
    bytes: &[u8],
    kind: CsvKind,
) -> Result<RosterFile, RosterErrorKind> {
    let text = decode(bytes);
    let header_line = text.lines().next().unwrap_or_default();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(header_line))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let csv_error = |error: csv::Error| RosterErrorKind::Csv {
        line: error
            .position()
            .map_or(1, |position| position.line() as usize),
        detail: error.to_string(),
    };
    let header = records
        .next()
        .transpose()
        .map_err(csv_error)?
        .unwrap_or_default();
    let header: Vec<String> = header.iter().map(header_cell).collect();
    let expected = kind.columns();
    let unknown: Vec<String> = header
        .iter()
        .filter(|cell| !cell.is_empty() && !expected.iter().any(|(name, _)| name == cell))
        .cloned()
        .collect();
    if !unknown.is_empty() {
        return Err(RosterErrorKind::UnknownColumns(unknown));
    }
    let missing: Vec<String> = expected
        .iter()
        .filter(|(name, required)| *required && !header.iter().any(|cell| cell == name))
        .map(|(name, _)| (*name).to_owned())
        .collect();
    if !missing.is_empty() {
        return Err(RosterErrorKind::MissingColumns(missing));
    }
    let column = |name: &str| header.iter().position(|cell| cell == name);
    let (id_column, class_column) = match kind {
        CsvKind::Sco => (column("Identifiant unique*"), column("Division*")),
        CsvKind::Sup => (column("Numéro étudiant"), column("Groupe")),
    };
    let star = if kind == CsvKind::Sco { "*" } else { "" };
    let first_column = column(&format!("Premier prénom{star}"));
    let last_column = column(&format!("Nom de famille{star}"));
    let usage_column = column("Nom d'usage");
    let other_columns = [column("Deuxième prénom"), column("Troisième prénom")];

    let mut left_out = LeftOut::default();
    let mut entries = Vec::new();
    for record in records {
        let record = record.map_err(csv_error)?;
        // Pix trims values and skips empty lines (papaparse's `skipEmptyLines: 'greedy'`).
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let cell = |column: Option<usize>| {
            column
                .and_then(|column| record.get(column))
                .map(str::trim)
                .unwrap_or_default()
                .to_owned()
        };
        let national_id = cell(id_column);
        if national_id.is_empty() {
            left_out.without_national_id += 1;
            continue;
        }
        // Pix's `division.trim().replace(/\s+/g, ' ')`.
        let class = cell(class_column)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if class.is_empty() && kind == CsvKind::Sco {
            left_out.without_class += 1;
            continue;
        }
        entries.push(RosterEntry {
            national_id,
            last: cell(last_column),
            usage_last: Some(cell(usage_column)).filter(|name| !name.is_empty()),
            first: cell(first_column),
            other_firsts: other_columns
                .iter()
                .map(|&column| cell(column))
                .filter(|name| !name.is_empty())
                .collect(),
            class,
        });
    }
    Ok(RosterFile {
        source: match kind {
            CsvKind::Sco => RosterSource::ScoCsv,
            CsvKind::Sup => RosterSource::SupCsv,
        },
        file_name: file_name.to_owned(),
        uai: None,
        school_year: None,
        exported_on: None,
        entries,
        left_out,
    })
}
