//! The CAMEO event-code table (`lexicon/cameo.tsv`) and the PLOVER crosswalk
//! (`lexicon/plover.tsv`), loaded once.

use super::EventsError;
use std::collections::HashMap;

/// One CAMEO code's factual columns.
#[derive(Clone, Debug)]
pub struct CameoCode {
    /// Name of the code.
    pub name: String,
    /// Goldstein score.
    pub goldstein: f32,
    /// GDELT quad class (1..4).
    pub quad_class: u8,
}

/// CAMEO codes with scores, and the PLOVER type/mode of each code prefix.
#[derive(Clone, Debug, Default)]
pub struct Table {
    codes: HashMap<String, CameoCode>,
    plover: HashMap<String, (String, Option<String>)>,
}

fn data_lines(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(n, l)| (n + 1, l.split('\t').collect()))
}

impl Table {
    /// Parses the two files (header rows are skipped).
    pub fn parse(cameo: &str, plover: &str) -> Result<Table, EventsError> {
        let mut t = Table::default();
        for (line, cols) in data_lines(cameo).skip(1) {
            let bad = |m: &str| EventsError { file: "cameo.tsv", line, message: m.to_string() };
            if cols.len() < 4 {
                return Err(bad("expected code, name, goldstein, quad_class"));
            }
            let goldstein = cols[2].parse().map_err(|_| bad("goldstein is not a number"))?;
            let quad_class = cols[3].parse().map_err(|_| bad("quad_class is not a number"))?;
            t.codes.insert(cols[0].to_string(), CameoCode { name: cols[1].to_string(), goldstein, quad_class });
        }
        for (line, cols) in data_lines(plover).skip(1) {
            if cols.len() < 3 {
                return Err(EventsError { file: "plover.tsv", line, message: "expected prefix, type, mode".into() });
            }
            let mode = (cols[2] != "-" && !cols[2].is_empty()).then(|| cols[2].to_string());
            t.plover.insert(cols[0].to_string(), (cols[1].to_string(), mode));
        }
        Ok(t)
    }

    /// The factual columns of `code`.
    pub fn get(&self, code: &str) -> Option<&CameoCode> {
        self.codes.get(code)
    }

    /// Name of `code` ("Discuss by telephone").
    pub fn name(&self, code: &str) -> Option<&str> {
        self.codes.get(code).map(|c| c.name.as_str())
    }

    /// The CAMEO codes, in no order.
    pub fn codes(&self) -> impl Iterator<Item = &str> {
        self.codes.keys().map(String::as_str)
    }

    /// Number of CAMEO codes.
    pub fn len(&self) -> usize {
        self.codes.len()
    }

    /// PLOVER type and mode of `code`: the row of its longest listed prefix.
    pub fn plover(&self, code: &str) -> Option<(&str, Option<&str>)> {
        (2..=code.len()).rev().find_map(|n| self.plover.get(&code[..n])).map(|(t, m)| (t.as_str(), m.as_deref()))
    }
}
