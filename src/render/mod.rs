//! Stage 3: an ordered [`Timeline`] -> an SVG image.
//!
//! The renderer never parses text or re-orders events; it draws what the
//! graph stage decided.
//!
//! * **Axis.** Piecewise linear: event dates are grouped into segments
//!   separated by gaps of more than [`RenderOptions::break_days`]; each
//!   segment gets width by the number of events in it, and a break mark
//!   stands between segments, so 1986 and January 2022 share one readable
//!   axis. Ticks fit each segment's span (days, months or years).
//! * **Events.** A dot for a day, a bar for a longer interval (so the
//!   precision is visible), a hollow mark for a date inferred from the
//!   corpus, a red ring for a date a reviewer must check. Each event sits
//!   on a row with its label beside its mark; rows are packed greedily in
//!   chronological order, so no two labels (and no label and mark) overlap
//!   and every label lies inside the canvas.
//! * **Sources.** Numbered badges after each label (linked to the source's
//!   URL where it has one) and a legend of the sources; a `<title>`
//!   tooltip with the date evidence and quotes of each event.
//! * **Embedding.** Absolute `width`/`height`, a `viewBox`, an opaque
//!   background, plain `<text>` only, `role="img"` with `<title>` and
//!   `<desc>`; `DejaVu` Sans, which ships with the project and measures the
//!   labels, comes first in the font list.
//!
//! Layout and painting live apart: `axis` (segments, ticks, the x of a
//! day), `horizontal` and `vertical` (where each row goes), `labels` (the
//! words: dates, wrapped titles, tooltips), `paint` (palette, marks,
//! badges, frame, legend); [`format`](mod@format) writes every output format and
//! [`export`] the reports and exports.

pub mod export;
pub mod font;
pub mod format;
pub mod geometry;
pub mod png;

mod axis;
mod horizontal;
mod labels;
mod paint;
mod vertical;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::Datelike;

use crate::language::ENGLISH;
use crate::model::{Event, Flag, Span, Timeline};

use horizontal::render_horizontal;
use labels::sanitize_id;
pub use labels::{date_label, date_label_with_year};
use paint::{palette, type_label, Palette, FONT_FAMILY};
use vertical::render_vertical;

/// Colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Dark text on white (default).
    #[default]
    Light,
    /// Light text on near-black.
    Dark,
}

/// Rendering options.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// Canvas width in pixels. Default 1200.
    pub width: f64,
    /// Heading; default: the timeline's period and size.
    pub title: Option<String>,
    /// Colours. Default light.
    pub theme: Theme,
    /// Gaps between event dates longer than this many days are compressed
    /// into a break on the axis. Default 45.
    pub break_days: i64,
    /// Time running left to right (default) or top to bottom, which suits
    /// long timelines in documents.
    pub layout: Layout,
    /// The most events drawn; beyond it, the most salient are drawn and
    /// the subtitle says how many are left to the JSON. 0 draws all.
    /// Default 400.
    pub max_events: usize,
    /// What the timeline is about, for the default heading (an entity's
    /// name). Default: a name most of the documents' titles share.
    pub subject: Option<String>,
    /// Where the image goes, for a PNG's resolution (the width is set
    /// apart, see [`PrintSize::width`]). Default: none (2x, 192 dpi).
    pub size: Option<PrintSize>,
    /// Draw the heading in the image. A page that shows its own heading
    /// (the HTML report) turns it off; the subtitle stays. Default true.
    pub heading: bool,
}

/// Where the image goes: the width is chosen so that its smallest text
/// (the 9.5 px source badges) prints at 7 pt or more at that size, and a
/// PNG carries the resolution that makes it that size in Word or LaTeX.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrintSize {
    /// A 6.5-inch text column (a report or paper): 620 px, labels at
    /// 8.7 pt, badges at 7.2 pt; PNG at 3x, 286 dpi.
    Column,
    /// A landscape page, 9 inches of text width: 860 px; PNG at 3x, 287 dpi.
    Page,
    /// A 16:9 slide, 13.3 inches wide: 800 px, labels at 14.4 pt; PNG at
    /// 2x, 120 dpi.
    Slide,
}

impl PrintSize {
    /// The image's width in pixels.
    #[must_use]
    pub fn width(self) -> f64 {
        match self {
            PrintSize::Column => 620.0,
            PrintSize::Page => 860.0,
            PrintSize::Slide => 800.0,
        }
    }

    /// The width it is printed or shown at, in inches.
    #[must_use]
    pub fn inches(self) -> f64 {
        match self {
            PrintSize::Column => 6.5,
            PrintSize::Page => 9.0,
            PrintSize::Slide => 13.333,
        }
    }

    /// How many PNG pixels per SVG pixel.
    #[must_use]
    pub fn png_scale(self) -> f32 {
        match self {
            PrintSize::Column | PrintSize::Page => 3.0,
            PrintSize::Slide => 2.0,
        }
    }
}

