//! How much an event matters: one documented score that ranks the events
//! of a timeline (`build --top K`, and which events the image draws when
//! it cannot draw all).
//!
//! ```text
//! salience = 2.0 × ln(1 + sources) + 0.5 × ln(1 + mentions)
//!          + 1.0   when a mention stands in its article's headline or lead
//!          + 0.5   when the text dates it to a day (0.25 to a longer period)
//!          + 0.5   when a named participant takes part
//!          − 0.75  for a statement (what someone said), − 0.25 for `other`
//!          − 0.5   when only the learned model found it (minor mentions)
//! ```
//!
//! Days are ranked by the same evidence (`build --days N`, the days of a
//! summary): a day's score is the number of distinct articles that report
//! an event dated to that day, ties broken by the day's most salient event,
//! then by its mentions, then the earlier day. Within a day, events keep
//! the salience ranking (`--per-day K`).
//!
//! Sources count most: a happening many articles report matters more than
//! one told many times by one article. A date the text gives counts, one
//! taken from the article (`document`) or from other mentions (`merged`)
//! does not. Scores are rounded to three decimals, so the same timeline
//! always gives the same ranking, ties broken by event id.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use crate::model::{Document, Event, EventType, Granularity, Resolution};

/// Bytes of an article's body that count as its headline and lead.
pub const LEAD_BYTES: usize = 400;

/// The salience of one event; `body_start` gives each source's body
/// offset (its headline's first byte).
#[must_use]
pub fn score(e: &Event, body_start: &BTreeMap<&str, usize>) -> f64 {
    let mut s =
        2.0 * (1.0 + e.source_count as f64).ln() + 0.5 * (1.0 + e.mention_count as f64).ln();
    let lead = e.mentions.iter().any(|m| {
        body_start
            .get(m.document.as_str())
            .is_some_and(|&b| m.start >= b && m.start - b < LEAD_BYTES)
    });
    if lead {
        s += 1.0;
    }
    if let Some(d) = &e.date {
        let from_text = !matches!(d.resolution, Resolution::Document | Resolution::Merged);
        if from_text {
            s += if d.granularity == Granularity::Day { 0.5 } else { 0.25 };
        }
    }
    if !e.participants.is_empty() {
        s += 0.5;
    }
    s -= match e.event_type {
        EventType::Statement => 0.75,
        EventType::Other => 0.25,
        _ => 0.0,
    };
    if !e.mentions.is_empty() && e.mentions.iter().all(|m| m.minor) {
        s -= 0.5;
    }
    (s * 1000.0).round() / 1000.0
}

/// Score every event of a timeline (see [`score`]).
pub fn assign(documents: &[Document], events: &mut [Event]) {
    let body_start: BTreeMap<&str, usize> =
        documents.iter().map(|d| (d.id.as_str(), d.body_start)).collect();
    for e in events {
        e.salience = score(e, &body_start);
    }
}

/// One day of a timeline and what makes it matter (see the module notes).
#[derive(Debug, Clone, PartialEq)]
pub struct Day {
    /// The calendar day.
    pub day: NaiveDate,
    /// Distinct articles reporting an event of this day.
    pub sources: usize,
    /// The day's events (indices into the events given), most salient first.
    pub events: Vec<usize>,
}

/// The day an event is dated to, when its date is one day.
#[must_use]
pub fn day_of(e: &Event) -> Option<NaiveDate> {
    let span = e.date.as_ref().filter(|d| d.granularity == Granularity::Day).map(|d| d.span)?;
    (span.lo == span.hi).then_some(span.lo)
}

