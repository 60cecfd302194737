//! Data-driven checks of the embedded lexicon: the role-date table (`lexicon/tests/role_dates.tsv`),
//! and malformed user files, which must give errors naming file and line.

use dyad_lexicon::{ErrorKind, Lexicon};
use std::collections::HashSet;
use std::sync::OnceLock;

fn lex() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| Lexicon::embedded().unwrap_or_else(|e| panic!("embedded lexicon: {e}")))
}

const ROLE_DATES: &str = include_str!("../../../lexicon/tests/role_dates.tsv");

/// Every row: `name  date  code`; the code must be one of the name's meanings on that date.
#[test]
fn role_dates_table() {
    let mut failures = Vec::new();
    let mut rows = 0;
    let mut countries = HashSet::new();
    for (i, line) in ROLE_DATES.lines().enumerate().skip(1) {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let (name, date, want) = (cols[0], cols[1], cols[2]);
        rows += 1;
        countries.insert(&want[..3]);
        let got: Vec<String> =
            lex().lookup(name, Some(date.parse().expect("date"))).into_iter().filter_map(|r| r.code).collect();
        if !got.iter().any(|g| g == want) {
            failures.push(format!("line {}: {name} on {date}: want {want}, got {got:?}", i + 1));
        }
    }
    assert!(failures.is_empty(), "{} of {rows} rows fail:\n{}", failures.len(), failures.join("\n"));
    assert!(rows >= 60 && countries.len() >= 20, "{rows} rows, {} countries", countries.len());
}

fn user(files: &[(&str, &str)]) -> Vec<dyad_lexicon::LexiconError> {
    let user: Vec<(String, String)> = files.iter().map(|(n, t)| (n.to_string(), t.to_string())).collect();
    match Lexicon::from_sources(&[("units.tsv", include_str!("../../../lexicon/units.tsv"))], &user) {
        Ok(_) => Vec::new(),
        Err(e) => e.0,
    }
}

#[test]
fn malformed_files_name_file_and_line() {
    let people = "# my people\nname\tvariants\tcode\trole\tfrom\tto\tsource\n\
                  Jane Roe\t\tUSAGOV\tEnvoy\t2021-13-01\t\tnews\n\
                  John Doe\t\tXYZGOV\tEnvoy\t2020\t\tnews\n\
                  Max Mustermann\t\tDEUGOV\tEnvoy\t2020\n\
                  Ann Example\t\tUSAGOV\tEnvoy\t2022\t2021\tnews\n";
    let errors = user(&[("mine/people.tsv", people)]);
    let got: Vec<(String, ErrorKind)> = errors.iter().map(|e| (format!("{}:{}", e.file, e.line), e.kind)).collect();
    assert_eq!(
        got,
        [
            ("mine/people.tsv:3".to_string(), ErrorKind::Date),
            ("mine/people.tsv:5".to_string(), ErrorKind::Columns),
            ("mine/people.tsv:6".to_string(), ErrorKind::Date),
            ("mine/people.tsv:4".to_string(), ErrorKind::Code),
        ]
    );
    assert!(errors[3].to_string().starts_with("mine/people.tsv:4: unknown actor code 'XYZGOV'"), "{}", errors[3]);
    let bad_header = user(&[("x.tsv", "nom\tcode\n")]);
    assert_eq!((bad_header[0].line, bad_header[0].kind), (1, ErrorKind::Header));
}

#[test]
fn one_term_for_two_things_at_once_is_an_error() {
    let orgs = "name\tvariants\tcode\tlabel\tfrom\tto\tsource\n\
                Alpha Front\tAF\tUSAREB\tORG\t2010\t2020\tnews\n\
                Action Force\tAF\tGBRREB\tORG\t2015\t\tnews\n\
                Other Front\tOF\tUSAREB\tORG\t2010\t2014\tnews\n\
                Old Front\tOF\tGBRREB\tORG\t2015\t\tnews\n";
    let errors = user(&[("orgs.tsv", orgs)]);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!((errors[0].line, errors[0].kind), (3, ErrorKind::Overlap));
    assert!(errors[0].message.contains("'AF'") && errors[0].message.contains("orgs.tsv:2"), "{}", errors[0]);
}

