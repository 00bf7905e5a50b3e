//! Temporal expressions: recognition and normalization.
//!
//! [`tag`] finds the time expressions of English news text and gives each a
//! TIMEX3 type and value (`2022-01-05`, `2022-W01`, `198`, `P7Y`,
//! `PAST_REF`, ...) and, for dates, the calendar interval it denotes with
//! its [`Granularity`]. Relative expressions ("on Wednesday", "seven years
//! ago", "earlier this week") are resolved against [`Context::reference`],
//! the document's reference day, with a past bias as suits news; "the next
//! day" is resolved against the last date the narrative gave. Nothing here
//! ever looks at the clock.
//!
//! Spans follow the `TimeML` extent rules: a leading preposition ("on",
//! "in") is outside the tag, determiners and modifiers ("last", "early")
//! inside. A range such as "from 1989 to 2019" is tagged as two dates, as
//! `TimeML` does, and [`ranges`] joins such pairs into one interval.
//!
//! Recognition is a small set of compiled regular expressions over the raw
//! text, one per pattern family; overlapping candidates are resolved by
//! taking the longest, leftmost first.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;
use serde::Serialize;

use crate::model::{Granularity, Resolution, Span};

mod filters;
mod normalize;
mod patterns;
mod ranges;
mod words;

use filters::{floor_char, is_future_context, looks_like_count, windows};
use normalize::{normalize, Narrative};
use patterns::{Sem, FAMILIES, FAMILY_SET, NON_ASCII_WORD};
pub use ranges::{ranges, Range};
pub use words::is_calendar_word;
use words::Unit;

/// TIMEX3 type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period.
    Date,
    /// A time of day.
    Time,
    /// A length of time.
    Duration,
    /// A recurring time.
    Set,
}

/// One temporal expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Timex {
    /// Byte offset of the first byte in the tagged text.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The expression as written.
    pub text: String,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 value.
    pub value: String,
    /// For dates: the calendar interval denoted, when it could be resolved.
    #[serde(skip)]
    pub span: Option<Span>,
    /// Precision of `span`.
    #[serde(skip)]
    pub granularity: Option<Granularity>,
    /// How `span` was obtained.
    #[serde(skip)]
    pub resolution: Resolution,
}

/// What relative expressions are resolved against.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context {
    /// The document's reference day (its publication day, or one inferred).
    pub reference: Option<NaiveDate>,
    /// Whether `reference` was inferred rather than given.
    pub inferred: bool,
    /// The year to complete year-less dates ("January 2") with, when no
    /// reference day is known.
    pub year: Option<i32>,
}

impl Context {
    fn relative(&self) -> Resolution {
        if self.inferred {
            Resolution::Inferred
        } else {
            Resolution::Relative
        }
    }
}

/// "quarter" in any case: two of them make a report of quarterly results.
static QUARTER: LazyLock<Regex> = LazyLock::new(|| Regex::new("(?i)quarter").expect("regex"));

/// Find and normalize the time expressions of `text`: [`recognize`], then
/// [`Recognized::resolve`] against `ctx`.
///
/// Complexity: linear in the length of the text times the number of
/// pattern families. Never panics; every span lies on char boundaries.
#[must_use]
pub fn tag(text: &str, ctx: &Context) -> Vec<Timex> {
    recognize(text).resolve(text, ctx)
}

/// The time expressions of a text, found but not yet resolved: what does
/// not depend on a reference day. One recognition serves every context,
/// so a document is scanned once however many days it is resolved
/// against (its own year to find the days it reports, then its reference
/// day to date its events).
#[derive(Debug, Clone, Default)]
pub struct Recognized {
    /// Non-overlapping expressions in text order: start, end, meaning, and
    /// whether the words around it point to the future.
    found: Vec<(usize, usize, Sem, bool)>,
    /// A report of quarterly results: "a year ago" is the year-ago quarter.
    quarterly: bool,
}

impl Recognized {
    /// How many expressions were found.
    #[must_use]
    pub fn len(&self) -> usize {
        self.found.len()
    }

    /// Whether none were found.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.found.is_empty()
    }

    /// Normalize the expressions against `ctx`. `text` must be the text
    /// they were recognized in.
    ///
    /// Complexity: linear in the number of expressions.
    #[must_use]
    pub fn resolve(&self, text: &str, ctx: &Context) -> Vec<Timex> {
        let mut out = Vec::with_capacity(self.found.len());
        let mut last_date: Option<Span> = None;
        let mut last_any: Option<Span> = None;
        for &(start, end, sem, future) in &self.found {
            let (kind, value, span, gran, res) = normalize(
                sem,
                ctx,
                Narrative { day: last_date, any: last_any },
                future,
                self.quarterly,
            );
            if let (TimexType::Date, Some(s)) = (kind, span) {
                if matches!(gran, Some(Granularity::Day)) {
                    last_date = Some(s);
                }
                if res == Resolution::Explicit && gran.is_some_and(|g| g <= Granularity::Year) {
                    last_any = Some(s);
                }
            }
            out.push(Timex {
                start,
                end,
                text: text[start..end].to_string(),
                kind,
                value,
                span,
                granularity: gran,
                resolution: res,
            });
        }
        out
    }
}

