//! Articles as JSON records (`.jsonl`, `.json`, standard input), and the
//! publication dates people write.

use std::path::Path;

use chrono::{DateTime, NaiveDate};
use serde_json::{Map, Value};

use super::{first_line, Loaded, Warning};
use crate::error::{LoadError, Location, Problem};
use crate::model::{Document, PartialDate};

/// A publication date as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, from the forms
/// in the module docs of [`crate::corpus`]; `None` if it is not a date.
#[must_use]
pub fn normalize_date(s: &str) -> Option<PartialDate> {
    let s = s.trim();
    if let Some(d) = PartialDate::parse(s) {
        return Some(d);
    }
    // a day followed by a time: keep the day as written
    let day = s.get(..10).filter(|_| {
        s.len() > 10 && matches!(s.as_bytes()[10], b'T' | b't' | b' ') && s[11..].contains(':')
    });
    if let Some(d) = day.and_then(PartialDate::parse) {
        if let PartialDate::Day(_) = d {
            return Some(d);
        }
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y/%m/%d") {
        return Some(PartialDate::Day(d));
    }
    DateTime::parse_from_rfc2822(s).ok().map(|d| PartialDate::Day(d.date_naive()))
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

pub(crate) use crate::hash::fnv64 as fnv;

/// An id from the last segment of a url: `.../kazakh-unrest.html` ->
/// `kazakh-unrest`.
fn url_slug(url: &str) -> Option<String> {
    let path = url.split(['?', '#']).next()?.trim_end_matches('/');
    let last = path.rsplit('/').next()?;
    let stem = last.rsplit_once('.').map_or(last, |(s, ext)| if ext.len() <= 5 { s } else { last });
    let slug: String = stem
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '-' })
        .take(60)
        .collect();
    let slug = slug.trim_matches('-').to_string();
    (slug.len() >= 3 && !path.ends_with(':')).then_some(slug)
}

