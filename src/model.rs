//! The data model shared by every pipeline stage, and the JSON wire format.
//!
//! `extract` turns a [`Document`] into [`Mention`]s; `graph` merges mentions
//! into [`Event`]s and builds the [`Timeline`]; `render` draws a timeline.
//! These types are plain serde structs: the timeline JSON is exactly the
//! serialization of [`Timeline`], and `timeline render` reads it back, so a
//! person may edit it between the two steps.
//!
//! # Wire format
//!
//! ```text
//! {
//!   "format": "timeline/1",
//!   "documents": [{"id", "path", "title", "publisher", "author", "url",
//!                  "date", "reference", "body_start"}],
//!   "events": [{"id", "title", "type", "date": DATE | null,
//!               "participants": [..], "places": [..], "sources": [document id, ..],
//!               "mention_count", "source_count", "flags": [..],
//!               "mentions": [{"document", "start", "end", "quote",
//!                             "trigger", "type", "actor", "target", "place",
//!                             "date": DATE | null, "anchor", "timex",
//!                             "supporting", "follows": {"start", "end", "cue"}}]}],
//!   "findings": [{"kind", "severity", "events", "message"}],
//!   "edges": [{"before", "after", "origin": "dates|text|pinned", "quote"}]
//! }
//! DATE = {"earliest": "YYYY[-MM[-DD]]", "latest": "YYYY[-MM[-DD]]",
//!         "granularity": "day|week|month|quarter|season|year|decade|century|range",
//!         "resolution": "explicit|relative|narrative|inferred|merged",
//!         "evidence": "why this date"}
//! ```
//!
//! * `start`/`end` are UTF-8 byte offsets into the document's *file* (header
//!   included), and `quote` is exactly the text between them.
//! * A date is an interval: `earliest` and `latest` are written at the
//!   precision that is known (`"2019"` means the whole year), so no precision
//!   is invented.
//! * `resolution` says how the date was obtained: written out in full
//!   (`explicit`), relative to the document's reference day (`relative`),
//!   from the surrounding narrative (`narrative`), from a reference day that
//!   was itself inferred from the corpus (`inferred`), or taken over from
//!   other mentions of the same event (`merged`).
//! * Every map-like list is sorted, so the same corpus always gives
//!   byte-identical JSON.
//!
//! # Mention files (`timeline extract`)
//!
//! The map step of a distributed run writes one [`Extracted`] per line:
//!
//! ```text
//! {"format": "timeline-mentions/1", "document": {..as above..},
//!  "days": [{"date": "YYYY-MM-DD", "text": "January 6"}],
//!  "mentions": [{..as above..}], "text": "..." (only when needed)}
//! ```
//!
//! `days` are the explicit days the document reports, which the merge step
//! uses to choose reference days across the whole corpus. `text` is kept
//! only for documents without a publication day: their reference day may
//! depend on other documents, and the merge step re-reads them when it does.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::error::Expected;

/// The version tag written into every timeline JSON.
pub const FORMAT: &str = "timeline/1";

/// The version tag written into every line of a mention file.
pub const MENTIONS_FORMAT: &str = "timeline-mentions/1";

/// One document after extraction: a line of a mention file, and what the
/// extract stage hands to the merge step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extracted {
    /// Always [`MENTIONS_FORMAT`].
    pub format: String,
    /// The document, with the reference day its mentions were resolved
    /// against (its id is made unique across the corpus when merged).
    pub document: Document,
    /// The explicit days the document reports, in text order.
    #[serde(default)]
    pub days: Vec<ReportedDay>,
    /// Its event mentions, in text order.
    pub mentions: Vec<Mention>,
    /// The whole file text, kept only when the document has no publication
    /// day, so the merge step can extract it again if the corpus gives it
    /// another reference day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// A hash of the whole text's words (16 hex digits, FNV-1a; spacing and
    /// line breaks do not count): two records with the same digest are
    /// copies of one article and count once, and two
    /// documents that would get the same id are told apart by it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digest: Option<String>,
}

impl Extracted {
    /// Whether a record read from a file can be merged: its text, if any,
    /// holds its `body_start` and its mentions' spans are in order (serde
    /// has already checked that its dates are dates).
    ///
    /// # Errors
    /// What is wrong, for a message naming the file and line.
    pub fn check(&self) -> Result<(), Expected> {
        if let Some(text) = &self.text {
            if !text.is_char_boundary(self.document.body_start) {
                return Err(Expected(format!(
                    "expected \"body_start\" within the text ({} bytes), but found {}",
                    text.len(),
                    self.document.body_start
                )));
            }
        }
        let bad = |a: usize, b: usize| a > b;
        if let Some(m) = self.mentions.iter().find(|m| {
            bad(m.start, m.end) || m.follows.as_ref().is_some_and(|f| bad(f.start, f.end))
        }) {
            return Err(Expected(format!(
                "expected start <= end, but a mention has {}..{}",
                m.start, m.end
            )));
        }
        Ok(())
    }
}

/// An explicit day an article reports ("January 6, 2022"), evidence for
/// the reference days of the documents of its period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportedDay {
    /// The day (`YYYY-MM-DD` on the wire).
    pub date: NaiveDate,
    /// The words that give it.
    pub text: String,
}

