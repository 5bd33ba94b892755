//! Reading school rosters: SIECLE XML (bare, zipped, Latin-9 or UTF-8 with a BOM), the SCO and
//! SUP CSV, Pix's filters, and every refusal, each with a French message naming the file.

mod common;

use std::io::Write;

use cohorte::domain::roster::{
    looks_like_roster, read_roster, LeftOut, Roster, RosterDate, RosterError, RosterErrorKind,
    RosterFile, RosterSalt, RosterSource,
};
use zip::write::SimpleFileOptions;
use zip::CompressionMethod;

fn fixture(name: &str) -> Vec<u8> {
    common::read(&format!("roster/{name}"))
}

/// A zip of the given (path, content) entries, deflated; a path ending in `/` is a folder.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (path, content) in entries {
        if path.ends_with('/') {
            writer.add_directory(*path, options).unwrap();
        } else {
            writer.start_file(*path, options).unwrap();
            writer.write_all(content).unwrap();
        }
    }
    writer.finish().unwrap().into_inner()
}

fn read_ok(name: &str, bytes: &[u8]) -> RosterFile {
    assert!(
        looks_like_roster(bytes),
        "{name} is routed to the roster reader"
    );
    read_roster(name, bytes).unwrap_or_else(|error| panic!("{name}: {error}"))
}

fn read_err(name: &str, bytes: &[u8]) -> RosterError {
    match read_roster(name, bytes) {
        Ok(file) => panic!(
            "{name} should be refused, read {} students",
            file.entries.len()
        ),
        Err(error) => {
            assert_eq!(error.file(), name);
            let message = error.to_string();
            assert!(
                message.contains(name),
                "the message names the file: {message}"
            );
            error
        }
    }
}

fn salt() -> RosterSalt {
    RosterSalt::from_random_bytes([7; 16])
}

/// (last, first, class) of each student, in file order.
fn names(file: &RosterFile) -> Vec<(String, String, String)> {
    file.entries
        .iter()
        .map(|entry| (entry.last.clone(), entry.first.clone(), entry.class.clone()))
        .collect()
}

fn owned(list: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    list.iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect()
}

#[test]
fn a_latin9_siecle_file_is_read_with_pix_rules_bare_and_zipped() {
    let xml = fixture("siecle-latin9.xml");
    let zipped = zip_of(&[("ElevesSansAdresses.xml", &xml)]);
    for (name, bytes) in [
        ("ElevesSansAdresses.xml", xml.clone()),
        ("ElevesSansAdresses.zip", zipped),
    ] {
        let file = read_ok(name, &bytes);
        assert_eq!(file.source, RosterSource::Siecle);
        // 900003 has a DATE_SORTIE. Œ and æ only decode right as Latin-9 (Latin-1 has ¼ there).
        assert_eq!(
            names(&file),
            owned(&[
                ("EXEMPLE", "Zoé", "3A"),
                ("FICTIF-TEST", "Jean-Éloi", "3B"),
                ("ŒUVRARD", "Lætitia", "3A"),
            ]),
            "{name}"
        );
        let fictif = &file.entries[1];
        assert_eq!(fictif.usage_last.as_deref(), Some("FICTIF"));
        assert_eq!(file.entries[0].other_firsts, ["Alpha"]);
        assert_eq!(
            file.entries[0].usage_last, None,
            "an empty NOM_USAGE is none"
        );
        assert_eq!(file.entries[0].national_id, "000000001XX");
        assert_eq!(file.uai.as_deref(), Some("9999999Z"));
        assert_eq!(file.school_year.as_deref(), Some("2025"));
        assert_eq!(
            file.exported_on,
            Some(RosterDate {
                year: 2025,
                month: 9,
                day: 15
            })
        );
        assert_eq!(
            file.left_out,
            LeftOut {
                left_school: 1,
                ..LeftOut::default()
            }
        );
        let report = file.clone().into_roster(&salt()).report();
        assert_eq!(
            report.to_string(),
            format!(
                "Liste des élèves (SIECLE) « {name} » : 3 élèves dans 2 classes, exportée le \
                 15/09/2025, année scolaire 2025-2026 ; 1 entrée écartée : 1 sorti."
            )
        );
    }
}

