//! Other views of a timeline: a self-contained HTML report, Markdown, and
//! exports to `TimelineJS` JSON and to a Mermaid `timeline`, so users can
//! move to those tools. Like the SVG, each is deterministic.

use std::fmt::Write as _;

use serde_json::{json, Value};

use super::{date_label, date_label_with_year};
use crate::model::{Flag, Granularity, Span, Timeline};

use crate::escape::{self, safe_url};

/// Source numbers by document id (1-based, in corpus order, as the image
/// numbers them), built once so that reports stay linear in the number
/// of documents.
fn source_numbers(t: &Timeline) -> std::collections::HashMap<&str, usize> {
    t.documents.iter().enumerate().map(|(i, d)| (d.id.as_str(), i + 1)).collect()
}

/// A document's publisher, author and date, the parts it has.
fn byline(d: &crate::model::Document) -> Vec<String> {
    let date = d.date.map(|d| d.to_string());
    [d.publisher.clone(), d.author.clone(), date].into_iter().flatten().collect()
}

/// The id of an event's row in the HTML report.
fn row_id(event: &str) -> String {
    format!("event-{}", super::sanitize_id(event))
}

/// A citation of source `n`, linked to its entry in the report's list.
fn cite(n: usize) -> String {
    format!("<a class=\"cite\" href=\"#source-{n}\">[{n}]</a>")
}

/// `text` with each document id in it replaced by a citation of its
/// number (`cite`), and the rest escaped (`esc`): finding messages name
/// documents by id.
fn cite_ids(
    text: &str,
    numbers: &std::collections::HashMap<&str, usize>,
    esc: impl Fn(&str) -> String,
    cite: impl Fn(usize) -> String,
) -> String {
    let is_id = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.');
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(is_id) {
        out.push_str(&esc(&rest[..start]));
        let run = &rest[start..];
        let end = run.find(|c: char| !is_id(c)).unwrap_or(run.len());
        // an id, or an id with a full stop after it
        let word = &run[..end];
        let trimmed = word.trim_end_matches('.');
        match numbers.get(trimmed) {
            Some(&n) => {
                out.push_str(&cite(n));
                out.push_str(&word[trimmed.len()..]);
            }
            None => out.push_str(&esc(word)),
        }
        rest = &run[end..];
    }
    out.push_str(&esc(rest));
    out
}

