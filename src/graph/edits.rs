//! A reviewer's corrections, applied after the graph stage by `build` and
//! `render`.
//!
//! An edits file is JSON:
//!
//! ```json
//! {"edits": [
//!   {"op": "set_date", "event": "ID", "earliest": "2022-01-05", "latest": "2022-01-06"},
//!   {"op": "set_title", "event": "ID", "title": "Marenko asks the alliance for troops"},
//!   {"op": "set_type", "event": "ID", "type": "security"},
//!   {"op": "merge", "events": ["ID", "ID2"]},
//!   {"op": "split", "event": "ID", "document": "DOC", "start": 1234},
//!   {"op": "drop", "event": "ID"},
//!   {"op": "pin", "before": "ID", "after": "ID2"}
//! ]}
//! ```
//!
//! Event ids are stable across runs on the same corpus (they derive from
//! the action, the date and the first mention), so an edits file keeps
//! working as long as the text it refers to does. An edit that no longer
//! applies (its event is gone) is reported as a finding, never dropped in
//! silence.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{fnv, order};
use crate::error::ReadError;
use crate::model::{
    DateInfo, Event, EventType, Finding, FindingKind, Flag, Granularity, Severity, Timeline,
};

/// One correction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
pub enum Edit {
    /// Set an event's date interval (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    SetDate {
        /// Event id.
        event: String,
        /// First possible day.
        earliest: String,
        /// Last possible day.
        latest: String,
    },
    /// Set an event's title.
    SetTitle {
        /// Event id.
        event: String,
        /// The new title.
        title: String,
    },
    /// Set an event's type.
    SetType {
        /// Event id.
        event: String,
        /// The new type.
        #[serde(rename = "type")]
        event_type: EventType,
    },
    /// Merge events into the first one listed.
    Merge {
        /// Event ids, the first keeps its id, title and date.
        events: Vec<String>,
    },
    /// Move one mention out of an event into an event of its own.
    Split {
        /// Event id.
        event: String,
        /// Document of the mention.
        document: String,
        /// Start offset of the mention.
        start: usize,
    },
    /// Leave an event out.
    Drop {
        /// Event id.
        event: String,
    },
    /// Put one event before another, whatever the dates say.
    Pin {
        /// The earlier event.
        before: String,
        /// The later event.
        after: String,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    edits: Vec<Edit>,
}

/// Read an edits file.
///
/// # Errors
/// [`ReadError`] naming the file, line and column.
pub fn read(path: &Path) -> Result<Vec<Edit>, ReadError> {
    let text = std::fs::read_to_string(path)
        .map_err(|source| ReadError::Io { path: path.to_path_buf(), source })?;
    serde_json::from_str::<File>(&text).map(|f| f.edits).map_err(|e| ReadError::Json {
        path: path.to_path_buf(),
        line: e.line(),
        column: e.column(),
        message: e.to_string().split(" at line").next().unwrap_or("").to_string(),
    })
}

fn date_info(earliest: &str, latest: &str) -> Option<DateInfo> {
    let span = crate::model::date_span(earliest, latest)?;
    // one day, month or year at the precision it is written; else a range
    let g = if span.earliest_str() == span.latest_str() { span.unit() } else { Granularity::Range };
    Some(DateInfo::new(
        span,
        g,
        crate::model::Resolution::Explicit,
        crate::model::Evidence::of(crate::model::DateSource::Reviewer),
    ))
}

fn recount(e: &mut Event) {
    e.mentions.sort_by(|a, b| (&a.document, a.start).cmp(&(&b.document, b.start)));
    let sources: std::collections::BTreeSet<String> =
        e.mentions.iter().map(|m| m.document.clone()).collect();
    e.mention_count = e.mentions.len();
    e.source_count = sources.len();
    e.sources = sources.into_iter().collect();
}