/// The days of `events` (those dated to one day), the most important first.
#[must_use]
pub fn days(events: &[Event]) -> Vec<Day> {
    let mut by_day: BTreeMap<NaiveDate, Vec<usize>> = BTreeMap::new();
    for i in ranking(events) {
        if let Some(d) = day_of(&events[i]) {
            by_day.entry(d).or_default().push(i);
        }
    }
    let mut days: Vec<(Day, f64, usize)> = by_day
        .into_iter()
        .map(|(day, list)| {
            let sources: BTreeSet<&str> =
                list.iter().flat_map(|&i| events[i].sources.iter().map(String::as_str)).collect();
            let top = list.first().map_or(0.0, |&i| events[i].salience);
            let mentions = list.iter().map(|&i| events[i].mention_count).sum();
            (Day { day, sources: sources.len(), events: list }, top, mentions)
        })
        .collect();
    days.sort_by(|(a, sa, ma), (b, sb, mb)| {
        b.sources.cmp(&a.sources).then(sb.total_cmp(sa)).then(mb.cmp(ma)).then(a.day.cmp(&b.day))
    });
    days.into_iter().map(|(d, _, _)| d).collect()
}

/// Indices of `events` from the most salient down (ties by id).
#[must_use]
pub fn ranking(events: &[Event]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..events.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&events[a], &events[b]);
        y.salience
            .total_cmp(&x.salience)
            .then(y.source_count.cmp(&x.source_count))
            .then(y.mention_count.cmp(&x.mention_count))
            .then(x.id.cmp(&y.id))
    });
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateInfo, Mention, Span};

    fn mention(doc: &str, start: usize, minor: bool) -> Mention {
        Mention { minor, ..Mention::bare(doc, start, start + 10, "x", EventType::Violence) }
    }

    fn event(id: &str, mentions: Vec<Mention>, kind: EventType) -> Event {
        let sources: std::collections::BTreeSet<String> =
            mentions.iter().map(|m| m.document.clone()).collect();
        Event {
            id: id.into(),
            title: id.into(),
            event_type: kind,
            date: None,
            participants: Vec::new(),
            entities: Vec::new(),
            places: Vec::new(),
            source_count: sources.len(),
            sources: sources.into_iter().collect(),
            mention_count: mentions.len(),
            flags: Vec::new(),
            mentions,
            salience: 0.0,
        }
    }

    #[test]
    fn sources_lead_dates_and_kinds_order_events() {
        let starts: BTreeMap<&str, usize> = [("a", 0), ("b", 0), ("c", 0)].into_iter().collect();
        let far = |d: &str| mention(d, 5_000, false);
        let three = event("three", vec![far("a"), far("b"), far("c")], EventType::Violence);
        let one = event("one", vec![far("a")], EventType::Violence);
        let told_twice =
            event("twice", vec![far("a"), mention("a", 6_000, false)], EventType::Violence);
        assert!(score(&three, &starts) > score(&told_twice, &starts));
        assert!(score(&told_twice, &starts) > score(&one, &starts));
        // the lead counts; a statement and a minor mention count less
        let lead = event("lead", vec![mention("a", 100, false)], EventType::Violence);
        assert!(score(&lead, &starts) > score(&one, &starts));
        let said = event("said", vec![far("a")], EventType::Statement);
        assert!(score(&said, &starts) < score(&one, &starts));
        let minor = event("minor", vec![mention("a", 5_000, true)], EventType::Violence);
        assert!(score(&minor, &starts) < score(&one, &starts));
        // a date the text gives counts; the article's own does not
        let day = Span::parse_partial("2020-05-01").unwrap();
        let mut dated = one.clone();
        dated.date = Some(DateInfo::new(day, Granularity::Day, Resolution::Explicit, "".into()));
        let mut bounded = one.clone();
        bounded.date = Some(DateInfo::new(day, Granularity::Day, Resolution::Document, "".into()));
        assert!(score(&dated, &starts) > score(&bounded, &starts));
        assert!((score(&bounded, &starts) - score(&one, &starts)).abs() < 1e-9);
    }

    #[test]
    fn ranking_is_by_score_then_id() {
        let mut es = vec![
            event("b", vec![mention("a", 5_000, false)], EventType::Violence),
            event("a", vec![mention("a", 5_000, false)], EventType::Violence),
            event(
                "c",
                vec![mention("a", 5_000, false), mention("b", 5_000, false)],
                EventType::Violence,
            ),
        ];
        let docs: Vec<Document> = Vec::new();
        assign(&docs, &mut es);
        let ids: Vec<&str> = ranking(&es).into_iter().map(|i| es[i].id.as_str()).collect();
        assert_eq!(ids, vec!["c", "a", "b"]);
    }
}