/// Find the time expressions of `text` without resolving them (see
/// [`Recognized`]).
///
/// Complexity: linear in the length of the text times the number of
/// pattern families. Never panics; every span lies on char boundaries.
#[must_use]
pub fn recognize(text: &str) -> Recognized {
    recognize_with(text, false)
}

/// [`recognize`]; `always_unicode` runs every family with Unicode word
/// boundaries, as the tests do to show the fast path finds the same.
fn recognize_with(text: &str, always_unicode: bool) -> Recognized {
    let mut candidates: Vec<(usize, usize, Sem)> = Vec::new();
    for (w0, w1) in windows(text) {
        let window = &text[w0..w1];
        let unicode = always_unicode || !window.is_ascii() && NON_ASCII_WORD.is_match(window);
        // one pass says which families can match here at all
        for i in &FAMILY_SET.matches(window) {
            let fam = &FAMILIES[i];
            let re = if unicode { &fam.re } else { &fam.ascii };
            for c in re.captures_iter(window) {
                let m = c.get(0).expect("group 0");
                let Some(sem) = (fam.build)(&c) else { continue };
                candidates.push((w0 + m.start(), w0 + m.end(), sem));
            }
        }
    }
    let mut adjusted = Vec::with_capacity(candidates.len());
    for (mut start, end, sem) in candidates {
        // leading prepositions belong outside the tag (TimeML)
        for p in [
            "in ", "for ", "over ", "within ", "after ", "For ", "Over ", "Within ", "After ",
            "since ", "by ", "until ", "till ", "through ", "during ", "from ", "to ", "of ",
            "on ", "In ", "On ", "Since ", "By ", "Until ", "From ", "During ",
        ] {
            if text[start..end].starts_with(p) {
                start += p.len();
                break;
            }
        }
        let trimmed = text[start..end].trim_end_matches('.');
        // keep the period of "a.m." and of a month abbreviation
        let end = if trimmed.ends_with("a.m") || trimmed.ends_with("p.m") {
            end
        } else {
            start + trimmed.len()
        };
        // no tag ends inside a hyphenated compound: "The year" of "The
        // year-ago period"; a hyphen between two days is a range ("the
        // July 12-August 14 war")
        if text[end..].starts_with('-')
            && text[end + 1..].starts_with(char::is_alphabetic)
            && !matches!(sem, Sem::Duration { .. })
            && !(text[..end].ends_with(|c: char| c.is_ascii_digit())
                && starts_with_calendar_name(&text[end + 1..]))
        {
            continue;
        }
        if let Sem::Absolute { year: Some(_), month: None, day: None } = sem {
            if looks_like_count(text, start, end) {
                continue;
            }
        }
        if let Sem::Duration { n: Some(n), unit: Unit::Second | Unit::Minute } = sem {
            // "a second time", "wait a minute"
            if (n - 1.0).abs() < f64::EPSILON
                && text[start..end].to_ascii_lowercase().starts_with('a')
            {
                continue;
            }
        }
        if let Sem::Duration { n: Some(_), unit } = sem {
            let after = text[end..].trim_start();
            // "three-quarters of the vote", "a quarter of the shares"
            if unit == Unit::Quarter && after.starts_with("of ") {
                continue;
            }
            // "$5 a year", "twice a week": a rate, not a length of time
            let before = text[floor_char(text, start.saturating_sub(16))..start]
                .trim_end()
                .to_ascii_lowercase();
            if text[start..end].to_ascii_lowercase().starts_with("a ")
                && (before.ends_with(|c: char| c.is_ascii_digit())
                    || ["once", "twice", "times", "cents", "dollars", "percent"]
                        .iter()
                        .any(|w| before.ends_with(w)))
            {
                continue;
            }
        }
        if let Sem::Duration { n: Some(_), .. } = sem {
            // "81 years old" is an age, not a duration of the story
            if text[end..].trim_start_matches(['-', ' ']).starts_with("old") {
                continue;
            }
        }
        adjusted.push((start, end, sem));
    }
    let mut candidates = adjusted;
    candidates.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut found = Vec::new();
    let mut covered = 0;
    for (start, end, sem) in candidates {
        if start < covered {
            continue;
        }
        covered = end;
        found.push((start, end, sem, is_future_context(text, start, end)));
    }
    let quarterly = QUARTER.find_iter(text).take(2).count() >= 2;
    Recognized { found, quarterly }
}

#[cfg(test)]
mod tests;

/// Whether `text` opens with a month's or a weekday's name (whole word).
fn starts_with_calendar_name(text: &str) -> bool {
    let word: String = text.chars().take_while(|c| c.is_alphabetic()).collect();
    !word.is_empty()
        && word.starts_with(char::is_uppercase)
        && crate::language::ENGLISH.calendar_names.contains(&word.to_lowercase().as_str())
}
