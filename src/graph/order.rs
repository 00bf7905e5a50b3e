//! The temporal graph: which event comes before which, and why.
//!
//! Nodes are events; BEFORE edges come from
//! * disjoint date intervals (`dates`): each event points at the first
//!   event that starts after it ends, which keeps the edges linear in
//!   number and still implies every pair;
//! * the text (`text`): a mention told to follow another ("Then Marenko
//!   invited ..."), recorded by the extract stage with its cue;
//! * a reviewer's pinned order (`pinned`), from an edits file.
//!
//! Events with a vague date are narrowed by their text neighbours (an
//! event told after one of 5 January and before one of 6 January lies in
//! [5, 6]); an undated event told after one of 5 January lies between
//! that day and its article's reference day. Strongly connected components
//! (petgraph's Tarjan) are contradictions: their text edges are reported
//! with their quotes and left out, so a timeline is still produced. The
//! display order is a topological order with ties broken by date, then by
//! first mention, then by id.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};
use std::fmt::Write as _;

use crate::model::{
    DateInfo, Event, Finding, FindingKind, Granularity, Narrowing, OrderEdge, Origin, Resolution,
    Severity, Span, TimeRelation,
};
use petgraph::algo::tarjan_scc;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;

struct Edge {
    from: usize,
    to: usize,
    origin: Origin,
    quote: Option<String>,
    sources: Vec<String>,
}

fn span(e: &Event) -> Option<Span> {
    e.date.as_ref().map(|d| d.span)
}

/// Text edges: each mention that follows another gives an edge from the
/// event of the earlier mention.
fn text_edges(events: &[Event]) -> Vec<Edge> {
    let mut at: BTreeMap<(&str, usize, usize), usize> = BTreeMap::new();
    for (i, e) in events.iter().enumerate() {
        for m in &e.mentions {
            at.insert((m.document.as_str(), m.start, m.end), i);
        }
    }
    let mut out = Vec::new();
    for (i, e) in events.iter().enumerate() {
        for m in &e.mentions {
            let Some(r) = &m.follows else { continue };
            if let Some(&j) = at.get(&(m.document.as_str(), r.start, r.end)) {
                if j != i {
                    out.push(Edge {
                        from: j,
                        to: i,
                        origin: Origin::Text,
                        quote: Some(m.quote.clone()),
                        sources: vec![m.document.clone()],
                    });
                }
            }
        }
    }
    // one edge per pair, with every document that tells it
    out.sort_by(|a, b| (a.from, a.to, &a.sources).cmp(&(b.from, b.to, &b.sources)));
    out.dedup_by(|later, kept| {
        let same = later.from == kept.from && later.to == kept.to;
        if same {
            for s in later.sources.drain(..) {
                if !kept.sources.contains(&s) {
                    kept.sources.push(s);
                }
            }
        }
        same
    });
    out
}

/// SAME-TIME and INCLUDES edges between neighbours in date order: linear
/// in number, for readers and programs; they do not constrain the order.
fn overlap_edges(events: &[Event]) -> Vec<OrderEdge> {
    let mut dated: Vec<(Span, usize)> =
        events.iter().enumerate().filter_map(|(i, e)| Some((span(e)?, i))).collect();
    dated.sort_by_key(|&(s, i)| (s.lo, std::cmp::Reverse(s.hi), i));
    let mut out = Vec::new();
    for w in dated.windows(2) {
        let ((a, i), (b, j)) = (w[0], w[1]);
        let kind = if a == b {
            TimeRelation::SameTime
        } else if a.contains(&b) {
            TimeRelation::Includes
        } else {
            continue;
        };
        out.push(OrderEdge {
            before: events[i].id.clone(),
            after: events[j].id.clone(),
            origin: Origin::Dates,
            quote: None,
            kind,
            sources: Vec::new(),
        });
    }
    out
}