/// A document from one record of a collection.
///
/// # Errors
/// [`Problem::Record`](crate::error::Problem::Record) naming the collection and line when the record is
/// not an object or has no usable `text` (or `html`).
pub fn parse_record(origin: &Path, at: Location, value: Value) -> Result<Loaded, LoadError> {
    let fail = |message: String| LoadError::record(origin.to_path_buf(), at, message);
    let Value::Object(mut map) = value else {
        return Err(fail(format!("expected a JSON object, but found {}", type_name(&value))));
    };
    let mut warnings = Vec::new();
    let mut warn = |message: String| {
        warnings.push(Warning { path: origin.to_path_buf(), location: Some(at), message });
    };
    let mut take = |map: &mut Map<String, Value>, key: &str| -> Option<String> {
        match map.remove(key) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s).filter(|s| !s.trim().is_empty()),
            Some(Value::Number(n)) if key == "id" => Some(n.to_string()),
            Some(other) => {
                warn(format!(
                    "expected \"{key}\" to be a string, but found {}; it is ignored",
                    type_name(&other)
                ));
                None
            }
        }
    };
    let title = take(&mut map, "title");
    let url = take(&mut map, "url");
    let date = take(&mut map, "date");
    let publisher = take(&mut map, "source").or_else(|| take(&mut map, "publisher"));
    let author = take(&mut map, "author");
    let id = take(&mut map, "id");
    let text = map.remove("text").filter(|v| !v.is_null());
    let html = map.remove("html").filter(|v| !v.is_null());
    let (text, html) = match (text, html) {
        (Some(Value::String(t)), _) => (t, None),
        (None, Some(Value::String(h))) => (String::new(), Some(h)),
        (None, None) => {
            return Err(fail(
                "expected a \"text\" string (or \"html\"), but the record has none".into(),
            ))
        }
        (Some(other), _) => {
            return Err(fail(format!(
                "expected \"text\" to be a string, but found {}",
                type_name(&other)
            )));
        }
        (None, Some(other)) => {
            return Err(fail(format!(
                "expected \"html\" to be a string, but found {}",
                type_name(&other)
            )));
        }
    };
    let url = url.filter(|u| {
        let ok = crate::escape::is_web_url(u);
        if !ok {
            warn(format!("expected an http(s) url, but found {u:?}; it is ignored"));
        }
        ok
    });
    let date = date.and_then(|d| {
        let n = normalize_date(&d);
        if n.is_none() {
            warn(format!("expected a date like 2022-01-06, but found {d:?}; it is ignored"));
        }
        n
    });
    let mut doc = if let Some(h) = html {
        let mut l = super::parse_html(origin, h.into_bytes()).map_err(|e| match e {
            LoadError { problem: Problem::Empty, .. } => {
                fail("expected article text in \"html\", but found none".into())
            }
            e => e,
        })?;
        warnings.append(&mut l.warnings);
        l.document
    } else {
        if text.trim().is_empty() {
            return Err(fail("expected article text, but \"text\" is empty".into()));
        }
        Document {
            id: String::new(),
            path: String::new(),
            title: None,
            publisher: None,
            author: None,
            url: None,
            date: None,
            reference: None,
            body_start: 0,
            text,
        }
    };
    let id = id
        .or_else(|| url.as_deref().and_then(url_slug))
        .unwrap_or_else(|| format!("doc-{:016x}", fnv(&doc.text)));
    doc.path = format!("{}#{id}", origin.display());
    doc.id = id;
    doc.title = title.or(doc.title.take()).or_else(|| first_line(&doc.text));
    doc.url = url.or(doc.url.take());
    doc.date = date.or(doc.date.take());
    doc.publisher = publisher.or(doc.publisher.take());
    doc.author = author.or(doc.author.take());
    Ok(Loaded { document: doc, warnings })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn record(v: Value) -> Result<Loaded, LoadError> {
        parse_record(Path::new("news.jsonl"), Location::Line(7), v)
    }

    #[test]
    fn dates_people_write_are_normalized_to_the_day_as_written() {
        for (s, want) in [
            ("2022", Some("2022")),
            ("2022-01", Some("2022-01")),
            ("2022-01-06", Some("2022-01-06")),
            ("2022-01-06T23:30:00-05:00", Some("2022-01-06")),
            ("2022-01-06 10:30", Some("2022-01-06")),
            ("2022/01/06", Some("2022-01-06")),
            ("Thu, 06 Jan 2022 10:30:00 +0600", Some("2022-01-06")),
            ("January 6", None),
            ("2022-13-01", None),
            ("2022-01-06Tx", None),
        ] {
            assert_eq!(normalize_date(s).map(|d| d.to_string()).as_deref(), want, "{s}");
        }
    }

    #[test]
    fn a_record_gives_its_metadata_and_a_stable_id() {
        let l = record(json!({
            "text": "Troops arrived on March 3, 2021.\nThe mayor resigned.",
            "title": "Troops arrive", "url": "https://news.example/world/troops-arrive.html?x=1",
            "date": "2021-03-04T08:00:00Z", "source": "Example News", "tags": ["a"]
        }))
        .unwrap();
        let d = &l.document;
        assert_eq!(d.id, "troops-arrive");
        assert_eq!(d.path, "news.jsonl#troops-arrive");
        assert_eq!(d.date.map(|d| d.to_string()).as_deref(), Some("2021-03-04"));
        assert_eq!(d.publisher.as_deref(), Some("Example News"));
        assert!(l.warnings.is_empty());
        let a = record(json!({"text": "Same text."})).unwrap().document.id;
        let b = record(json!({"text": "Same text."})).unwrap().document.id;
        assert_eq!(a, b);
        assert!(a.starts_with("doc-"));
        assert_eq!(record(json!({"text": "x", "id": 42})).unwrap().document.id, "42");
    }

    #[test]
    fn wrong_types_are_named_with_file_and_line() {
        let e = record(json!({"text": 12})).unwrap_err();
        assert_eq!(
            e.to_string(),
            "news.jsonl:7: expected \"text\" to be a string, but found a number"
        );
        let e = record(json!(["text"])).unwrap_err();
        assert_eq!(e.to_string(), "news.jsonl:7: expected a JSON object, but found an array");
        let e = record(json!({"title": "t"})).unwrap_err();
        assert!(e.to_string().contains("has none"), "{e}");
        let l = record(json!({"text": "Rain.", "title": ["x"], "date": "soon", "url": "ftp://x"}))
            .unwrap();
        let w: Vec<String> = l.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            w,
            [
                "news.jsonl:7: expected \"title\" to be a string, but found an array; it is ignored",
                "news.jsonl:7: expected an http(s) url, but found \"ftp://x\"; it is ignored",
                "news.jsonl:7: expected a date like 2022-01-06, but found \"soon\"; it is ignored",
            ]
        );
        assert_eq!(l.document.title.as_deref(), Some("Rain."));
    }

    #[test]
    fn a_record_may_carry_html() {
        let l = record(json!({
            "html": "<html><head><title>Dam breach</title></head><body><article><p>The dam broke on May 2, 2020.</p></article></body></html>"
        }))
        .unwrap();
        assert_eq!(l.document.text, "The dam broke on May 2, 2020.");
        assert_eq!(l.document.title.as_deref(), Some("Dam breach"));
    }
}