/// One input article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Stable identifier: the file stem, made unique within the corpus.
    pub id: String,
    /// The path as given on the command line (joined with the file name).
    pub path: String,
    /// Title from the header, else the first line of the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Publisher, where the header names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Author, where the header names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Where the article was published (only http(s) URLs are kept).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Publication date at the precision known (`YYYY`, `YYYY-MM` or
    /// `YYYY-MM-DD` on the wire).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// The day relative expressions ("on Wednesday") were resolved against,
    /// and where it came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<Reference>,
    /// Byte offset in the file where the article text starts (after the
    /// header); 0 for a file without header.
    #[serde(default)]
    pub body_start: usize,
    /// The full file contents. Not serialized: offsets point into it.
    #[serde(skip)]
    pub text: String,
}

impl Document {
    /// The article text below the header.
    #[must_use]
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }

    /// The publication date as an interval, if known.
    #[must_use]
    pub fn date_span(&self) -> Option<Span> {
        self.date.map(PartialDate::span)
    }
}

/// The day against which a document's relative dates were resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reference {
    /// The reference day (`YYYY-MM-DD` on the wire).
    pub date: NaiveDate,
    /// `document` when the header gives the day; `inferred` otherwise.
    pub source: ReferenceSource,
    /// Why this day was chosen.
    pub evidence: String,
}

/// Where a document's reference day came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReferenceSource {
    /// The document's own publication day.
    Document,
    /// Inferred from explicit dates in the document and the corpus.
    Inferred,
}

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    /// A calendar day.
    Day,
    /// A calendar week, or part of one ("earlier this week").
    Week,
    /// A calendar month.
    Month,
    /// A quarter of a year.
    Quarter,
    /// A season.
    Season,
    /// A calendar year.
    Year,
    /// A decade ("the 1990s").
    Decade,
    /// A century.
    Century,
    /// An explicit range between two dates ("from 1989 to 2019").
    Range,
}

impl Resolution {
    /// How the date was found, as a reader says it.
    #[must_use]
    pub fn words(self) -> &'static str {
        match self {
            Resolution::Explicit => "written in the text",
            Resolution::Relative => "counted from the article's date",
            Resolution::Narrative => "from the narrative around it",
            Resolution::Inferred => "counted from a date inferred from the corpus",
            Resolution::Merged => "from another report of the event",
            Resolution::Document => "the article's own date",
        }
    }
}

/// How a date was resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Resolution {
    /// Written out in full in the text ("January 6, 2022", "in 2019"), or
    /// completed only by the document's own year.
    Explicit,
    /// Relative to the document's own publication day.
    Relative,
    /// From the narrative: a neighbouring dated clause ("then", "the next
    /// day").
    Narrative,
    /// Relative to a reference day that was itself inferred from the corpus.
    Inferred,
    /// No date in its own text; taken over from other mentions of the same
    /// event.
    Merged,
    /// No date in its own text: bounded by its article, which reported it
    /// by the article's date (at the article's precision).
    Document,
}

/// A calendar date known to the year, the month or the day: an article's
/// publication date. Written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PartialDate {
    /// A year.
    Year(i32),
    /// A month of a year (1-12).
    Month(i32, u32),
    /// A day.
    Day(NaiveDate),
}

impl PartialDate {
    /// Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (surrounding spaces ignored).
    #[must_use]
    pub fn parse(s: &str) -> Option<PartialDate> {
        let parts: Vec<&str> = s.trim().split('-').collect();
        let num = |p: &str, len: usize| -> Option<u32> {
            (p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        };
        let y = i32::try_from(num(parts.first()?, 4)?).ok()?;
        let d = match parts.len() {
            1 => PartialDate::Year(y),
            2 => PartialDate::Month(y, num(parts[1], 2)?),
            3 => {
                PartialDate::Day(NaiveDate::from_ymd_opt(y, num(parts[1], 2)?, num(parts[2], 2)?)?)
            }
            _ => return None,
        };
        // a month outside 1-12 or a year chrono cannot hold is no date
        d.checked_span().map(|_| d)
    }

    fn checked_span(self) -> Option<Span> {
        match self {
            PartialDate::Year(y) => Span::year(y),
            PartialDate::Month(y, m) => Span::month(y, m),
            PartialDate::Day(d) => Some(Span::day(d)),
        }
    }

    /// Every day the date may be.
    #[must_use]
    pub fn span(self) -> Span {
        // `parse` and the constructors below only make valid dates
        self.checked_span().unwrap_or(Span::day(NaiveDate::MIN))
    }

    /// How precisely it is known.
    #[must_use]
    pub fn granularity(self) -> Granularity {
        match self {
            PartialDate::Year(_) => Granularity::Year,
            PartialDate::Month(..) => Granularity::Month,
            PartialDate::Day(_) => Granularity::Day,
        }
    }
}

impl std::fmt::Display for PartialDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PartialDate::Year(y) => write!(f, "{y:04}"),
            PartialDate::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            PartialDate::Day(d) => write!(f, "{}", d.format("%Y-%m-%d")),
        }
    }
}

impl std::str::FromStr for PartialDate {
    type Err = Expected;
    fn from_str(s: &str) -> Result<PartialDate, Expected> {
        PartialDate::parse(s).ok_or_else(|| {
            Expected(format!("expected a date like 2022-01-06, 2022-01 or 2022, but found {s:?}"))
        })
    }
}

impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<PartialDate, D::Error> {
        let s = std::borrow::Cow::<str>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A closed interval of calendar days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First day of the interval.
    pub lo: NaiveDate,
    /// Last day of the interval (inclusive).
    pub hi: NaiveDate,
}

impl Span {
    /// A one-day span.
    #[must_use]
    pub fn day(d: NaiveDate) -> Span {
        Span { lo: d, hi: d }
    }

    /// The whole of calendar year `y`, if representable.
    #[must_use]
    pub fn year(y: i32) -> Option<Span> {
        Some(Span {
            lo: NaiveDate::from_ymd_opt(y, 1, 1)?,
            hi: NaiveDate::from_ymd_opt(y, 12, 31)?,
        })
    }

    /// The whole of month `m` of year `y`, if valid.
    #[must_use]
    pub fn month(y: i32, m: u32) -> Option<Span> {
        let lo = NaiveDate::from_ymd_opt(y, m, 1)?;
        let next = if m == 12 {
            NaiveDate::from_ymd_opt(y + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(y, m + 1, 1)?
        };
        Some(Span { lo, hi: next.pred_opt()? })
    }

    /// Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as the interval it denotes.
    #[must_use]
    pub fn parse_partial(s: &str) -> Option<Span> {
        PartialDate::parse(s).map(PartialDate::span)
    }

    /// Whether the two intervals share at least one day.
    #[must_use]
    pub fn overlaps(&self, other: &Span) -> bool {
        self.lo <= other.hi && other.lo <= self.hi
    }

    /// Whether `other` lies wholly inside `self`.
    #[must_use]
    pub fn contains(&self, other: &Span) -> bool {
        self.lo <= other.lo && other.hi <= self.hi
    }

    /// The common part of two intervals, if any.
    #[must_use]
    pub fn intersect(&self, other: &Span) -> Option<Span> {
        let lo = self.lo.max(other.lo);
        let hi = self.hi.min(other.hi);
        (lo <= hi).then_some(Span { lo, hi })
    }

    /// Number of days in the interval.
    #[must_use]
    pub fn days(&self) -> i64 {
        (self.hi - self.lo).num_days() + 1
    }

    /// The coarsest calendar unit the interval is made of: `Year` when it
    /// runs from a January 1 to a December 31, `Month` when from a first of
    /// a month to a last, `Day` otherwise. Its ends are written at this
    /// precision, so none is invented.
    #[must_use]
    pub fn unit(&self) -> Granularity {
        let (lo, hi) = (self.lo, self.hi);
        if lo.month() == 1 && lo.day() == 1 && is_year_end(hi) {
            Granularity::Year
        } else if lo.day() == 1 && is_month_end(hi) {
            Granularity::Month
        } else {
            Granularity::Day
        }
    }

    /// `lo` written at the coarsest precision that still denotes the same
    /// first day of this interval (`2019` when the span starts a year that
    /// it also ends, and so on; see [`Span::unit`]).
    #[must_use]
    pub fn earliest_str(&self) -> String {
        write_at(self.lo, self.unit())
    }

    /// `hi` written at the coarsest faithful precision (see
    /// [`Span::earliest_str`]).
    #[must_use]
    pub fn latest_str(&self) -> String {
        write_at(self.hi, self.unit())
    }
}

fn write_at(d: NaiveDate, unit: Granularity) -> String {
    match unit {
        Granularity::Year => format!("{:04}", d.year()),
        Granularity::Month => format!("{:04}-{:02}", d.year(), d.month()),
        _ => d.format("%Y-%m-%d").to_string(),
    }
}

fn is_year_end(d: NaiveDate) -> bool {
    d.month() == 12 && d.day() == 31
}

fn is_month_end(d: NaiveDate) -> bool {
    d.succ_opt().is_none_or(|n| n.day() == 1)
}

/// A date interval with its precision and provenance. On the wire its span
/// is two strings, `earliest` and `latest`, each written at the coarsest
/// precision that denotes the same day ([`Span::earliest_str`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "DateWire", into = "DateWire")]
pub struct DateInfo {
    /// Every day the date may be.
    pub span: Span,
    /// How precisely the date is known.
    pub granularity: Granularity,
    /// How the date was obtained.
    pub resolution: Resolution,
    /// Why the date is what it is: the expression and what it was
    /// resolved against, and each step that narrowed it (one line of text
    /// on the wire).
    pub evidence: Evidence,
}

impl DateInfo {
    /// Build from an interval, writing its ends at faithful precision.
    #[must_use]
    pub fn new(
        span: Span,
        granularity: Granularity,
        resolution: Resolution,
        evidence: Evidence,
    ) -> DateInfo {
        DateInfo { span, granularity, resolution, evidence }
    }

    /// The first possible day as written on the wire (`2019`, `2019-06`,
    /// `2019-06-04`).
    #[must_use]
    pub fn earliest(&self) -> String {
        self.span.earliest_str()
    }

