//! The vocabulary of time: calendar units, month and weekday names, number
//! words, and the regular-expression pieces built from them.

use chrono::Weekday;

use crate::model::Granularity;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
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
    pub(super) fn parse(s: &str) -> Option<Unit> {
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

    pub(super) fn code(self) -> &'static str {
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

    pub(super) fn granularity(self) -> Granularity {
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

pub(super) const MONTH: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)";
pub(super) const WEEKDAY: &str =
    r"(?:[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|[Ff]riday|[Ss]aturday|[Ss]unday)";
pub(super) const NUMBER: &str = r"(?:\d{1,3}(?:,\d{3})*(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-](?:one|two|three|four|five|six|seven|eight|nine)|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a few|few|several|many|some|a couple of|couple of|dozens of|a dozen|hundreds of)";
pub(super) const UNIT: &str = r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|months?|quarters?|years?|decades?|century|centuries)";
pub(super) const PART: &str = r"(?:morning|afternoon|evening|night)";

pub(super) fn month_number(s: &str) -> Option<u32> {
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

pub(super) fn weekday(s: &str) -> Option<Weekday> {
    s.get(..3)?.to_ascii_lowercase().parse::<Weekday>().ok()
}

pub(super) fn number(s: &str) -> Option<f64> {
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

pub(super) fn fmt_number(n: Option<f64>) -> String {
    match n {
        // a whole number checked just above
        #[allow(clippy::cast_possible_truncation)]
        Some(n) if n.fract() == 0.0 => format!("{}", n as i64),
        Some(n) => format!("{n}"),
        None => "X".into(),
    }
}