fn date_edges(events: &[Event]) -> Vec<Edge> {
    let spans: Vec<Option<Span>> = events.iter().map(span).collect();
    let mut dated: Vec<usize> = (0..events.len()).filter(|&i| spans[i].is_some()).collect();
    dated.sort_by_key(|&i| (spans[i].map(|s| s.lo), spans[i].map(|s| s.hi), i));
    let los: Vec<_> = dated.iter().map(|&i| spans[i].expect("dated").lo).collect();
    let mut out = Vec::new();
    for &i in &dated {
        let hi = spans[i].expect("dated").hi;
        let k = los.partition_point(|&lo| lo <= hi);
        if let Some(&j) = dated.get(k) {
            out.push(Edge {
                from: i,
                to: j,
                origin: Origin::Dates,
                quote: None,
                sources: Vec::new(),
            });
        }
    }
    out
}

/// "... accepted the resignation of the government and withdrew the
/// troops": an undated event told after an event dated to a day or a week
/// is dated from that event's first day to the reference day of the
/// articles that tell it (`told_by`: each document's last day told, and
/// whether it was inferred). Resolution `narrative`, or `inferred` when
/// that day or the earlier event's date was. A chain of such events is
/// dated link by link; the id follows the new date.
fn date_followers(events: &mut [Event], edges: &[Edge], told_by: &ToldBy<'_>) {
    // a chain needs one pass per link: a few at most in any text
    for _ in 0..4 {
        let mut changed = false;
        for e in edges {
            if events[e.to].date.is_some() {
                continue;
            }
            let Some(before) = events[e.from].date.as_ref() else { continue };
            if before.granularity > Granularity::Week {
                continue;
            }
            let bounds: Vec<(chrono::NaiveDate, bool)> =
                e.sources.iter().filter_map(|s| told_by.get(s.as_str()).copied()).collect();
            let Some(&(upper, _)) = bounds.iter().min() else { continue };
            let lower = before.span.lo;
            if lower > upper {
                continue;
            }
            let inferred = bounds.iter().any(|b| b.1) || before.resolution >= Resolution::Inferred;
            let span = Span { lo: lower, hi: upper };
            let date = DateInfo::new(
                span,
                if lower == upper { Granularity::Day } else { Granularity::Range },
                if inferred { Resolution::Inferred } else { Resolution::Narrative },
                crate::model::Evidence::of(crate::model::DateSource::Narrative {
                    after: events[e.from].title.clone(),
                    lower,
                    upper,
                }),
            );
            let ev = &mut events[e.to];
            ev.id = super::event_id(&ev.mentions[0].action, Some(&date), &ev.mentions[0]);
            ev.date = Some(date);
            changed = true;
        }
        if !changed {
            break;
        }
    }
}

/// Narrow the dates of events that are not written out, from their text
/// neighbours: after a predecessor's start, before a successor's end.
fn tighten(events: &mut [Event], edges: &[Edge]) {
    for e in edges.iter().filter(|e| e.origin != Origin::Dates) {
        let (Some(before), Some(after)) = (span(&events[e.from]), span(&events[e.to])) else {
            continue;
        };
        let narrowable = |ev: &Event| {
            ev.date.as_ref().is_some_and(|d| {
                d.granularity == Granularity::Range
                    || d.resolution != crate::model::Resolution::Explicit
            })
        };
        if narrowable(&events[e.to]) && before.lo > after.lo && before.lo <= after.hi {
            let t = &events[e.from].title;
            let s = Span { lo: before.lo, hi: after.hi };
            let d = events[e.to].date.as_ref().expect("dated");
            let evidence = d.evidence.narrowed(Narrowing::Neighbour {
                after: true,
                title: t.clone(),
                day: before.earliest_str(),
            });
            events[e.to].date = Some(DateInfo::new(
                s,
                if s.lo == s.hi { Granularity::Day } else { Granularity::Range },
                d.resolution,
                evidence,
            ));
        }
        if narrowable(&events[e.from]) && after.hi < before.hi && after.hi >= before.lo {
            let t = &events[e.to].title;
            let s = Span { lo: before.lo, hi: after.hi };
            let d = events[e.from].date.as_ref().expect("dated");
            let evidence = d.evidence.narrowed(Narrowing::Neighbour {
                after: false,
                title: t.clone(),
                day: after.latest_str(),
            });
            events[e.from].date = Some(DateInfo::new(
                s,
                if s.lo == s.hi { Granularity::Day } else { Granularity::Range },
                d.resolution,
                evidence,
            ));
        }
    }
}

