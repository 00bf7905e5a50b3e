//! Other views of a timeline: a self-contained HTML report, Markdown, and
//! exports to TimelineJS JSON and to a Mermaid `timeline`, so users can
//! move to those tools. Like the SVG, each is deterministic.

use std::fmt::Write as _;

use serde_json::{json, Value};

use super::date_label;
use crate::model::{Event, Span, Timeline};

use crate::escape::{self, safe_url};

/// Source numbers by document id (1-based, in corpus order), built once
/// so that reports stay linear in the number of documents.
fn source_numbers(t: &Timeline) -> std::collections::HashMap<&str, usize> {
    t.documents.iter().enumerate().map(|(i, d)| (d.id.as_str(), i + 1)).collect()
}

fn source_names(numbers: &std::collections::HashMap<&str, usize>, e: &Event) -> Vec<String> {
    e.sources
        .iter()
        .map(|id| format!("[{}]", numbers.get(id.as_str()).copied().unwrap_or(0)))
        .collect()
}

/// A self-contained HTML page: the SVG inline, then a table of the events
/// with their dates, sources and quotes, then the sources and the review
/// findings.
#[must_use]
pub fn html(t: &Timeline, svg: &str, title: &str) -> String {
    let numbers = source_numbers(t);
    let mut s = String::new();
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n\
         body{{font-family:'DejaVu Sans',Verdana,Arial,sans-serif;margin:2em;color:#111827;max-width:1240px}}\n\
         table{{border-collapse:collapse;width:100%;font-size:14px}}th,td{{border-bottom:1px solid #e5e7eb;padding:6px;text-align:left;vertical-align:top}}\n\
         blockquote{{margin:0 0 4px 0;color:#374151}}.date{{white-space:nowrap}}.flag{{color:#dc2626}}\n</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        escape::xml(title),
        escape::xml(title)
    );
    s.push_str("<figure>\n");
    s.push_str(svg.trim_end());
    s.push_str("\n</figure>\n<h2>Events</h2>\n<table>\n<thead><tr><th>Date</th><th>Event</th><th>Sources</th><th>Quotes</th></tr></thead>\n<tbody>\n");
    for e in &t.events {
        let date = e.date.as_ref().map_or_else(|| "undated".to_string(), date_label);
        let evidence = e.date.as_ref().map(|d| d.evidence.clone()).unwrap_or_default();
        let flags = if e.flags.is_empty() {
            String::new()
        } else {
            format!(" <span class=\"flag\">({})</span>", escape::xml(&e.flags.join(", ")))
        };
        let _ = write!(
            s,
            "<tr id=\"{}\"><td class=\"date\" title=\"{}\">{}</td><td>{}{}</td><td>{}</td><td>",
            escape::xml(&e.id),
            escape::xml(&evidence),
            escape::xml(&date),
            escape::xml(&e.title),
            flags,
            escape::xml(&source_names(&numbers, e).join(" "))
        );
        for m in &e.mentions {
            let _ = write!(
                s,
                "<blockquote>\u{201c}{}\u{201d} <small>{}</small></blockquote>",
                escape::xml(&m.quote),
                escape::xml(&m.document)
            );
        }
        s.push_str("</td></tr>\n");
    }
    s.push_str("</tbody>\n</table>\n<h2>Sources</h2>\n<ol>\n");
    for d in &t.documents {
        let name = escape::xml(d.title.as_deref().unwrap_or(&d.id));
        let extra: Vec<String> = [&d.publisher, &d.author, &d.date]
            .into_iter()
            .flatten()
            .map(|x| escape::xml(x))
            .collect();
        let link = match d.url.as_deref().and_then(safe_url) {
            Some(u) => format!("<a href=\"{}\">{name}</a>", escape::xml(&u)),
            None => name,
        };
        let _ = writeln!(s, "<li>{link} {}</li>", extra.join(" · "));
    }
    s.push_str("</ol>\n");
    if !t.findings.is_empty() {
        s.push_str("<h2>For review</h2>\n<ul>\n");
        for f in &t.findings {
            let _ = writeln!(
                s,
                "<li><b>{}</b> ({:?}): {}</li>",
                escape::xml(&f.kind),
                f.severity,
                escape::xml(&f.message)
            );
        }
        s.push_str("</ul>\n");
    }
    s.push_str("</body>\n</html>\n");
    // the inline SVG and every text: only XML characters
    escape::xml_chars(&s).into_owned()
}

/// Markdown: a table of the dated events, the undated ones after, then
/// the sources. `image` is embedded above the table when given.
#[must_use]
pub fn markdown(t: &Timeline, title: &str, image: Option<&str>) -> String {
    let numbers = source_numbers(t);
    let cell = escape::markdown;
    let mut s = format!("# {}\n\n", cell(title));
    if let Some(img) = image {
        let _ = writeln!(s, "![{}](<{}>)\n", cell(title), img.replace(['<', '>', '\n', '\r'], ""));
    }
    s.push_str("| Date | Event | Sources | Evidence |\n|---|---|---|---|\n");
    for e in &t.events {
        let date = e.date.as_ref().map_or_else(|| "undated".to_string(), date_label);
        let quote =
            e.mentions.first().map(|m| format!("\u{201c}{}\u{201d}", m.quote)).unwrap_or_default();
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} |",
            cell(&date),
            cell(&e.title),
            cell(&source_names(&numbers, e).join(" ")),
            cell(&quote)
        );
    }
    s.push_str("\n## Sources\n\n");
    for (i, d) in t.documents.iter().enumerate() {
        let name = d.title.as_deref().unwrap_or(&d.id);
        let extra: Vec<String> =
            [&d.publisher, &d.author, &d.date].into_iter().flatten().map(|x| cell(x)).collect();
        let name = match d.url.as_deref().and_then(safe_url) {
            Some(u) => format!("[{}](<{u}>)", cell(name)),
            None => cell(name),
        };
        let _ = writeln!(s, "{}. {name} {}", i + 1, extra.join(" · "));
    }
    s
}

fn tljs_date(d: chrono::NaiveDate, precision: usize) -> Value {
    use chrono::Datelike;
    match precision {
        4 => json!({"year": d.year()}),
        7 => json!({"year": d.year(), "month": d.month()}),
        _ => json!({"year": d.year(), "month": d.month(), "day": d.day()}),
    }
}

/// TimelineJS JSON (`{"title", "events": [{"start_date", "end_date",
/// "text": {"headline", "text"}, "group"}]}`); dates only at the precision
/// known, undated events left out.
#[must_use]
pub fn timelinejs(t: &Timeline, title: &str) -> String {
    let events: Vec<Value> = t
        .events
        .iter()
        .filter_map(|e| {
            let d = e.date.as_ref()?;
            let span: Span = d.span()?;
            let mut text = String::new();
            for m in &e.mentions {
                let _ = write!(
                    text,
                    "<p>\u{201c}{}\u{201d} ({})</p>",
                    escape::xml(&m.quote),
                    escape::xml(&m.document)
                );
            }
            let mut ev = json!({
                "start_date": tljs_date(span.lo, d.earliest.len()),
                "text": {"headline": escape::xml(&e.title), "text": text},
                "group": e.event_type.name(),
                "unique_id": e.id,
            });
            if span.lo != span.hi {
                ev["end_date"] = tljs_date(span.hi, d.latest.len());
            }
            Some(ev)
        })
        .collect();
    let doc = json!({"title": {"text": {"headline": escape::xml(title)}}, "events": events});
    serde_json::to_string_pretty(&doc).expect("JSON values serialize") + "\n"
}

/// The separator line of the TLS format.
const TLS_RULE: &str = "--------------------------------";

/// A day-by-day summary in the format of timeline summarization data
/// (Timeline17, tilse, news-tls): for each day with events dated to it, in
/// date order, a `YYYY-MM-DD` line, one line per event (its first quote,
/// the most salient event first), then a line of 32 dashes. Events not
/// dated to one day are left out; `build --days N --per-day K` chooses
/// which are written.
#[must_use]
pub fn tls(t: &Timeline) -> String {
    let mut days = crate::graph::salience::days(&t.events);
    days.sort_by_key(|d| d.day);
    let mut s = String::new();
    for d in days {
        let _ = writeln!(s, "{}", d.day.format("%Y-%m-%d"));
        for &i in &d.events {
            let e = &t.events[i];
            // a mention that writes the day itself tells it best
            let own = e.mentions.iter().find(|m| {
                m.date
                    .as_ref()
                    .and_then(crate::model::DateInfo::span)
                    .is_some_and(|s| s.lo == d.day && s.hi == d.day)
            });
            let text = own.or(e.mentions.first()).map_or(e.title.as_str(), |m| m.quote.as_str());
            // one line, which no reader can take for a date or a rule
            let line = escape::plain(&text.split_whitespace().collect::<Vec<_>>().join(" "));
            let line = line.trim_matches('-');
            if line.is_empty() || chrono::NaiveDate::parse_from_str(line, "%Y-%m-%d").is_ok() {
                continue;
            }
            let _ = writeln!(s, "{line}");
        }
        let _ = writeln!(s, "{TLS_RULE}");
    }
    s
}

/// A Mermaid `timeline`, one section per year.
#[must_use]
pub fn mermaid(t: &Timeline, title: &str) -> String {
    // ':' separates events in Mermaid and '#' starts an entity
    let clean = |s: &str| escape::plain(&s.replace([':', '#', ';'], " "));
    let mut s = format!("timeline\n    title {}\n", clean(title));
    let mut section = String::new();
    for e in &t.events {
        let Some(d) = &e.date else { continue };
        let year = d.earliest.get(..4).unwrap_or("").to_string();
        if year != section {
            let _ = writeln!(s, "    section {year}");
            section = year;
        }
        let _ = writeln!(s, "        {} : {}", clean(&date_label(d)), clean(&e.title));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateInfo, Document, EventType, Granularity, Resolution, FORMAT};

    fn timeline() -> Timeline {
        let doc = Document {
            id: "a".into(),
            path: "a.txt".into(),
            title: Some("Floods <live>".into()),
            publisher: None,
            author: None,
            url: Some("https://example.org/a".into()),
            date: Some("2021-03".into()),
            reference: None,
            body_start: 0,
            text: String::new(),
        };
        let ev = |id: &str, title: &str, date: Option<&str>| Event {
            id: id.into(),
            title: title.into(),
            event_type: EventType::Other,
            date: date.map(|d| {
                DateInfo::new(
                    Span::parse_partial(d).unwrap(),
                    Granularity::Day,
                    Resolution::Explicit,
                    "e".into(),
                )
            }),
            participants: vec![],
            places: vec![],
            sources: vec!["a".into()],
            mention_count: 0,
            source_count: 1,
            flags: vec![],
            mentions: vec![],
            salience: 0.0,
        };
        Timeline {
            format: FORMAT.into(),
            documents: vec![doc],
            events: vec![
                ev("e1", "Dam: burst & <flood>", Some("2021-03-07")),
                ev("e2", "Aid | arrives", Some("2021")),
                ev("e3", "Later", None),
            ],
            findings: vec![],
            edges: vec![],
        }
    }

    #[test]
    fn html_is_self_contained_and_escaped() {
        let h = html(&timeline(), "<svg></svg>", "Floods & more");
        assert!(h.starts_with("<!DOCTYPE html>"));
        assert!(h.contains("<svg></svg>"));
        assert!(h.contains("Dam: burst &amp; &lt;flood&gt;"));
        assert!(!h.contains("<flood>"));
        assert!(h.contains("<a href=\"https://example.org/a\">Floods &lt;live&gt;</a>"));
    }

    #[test]
    fn markdown_escapes_table_cells() {
        let m = markdown(&timeline(), "Floods", Some("floods.png"));
        assert!(m.contains("| Mar 7 | Dam: burst &amp; &lt;flood&gt; | \\[1\\] |"), "{m}");
        assert!(m.contains("Aid \\| arrives"));
        assert!(m.contains("![Floods](<floods.png>)"));
    }

    #[test]
    fn timelinejs_keeps_only_known_precision() {
        let v: Value = serde_json::from_str(&timelinejs(&timeline(), "Floods")).unwrap();
        assert_eq!(v["events"].as_array().unwrap().len(), 2);
        assert_eq!(v["events"][0]["start_date"], json!({"year": 2021, "month": 3, "day": 7}));
        assert_eq!(v["events"][1]["start_date"], json!({"year": 2021}));
        assert_eq!(v["events"][1]["end_date"], json!({"year": 2021}));
    }

    #[test]
    fn mermaid_has_sections_and_no_separators_in_titles() {
        let m = mermaid(&timeline(), "Floods: 2021");
        assert!(m.starts_with("timeline\n    title Floods 2021\n    section 2021\n"));
        assert!(m.contains("        Mar 7 : Dam burst & <flood>\n"));
        assert!(!m.contains("Later"));
    }
}
