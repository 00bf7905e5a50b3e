//! Evaluation of the time expression tagger against `TimeML` gold.
//!
//! [`parse`] reads a `TimeML` document (`.tml`): the plain text inside
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
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::error::{LoadError, TimeMlError};

use super::events::EventMention;
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

/// A gold event mention (`EVENT`) with the attributes of its first
/// `MAKEINSTANCE`, as TempEval-3 scores them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GoldEvent {
    /// Byte offset in the plain text.
    pub start: usize,
    /// Byte offset one past the end.
    pub end: usize,
    /// `TimeML` class (`OCCURRENCE`, `REPORTING`, ...).
    pub class: String,
    /// Tense of its first instance (`PAST`, `NONE`, ...), empty when none.
    pub tense: String,
    /// Aspect of its first instance.
    pub aspect: String,
    /// Polarity of its first instance (`POS`, `NEG`).
    pub polarity: String,
    /// Modality of its first instance (`would`), empty when none.
    pub modality: String,
}

/// A `TimeML` document read for evaluation.
#[derive(Debug, Clone)]
pub struct Document {
    /// The text inside `<TEXT>`, without tags.
    pub text: String,
    /// The document creation time, if the file gives one.
    pub dct: Option<NaiveDate>,
    /// The gold expressions, in text order.
    pub gold: Vec<Gold>,
    /// The gold events, in text order.
    pub events: Vec<GoldEvent>,
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
        if let Some(c) = decoded {
            out.push(c);
            rest = &rest[j + 1..];
        } else {
            out.push('&');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

/// The `.tml` files at or under `path` (a file or a folder), in path order,
/// appended to `out`.
///
/// # Errors
/// [`Problem::Io`](crate::error::Problem::Io) for a path that does not exist or a folder that
/// cannot be read.
pub fn files(path: &Path, out: &mut Vec<PathBuf>) -> Result<(), LoadError> {
    let io = |source| LoadError::io(path.to_path_buf(), source);
    if path.is_dir() {
        let mut entries: Vec<PathBuf> =
            std::fs::read_dir(path).map_err(io)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        for e in entries {
            files(&e, out)?;
        }
    } else if path.extension().and_then(|e| e.to_str()) == Some("tml") {
        out.push(path.to_path_buf());
    } else if !path.exists() {
        return Err(io(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            "no such file or folder",
        )));
    }
    Ok(())
}

/// Read a `TimeML` document.
///
/// # Errors
/// A message saying what is missing when the file has no `<TEXT>` section
/// or its `TIMEX3` tags do not nest.
pub fn parse(tml: &str) -> Result<Document, TimeMlError> {
    let start = tml
        .find("<TEXT>")
        .ok_or_else(|| TimeMlError("expected a <TEXT> section, but found none".into()))?
        + 6;
    let end = tml[start..]
        .find("</TEXT>")
        .ok_or_else(|| TimeMlError("expected </TEXT> after <TEXT>".into()))?
        + start;
    let dct = tml.split("<TIMEX3").skip(1).find_map(|t| {
        let tag = &t[..t.find('>')?];
        (attr(tag, "functionInDocument") == Some("CREATION_TIME"))
            .then(|| attr(tag, "value"))
            .flatten()
            .and_then(|v| NaiveDate::parse_from_str(v.get(..10)?, "%Y-%m-%d").ok())
    });
    // the first instance of each event carries its attributes
    let mut instances: BTreeMap<&str, &str> = BTreeMap::new();
    for t in tml.split("<MAKEINSTANCE").skip(1) {
        let tag = &t[..t.find('>').unwrap_or(t.len())];
        if let Some(id) = attr(tag, "eventID") {
            instances.entry(id).or_insert(tag);
        }
    }
    let body = &tml[start..end];
    let mut text = String::with_capacity(body.len());
    let mut gold = Vec::new();
    let mut events = Vec::new();
    let mut open_events: Vec<(usize, &str)> = Vec::new();
    let mut open: Vec<(usize, String, String)> = Vec::new();
    let mut rest = body;
    while let Some(i) = rest.find('<') {
        text.push_str(&unescape(&rest[..i]));
        let j =
            rest[i..].find('>').ok_or_else(|| TimeMlError("expected '>' to close a tag".into()))?
                + i;
        let tag = &rest[i + 1..j];
        if let Some(t) = tag.strip_prefix("TIMEX3") {
            open.push((
                text.len(),
                attr(t, "type").unwrap_or("").to_ascii_uppercase(),
                attr(t, "value").unwrap_or("").to_string(),
            ));
        } else if tag.starts_with("/TIMEX3") {
            let (s, kind, value) = open
                .pop()
                .ok_or_else(|| TimeMlError("expected <TIMEX3> before </TIMEX3>".into()))?;
            gold.push(Gold { start: s, end: text.len(), kind, value });
        } else if let Some(t) = tag.strip_prefix("EVENT") {
            open_events.push((text.len(), t));
        } else if tag.starts_with("/EVENT") {
            let (s, t) = open_events
                .pop()
                .ok_or_else(|| TimeMlError("expected <EVENT> before </EVENT>".into()))?;
            let inst = attr(t, "eid").and_then(|id| instances.get(id)).copied().unwrap_or("");
            let get = |name: &str| attr(inst, name).unwrap_or("").to_string();
            events.push(GoldEvent {
                start: s,
                end: text.len(),
                class: attr(t, "class").unwrap_or("").to_ascii_uppercase(),
                tense: get("tense"),
                aspect: get("aspect"),
                polarity: get("polarity"),
                modality: get("modality"),
            });
        }
        rest = &rest[j + 1..];
    }
    text.push_str(&unescape(rest));
    gold.sort_by_key(|g| (g.start, g.end));
    events.sort_by_key(|g| (g.start, g.end));
    Ok(Document { text, dct, gold, events })
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

/// The TIMEX3 type name of a tagger type.
#[must_use]
pub fn kind_name(k: TimexType) -> &'static str {
    match k {
        TimexType::Date => "DATE",
        TimexType::Time => "TIME",
        TimexType::Duration => "DURATION",
        TimexType::Set => "SET",
    }
}

/// Match gold spans to predicted ones as TempEval-3 does: each gold span,
/// in order, takes the first unused prediction with the same span, else
/// the first unused one that overlaps it. Returns each gold span's match
/// (prediction index, exact) and which predictions were used.
fn match_spans(
    gold: impl Iterator<Item = (usize, usize)>,
    pred: &[(usize, usize)],
) -> (Vec<Option<(usize, bool)>>, Vec<bool>) {
    let mut used = vec![false; pred.len()];
    let matches = gold
        .map(|(gs, ge)| {
            let free = |k: &usize| !used[*k];
            let exact = (0..pred.len()).filter(free).find(|&k| pred[k] == (gs, ge));
            let m = exact.map(|k| (k, true)).or_else(|| {
                (0..pred.len())
                    .filter(free)
                    .find(|&k| pred[k].0 < ge && gs < pred[k].1)
                    .map(|k| (k, false))
            });
            if let Some((k, _)) = m {
                used[k] = true;
            }
            m
        })
        .collect();
    (matches, used)
}

impl Scores {
    /// Add one document: gold against predicted, matched as TempEval-3
    /// does (an exact span first, else the first overlapping one).
    pub fn add(&mut self, name: &str, text: &str, gold: &[Gold], pred: &[Timex]) {
        self.gold += gold.len();
        self.predicted += pred.len();
        let (matches, used) = match_spans(
            gold.iter().map(|g| (g.start, g.end)),
            &pred.iter().map(|x| (x.start, x.end)).collect::<Vec<_>>(),
        );
        for (g, m) in gold.iter().zip(matches) {
            let gtext = text.get(g.start..g.end).unwrap_or("");
            let Some((k, exact)) = m else {
                *self.errors.entry(("miss", category(gtext))).or_default() += 1;
                self.details.push(format!("MISS  {name}: {gtext:?} {} {}", g.kind, g.value));
                continue;
            };
            self.relaxed += 1;
            self.strict += usize::from(exact);
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

/// `text` with inline `TIMEX3` and `EVENT` tags, as `TimeML` writes them
/// (`tid` t1.., `eid` e1.. in text order). An event that overlaps a time
/// expression is left out, since `TimeML` tags do not nest; text is
/// escaped for XML.
#[must_use]
pub fn inline(text: &str, timexes: &[Timex], events: &[EventMention]) -> String {
    use crate::escape::xml;
    let mut tags: Vec<(usize, usize, String, String)> = Vec::new();
    for (i, t) in timexes.iter().enumerate() {
        tags.push((
            t.start,
            t.end,
            format!(
                "<TIMEX3 tid=\"t{}\" type=\"{}\" value=\"{}\">",
                i + 1,
                kind_name(t.kind),
                xml(&t.value)
            ),
            "</TIMEX3>".into(),
        ));
    }
    for (i, e) in kept_events(timexes, events) {
        tags.push((
            e.start,
            e.end,
            format!("<EVENT eid=\"e{}\" class=\"{}\">", i + 1, e.class),
            "</EVENT>".into(),
        ));
    }
    tags.sort_by_key(|t| (t.0, t.1));
    let mut out = String::with_capacity(text.len() + tags.len() * 48);
    let mut last = 0;
    for (start, end, open, close) in tags {
        if start < last || end > text.len() {
            continue;
        }
        out.push_str(&xml(&text[last..start]));
        out.push_str(&open);
        out.push_str(&xml(&text[start..end]));
        out.push_str(&close);
        last = end;
    }
    out.push_str(&xml(&text[last..]));
    out
}

/// The events [`inline`] writes, with their numbers.
fn kept_events<'a>(
    timexes: &'a [Timex],
    events: &'a [EventMention],
) -> impl Iterator<Item = (usize, &'a EventMention)> {
    events
        .iter()
        .enumerate()
        .filter(|(_, e)| !timexes.iter().any(|t| t.start < e.end && e.start < t.end))
}

/// A whole `TimeML` document: the creation time (when known), the text with
/// inline tags ([`inline`]), and a `MAKEINSTANCE` per event with its
/// tense, aspect, polarity, part of speech and modality, as `TempEval` tools
/// read it.
#[must_use]
pub fn document(
    text: &str,
    timexes: &[Timex],
    events: &[EventMention],
    dct: Option<NaiveDate>,
) -> String {
    let mut out = String::from("<?xml version=\"1.0\" ?>\n<TimeML>\n");
    if let Some(d) = dct {
        let _ = writeln!(
            out,
            "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"{d}\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">{d}</TIMEX3></DCT>"
        );
    }
    out.push_str("<TEXT>");
    out.push_str(&inline(text, timexes, events));
    out.push_str("</TEXT>\n");
    for (i, e) in kept_events(timexes, events) {
        let _ = write!(
            out,
            "<MAKEINSTANCE eventID=\"e{n}\" eiid=\"ei{n}\" tense=\"{}\" aspect=\"{}\" polarity=\"{}\" pos=\"{}\"",
            e.tense,
            e.aspect,
            e.polarity,
            e.pos,
            n = i + 1
        );
        if let Some(m) = &e.modality {
            let _ = write!(out, " modality=\"{}\"", crate::escape::xml(m));
        }
        out.push_str(" />\n");
    }
    out.push_str("</TimeML>\n");
    out
}

/// What an event scorer compares: a predicted event's span and attributes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PredictedEvent<'a> {
    /// Byte offset in the plain text.
    pub start: usize,
    /// Byte offset one past the end.
    pub end: usize,
    /// `TimeML` class.
    pub class: &'a str,
    /// `TimeML` tense.
    pub tense: &'a str,
    /// `TimeML` aspect.
    pub aspect: &'a str,
    /// `TimeML` polarity.
    pub polarity: &'a str,
}

/// Running TempEval-3 task B counts (event extents and attributes).
#[derive(Debug, Default, Clone)]
pub struct EventScores {
    /// Gold events.
    pub gold: usize,
    /// Predicted events.
    pub predicted: usize,
    /// Exact span matches.
    pub strict: usize,
    /// Overlapping span matches.
    pub relaxed: usize,
    /// Relaxed matches with the right class, tense, aspect and polarity.
    pub attribute_ok: [usize; 4],
    /// Confusions of class on relaxed matches: (gold, predicted) -> count.
    pub confusions: BTreeMap<(String, String), usize>,
    /// Missed gold events by class.
    pub missed: BTreeMap<String, usize>,
    /// Extra predicted events by class.
    pub extra: BTreeMap<String, usize>,
    /// One line per error, for `--verbose`.
    pub details: Vec<String>,
}

/// The attributes [`EventScores`] scores, in its order.
pub const EVENT_ATTRIBUTES: [&str; 4] = ["class", "tense", "aspect", "polarity"];

impl EventScores {
    /// Add one document, matched as TempEval-3 does (an exact span first,
    /// else the first overlapping one); attributes compare case-blind.
    pub fn add(&mut self, name: &str, text: &str, gold: &[GoldEvent], pred: &[PredictedEvent<'_>]) {
        self.gold += gold.len();
        self.predicted += pred.len();
        let (matches, used) = match_spans(
            gold.iter().map(|g| (g.start, g.end)),
            &pred.iter().map(|x| (x.start, x.end)).collect::<Vec<_>>(),
        );
        for (g, m) in gold.iter().zip(matches) {
            let gtext = text.get(g.start..g.end).unwrap_or("");
            let Some((k, exact)) = m else {
                *self.missed.entry(g.class.clone()).or_default() += 1;
                self.details.push(format!("MISS  {name}: {gtext:?} {}", g.class));
                continue;
            };
            self.relaxed += 1;
            self.strict += usize::from(exact);
            let x = &pred[k];
            let pairs = [
                (&g.class, x.class),
                (&g.tense, x.tense),
                (&g.aspect, x.aspect),
                (&g.polarity, x.polarity),
            ];
            for (n, (gv, pv)) in pairs.iter().enumerate() {
                self.attribute_ok[n] += usize::from(gv.eq_ignore_ascii_case(pv));
            }
            if !g.class.eq_ignore_ascii_case(x.class) {
                *self.confusions.entry((g.class.clone(), x.class.to_string())).or_default() += 1;
                self.details
                    .push(format!("CLASS {name}: {gtext:?} gold {} got {}", g.class, x.class));
            }
        }
        for (k, x) in pred.iter().enumerate() {
            if !used[k] {
                *self.extra.entry(x.class.to_string()).or_default() += 1;
                let t = text.get(x.start..x.end).unwrap_or("");
                self.details.push(format!("EXTRA {name}: {t:?} {}", x.class));
            }
        }
    }

    /// Add the counts of another set of documents.
    pub fn merge(&mut self, other: EventScores) {
        self.gold += other.gold;
        self.predicted += other.predicted;
        self.strict += other.strict;
        self.relaxed += other.relaxed;
        for (a, b) in self.attribute_ok.iter_mut().zip(other.attribute_ok) {
            *a += b;
        }
        for (k, v) in other.confusions {
            *self.confusions.entry(k).or_default() += v;
        }
        for (k, v) in other.missed {
            *self.missed.entry(k).or_default() += v;
        }
        for (k, v) in other.extra {
            *self.extra.entry(k).or_default() += v;
        }
        self.details.extend(other.details);
    }

    /// (strict P, R, F1), (relaxed P, R, F1), and the F1 of each of
    /// [`EVENT_ATTRIBUTES`] (relaxed F1 times the share of relaxed
    /// matches with the right attribute), each 0..=1.
    #[must_use]
    pub fn figures(&self) -> ([f64; 3], [f64; 3], [f64; 4]) {
        let pr = |m: usize| {
            let p = if self.predicted > 0 { m as f64 / self.predicted as f64 } else { 0.0 };
            let r = if self.gold > 0 { m as f64 / self.gold as f64 } else { 0.0 };
            [p, r, f1(p, r)]
        };
        let strict = pr(self.strict);
        let relaxed = pr(self.relaxed);
        let share = |m: usize| if self.relaxed > 0 { m as f64 / self.relaxed as f64 } else { 0.0 };
        let attrs = self.attribute_ok.map(|m| relaxed[2] * share(m));
        (strict, relaxed, attrs)
    }

    /// The report: figures, errors by class, then the last line
    /// `event: strict F1 .. relaxed F1 .. class F1 .. tense F1 .. aspect F1
    /// .. polarity F1 ..` (as `timeml.py score-events` prints it).
    #[must_use]
    pub fn report(&self) -> String {
        let mut s = String::new();
        let ([sp, sr, sf], [rp, rr, rf], attrs) = self.figures();
        let _ = writeln!(s, "strict  P {sp:.4} R {sr:.4} F1 {sf:.4}");
        let _ = writeln!(
            s,
            "relaxed P {rp:.4} R {rr:.4} F1 {rf:.4}  (gold {}, predicted {})",
            self.gold, self.predicted
        );
        let mut errs: Vec<(String, usize)> = Vec::new();
        errs.extend(self.missed.iter().map(|(c, n)| (format!("miss   {c}"), *n)));
        errs.extend(self.extra.iter().map(|(c, n)| (format!("extra  {c}"), *n)));
        errs.extend(self.confusions.iter().map(|((g, p), n)| (format!("class  {g} as {p}"), *n)));
        errs.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let _ = writeln!(s, "event errors (most frequent 12):");
        for (what, n) in errs.iter().take(12) {
            let _ = writeln!(s, "  {n:>5}  {what}");
        }
        let _ = write!(s, "event: strict F1 {:.2} relaxed F1 {:.2}", 100.0 * sf, 100.0 * rf);
        for (name, f) in EVENT_ATTRIBUTES.iter().zip(attrs) {
            let _ = write!(s, " {name} F1 {:.2}", 100.0 * f);
        }
        s.push('\n');
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
    fn written_timeml_reads_back_with_the_same_spans() {
        use crate::extract::events::{annotate, EventModel};
        let text = "Shares & bonds fell on Tuesday after the bank said it would cut jobs. <b>";
        let ctx = Context { reference: NaiveDate::from_ymd_opt(2020, 3, 5), ..Context::default() };
        let nlp = crate::nlp::Model::embedded().unwrap();
        let a = annotate(nlp, EventModel::embedded().unwrap(), text, &ctx);
        assert!(a.events.len() >= 3 && !a.timexes.is_empty(), "{a:?}");
        let d = parse(&document(text, &a.timexes, &a.events, ctx.reference)).unwrap();
        assert_eq!(d.text, text);
        assert_eq!(d.dct, ctx.reference);
        let spans = |v: Vec<(usize, usize)>| v;
        assert_eq!(
            spans(d.gold.iter().map(|g| (g.start, g.end)).collect()),
            spans(a.timexes.iter().map(|t| (t.start, t.end)).collect())
        );
        assert_eq!(d.events.len(), a.events.len());
        for (g, e) in d.events.iter().zip(&a.events) {
            assert_eq!((g.start, g.end, g.class.as_str()), (e.start, e.end, e.class.as_str()));
            assert_eq!(
                (g.tense.as_str(), g.polarity.as_str()),
                (e.tense.as_str(), e.polarity.as_str())
            );
        }
    }

    #[test]
    fn broken_documents_say_what_is_wrong() {
        assert!(parse("<TimeML>no text</TimeML>").unwrap_err().0.contains("<TEXT>"));
        assert!(parse("<TEXT>a</TIMEX3></TEXT>").unwrap_err().0.contains("before </TIMEX3>"));
    }
}
