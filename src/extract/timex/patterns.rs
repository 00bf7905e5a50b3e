//! The pattern families: one compiled regular expression each, and what a
//! match means ([`Sem`]) before it is resolved against a reference day.

use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::{Captures, Regex};

use super::words::{month_number, number, weekday, Unit, MONTH, NUMBER, PART, UNIT, WEEKDAY};

/// What an expression means before it is resolved.
#[derive(Debug, Clone, Copy)]
pub(super) enum Sem {
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
pub(super) enum Holiday {
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

pub(super) fn nth_weekday(y: i32, m: u32, wd: Weekday, n: u32) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(y, m, wd, u8::try_from(n).ok()?)
}

impl Holiday {
    pub(super) fn in_year(self, y: i32) -> Option<NaiveDate> {
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

pub(super) struct Family {
    pub(super) re: Regex,
    /// The same pattern with ASCII word boundaries, for text whose only
    /// non-ASCII characters are no word characters (see [`NON_ASCII_WORD`]).
    pub(super) ascii: Regex,
    pub(super) build: fn(&Captures) -> Option<Sem>,
}

/// A word character (as `\b` reads one) outside ASCII: a letter such as
/// "é" or "ł", a non-Latin letter or digit, a combining mark. Where a text
/// has none, ASCII and Unicode word boundaries fall in the same places,
/// whatever curly quotes, dashes or no-break spaces it holds, and a family
/// runs with ASCII ones: the regex crate's lazy DFA gives up at the first
/// non-ASCII byte for Unicode boundaries, and a slower engine took over on
/// every window with a typographic quote.
pub(super) static NON_ASCII_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\w&&[^\x00-\x7F]]").expect("regex"));

pub(super) fn opt_year(c: &Captures, name: &str) -> Option<i32> {
    c.name(name).and_then(|m| m.as_str().parse().ok())
}

pub(super) static FAMILIES: LazyLock<Vec<Family>> = LazyLock::new(|| {
    let compile = |pat: &str| {
        regex::RegexBuilder::new(pat)
            .dfa_size_limit(DFA_CACHE)
            .build()
            .expect("timex pattern compiles")
    };
    let f = |pat: String, build: fn(&Captures) -> Option<Sem>| Family {
        re: compile(&pat),
        ascii: compile(&ascii_boundaries(&pat)),
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
                r"\b(?:{WEEKDAY},?\s+)?(?P<mon>{MONTH})\.?\s+(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?:(?:\s?,\s*|\s+)(?P<y>1[5-9]\d\d|20\d\d)\b)?"
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
                r"\b(?:{WEEKDAY},?\s+)?(?:the\s+)?(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MONTH})\b\.?(?:(?:\s?,\s*|\s+)(?P<y>1[5-9]\d\d|20\d\d)\b)?"
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
            format!(r"\b(?:(?:early|late|mid-?)\s*)?(?P<mon>{MONTH})\.?(?:\s?,\s*|\s+)(?:of\s+)?(?P<y>1[5-9]\d\d|20\d\d)\b"),
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
                // a year the pattern built from digits: within i32
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
        // a time on a day: 10 p.m. Wednesday, noon Thursday, 5 p.m. EST Nov. 9,
        // midday on Thursday, 2000 GMT on Tuesday, 1930 CDT on 1 June (a
        // 24-hour time only with its zone, or it could be a year)
        f(
            format!(r"(?i)\b(?:(?:(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b)|(?P<w>noon|midnight|midday))\s*(?:(?:EST|EDT|CST|CDT|PST|PDT|GMT|UTC)\b)?|(?P<hh>[01]\d|2[0-3])(?P<mm>[0-5]\d)\s*(?:EST|EDT|CST|CDT|PST|PDT|GMT|UTC)\b),?\s+(?:on\s+)?(?:(?P<wd>{WEEKDAY})|(?P<mon>{MONTH})\.?\s+(?P<d>[12]\d|3[01]|0?[1-9])\b|(?P<d2>[12]\d|3[01]|0?[1-9])\s+(?P<mon2>{MONTH})\b)"),
            |c| {
                let (hour, minute) = clock(c)?;
                Some(Sem::ClockOn {
                    hour,
                    minute,
                    weekday: c.name("wd").and_then(|w| weekday(w.as_str())),
                    month: c.name("mon").or(c.name("mon2")).and_then(|m| month_number(m.as_str())),
                    day: c.name("d").or(c.name("d2")).and_then(|d| d.as_str().parse().ok()),
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
        // clock times: 10:30 a.m., 5 pm, noon, midnight, 1600 GMT (a 24-hour
        // time only with its zone: "1600" alone is a year)
        f(
            r"(?i)\b(?:(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b)|(?P<w>noon|midnight)|(?P<hh>[01]\d|2[0-3])(?P<mm>[0-5]\d)\s*(?:EST|EDT|CST|CDT|PST|PDT|GMT|UTC)\b)".into(),
                        |c| clock(c).map(|(hour, minute)| Sem::Clock { hour, minute }),
        ),
    ]
});

/// Hour and minute of a clock match (groups h, mi, ap; w for noon,
/// midnight and midday; hh and mm for a 24-hour time).
pub(super) fn clock(c: &Captures) -> Option<(u32, u32)> {
    if let Some(w) = c.name("w") {
        let midnight = w.as_str().eq_ignore_ascii_case("midnight");
        return Some((if midnight { 0 } else { 12 }, 0));
    }
    if let (Some(h), Some(m)) = (c.name("hh"), c.name("mm")) {
        return Some((h.as_str().parse().ok()?, m.as_str().parse().ok()?));
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

pub(super) fn part_code(s: &str) -> &'static str {
    match s.to_ascii_lowercase().as_str() {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        _ => "NI",
    }
}

/// Lazy DFA cache per pattern: large enough that case-insensitive
/// alternations are determinized once, not again and again.
pub(super) const DFA_CACHE: usize = 64 << 20;

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
pub(super) static FAMILY_SET: LazyLock<regex::RegexSet> = LazyLock::new(|| {
    regex::RegexSetBuilder::new(FAMILIES.iter().map(|f| ascii_boundaries(f.re.as_str())))
        .dfa_size_limit(DFA_CACHE)
        .build()
        .expect("family patterns compile as a set")
});

/// `pattern` with its word boundaries (`\b`) made ASCII ones (`(?-u:\b)`),
/// for prefilters (see [`FAMILY_SET`]). An escaped backslash is left alone.
pub(super) fn ascii_boundaries(pattern: &str) -> String {
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
pub(super) static ANCHOR: LazyLock<Regex> = LazyLock::new(|| {
    regex::RegexBuilder::new(&format!(
        r"(?i)[0-9]|(?-u:\b)(?:{MONTH}|{WEEKDAY}|yesterday|today|tomorrow|tonight|now|nowadays|currently|recently|lately|formerly|previously|past|future|weeks?|weekends?|months?|quarters?|years?|decades?|century|centuries|days?|nights?|morning|afternoon|evening|spring|summer|autumn|winter|fall|noon|midnight|daily|weekly|monthly|annually|yearly|nightly|hourly|hours?|minutes?|seconds?|midday|christmas|easter|thanksgiving|halloween|current|recent|term|nineteen|thousand)(?-u:\b)"
    ))
    .dfa_size_limit(DFA_CACHE)
    .build()
    .expect("anchor pattern compiles")
});
