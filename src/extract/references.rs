//! Reference days across a corpus, and extraction as a map step.
//!
//! A document's relative dates ("on Wednesday") resolve against its
//! reference day: its publication day when known, otherwise the latest
//! explicit day that it, or another document of the same period, reports.
//! That second rule is the only thing in extraction that looks beyond one
//! document, so extraction splits into a map step that needs one document
//! ([`extract_document`]) and a cheap merge step that needs them all
//! ([`settle`]): the merge chooses the reference days from every
//! document's [`ReportedDay`]s and extracts again only the documents whose
//! day changed. One process or many, the timeline is the same.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;

use super::timex::{self, Context, Recognized, TimexType};
use super::Detail;
use crate::error::{LoadError, Problem};
use crate::model::{
    Document, Extracted, Granularity, Mention, Reference, ReferenceSource, ReportedDay, Resolution,
    Span, MENTIONS_FORMAT,
};

/// The explicit day-level dates a document reports, resolved with its own
/// year when it has one, in text order.
#[must_use]
pub fn explicit_days(doc: &Document) -> Vec<ReportedDay> {
    explicit_days_recognized(doc, &timex::recognize(doc.body()))
}

/// [`explicit_days`], given the time expressions already
/// [recognized](timex::recognize) in the document's body.
#[must_use]
pub fn explicit_days_recognized(doc: &Document, recognized: &Recognized) -> Vec<ReportedDay> {
    let ctx =
        Context { reference: None, inferred: false, year: doc.date_span().map(|s| s.lo.year()) };
    recognized
        .resolve(doc.body(), &ctx)
        .into_iter()
        .filter(|t| {
            t.kind == TimexType::Date
                && t.resolution == Resolution::Explicit
                && t.granularity == Some(Granularity::Day)
        })
        .filter_map(|t| Some(ReportedDay { date: t.span?.lo, text: t.text }))
        .collect()
}

/// Give every document the reference day its relative dates resolve
/// against (see the module docs).
///
/// Complexity: one tagging pass per document, then
/// [`choose_references`].
pub fn infer_references(docs: &mut [Document]) {
    let days: Vec<Vec<ReportedDay>> = docs.par_iter().map(explicit_days).collect();
    choose_references(docs, &days);
}

/// The best day of a candidate set: the latest, the first document in
/// corpus order on ties.
#[derive(Clone, Copy)]
struct Best<'a> {
    day: NaiveDate,
    doc: usize,
    text: &'a str,
}

fn consider<'a>(best: &mut Option<Best<'a>>, day: NaiveDate, doc: usize, text: &'a str) {
    if best.is_none_or(|b| day > b.day) {
        *best = Some(Best { day, doc, text });
    }
}

/// Choose each document's reference day from the days every document
/// reports (`days[i]` are those of `docs[i]`).
///
/// A document with a publication day uses it. A document dated to a month
/// or year takes the latest day within that period reported by any
/// document whose period overlaps it. Undated documents share their days
/// when, together, those days lie within a month (a folder about one
/// story); otherwise each keeps to its own.
///
/// Complexity: O(documents × distinct periods), so linear for a corpus
/// dated by day or month.
pub fn choose_references(docs: &mut [Document], days: &[Vec<ReportedDay>]) {
    let parsed: Vec<Vec<(NaiveDate, &str)>> =
        days.iter().map(|ds| ds.iter().map(|d| (d.date, d.text.as_str())).collect()).collect();
    let spans: Vec<Option<Span>> = docs.iter().map(Document::date_span).collect();
    // undated documents: one pool when coherent
    let undated = || (0..docs.len()).filter(|&j| spans[j].is_none());
    let (lo, hi) = undated()
        .flat_map(|j| parsed[j].iter().map(|d| d.0))
        .fold((None::<NaiveDate>, None::<NaiveDate>), |(lo, hi), d| {
            (Some(lo.map_or(d, |l| l.min(d))), Some(hi.map_or(d, |h| h.max(d))))
        });
    let coherent = matches!((lo, hi), (Some(a), Some(b)) if (b - a).num_days() <= 31);
    let mut pool: Option<Best> = None;
    if coherent {
        for j in undated() {
            for &(day, text) in &parsed[j] {
                consider(&mut pool, day, j, text);
            }
        }
    }
    // dated documents: one candidate search per distinct period
    let mut by_period: BTreeMap<(NaiveDate, NaiveDate), Option<Best>> = BTreeMap::new();
    let periods: BTreeSet<(NaiveDate, NaiveDate)> =
        spans.iter().flatten().filter(|s| s.lo != s.hi).map(|s| (s.lo, s.hi)).collect();
    for &(plo, phi) in &periods {
        let period = Span { lo: plo, hi: phi };
        let mut best = None;
        for j in 0..docs.len() {
            if !spans[j].is_some_and(|s| s.overlaps(&period)) {
                continue;
            }
            for &(day, text) in &parsed[j] {
                if period.contains(&Span::day(day)) {
                    consider(&mut best, day, j, text);
                }
            }
        }
        by_period.insert((plo, phi), best);
    }
    let choices: Vec<Option<Best>> = (0..docs.len())
        .map(|i| match spans[i] {
            Some(s) if s.lo == s.hi => None,
            Some(s) => by_period[&(s.lo, s.hi)],
            None if coherent => pool,
            None => {
                let mut own = None;
                for &(day, text) in &parsed[i] {
                    consider(&mut own, day, i, text);
                }
                own
            }
        })
        .collect();
    for (i, choice) in choices.into_iter().enumerate() {
        if let Some(s) = spans[i].filter(|s| s.lo == s.hi) {
            docs[i].reference = Some(Reference {
                date: s.lo,
                source: ReferenceSource::Document,
                evidence: "the document's publication day".into(),
            });
            continue;
        }
        let Some(best) = choice else {
            docs[i].reference = None;
            continue;
        };
        let j = best.doc;
        let whose = if j == i { "this document".to_string() } else { docs[j].id.clone() };
        let within = docs[i].date.map_or_else(
            || {
                if j == i {
                    String::new()
                } else {
                    " by the undated documents of this corpus, all within a month".into()
                }
            },
            |d| format!(" within {d}"),
        );
        docs[i].reference = Some(Reference {
            date: best.day,
            source: ReferenceSource::Inferred,
            evidence: format!("the latest day reported{within}: \"{}\" in {whose}", best.text),
        });
    }
}