/// Each document's last day told (its reference day, else the end of its
/// date) and whether that day was inferred: what dates an undated event
/// told after a dated one.
pub type ToldBy<'a> = BTreeMap<&'a str, (chrono::NaiveDate, bool)>;

/// Order the events (see the module docs). `pins` are (earlier id, later
/// id) pairs a reviewer fixed; `told_by` dates undated events told after
/// dated ones (empty: none is dated). Returns the events in display order, the
/// edges kept, and the findings about contradictions.
///
/// Complexity: O((V + E) log V) with E linear in V for the date edges.
#[must_use]
pub fn order(
    mut events: Vec<Event>,
    pins: &[(String, String)],
    told_by: &ToldBy<'_>,
) -> (Vec<Event>, Vec<OrderEdge>, Vec<Finding>) {
    let mut edges = text_edges(&events);
    // (it may give an event a date, and so a new id, before pins are read)
    date_followers(&mut events, &edges, told_by);
    let ids: BTreeMap<String, usize> =
        events.iter().enumerate().map(|(i, e)| (e.id.clone(), i)).collect();
    for (a, b) in pins {
        if let (Some(&i), Some(&j)) = (ids.get(a), ids.get(b)) {
            edges.push(Edge {
                from: i,
                to: j,
                origin: Origin::Pinned,
                quote: None,
                sources: Vec::new(),
            });
        }
    }
    tighten(&mut events, &edges);
    edges.extend(date_edges(&events));

    let mut findings = Vec::new();
    let mut g: DiGraph<usize, usize> = DiGraph::new();
    let nodes: Vec<NodeIndex> = (0..events.len()).map(|i| g.add_node(i)).collect();
    for (k, e) in edges.iter().enumerate() {
        g.add_edge(nodes[e.from], nodes[e.to], k);
    }
    // contradictions: drop the text edges of every cycle, and say so
    let mut dropped = vec![false; edges.len()];
    for scc in tarjan_scc(&g) {
        if scc.len() < 2 {
            continue;
        }
        let members: std::collections::BTreeSet<usize> = scc.iter().map(|n| g[*n]).collect();
        let inside: Vec<usize> = g
            .edge_references()
            .filter(|r| members.contains(&g[r.source()]) && members.contains(&g[r.target()]))
            .map(|r| *r.weight())
            .collect();
        let mut quotes = Vec::new();
        for &k in &inside {
            if edges[k].origin == Origin::Text {
                dropped[k] = true;
                quotes.push(format!("\"{}\"", edges[k].quote.as_deref().unwrap_or("")));
            }
        }
        let mut involved: Vec<String> = members.iter().map(|&i| events[i].id.clone()).collect();
        involved.sort();
        findings.push(Finding {
            kind: FindingKind::OrderingCycle,
            severity: Severity::Error,
            events: involved,
            message: format!(
                "the text orders {} events against their dates; left out: {}",
                members.len(),
                if quotes.is_empty() {
                    "no text edge (pinned orders conflict)".into()
                } else {
                    quotes.join(", ")
                }
            ),
        });
    }
    let spans: Vec<Option<Span>> = events.iter().map(span).collect();
    let key = |i: usize| {
        let first = events[i].mentions.first().map(|m| (m.document.clone(), m.start));
        (
            spans[i].is_none(),
            spans[i].map(|s| s.lo),
            spans[i].map(|s| s.hi),
            first,
            events[i].id.clone(),
        )
    };
    let mut indegree = vec![0usize; events.len()];
    let mut out_edges: Vec<Vec<usize>> = vec![Vec::new(); events.len()];
    for (k, e) in edges.iter().enumerate() {
        if !dropped[k] {
            indegree[e.to] += 1;
            out_edges[e.from].push(e.to);
        }
    }
    let mut heap: BinaryHeap<Reverse<(_, usize)>> =
        (0..events.len()).filter(|&i| indegree[i] == 0).map(|i| Reverse((key(i), i))).collect();
    let mut order = Vec::with_capacity(events.len());
    let mut placed = vec![false; events.len()];
    while let Some(Reverse((_, i))) = heap.pop() {
        order.push(i);
        placed[i] = true;
        for &j in &out_edges[i] {
            indegree[j] -= 1;
            if indegree[j] == 0 {
                heap.push(Reverse((key(j), j)));
            }
        }
    }
    // what a pinned cycle left unplaced goes last, in key order
    let mut rest: Vec<usize> = (0..events.len()).filter(|&i| !placed[i]).collect();
    rest.sort_by_key(|&i| key(i));
    order.extend(rest);
    let mut kept: Vec<OrderEdge> = edges
        .iter()
        .zip(&dropped)
        .filter(|(_, d)| !**d)
        .map(|(e, _)| OrderEdge {
            before: events[e.from].id.clone(),
            after: events[e.to].id.clone(),
            origin: e.origin,
            quote: e.quote.clone(),
            kind: TimeRelation::Before,
            sources: e.sources.clone(),
        })
        .collect();
    kept.extend(overlap_edges(&events));
    let mut slots: Vec<Option<Event>> = events.into_iter().map(Some).collect();
    let ordered = order.into_iter().map(|i| slots[i].take().expect("each event once")).collect();
    (ordered, kept, findings)
}