/// A self-contained HTML page: one heading, the image (`svg`, drawn
/// without its own heading), a table of the events with their dates,
/// flags in words, sources and quotes, the numbered sources (the numbers
/// the image's badges show), and the review findings linked to their
/// events. The page reflows down to 600 px; `theme` colours all of it.
#[must_use]
pub fn html(t: &Timeline, svg: &str, title: &str, theme: super::Theme) -> String {
    let numbers = source_numbers(t);
    let pal = super::palette(theme);
    let mut s = String::new();
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n{mark}\n<title>{title}</title>\n<style>\n\
         :root{{--bg:{bg};--fg:{fg};--muted:{muted};--rule:{grid};--band:{band};--alert:{alert};color-scheme:{scheme}}}\n\
         html{{background:var(--bg);color:var(--fg)}}\n\
         body{{font-family:{font};margin:0 auto;padding:24px;max-width:1240px;line-height:1.45;box-sizing:border-box}}\n\
         a{{color:inherit}}h1{{font-size:1.6em;margin:0 0 .5em}}h2{{font-size:1.2em;margin:1.6em 0 .6em}}\n\
         figure{{margin:0}}figure svg{{display:block;width:100%;height:auto}}\n\
         table{{border-collapse:collapse;width:100%;font-size:14px}}\n\
         th,td{{border-bottom:1px solid var(--rule);padding:6px;text-align:left;vertical-align:top}}\n\
         td{{overflow-wrap:anywhere}}.date{{white-space:nowrap}}\n\
         blockquote{{margin:0 0 6px 0}}.cite{{text-decoration:none;font-weight:bold;white-space:nowrap}}\n\
         .flag{{display:inline-block;margin:2px 4px 0 0;padding:0 6px;border-radius:8px;background:var(--band);color:var(--muted);font-size:12px}}\n\
         .flag.alert{{color:var(--alert);border:1px solid var(--alert)}}\n\
         .meta,.severity{{color:var(--muted)}}ol.sources li,ul.findings li{{margin:0 0 6px;overflow-wrap:anywhere}}\n\
         @media (max-width:760px){{body{{padding:12px}}thead{{display:none}}\
         table,tbody,tr,td{{display:block;width:auto}}tr{{border-bottom:1px solid var(--rule);padding:6px 0}}\
         td{{border:0;padding:2px 0}}.date{{font-weight:bold}}}}\n\
         </style>\n</head>\n<body>\n<h1>{title}</h1>\n",
        title = escape::xml(title),
        mark = crate::corpus::HTML_MARK,
        bg = pal.bg,
        fg = pal.fg,
        muted = pal.muted,
        grid = pal.grid,
        band = pal.band,
        alert = pal.alert,
        scheme = if theme == super::Theme::Dark { "dark" } else { "light" },
        font = super::FONT_FAMILY,
    );
    s.push_str("<figure>\n");
    s.push_str(svg.trim_end());
    s.push_str("\n</figure>\n<h2>Events</h2>\n<table>\n<thead><tr><th>Date</th><th>Event</th><th>Sources</th><th>Quotes</th></tr></thead>\n<tbody>\n");
    for e in &t.events {
        let date = e.date.as_ref().map_or_else(|| "undated".to_string(), date_label_with_year);
        let evidence = e.date.as_ref().map(|d| d.evidence.to_string()).unwrap_or_default();
        let mut flags = String::new();
        for f in &e.flags {
            let class = if *f == Flag::DateAfterDocument { "flag alert" } else { "flag" };
            let _ = write!(flags, " <span class=\"{class}\">{}</span>", escape::xml(f.words()));
        }
        let cites: Vec<String> =
            e.sources.iter().filter_map(|id| numbers.get(id.as_str())).map(|&n| cite(n)).collect();
        let _ = write!(
            s,
            "<tr id=\"{}\"><td class=\"date\" title=\"{}\">{}</td><td>{}{flags}</td><td>{}</td><td>",
            row_id(&e.id),
            escape::xml(&evidence),
            escape::xml(&date),
            escape::xml(&e.title),
            cites.join(" "),
        );
        for m in &e.mentions {
            let by = numbers.get(m.document.as_str()).map_or_else(
                || format!("<span class=\"meta\">{}</span>", escape::xml(&m.document)),
                |&n| cite(n),
            );
            let _ = write!(
                s,
                "<blockquote>\u{201c}{}\u{201d} {by}</blockquote>",
                escape::xml(&m.quote)
            );
        }
        s.push_str("</td></tr>\n");
    }
    s.push_str("</tbody>\n</table>\n");
    entity_index(&mut s, t);
    s.push_str("<h2>Sources</h2>\n<ol class=\"sources\">\n");
    for (i, d) in t.documents.iter().enumerate() {
        let n = i + 1;
        let name = escape::xml(d.title.as_deref().unwrap_or(&d.id));
        let link = match d.url.as_deref().and_then(safe_url) {
            Some(u) => format!("<a href=\"{}\">{name}</a>", escape::xml(&u)),
            None => name,
        };
        let by = byline(d);
        let meta = if by.is_empty() {
            String::new()
        } else {
            format!(" <span class=\"meta\">— {}</span>", escape::xml(&by.join(" · ")))
        };
        let _ = writeln!(s, "<li id=\"source-{n}\" value=\"{n}\">{link}{meta}</li>");
    }
    s.push_str("</ol>\n");
    if !t.findings.is_empty() {
        let titles: std::collections::HashMap<&str, &str> =
            t.events.iter().map(|e| (e.id.as_str(), e.title.as_str())).collect();
        s.push_str("<h2>For review</h2>\n<ul class=\"findings\">\n");
        for f in &t.findings {
            let _ = write!(
                s,
                "<li><b>{}</b> <span class=\"severity\">({})</span>: {}",
                escape::xml(f.kind.words()),
                f.severity.words(),
                cite_ids(&f.message, &numbers, escape::xml, cite)
            );
            let links: Vec<String> = f
                .events
                .iter()
                .filter_map(|id| {
                    let title = titles.get(id.as_str())?;
                    Some(format!("<a href=\"#{}\">{}</a>", row_id(id), escape::xml(title)))
                })
                .collect();
            if !links.is_empty() {
                let _ = write!(s, " <span class=\"meta\">Events:</span> {}", links.join("; "));
            }
            s.push_str("</li>\n");
        }
        s.push_str("</ul>\n");
    }
    s.push_str("</body>\n</html>\n");
    // the inline SVG and every text: only XML characters
    escape::xml_chars(&s).into_owned()
}