/// Apply the edits in order, then order the events again.
///
/// Returns the corrected timeline; edits that no longer apply become
/// `edit-not-applied` findings in it, and are also returned as messages.
#[must_use]
pub fn apply(mut t: Timeline, edits: &[Edit]) -> (Timeline, Vec<String>) {
    let mut stale = Vec::new();
    let mut pins = Vec::new();
    let pos = |t: &Timeline, id: &str| t.events.iter().position(|e| e.id == id);
    for (n, edit) in edits.iter().enumerate() {
        let mut fail = |why: String| {
            stale.push(format!(
                "edit {} ({}): {why}",
                n + 1,
                serde_json::to_string(edit).unwrap_or_default()
            ));
        };
        match edit {
            Edit::SetDate { event, earliest, latest } => match (pos(&t, event), date_info(earliest, latest)) {
                (Some(i), Some(d)) => {
                    // the reviewer's date answers what the review said of
                    // the old one: its flags and findings go
                    let e = &mut t.events[i];
                    e.date = Some(d);
                    e.flags.retain(|f| !f.of_date());
                    let id = e.id.clone();
                    t.findings.retain(|f| !(f.kind.of_date() && f.events == [id.as_str()]));
                }
                (None, _) => fail(format!("no event {event}")),
                (_, None) => fail(format!("expected dates like 2022-01-05 with earliest <= latest, but found {earliest:?}..{latest:?}")),
            },
            Edit::SetTitle { event, title } => match pos(&t, event) {
                Some(i) => t.events[i].title.clone_from(title),
                None => fail(format!("no event {event}")),
            },
            Edit::SetType { event, event_type } => match pos(&t, event) {
                Some(i) => t.events[i].event_type = *event_type,
                None => fail(format!("no event {event}")),
            },
            Edit::Merge { events } => {
                if events.len() < 2 {
                    fail(format!("expected at least two events to merge, but found {}", events.len()));
                    continue;
                }
                let idx: Vec<Option<usize>> = events.iter().map(|id| pos(&t, id)).collect();
                if let Some(missing) = events.iter().zip(&idx).find(|(_, i)| i.is_none()) {
                    fail(format!("no event {}", missing.0));
                    continue;
                }
                let Some(first) = idx[0] else { continue };
                let mut moved = Vec::new();
                for id in &events[1..] {
                    if let Some(i) = pos(&t, id).filter(|&i| i != first) {
                        moved.append(&mut t.events[i].mentions);
                        t.events[i].id.clear();
                    }
                }
                let keep = t.events.iter().position(|e| e.id == events[0]).expect("still there");
                t.events[keep].mentions.extend(moved);
                t.events.retain(|e| !e.id.is_empty());
            }
            Edit::Split { event, document, start } => {
                let Some(i) = pos(&t, event) else {
                    fail(format!("no event {event}"));
                    continue;
                };
                let Some(k) = t.events[i].mentions.iter().position(|m| &m.document == document && m.start == *start) else {
                    fail(format!("no mention of {event} in {document} at {start}"));
                    continue;
                };
                if t.events[i].mentions.len() < 2 {
                    fail(format!("{event} has a single mention"));
                    continue;
                }
                let m = t.events[i].mentions.remove(k);
                let mut e = t.events[i].clone();
                e.id = format!("{}-split-{:08x}", event, fnv(&format!("{}:{}", m.document, m.start)));
                e.title = m.quote.split_whitespace().take(10).collect::<Vec<_>>().join(" ");
                e.date.clone_from(&m.date);
                e.mentions = vec![m];
                e.flags = vec![Flag::SplitByReviewer];
                t.events.push(e);
            }
            Edit::Drop { event } => match pos(&t, event) {
                Some(i) => {
                    t.events.remove(i);
                }
                None => fail(format!("no event {event}")),
            },
            Edit::Pin { before, after } => match (pos(&t, before), pos(&t, after)) {
                (Some(_), Some(_)) => pins.push((before.clone(), after.clone())),
                _ => fail(format!("no event {} ", if pos(&t, before).is_none() { before } else { after })),
            },
        }
    }
    for e in &mut t.events {
        recount(e);
    }
    let ids: std::collections::BTreeSet<String> = t.events.iter().map(|e| e.id.clone()).collect();
    t.findings.retain(|f| {
        f.kind != FindingKind::OrderingCycle && f.events.iter().all(|id| ids.contains(id))
    });
    let (events, edges, cycles) =
        order::order(std::mem::take(&mut t.events), &pins, &order::ToldBy::new());
    t.events = events;
    super::salience::assign(&t.documents, &mut t.events);
    t.edges = edges;
    t.findings.extend(cycles);
    for s in &stale {
        t.findings.push(Finding {
            kind: FindingKind::EditNotApplied,
            severity: Severity::Error,
            events: Vec::new(),
            message: s.clone(),
        });
    }
    crate::model::Finding::sort(&mut t.findings);
    (t, stale)
}
