//! The words on the image: date labels at the precision known, titles
//! wrapped to the room there is, tooltips, element ids.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};

use super::{font, LABEL_SIZE};
use crate::model::{DateInfo, Event, Resolution};

pub(super) const MONTHS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

pub(super) fn month_name(d: NaiveDate) -> &'static str {
    MONTHS[d.month0() as usize]
}

/// The date with its year wherever it stands alone (a table, an export):
/// "Jan 5, 2022", "≈Jan 3–6, 2022", "Dec 30, 2021 – Jan 2, 2022",
/// "1989–2019", "Jan 2022".
#[must_use]
pub fn date_label_with_year(d: &DateInfo) -> String {
    let label = date_label(d);
    let s = d.span;
    if s.unit() != crate::model::Granularity::Day {
        return label;
    }
    if s.lo.year() == s.hi.year() {
        format!("{label}, {}", s.lo.year())
    } else {
        let approx = ["≈", "by "].into_iter().find(|p| label.starts_with(p)).unwrap_or("");
        format!(
            "{approx}{} {}, {} – {} {}, {}",
            month_name(s.lo),
            s.lo.day(),
            s.lo.year(),
            month_name(s.hi),
            s.hi.day(),
            s.hi.year()
        )
    }
}

/// The date as a reader wants it in a label: "Jan 5", "Jan 3–6", "2019",
/// "1989–2019", "Jan 2022"; "≈Jan 5" when inferred, "by Jan 2022" when
/// only its article's date bounds it.
#[must_use]
pub fn date_label(d: &DateInfo) -> String {
    let s = d.span;
    let (e, l) = (s.earliest_str(), s.latest_str());
    // "by Jan 2022": no date of its own, reported by an article of then
    let approx = match d.resolution {
        Resolution::Inferred | Resolution::Narrative => "≈",
        Resolution::Document => "by ",
        _ => "",
    };
    let body = if e.len() == 4 && l.len() == 4 {
        if e == l {
            e
        } else {
            format!("{e}–{l}")
        }
    } else if e.len() == 7 && l.len() == 7 {
        if e == l {
            format!("{} {}", month_name(s.lo), s.lo.year())
        } else {
            format!("{} {}–{} {}", month_name(s.lo), s.lo.year(), month_name(s.hi), s.hi.year())
        }
    } else if s.lo == s.hi {
        format!("{} {}", month_name(s.lo), s.lo.day())
    } else if s.lo.year() == s.hi.year() && s.lo.month() == s.hi.month() {
        format!("{} {}–{}", month_name(s.lo), s.lo.day(), s.hi.day())
    } else {
        format!("{} {} – {} {}", month_name(s.lo), s.lo.day(), month_name(s.hi), s.hi.day())
    };
    format!("{approx}{body}")
}

/// A title on one line of `width`, or on two where it needs them: the
/// first as full as words allow, the second with room for the badges
/// (`last`), cut with an ellipsis only if two lines are not enough.
pub(super) fn wrap_title(title: &str, width: f64, last: f64) -> Vec<String> {
    let width = width.max(12.0);
    let last = last.max(12.0);
    if font::width(title, LABEL_SIZE, false) <= last {
        return vec![title.to_string()];
    }
    let mut first = String::new();
    let mut rest = title;
    for (i, _) in title.match_indices(' ') {
        if font::width(&title[..i], LABEL_SIZE, false) > width {
            break;
        }
        first = title[..i].to_string();
        rest = &title[i + 1..];
    }
    if first.is_empty() {
        return vec![font::fit(title, LABEL_SIZE, false, last)];
    }
    vec![first, font::fit(rest, LABEL_SIZE, false, last)]
}

pub(super) fn sanitize_id(s: &str) -> String {
    s.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' }).collect()
}

/// The hover text of an event: its title, date and evidence, and its
/// first quotes, each citing its source by the number the legend shows.
pub(super) fn tooltip(e: &Event, source_no: &BTreeMap<&str, usize>) -> String {
    let mut s = e.title.clone();
    if let Some(d) = &e.date {
        let _ = write!(
            s,
            "\nDate: {} ({}) from {}",
            date_label_with_year(d),
            d.resolution.words(),
            d.evidence
        );
    }
    for m in e.mentions.iter().take(6) {
        match source_no.get(m.document.as_str()) {
            Some(n) => {
                let _ = write!(s, "\n[{n}] \u{201c}{}\u{201d}", m.quote);
            }
            None => {
                let _ = write!(s, "\n\u{201c}{}\u{201d}", m.quote);
            }
        }
    }
    if e.mentions.len() > 6 {
        let _ = write!(s, "\n… and {} more", e.mentions.len() - 6);
    }
    s
}