/// The most mentioned entities shown in an HTML report's index.
const INDEX_ENTITIES: usize = 60;
/// The events linked from one entity's row.
const INDEX_EVENTS: usize = 12;

/// The HTML report's index of who and where: each entity (the most
/// mentioned first) with its kind, its other spellings, how often it is
/// named, and links to the rows of the events it takes part in.
fn entity_index(s: &mut String, t: &Timeline) {
    if t.entities.is_empty() {
        return;
    }
    let mut events: std::collections::HashMap<&str, Vec<&crate::model::Event>> =
        std::collections::HashMap::new();
    for e in &t.events {
        for id in &e.entities {
            events.entry(id.as_str()).or_default().push(e);
        }
    }
    s.push_str("<h2>Who and where</h2>\n");
    if t.entities.len() > INDEX_ENTITIES {
        let _ = writeln!(
            s,
            "<p class=\"meta\">The {INDEX_ENTITIES} most mentioned of {} named.</p>",
            t.entities.len()
        );
    }
    s.push_str("<table class=\"entities\">\n<thead><tr><th>Name</th><th>Kind</th><th>Mentions</th><th>Events</th></tr></thead>\n<tbody>\n");
    for x in t.entities.iter().take(INDEX_ENTITIES) {
        let also = if x.aliases.is_empty() {
            String::new()
        } else {
            format!("<div class=\"meta\">also {}</div>", escape::xml(&x.aliases.join(", ")))
        };
        let own = events.get(x.id.as_str()).map_or(&[][..], Vec::as_slice);
        let mut links: Vec<String> = own
            .iter()
            .take(INDEX_EVENTS)
            .map(|e| {
                let date =
                    e.date.as_ref().map_or_else(|| "undated".to_string(), date_label_with_year);
                format!(
                    "<a href=\"#{}\" title=\"{}\">{}</a>",
                    row_id(&e.id),
                    escape::xml(&e.title),
                    escape::xml(&date)
                )
            })
            .collect();
        if own.len() > INDEX_EVENTS {
            links.push(format!("and {} more", own.len() - INDEX_EVENTS));
        }
        let _ = writeln!(
            s,
            "<tr id=\"entity-{}\"><td>{}{also}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            super::sanitize_id(&x.id),
            escape::xml(&x.name),
            x.kind.name(),
            x.mention_count,
            links.join(" · "),
        );
    }
    s.push_str("</tbody>\n</table>\n");
}

/// Markdown (`CommonMark` with GitHub's tables): the heading, the image
/// when `image` is given, a table of the events (the date with its year
/// and `≈` when approximate, the title with its flags in words, the
/// sources by the image's numbers, linked where they have a safe URL, the
/// first quote), the numbered sources, and the findings for review. All
/// text from articles is escaped: it adds no link, markup or cell.
#[must_use]
pub fn markdown(t: &Timeline, title: &str, image: Option<&str>) -> String {
    let numbers = source_numbers(t);
    let cell = escape::markdown;
    let urls: Vec<Option<String>> =
        t.documents.iter().map(|d| d.url.as_deref().and_then(safe_url)).collect();
    // the mark tells a later run that this is no article
    let mut s = format!("{}\n\n# {}\n\n", crate::corpus::MARKDOWN_MARK, cell(title));
    if let Some(img) = image {
        let _ = writeln!(s, "![{}](<{}>)\n", cell(title), img.replace(['<', '>', '\n', '\r'], ""));
    }
    s.push_str("| Date | Event | Sources | Evidence |\n|---|---|---|---|\n");
    for e in &t.events {
        let date = e.date.as_ref().map_or_else(|| "undated".to_string(), date_label_with_year);
        let quote =
            e.mentions.first().map(|m| format!("\u{201c}{}\u{201d}", m.quote)).unwrap_or_default();
        let mut event = cell(&e.title);
        if !e.flags.is_empty() {
            let words: Vec<String> = e.flags.iter().map(|f| cell(f.words())).collect();
            let _ = write!(event, " *({})*", words.join("; "));
        }
        let sources: Vec<String> = e
            .sources
            .iter()
            .filter_map(|id| numbers.get(id.as_str()))
            .map(|&n| match &urls[n - 1] {
                Some(u) => format!("[\\[{n}\\]](<{u}>)"),
                None => format!("\\[{n}\\]"),
            })
            .collect();
        let _ =
            writeln!(s, "| {} | {event} | {} | {} |", cell(&date), sources.join(" "), cell(&quote));
    }
    s.push_str("\n## Sources\n\n");
    for (i, d) in t.documents.iter().enumerate() {
        let name = cell(d.title.as_deref().unwrap_or(&d.id));
        let name = match &urls[i] {
            Some(u) => format!("[{name}](<{u}>)"),
            None => name,
        };
        let by = byline(d);
        let by =
            if by.is_empty() { String::new() } else { format!(" — {}", cell(&by.join(" · "))) };
        let _ = writeln!(s, "{}. {name}{by}", i + 1);
    }
    if !t.findings.is_empty() {
        let _ = write!(s, "\n## For review\n\n");
        for f in &t.findings {
            // the message names documents by id: cite their numbers
            let message = cite_ids(&f.message, &numbers, cell, |n| format!("\\[{n}\\]"));
            let _ =
                writeln!(s, "- **{}** ({}): {message}", cell(f.kind.words()), f.severity.words());
        }
    }
    s
}

