//! Synthetic SIECLE rosters for the speed budget (issue 17: a 2,000-student zip read and
//! joined to a 2,000-row export in 200 ms): the same work natively (tests) and in the browser
//! (the benchmark page), on a file shaped like a real `ElevesSansAdresses.zip`.

use std::collections::HashSet;
use std::io::Write;

use super::cohort::{campaign_roster, default_cohort_classes, CampaignRoster};
use super::matching::MatchDecisions;
use super::{read_roster, RosterSalt};
use crate::import::import_file;
use crate::model::snapshot::Rows;
use crate::views::cohort::participant_lines;

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;")
}

/// A SIECLE XML of these (last name, first name, class), in Latin-9 as real files are, with
/// the fields a real file has around the names (birth data, MEF, a group structure).
pub fn siecle_xml(students: &[(String, String, String)]) -> Vec<u8> {
    let mut xml = String::with_capacity(students.len() * 900 + 512);
    xml.push_str(
        "<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>\n<BEE_ELEVES VERSION=\"3.0\">\n\
         <PARAMETRES><UAJ>9999999Z</UAJ><ANNEE_SCOLAIRE>2025</ANNEE_SCOLAIRE>\
         <DATE_EXPORT>15/09/2025</DATE_EXPORT></PARAMETRES>\n<DONNEES>\n<ELEVES>\n",
    );
    for (at, (last, first, _)) in students.iter().enumerate() {
        xml.push_str(&format!(
            "<ELEVE ELEVE_ID=\"{at}\" ELENOET=\"{at}\">\n<ID_NATIONAL>{at:09}XX</ID_NATIONAL>\n\
             <NOM_DE_FAMILLE>{}</NOM_DE_FAMILLE>\n<NOM_USAGE></NOM_USAGE>\n<PRENOM>{}</PRENOM>\n\
             <PRENOM2>Alpha</PRENOM2>\n<CODE_SEXE>2</CODE_SEXE>\n<DATE_NAISS>02/03/2011</DATE_NAISS>\n\
             <CODE_PAYS>100</CODE_PAYS>\n<CODE_DEPARTEMENT_NAISS>099</CODE_DEPARTEMENT_NAISS>\n\
             <CODE_COMMUNE_INSEE_NAISS>99999</CODE_COMMUNE_INSEE_NAISS>\n\
             <CODE_MEF>10000000000</CODE_MEF>\n<CODE_STATUT>ST</CODE_STATUT>\n\
             <DATE_ENTREE>01/09/2022</DATE_ENTREE>\n</ELEVE>\n",
            xml_escape(last),
            xml_escape(first),
        ));
    }
    xml.push_str("</ELEVES>\n<STRUCTURES>\n");
    for (at, (_, _, class)) in students.iter().enumerate() {
        xml.push_str(&format!(
            "<STRUCTURES_ELEVE ELEVE_ID=\"{at}\" ELENOET=\"{at}\">\n<STRUCTURE>\
             <CODE_STRUCTURE>{}</CODE_STRUCTURE><TYPE_STRUCTURE>D</TYPE_STRUCTURE></STRUCTURE>\n\
             <STRUCTURE><CODE_STRUCTURE>LATIN</CODE_STRUCTURE><TYPE_STRUCTURE>G</TYPE_STRUCTURE>\
             </STRUCTURE>\n</STRUCTURES_ELEVE>\n",
            xml_escape(class)
        ));
    }
    xml.push_str("</STRUCTURES>\n</DONNEES>\n</BEE_ELEVES>\n");
    // Characters outside Latin-9 become numeric references, as an XML writer would put them.
    encoding_rs::ISO_8859_15.encode(&xml).0.into_owned()
}

/// `ElevesSansAdresses.xml`, deflated in a zip, as SIECLE gives it.
pub fn siecle_zip(students: &[(String, String, String)]) -> Vec<u8> {
    fn write(xml: &[u8]) -> zip::result::ZipResult<Vec<u8>> {
        let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        writer.start_file("ElevesSansAdresses.xml", options)?;
        writer.write_all(xml)?;
        Ok(writer.finish()?.into_inner())
    }
    // Writing to memory fails only if the zip crate itself does: an empty file then, which
    // the reader refuses as a corrupt zip.
    write(&siecle_xml(students)).unwrap_or_default()
}

/// The school of a profiles-collection export: its students (each once, with the export's
/// class), then students who never joined, up to `total`, spread over the same classes.
/// Returns the roster zip and the number of never-joined students in it.
pub fn roster_zip_for_export(export: &[u8], total: usize) -> Option<(Vec<u8>, usize)> {
    let snapshot = import_file("collecte.csv", export).ok()?;
    let Rows::Profiles(rows) = &snapshot.rows else {
        return None;
    };
    let mut seen = HashSet::new();
    let mut students: Vec<(String, String, String)> = participant_lines(rows)
        .iter()
        .map(|line| (line.last().into(), line.first().into(), line.class().into()))
        .filter(|student| seen.insert(student.clone()))
        .collect();
    let classes: Vec<String> = students.iter().map(|(_, _, class)| class.clone()).collect();
    let mut never_joined = 0;
    while students.len() < total && !classes.is_empty() {
        let class = classes[never_joined % classes.len()].clone();
        students.push((format!("JAMAIS{never_joined}"), "Inscrit".into(), class));
        never_joined += 1;
    }
    Some((siecle_zip(&students), never_joined))
}

/// What the speed budget times: the roster zip read and keyed, the export imported into its
/// participant lines, and the two joined for the campaign page with its default cohort.
pub fn benchmark_work(roster_zip: &[u8], export: &[u8]) -> Result<CampaignRoster, String> {
    let roster = read_roster("ElevesSansAdresses.zip", roster_zip)
        .map_err(|error| error.to_string())?
        .into_roster(&RosterSalt::from_random_bytes([3; 16]));
    let snapshot = import_file("collecte.csv", export).map_err(|error| error.to_string())?;
    let Rows::Profiles(rows) = &snapshot.rows else {
        return Err("not a profiles collection".into());
    };
    let lines = participant_lines(rows);
    let cohort = default_cohort_classes(&roster, &lines);
    Ok(campaign_roster(
        &roster,
        &lines,
        &cohort,
        &MatchDecisions::default(),
    ))
}