/// Which way time runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// Left to right, labels packed in rows (default).
    #[default]
    Horizontal,
    /// Top to bottom, one event a line.
    Vertical,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            width: 1200.0,
            title: None,
            theme: Theme::Light,
            break_days: 45,
            layout: Layout::Horizontal,
            max_events: 400,
            subject: None,
            size: None,
            heading: true,
        }
    }
}

const MARGIN: f64 = 24.0;
const ROW: f64 = 24.0;
const LABEL_SIZE: f64 = 12.0;
const BADGE_SIZE: f64 = 9.5;
const GAP: f64 = 8.0;
/// From a mark's centre (or a bar's end) to its label: clear of the
/// warning ring (8.5 px and its stroke).
const MARK_GAP: f64 = 11.0;
const BREAK_W: f64 = 22.0;
struct Placed<'a> {
    event: &'a Event,
    row: usize,
    x0: f64,
    x1: f64,
    label_x: f64,
    anchor_end: bool,
    label: String,
    badges: Vec<usize>,
    /// Drawn on the row below its bar, which leaves no room beside it.
    below: bool,
}

fn badges_width(n: &[usize]) -> f64 {
    // a 4px gap after the label, then each badge and a 3px gap
    4.0 + n.iter().map(|i| font::width(&i.to_string(), BADGE_SIZE, true) + 8.0 + 3.0).sum::<f64>()
}

/// Draw the timeline as an SVG document (a complete file's text).
///
/// Events without a date are not drawn; the subtitle counts them.
/// Deterministic: the same timeline and options give the same bytes.
#[must_use]
pub fn render(t: &Timeline, opts: &RenderOptions) -> String {
    let (view, note) = match view(t, opts.max_events) {
        Some((v, note)) => (std::borrow::Cow::Owned(v), note),
        None => (std::borrow::Cow::Borrowed(t), String::new()),
    };
    // sources are numbered by the corpus, so a badge keeps its number
    // whatever the image leaves out
    let numbers: BTreeMap<&str, usize> =
        t.documents.iter().enumerate().map(|(i, d)| (d.id.as_str(), i + 1)).collect();
    if opts.layout == Layout::Vertical {
        render_vertical(&view, opts, &note, &numbers)
    } else {
        render_horizontal(&view, opts, &note, &numbers)
    }
}

/// "12 events from 5 sources · 3 undated events not shown", or for a large
/// timeline's view what its `note` says.
fn subtitle(events: usize, sources: usize, undated: usize, note: &str) -> String {
    if !note.is_empty() {
        return note.to_string();
    }
    let mut s = format!("{} from {}", count(events, "event"), count(sources, "source"));
    if undated > 0 {
        let _ = write!(s, " · {undated} undated events not shown");
    }
    s
}

/// "1 source", "3 sources".
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The most sources listed in the image's legend.
const MAX_LEGEND: usize = 60;
/// The most source badges drawn beside one event in a large timeline.
const MAX_BADGES: usize = 3;

/// What a large timeline's image shows: at most `max` dated events, the
/// most reported (by sources, then mentions), in timeline order; at most
/// [`MAX_BADGES`] sources each, and no badges at all when the sources
/// cited would not fit a legend. `None` when the timeline fits as it is.
/// The note says, for the subtitle, what was left to the JSON.
fn view(t: &Timeline, max: usize) -> Option<(Timeline, String)> {
    let dated: Vec<usize> = (0..t.events.len()).filter(|&i| t.events[i].date.is_some()).collect();
    let max = if max == 0 { usize::MAX } else { max };
    if dated.len() <= max && t.documents.len() <= MAX_LEGEND {
        return None;
    }
    // the most salient dated events (crate::graph::salience)
    let mut keep: Vec<usize> = crate::graph::salience::ranking(&t.events)
        .into_iter()
        .filter(|&i| t.events[i].date.is_some())
        .collect();
    keep.truncate(max);
    keep.sort_unstable();
    let mut events: Vec<Event> = keep.iter().map(|&i| t.events[i].clone()).collect();
    // the sources the badges would cite, and whether a legend can list them
    let cited: std::collections::BTreeSet<&str> =
        events.iter().flat_map(|e| e.sources.iter().take(MAX_BADGES).map(String::as_str)).collect();
    let cited_count = cited.len();
    let documents: Vec<_> = if cited.len() <= MAX_LEGEND {
        t.documents.iter().filter(|d| cited.contains(d.id.as_str())).cloned().collect()
    } else {
        Vec::new()
    };
    for e in &mut events {
        let n = e.sources.len();
        if documents.is_empty() && n > 0 {
            e.sources.clear();
            let _ = write!(
                e.title,
                " ({} source{})",
                e.source_count,
                if e.source_count == 1 { "" } else { "s" }
            );
        } else if n > MAX_BADGES {
            e.sources.truncate(MAX_BADGES);
            let _ = write!(e.title, " (+{})", count(n - MAX_BADGES, "source"));
        }
    }
    // what is drawn: its events and the sources they cite
    let drawn_sources = if documents.is_empty() { cited_count } else { documents.len() };
    let mut note =
        format!("{} from {}", count(events.len(), "event"), count(drawn_sources, "source"));
    if keep.len() < dated.len() {
        let _ = write!(
            note,
            " · the {} most salient of {} dated events; the JSON lists all",
            keep.len(),
            dated.len()
        );
    }
    let undated = t.events.len() - dated.len();
    if undated > 0 {
        let _ = write!(note, " · {undated} undated events not shown");
    }
    if documents.is_empty() {
        note.push_str(" · each label counts its sources");
    }
    let view = Timeline {
        format: t.format.clone(),
        documents,
        events,
        findings: Vec::new(),
        edges: Vec::new(),
        entities: Vec::new(),
    };
    Some((view, note))
}

