//! The piecewise time axis: segments separated by break marks, the x of a
//! day, and the ticks that fit each segment.

use chrono::{Datelike, NaiveDate};

use super::labels::month_name;
use super::BREAK_W;
use crate::model::Span;

/// A piece of the axis: the days `lo..=hi` drawn over `x0..x1`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Segment {
    pub(super) lo: i64,
    pub(super) hi: i64,
    pub(super) x0: f64,
    pub(super) x1: f64,
}

pub(super) fn day_number(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce())
}

pub(super) fn from_day(n: i64) -> NaiveDate {
    i32::try_from(n).ok().and_then(NaiveDate::from_num_days_from_ce_opt).unwrap_or_default()
}

/// Split the dates into segments and give each its share of the width.
pub(super) fn axis(spans: &[Span], left: f64, right: f64, break_days: i64) -> Vec<Segment> {
    // unions of the event intervals, joined across gaps of `break_days`
    // or less: an event's own span is never broken
    let mut ivs: Vec<(i64, i64)> =
        spans.iter().map(|s| (day_number(s.lo), day_number(s.hi))).collect();
    ivs.sort_unstable();
    let Some(&first) = ivs.first() else { return Vec::new() };
    let mut groups: Vec<(i64, i64)> = vec![first];
    for &(lo, hi) in &ivs[1..] {
        let last = groups.last_mut().expect("non-empty");
        if lo - last.1 > break_days {
            groups.push((lo, hi));
        } else {
            last.1 = last.1.max(hi);
        }
    }
    // no more segments than the width can show: join the closest first
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let max_groups = (((right - left) / 150.0).floor() as usize).clamp(1, 12);
    while groups.len() > max_groups {
        let k = (1..groups.len())
            .min_by_key(|&k| (groups[k].0 - groups[k - 1].1, k))
            .expect("two groups");
        groups[k - 1].1 = groups[k - 1].1.max(groups[k].1);
        groups.remove(k);
    }
    // weight: how many events start in the segment, softened
    let weights: Vec<f64> = groups
        .iter()
        .map(|&(lo, hi)| {
            let n = spans.iter().filter(|s| (lo..=hi).contains(&day_number(s.lo))).count();
            let n = n.max(1) as f64;
            n.powf(0.7)
        })
        .collect();
    let breaks = (groups.len() - 1) as f64;
    let avail = (right - left - breaks * BREAK_W).max(10.0);
    let total: f64 = weights.iter().sum();
    let min_w = (avail / groups.len() as f64).min(90.0);
    // give each its minimum, the rest by weight
    let spare = (avail - min_w * weights.len() as f64).max(0.0);
    let mut x = left;
    groups
        .iter()
        .zip(&weights)
        .map(|(&(lo, hi), w)| {
            let width = min_w + spare * w / total;
            let s = Segment { lo, hi, x0: x, x1: x + width };
            x += width + BREAK_W;
            s
        })
        .collect()
}

pub(super) fn x_of(segments: &[Segment], day: i64, end_of_day: bool) -> f64 {
    let seg = segments
        .iter()
        .find(|s| day >= s.lo && day <= s.hi)
        .or_else(|| segments.iter().min_by_key(|s| (s.lo - day).abs().min((s.hi - day).abs())))
        .expect("segments cover the dates");
    let pad = ((seg.x1 - seg.x0) * 0.08).min(14.0);
    let (a, b) = (seg.x0 + pad, seg.x1 - pad);
    let days = (seg.hi - seg.lo + 1) as f64;
    let off = (day.clamp(seg.lo, seg.hi) - seg.lo) as f64 + if end_of_day { 1.0 } else { 0.0 };
    if seg.hi == seg.lo {
        return f64::midpoint(a, b);
    }
    a + (b - a) * off / days
}

/// Tick days and labels for one segment.
pub(super) fn ticks(s: &Segment) -> Vec<(i64, String)> {
    let (lo, hi) = (from_day(s.lo), from_day(s.hi));
    let days = s.hi - s.lo + 1;
    let mut out = Vec::new();
    if days <= 1 {
        out.push((s.lo, format!("{} {}, {}", month_name(lo), lo.day(), lo.year())));
    } else if days <= 120 {
        // pixels over a tick width, at least 1: small and positive
        #[allow(clippy::cast_possible_truncation)]
        let room = ((s.x1 - s.x0) / 46.0).max(1.0) as i64;
        let step = ((days + room - 1) / room).max(1);
        let mut d = s.lo;
        let mut first = true;
        while d <= s.hi {
            let nd = from_day(d);
            let label = if first || nd.day() == 1 {
                format!("{} {}", month_name(nd), nd.day())
            } else {
                nd.day().to_string()
            };
            let label = if first { format!("{label}, {}", nd.year()) } else { label };
            out.push((d, label));
            first = false;
            d += step;
        }
    } else if days <= 366 * 3 && lo.year() == hi.year() && days < 370 {
        out.push((s.lo, lo.year().to_string()));
    } else {
        let years = hi.year() - lo.year() + 1;
        // pixels over a tick width, at least 1: small and positive
        #[allow(clippy::cast_possible_truncation)]
        let room = ((s.x1 - s.x0) / 40.0).max(1.0) as i32;
        let step = ((years + room - 1) / room).max(1);
        let mut y = lo.year();
        while y <= hi.year() {
            if let Some(d) = NaiveDate::from_ymd_opt(y, 1, 1) {
                out.push((day_number(d).max(s.lo), y.to_string()));
            }
            y += step;
        }
    }
    out
}
