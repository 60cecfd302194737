//! JSONL records: one JSON object per line, with configurable field names.

use crate::{Article, Error, ErrorKind, Origin};
use dyad_core::{Metadata, Published};
use serde_json::{Map, Value};

/// The names of the JSONL fields a record's parts are read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fields {
    /// The record id (a string or a number). Default `id`.
    pub id: String,
    /// The article text. Default `text`.
    pub text: String,
    /// Publication date fields, tried in order. Default `published`, `date`, `doc_date`.
    pub date: Vec<String>,
    /// The headline. Default `title`.
    pub title: String,
    /// The URL. Default `url`.
    pub url: String,
}

impl Default for Fields {
    fn default() -> Fields {
        Fields {
            id: "id".into(),
            text: "text".into(),
            date: vec!["published".into(), "date".into(), "doc_date".into()],
            title: "title".into(),
            url: "url".into(),
        }
    }
}

/// Turns one decoded JSONL line into an article. `fallback_id` is used when the record
/// has no id; `default_date` when it has no readable date.
pub(crate) fn parse_record(
    line: &str,
    origin: Origin,
    fields: &Fields,
    fallback_id: String,
    default_date: Option<Published>,
) -> Result<Article, Error> {
    let fail = |kind| Error { origin: origin.clone(), kind };
    let mut object: Map<String, Value> = match serde_json::from_str(line) {
        Ok(Value::Object(o)) => o,
        Ok(other) => return Err(fail(ErrorKind::Json(format!("found {}", kind_of(&other))))),
        Err(e) => return Err(fail(ErrorKind::Json(e.to_string()))),
    };
    let text = match object.remove(&fields.text) {
        Some(Value::String(s)) => s,
        _ => return Err(fail(ErrorKind::MissingText { field: fields.text.clone() })),
    };
    let mut warnings = Vec::new();
    let id = match object.get(&fields.id) {
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => fallback_id,
    };
    let mut published = None;
    for name in &fields.date {
        match object.get(name) {
            Some(Value::String(s)) if !s.trim().is_empty() => {
                match Published::parse(s) {
                    Ok(p) => published = Some(p),
                    Err(e) => warnings.push(format!("field '{name}': {e}; ignored")),
                }
                break;
            }
            _ => {}
        }
    }
    let string = |name: &str| match object.get(name) {
        Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
        _ => None,
    };
    let meta = Metadata {
        url: string(&fields.url),
        title: string(&fields.title),
        published: published.or(default_date),
        source: string("source"),
        author: string("author"),
        language: string("language"),
        duplicate_of: None,
    };
    Ok(Article { id, text, meta, origin, warnings })
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &str) -> Result<Article, Error> {
        let origin = Origin { path: Some("x.jsonl".into()), record: Some(3) };
        parse_record(line, origin, &Fields::default(), "x:3".into(), None)
    }

    #[test]
    fn reads_fields_and_falls_back() {
        let a = parse(r#"{"id": 7, "text": "Hi.", "doc_date": "2022-02-13", "title": "T"}"#).unwrap();
        assert_eq!((a.id.as_str(), a.text.as_str()), ("7", "Hi."));
        assert_eq!(a.meta.published.unwrap().to_string(), "2022-02-13");
        assert_eq!(a.meta.title.as_deref(), Some("T"));
        let a = parse(r#"{"text": "Hi.", "date": "not a date"}"#).unwrap();
        assert_eq!(a.id, "x:3");
        assert!(a.meta.published.is_none());
        assert_eq!(a.warnings.len(), 1, "{:?}", a.warnings);
    }

    #[test]
    fn errors_name_the_record() {
        let e = parse(r#"{"id": "a"}"#).unwrap_err();
        assert_eq!(e.to_string(), "x.jsonl:3: record has no string field 'text'");
        let e = parse("[1, 2]").unwrap_err();
        assert_eq!(e.to_string(), "x.jsonl:3: not a JSON object: found an array");
        assert!(parse("{\"text\": ").unwrap_err().to_string().starts_with("x.jsonl:3: not a JSON object: EOF"));
    }
}