#[test]
fn a_utf8_file_with_a_bom_in_any_order_with_old_names_and_entities_is_read() {
    let file = read_ok("eleves.xml", &fixture("siecle-utf8-bom.xml"));
    // STRUCTURES come before ELEVES here: the join waits for the whole file. 800001 has two
    // D structures: the last one wins. `NOM` stands in for `NOM_DE_FAMILLE`.
    assert_eq!(
        names(&file),
        owned(&[
            ("O'TESTEUR", "Anaïs", "3C"),
            ("DUPONT & FILS", "Louïs", "3C")
        ])
    );
    assert_eq!(file.entries[0].other_firsts, ["Bêta", "Gamma"]);
    assert_eq!(file.school_year, None);
    assert_eq!(file.left_out.total(), 0);
    let roster = file.into_roster(&salt());
    assert_eq!(roster.suspicious_names, 0);
    assert_eq!(
        roster.report().to_string(),
        "Liste des élèves (SIECLE) « eleves.xml » : 2 élèves dans 1 classe, exportée le \
         01/10/2025."
    );
}

#[test]
fn the_five_students_pix_ignores_are_left_out_and_counted() {
    let file = read_ok("ElevesSansAdresses.xml", &fixture("siecle-ignores.xml"));
    assert_eq!(names(&file), owned(&[("PRESENT", "Six", "3A")]));
    assert_eq!(
        file.left_out,
        LeftOut {
            left_school: 1,
            without_national_id: 1,
            without_class: 2,
            inactive: 1,
            duplicates: 1,
        }
    );
    let report = file.into_roster(&salt()).report().to_string();
    assert!(
        report.ends_with(
            "1 élève dans 1 classe, exportée le 15/09/2025 ; 6 entrées écartées : 1 sorti, \
             1 sans INE, 2 sans classe, 1 Inactifs, 1 en double."
        ),
        "{report}"
    );

    let error = read_err("vide.xml", &fixture("siecle-que-des-ignores.xml"));
    assert_eq!(
        *error.kind(),
        RosterErrorKind::NoStudent(LeftOut {
            left_school: 1,
            without_national_id: 1,
            without_class: 2,
            inactive: 1,
            duplicates: 0,
        })
    );
}

#[test]
fn zips_keep_only_their_one_visible_xml() {
    let xml = fixture("siecle-latin9.xml");
    let zipped = zip_of(&[
        ("__MACOSX/", b""),
        (
            "__MACOSX/._ElevesSansAdresses.xml",
            b"\x00\x05\x16\x07 resource fork",
        ),
        ("._ElevesSansAdresses.xml", b"\x00\x05\x16\x07"),
        (".cache/old.xml", b"<BEE_ELEVES/>"),
        ("vide/", b""),
        ("LISEZMOI.txt", b"export SIECLE"),
        ("export/ElevesSansAdresses.xml", &xml),
    ]);
    assert_eq!(read_ok("export.zip", &zipped).entries.len(), 3);

    let none = zip_of(&[("LISEZMOI.txt", b"rien"), ("._x.xml", b"")]);
    assert_eq!(
        *read_err("rien.zip", &none).kind(),
        RosterErrorKind::NoXmlInZip
    );

    let two = zip_of(&[("a.xml", &xml), ("b/c.xml", &xml)]);
    assert_eq!(
        *read_err("deux.zip", &two).kind(),
        RosterErrorKind::SeveralXmlInZip(vec!["a.xml".into(), "b/c.xml".into()])
    );
    let message = read_err("deux.zip", &two).to_string();
    assert!(
        message.contains("plusieurs fichiers .xml (a.xml, b/c.xml)"),
        "{message}"
    );
}

#[test]
fn office_documents_are_left_to_the_export_import_and_named_if_they_come() {
    let xlsx = zip_of(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("xl/workbook.xml", b"<workbook/>"),
        ("xl/worksheets/sheet1.xml", b"<worksheet/>"),
    ]);
    assert!(
        !looks_like_roster(&xlsx),
        "the export import names spreadsheets"
    );
    let error = read_err("collecte.xlsx", &xlsx);
    assert_eq!(
        *error.kind(),
        RosterErrorKind::OfficeDocument("document Office (.xlsx, .docx)")
    );
    let ods = zip_of(&[(
        "mimetype",
        b"application/vnd.oasis.opendocument.spreadsheet",
    )]);
    assert!(!looks_like_roster(&ods));
    assert!(read_err("liste.ods", &ods)
        .to_string()
        .starts_with("« liste.ods » est un document OpenDocument (.ods, .odt), pas une liste"));
}