/// A `TimelineJS` date: the year, month and day as far as `precision`
/// (4: a year, 7: a month) tells them; an end at a coarse precision is
/// its last day, so "1989–2019" ends on 31 December 2019.
fn tljs_date(d: chrono::NaiveDate, unit: Granularity, end: bool) -> Value {
    use chrono::Datelike;
    match unit {
        Granularity::Year if !end => json!({"year": d.year()}),
        Granularity::Month if !end => json!({"year": d.year(), "month": d.month()}),
        _ => json!({"year": d.year(), "month": d.month(), "day": d.day()}),
    }
}

/// `TimelineJS` JSON (`{"title", "events": [{"start_date", "end_date",
/// "display_date", "text": {"headline", "text"}, "group"}]}`): dates
/// only at the precision known, shown as the image labels them (`≈` when
/// approximate), ends on the last day of their year or month, readable
/// group names, quotes citing the sources by number. `TimelineJS` cannot
/// place an undated event: the title slide says how many were left out.
#[must_use]
pub fn timelinejs(t: &Timeline, title: &str) -> String {
    let numbers = source_numbers(t);
    let events: Vec<Value> = t
        .events
        .iter()
        .filter_map(|e| {
            let d = e.date.as_ref()?;
            let span: Span = d.span;
            let mut text = String::new();
            if !e.flags.is_empty() {
                let words: Vec<String> = e.flags.iter().map(|f| escape::xml(f.words())).collect();
                let _ = write!(text, "<p><em>{}</em></p>", words.join("; "));
            }
            for m in &e.mentions {
                let by = numbers.get(m.document.as_str()).map_or_else(
                    || escape::xml(&m.document),
                    |&n| {
                        let name = t.documents[n - 1].title.as_deref().unwrap_or("source");
                        format!("[{n}] {}", escape::xml(name))
                    },
                );
                let _ = write!(text, "<p>\u{201c}{}\u{201d} ({by})</p>", escape::xml(&m.quote));
            }
            let mut ev = json!({
                "start_date": tljs_date(span.lo, span.unit(), false),
                "display_date": date_label_with_year(d),
                "text": {"headline": escape::xml(&e.title), "text": text},
                "group": super::type_label(e.event_type),
                "unique_id": super::sanitize_id(&e.id),
            });
            if span.lo != span.hi {
                ev["end_date"] = tljs_date(span.hi, span.unit(), true);
            }
            Some(ev)
        })
        .collect();
    let undated = t.events.len() - events.len();
    let mut summary = format!("{} events from {} sources", events.len(), t.documents.len());
    if undated > 0 {
        let _ = write!(
            summary,
            ". {undated} undated events are left out: TimelineJS can only place a dated event; the timeline's JSON lists them"
        );
    }
    let doc = json!({
        "title": {"text": {"headline": escape::xml(title), "text": format!("<p>{}</p>", escape::xml(&summary))}},
        "events": events,
    });
    serde_json::to_string_pretty(&doc).expect("JSON values serialize") + "\n"
}

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
                m.date.as_ref().map(|d| d.span).is_some_and(|s| s.lo == d.day && s.hi == d.day)
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
        let _ = writeln!(s, "{}", crate::corpus::TLS_RULE);
    }
    s
}