#[test]
fn user_files_override_embedded_terms() {
    let dir = std::env::temp_dir().join(format!("dyad-lexicon-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = "name\tvariants\tcode\tlabel\tfrom\tto\tsource\nWagner\t\tDEUMED\tORG\t\t\tmy newspaper\n";
    std::fs::write(dir.join("mine.tsv"), file).unwrap();
    let mine = Lexicon::with_user_dir(&dir);
    std::fs::remove_dir_all(&dir).unwrap();
    let mine = mine.unwrap();
    let codes: Vec<_> = mine.lookup("Wagner", None).into_iter().map(|r| r.code).collect();
    assert_eq!(codes, [Some("DEUMED".to_string())]);
    assert_eq!(lex().lookup("Wagner", None)[0].code.as_deref(), Some("RUSUAFWAG"));
}

#[test]
fn matching_is_case_sensitive_on_word_boundaries() {
    let text = "Russians and the russian army; Iranian officials met in Tehran.";
    let hits: Vec<&str> = lex().find(text).iter().map(|h| &text[h.span.range()]).collect();
    assert!(hits.contains(&"Russians") && hits.contains(&"Iranian") && hits.contains(&"Tehran"), "{hits:?}");
    assert!(!hits.contains(&"russian") && !hits.contains(&"Iran"), "{hits:?}");
}

#[test]
fn gazetteer_names_are_looked_up_never_searched_for() {
    let places = "name\tvariants\tkind\tcode\tfrom\tto\tsource\n\
                  Springvale\t\tgazetteer\tUSA\t\t\tmine\n\
                  Springvale\t\tgazetteer\tAUS\t\t\tmine\n\
                  Oldtown\t\tcity\tGBR\t\t\tmine\n\
                  Newtown\t\tgazetteer\tXYZ\t\t\tmine\n";
    let user = [("mine/places.tsv".to_string(), places.to_string())];
    let units = ("units.tsv", include_str!("../../../lexicon/units.tsv"));
    // A code that is no country is an error naming file and line.
    let errors = match Lexicon::from_sources(&[units], &user) {
        Ok(_) => panic!("XYZ accepted"),
        Err(e) => e.0,
    };
    assert_eq!((errors[0].file.as_str(), errors[0].line, errors[0].kind), ("mine/places.tsv", 5, ErrorKind::Code));
    let user = [("mine/places.tsv".to_string(), places.replace("XYZ", "NZL"))];
    let lex = Lexicon::from_sources(&[units], &user).unwrap_or_else(|e| panic!("{e}"));
    // Two countries' towns of one name are no conflict, and neither is searched for.
    let found: Vec<&str> = lex.find("From Oldtown to Springvale.").iter().map(|h| lex.term_text(h.term)).collect();
    assert_eq!(found, ["Oldtown"]);
    let codes: Vec<&str> = lex.gazetteer("Springvale").iter().map(|p| p.code).collect();
    assert_eq!(codes, ["USA", "AUS"]);
    assert_eq!(lex.stats().gazetteer, 3);
}

#[test]
fn the_embedded_gazetteer_is_sorted_and_names_known_countries() {
    assert_eq!(lex().gazetteer_problems(), Vec::<String>::new());
    assert!(lex().stats().gazetteer > 30_000, "{:?}", lex().stats());
    let codes = |name: &str| lex().gazetteer(name).iter().map(|p| p.code).collect::<Vec<_>>();
    assert_eq!(codes("Lucknow"), ["IND"]);
    assert_eq!(codes("Hyderabad"), ["IND", "PAK"]);
    // Names of the hand-written lexicon are left to it.
    assert!(codes("Kharkiv").is_empty() && codes("Moscow").is_empty());
}