/// What both layouts start from.
struct Common<'a> {
    pal: Palette,
    w: f64,
    left: f64,
    right: f64,
    /// A document's number in the legend.
    source_no: BTreeMap<&'a str, usize>,
    /// The events drawn, with their dates.
    dated: Vec<(&'a Event, Span)>,
    spans: Vec<Span>,
    title: String,
    subtitle: String,
    /// Where the events start, below the heading.
    top: f64,
    /// Whether the heading is drawn.
    heading: bool,
}

fn common<'a>(
    t: &'a Timeline,
    opts: &RenderOptions,
    note: &str,
    numbers: &BTreeMap<&str, usize>,
) -> Common<'a> {
    let w = opts.width.max(480.0);
    let source_no = t
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), numbers.get(d.id.as_str()).copied().unwrap_or(i + 1)))
        .collect();
    let dated: Vec<(&Event, Span)> =
        t.events.iter().filter_map(|e| Some((e, e.date.as_ref()?.span))).collect();
    let spans: Vec<Span> = dated.iter().map(|(_, s)| *s).collect();
    let title = heading(t, opts);
    let subtitle = subtitle(dated.len(), t.documents.len(), t.events.len() - dated.len(), note);
    Common {
        pal: palette(opts.theme),
        w,
        left: MARGIN,
        right: w - MARGIN,
        source_no,
        dated,
        spans,
        title,
        subtitle,
        top: if opts.heading { 84.0 } else { 50.0 },
        heading: opts.heading,
    }
}

/// The heading of a timeline's image and exports: `opts.title` when
/// given, else its subject (`opts.subject`, or a name most of the
/// documents' titles share) and the years of its dated events; a date the
/// review flags as after its own article never sets those years.
#[must_use]
pub fn heading(t: &Timeline, opts: &RenderOptions) -> String {
    if let Some(title) = &opts.title {
        return title.clone();
    }
    let spans = |trusted: bool| -> Vec<Span> {
        t.events
            .iter()
            .filter(|e| !trusted || !e.flags.contains(&Flag::DateAfterDocument))
            .filter_map(|e| Some(e.date.as_ref()?.span))
            .collect()
    };
    let mut years = spans(true);
    if years.is_empty() {
        years = spans(false);
    }
    let subject = opts.subject.clone().or_else(|| corpus_subject(t));
    default_title(subject.as_deref(), &years)
}

/// What a corpus is about: a name that stands in the titles of at least
/// half of its documents (two or more), the most frequent such, else none.
fn corpus_subject(t: &Timeline) -> Option<String> {
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for d in &t.documents {
        let Some(title) = &d.title else { continue };
        let words: std::collections::BTreeSet<&str> = title
            .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
            .filter(|w| {
                w.chars().count() >= 3
                    && w.starts_with(char::is_uppercase)
                    && !ENGLISH.subject_stop.contains(&w.to_lowercase().as_str())
            })
            .collect();
        for w in words {
            *count.entry(w).or_default() += 1;
        }
    }
    let need = t.documents.len().div_ceil(2).max(2);
    count
        .into_iter()
        .filter(|&(_, n)| n >= need)
        .max_by_key(|&(w, n)| (n, std::cmp::Reverse(w)))
        .map(|(w, _)| w.to_string())
}

/// The default heading: the subject (an entity, or what the corpus is
/// about) and the years the dated events cover.
fn default_title(subject: Option<&str>, spans: &[Span]) -> String {
    let years = match (spans.iter().map(|s| s.lo).min(), spans.iter().map(|s| s.hi).max()) {
        (Some(a), Some(b)) if a.year() == b.year() => a.year().to_string(),
        (Some(a), Some(b)) => format!("{}–{}", a.year(), b.year()),
        _ => String::new(),
    };
    match (subject, years.is_empty()) {
        (Some(s), false) => format!("{s}, {years}"),
        (Some(s), true) => s.to_string(),
        (None, false) => format!("Timeline {years}"),
        (None, true) => "Timeline".into(),
    }
}

#[cfg(test)]
mod tests;