    /// The last possible day as written on the wire.
    #[must_use]
    pub fn latest(&self) -> String {
        self.span.latest_str()
    }
}

/// The two expressions of a [`DateSource::Range`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RangeSource {
    /// The first expression, as written.
    pub from: String,
    /// The second expression, as written.
    pub to: String,
    /// The first's TIMEX3 value.
    pub from_value: String,
    /// The second's TIMEX3 value.
    pub to_value: String,
}

/// Where a date was read from (see [`Evidence`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateSource {
    /// A time expression of the mention's clause: its words and TIMEX3
    /// value.
    Expression {
        /// The words, as written.
        text: String,
        /// The TIMEX3 value.
        value: String,
    },
    /// Two expressions that make a range ("from 1989 to 2019"), boxed:
    /// rare, and four strings would double every date's size.
    Range(Box<RangeSource>),
    /// The narrative: told after a dated expression, and not after the
    /// reference day.
    Narrative {
        /// The expression it is told after.
        after: String,
        /// The first day it may be.
        lower: NaiveDate,
        /// The reference day.
        upper: NaiveDate,
    },
    /// No date in its clause: its article, of that date, reported it.
    Article {
        /// The publisher, title or id of the article.
        by: String,
        /// The article's date.
        written: PartialDate,
    },
    /// A reviewer set it.
    Reviewer,
    /// Evidence read back from a timeline JSON, as written there.
    Written(String),
}

/// A step that narrowed a date after it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Narrowing {
    /// Other reports of the same event date it more closely.
    OtherReports,
    /// Its neighbours in the text: told after (or before) an event of that
    /// day.
    Neighbour {
        /// Whether it is told after the neighbour (else before it).
        after: bool,
        /// The neighbour's title.
        title: String,
        /// The neighbour's day, as written on the wire.
        day: String,
    },
}

/// Why a date is what it is: where it was read, then each step that
/// narrowed it. [`Display`](std::fmt::Display) writes the one line the
/// JSON, the tooltips and the findings show; read back from JSON, it is
/// [`DateSource::Written`] and writes the same line again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// Where the date was read.
    pub source: DateSource,
    /// What narrowed it since, in order.
    pub steps: Vec<Narrowing>,
}

impl Evidence {
    /// Evidence with no narrowing yet.
    #[must_use]
    pub fn of(source: DateSource) -> Evidence {
        Evidence { source, steps: Vec::new() }
    }

    /// This evidence, then `step`.
    #[must_use]
    pub fn narrowed(&self, step: Narrowing) -> Evidence {
        let mut e = self.clone();
        e.steps.push(step);
        e
    }
}

impl From<String> for Evidence {
    fn from(s: String) -> Evidence {
        Evidence::of(DateSource::Written(s))
    }
}

impl From<&str> for Evidence {
    fn from(s: &str) -> Evidence {
        Evidence::from(s.to_string())
    }
}

impl std::fmt::Display for Evidence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.source {
            DateSource::Expression { text, value } => write!(f, "\"{text}\" ({value})")?,
            DateSource::Range(r) => {
                let RangeSource { from, to, from_value, to_value } = &**r;
                write!(f, "\"{from} ... {to}\" ({from_value} to {to_value})")?;
            }
            DateSource::Narrative { after, lower, upper } => write!(
                f,
                "narrative: told after \"{after}\" ({}) and not after the reference day {}",
                lower.format("%Y-%m-%d"),
                upper.format("%Y-%m-%d")
            )?,
            DateSource::Article { by, written } => {
                write!(f, "no date in its clause: reported by {by} of {written}")?;
            }
            DateSource::Reviewer => f.write_str("set by a reviewer")?,
            DateSource::Written(s) => f.write_str(s)?,
        }
        for step in &self.steps {
            match step {
                Narrowing::OtherReports => f.write_str("; narrowed by other reports")?,
                Narrowing::Neighbour { after, title, day } => write!(
                    f,
                    "; narrowed by its neighbours: told {} \"{title}\" ({day})",
                    if *after { "after" } else { "before" }
                )?,
            }
        }
        Ok(())
    }
}

/// [`DateInfo`] as the JSON holds it.
#[derive(Serialize, Deserialize)]
struct DateWire {
    earliest: String,
    latest: String,
    granularity: Granularity,
    resolution: Resolution,
    evidence: String,
}

impl From<DateInfo> for DateWire {
    fn from(d: DateInfo) -> DateWire {
        DateWire {
            earliest: d.earliest(),
            latest: d.latest(),
            granularity: d.granularity,
            resolution: d.resolution,
            evidence: d.evidence.to_string(),
        }
    }
}

impl TryFrom<DateWire> for DateInfo {
    type Error = Expected;
    fn try_from(w: DateWire) -> Result<DateInfo, Expected> {
        let span = date_span(&w.earliest, &w.latest).ok_or_else(|| {
            Expected(format!(
                "expected a date like 2022-01-06 with earliest <= latest, but found {:?}..{:?}",
                w.earliest, w.latest
            ))
        })?;
        Ok(DateInfo {
            span,
            granularity: w.granularity,
            resolution: w.resolution,
            evidence: Evidence::from(w.evidence),
        })
    }
}