/// A Mermaid `timeline`: a section per year, a line per date with all of
/// that date's events (`Jan 5 : first : second`), punctuation kept as
/// Mermaid's entity codes. Undated events cannot be placed and are left
/// out; a comment says how many.
#[must_use]
pub fn mermaid(t: &Timeline, title: &str) -> String {
    let mut s = format!("timeline\n    title {}\n", escape::mermaid(title));
    let mut section = String::new();
    let mut line: Option<String> = None;
    let mut undated = 0;
    for e in &t.events {
        let Some(d) = &e.date else {
            undated += 1;
            continue;
        };
        let year = format!("{:04}", chrono::Datelike::year(&d.span.lo));
        let label = escape::mermaid(&date_label(d));
        if year != section {
            if let Some(l) = line.take() {
                s.push_str(&l);
                s.push('\n');
            }
            let _ = writeln!(s, "    section {}", escape::mermaid(&year));
            section = year;
        }
        match &mut line {
            Some(l) if l.trim_start().split(" : ").next() == Some(label.as_str()) => {
                let _ = write!(l, " : {}", escape::mermaid(&e.title));
            }
            _ => {
                if let Some(l) = line.take() {
                    s.push_str(&l);
                    s.push('\n');
                }
                line = Some(format!("        {label} : {}", escape::mermaid(&e.title)));
            }
        }
    }
    if let Some(l) = line {
        s.push_str(&l);
        s.push('\n');
    }
    if undated > 0 {
        let _ = writeln!(s, "    %% {undated} undated events left out");
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        DateInfo, Document, Event, EventType, Finding, FindingKind, Granularity, Mention,
        Resolution, Severity, FORMAT,
    };

    fn timeline() -> Timeline {
        let doc = |id: &str, title: &str, url: &str| Document {
            id: id.into(),
            path: format!("{id}.txt"),
            title: Some(title.into()),
            publisher: Some("The *Post*".into()),
            author: None,
            url: Some(url.into()),
            date: "2021-03".parse().ok(),
            reference: None,
            body_start: 0,
            text: String::new(),
        };
        let ev = |id: &str, title: &str, date: Option<&str>, res: Resolution| Event {
            id: id.into(),
            title: title.into(),
            event_type: EventType::PoliticalChange,
            date: date.map(|d| {
                let (a, b) = d.split_once('/').unwrap_or((d, d));
                let span = Span {
                    lo: Span::parse_partial(a).unwrap().lo,
                    hi: Span::parse_partial(b).unwrap().hi,
                };
                DateInfo::new(span, Granularity::Day, res, "e".into())
            }),
            participants: vec![],
            entities: vec![],
            places: vec![],
            sources: vec!["a_1".into(), "b_2".into()],
            mention_count: 1,
            source_count: 2,
            flags: vec![],
            mentions: vec![Mention {
                document: "b_2".into(),
                quote: "He said: \"<b>go</b>\" [now](javascript:x)".into(),
                ..Mention::bare("b_2", 0, 1, "a", EventType::PoliticalChange)
            }],
            salience: 0.0,
        };
        let mut disputed =
            ev("e1", "Dam: burst & <flood> #1; 50%", Some("2021-03-07"), Resolution::Explicit);
        disputed.flags = vec![Flag::Disputed, Flag::DateAfterDocument];
        Timeline {
            format: FORMAT.into(),
            documents: vec![
                doc("a_1", "Floods <live>", "https://example.org/a"),
                doc("b_2", "Rain | more", "javascript:alert(1)"),
            ],
            events: vec![
                disputed,
                ev("e4", "Levee holds", Some("2021-03-07"), Resolution::Explicit),
                ev("e5", "Talks", Some("2021-03-05/2021-03-06"), Resolution::Narrative),
                ev("e2", "Aid | arrives", Some("1989/2019"), Resolution::Explicit),
                ev("e6", "Budget", Some("2021-03"), Resolution::Explicit),
                ev("e3", "Later", None, Resolution::Explicit),
            ],
            findings: vec![Finding {
                kind: FindingKind::SourcesDisagree,
                severity: Severity::Warning,
                events: vec!["e1".into()],
                message: "a_1 and b_2. say 7 and 8 March".into(),
            }],
            edges: vec![],
            entities: vec![],
        }
    }

    #[test]
    fn html_cites_sources_by_number_and_links_findings_to_events() {
        let h = html(&timeline(), "<svg></svg>", "Floods & more", super::super::Theme::Dark);
        assert!(h.starts_with("<!DOCTYPE html>"));
        assert!(h.contains("<svg></svg>"));
        assert_eq!(h.matches("<h1>").count(), 1);
        assert!(h.contains("<h1>Floods &amp; more</h1>"));
        assert!(h.contains("Dam: burst &amp; &lt;flood&gt;"));
        assert!(!h.contains("<flood>") && !h.contains("<b>go"));
        // sources by number, with title, publisher and date apart
        assert!(h.contains(
            "<li id=\"source-1\" value=\"1\"><a href=\"https://example.org/a\">Floods &lt;live&gt;</a> <span class=\"meta\">— The *Post* · 2021-03</span></li>"
        ), "{h}");
        assert!(h.contains("<li id=\"source-2\" value=\"2\">Rain | more"), "unsafe link dropped");
        assert!(!h.contains("javascript:alert"));
        // quotes cite the same numbers; no internal id is shown
        assert!(h.contains("&lt;/b&gt;&quot; [now](javascript:x)\u{201d} <a class=\"cite\" href=\"#source-2\">[2]</a></blockquote>"), "{h}");
        assert!(!h.contains("a_1") && !h.contains("b_2"), "{h}");
        // flags and findings in words, linked to their event's row
        assert!(h.contains("<span class=\"flag\">sources disagree on the date</span>"));
        assert!(
            h.contains("<span class=\"flag alert\">date after its own article, check it</span>")
        );
        assert!(h.contains("<tr id=\"event-e1\">"));
        assert!(h.contains("<b>sources disagree</b> <span class=\"severity\">(worth a look)</span>: <a class=\"cite\" href=\"#source-1\">[1]</a> and <a class=\"cite\" href=\"#source-2\">[2]</a>. say"), "{h}");
        assert!(h.contains("<a href=\"#event-e1\">Dam: burst"));
        // the dates with their year; the dark theme colours the page
        assert!(h.contains(">Mar 7, 2021</td>") && h.contains(">≈Mar 5–6, 2021</td>"));
        assert!(h.contains("--bg:#111827") && h.contains("color-scheme:dark"));
        assert!(h.contains("@media (max-width:760px)"));
    }

    /// The Markdown as a `CommonMark` renderer with GitHub's tables reads it.
    #[test]
    fn markdown_reads_back_as_one_table_row_per_event_with_safe_links_only() {
        use pulldown_cmark::{Event as Md, Options, Parser, Tag, TagEnd};
        let m = markdown(&timeline(), "Floods | [x](javascript:y)", Some("floods.png"));
        let mut rows = 0;
        let mut cells_in_row = 0;
        let mut links = Vec::new();
        let mut text = String::new();
        let mut emphasis = 0;
        for ev in Parser::new_ext(&m, Options::ENABLE_TABLES) {
            match ev {
                Md::Start(Tag::TableRow) => cells_in_row = 0,
                Md::Start(Tag::TableCell) => cells_in_row += 1,
                Md::End(TagEnd::TableRow) => {
                    assert_eq!(cells_in_row, 4, "{m}");
                    rows += 1;
                }
                Md::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                    links.push(dest_url.to_string());
                }
                Md::Start(Tag::Emphasis) => emphasis += 1,
                // only the mark that tells a later run it is no article
                Md::Html(h) | Md::InlineHtml(h) => {
                    assert_eq!(h.trim(), crate::corpus::MARKDOWN_MARK, "raw HTML from text");
                }
                Md::Text(t) => text.push_str(&t),
                _ => {}
            }
        }
        assert_eq!(rows, 6, "one row per event: {m}");
        assert!(
            links.iter().all(|l| l == "floods.png" || l == "https://example.org/a"),
            "{links:?}"
        );
        assert!(links.iter().filter(|l| *l == "https://example.org/a").count() >= 6);
        // the one emphasis is the flags' note; the publisher's stars stay text
        assert_eq!(emphasis, 1, "{m}");
        for shown in [
            "Floods | [x](javascript:y)",
            "Dam: burst & <flood> #1; 50%",
            "Mar 7, 2021",
            "≈Mar 5–6, 2021",
            "1989–2019",
            "Mar 2021",
            "(sources disagree on the date; date after its own article, check it)",
            "He said: \"<b>go</b>\" [now](javascript:x)",
            "Rain | more — The *Post* · 2021-03",
            "sources disagree (worth a look): [1] and [2]. say 7 and 8 March",
        ] {
            assert!(text.contains(shown), "{shown:?} not in {text}");
        }
    }

    /// `TimelineJS`'s rules for its JSON: a title slide, and events whose
    /// dates have an integer year, a month 1-12 and a real day, ending
    /// no earlier than they start, with a headline and a unique id.
    #[test]
    fn timelinejs_keeps_precision_ends_periods_on_their_last_day_and_says_what_it_leaves_out() {
        use chrono::NaiveDate;
        let v: Value = serde_json::from_str(&timelinejs(&timeline(), "Floods")).unwrap();
        let events = v["events"].as_array().unwrap();
        assert_eq!(events.len(), 5);
        let date = |d: &Value, end: bool| {
            let y = i32::try_from(d["year"].as_i64().unwrap()).unwrap();
            let m = d.get("month").map_or(if end { 12 } else { 1 }, |m| m.as_u64().unwrap());
            let m = u32::try_from(m).unwrap();
            let day = d.get("day").map(|x| u32::try_from(x.as_u64().unwrap()).unwrap());
            NaiveDate::from_ymd_opt(y, m, day.unwrap_or(1)).expect("a real date")
        };
        let mut ids = std::collections::BTreeSet::new();
        for e in events {
            let start = date(&e["start_date"], false);
            if let Some(end) = e.get("end_date") {
                assert!(date(end, true) >= start, "{e}");
            }
            assert!(!e["text"]["headline"].as_str().unwrap().is_empty());
            assert!(ids.insert(e["unique_id"].as_str().unwrap().to_string()), "unique ids");
            assert_eq!(e["group"], "political change");
        }
        assert_eq!(events[0]["display_date"], "Mar 7, 2021");
        let aid = events.iter().find(|e| e["unique_id"] == "e2").unwrap();
        assert_eq!(aid["start_date"], json!({"year": 1989}));
        assert_eq!(aid["end_date"], json!({"year": 2019, "month": 12, "day": 31}));
        assert_eq!(aid["display_date"], "1989–2019");
        let month = events.iter().find(|e| e["unique_id"] == "e6").unwrap();
        assert_eq!(month["start_date"], json!({"year": 2021, "month": 3}));
        assert_eq!(month["end_date"], json!({"year": 2021, "month": 3, "day": 31}));
        let talks = events.iter().find(|e| e["unique_id"] == "e5").unwrap();
        assert_eq!(talks["display_date"], "≈Mar 5–6, 2021");
        assert!(events[0]["text"]["text"]
            .as_str()
            .unwrap()
            .contains("sources disagree on the date"));
        assert!(events[0]["text"]["text"].as_str().unwrap().contains("([2] Rain | more)"));
        let title = v["title"]["text"]["text"].as_str().unwrap();
        assert!(title.contains("1 undated events are left out"), "{title}");
    }

    #[test]
    fn mermaid_keeps_punctuation_as_entity_codes_and_groups_a_dates_events() {
        let m = mermaid(&timeline(), "Floods: 2021");
        assert!(m.starts_with("timeline\n    title Floods#58; 2021\n"), "{m}");
        assert!(
            m.contains(
                "        Mar 7 : Dam#58; burst #38; #60;flood#62; #35;1#59; 50#37; : Levee holds\n"
            ),
            "{m}"
        );
        assert!(m.contains("    section 1989\n        1989–2019 : Aid | arrives\n"), "{m}");
        assert!(!m.contains("Later"));
        assert!(m.ends_with("    %% 1 undated events left out\n"));
        // every line is a keyword, a period with its events, or a comment
        for line in m.lines().skip(1) {
            let l = line.trim_start();
            assert!(
                l.starts_with("title ")
                    || l.starts_with("section ")
                    || l.starts_with("%% ")
                    || l.split(" : ").count() >= 2,
                "{line}"
            );
        }
    }
}