#[test]
fn a_corrupt_or_cut_zip_is_refused() {
    let xml = fixture("siecle-latin9.xml");
    let zipped = zip_of(&[("ElevesSansAdresses.xml", &xml)]);
    // Cut in the middle: the central directory at the end is gone.
    let cut = &zipped[..zipped.len() / 2];
    assert!(looks_like_roster(cut));
    assert!(matches!(
        read_err("coupe.zip", cut).kind(),
        RosterErrorKind::CorruptZip(_)
    ));
    // The deflated data damaged, the directory intact: the entry fails its CRC or inflate.
    let mut damaged = zipped.clone();
    let data_start = 30 + "ElevesSansAdresses.xml".len();
    for byte in &mut damaged[data_start + 10..data_start + 60] {
        *byte ^= 0x5a;
    }
    let error = read_err("abime.zip", &damaged);
    assert!(
        matches!(
            error.kind(),
            RosterErrorKind::CorruptZip(_)
                | RosterErrorKind::Xml { .. }
                | RosterErrorKind::Truncated
        ),
        "{error:?}"
    );
    assert!(matches!(
        read_err("rien.zip", b"PK\x03\x04 pas vraiment").kind(),
        RosterErrorKind::CorruptZip(_)
    ));
}

#[test]
fn a_cut_xml_file_is_refused_as_incomplete() {
    let error = read_err("ElevesSansAdresses.xml", &fixture("siecle-tronque.xml"));
    assert_eq!(*error.kind(), RosterErrorKind::Truncated);
    assert!(error.to_string().contains("incomplet"), "{error}");
    // Cut anywhere, the file is refused, never half read.
    let xml = fixture("siecle-latin9.xml");
    let end = xml.len() - b"</BEE_ELEVES>\n".len();
    for cut in (40..end).step_by(97) {
        let result = read_roster("coupe.xml", &xml[..cut]);
        assert!(result.is_err(), "cut at {cut} is refused");
    }
}

#[test]
fn xml_that_is_not_a_siecle_export_is_refused() {
    let error = read_err("profs.xml", &fixture("pas-bee-eleves.xml"));
    assert_eq!(
        *error.kind(),
        RosterErrorKind::NotSiecle {
            root: "ENSEIGNANTS".into()
        }
    );
    assert_eq!(
        error.to_string(),
        "« profs.xml » n'est pas un export SIECLE des élèves : son élément racine est \
         <ENSEIGNANTS> et non <BEE_ELEVES>."
    );
    let empty = read_err("vide.xml", b"<?xml version=\"1.0\"?>\n<!-- rien -->\n");
    assert_eq!(
        empty.to_string(),
        "« vide.xml » n'est pas un export SIECLE des élèves : il ne contient aucun élément XML."
    );
    let bad = b"<?xml version=\"1.0\"?><BEE_ELEVES><DONNEES></ELEVES></BEE_ELEVES>";
    let error = read_err("casse.xml", bad);
    assert!(
        matches!(error.kind(), RosterErrorKind::Xml { line: 1, .. }),
        "{error:?}"
    );
    let klingon = b"<?xml version=\"1.0\" encoding=\"klingon\"?><BEE_ELEVES/>";
    assert_eq!(
        *read_err("k.xml", klingon).kind(),
        RosterErrorKind::UnsupportedEncoding("klingon".into())
    );
}

#[test]
fn the_sco_csv_in_windows_1252_is_read_with_its_filters() {
    let file = read_ok("eleves.csv", &fixture("sco-cp1252.csv"));
    assert_eq!(file.source, RosterSource::ScoCsv);
    // Divisions are trimmed and their inner spaces collapsed, as Pix does.
    assert_eq!(
        names(&file),
        owned(&[
            ("EXEMPLE", "Zoé", "TERM A"),
            ("FICTIF-TEST", "Jean-Éloi", "TERM B"),
            ("TESTEUR", "Gamma", "TERM A"),
        ])
    );
    assert_eq!(file.entries[1].usage_last.as_deref(), Some("FICTIF"));
    assert_eq!(file.entries[0].other_firsts, ["Alpha"]);
    assert_eq!(
        file.left_out,
        LeftOut {
            without_national_id: 1,
            without_class: 1,
            ..LeftOut::default()
        }
    );
    // The same file in UTF-8 reads the same.
    let utf8 = encoding_rs::WINDOWS_1252
        .decode(&fixture("sco-cp1252.csv"))
        .0
        .into_owned();
    assert_eq!(names(&read_ok("utf8.csv", utf8.as_bytes())), names(&file));
}

