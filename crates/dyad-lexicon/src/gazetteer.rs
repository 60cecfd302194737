//! Towns and first-level regions with their country, found by name.
//!
//! `lexicon/gazetteer.tsv` (generated from GeoNames by `lexicon/tools/gen_gazetteer.py`) holds
//! tens of thousands of names, many of them also ordinary words or surnames ("Reading",
//! "Jackson"). They are never searched for in a text: dyad looks a name up only when its NER
//! already calls it a place. The file is sorted by name (byte order), so a lookup is a binary
//! search over an index of its lines, and loading it costs one pass that finds where lines
//! start. Rows of one name are in the file's order: the most populous place first.

use std::borrow::Cow;

/// A gazetteer row: a place of that name and its country.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GazetteerPlace<'a> {
    /// The name as written in the row.
    pub name: &'a str,
    /// CAMEO code of its country.
    pub code: &'a str,
    /// The row's source note: "GeoNames 1264733 town", or "... region" for a first-level
    /// region (a state or province), which the actors stage trusts more than a town.
    pub source: &'a str,
}

/// Rows in the places format (`name variants kind code from to source`, kind `gazetteer`,
/// no variants), sorted by name, with the start of each row.
#[derive(Clone, Debug, Default)]
pub(crate) struct Table {
    text: Cow<'static, str>,
    rows: Vec<u32>,
}

impl Table {
    /// Indexes `text`: every line but comments, blank lines and the header is a row.
    pub(crate) fn new(text: Cow<'static, str>) -> Table {
        // Line starts found with `match_indices` (a vectorised byte search): this runs at every
        // start-up, over 2 MB.
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1));
        let rows = starts
            .filter(|&i| {
                let line = &text.as_bytes()[i..];
                !matches!(line.first(), None | Some(b'#' | b'\n' | b'\r')) && !line.starts_with(b"name\t")
            })
            .map(|i| i as u32)
            .collect();
        Table { text, rows }
    }

    /// A table of rows given as (name, code, source), sorted here.
    pub(crate) fn from_rows(mut rows: Vec<(String, String, String)>) -> Table {
        rows.sort_by(|a, b| a.0.cmp(&b.0));
        let text: String = rows.iter().map(|(n, c, s)| format!("{n}\t\tgazetteer\t{c}\t\t\t{s}\n")).collect();
        Table::new(Cow::Owned(text))
    }

    pub(crate) fn len(&self) -> usize {
        self.rows.len()
    }

    fn row(&self, i: usize) -> &str {
        let start = self.rows[i] as usize;
        let rest = &self.text[start..];
        rest.split('\n').next().unwrap_or("").trim_end_matches('\r')
    }

    fn name(&self, i: usize) -> &str {
        self.row(i).split('\t').next().unwrap_or("")
    }

    /// Every row of `name`, in the table's order.
    pub(crate) fn lookup(&self, name: &str) -> impl Iterator<Item = GazetteerPlace<'_>> {
        let first = self.rows.partition_point(|&r| {
            let i = &self.text[r as usize..];
            i.split('\t').next().unwrap_or("") < name
        });
        (first..self.rows.len()).map_while(move |i| {
            let cols: Vec<&str> = self.row(i).split('\t').collect();
            (cols.first() == Some(&name) && cols.len() == 7).then(|| GazetteerPlace {
                name: cols[0],
                code: cols[3],
                source: cols[6],
            })
        })
    }

    /// The country code of every row.
    pub(crate) fn codes(&self) -> impl Iterator<Item = &str> {
        (0..self.rows.len()).filter_map(|i| self.row(i).split('\t').nth(3))
    }

    /// Rows out of name order, or not of seven columns, as (row index, the row): the embedded
    /// file's own check (its test), since it is never validated at load.
    pub(crate) fn problems(&self) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        for i in 0..self.rows.len() {
            let row = self.row(i);
            if row.split('\t').count() != 7 || row.split('\t').nth(2) != Some("gazetteer") {
                out.push((i, format!("not a gazetteer row: {row}")));
            }
            if i > 0 && self.name(i - 1) > self.name(i) {
                out.push((i, format!("out of order: {row}")));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_finds_every_row_of_a_name_and_no_other() {
        let t = Table::from_rows(vec![
            ("Springvale".into(), "USA".into(), "a".into()),
            ("Spring".into(), "GBR".into(), "b".into()),
            ("Springvale".into(), "AUS".into(), "c".into()),
            ("Zell".into(), "DEU".into(), "d".into()),
        ]);
        let codes = |n: &str| t.lookup(n).map(|p| p.code).collect::<Vec<_>>();
        assert_eq!(codes("Springvale"), ["USA", "AUS"]);
        assert_eq!(codes("Spring"), ["GBR"]);
        assert_eq!(codes("Zell"), ["DEU"]);
        assert!(codes("Sprin").is_empty() && codes("Zz").is_empty() && codes("").is_empty());
        assert!(t.problems().is_empty());
    }

    #[test]
    fn comments_and_the_header_are_not_rows() {
        let t = Table::new(Cow::Borrowed(
            "# about\nname\tvariants\tkind\tcode\tfrom\tto\tsource\nAb\t\tgazetteer\tIND\t\t\tx\n",
        ));
        assert_eq!(t.len(), 1);
        assert_eq!(t.lookup("Ab").next().map(|p| p.source), Some("x"));
    }
}
