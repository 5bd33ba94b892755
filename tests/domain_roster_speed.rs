//! The speed budget of issue 17: a SIECLE zip of 2,000 students read and joined to a
//! 2,000-row export. Printed (`cargo test --release --test domain_roster_speed -- --nocapture`)
//! for the lead's comparison with the Chromium figure; the join's results are checked too, so
//! the timing is of real work.

use std::collections::HashSet;
use std::io::Write;
use std::time::Instant;

use cohorte::domain::cohort::participant_lines;
use cohorte::domain::generate::generate_profiles_export;
use cohorte::domain::import::import_file;
use cohorte::domain::roster::cohort::{campaign_roster, default_cohort_classes};
use cohorte::domain::roster::matching::MatchDecisions;
use cohorte::domain::roster::{read_roster, RosterSalt};
use cohorte::domain::snapshot::Rows;

const STUDENTS: usize = 2_000;

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;")
}

/// A SIECLE zip (Latin-9, as real files are) of the export's students, then students who
/// never joined up to `STUDENTS`, each with the fields a real file has around the names.
fn siecle_zip(students: &[(String, String, String)]) -> Vec<u8> {
    let mut xml = String::from(
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
    let (latin9, _, unmappable) = encoding_rs::ISO_8859_15.encode(&xml);
    assert!(!unmappable, "the generated names are Latin-9");
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    writer
        .start_file("ElevesSansAdresses.xml", options)
        .unwrap();
    writer.write_all(&latin9).unwrap();
    writer.finish().unwrap().into_inner()
}

#[test]
fn a_2000_student_zip_is_read_and_joined_within_budget() {
    let export = generate_profiles_export(STUDENTS, 2025);
    let snapshot = import_file("collecte.csv", &export).unwrap();
    let Rows::Profiles(rows) = &snapshot.rows else {
        panic!("a profiles collection")
    };
    let lines = participant_lines(rows);
    let mut seen = HashSet::new();
    let mut students: Vec<(String, String, String)> = lines
        .iter()
        .map(|line| (line.last().into(), line.first().into(), line.class().into()))
        .filter(|student| seen.insert(student.clone()))
        .collect();
    let participants = students.len();
    let classes: Vec<String> = students.iter().map(|(_, _, class)| class.clone()).collect();
    let mut extra = 0;
    while students.len() < STUDENTS {
        let class = classes[extra % classes.len()].clone();
        students.push((format!("JAMAIS{extra}"), "Inscrit".into(), class));
        extra += 1;
    }
    let zip = siecle_zip(&students);

    let started = Instant::now();
    let roster = read_roster("ElevesSansAdresses.zip", &zip)
        .unwrap()
        .into_roster(&RosterSalt::from_random_bytes([3; 16]));
    let read = started.elapsed();
    let cohort = default_cohort_classes(&roster, &lines);
    let view = campaign_roster(&roster, &lines, &cohort, &MatchDecisions::default());
    let total = started.elapsed();
    println!(
        "roster: {} students ({} KB zipped) read in {:.1} ms, joined to {} rows ({} \
         participants) in {:.1} ms, {:.1} ms in all (budget 200 ms in Chromium)",
        roster.students.len(),
        zip.len() / 1000,
        read.as_secs_f64() * 1e3,
        rows.len(),
        lines.len(),
        (total - read).as_secs_f64() * 1e3,
        total.as_secs_f64() * 1e3,
    );

    assert_eq!(roster.students.len(), STUDENTS);
    // Every participant is in the roster once, under the class the export gives.
    assert_eq!(view.matching.names.len(), participants);
    assert!(view.to_check.is_empty());
    assert_eq!(
        view.never_joined.len(),
        extra,
        "the students added to the roster are exactly the never-joined ones"
    );
    assert!(view.out_of_roster.is_empty());
    assert_eq!(view.share.students, STUDENTS);
}
