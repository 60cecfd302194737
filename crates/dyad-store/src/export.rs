//! Exports: GDELT 2.0 Events and Mentions TSV (the codebook's column order), PLOVER-style
//! JSON lines (POLECAT's field names), and dyad's own JSON lines with every mention.

use crate::{Error, EventRow, Filter, MentionRow, Store};
use serde::Serialize;
use std::io::Write;

/// GDELT 2.0 Events columns, in the codebook's order (61).
pub const GDELT_EVENT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// GDELT 2.0 Mentions columns, in the codebook's order (16).
pub const GDELT_MENTION_COLUMNS: [&str; 16] = [
    "GLOBALEVENTID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
];

/// Tabs and newlines would break a TSV row; GDELT files never quote.
fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

fn digits(date: &str) -> String {
    date.chars().filter(char::is_ascii_digit).collect()
}

/// A CAMEO actor code's country part (three letters that are not an IGO/NGO/etc. prefix).
pub(crate) fn country_of(code: &str) -> &str {
    let head = code.get(..3).unwrap_or("");
    if head.bytes().all(|b| b.is_ascii_uppercase()) && !matches!(head, "IGO" | "NGO" | "IMG" | "MNC") {
        head
    } else {
        ""
    }
}

/// A CAMEO actor code's first type (`COP` of `GRCCOP`, of `---COP` and of `COP`).
fn type_of(code: &str) -> &str {
    if country_of(code).is_empty() && !code.starts_with("---") {
        code.get(..3).unwrap_or("")
    } else {
        code.get(3..6).unwrap_or("")
    }
}

fn fraction_date(date: &str) -> String {
    let (Ok(y), Ok(m), Ok(d)) = (
        date.get(..4).unwrap_or("").parse::<u32>(),
        date.get(5..7).unwrap_or("").parse::<u32>(),
        date.get(8..10).unwrap_or("").parse::<u32>(),
    ) else {
        return String::new();
    };
    format!("{:.4}", f64::from(y) + (f64::from((m - 1) * 30 + d) / 365.0))
}

impl Store {
    fn first_mention(&self, event: &EventRow) -> Result<Option<MentionRow>, Error> {
        Ok(self.mentions(event.id)?.into_iter().next())
    }

