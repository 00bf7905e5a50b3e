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

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::{Captures, Regex};
use serde::Serialize;

use crate::model::{Granularity, Resolution, Span};

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    fn parse(s: &str) -> Option<Unit> {
        let s = s.to_ascii_lowercase();
        let s = s.trim_end_matches('s');
        Some(match s {
            "second" => Unit::Second,
            "minute" => Unit::Minute,
            "hour" => Unit::Hour,
            "day" | "night" => Unit::Day,
            "week" | "weekend" => Unit::Week,
            "month" => Unit::Month,
            "quarter" => Unit::Quarter,
            "year" => Unit::Year,
            "decade" => Unit::Decade,
            "century" | "centurie" => Unit::Century,
            _ => return None,
        })
    }

    fn code(self) -> &'static str {
        match self {
            Unit::Second => "S",
            // the ISO 8601 letter is the same; the duration's T part tells
            // minutes (PT5M) from months (P5M)
            Unit::Minute | Unit::Month => "M",
            Unit::Hour => "H",
            Unit::Day => "D",
            Unit::Week => "W",
            Unit::Quarter => "Q",
            Unit::Year => "Y",
            Unit::Decade => "DE",
            Unit::Century => "CE",
        }
    }

    fn granularity(self) -> Granularity {
        match self {
            Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => Granularity::Day,
            Unit::Week => Granularity::Week,
            Unit::Month => Granularity::Month,
            Unit::Quarter => Granularity::Quarter,
            Unit::Year => Granularity::Year,
            Unit::Decade => Granularity::Decade,
            Unit::Century => Granularity::Century,
        }
    }
}

const MONTH: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)";
const WEEKDAY: &str =
    r"(?:[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|[Ff]riday|[Ss]aturday|[Ss]unday)";
const NUMBER: &str = r"(?:\d{1,3}(?:,\d{3})*(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-](?:one|two|three|four|five|six|seven|eight|nine)|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a few|few|several|many|some|a couple of|couple of|dozens of|a dozen|hundreds of)";
const UNIT: &str = r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|months?|quarters?|years?|decades?|century|centuries)";
const PART: &str = r"(?:morning|afternoon|evening|night)";