/// The ordering graph in Graphviz DOT.
#[must_use]
pub fn dot(events: &[Event], edges: &[OrderEdge]) -> String {
    let esc = crate::escape::dot;
    let mut s = String::from(
        "digraph timeline {\n  rankdir=LR;\n  node [shape=box, fontname=\"DejaVu Sans\"];\n",
    );
    for e in events {
        let date = e.date.as_ref().map_or_else(
            || "undated".to_string(),
            |d| {
                let (earliest, latest) = (d.earliest(), d.latest());
                if earliest == latest {
                    earliest
                } else {
                    format!("{earliest} – {latest}")
                }
            },
        );
        let _ = writeln!(s, "  \"{}\" [label=\"{}\\n{}\"];", esc(&e.id), esc(&date), esc(&e.title));
    }
    for e in edges {
        let style = match e.origin {
            Origin::Dates => "color=gray",
            Origin::Text => "color=blue",
            Origin::Pinned => "color=red, style=bold",
        };
        let origin = match e.origin {
            Origin::Dates => "before, by their dates",
            Origin::Text => "before, as the text tells",
            Origin::Pinned => "before, pinned by a reviewer",
        };
        let label = match (e.kind, e.sources.len()) {
            (TimeRelation::Before, n) if n > 1 => format!("{origin}; {n} sources tell it"),
            (TimeRelation::Before, _) => origin.to_string(),
            (TimeRelation::SameTime, _) => "same time".to_string(),
            (TimeRelation::Includes, _) => "includes".to_string(),
        };
        let style = if e.kind == TimeRelation::Before {
            style
        } else {
            "color=gray, style=dashed, arrowhead=none"
        };
        let _ = writeln!(
            s,
            "  \"{}\" -> \"{}\" [{style}, label=\"{label}\"];",
            esc(&e.before),
            esc(&e.after)
        );
    }
    s.push_str("}\n");
    s
}