    /// Writes the filtered events as GDELT 2.0 Events TSV (no header, as GDELT's files).
    /// Geography columns stay empty until places have coordinates; AvgTone and DATEADDED
    /// are empty because dyad measures neither.
    pub fn export_gdelt_events(&self, filter: &Filter, out: &mut impl Write) -> Result<u64, Error> {
        let mut n = 0;
        self.for_each_event(filter, |e| {
            let first = self.first_mention(&e)?;
            let date = e.date.clone().unwrap_or_default();
            let full = date.len() >= 10;
            let actor = |code: &Option<String>, text: Option<&String>| -> [String; 10] {
                let c = code.clone().unwrap_or_default();
                [
                    c.clone(),
                    text.map(|t| clean(t).to_uppercase()).unwrap_or_default(),
                    country_of(&c).to_string(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    type_of(&c).to_string(),
                    String::new(),
                    String::new(),
                ]
            };
            let mut row: Vec<String> = vec![
                e.id.to_string(),
                if full { digits(&date[..10]) } else { String::new() },
                if date.len() >= 7 { digits(&date[..7]) } else { String::new() },
                date.get(..4).unwrap_or("").to_string(),
                fraction_date(&date),
            ];
            row.extend(actor(&e.source, first.as_ref().and_then(|m| m.source_text.as_ref())));
            row.extend(actor(&e.target, first.as_ref().and_then(|m| m.target_text.as_ref())));
            row.extend([
                first.as_ref().map_or("0", |m| if m.sentence == 0 { "1" } else { "0" }).to_string(),
                e.cameo.clone(),
                e.cameo.get(..3).unwrap_or(&e.cameo).to_string(),
                e.root.clone(),
                e.quad_class.to_string(),
                format!("{:.1}", e.goldstein),
                e.num_mentions.to_string(),
                e.num_sources.to_string(),
                e.num_articles.to_string(),
                String::new(),
            ]);
            row.extend(std::iter::repeat_n(String::new(), 16));
            let place = e.place.as_deref().map(clean).unwrap_or_default();
            row.extend([if place.is_empty() { String::new() } else { "0".into() }, place]);
            row.extend(std::iter::repeat_n(String::new(), 6));
            row.push(String::new());
            row.push(first.as_ref().map(|m| m.url.clone().unwrap_or_else(|| m.doc_id.clone())).unwrap_or_default());
            debug_assert_eq!(row.len(), GDELT_EVENT_COLUMNS.len());
            writeln!(out, "{}", row.join("\t"))?;
            n += 1;
            Ok::<(), Error>(())
        })?;
        Ok(n)
    }

    /// Writes every mention of the filtered events as GDELT 2.0 Mentions TSV.
    pub fn export_gdelt_mentions(&self, filter: &Filter, out: &mut impl Write) -> Result<u64, Error> {
        let mut n = 0;
        self.for_each_event(filter, |e| {
            let event_time = e.date.as_deref().filter(|d| d.len() >= 10).map(|d| format!("{}000000", digits(&d[..10])));
            for m in self.mentions(e.id)? {
                let mention_time = m.published.as_deref().map(|p| {
                    let mut d = digits(p);
                    d.truncate(14);
                    format!("{d:0<14}")
                });
                let doc_len: i64 = self
                    .conn
                    .prepare_cached("SELECT length(text) FROM documents WHERE id = ?1")?
                    .query_row([&m.doc_id], |r| r.get(0))?;
                let row = [
                    e.id.to_string(),
                    event_time.clone().unwrap_or_default(),
                    mention_time.unwrap_or_default(),
                    "1".into(),
                    m.url.as_deref().and_then(host).unwrap_or_default(),
                    clean(m.url.as_deref().unwrap_or(&m.doc_id)),
                    (m.sentence + 1).to_string(),
                    "-1".into(),
                    "-1".into(),
                    "-1".into(),
                    "1".into(),
                    format!("{:.0}", m.confidence * 100.0),
                    doc_len.to_string(),
                    String::new(),
                    String::new(),
                    String::new(),
                ];
                writeln!(out, "{}", row.join("\t"))?;
                n += 1;
            }
            Ok::<(), Error>(())
        })?;
        Ok(n)
    }

    /// Writes the filtered events as PLOVER-style JSON lines (POLECAT's field names).
    pub fn export_plover(&self, filter: &Filter, out: &mut impl Write) -> Result<u64, Error> {
        #[derive(Serialize)]
        struct Plover<'a> {
            event_id: String,
            event_date: Option<&'a str>,
            event_type: Option<String>,
            event_mode: Option<String>,
            event_text: Option<&'a str>,
            cameo: &'a str,
            actor: Option<&'a str>,
            actor_country: &'a str,
            actor_code: Option<&'a str>,
            recipient: Option<&'a str>,
            recipient_country: &'a str,
            recipient_code: Option<&'a str>,
            location: Option<&'a str>,
            modality: &'a str,
            num_mentions: u64,
            num_sources: u64,
            story_ids: Vec<&'a str>,
        }
        let mut n = 0;
        self.for_each_event(filter, |e| {
            let (kind, mode): (Option<String>, Option<String>) = self
                .conn
                .prepare_cached("SELECT plover_type, plover_mode FROM events WHERE id = ?1")?
                .query_row([e.id], |r| Ok((r.get(0)?, r.get(1)?)))?;
            let mentions = self.mentions(e.id)?;
            let first = mentions.first();
            let record = Plover {
                event_id: format!("dyad-{}", e.id),
                event_date: e.date.as_deref(),
                event_type: kind,
                event_mode: mode,
                event_text: first.map(|m| m.evidence.as_str()),
                cameo: &e.cameo,
                actor: first.and_then(|m| m.source_text.as_deref()),
                actor_country: e.source.as_deref().map_or("", country_of),
                actor_code: e.source.as_deref(),
                recipient: first.and_then(|m| m.target_text.as_deref()),
                recipient_country: e.target.as_deref().map_or("", country_of),
                recipient_code: e.target.as_deref(),
                location: e.place.as_deref(),
                modality: &e.modality,
                num_mentions: e.num_mentions,
                num_sources: e.num_sources,
                story_ids: mentions.iter().map(|m| m.doc_id.as_str()).collect(),
            };
            serde_json::to_writer(&mut *out, &record).map_err(|e| Error::Io(e.into()))?;
            writeln!(out)?;
            n += 1;
            Ok::<(), Error>(())
        })?;
        Ok(n)
    }

    /// Writes the filtered events as JSON lines, each with all its mentions.
    pub fn export_jsonl(&self, filter: &Filter, out: &mut impl Write) -> Result<u64, Error> {
        #[derive(Serialize)]
        struct Line<'a> {
            #[serde(flatten)]
            event: &'a EventRow,
            mentions: Vec<MentionRow>,
        }
        let mut n = 0;
        self.for_each_event(filter, |e| {
            let line = Line { event: &e, mentions: self.mentions(e.id)? };
            serde_json::to_writer(&mut *out, &line).map_err(|e| Error::Io(e.into()))?;
            writeln!(out)?;
            n += 1;
            Ok::<(), Error>(())
        })?;
        Ok(n)
    }
}

fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    Some(rest.split(['/', '?', '#']).next()?.trim_start_matches("www.").to_string())
}

#[cfg(test)]
mod tests {
    use super::{country_of, type_of};

    #[test]
    fn actor_codes_split_into_country_and_type() {
        assert_eq!((country_of("GRCCOP"), type_of("GRCCOP")), ("GRC", "COP"));
        // An unknown country ("---") and an international actor have no country part.
        assert_eq!((country_of("---COP"), type_of("---COP")), ("", "COP"));
        assert_eq!((country_of("IGOWSTNAT"), type_of("IGOWSTNAT")), ("", "IGO"));
    }
}