fn month_number(s: &str) -> Option<u32> {
    let s = s.to_ascii_lowercase();
    let m = match s.get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

/// Whether a lower-case word names a month or a weekday.
#[must_use]
pub fn is_calendar_word(w: &str) -> bool {
    w.len() >= 3 && (month_number(w).is_some() || weekday(w).is_some())
}

fn weekday(s: &str) -> Option<Weekday> {
    s.get(..3)?.to_ascii_lowercase().parse::<Weekday>().ok()
}

fn number(s: &str) -> Option<f64> {
    let s = s.to_ascii_lowercase();
    // twenty-four, thirty five
    if let Some((tens, ones)) = s.split_once([' ', '-']) {
        if let (Some(t), Some(o)) = (number(tens), number(ones)) {
            if t >= 20.0 && o < 10.0 {
                return Some(t + o);
            }
        }
    }
    if let Ok(n) = s.parse::<f64>() {
        return Some(n);
    }
    Some(match s.as_str() {
        "a" | "an" | "one" => 1.0,
        "two" | "a couple of" | "couple of" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" | "a dozen" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        "hundred" => 100.0,
        _ => return None,
    })
}

fn fmt_number(n: Option<f64>) -> String {
    match n {
        #[allow(clippy::cast_possible_truncation)]
        Some(n) if n.fract() == 0.0 => format!("{}", n as i64),
        Some(n) => format!("{n}"),
        None => "X".into(),
    }
}

/// What an expression means before it is resolved.
#[derive(Debug, Clone, Copy)]
enum Sem {
    /// A calendar date with optional parts.
    Absolute {
        year: Option<i32>,
        month: Option<u32>,
        day: Option<u32>,
    },
    Decade(i32),
    Century(i32),
    Season {
        year: Option<i32>,
        season: u8,
        shift: i32,
    },
    Quarter {
        year: Option<i32>,
        quarter: u32,
    },
    Weekday {
        day: Weekday,
        last: bool,
        future: bool,
        part: Option<&'static str>,
    },
    /// Days from the reference ("yesterday" = -1).
    RelDay(i64, Option<&'static str>),
    /// "last week", "this year", "next month".
    RelUnit {
        unit: Unit,
        shift: i64,
    },
    /// "earlier this week": from the start of the unit to the reference;
    /// with `true`, "later this week": from the reference to its end.
    EarlierThis(Unit, bool),
    /// "seven years ago".
    Ago {
        n: Option<f64>,
        unit: Unit,
    },
    /// "the next day", "the day before": relative to the narrative.
    Narrative(i64),
    Duration {
        n: Option<f64>,
        unit: Unit,
    },
    Set(&'static str),
    Ref(&'static str),
    /// "the weekend": the last one before the reference.
    Weekend,
    /// "each July".
    SetMonth(u32),
    /// "the 1988 quarter": the reporting quarter's number in that year.
    ReportingQuarter {
        year: i32,
    },
    /// "that year", "the following month": relative to the last date the
    /// narrative gave (else the reference).
    NarrativeUnit {
        unit: Unit,
        shift: i64,
    },
    /// A public holiday, in the year nearest the reference.
    Holiday(Holiday),
    /// "this year's third quarter" (0), "the year-ago third quarter" (-1).
    QuarterRel {
        quarter: u32,
        year_shift: i32,
    },
    /// "year-end": the last day of the reference year.
    YearEnd,
    /// A month with a relative cue: "last May" (-1), "this June" (0),
    /// "next March" (1), "June last year" (`year_shift`).
    MonthRel {
        month: u32,
        rel: Option<i32>,
        year_shift: Option<i32>,
    },
    /// A reporting period of business news: "the quarter", "the latest
    /// period", "the year-ago quarter" (`years_back` 1), "the year".
    Period {
        unit: Unit,
        years_back: i32,
    },
    /// "a year earlier", "two days later": relative to the reference.
    Shifted {
        n: Option<f64>,
        unit: Unit,
        sign: i64,
    },
    /// A time of day on a weekday or a date: "10 p.m. Wednesday".
    ClockOn {
        hour: u32,
        minute: u32,
        weekday: Option<Weekday>,
        month: Option<u32>,
        day: Option<u32>,
    },
    Clock {
        hour: u32,
        minute: u32,
    },
}

/// Holidays by rule: a fixed day, or one that moves with the year.
#[derive(Debug, Clone, Copy)]
enum Holiday {
    Fixed(u32, u32),
    /// Fourth Thursday of November (United States).
    Thanksgiving,
    /// Western Easter Sunday.
    Easter,
    /// First Monday of September (United States).
    LaborDay,
    /// Last Monday of May (United States).
    MemorialDay,
    /// Tuesday after the first Monday of November (United States).
    ElectionDay,
}

fn nth_weekday(y: i32, m: u32, wd: Weekday, n: u32) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(y, m, wd, u8::try_from(n).ok()?)
}

impl Holiday {
    fn in_year(self, y: i32) -> Option<NaiveDate> {
        match self {
            Holiday::Fixed(m, d) => NaiveDate::from_ymd_opt(y, m, d),
            Holiday::Thanksgiving => nth_weekday(y, 11, Weekday::Thu, 4),
            Holiday::LaborDay => nth_weekday(y, 9, Weekday::Mon, 1),
            Holiday::MemorialDay => {
                let last = NaiveDate::from_ymd_opt(y, 5, 31)?;
                Some(last - Duration::days(i64::from(last.weekday().num_days_from_monday())))
            }
            Holiday::ElectionDay => {
                nth_weekday(y, 11, Weekday::Mon, 1).map(|d| d + Duration::days(1))
            }
            Holiday::Easter => {
                // the anonymous Gregorian algorithm
                let a = y % 19;
                let b = y / 100;
                let c = y % 100;
                let d = b / 4;
                let e = b % 4;
                let f = (b + 8) / 25;
                let g = (b - f + 1) / 3;
                let h = (19 * a + b - d - g + 15) % 30;
                let i = c / 4;
                let k = c % 4;
                let l = (32 + 2 * e + 2 * i - h - k) % 7;
                let m = (a + 11 * h + 22 * l) / 451;
                let month = (h + l - 7 * m + 114) / 31;
                let day = (h + l - 7 * m + 114) % 31 + 1;
                NaiveDate::from_ymd_opt(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
            }
        }
    }
}

struct Family {
    re: Regex,
    build: fn(&Captures) -> Option<Sem>,
}

fn opt_year(c: &Captures, name: &str) -> Option<i32> {
    c.name(name).and_then(|m| m.as_str().parse().ok())
}

static FAMILIES: LazyLock<Vec<Family>> = LazyLock::new(|| {
    let f = |pat: String, build: fn(&Captures) -> Option<Sem>| Family {
        re: regex::RegexBuilder::new(&pat)
            .dfa_size_limit(DFA_CACHE)
            .build()
            .expect("timex pattern compiles"),
        build,
    };
    vec![
        // 2022-01-06
        f(
            r"\b(?P<y>1[5-9]\d\d|20\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b"
                .into(),
            |c| {
                Some(Sem::Absolute {
                    year: opt_year(c, "y"),
                    month: c["m"].parse().ok(),
                    day: c["d"].parse().ok(),
                })
            },
        ),
        // (Wednesday,) January 5(th)(, 2022)
        f(
            format!(
                r"\b(?:{WEEKDAY},?\s+)?(?P<mon>{MONTH})\.?\s+(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>1[5-9]\d\d|20\d\d)\b)?"
            ),
            |c| {
                Some(Sem::Absolute {
                    year: opt_year(c, "y"),
                    month: month_number(&c["mon"]),
                    day: c["d"].parse().ok(),
                })
            },
        ),
        // (Wednesday,) 5(th) (of) January (2022)
        f(
            format!(
                r"\b(?:{WEEKDAY},?\s+)?(?:the\s+)?(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MONTH})\b\.?(?:,?\s+(?P<y>1[5-9]\d\d|20\d\d)\b)?"
            ),
            |c| {
                Some(Sem::Absolute {
                    year: opt_year(c, "y"),
                    month: month_number(&c["mon"]),
                    day: c["d"].parse().ok(),
                })
            },
        ),
        // (early|late|mid-) January 2022
        f(
            format!(r"\b(?:(?:early|late|mid-?)\s*)?(?P<mon>{MONTH})\.?,?\s+(?:of\s+)?(?P<y>1[5-9]\d\d|20\d\d)\b"),
            |c| {
                Some(Sem::Absolute {
                    year: opt_year(c, "y"),
                    month: month_number(&c["mon"]),
                    day: None,
                })
            },
        ),
                // a month with a relative cue: last May, this June, next March
        f(
            format!(r"\b(?P<rel>[Ll]ast|[Tt]his|[Nn]ext)\s+(?P<mon>{MONTH})\b"),
            |c| {
                let rel = match c["rel"].to_ascii_lowercase().as_str() {
                    "last" => -1,
                    "next" => 1,
                    _ => 0,
                };
                Some(Sem::MonthRel { month: month_number(&c["mon"])?, rel: Some(rel), year_shift: None })
            },
        ),
        // June last year, January of this year
        f(
            format!(r"\b(?P<mon>{MONTH})\.?\s+(?:of\s+)?(?P<rel>last|this|next)\s+year\b"),
            |c| {
                let shift = match &c["rel"] {
                    "last" => -1,
                    "next" => 1,
                    _ => 0,
                };
                Some(Sem::MonthRel { month: month_number(&c["mon"])?, rel: None, year_shift: Some(shift) })
            },
        ),
        // a month name alone; "May", "March" and short forms need a cue,
        // being also words
        f(
            format!(
                r"(?:\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Tt]ill|[Tt]hrough|[Dd]uring|[Ff]rom|[Tt]o|[Oo]f|[Oo]n)\s+|\b(?:[Ee]arly|[Ll]ate|[Mm]id-?)\s*)?(?P<mon>{MONTH})\b"
            ),
            |c| {
                let m = c.name("mon")?.as_str();
                let whole = c.get(0)?.as_str();
                if whole == m && (m.len() <= 4 || m == "March" || m == "August") {
                    return None;
                }
                Some(Sem::Absolute { year: None, month: month_number(m), day: None })
            },
        ),
                // the year-ago third quarter, this year's second quarter, the 1988
        // fourth quarter
        f(
            r"(?i)\b(?:the\s+)?(?:(?P<y>1[5-9]\d\d|20\d\d)|(?P<rel>this|last|next)\s+year[’']s|(?P<ago>year-ago|year-earlier))\s+(?:(?P<q>first|second|third|fourth)[\s-]+quarter|(?P<p>quarter|period))\b".into(),
            |c| {
                                // "the 1988 quarter": the reporting quarter of that year
                let quarter = match c.name("q").map(|q| q.as_str().to_ascii_lowercase()).as_deref() {
                    Some("first") => 1,
                    Some("second") => 2,
                    Some("third") => 3,
                    Some(_) => 4,
                    None => 0,
                };
                let shift = match c.name("rel").map(|m| m.as_str().to_ascii_lowercase()).as_deref() {
                    Some("last") => Some(-1),
                    Some("next") => Some(1),
                    Some(_) => Some(0),
                    None => c.name("ago").map(|_| -1),
                };
                                Some(match (opt_year(c, "y"), shift) {
                    (Some(y), _) if quarter == 0 => Sem::ReportingQuarter { year: y },
                    (None, _) if quarter == 0 => Sem::Period { unit: Unit::Quarter, years_back: shift.map_or(0, |s| -s) },
                    (Some(y), _) => Sem::Quarter { year: Some(y), quarter },
                    (None, Some(s)) => Sem::QuarterRel { quarter, year_shift: s },
                    (None, None) => Sem::Quarter { year: None, quarter },
                })
            },
        ),
        // business news periods: the quarter, the latest period, the
        // year-ago quarter, the fiscal year, the week
        f(
            r"(?i)\bthe\s+(?P<mod>(?:latest|current|same|previous|prior|comparable|corresponding|full|fiscal|year-earlier|year-ago)(?:\s+(?:fiscal|year-earlier|year-ago))?\s+)?(?P<u>quarter|period|fiscal\s+year|year|week|weekend|month)\b".into(),
            |c| {
                let m = c.name("mod").map(|m| m.as_str().to_ascii_lowercase()).unwrap_or_default();
                let unit = match c["u"].to_ascii_lowercase().as_str() {
                    "quarter" | "period" => Unit::Quarter,
                    "week" | "weekend" => Unit::Week,
                    "month" => Unit::Month,
                    _ => Unit::Year,
                };
                                let back = ["year-earlier", "year-ago", "comparable", "corresponding", "previous", "prior"];
                let u = c["u"].to_ascii_lowercase();
                // "the year", "the fiscal year": a length of time in TimeML
                if unit == Unit::Year && (m.is_empty() || m.trim() == "fiscal") {
                    return Some(Sem::Duration { n: Some(1.0), unit: Unit::Year });
                }
                if u == "weekend" {
                    return Some(Sem::Weekend);
                }
                // "the previous week", "the prior month": the one before
                // (the narrative's, else the reference day's), not the same
                let before_it = ["previous", "prior"].iter().any(|b| m.trim() == *b);
                if before_it && matches!(unit, Unit::Week | Unit::Month) {
                    return Some(Sem::NarrativeUnit { unit, shift: -1 });
                }
                Some(Sem::Period { unit, years_back: i32::from(back.iter().any(|b| m.contains(b))) })
            },
        ),
        // year-earlier, year-ago, year-end
        f(
                        r"(?i)\b(?:year-(?P<ago>earlier|ago)|year[\s-]end|the\s+end\s+of\s+the\s+year)\b".into(),
            |c| Some(if c.name("ago").is_some() { Sem::RelUnit { unit: Unit::Year, shift: -1 } } else { Sem::YearEnd }),
        ),
        // a year earlier, two days later
        f(
            format!(r"(?i)\b(?P<n>{NUMBER})\s+(?P<u>{UNIT})\s+(?P<dir>earlier|from\s+now|hence)\b"),
            |c| {
                let sign = if c["dir"].eq_ignore_ascii_case("earlier") { -1 } else { 1 };
                Some(Sem::Shifted { n: number(&c["n"]), unit: Unit::parse(&c["u"])?, sign })
            },
        ),
        // spelled-out years: nineteen ninety-six, the year two thousand
        f(
            r"(?i)\b(?:the\s+year\s+)?(?:(?P<c>nineteen|twenty)[\s-](?P<t>ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?P<u>one|two|three|four|five|six|seven|eight|nine))?|two\s+thousand(?:\s+and)?(?:\s+(?P<k>one|two|three|four|five|six|seven|eight|nine|ten))?)\b".into(),
            |c| {
                let y = if let Some(cent) = c.name("c") {
                    let base = if cent.as_str().eq_ignore_ascii_case("nineteen") { 1900.0 } else { 2000.0 };
                    base + number(&c["t"])? + c.name("u").and_then(|u| number(u.as_str())).unwrap_or(0.0)
                } else {
                    2000.0 + c.name("k").and_then(|k| number(k.as_str())).unwrap_or(0.0)
                };
                #[allow(clippy::cast_possible_truncation)]
                Some(Sem::Absolute { year: Some(y as i32), month: None, day: None })
            },
        ),
        // the nineties
        f(
            r"(?i)\bthe\s+(?:early\s+|late\s+|mid-?)?(?P<d>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b".into(),
            |c| {
                let d = match c["d"].to_ascii_lowercase().as_str() {
                    "twenties" => 1920,
                    "thirties" => 1930,
                    "forties" => 1940,
                    "fifties" => 1950,
                    "sixties" => 1960,
                    "seventies" => 1970,
                    "eighties" => 1980,
                    _ => 1990,
                };
                Some(Sem::Decade(d))
            },
        ),
                // for weeks, in recent years, over the coming months
        f(
            r"(?i)\b(?:(?:for|over|within|in|after)\s+(?:the\s+)?(?:coming\s+|next\s+|past\s+|last\s+)?|the\s+(?:coming|past)\s+|coming\s+)(?P<u>days|weeks|months|years|decades)\b".into(),
            |c| Some(Sem::Duration { n: None, unit: Unit::parse(&c["u"])? }),
        ),
        // holidays: Christmas, New Year's Day, Thanksgiving, Easter
        f(
            r"(?i)\b(?P<h>Christmas(?:\s+(?:Day|Eve))?|New\s+Year[’']?s(?:\s+(?:Day|Eve))?|Thanksgiving(?:\s+Day)?|Easter(?:\s+(?:Sunday|Day))?|Halloween|Valentine[’']?s\s+Day|Independence\s+Day|Labou?r\s+Day|Memorial\s+Day|Election\s+Day)\b".into(),
            |c| {
                let h = c["h"].to_ascii_lowercase();
                let holiday = if h.starts_with("christmas") && h.ends_with("eve") {
                    Holiday::Fixed(12, 24)
                } else if h.starts_with("christmas") {
                    Holiday::Fixed(12, 25)
                } else if h.starts_with("new") && h.ends_with("eve") {
                    Holiday::Fixed(12, 31)
                } else if h.starts_with("new") {
                    Holiday::Fixed(1, 1)
                } else if h.starts_with("halloween") {
                    Holiday::Fixed(10, 31)
                } else if h.starts_with("valentine") {
                    Holiday::Fixed(2, 14)
                } else if h.starts_with("independence") {
                    Holiday::Fixed(7, 4)
                } else if h.starts_with("thanksgiving") {
                    Holiday::Thanksgiving
                } else if h.starts_with("easter") {
                    Holiday::Easter
                } else if h.starts_with("labo") {
                    Holiday::LaborDay
                } else if h.starts_with("memorial") {
                    Holiday::MemorialDay
                } else {
                    Holiday::ElectionDay
                };
                Some(Sem::Holiday(holiday))
            },
        ),
        // midday
        f(r"(?i)\bmidday\b".into(), |_| Some(Sem::Clock { hour: 12, minute: 0 })),
        // a time on a day: 10 p.m. Wednesday, noon Thursday, 5 p.m. EST Nov. 9
        f(
            format!(r"(?i)\b(?:(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b)|(?P<w>noon|midnight))\s*(?:(?:EST|EDT|CST|CDT|PST|PDT|GMT|UTC)\b)?,?\s+(?:on\s+)?(?:(?P<wd>{WEEKDAY})|(?P<mon>{MONTH})\.?\s+(?P<d>[12]\d|3[01]|0?[1-9])\b)"),
            |c| {
                let (hour, minute) = clock(c)?;
                Some(Sem::ClockOn {
                    hour,
                    minute,
                    weekday: c.name("wd").and_then(|w| weekday(w.as_str())),
                    month: c.name("mon").and_then(|m| month_number(m.as_str())),
                    day: c.name("d").and_then(|d| d.as_str().parse().ok()),
                })
            },
        ),

        // decades: the 1990s, the '90s, the early 2000s
        f(
            r"\b(?:the\s+)?(?:(?:early|late|mid-?)\s*)?(?P<dec>1[5-9]\d0|20\d0)'?s\b".into(),
            |c| c["dec"].parse().ok().map(Sem::Decade),
        ),
        // centuries: the 19th century
        f(
            r"(?i)\b(?:the\s+)?(?:(?:early|late|mid-?)\s*)?(?P<c>1\d|20|21|[2-9])(?:st|nd|rd|th)[\s-]+century\b".into(),
            |c| c["c"].parse().ok().map(Sem::Century),
        ),
        // years: 2019, with guards against counts and amounts
        f(
            r"\b(?:(?:early|late|mid-?)\s*)?(?P<y>1[5-9]\d\d|20\d\d)\b".into(),
            |c| Some(Sem::Absolute { year: opt_year(c, "y"), month: None, day: None }),
        ),
        // quarters
        f(
            r"(?i)\b(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter\b(?:\s+of\s+(?P<y>1[5-9]\d\d|20\d\d)\b)?".into(),
            |c| {
                let q = match c["q"].to_ascii_lowercase().as_str() {
                    "first" | "1st" => 1,
                    "second" | "2nd" => 2,
                    "third" | "3rd" => 3,
                    _ => 4,
                };
                Some(Sem::Quarter { year: opt_year(c, "y"), quarter: q })
            },
        ),
        // seasons: (last|this|next|early|late) summer (of 2021); "fall" only
        // with a cue, since it is also a verb
        f(
            r"(?i)\b(?:(?P<shift>last|this|next|early|late|the)\s+)?(?P<s>spring|summer|autumn|winter|fall)\b(?:\s+(?:of\s+)?(?P<y>1[5-9]\d\d|20\d\d)\b)?".into(),
            |c| {
                let s = c["s"].to_ascii_lowercase();
                if s == "fall" && c.name("shift").is_none() && c.name("y").is_none() {
                    return None;
                }
                let season = match s.as_str() {
                    "spring" => 0,
                    "summer" => 1,
                    "autumn" | "fall" => 2,
                    _ => 3,
                };
                let shift = match c.name("shift").map(|m| m.as_str().to_ascii_lowercase()).as_deref() {
                    Some("last") => -1,
                    Some("next") => 1,
                    _ => 0,
                };
                Some(Sem::Season { year: opt_year(c, "y"), season, shift })
            },
        ),
        // weekdays: (last|next|this) Wednesday (evening), late Wednesday
        f(
            format!(r"\b(?:(?P<mod>[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming|[Ll]ate|[Ee]arly)\s+)?(?P<wd>{WEEKDAY})(?:\s+(?P<part>{PART}))?\b"),
            |c| {
                let m = c.name("mod").map(|m| m.as_str().to_ascii_lowercase());
                                Some(Sem::Weekday {
                    day: weekday(&c["wd"])?,
                    future: matches!(m.as_deref(), Some("next" | "coming")),
                    last: m.as_deref() == Some("last"),
                    part: c.name("part").map(|p| part_code(p.as_str())),
                })
            },
        ),
        // yesterday, today, tomorrow, tonight, this morning, last night
        f(
            format!(r"(?i)\b(?:the\s+day\s+(?P<dby>before\s+yesterday|after\s+tomorrow)|(?P<w>yesterday|today|tomorrow|tonight)(?:\s+(?P<part>{PART}))?|(?P<rel>this|last)\s+(?P<part2>{PART}))\b"),
            |c| {
                if let Some(m) = c.name("dby") {
                    let off = if m.as_str().to_ascii_lowercase().starts_with("before") { -2 } else { 2 };
                    return Some(Sem::RelDay(off, None));
                }
                if let Some(w) = c.name("w") {
                    let w = w.as_str().to_ascii_lowercase();
                    let (off, part) = match w.as_str() {
                        "yesterday" => (-1, None),
                        "tomorrow" => (1, None),
                        "tonight" => (0, Some("NI")),
                        _ => (0, None),
                    };
                    return Some(Sem::RelDay(off, c.name("part").map(|p| part_code(p.as_str())).or(part)));
                }
                let rel = c["rel"].to_ascii_lowercase();
                let part = part_code(&c["part2"]);
                let off = if rel == "last" && part == "NI" { -1 } else { 0 };
                Some(Sem::RelDay(off, Some(part)))
            },
        ),
        // earlier/later this week
        f(
            r"(?i)\b(?P<dir>earl[a-z]{2,4}|later)\s+(?:this|that)\s+(?P<u>week|month|year)\b".into(),
            |c| Some(Sem::EarlierThis(Unit::parse(&c["u"])?, c["dir"].eq_ignore_ascii_case("later"))),
        ),
        // last week, this year, next month, the previous year
        f(
            r"(?i)\b(?P<rel>last|this|next|past|coming|current|previous|following|the\s+previous|the\s+following|the\s+coming|the\s+past)\s+(?P<u>week|weekend|month|quarter|year|decade|century)\b".into(),
            |c| {
                let rel = c["rel"].to_ascii_lowercase();
                let rel = rel.trim_start_matches("the").trim();
                let u = Unit::parse(&c["u"])?;
                Some(match rel {
                                        // "the past year" is the year before; "the past week" a
                    // length of time
                                        // "the previous year", "the following month": next to the
                    // last date the narrative gave
                    "previous" | "following" if c["rel"].to_ascii_lowercase().starts_with("the") => {
                        Sem::NarrativeUnit { unit: u, shift: if rel == "previous" { -1 } else { 1 } }
                    }
                    "last" | "past" if c["rel"].to_ascii_lowercase().starts_with("the") && u == Unit::Year => Sem::RelUnit { unit: u, shift: -1 },
                    "last" | "past" | "previous" if c["rel"].to_ascii_lowercase().starts_with("the") => Sem::Duration { n: Some(1.0), unit: u },
                    "last" | "past" | "previous" => Sem::RelUnit { unit: u, shift: -1 },
                    "next" | "coming" | "following" => Sem::RelUnit { unit: u, shift: 1 },
                    _ => Sem::RelUnit { unit: u, shift: 0 },
                })
            },
        ),
                // that year, that week: the narrative's
        f(
            r"(?i)\bthat\s+(?P<u>year|month|week|day)\b".into(),
            |c| Some(Sem::NarrativeUnit { unit: Unit::parse(&c["u"])?, shift: 0 }),
        ),
        // seven years ago
        f(
            format!(r"(?i)\b(?P<n>{NUMBER})\s+(?:more\s+)?(?P<u>{UNIT})\s+ago\b"),
            |c| Some(Sem::Ago { n: number(&c["n"]), unit: Unit::parse(&c["u"])? }),
        ),
        // the next day, the following week, the day before
        f(
            r"(?i)\b(?:the\s+(?P<dir>next|following|previous)\s+(?P<u>day|morning|evening|night)|the\s+(?P<u2>day)\s+(?P<dir2>before|after))\b".into(),
            |c| {
                let dir = c.name("dir").or(c.name("dir2")).map(|m| m.as_str().to_ascii_lowercase())?;
                let off = if matches!(dir.as_str(), "previous" | "before") { -1 } else { 1 };
                Some(Sem::Narrative(off))
            },
        ),
        // durations: 30 years, three days, a decade, 30-year, the past three years
        f(
            format!(r"(?i)\b(?:(?:the\s+)?(?:past|last|next|first|coming)\s+)?(?P<n>{NUMBER})(?:\s+|-)(?:more\s+|full\s+|long\s+)?(?P<u>{UNIT})\b(?:-long\b)?"),
            |c| Some(Sem::Duration { n: number(&c["n"]), unit: Unit::parse(&c["u"])? }),
        ),
        // sets: every year, each season, daily
        f(
                                    format!(r"(?i)\b(?:(?:every|each)\s+(?P<u>day|week|month|quarter|year|season|morning|evening|night|{WEEKDAY}|{MONTH})|(?P<adv>daily|weekly|monthly|annually|yearly|nightly|hourly))\b"),
            |c| {
                                                let w = c.name("u").or(c.name("adv")).map(|m| m.as_str().to_ascii_lowercase())?;
                Some(Sem::Set(match w.as_str() {
                    "day" | "daily" => "P1D",
                    "week" | "weekly" => "P1W",
                    "month" | "monthly" => "P1M",
                    "year" | "annually" | "yearly" => "P1Y",
                                        "nightly" => "XXXX-XX-XXTNI",
                    "quarter" => "P1Q",
                    m if month_number(m).is_some() && !m.ends_with("day") => {
                        return Some(Sem::SetMonth(month_number(m)?));
                    }
                    "hourly" => "PT1H",
                    "season" => "P1S",
                    "morning" => "XXXX-XX-XXTMO",
                    "evening" => "XXXX-XX-XXTEV",
                    "night" => "XXXX-XX-XXTNI",
                    "monday" => "XXXX-WXX-1",
                    "tuesday" => "XXXX-WXX-2",
                    "wednesday" => "XXXX-WXX-3",
                    "thursday" => "XXXX-WXX-4",
                    "friday" => "XXXX-WXX-5",
                    "saturday" => "XXXX-WXX-6",
                    _ => "XXXX-WXX-7",
                }))
            },
        ),
        // now, recently, currently, the past, the future
        f(
                        r"(?i)\b(?P<w>now|nowadays|currently|current|recently|recent(?:\s+(?:years|months|weeks|days))?|these\s+days|in\s+the\s+past|in\s+the\s+(?:near\s+|distant\s+)?future|the\s+past|the\s+(?:near\s+|distant\s+)?future|the\s+(?:near|short)\s+term)\b".into(),
                        |c| {
                let w = c["w"].to_ascii_lowercase();
                if let Some(u) = w.strip_prefix("recent").filter(|u| u.starts_with(char::is_whitespace)).map(str::trim) {
                    return Some(Sem::Duration { n: None, unit: Unit::parse(u)? });
                }
                Some(Sem::Ref(if w.contains("future") || w == "soon" || w.ends_with("term") {
                    "FUTURE_REF"
                } else if matches!(w.as_str(), "now" | "nowadays" | "currently" | "current") || w.starts_with("these") {
                    "PRESENT_REF"
                } else {
                    "PAST_REF"
                }))
            },
        ),
        // clock times: 10:30 a.m., 5 pm, noon, midnight
        f(
            r"(?i)\b(?:(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b)|(?P<w>noon|midnight))".into(),
                        |c| clock(c).map(|(hour, minute)| Sem::Clock { hour, minute }),
        ),
    ]
});

/// Hour and minute of a clock match (groups h, mi, ap, or w for noon and
/// midnight).
fn clock(c: &Captures) -> Option<(u32, u32)> {
    if let Some(w) = c.name("w") {
        return Some((if w.as_str().eq_ignore_ascii_case("noon") { 12 } else { 0 }, 0));
    }
    let mut hour: u32 = c.name("h")?.as_str().parse().ok()?;
    let minute = c.name("mi").map_or(Some(0), |m| m.as_str().parse().ok())?;
    let pm = c.name("ap")?.as_str().to_ascii_lowercase().starts_with('p');
    if hour > 12 {
        return None;
    }
    if pm && hour < 12 {
        hour += 12;
    } else if !pm && hour == 12 {
        hour = 0;
    }
    Some((hour, minute))
}

fn part_code(s: &str) -> &'static str {
    match s.to_ascii_lowercase().as_str() {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        _ => "NI",
    }
}

/// Words after a bare number that show it counts things, so "2000" in
/// "2000 protesters" is no year.
fn looks_like_count(text: &str, start: usize, end: usize) -> bool {
    let language = &crate::language::ENGLISH;
    let before = text[..start].trim_end();
    if before.ends_with(['$', '€', '£', '¥', '#', '№'])
        || before.ends_with(|c: char| c.is_ascii_digit() || c == ',' || c == '.')
            && !before.ends_with(". ")
            && text[..start].ends_with(|c: char| !c.is_whitespace())
    {
        return true;
    }
    let prev_word =
        before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_ascii_lowercase();
    if language.cues_count(&prev_word) {
        return true;
    }
    let after = &text[end..];
    if after.starts_with(['%', '-']) && !after.starts_with("-2") && !after.starts_with("-1") {
        return true;
    }
    let next_word: String = after
        .trim_start_matches([' ', '\u{a0}'])
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    let next = next_word.to_ascii_lowercase();
    language.counts(&next)
}

/// "quarter" in any case: two of them make a report of quarterly results.
static QUARTER: LazyLock<Regex> = LazyLock::new(|| Regex::new("(?i)quarter").expect("regex"));

/// Lazy DFA cache per pattern: large enough that case-insensitive
/// alternations are determinized once, not again and again.
const DFA_CACHE: usize = 64 << 20;

/// All family patterns in one set, to pick the families worth running on
/// a window.
///
/// The set is a prefilter, so its word boundaries are ASCII ones: next to
/// the ASCII letters and digits of the patterns an ASCII boundary is found
/// wherever a Unicode one is (and next to any non-ASCII character), so the
/// set still selects every family that can match, and the families
/// themselves decide with Unicode boundaries. With Unicode boundaries the
/// regex crate's lazy DFA gives up at the first non-ASCII byte (a curly
/// quote, an accent) and a slower engine runs: 34 times slower on news
/// with typographic quotes.
static FAMILY_SET: LazyLock<regex::RegexSet> = LazyLock::new(|| {
    regex::RegexSetBuilder::new(FAMILIES.iter().map(|f| ascii_boundaries(f.re.as_str())))
        .dfa_size_limit(DFA_CACHE)
        .build()
        .expect("family patterns compile as a set")
});

/// `pattern` with its word boundaries (`\b`) made ASCII ones (`(?-u:\b)`),
/// for prefilters (see [`FAMILY_SET`]). An escaped backslash is left alone.
fn ascii_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('b') => out.push_str("(?-u:\\b)"),
                Some(n) => {
                    out.push('\\');
                    out.push(n);
                }
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Words without which no pattern family can match: the fast first pass.
/// Of numbers only years, clock times and decades are anchors: a day number
/// comes with a month, a count with its unit. Its boundaries are ASCII ones,
/// as [`FAMILY_SET`]'s are, for the same reason.
static ANCHOR: LazyLock<Regex> = LazyLock::new(|| {
    regex::RegexBuilder::new(&format!(
        r"(?i)[0-9]|(?-u:\b)(?:{MONTH}|{WEEKDAY}|yesterday|today|tomorrow|tonight|now|nowadays|currently|recently|lately|formerly|previously|past|future|weeks?|weekends?|months?|quarters?|years?|decades?|century|centuries|days?|nights?|morning|afternoon|evening|spring|summer|autumn|winter|fall|noon|midnight|daily|weekly|monthly|annually|yearly|nightly|hourly|hours?|minutes?|seconds?|midday|christmas|easter|thanksgiving|halloween|current|recent|term|nineteen|thousand)(?-u:\b)"
    ))
    .dfa_size_limit(DFA_CACHE)
    .build()
    .expect("anchor pattern compiles")
});

/// How far around an anchor a time expression may reach, in bytes.
const REACH_BEFORE: usize = 40;
const REACH_AFTER: usize = 40;

/// Whether the digits at `a..b` can begin a time expression on their own: a
/// year, an ISO date, a clock time or a decade ("'90s"). Other numbers
/// ("$2.5 million", "15%") need a word anchor (a month, a unit) to matter.
fn is_time_number(text: &str, a: usize, b: usize) -> bool {
    let digits = &text[a..b];
    let after = &text[b..];
    let before = text[..a].chars().next_back();
    if before.is_some_and(|c| c == ',' || c == '.') {
        return false;
    }
    match digits.len() {
        4 => matches!(&digits[..2], "15" | "16" | "17" | "18" | "19" | "20"),
        1 | 2 => {
            let rest = after.trim_start().as_bytes();
            after.starts_with(':')
                || matches!(rest.first(), Some(b'a' | b'p' | b'A' | b'P'))
                    && matches!(rest.get(1), Some(b'.' | b'm' | b'M'))
                || before == Some('\'') && after.starts_with('s')
        }
        _ => false,
    }
}

/// The parts of `text` where time expressions can be: windows around the
/// anchor words, widened to white space and merged. News text is mostly
/// free of them, so the pattern families run on a fraction of it.
fn windows(text: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut skip_to = 0;
    for m in ANCHOR.find_iter(text) {
        if m.start() < skip_to {
            continue;
        }
        if m.as_str().as_bytes()[0].is_ascii_digit() {
            let run = text[m.start()..].bytes().take_while(u8::is_ascii_digit).count();
            skip_to = m.start() + run;
            if !is_time_number(text, m.start(), skip_to) {
                continue;
            }
        }
        let mut a = floor_char(text, m.start().saturating_sub(REACH_BEFORE));
        // start at a word boundary, so `\b` at the window start is real
        if let Some(i) = text[a..m.start()].find(char::is_whitespace) {
            if a > 0 {
                a += i;
            }
        }
        let mut b = floor_char(text, (m.end() + REACH_AFTER).min(text.len()));
        if b < text.len() {
            b = text[..b].rfind(char::is_whitespace).filter(|&i| i >= m.end()).unwrap_or(b);
        }
        match out.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

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
    let mut candidates: Vec<(usize, usize, Sem)> = Vec::new();
    for (w0, w1) in windows(text) {
        let window = &text[w0..w1];
        // one pass says which families can match here at all
        for i in &FAMILY_SET.matches(window) {
            let fam = &FAMILIES[i];
            for c in fam.re.captures_iter(window) {
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
        // year-ago period"
        if text[end..].starts_with('-')
            && text[end + 1..].starts_with(char::is_alphabetic)
            && !matches!(sem, Sem::Duration { .. })
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

/// Whether the words around an expression point to the future ("will meet
/// on Friday"), which turns the news past bias round.
fn is_future_context(text: &str, start: usize, end: usize) -> bool {
    let mut lo = floor_char(text, start.saturating_sub(FUTURE_BEFORE));
    let mut hi = floor_char(text, (end + FUTURE_AFTER).min(text.len()));
    // within the sentence only
    if let Some(i) = text[lo..start].rfind(['.', '!', '?', '\n']) {
        lo += i + 1;
    }
    if let Some(i) = text[end..hi].find(['.', '!', '?', '\n']) {
        hi = end + i;
    }
    let window = text[lo..hi].to_ascii_lowercase();
    let words: Vec<&str> = window.split(|c: char| !c.is_alphanumeric() && c != '\'').collect();
    words.iter().any(|w| matches!(*w, "will" | "shall" | "'ll" | "scheduled" | "upcoming"))
        || window.contains("going to")
        || window.contains("is due")
        || window.contains("are due")
}

/// How far before and after an expression its sentence is searched for a
/// future auxiliary, in bytes.
const FUTURE_BEFORE: usize = 90;
const FUTURE_AFTER: usize = 30;

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

type Normalized = (TimexType, String, Option<Span>, Option<Granularity>, Resolution);

fn rel_res(ctx: &Context) -> Resolution {
    if ctx.reference.is_some() {
        ctx.relative()
    } else {
        Resolution::Explicit
    }
}

fn week_start(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

fn shift_months(d: NaiveDate, months: i64) -> Option<NaiveDate> {
    let total = i64::from(d.year()) * 12 + i64::from(d.month0()) + months;
    let y = i32::try_from(total.div_euclid(12)).ok()?;
    let m = u32::try_from(total.rem_euclid(12)).ok()? + 1;
    NaiveDate::from_ymd_opt(y, m, 1)
}

/// The span of the `unit` containing `d`, shifted by `shift` units.
fn unit_span(d: NaiveDate, unit: Unit, shift: i64) -> Option<Span> {
    Some(match unit {
        Unit::Second | Unit::Minute | Unit::Hour => Span::day(d),
        Unit::Day => Span::day(d + Duration::days(shift)),
        Unit::Week => {
            let lo = week_start(d) + Duration::weeks(shift);
            Span { lo, hi: lo + Duration::days(6) }
        }
        Unit::Month => {
            let lo = shift_months(d, shift)?;
            Span::month(lo.year(), lo.month())?
        }
        Unit::Quarter => {
            let lo = shift_months(d, shift * 3 - i64::from(d.month0() % 3))?;
            let hi = shift_months(lo, 3)?.pred_opt()?;
            Span { lo, hi }
        }
        Unit::Year => Span::year(d.year() + i32::try_from(shift).ok()?)?,
        Unit::Decade => {
            let y = d.year().div_euclid(10) * 10 + i32::try_from(shift).ok()? * 10;
            Span { lo: Span::year(y)?.lo, hi: Span::year(y + 9)?.hi }
        }
        Unit::Century => {
            let y = d.year().div_euclid(100) * 100 + i32::try_from(shift).ok()? * 100;
            Span { lo: Span::year(y)?.lo, hi: Span::year(y + 99)?.hi }
        }
    })
}

fn span_value(span: Span, unit: Unit) -> String {
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => {
            span.lo.format("%Y-%m-%d").to_string()
        }
        Unit::Week => {
            let w = span.lo.iso_week();
            format!("{:04}-W{:02}", w.year(), w.week())
        }
        Unit::Month => span.lo.format("%Y-%m").to_string(),
        Unit::Quarter => format!("{:04}-Q{}", span.lo.year(), span.lo.month0() / 3 + 1),
        Unit::Year => format!("{:04}", span.lo.year()),
        Unit::Decade => format!("{:03}", span.lo.year().div_euclid(10)),
        Unit::Century => format!("{:02}", span.lo.year().div_euclid(100)),
    }
}

/// The year for a year-less month (and day): the one that puts the date
/// nearest the reference, so "December 28" in a January article is the
/// December before.
/// How many days after the day of writing a year-less date may lie and
/// still be read as ahead (scheduled) rather than as last year's.
const AHEAD_DAYS: i64 = 120;

fn complete_year(month: u32, day: Option<u32>, ctx: &Context, future: bool) -> Option<(i32, bool)> {
    if let Some(r) = ctx.reference {
        // news dates a few months ahead of the day of writing are mostly
        // scheduled ("payable Dec. 15"); further ahead, the text means the
        // last one ("profit fell in March", written in October)
        let ahead = if future { 366 } else { AHEAD_DAYS };
        let y = [r.year() + 1, r.year(), r.year() - 1].into_iter().find(|&y| {
            NaiveDate::from_ymd_opt(y, month, day.unwrap_or(1).min(28))
                .is_some_and(|d| (d - r).num_days() <= ahead)
        })?;
        return Some((y, y == r.year()));
    }
    ctx.year.map(|y| (y, true))
}

#[allow(clippy::too_many_lines)]
/// The reporting quarter a year back: what "a year ago" means in a report
/// of quarterly results.
fn year_ago_quarter(ctx: &Context, rel: Resolution) -> Option<Normalized> {
    let r = ctx.reference?;
    let q = unit_span(r, Unit::Quarter, -1)?;
    let lo = NaiveDate::from_ymd_opt(q.lo.year() - 1, q.lo.month(), 1)?;
    let span = unit_span(lo, Unit::Quarter, 0)?;
    Some((
        TimexType::Date,
        span_value(span, Unit::Quarter),
        Some(span),
        Some(Granularity::Quarter),
        rel,
    ))
}

/// What the narrative has said so far: the last day, and the last date of
/// any precision written out.
#[derive(Debug, Clone, Copy)]
struct Narrative {
    day: Option<Span>,
    any: Option<Span>,
}

fn normalize(
    sem: Sem,
    ctx: &Context,
    told: Narrative,
    future: bool,
    quarterly: bool,
) -> Normalized {
    let last = told.day;
    let date = |span: Option<Span>, value: String, g: Granularity, r: Resolution| {
        (TimexType::Date, value, span, Some(g), r)
    };
    let rel = ctx.relative();
    match sem {
        Sem::Absolute { year, month, day } => {
            let (year, res) = match (year, month) {
                (Some(y), _) => (Some(y), Resolution::Explicit),
                (None, Some(m)) => match complete_year(m, day, ctx, future) {
                    // the document's own year completes the date: still
                    // explicit; another year is a choice made relative to it
                    Some((y, true)) => (Some(y), Resolution::Explicit),
                    Some((y, false)) => (Some(y), rel),
                    None => (None, Resolution::Explicit),
                },
                (None, None) => (None, Resolution::Explicit),
            };
            match (year, month, day) {
                (Some(y), Some(m), Some(d)) => match NaiveDate::from_ymd_opt(y, m, d) {
                    Some(nd) => date(
                        Some(Span::day(nd)),
                        nd.format("%Y-%m-%d").to_string(),
                        Granularity::Day,
                        res,
                    ),
                    None => date(None, format!("{y:04}-{m:02}-{d:02}"), Granularity::Day, res),
                },
                (Some(y), Some(m), None) => {
                    date(Span::month(y, m), format!("{y:04}-{m:02}"), Granularity::Month, res)
                }
                (Some(y), None, _) => {
                    date(Span::year(y), format!("{y:04}"), Granularity::Year, res)
                }
                (None, Some(m), Some(d)) => {
                    date(None, format!("XXXX-{m:02}-{d:02}"), Granularity::Day, res)
                }
                (None, Some(m), None) => {
                    date(None, format!("XXXX-{m:02}"), Granularity::Month, res)
                }
                (None, None, _) => date(None, "XXXX".into(), Granularity::Year, res),
            }
        }
        Sem::Decade(y) => {
            let span =
                Span::year(y).zip(Span::year(y + 9)).map(|(a, b)| Span { lo: a.lo, hi: b.hi });
            date(span, format!("{:03}", y / 10), Granularity::Decade, Resolution::Explicit)
        }
        Sem::Century(c) => {
            let y = (c - 1) * 100;
            let span =
                Span::year(y).zip(Span::year(y + 99)).map(|(a, b)| Span { lo: a.lo, hi: b.hi });
            date(span, format!("{:02}", c - 1), Granularity::Century, Resolution::Explicit)
        }
        Sem::Season { year, season, shift } => {
            let code = ["SP", "SU", "FA", "WI"][usize::from(season)];
            let (y, res) = match (year, ctx.reference) {
                (Some(y), _) => (Some(y), Resolution::Explicit),
                (None, Some(r)) => (Some(r.year() + shift), rel),
                (None, None) => (ctx.year.map(|y| y + shift), Resolution::Explicit),
            };
            let span = y.and_then(|y| {
                let (lo_m, months) = [(3, 3), (6, 3), (9, 3), (12, 3)][usize::from(season)];
                let lo = NaiveDate::from_ymd_opt(y, lo_m, 1)?;
                Some(Span { lo, hi: shift_months(lo, months)?.pred_opt()? })
            });
            let v = y.map_or_else(|| format!("XXXX-{code}"), |y| format!("{y:04}-{code}"));
            date(span, v, Granularity::Season, res)
        }
        Sem::Quarter { year, quarter } => {
            let (y, res) = match (year, ctx.reference) {
                (Some(y), _) => (Some(y), Resolution::Explicit),
                // a quarter not yet begun is last year's, unless told ahead
                (None, Some(r)) if quarter > r.month0() / 3 + 1 && !future => {
                    (Some(r.year() - 1), rel)
                }
                (None, Some(r)) => (Some(r.year()), rel),
                (None, None) => (ctx.year, Resolution::Explicit),
            };
            let span = y.and_then(|y| {
                let lo = NaiveDate::from_ymd_opt(y, (quarter - 1) * 3 + 1, 1)?;
                Some(Span { lo, hi: shift_months(lo, 3)?.pred_opt()? })
            });
            let v = y.map_or_else(|| format!("XXXX-Q{quarter}"), |y| format!("{y:04}-Q{quarter}"));
            date(span, v, Granularity::Quarter, res)
        }
        Sem::Weekday { day, future: fut, last, part } => {
            let Some(r) = ctx.reference else {
                let v = format!("XXXX-WXX-{}", day.number_from_monday());
                return date(None, v, Granularity::Day, rel);
            };
            let back = i64::from(
                (7 + r.weekday().num_days_from_monday() - day.num_days_from_monday()) % 7,
            );
            let d = if last {
                // "last Monday": the Monday of the previous week
                week_start(r) - Duration::days(7)
                    + Duration::days(i64::from(day.num_days_from_monday()))
            } else if fut || future {
                let fwd = i64::from(
                    (7 + day.num_days_from_monday() - r.weekday().num_days_from_monday()) % 7,
                );
                // "next Thursday" said on a Thursday is a week on
                r + Duration::days(if fut && fwd == 0 { 7 } else { fwd })
            } else {
                r - Duration::days(back)
            };
            let mut v = d.format("%Y-%m-%d").to_string();
            if let Some(p) = part {
                v.push('T');
                v.push_str(p);
            }
            date(Some(Span::day(d)), v, Granularity::Day, rel)
        }
        Sem::RelDay(off, part) => {
            let Some(r) = ctx.reference else {
                let v = match off {
                    0 => "PRESENT_REF".to_string(),
                    o if o < 0 => "PAST_REF".into(),
                    _ => "FUTURE_REF".into(),
                };
                return date(None, v, Granularity::Day, rel);
            };
            let d = r + Duration::days(off);
            let mut v = d.format("%Y-%m-%d").to_string();
            if let Some(p) = part {
                v.push('T');
                v.push_str(p);
            }
            let kind = if part.is_some() { TimexType::Time } else { TimexType::Date };
            (kind, v, Some(Span::day(d)), Some(Granularity::Day), rel)
        }
        Sem::RelUnit { unit, shift } => {
            let Some(r) = ctx.reference else {
                let v = match shift.cmp(&0) {
                    std::cmp::Ordering::Equal => "PRESENT_REF",
                    std::cmp::Ordering::Less => "PAST_REF",
                    std::cmp::Ordering::Greater => "FUTURE_REF",
                };
                return date(None, v.into(), unit.granularity(), rel);
            };
            let span = unit_span(r, unit, shift);
            let v = span.map_or_else(|| "XXXX".into(), |s| span_value(s, unit));
            date(span, v, unit.granularity(), rel)
        }
        Sem::EarlierThis(unit, later) => {
            let Some(r) = ctx.reference else {
                return date(None, "PAST_REF".into(), unit.granularity(), rel);
            };
            let whole = unit_span(r, unit, 0);
            let v = whole.map_or_else(|| "XXXX".into(), |s| span_value(s, unit));
            // the part of the unit up to the reference day
            let span = whole.map(|s| {
                if later {
                    Span { lo: r.max(s.lo), hi: s.hi }
                } else {
                    Span { lo: s.lo, hi: r.min(s.hi) }
                }
            });
            date(span, v, Granularity::Week.max(unit.granularity()), rel)
        }
        Sem::Ago { n: Some(n), unit: Unit::Year }
        | Sem::Shifted { n: Some(n), unit: Unit::Year, sign: -1 }
            if quarterly && (n - 1.0).abs() < f64::EPSILON && ctx.reference.is_some() =>
        {
            year_ago_quarter(ctx, rel).expect("reference is set")
        }
        Sem::Ago { n, unit } => {
            let Some(r) =
                ctx.reference.or_else(|| ctx.year.and_then(|y| NaiveDate::from_ymd_opt(y, 7, 1)))
            else {
                return date(None, "PAST_REF".into(), unit.granularity(), rel);
            };
            let Some(n) = n.filter(|n| n.fract() == 0.0) else {
                return date(None, "PAST_REF".into(), unit.granularity(), rel);
            };
            #[allow(clippy::cast_possible_truncation)]
            let n = n as i64;
            let res = if ctx.reference.is_some() { rel } else { Resolution::Inferred };
            // at the unit's own precision: "seven years ago" is a year
            let span = unit_span(r, unit, -n);
            let v = span.map_or_else(|| "PAST_REF".into(), |s| span_value(s, unit));
            date(span, v, unit.granularity(), res)
        }
        Sem::Narrative(off) => match last {
            Some(s) => {
                let d = s.lo + Duration::days(off);
                date(
                    Some(Span::day(d)),
                    d.format("%Y-%m-%d").to_string(),
                    Granularity::Day,
                    Resolution::Narrative,
                )
            }
            None => date(None, "XXXX-XX-XX".into(), Granularity::Day, Resolution::Narrative),
        },
        Sem::MonthRel { month, rel, year_shift } => {
            let Some(r) =
                ctx.reference.or_else(|| ctx.year.and_then(|y| NaiveDate::from_ymd_opt(y, 7, 1)))
            else {
                return date(None, format!("XXXX-{month:02}"), Granularity::Month, rel_res(ctx));
            };
            let y = match (rel, year_shift) {
                (_, Some(s)) => r.year() + s,
                // the last one before this month
                (Some(-1), _) if month < r.month() => r.year(),
                (Some(-1), _) => r.year() - 1,
                (Some(1), _) if month <= r.month() => r.year() + 1,
                _ => r.year(),
            };
            date(
                Span::month(y, month),
                format!("{y:04}-{month:02}"),
                Granularity::Month,
                rel_res(ctx),
            )
        }
        Sem::Period { unit, years_back } => {
            let Some(r) = ctx.reference else {
                return date(None, "XXXX".into(), unit.granularity(), rel);
            };
            let span = match unit {
                // the reporting quarter: the last one completed
                Unit::Quarter => unit_span(r, Unit::Quarter, -1).and_then(|q| {
                    let lo = NaiveDate::from_ymd_opt(q.lo.year() - years_back, q.lo.month(), 1)?;
                    unit_span(lo, Unit::Quarter, 0)
                }),
                Unit::Year => Span::year(r.year() - years_back),
                u => unit_span(r, u, 0),
            };
            let v = span.map_or_else(|| "XXXX".into(), |s| span_value(s, unit));
            date(span, v, unit.granularity(), rel)
        }
        Sem::Shifted { n, unit, sign } => {
            let (Some(r), Some(n)) = (ctx.reference, n.filter(|n| n.fract() == 0.0)) else {
                let v = if sign < 0 { "PAST_REF" } else { "FUTURE_REF" };
                return date(None, v.into(), unit.granularity(), rel);
            };
            #[allow(clippy::cast_possible_truncation)]
            let span = unit_span(r, unit, sign * n as i64);
            let v = span.map_or_else(|| "XXXX".into(), |s| span_value(s, unit));
            date(span, v, unit.granularity(), rel)
        }
        Sem::ClockOn { hour, minute, weekday: wd, month, day } => {
            let d = match (wd, month, day, ctx.reference) {
                (Some(w), _, _, Some(r)) => {
                    let back = i64::from(
                        (7 + r.weekday().num_days_from_monday() - w.num_days_from_monday()) % 7,
                    );
                    let fwd = i64::from(
                        (7 + w.num_days_from_monday() - r.weekday().num_days_from_monday()) % 7,
                    );
                    Some(if future { r + Duration::days(fwd) } else { r - Duration::days(back) })
                }
                (None, Some(m), Some(dd), _) => complete_year(m, Some(dd), ctx, future)
                    .and_then(|(y, _)| NaiveDate::from_ymd_opt(y, m, dd)),
                _ => None,
            };
            match d {
                Some(d) => (
                    TimexType::Time,
                    format!("{}T{hour:02}:{minute:02}", d.format("%Y-%m-%d")),
                    Some(Span::day(d)),
                    Some(Granularity::Day),
                    rel,
                ),
                None => {
                    (TimexType::Time, format!("XXXX-XX-XXT{hour:02}:{minute:02}"), None, None, rel)
                }
            }
        }
        Sem::QuarterRel { quarter, year_shift } => {
            let Some(r) = ctx.reference else {
                return date(None, format!("XXXX-Q{quarter}"), Granularity::Quarter, rel);
            };
            let y = r.year() + year_shift;
            let span = NaiveDate::from_ymd_opt(y, (quarter - 1) * 3 + 1, 1)
                .and_then(|lo| unit_span(lo, Unit::Quarter, 0));
            date(span, format!("{y:04}-Q{quarter}"), Granularity::Quarter, rel)
        }
        Sem::Holiday(h) => {
            let Some(r) =
                ctx.reference.or_else(|| ctx.year.and_then(|y| NaiveDate::from_ymd_opt(y, 7, 1)))
            else {
                return date(None, "XXXX-XX-XX".into(), Granularity::Day, rel);
            };
            // the occurrence nearest the reference, past-biased as dates are
            let d = [r.year() + 1, r.year(), r.year() - 1]
                .into_iter()
                .filter_map(|y| h.in_year(y))
                .find(|d| (*d - r).num_days() <= if future { 366 } else { AHEAD_DAYS });
            match d {
                Some(d) => date(
                    Some(Span::day(d)),
                    d.format("%Y-%m-%d").to_string(),
                    Granularity::Day,
                    rel_res(ctx),
                ),
                None => date(None, "XXXX-XX-XX".into(), Granularity::Day, rel),
            }
        }
        Sem::NarrativeUnit { unit, shift } => {
            let (base, res) = match (told.any, ctx.reference) {
                (Some(s), _) => (s.lo, Resolution::Narrative),
                (None, Some(r)) => (r, rel),
                (None, None) => return date(None, "XXXX".into(), unit.granularity(), rel),
            };
            let span = unit_span(base, unit, shift);
            let v = span.map_or_else(|| "XXXX".into(), |s| span_value(s, unit));
            date(span, v, unit.granularity(), res)
        }
        Sem::ReportingQuarter { year } => {
            let Some(q) = ctx.reference.and_then(|r| unit_span(r, Unit::Quarter, -1)) else {
                return date(
                    Span::year(year),
                    format!("{year:04}"),
                    Granularity::Year,
                    Resolution::Explicit,
                );
            };
            let n = q.lo.month0() / 3 + 1;
            let span = NaiveDate::from_ymd_opt(year, q.lo.month(), 1)
                .and_then(|lo| unit_span(lo, Unit::Quarter, 0));
            date(span, format!("{year:04}-Q{n}"), Granularity::Quarter, rel)
        }
        Sem::Weekend => {
            let Some(r) = ctx.reference else {
                return date(None, "XXXX-WXX-WE".into(), Granularity::Week, rel);
            };
            // the last Saturday and Sunday before the reference
            let back = i64::from(r.weekday().num_days_from_monday()) + 1;
            let sunday = if r.weekday() == Weekday::Sun { r } else { r - Duration::days(back) };
            let w = sunday.iso_week();
            let span = Span { lo: sunday - Duration::days(1), hi: sunday };
            date(Some(span), format!("{:04}-W{:02}-WE", w.year(), w.week()), Granularity::Week, rel)
        }
        Sem::YearEnd => {
            let Some(r) = ctx.reference else {
                return date(None, "XXXX-12-31".into(), Granularity::Day, rel);
            };
            let d = NaiveDate::from_ymd_opt(r.year(), 12, 31).expect("Dec 31 exists");
            date(Some(Span::day(d)), d.format("%Y-%m-%d").to_string(), Granularity::Day, rel)
        }
        Sem::Duration { n, unit } => {
            let v = match unit {
                Unit::Second | Unit::Minute | Unit::Hour => {
                    format!("PT{}{}", fmt_number(n), unit.code())
                }
                // TimeBank writes decades in years: "two decades" is P20Y
                Unit::Decade => format!("P{}Y", fmt_number(n.map(|n| n * 10.0))),
                Unit::Century => format!("P{}CE", fmt_number(n)),
                Unit::Quarter => format!("P{}Q", fmt_number(n)),
                u => format!("P{}{}", fmt_number(n), u.code()),
            };
            (TimexType::Duration, v, None, None, Resolution::Explicit)
        }
        Sem::SetMonth(m) => {
            (TimexType::Set, format!("XXXX-{m:02}"), None, None, Resolution::Explicit)
        }
        Sem::Set(v) => (TimexType::Set, v.into(), None, None, Resolution::Explicit),
        // "now", "these days", "recently": no calendar interval, which
        // would invent precision
        Sem::Ref(v) => (TimexType::Date, v.into(), None, None, rel),
        Sem::Clock { hour, minute } => {
            let v = match ctx.reference {
                Some(r) => format!("{}T{hour:02}:{minute:02}", r.format("%Y-%m-%d")),
                None => format!("XXXX-XX-XXT{hour:02}:{minute:02}"),
            };
            (
                TimexType::Time,
                v,
                ctx.reference.map(Span::day),
                ctx.reference.map(|_| Granularity::Day),
                rel,
            )
        }
    }
}

/// A date range written as two time expressions: "from 1989 to 2019",
/// "between 2009 and 2010", "2009-2010".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    /// Index of the first expression in the tagged list.
    pub first: usize,
    /// Index of the second.
    pub second: usize,
    /// Byte offset where the whole range starts ("from" included).
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// The interval from the start of the first to the end of the second.
    pub span: Span,
}

/// Join consecutive dates that the text presents as a range.
#[must_use]
pub fn ranges(text: &str, timexes: &[Timex]) -> Vec<Range> {
    let mut out = Vec::new();
    for (i, pair) in timexes.windows(2).enumerate() {
        let (a, b) = (&pair[0], &pair[1]);
        let (Some(sa), Some(sb)) = (a.span, b.span) else { continue };
        if a.kind != TimexType::Date || b.kind != TimexType::Date || sa.lo > sb.hi {
            continue;
        }
        let gap = text[a.end..b.start].trim().to_ascii_lowercase();
        // only the few bytes before matter: never copy the whole prefix
        let before_end = text[..a.start].trim_end().len();
        let tail_start = (before_end.saturating_sub(8)..=before_end)
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(before_end);
        let before = text[tail_start..before_end].to_ascii_lowercase();
        let joined =
            matches!(gap.as_str(), "-" | "–" | "—" | "to" | "until" | "till" | "through" | "and");
        let opener = if before.ends_with("from") {
            Some("from")
        } else if before.ends_with("between") {
            Some("between")
        } else {
            None
        };
        let ok = match gap.as_str() {
            "-" | "–" | "—" => true,
            "and" => opener == Some("between"),
            _ => joined,
        };
        if ok {
            let start = opener.map_or(a.start, |o| before_end - o.len());
            out.push(Range {
                first: i,
                second: i + 1,
                start,
                end: b.end,
                span: Span { lo: sa.lo, hi: sb.hi },
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The prefilters keep the lazy DFA on non-ASCII text (issue 18): no
    /// Unicode word boundary is left in them, and typographic text is
    /// tagged as its ASCII twin is.
    #[test]
    fn prefilters_use_ascii_word_boundaries() {
        assert_eq!(ascii_boundaries(r"\bmay\b|a\\b"), r"(?-u:\b)may(?-u:\b)|a\\b");
        let unicode_boundary =
            |p: &str| p.replace(r"(?-u:\b)", "").replace(r"\\", "").contains(r"\b");
        assert!(!unicode_boundary(ANCHOR.as_str()));
        assert!(FAMILY_SET.patterns().iter().all(|p| !unicode_boundary(p)));
        let ctx = Context {
            reference: NaiveDate::from_ymd_opt(2021, 3, 10),
            inferred: false,
            year: None,
        };
        let plain = tag("\"On Monday, the dam's gate broke,\" he said -- on March 3, 2021.", &ctx);
        let curly = tag("\u{201c}On Monday, the dam\u{2019}s gate broke,\u{201d} he said \u{2014} on March 3, 2021.", &ctx);
        let values =
            |t: &[Timex]| t.iter().map(|x| (x.text.clone(), x.value.clone())).collect::<Vec<_>>();
        assert_eq!(values(&plain), values(&curly));
        assert_eq!(curly.len(), 2, "{curly:?}");
        // an accented word that contains a month is not a month
        assert!(tag("Mayé and Marché met.", &ctx).is_empty());
    }

    /// One recognition resolves against any context as a fresh scan does
    /// (issue 18: a document is scanned once for its reported days and its
    /// events): same expressions, same values, the narrative day carried.
    #[test]
    fn one_recognition_serves_every_context() {
        let text = "Profit rose in the first quarter. A year ago it fell. \
                    The plant closed on Monday, January 2; the next day it \
                    reopened, and on March 3, 2021 it was sold. Talks will resume Friday.";
        let recognized = recognize(text);
        assert!(recognized.len() >= 5, "{recognized:?}");
        for c in [
            Context::default(),
            Context { reference: None, inferred: false, year: Some(2021) },
            ctx(2021, 3, 10),
            Context { inferred: true, ..ctx(2020, 12, 30) },
        ] {
            assert_eq!(recognized.resolve(text, &c), tag(text, &c), "{c:?}");
        }
        // the context changes the values, not what is found
        let a = recognized.resolve(text, &ctx(2021, 3, 10));
        let b = recognized.resolve(text, &ctx(2019, 6, 1));
        assert_ne!(a, b);
        let spans = |t: &[Timex]| t.iter().map(|x| (x.start, x.end)).collect::<Vec<_>>();
        assert_eq!(spans(&a), spans(&b));
        assert!(recognize("No dates here.").is_empty());
    }

    fn ctx(y: i32, m: u32, d: u32) -> Context {
        Context { reference: NaiveDate::from_ymd_opt(y, m, d), inferred: false, year: Some(y) }
    }

    fn values(text: &str, c: &Context) -> Vec<(String, String)> {
        tag(text, c).into_iter().map(|t| (t.text, t.value)).collect()
    }

    fn one(text: &str, c: &Context) -> (String, String) {
        let v = values(text, c);
        assert_eq!(v.len(), 1, "{text:?} gave {v:?}");
        v[0].clone()
    }

    #[test]
    fn absolute_dates_in_all_orders() {
        let c = ctx(2023, 3, 10);
        assert_eq!(one("It began on March 4.", &c), ("March 4".into(), "2023-03-04".into()));
        assert_eq!(
            one("Talks ended Feb. 27, 2021 in Vienna.", &c),
            ("Feb. 27, 2021".into(), "2021-02-27".into())
        );
        assert_eq!(
            one("By 3rd of March 2020 it was over.", &c),
            ("3rd of March 2020".into(), "2020-03-03".into())
        );
        assert_eq!(one("Filed 2019-11-30.", &c), ("2019-11-30".into(), "2019-11-30".into()));
        assert_eq!(one("in September 2021", &c), ("September 2021".into(), "2021-09".into()));
        assert_eq!(one("Elections are held in May.", &c), ("May".into(), "2023-05".into()));
    }

    #[test]
    fn year_less_dates_take_the_nearest_year() {
        let c = ctx(2023, 1, 4);
        assert_eq!(one("Fighting started December 29.", &c).1, "2022-12-29");
        let t = &tag("Fighting started December 29.", &c)[0];
        assert_eq!(t.resolution, Resolution::Relative);
    }

    #[test]
    fn modal_may_and_verb_march_are_not_months() {
        let c = ctx(2023, 3, 10);
        assert!(values("They may march to the capital.", &c).is_empty());
    }

    #[test]
    fn years_but_not_counts() {
        let c = ctx(2023, 3, 10);
        assert_eq!(one("In 2017 the mill closed.", &c), ("2017".into(), "2017".into()));
        assert!(values("Police detained 2000 people and 1500 protesters.", &c).is_empty());
        assert!(values("It cost $2015 and 1,999 tickets sold.", &c).is_empty());
        assert!(values("The bridge is 1800 meters long.", &c).is_empty());
        // amounts in any currency, before or after the number
        for amount in ["2000 rupees", "1990 naira", "2015 yuan", "USD 2010", "Rs 1999"] {
            let v = values(&format!("Fuel costs {amount} a tonne."), &c);
            assert!(v.is_empty(), "{amount}: {v:?}");
        }
    }

    #[test]
    fn ages_and_amounts_are_not_durations() {
        let c = ctx(2023, 3, 10);
        assert!(values("The mayor, 64 years old, said nothing.", &c).is_empty());
    }

    #[test]
    fn weekdays_are_past_biased_unless_future() {
        let c = ctx(2023, 3, 10); // a Friday
        assert_eq!(one("On Tuesday, the dam broke.", &c).1, "2023-03-07");
        assert_eq!(one("said Friday", &c).1, "2023-03-10");
        assert_eq!(one("The council will vote on Tuesday.", &c).1, "2023-03-14");
        assert_eq!(
            one("late Tuesday evening", &c),
            ("late Tuesday evening".into(), "2023-03-07TEV".into())
        );
        assert_eq!(one("next Monday", &c).1, "2023-03-13");
    }

    #[test]
    fn relative_days_and_units() {
        let c = ctx(2023, 3, 10);
        assert_eq!(one("yesterday", &c).1, "2023-03-09");
        assert_eq!(one("last week", &c).1, "2023-W09");
        assert_eq!(one("this year", &c).1, "2023");
        assert_eq!(one("next month", &c).1, "2023-04");
        assert_eq!(one("last night", &c).1, "2023-03-09TNI");
        let t = &tag("earlier this week", &c)[0];
        assert_eq!(t.value, "2023-W10");
        let s = t.span.unwrap();
        assert_eq!(
            (s.lo.to_string(), s.hi.to_string()),
            ("2023-03-06".into(), "2023-03-10".into())
        );
    }

    #[test]
    fn misspelt_earlier_is_still_earlier() {
        let c = ctx(2023, 3, 10);
        let t = &tag("Earlear this week the strike began.", &c)[0];
        assert_eq!(t.span.unwrap().lo.to_string(), "2023-03-06");
        let t = &tag("later this week", &c)[0];
        assert_eq!(t.span.unwrap().hi.to_string(), "2023-03-12");
    }

    #[test]
    fn business_periods_use_the_reporting_quarter() {
        let c = ctx(2011, 11, 3); // reporting quarter: 2011-Q3
        assert_eq!(one("Profit rose in the quarter.", &c).1, "2011-Q3");
        assert_eq!(one("up from the year-ago quarter", &c).1, "2010-Q3");
        assert_eq!(one("compared with this year's second quarter", &c).1, "2011-Q2");
        assert_eq!(one("in the 2009 quarter", &c).1, "2009-Q3");
        assert_eq!(one("sales for the year rose", &c), ("the year".into(), "P1Y".into()));
        // a report of quarterly results: "a year ago" is that quarter
        let t =
            tag("Quarter net rose; the quarter beat forecasts and a year ago it lost money.", &c);
        assert_eq!(t.last().unwrap().value, "2010-Q3");
    }

    #[test]
    fn quarters_without_a_year_are_past_biased() {
        let c = ctx(2012, 2, 10);
        assert_eq!(one("the fourth quarter", &c).1, "2011-Q4");
        assert_eq!(one("the first quarter", &c).1, "2012-Q1");
    }

    #[test]
    fn months_with_relative_cues() {
        let c = ctx(2011, 10, 20);
        assert_eq!(one("He moved last April.", &c).1, "2011-04");
        assert_eq!(one("He moved last November.", &c).1, "2010-11");
        assert_eq!(one("They meet next March.", &c).1, "2012-03");
        assert_eq!(one("It opened June last year.", &c).1, "2010-06");
        assert_eq!(one("Sales fell in March.", &c).1, "2011-03");
        assert_eq!(one("Payment is due Dec. 15.", &c).1, "2011-12-15");
        assert_eq!(one("Payment is due Jan. 15.", &c).1, "2012-01-15");
    }

    #[test]
    fn last_weekday_is_in_the_previous_week() {
        let c = ctx(2011, 10, 19); // a Wednesday
        assert_eq!(one("last Wednesday", &c).1, "2011-10-12");
        assert_eq!(one("last Monday", &c).1, "2011-10-10");
    }

    #[test]
    fn the_previous_month_and_week_are_the_ones_before() {
        let c = ctx(2022, 1, 6); // a Thursday
        assert_eq!(one("Sales fell the previous month.", &c).1, "2021-12");
        assert_eq!(one("Talks stalled the previous week.", &c).1, "2021-W52");
        assert_eq!(one("Prices rose the prior month.", &c).1, "2021-12");
        // the same month stays the same, and a year-ago quarter a year back
        assert_eq!(one("Prices rose this month.", &c).1, "2022-01");
        assert_eq!(one("up from the year-earlier quarter", &c).1, "2020-Q4");
    }

    #[test]
    fn next_weekday_on_that_weekday_is_a_week_on() {
        let c = ctx(2022, 1, 6); // a Thursday
        assert_eq!(one("The vote is next Thursday.", &c).1, "2022-01-13");
        assert_eq!(one("The vote is next Friday.", &c).1, "2022-01-07");
        assert_eq!(one("He left last Thursday.", &c).1, "2021-12-30");
    }

    #[test]
    fn clock_times_on_a_day_and_hour_durations() {
        let c = ctx(2011, 10, 19);
        assert_eq!(
            one("the vote at 10 p.m. Monday", &c),
            ("10 p.m. Monday".into(), "2011-10-17T22:00".into())
        );
        assert_eq!(one("noon Tuesday", &c).1, "2011-10-18T12:00");
        assert_eq!(one("a five-hour meeting", &c), ("five-hour".into(), "PT5H".into()));
        assert_eq!(one("the last twenty-four hours", &c).1, "PT24H");
        assert!(values("Do it a second time.", &c).is_empty());
    }

    #[test]
    fn holidays_land_in_the_nearest_year() {
        let c = ctx(2011, 10, 19);
        assert_eq!(one("before Thanksgiving", &c).1, "2011-11-24");
        assert_eq!(one("after Easter", &ctx(2011, 5, 2)).1, "2011-04-24");
        assert_eq!(one("on Christmas Eve", &c).1, "2011-12-24");
        assert_eq!(one("on Election Day", &ctx(2012, 10, 1)).1, "2012-11-06");
    }

    #[test]
    fn sets_spelled_years_and_narrative_units() {
        let c = ctx(2011, 10, 19);
        assert_eq!(one("published daily", &c), ("daily".into(), "P1D".into()));
        assert_eq!(one("each July", &c).1, "XXXX-07");
        assert_eq!(one("in nineteen eighty-four", &c).1, "1984");
        let v = values("The war ended in 1995. The following year, talks began.", &c);
        assert_eq!(v[1], ("The following year".into(), "1996".into()));
        assert_eq!(one("for weeks", &c), ("weeks".into(), "PXW".into()));
        assert_eq!(one("the year-ago period", &c).1, "2010-Q3");
    }

    #[test]
    fn tagging_never_panics_and_spans_are_exact() {
        fn prop(s: String, day: u16) -> bool {
            let reference =
                NaiveDate::from_ymd_opt(1990, 1, 1).map(|d| d + Duration::days(i64::from(day)));
            let c = Context { reference, inferred: day % 2 == 0, year: None };
            tag(&s, &c)
                .iter()
                .all(|t| s.get(t.start..t.end) == Some(t.text.as_str()) && t.start < t.end)
        }
        quickcheck::QuickCheck::new().tests(500).quickcheck(prop as fn(String, u16) -> bool);
        // and on text dense with the tagger's own words
        let words = [
            "Jan.",
            "6,",
            "2022",
            "last",
            "Wednesday",
            "evening",
            "\u{e9}",
            "'90s",
            "10",
            "p.m.",
            "the",
            "year-ago",
            "quarter",
            "from",
            "1989",
            "to",
            "2019",
            "-",
            "days",
            "ago",
            "May",
            "\u{201c}",
            "twenty-four",
            "hours",
            "Easter",
            "12:30",
        ];
        let mut seed = 11u64;
        for i in 0..400 {
            let mut s = String::new();
            for _ in 0..30 {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                s.push_str(words[usize::try_from(seed >> 33).unwrap() % words.len()]);
                s.push(if seed % 5 == 0 { '.' } else { ' ' });
            }
            assert!(prop(s, i));
        }
    }

    #[test]
    fn fractions_and_rates_are_not_durations() {
        let c = ctx(2011, 10, 19);
        assert!(values("He won three-quarters of the vote.", &c).is_empty());
        assert!(values("It costs $5 a year and they meet twice a week.", &c).is_empty());
        assert_eq!(one("It took a year.", &c).1, "P1Y");
    }

    #[test]
    fn vague_references_get_no_interval() {
        let c = ctx(2011, 10, 19);
        for text in ["It is now clear.", "He recently left.", "in the near future"] {
            let t = &tag(text, &c)[0];
            assert!(t.span.is_none() && t.value.ends_with("_REF"), "{text}: {t:?}");
        }
    }

    #[test]
    fn ago_keeps_the_unit_precision() {
        let c = ctx(2023, 3, 10);
        let t = &tag("Five years ago, the port opened.", &c)[0];
        assert_eq!((t.text.as_str(), t.value.as_str()), ("Five years ago", "2018"));
        assert_eq!(t.granularity, Some(Granularity::Year));
        assert_eq!(one("two days ago", &c).1, "2023-03-08");
    }

    #[test]
    fn narrative_expressions_follow_the_last_date() {
        let c = ctx(2023, 3, 10);
        let v = values("The quake struck on March 2. The next day, aid arrived.", &c);
        assert_eq!(v[1], ("The next day".into(), "2023-03-03".into()));
    }

    #[test]
    fn durations_sets_decades_centuries_seasons() {
        let c = ctx(2023, 3, 10);
        assert_eq!(one("He ruled for 30 years.", &c), ("30 years".into(), "P30Y".into()));
        assert_eq!(one("a decade of growth", &c), ("a decade".into(), "P10Y".into()));
        assert_eq!(one("a 30-year reign", &c), ("30-year".into(), "P30Y".into()));
        assert_eq!(one("They meet every year.", &c), ("every year".into(), "P1Y".into()));
        assert_eq!(one("back in the 1990s", &c), ("the 1990s".into(), "199".into()));
        assert_eq!(one("in the 19th century", &c), ("the 19th century".into(), "18".into()));
        assert_eq!(one("last summer", &c), ("last summer".into(), "2022-SU".into()));
        assert_eq!(one("the third quarter of 2021", &c).1, "2021-Q3");
        assert_eq!(one("at 10:30 a.m.", &c).1, "2023-03-10T10:30");
        assert!(values("Prices fall in spring rain.", &c).len() == 1);
        assert!(values("Prices fall.", &c).is_empty());
    }

    #[test]
    fn ranges_join_two_dates() {
        let c = ctx(2023, 3, 10);
        for text in ["He led from 1991 to 2006.", "between 1991 and 2006", "the 1991-2006 period"] {
            let t = tag(text, &c);
            let r = ranges(text, &t);
            assert_eq!(r.len(), 1, "{text}: {t:?}");
            assert_eq!(r[0].span.earliest_str(), "1991");
            assert_eq!(r[0].span.latest_str(), "2006");
        }
    }

    #[test]
    fn without_reference_nothing_is_invented() {
        let c = Context::default();
        let t = &tag("On Monday the strike began.", &c)[0];
        assert_eq!(t.value, "XXXX-WXX-1");
        assert_eq!(t.span, None);
        let t = &tag("The strike began last week.", &c)[0];
        assert_eq!(t.value, "PAST_REF");
        assert_eq!(t.span, None);
    }
}
