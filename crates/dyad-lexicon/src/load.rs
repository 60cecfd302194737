//! Reading dictionary files: TSV with a header line that says which format the file is.
//!
//! Every format is one fact per line, `#` starts a comment line, blank lines are skipped and
//! multi-valued columns are `|`-separated. The header (the first other line) names the
//! columns and so the format; see `lexicon/README.md` for each one.

use crate::date::{Validity, parse_period};
use crate::error::{ErrorKind, LexiconError};

/// The dictionary formats, told apart by their header line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Format {
    Units,
    Countries,
    Places,
    People,
    Orgs,
    Agents,
}

impl Format {
    const ALL: [(Format, &'static str); 6] = [
        (Format::Units, "unit\tname\tkind\tsource"),
        (Format::Countries, "code\tiso2\tiso3\tfips\tname\tvariants\tdemonyms\tcapital\tfrom\tto\tsource"),
        (Format::Places, "name\tvariants\tkind\tcode\tfrom\tto\tsource"),
        (Format::People, "name\tvariants\tcode\trole\tfrom\tto\tsource"),
        (Format::Orgs, "name\tvariants\tcode\tlabel\tfrom\tto\tsource"),
        (Format::Agents, "term\tvariants\tcode\tkind\trole\tsource"),
    ];

    fn from_header(h: &str) -> Option<Format> {
        Format::ALL.iter().find(|(_, header)| *header == h.trim_end()).map(|(f, _)| *f)
    }

    fn columns(self) -> usize {
        Format::ALL.iter().find(|(f, _)| *f == self).map_or(0, |(_, h)| h.split('\t').count())
    }
}

/// One parsed line, its columns still as text apart from the period.
#[derive(Clone, Debug)]
pub(crate) struct Record<'a> {
    pub format: Format,
    pub line: u32,
    pub cols: Vec<&'a str>,
    pub valid: Validity,
}

/// Parses one file. Errors name the file and line; parsing goes on after an error.
pub(crate) fn parse<'a>(file: &str, text: &'a str, errors: &mut Vec<LexiconError>) -> Vec<Record<'a>> {
    let mut format = None;
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i as u32 + 1;
        let l = raw.strip_suffix('\r').unwrap_or(raw);
        if l.trim().is_empty() || l.starts_with('#') {
            continue;
        }
        let Some(f) = format else {
            match Format::from_header(l) {
                Some(f) => format = Some(f),
                None => {
                    errors.push(LexiconError::new(
                        file,
                        line,
                        ErrorKind::Header,
                        format!("unknown header '{}'; expected one of the formats in lexicon/README.md", l.trim()),
                    ));
                    return out;
                }
            }
            continue;
        };
        let cols: Vec<&str> = l.split('\t').map(str::trim).collect();
        if cols.len() != f.columns() {
            errors.push(LexiconError::new(
                file,
                line,
                ErrorKind::Columns,
                format!("{} columns, expected {}", cols.len(), f.columns()),
            ));
            continue;
        }
        if cols[0].is_empty() {
            errors.push(LexiconError::new(file, line, ErrorKind::Columns, "the first column is empty"));
            continue;
        }
        let valid = match f {
            Format::Countries => parse_period(cols[8], cols[9]),
            Format::Places => parse_period(cols[4], cols[5]),
            Format::People | Format::Orgs => parse_period(cols[4], cols[5]),
            Format::Units | Format::Agents => Ok(Validity::ALWAYS),
        };
        let valid = match valid {
            Ok(v) => v,
            Err(e) => {
                errors.push(LexiconError::new(file, line, ErrorKind::Date, e));
                continue;
            }
        };
        if f == Format::People && (cols[2].is_empty() || cols[3].is_empty()) {
            errors.push(LexiconError::new(file, line, ErrorKind::Columns, "a role record needs a code and a role"));
            continue;
        }
        let source = *cols.last().unwrap_or(&"");
        if source.is_empty() {
            errors.push(LexiconError::new(file, line, ErrorKind::Columns, "the source column is empty"));
            continue;
        }
        out.push(Record { format: f, line, cols, valid });
    }
    if format.is_none() {
        errors.push(LexiconError::new(file, 0, ErrorKind::Header, "no header line"));
    }
    out
}

/// Splits a `|`-separated column into its non-empty values.
pub(crate) fn multi(col: &str) -> impl Iterator<Item = &str> {
    col.split('|').map(str::trim).filter(|s| !s.is_empty())
}
