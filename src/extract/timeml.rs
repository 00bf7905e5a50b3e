//! Evaluation of the time expression tagger against TimeML gold.
//!
//! [`parse`] reads a TimeML document (`.tml`): the plain text inside
//! `<TEXT>` with the tags removed and entities decoded, the document
//! creation time, and the gold `TIMEX3` spans as UTF-8 byte offsets into
//! that text. [`Scores`] adds up a TempEval-3 evaluation: strict (exact
//! span) and relaxed (overlapping span) precision, recall and F1, and type
//! and value F1 (relaxed F1 times the share of relaxed matches whose
//! attribute is right), with every error sorted into a category, so a
//! reader sees which kinds of expression go wrong rather than single
//! examples.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::NaiveDate;

use super::timex::{Timex, TimexType};

/// A gold time expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gold {
    /// Byte offset in the plain text.
    pub start: usize,
    /// Byte offset one past the end.
    pub end: usize,
    /// TIMEX3 type, upper case.
    pub kind: String,
    /// TIMEX3 value.
    pub value: String,
}

/// A TimeML document read for evaluation.
#[derive(Debug, Clone)]
pub struct Document {
    /// The text inside `<TEXT>`, without tags.
    pub text: String,
    /// The document creation time, if the file gives one.
    pub dct: Option<NaiveDate>,
    /// The gold expressions, in text order.
    pub gold: Vec<Gold>,
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!("{name}=\"");
    let i = tag.find(&key)? + key.len();
    let j = tag[i..].find('"')?;
    Some(&tag[i..i + j])
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(j) = rest.find(';').filter(|&j| j <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..j];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            e if e.starts_with("#x") => {
                u32::from_str_radix(&e[2..], 16).ok().and_then(char::from_u32)
            }
            e if e.starts_with('#') => e[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[j + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Read a TimeML document.
///
/// # Errors
/// A message saying what is missing when the file has no `<TEXT>` section
/// or its `TIMEX3` tags do not nest.
pub fn parse(tml: &str) -> Result<Document, String> {
    let start = tml.find("<TEXT>").ok_or("expected a <TEXT> section, but found none")? + 6;
    let end = tml[start..].find("</TEXT>").ok_or("expected </TEXT> after <TEXT>")? + start;
    let dct = tml.split("<TIMEX3").skip(1).find_map(|t| {
        let tag = &t[..t.find('>')?];
        (attr(tag, "functionInDocument") == Some("CREATION_TIME"))
            .then(|| attr(tag, "value"))
            .flatten()
            .and_then(|v| NaiveDate::parse_from_str(v.get(..10)?, "%Y-%m-%d").ok())
    });
    let body = &tml[start..end];
    let mut text = String::with_capacity(body.len());
    let mut gold = Vec::new();
    let mut open: Vec<(usize, String, String)> = Vec::new();
    let mut rest = body;
    while let Some(i) = rest.find('<') {
        text.push_str(&unescape(&rest[..i]));
        let j = rest[i..].find('>').ok_or("expected '>' to close a tag")? + i;
        let tag = &rest[i + 1..j];
        if let Some(t) = tag.strip_prefix("TIMEX3") {
            open.push((
                text.len(),
                attr(t, "type").unwrap_or("").to_ascii_uppercase(),
                attr(t, "value").unwrap_or("").to_string(),
            ));
        } else if tag.starts_with("/TIMEX3") {
            let (s, kind, value) = open.pop().ok_or("expected <TIMEX3> before </TIMEX3>")?;
            gold.push(Gold { start: s, end: text.len(), kind, value });
        }
        rest = &rest[j + 1..];
    }
    text.push_str(&unescape(rest));
    gold.sort_by_key(|g| (g.start, g.end));
    Ok(Document { text, dct, gold })
}

/// A rough kind of expression, for grouping errors.
#[must_use]
pub fn category(text: &str) -> &'static str {
    let l = text.to_lowercase();
    let has = |ws: &[&str]| ws.iter().any(|w| l.contains(w));
    if has(&["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]) {
        "weekday"
    } else if has(&["quarter", "period", "fiscal"]) {
        "quarter/period"
    } else if has(&[
        "ago",
        "earlier",
        "later",
        "last",
        "next",
        "this",
        "past",
        "previous",
        "coming",
        "following",
    ]) {
        "relative"
    } else if has(&[
        "now",
        "recent",
        "current",
        "future",
        "soon",
        "today",
        "yesterday",
        "tomorrow",
        "tonight",
    ]) {
        "deictic"
    } else if has(&[
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]) {
        "month date"
    } else if has(&["a.m", "p.m", "noon", "midnight", "morning", "evening", "night", "afternoon"]) {
        "time of day"
    } else if has(&["every", "each", "daily", "weekly", "annual", "yearly"]) {
        "set"
    } else if l.chars().filter(char::is_ascii_digit).count() == 4 && l.len() <= 6 {
        "year"
    } else if has(&["year", "month", "week", "day", "decade", "century", "hour", "minute"]) {
        "unit phrase"
    } else {
        "other"
    }
}

/// Running TempEval-3 counts over documents.
#[derive(Debug, Default, Clone)]
pub struct Scores {
    /// Gold expressions.
    pub gold: usize,
    /// Predicted expressions.
    pub predicted: usize,
    /// Exact span matches.
    pub strict: usize,
    /// Overlapping span matches.
    pub relaxed: usize,
    /// Relaxed matches with the right type.
    pub type_ok: usize,
    /// Relaxed matches with the right value.
    pub value_ok: usize,
    /// Errors by (kind of error, category): `miss`, `extra`, `value`.
    pub errors: BTreeMap<(&'static str, &'static str), usize>,
    /// One line per error, for `--verbose`.
    pub details: Vec<String>,
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

fn kind_name(k: TimexType) -> &'static str {
    match k {
        TimexType::Date => "DATE",
        TimexType::Time => "TIME",
        TimexType::Duration => "DURATION",
        TimexType::Set => "SET",
    }
}

impl Scores {
    /// Add one document: gold against predicted, matched as TempEval-3
    /// does (an exact span first, else the first overlapping one).
    pub fn add(&mut self, name: &str, text: &str, gold: &[Gold], pred: &[Timex]) {
        self.gold += gold.len();
        self.predicted += pred.len();
        let mut used = vec![false; pred.len()];
        for g in gold {
            let exact = pred
                .iter()
                .enumerate()
                .position(|(k, x)| !used[k] && x.start == g.start && x.end == g.end);
            let k = exact.or_else(|| {
                pred.iter()
                    .enumerate()
                    .position(|(k, x)| !used[k] && x.start < g.end && g.start < x.end)
            });
            let gtext = text.get(g.start..g.end).unwrap_or("");
            let Some(k) = k else {
                *self.errors.entry(("miss", category(gtext))).or_default() += 1;
                self.details.push(format!("MISS  {name}: {gtext:?} {} {}", g.kind, g.value));
                continue;
            };
            used[k] = true;
            self.relaxed += 1;
            self.strict += usize::from(exact.is_some());
            let x = &pred[k];
            self.type_ok += usize::from(kind_name(x.kind) == g.kind);
            if x.value.trim().eq_ignore_ascii_case(g.value.trim()) {
                self.value_ok += 1;
            } else {
                *self.errors.entry(("value", category(gtext))).or_default() += 1;
                self.details.push(format!(
                    "VALUE {name}: {gtext:?} gold {} got {} ({:?})",
                    g.value, x.value, x.text
                ));
            }
        }
        for (k, x) in pred.iter().enumerate() {
            if !used[k] {
                *self.errors.entry(("extra", category(&x.text))).or_default() += 1;
                self.details.push(format!("EXTRA {name}: {:?} {}", x.text, x.value));
            }
        }
    }

    /// (strict F1, relaxed F1, type F1, value F1), each 0..=1.
    #[must_use]
    #[allow(clippy::cast_precision_loss)]
    pub fn f1s(&self) -> (f64, f64, f64, f64) {
        let pr = |m: usize| {
            (
                if self.predicted > 0 { m as f64 / self.predicted as f64 } else { 0.0 },
                if self.gold > 0 { m as f64 / self.gold as f64 } else { 0.0 },
            )
        };
        let (sp, sr) = pr(self.strict);
        let (rp, rr) = pr(self.relaxed);
        let rf = f1(rp, rr);
        let share = |m: usize| if self.relaxed > 0 { m as f64 / self.relaxed as f64 } else { 0.0 };
        (f1(sp, sr), rf, rf * share(self.type_ok), rf * share(self.value_ok))
    }

    /// The report: figures, then errors by category, worst first.
    #[must_use]
    #[allow(clippy::cast_precision_loss)]
    pub fn report(&self) -> String {
        let mut s = String::new();
        let (sf, rf, tf, vf) = self.f1s();
        let p = |m: usize| if self.predicted > 0 { m as f64 / self.predicted as f64 } else { 0.0 };
        let r = |m: usize| if self.gold > 0 { m as f64 / self.gold as f64 } else { 0.0 };
        let _ = writeln!(s, "strict  P {:.4} R {:.4} F1 {sf:.4}", p(self.strict), r(self.strict));
        let _ = writeln!(s, "relaxed P {:.4} R {:.4} F1 {rf:.4}", p(self.relaxed), r(self.relaxed));
        let _ = writeln!(
            s,
            "type F1 {tf:.4}  value F1 {vf:.4}  (gold {}, predicted {})",
            self.gold, self.predicted
        );
        let mut errs: Vec<_> = self.errors.iter().collect();
        errs.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let _ = writeln!(s, "errors by category:");
        for ((kind, cat), n) in errs {
            let _ = writeln!(s, "  {n:>5}  {kind:<6} {cat}");
        }
        let _ = writeln!(
            s,
            "timex: strict F1 {:.2} relaxed F1 {:.2} type F1 {:.2} value F1 {:.2}",
            100.0 * sf,
            100.0 * rf,
            100.0 * tf,
            100.0 * vf
        );
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::timex::{tag, Context};

    const TML: &str = r#"<?xml version="1.0" ?>
<TimeML><DOCID>t1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2001-05-16" temporalFunction="false" functionInDocument="CREATION_TIME">05/16/2001</TIMEX3></DCT>
<TEXT>Shares &amp; bonds fell <TIMEX3 tid="t1" type="DATE" value="2001-05-15">yesterday</TIMEX3> after a <TIMEX3 tid="t2" type="DURATION" value="P3D">three-day</TIMEX3> rally, as in <TIMEX3 tid="t3" type="DATE" value="1999">1999</TIMEX3>.</TEXT></TimeML>"#;

    #[test]
    fn reads_text_dct_and_gold_offsets() {
        let d = parse(TML).unwrap();
        assert_eq!(d.dct, NaiveDate::from_ymd_opt(2001, 5, 16));
        assert!(d.text.starts_with("Shares & bonds fell yesterday"));
        let spans: Vec<&str> = d.gold.iter().map(|g| &d.text[g.start..g.end]).collect();
        assert_eq!(spans, vec!["yesterday", "three-day", "1999"]);
    }

    #[test]
    fn scores_as_tempeval_does() {
        let d = parse(TML).unwrap();
        let pred = tag(&d.text, &Context { reference: d.dct, inferred: false, year: None });
        let mut s = Scores::default();
        s.add("t1", &d.text, &d.gold, &pred);
        assert_eq!((s.gold, s.relaxed), (3, 3));
        let (_, rf, _, vf) = s.f1s();
        assert!(rf > 0.99 && vf > 0.99, "{}", s.report());
        // a wrong value counts against value F1 only
        let mut wrong = pred.clone();
        wrong[0].value = "2001-05-14".into();
        let mut s = Scores::default();
        s.add("t1", &d.text, &d.gold, &wrong);
        let (_, rf, _, vf) = s.f1s();
        assert!((rf - 1.0).abs() < 1e-9 && (vf - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(s.errors[&("value", "deictic")], 1);
    }

    #[test]
    fn broken_documents_say_what_is_wrong() {
        assert!(parse("<TimeML>no text</TimeML>").unwrap_err().contains("<TEXT>"));
        assert!(parse("<TEXT>a</TIMEX3></TEXT>").unwrap_err().contains("before </TIMEX3>"));
    }
}