/// The interval from the first day of `earliest` to the last day of
/// `latest` (each `YYYY`, `YYYY-MM` or `YYYY-MM-DD`), if both parse and are
/// in order.
#[must_use]
pub fn date_span(earliest: &str, latest: &str) -> Option<Span> {
    let lo = Span::parse_partial(earliest)?.lo;
    let hi = Span::parse_partial(latest)?.hi;
    (lo <= hi).then_some(Span { lo, hi })
}

/// The kind of happening, modelled on CAMEO's top-level classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventType {
    /// Demonstrations, riots, strikes, unrest.
    Protest,
    /// Shootings, killings, attacks, explosions, arson.
    Violence,
    /// Governments formed or dismissed, resignations, appointments,
    /// elections, leaders fleeing.
    PoliticalChange,
    /// Troops requested, deployed or withdrawn; emergency rule; arrests.
    Security,
    /// Prices, taxes, trade, production.
    Economic,
    /// Statements, appeals, warnings, interviews.
    Statement,
    /// Meetings, visits, talks, agreements.
    Diplomacy,
    /// Anything else that happened.
    Other,
}

impl EventType {
    /// The `snake_case` name used in JSON and on the command line.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            EventType::Protest => "protest",
            EventType::Violence => "violence",
            EventType::PoliticalChange => "political_change",
            EventType::Security => "security",
            EventType::Economic => "economic",
            EventType::Statement => "statement",
            EventType::Diplomacy => "diplomacy",
            EventType::Other => "other",
        }
    }

    /// Parse a name as written by [`EventType::name`].
    #[must_use]
    pub fn from_name(s: &str) -> Option<EventType> {
        EventType::ALL.into_iter().find(|t| t.name() == s)
    }

    /// Every type, in declaration order.
    pub const ALL: [EventType; 8] = [
        EventType::Protest,
        EventType::Violence,
        EventType::PoliticalChange,
        EventType::Security,
        EventType::Economic,
        EventType::Statement,
        EventType::Diplomacy,
        EventType::Other,
    ];
}

/// Which rule gave a mention its date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Anchor {
    /// A time expression inside the mention's own clause.
    Clause,
    /// A time expression elsewhere in the same sentence.
    Sentence,
    /// The previous dated clause of the same article ("then ...").
    Narrative,
    /// The article's own date: it reported the event by then.
    Document,
    /// No evidence in its own text.
    None,
}

/// One report of a happening in one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Id of the [`Document`] it occurs in.
    pub document: String,
    /// Byte offset of the quote's first byte in the document file.
    pub start: usize,
    /// Byte offset one past the quote's last byte.
    pub end: usize,
    /// Exactly `file[start..end]`: the clause that reports the event.
    pub quote: String,
    /// The word that signals the happening ("dismissed", "shooting").
    pub trigger: String,
    /// The normalized action ("dismiss", "deploy", ...), used for merging.
    pub action: String,
    /// Kind of happening.
    #[serde(rename = "type")]
    pub event_type: EventType,
    /// Who did it, where the clause names them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<String>,
    /// What or whom it was done to, where the clause names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// Where it happened, where the sentence names a place ("on Freedom
    /// Square", "in the city of Varnel").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// When it happened, if the text says.
    pub date: Option<DateInfo>,
    /// Which rule gave the date.
    pub anchor: Anchor,
    /// The TIMEX3 value of the time expression used, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timex: Option<String>,
    /// An event noun with no date of its own ("the governor's appeal"): it only
    /// joins an event that other mentions establish, never makes one.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub supporting: bool,
    /// The mention of the same document this one is told to follow
    /// ("Then Marenko invited ..."), an ordering constraint for the graph.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follows: Option<Box<Relation>>,
    /// Found by the learned event model but not by the event lexicon, and
    /// with no date written in its own clause: kept by entity timelines and
    /// `build --all-events`, left out of the default timeline. (The model's
    /// events that carry their own date are on the default timeline.)
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub minor: bool,
    /// A title composed from the parse of its sentence: who did what to
    /// whom, where (at most about 70 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

#[cfg(test)]
impl Mention {
    /// A bare mention for tests: document, offsets, action and type, and
    /// nothing else known.
    pub(crate) fn bare(
        document: &str,
        start: usize,
        end: usize,
        action: &str,
        kind: EventType,
    ) -> Mention {
        Mention {
            document: document.into(),
            start,
            end,
            quote: String::new(),
            trigger: action.into(),
            action: action.into(),
            event_type: kind,
            actor: None,
            target: None,
            place: None,
            date: None,
            anchor: Anchor::None,
            timex: None,
            supporting: false,
            follows: None,
            minor: false,
            title: None,
        }
    }
}

/// "This happened after that": a reference to another mention of the same
/// document, by its offsets, with the words that say so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relation {
    /// Start offset of the earlier mention.
    pub start: usize,
    /// End offset of the earlier mention.
    pub end: usize,
    /// The cue: "then", "after", "later", ...
    pub cue: String,
}