/// The map step: extract one document on its own, with the reference day
/// it would have alone. Its text is dropped unless [`settle`] may need it.
#[must_use]
pub fn extract_document(mut doc: Document, detail: Detail) -> Extracted {
    let digest = Some(digest(&doc.text));
    // one scan for time expressions serves both resolutions
    let recognized = timex::recognize(doc.body());
    let days = explicit_days_recognized(&doc, &recognized);
    choose_references(std::slice::from_mut(&mut doc), std::slice::from_ref(&days));
    let mentions = super::extract_recognized(&doc, detail, &recognized);
    let has_day = doc.date_span().is_some_and(|s| s.lo == s.hi);
    let text = std::mem::take(&mut doc.text);
    Extracted {
        format: MENTIONS_FORMAT.to_string(),
        document: doc,
        days,
        mentions,
        text: (!has_day).then_some(text),
        digest,
    }
}

/// The digest of a document's text (see [`Extracted::digest`]): of its
/// words, so a copy wrapped or spaced otherwise has the same one.
#[must_use]
pub fn digest(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    format!("{:016x}", crate::corpus::fnv(&words.join(" ")))
}

/// [`extract_document`], with a failure of the extractor (a panic) turned
/// into that document's error, so the rest of the corpus is still built.
///
/// # Errors
/// [`Problem::Extraction`](crate::error::Problem::Extraction) naming the document's path.
pub fn extract_checked(doc: Document, detail: Detail) -> Result<Extracted, LoadError> {
    let path = std::path::PathBuf::from(&doc.path);
    super::guard::guarded(move || extract_document(doc, detail))
        .map_err(|p| LoadError::new(path, Problem::Extraction(p.0)))
}

/// What extraction depends on in a reference.
fn key(r: Option<&Reference>) -> Option<(NaiveDate, ReferenceSource)> {
    r.map(|r| (r.date, r.source))
}

/// The merge step: make document ids unique in corpus order, choose the
/// reference days across the corpus, and extract again the documents
/// whose reference day changed. Returns the documents (without text) and
/// their mentions, one list per document, in corpus order (a list per
/// document, so the graph stage can take them over without a copy of
/// them all). Documents extracted again find the mentions `detail` asks
/// for.
#[must_use]
pub fn settle(parts: Vec<Extracted>, detail: Detail) -> (Vec<Document>, Vec<Vec<Mention>>) {
    let mut parts = parts;
    // an id two documents share (the same file name under two folders)
    // takes each one's digest, so neither id depends on the other file or
    // on the order of the inputs; a counter only as the last resort
    let mut count: BTreeMap<String, usize> = BTreeMap::new();
    for p in &parts {
        *count.entry(p.document.id.clone()).or_default() += 1;
    }
    let mut ids = BTreeSet::new();
    for p in &mut parts {
        if count[&p.document.id] > 1 {
            if let Some(d) = &p.digest {
                p.document.id = format!("{}-{}", p.document.id, &d[..d.len().min(8)]);
            }
        }
        p.document.id = unique_id(&p.document.id, &mut ids);
        // a record's mentions are its document's, whatever a file says
        for m in p.mentions.iter_mut().filter(|m| m.document != p.document.id) {
            m.document.clone_from(&p.document.id);
        }
    }
    let mut docs: Vec<Document> = parts.iter().map(|p| p.document.clone()).collect();
    let days: Vec<Vec<ReportedDay>> =
        parts.iter_mut().map(|p| std::mem::take(&mut p.days)).collect();
    choose_references(&mut docs, &days);
    let mentions: Vec<Vec<Mention>> = parts
        .into_par_iter()
        .zip(docs.par_iter_mut())
        .map(|(part, doc)| {
            if key(doc.reference.as_ref()) == key(part.document.reference.as_ref()) {
                return part.mentions;
            }
            if let Some(text) = part.text {
                doc.text = text;
                // should extraction fail under the new day, the mentions of
                // the map step still stand
                let mentions = super::guard::guarded(|| super::extract_with(doc, detail))
                    .unwrap_or(part.mentions);
                doc.text = String::new();
                mentions
            } else {
                // written by a map step that knew the publication day, so
                // the day cannot have changed; keep what it found
                doc.reference.clone_from(&part.document.reference);
                part.mentions
            }
        })
        .collect();
    (docs, mentions)
}

/// `stem`, or `stem-2`, `stem-3`, ... when taken.
#[must_use]
pub fn unique_id(stem: &str, seen: &mut BTreeSet<String>) -> String {
    let mut id = stem.to_string();
    let mut n = 2;
    while !seen.insert(id.clone()) {
        id = format!("{stem}-{n}");
        n += 1;
    }
    id
}
