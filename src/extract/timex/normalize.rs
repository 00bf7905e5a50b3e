//! Normalization: what a recognized expression means as a TIMEX3 value and
//! a calendar interval, resolved against the document's reference day and
//! the narrative so far.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::patterns::Sem;
use super::words::{fmt_number, Unit};
use super::{Context, TimexType};
use crate::model::{Granularity, Resolution, Span};

pub(super) type Normalized = (TimexType, String, Option<Span>, Option<Granularity>, Resolution);

pub(super) fn rel_res(ctx: &Context) -> Resolution {
    if ctx.reference.is_some() {
        ctx.relative()
    } else {
        Resolution::Explicit
    }
}

pub(super) fn week_start(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

pub(super) fn shift_months(d: NaiveDate, months: i64) -> Option<NaiveDate> {
    let total = i64::from(d.year()) * 12 + i64::from(d.month0()) + months;
    let y = i32::try_from(total.div_euclid(12)).ok()?;
    let m = u32::try_from(total.rem_euclid(12)).ok()? + 1;
    NaiveDate::from_ymd_opt(y, m, 1)
}

/// The span of the `unit` containing `d`, shifted by `shift` units.
pub(super) fn unit_span(d: NaiveDate, unit: Unit, shift: i64) -> Option<Span> {
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

pub(super) fn span_value(span: Span, unit: Unit) -> String {
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
pub(super) const AHEAD_DAYS: i64 = 120;

pub(super) fn complete_year(
    month: u32,
    day: Option<u32>,
    ctx: &Context,
    future: bool,
) -> Option<(i32, bool)> {
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

/// The reporting quarter a year back: what "a year ago" means in a report
/// of quarterly results.
pub(super) fn year_ago_quarter(ctx: &Context, rel: Resolution) -> Option<Normalized> {
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
pub(super) struct Narrative {
    pub(super) day: Option<Span>,
    pub(super) any: Option<Span>,
}

pub(super) fn normalize(
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
            // a count of units the patterns read: small and whole
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
            // a count of units the patterns read: small and whole
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