/// One happening, with every mention that reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stable id: derived from the action, the date and the first mention,
    /// so it survives re-running on the same corpus.
    pub id: String,
    /// Short readable title.
    pub title: String,
    /// Kind of happening.
    #[serde(rename = "type")]
    pub event_type: EventType,
    /// When it happened, with evidence; `null` when no source dates it.
    pub date: Option<DateInfo>,
    /// Actors and targets named by the mentions.
    #[serde(default)]
    pub participants: Vec<String>,
    /// Places named by the mentions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<String>,
    /// Ids of the [entities](Timeline::entities) its mentions name as actor,
    /// target or place (or as their possessor: "Russia's troops"), sorted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<String>,
    /// Ids of the documents that report it, sorted.
    pub sources: Vec<String>,
    /// Number of mentions.
    pub mention_count: usize,
    /// Number of distinct documents.
    pub source_count: usize,
    /// Review flags on this event (see [`Finding`] kinds).
    #[serde(default)]
    pub flags: Vec<Flag>,
    /// Every report of the event.
    pub mentions: Vec<Mention>,
    /// How much it matters, for ranking (`build --top K`, the image's
    /// `--max-events`): see [`crate::graph::salience`].
    #[serde(default)]
    pub salience: f64,
}

/// How much a finding matters to a reviewer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Probably wrong: check before publishing.
    Error,
    /// Uncertain: worth a look.
    Warning,
    /// For information.
    Info,
}

/// Something a reviewer must look at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// What it is about (`date-after-document` in the JSON).
    pub kind: FindingKind,
    /// How much it matters.
    pub severity: Severity,
    /// Ids of the events involved.
    pub events: Vec<String>,
    /// One-line explanation, quoting the text where it helps.
    pub message: String,
}

impl Finding {
    /// The order findings are listed in: worst first, then by kind, then
    /// by the events involved (stable, so messages keep their order).
    pub fn sort(findings: &mut [Finding]) {
        findings
            .sort_by(|a, b| (a.severity, a.kind, &a.events).cmp(&(b.severity, b.kind, &b.events)));
    }
}

/// A review flag on an event: what a reader of the image and the reports
/// must know about its date. One list: the JSON name ([`Flag::name`],
/// the serde name) and the words reports print ([`Flag::words`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Flag {
    /// The date lies after its own article ("in 2029" in a 2022 story).
    DateAfterDocument,
    /// Its date was taken from another report of the same event.
    DateSharedByMerge,
    /// Sources give dates that do not meet.
    Disputed,
    /// Its date was resolved against an inferred reference day.
    InferredDate,
    /// A reviewer split it out of another event.
    SplitByReviewer,
}

impl Flag {
    /// Every flag, in name order.
    pub const ALL: [Flag; 5] = [
        Flag::DateAfterDocument,
        Flag::DateSharedByMerge,
        Flag::Disputed,
        Flag::InferredDate,
        Flag::SplitByReviewer,
    ];

    /// The name in the JSON (`date-after-document`).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Flag::DateAfterDocument => "date-after-document",
            Flag::DateSharedByMerge => "date-shared-by-merge",
            Flag::Disputed => "disputed",
            Flag::InferredDate => "inferred-date",
            Flag::SplitByReviewer => "split-by-reviewer",
        }
    }

    /// The flag as a reader says it.
    #[must_use]
    pub fn words(self) -> &'static str {
        match self {
            Flag::DateAfterDocument => "date after its own article, check it",
            Flag::DateSharedByMerge => "date taken from another report of it",
            Flag::Disputed => "sources disagree on the date",
            Flag::InferredDate => "date inferred, not written",
            Flag::SplitByReviewer => "split by a reviewer",
        }
    }

    /// Whether the flag is about the event's date, which a reviewer's
    /// `set_date` settles.
    #[must_use]
    pub fn of_date(self) -> bool {
        self != Flag::SplitByReviewer
    }
}

/// What a [`Finding`] is about. One list: the JSON name
/// ([`FindingKind::name`], the serde name) and the words reports print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FindingKind {
    /// A date after its own article.
    DateAfterDocument,
    /// An event dated only by another report of it.
    DateFromMerge,
    /// A reviewer's edit whose event is gone.
    EditNotApplied,
    /// A relative date resolved against a reference day inferred from the
    /// corpus.
    InferredReference,
    /// Two events that may be one.
    MaybeSameEvent,
    /// Orderings that contradict each other (a cycle).
    OrderingCycle,
    /// An event one source reports.
    SingleSource,
    /// Sources that give one happening dates that do not meet.
    SourcesDisagree,
}

impl FindingKind {
    /// Every kind, in name order (the order findings of one severity are
    /// listed in).
    pub const ALL: [FindingKind; 8] = [
        FindingKind::DateAfterDocument,
        FindingKind::DateFromMerge,
        FindingKind::EditNotApplied,
        FindingKind::InferredReference,
        FindingKind::MaybeSameEvent,
        FindingKind::OrderingCycle,
        FindingKind::SingleSource,
        FindingKind::SourcesDisagree,
    ];