#[test]
fn csv_headers_are_as_strict_as_pix() {
    let error = read_err("eleves.csv", &fixture("sco-colonne-inconnue.csv"));
    assert_eq!(
        *error.kind(),
        RosterErrorKind::UnknownColumns(vec!["Remarque".into()])
    );
    assert_eq!(
        error.to_string(),
        "« eleves.csv » : colonne inconnue du format d'import Pix : « Remarque »."
    );
    let error = read_err("eleves.csv", &fixture("sco-colonne-manquante.csv"));
    assert_eq!(
        *error.kind(),
        RosterErrorKind::MissingColumns(vec!["Code MEF*".into()])
    );
    // A CSV that is no roster at all (a Pix export, a random sheet) is not routed here, and
    // is refused if it comes anyway.
    let export = b"\xef\xbb\xbf\"Nom de l'organisation\";\"ID Campagne\";\"Nom du Participant\"\n";
    assert!(!looks_like_roster(export));
    assert_eq!(
        *read_err("collecte.csv", export).kind(),
        RosterErrorKind::NotARoster
    );
    let sheet = b"nom;prenom;classe\nX;Y;3A\n";
    assert!(!looks_like_roster(sheet));
    assert!(read_err("liste.csv", sheet)
        .to_string()
        .contains("n'est pas une liste d'élèves reconnue"));
}

#[test]
fn the_sup_csv_is_read_with_the_group_as_class() {
    let file = read_ok("etudiants.csv", &fixture("sup-utf8.csv"));
    assert_eq!(file.source, RosterSource::SupCsv);
    assert_eq!(
        names(&file),
        owned(&[
            ("EXEMPLE", "Zoé", "G1"),
            ("FICTIF-TEST", "Jean-Éloi", "G2"),
            ("TESTEUR", "Gamma", "G1"),
        ])
    );
    assert_eq!(file.entries[0].national_id, "ETU0001");
}

#[test]
fn the_stored_roster_keeps_no_ine_and_the_same_salt_gives_the_same_keys() {
    let file = read_ok("ElevesSansAdresses.xml", &fixture("siecle-latin9.xml"));
    let roster = file.clone().into_roster(&salt());
    let json = serde_json::to_string(&roster).unwrap();
    for entry in &file.entries {
        assert!(!json.contains(&entry.national_id), "no INE in {json}");
    }
    assert!(!json.contains("02/03/2011"), "no birth date");
    let back: Roster = serde_json::from_str(&json).unwrap();
    assert_eq!(back, roster);

    // A newer file of the same school, with the same salt: the same INE, the same key, even
    // when the student changed class and the case of the INE differs.
    let newer = String::from_utf8_lossy(&fixture("siecle-utf8-bom.xml"))
        .replace("000000011XX", "000000001xx")
        .into_bytes();
    let newer = read_ok("nouveau.xml", &newer).into_roster(&salt());
    assert_eq!(newer.students[0].key, roster.students[0].key);
    assert_ne!(newer.students[1].key, roster.students[1].key);
    let other_salt = file.into_roster(&RosterSalt::from_random_bytes([8; 16]));
    assert_ne!(other_salt.students[0].key, roster.students[0].key);

    // What an earlier version stored, without the optional fields, still loads.
    let minimal = r#"{"source":"Siecle","file_name":"a.xml","salt":"00","students":
        [{"key":"ab","last":"X","first":"Y","class":"3A"}]}"#;
    let old: Roster = serde_json::from_str(minimal).unwrap();
    assert_eq!(old.students[0].other_firsts, Vec::<String>::new());
    assert_eq!(old.left_out, LeftOut::default());
}

#[test]
fn mis_decoded_names_are_kept_and_flagged() {
    // A Latin-9 file re-saved as UTF-8 by an editor, its declaration still saying ISO-8859-15:
    // read as declared, `é` becomes `Ã©`.
    let text = encoding_rs::ISO_8859_15
        .decode(&fixture("siecle-latin9.xml"))
        .0
        .into_owned();
    let roster = read_ok("resave.xml", text.as_bytes()).into_roster(&salt());
    assert_eq!(roster.students[0].first, "ZoÃ©");
    assert_eq!(roster.suspicious_names, 3);
    assert!(roster
        .report()
        .to_string()
        .ends_with("Attention : 3 noms semblent mal encodés (caractères « � » ou « Ã ») : vérifiez le fichier."));
}

#[test]
fn routing_looks_at_the_content_only() {
    assert!(looks_like_roster(&fixture("siecle-latin9.xml")));
    assert!(looks_like_roster(&fixture("siecle-utf8-bom.xml")));
    assert!(looks_like_roster(&fixture("sco-cp1252.csv")));
    assert!(looks_like_roster(&fixture("sup-utf8.csv")));
    assert!(looks_like_roster(&zip_of(&[("a.xml", b"<BEE_ELEVES/>")])));
    let export = common::read("collecte-3e-sco-2025.csv");
    assert!(!looks_like_roster(&export));
    assert!(!looks_like_roster(b""));
}