    /// The name in the JSON (`ordering-cycle`).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            FindingKind::DateAfterDocument => "date-after-document",
            FindingKind::DateFromMerge => "date-from-merge",
            FindingKind::EditNotApplied => "edit-not-applied",
            FindingKind::InferredReference => "inferred-reference",
            FindingKind::MaybeSameEvent => "maybe-same-event",
            FindingKind::OrderingCycle => "ordering-cycle",
            FindingKind::SingleSource => "single-source",
            FindingKind::SourcesDisagree => "sources-disagree",
        }
    }

    /// The kind as a reader says it.
    #[must_use]
    pub fn words(self) -> &'static str {
        match self {
            FindingKind::DateAfterDocument => "date after its own article, check it",
            FindingKind::DateFromMerge => "date taken from another report of it",
            FindingKind::EditNotApplied => "edit not applied",
            FindingKind::InferredReference => "article date inferred",
            FindingKind::MaybeSameEvent => "maybe the same event",
            FindingKind::OrderingCycle => "orderings contradict each other",
            FindingKind::SingleSource => "one source only",
            FindingKind::SourcesDisagree => "sources disagree",
        }
    }

    /// Whether the finding is about one event's date, which a reviewer's
    /// `set_date` settles.
    #[must_use]
    pub fn of_date(self) -> bool {
        matches!(
            self,
            FindingKind::DateAfterDocument
                | FindingKind::DateFromMerge
                | FindingKind::InferredReference
                | FindingKind::SourcesDisagree
        )
    }
}

impl std::fmt::Display for FindingKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl Severity {
    /// The severity as a reader says it.
    #[must_use]
    pub fn words(self) -> &'static str {
        match self {
            Severity::Error => "check before publishing",
            Severity::Warning => "worth a look",
            Severity::Info => "for information",
        }
    }
}

/// Where an ordering edge comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// The two date intervals do not overlap.
    Dates,
    /// The text tells one after the other.
    Text,
    /// A reviewer pinned the order.
    Pinned,
}

/// How two events relate in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TimeRelation {
    /// The first ends before the second begins (default).
    #[default]
    Before,
    /// Both have the same date interval.
    SameTime,
    /// The first's interval contains the second's.
    Includes,
}

/// "`before` happened before `after`" (or at the same time, or around
/// it, by `kind`), with its evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderEdge {
    /// Id of the earlier event.
    pub before: String,
    /// Id of the later event.
    pub after: String,
    /// Where the edge comes from.
    pub origin: Origin,
    /// The quote that says so, for text edges.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// BEFORE, SAME-TIME or INCLUDES.
    #[serde(default)]
    pub kind: TimeRelation,
    /// For text edges: the documents that tell this order; two or more
    /// means one source's order is confirmed by another.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

/// The output of the pipeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    /// Always [`FORMAT`].
    pub format: String,
    /// The input documents.
    pub documents: Vec<Document>,
    /// Events in display order: by date, undated last.
    pub events: Vec<Event>,
    /// What a reviewer should look at, worst first.
    #[serde(default)]
    pub findings: Vec<Finding>,
    /// The ordering graph's edges: what comes before what, and why.
    #[serde(default)]
    pub edges: Vec<OrderEdge>,
    /// The people, organizations and places the events name, one per
    /// real thing across the corpus, most mentioned first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<Entity>,
}

/// What kind of thing an [`Entity`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person: "President Kassym-Jomart Tokayev".
    Person,
    /// A company, party, agency, alliance, ...: "the CSTO".
    Organization,
    /// A country, city, square, ...: "Almaty".
    Place,
    /// A name the evidence does not type.
    Other,
}

impl EntityKind {
    /// The name used in JSON and on screen.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Other => "other",
        }
    }
}

/// One named thing across the corpus: every spelling, short form and
/// acronym the articles use for it (see [`crate::graph::entities`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable id from its name: `ent-kassym-jomart-tokayev`.
    pub id: String,
    /// Its fullest name as written.
    pub name: String,
    /// What it is.
    #[serde(rename = "type")]
    pub kind: EntityKind,
    /// The other ways the articles write it, sorted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// How many event mentions of the corpus name it (a filtered timeline
    /// keeps the corpus's counts).
    pub mention_count: usize,
    /// How many events of the corpus name it.
    pub event_count: usize,
}

/// Make a timeline JSON value read back from a file (perhaps edited by
/// hand) safe to draw: an event whose date does not parse (`"2022-13-45"`,
/// earliest after latest) becomes undated, so every view counts it the
/// same way. Returns one message per event changed, naming it.
pub fn undate_unreadable(timeline: &mut serde_json::Value) -> Vec<String> {
    let mut said = Vec::new();
    let Some(events) = timeline.get_mut("events").and_then(serde_json::Value::as_array_mut) else {
        return said;
    };
    let unreadable = |v: &serde_json::Value| {
        v.get("date").filter(|d| !d.is_null()).and_then(|d| DateInfo::deserialize(d).err())
    };
    for e in events {
        let id = e.get("id").and_then(serde_json::Value::as_str).unwrap_or("?").to_string();
        if let Some(why) = unreadable(e) {
            said.push(format!("event {id}: {why}; it is drawn as undated"));
            e["date"] = serde_json::Value::Null;
        }
        let mentions = e.get_mut("mentions").and_then(serde_json::Value::as_array_mut);
        for m in mentions.into_iter().flatten() {
            if let Some(why) = unreadable(m) {
                said.push(format!("event {id}: a mention's date: {why}; it is left out"));
                m["date"] = serde_json::Value::Null;
            }
        }
    }
    said
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// A large corpus holds millions of mentions until they are merged:
    /// rare parts (a range's four strings, an ordering cue) are boxed so
    /// they do not widen every mention. (BENCHMARKS.md, "Memory per
    /// mention".)
    #[test]
    #[cfg(target_pointer_width = "64")]
    fn a_mention_stays_compact() {
        assert!(std::mem::size_of::<DateSource>() <= 48, "{}", std::mem::size_of::<DateSource>());
        assert!(std::mem::size_of::<Mention>() <= 336, "{}", std::mem::size_of::<Mention>());
    }

    #[test]
    fn partial_dates_parse_to_their_whole_interval() {
        assert_eq!(
            Span::parse_partial("2019"),
            Some(Span { lo: d(2019, 1, 1), hi: d(2019, 12, 31) })
        );
        assert_eq!(
            Span::parse_partial("2024-02"),
            Some(Span { lo: d(2024, 2, 1), hi: d(2024, 2, 29) })
        );
        assert_eq!(Span::parse_partial("2022-01-05"), Some(Span::day(d(2022, 1, 5))));
        assert_eq!(Span::parse_partial("2022-13"), None);
        assert_eq!(Span::parse_partial("22-01"), None);
        assert_eq!(Span::parse_partial("2022-02-30"), None);
    }

    #[test]
    fn ends_are_written_without_invented_precision() {
        let years = Span { lo: d(1989, 1, 1), hi: d(2019, 12, 31) };
        assert_eq!((years.earliest_str(), years.latest_str()), ("1989".into(), "2019".into()));
        let month = Span::month(2022, 1).unwrap();
        assert_eq!(
            (month.earliest_str(), month.latest_str()),
            ("2022-01".into(), "2022-01".into())
        );
        let days = Span { lo: d(2022, 1, 3), hi: d(2022, 1, 6) };
        assert_eq!(
            (days.earliest_str(), days.latest_str()),
            ("2022-01-03".into(), "2022-01-06".into())
        );
    }

    #[test]
    fn date_info_round_trips_through_its_wire_strings() {
        let s = Span { lo: d(2022, 1, 1), hi: d(2022, 3, 31) };
        let info = DateInfo::new(s, Granularity::Quarter, Resolution::Explicit, "".into());
        let json = serde_json::to_string(&info).unwrap();
        assert!(json.starts_with(r#"{"earliest":"2022-01","latest":"2022-03","#), "{json}");
        assert_eq!(serde_json::from_str::<DateInfo>(&json).unwrap(), info);
        // a span that is not whole months is written by its days
        let days = Span { lo: d(2022, 1, 1), hi: d(2022, 3, 30) };
        let json = serde_json::to_string(&DateInfo { span: days, ..info }).unwrap();
        assert!(json.contains(r#""earliest":"2022-01-01","latest":"2022-03-30""#), "{json}");
    }

    #[test]
    fn unreadable_dates_are_refused_with_what_was_expected() {
        let wire = |a: &str, b: &str| {
            format!(
                r#"{{"earliest":"{a}","latest":"{b}","granularity":"day","resolution":"explicit","evidence":""}}"#
            )
        };
        for (a, b) in [("2023-13-45", "2023-13-45"), ("2022-01-06", "2022-01-05"), ("soon", "2022")]
        {
            let e = serde_json::from_str::<DateInfo>(&wire(a, b)).unwrap_err().to_string();
            assert!(
                e.starts_with("expected a date like 2022-01-06 with earliest <= latest"),
                "{e}"
            );
        }
        assert!(serde_json::from_str::<DateInfo>(&wire("2019", "2022-01")).is_ok());
    }

    #[test]
    fn partial_dates_read_and_write_the_same_forms() {
        for s in ["2019", "2024-02", "2022-01-05", "0900"] {
            let p = PartialDate::parse(s).unwrap();
            assert_eq!(p.to_string(), s);
            assert_eq!(serde_json::to_string(&p).unwrap(), format!("\"{s}\""));
        }
        assert_eq!(PartialDate::parse("2024-02").unwrap().span(), Span::month(2024, 2).unwrap());
        assert_eq!(PartialDate::parse(" 2019 ").unwrap().granularity(), Granularity::Year);
        for bad in ["2022-13", "2022-02-30", "22", "2022-1", "2022-01-05-01", ""] {
            assert!(PartialDate::parse(bad).is_none(), "{bad}");
            assert!(serde_json::from_str::<PartialDate>(&format!("\"{bad}\"")).is_err(), "{bad}");
        }
    }

    #[test]
    fn flags_and_finding_kinds_have_one_name_each_in_order() {
        let names: Vec<&str> = Flag::ALL.iter().map(|f| f.name()).collect();
        assert!(names.windows(2).all(|w| w[0] < w[1]), "name order: {names:?}");
        for f in Flag::ALL {
            assert_eq!(serde_json::to_string(&f).unwrap(), format!("\"{}\"", f.name()));
            assert!(!f.words().is_empty());
        }
        let names: Vec<&str> = FindingKind::ALL.iter().map(|k| k.name()).collect();
        // the derived order is the name order, as findings were sorted
        assert!(names.windows(2).all(|w| w[0] < w[1]), "name order: {names:?}");
        assert!(FindingKind::ALL.windows(2).all(|w| w[0] < w[1]));
        for k in FindingKind::ALL {
            assert_eq!(serde_json::to_string(&k).unwrap(), format!("\"{}\"", k.name()));
            assert_eq!(k.to_string(), k.name());
        }
    }
}
