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

pub mod export;
pub mod font;
pub mod format;
pub mod geometry;
pub mod png;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::escape::{self, safe_url};
use chrono::{Datelike, NaiveDate};
use svg::node::element::{
    Anchor, Circle, Definitions, Description, Group, Line, Rectangle, Style, Text, Title,
};
use svg::Document as Svg;

use crate::model::{DateInfo, Event, EventType, Flag, Resolution, Span, Timeline};

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
/// The key to the marks, each shown only when the image has such a mark.
const KEY: [(Mark, &str); 5] = [
    (Mark::Day, "● day"),
    (Mark::Period, "▬ period"),
    (Mark::Inferred, "○ date inferred from the corpus, the narrative or other reports, or only bounded by the article"),
    (Mark::Disputed, "◌ dashed: sources disagree on the date"),
    (Mark::Alert, "◎ red ring: date after its own article, check it"),
];

/// The kinds of mark an image can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Day,
    Period,
    Inferred,
    Disputed,
    Alert,
}

/// Whether a date is not the text's own: inferred, from the narrative or
/// other reports, or only bounded by the article (a hollow mark).
fn uncertain(d: &DateInfo) -> bool {
    matches!(
        d.resolution,
        Resolution::Inferred | Resolution::Narrative | Resolution::Merged | Resolution::Document
    )
}

fn has_mark(e: &Event, span: Span, mark: Mark) -> bool {
    let d = e.date.as_ref();
    match mark {
        Mark::Day => span.lo == span.hi,
        Mark::Period => span.lo < span.hi,
        Mark::Inferred => d.is_some_and(uncertain),
        Mark::Disputed => e.flags.contains(&Flag::Disputed),
        Mark::Alert => e.flags.contains(&Flag::DateAfterDocument),
    }
}

/// One line of the key: pieces of text, each in a colour (`None`: the
/// muted text colour).
type KeyLine = Vec<(Option<&'static str>, String)>;
const FONT_FAMILY: &str = "'DejaVu Sans', Verdana, Arial, sans-serif";

struct Palette {
    bg: &'static str,
    fg: &'static str,
    muted: &'static str,
    grid: &'static str,
    band: &'static str,
    alert: &'static str,
    /// The statement type's grey, dark on light and light on dark.
    statement: &'static str,
}

fn palette(t: Theme) -> Palette {
    match t {
        Theme::Light => Palette {
            bg: "#ffffff",
            fg: "#111827",
            muted: "#6b7280",
            grid: "#e5e7eb",
            band: "#f3f4f6",
            alert: "#dc2626",
            statement: "#555555",
        },
        Theme::Dark => Palette {
            bg: "#111827",
            fg: "#f3f4f6",
            muted: "#9ca3af",
            grid: "#374151",
            band: "#1f2937",
            alert: "#f87171",
            statement: "#d4d4d4",
        },
    }
}

/// Type colours: the Okabe–Ito palette, which readers with any common
/// colour-vision deficiency tell apart, without its vermilion, so no type
/// looks like the red of a warning (a warning is a ring as well as a hue).
/// Statements are grey: dark on the light theme, light on the dark one,
/// so every type stands out from the dark background by 3:1 or more.
fn type_colour(t: EventType, pal: &Palette) -> &'static str {
    match t {
        EventType::Protest => "#e69f00",
        EventType::Violence => "#cc79a7",
        EventType::PoliticalChange => "#0072b2",
        EventType::Security => "#56b4e9",
        EventType::Economic => "#009e73",
        EventType::Statement => pal.statement,
        EventType::Diplomacy => "#b59a00",
        EventType::Other => "#a3a3a3",
    }
}

/// A type's name in the key.
pub(crate) fn type_label(t: EventType) -> &'static str {
    match t {
        EventType::Protest => "protest",
        EventType::Violence => "violence",
        EventType::PoliticalChange => "political change",
        EventType::Security => "security",
        EventType::Economic => "economy",
        EventType::Statement => "statement",
        EventType::Diplomacy => "diplomacy",
        EventType::Other => "other",
    }
}

fn px(v: f64) -> String {
    let s = format!("{v:.1}");
    s.strip_suffix(".0").map_or(s.clone(), str::to_string)
}

/// A piece of the axis: the days `lo..=hi` drawn over `x0..x1`.
#[derive(Debug, Clone, Copy)]
struct Segment {
    lo: i64,
    hi: i64,
    x0: f64,
    x1: f64,
}

fn day_number(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce())
}

fn from_day(n: i64) -> NaiveDate {
    i32::try_from(n).ok().and_then(NaiveDate::from_num_days_from_ce_opt).unwrap_or_default()
}

/// Split the dates into segments and give each its share of the width.
fn axis(spans: &[Span], left: f64, right: f64, break_days: i64) -> Vec<Segment> {
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
            #[allow(clippy::cast_precision_loss)]
            let n = n.max(1) as f64;
            n.powf(0.7)
        })
        .collect();
    #[allow(clippy::cast_precision_loss)]
    let breaks = (groups.len() - 1) as f64;
    let avail = (right - left - breaks * BREAK_W).max(10.0);
    let total: f64 = weights.iter().sum();
    #[allow(clippy::cast_precision_loss)]
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

fn x_of(segments: &[Segment], day: i64, end_of_day: bool) -> f64 {
    let seg = segments
        .iter()
        .find(|s| day >= s.lo && day <= s.hi)
        .or_else(|| segments.iter().min_by_key(|s| (s.lo - day).abs().min((s.hi - day).abs())))
        .expect("segments cover the dates");
    let pad = ((seg.x1 - seg.x0) * 0.08).min(14.0);
    let (a, b) = (seg.x0 + pad, seg.x1 - pad);
    #[allow(clippy::cast_precision_loss)]
    let days = (seg.hi - seg.lo + 1) as f64;
    #[allow(clippy::cast_precision_loss)]
    let off = (day.clamp(seg.lo, seg.hi) - seg.lo) as f64 + if end_of_day { 1.0 } else { 0.0 };
    if seg.hi == seg.lo {
        return f64::midpoint(a, b);
    }
    a + (b - a) * off / days
}

const MONTHS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

fn month_name(d: NaiveDate) -> &'static str {
    MONTHS[d.month0() as usize]
}

/// The date with its year wherever it stands alone (a table, an export):
/// "Jan 5, 2022", "≈Jan 3–6, 2022", "Dec 30, 2021 – Jan 2, 2022",
/// "1989–2019", "Jan 2022".
#[must_use]
pub fn date_label_with_year(d: &DateInfo) -> String {
    let label = date_label(d);
    let s = d.span;
    if s.unit() != crate::model::Granularity::Day {
        return label;
    }
    if s.lo.year() == s.hi.year() {
        format!("{label}, {}", s.lo.year())
    } else {
        let approx = ["≈", "by "].into_iter().find(|p| label.starts_with(p)).unwrap_or("");
        format!(
            "{approx}{} {}, {} – {} {}, {}",
            month_name(s.lo),
            s.lo.day(),
            s.lo.year(),
            month_name(s.hi),
            s.hi.day(),
            s.hi.year()
        )
    }
}

/// The date as a reader wants it in a label: "Jan 5", "Jan 3–6", "2019",
/// "1989–2019", "Jan 2022"; "≈Jan 5" when inferred, "by Jan 2022" when
/// only its article's date bounds it.
#[must_use]
pub fn date_label(d: &DateInfo) -> String {
    let s = d.span;
    let (e, l) = (s.earliest_str(), s.latest_str());
    // "by Jan 2022": no date of its own, reported by an article of then
    let approx = match d.resolution {
        Resolution::Inferred | Resolution::Narrative => "≈",
        Resolution::Document => "by ",
        _ => "",
    };
    let body = if e.len() == 4 && l.len() == 4 {
        if e == l {
            e
        } else {
            format!("{e}–{l}")
        }
    } else if e.len() == 7 && l.len() == 7 {
        if e == l {
            format!("{} {}", month_name(s.lo), s.lo.year())
        } else {
            format!("{} {}–{} {}", month_name(s.lo), s.lo.year(), month_name(s.hi), s.hi.year())
        }
    } else if s.lo == s.hi {
        format!("{} {}", month_name(s.lo), s.lo.day())
    } else if s.lo.year() == s.hi.year() && s.lo.month() == s.hi.month() {
        format!("{} {}–{}", month_name(s.lo), s.lo.day(), s.hi.day())
    } else {
        format!("{} {} – {} {}", month_name(s.lo), s.lo.day(), month_name(s.hi), s.hi.day())
    };
    format!("{approx}{body}")
}

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

#[allow(clippy::too_many_lines)]
fn render_horizontal(
    t: &Timeline,
    opts: &RenderOptions,
    note: &str,
    numbers: &BTreeMap<&str, usize>,
) -> String {
    let Common { pal, w, left, right, source_no, dated, spans, title, subtitle, top, heading } =
        common(t, opts, note, numbers);
    let segments = axis(&spans, left, right, opts.break_days.max(1));

    // place labels row by row
    let mut rows: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut placed: Vec<Placed> = Vec::new();
    for (e, s) in &dated {
        let x0 = x_of(&segments, day_number(s.lo), false);
        let x1 = x_of(&segments, day_number(s.hi), true).max(x0);
        // a day is a dot, however wide the day is drawn
        let (x0, x1) = if s.lo == s.hi || x1 - x0 < 3.0 {
            let m = f64::midpoint(x0, x1);
            (m, m)
        } else {
            (x0, x1)
        };
        let badges: Vec<usize> =
            e.sources.iter().filter_map(|d| source_no.get(d.as_str()).copied()).collect();
        let date = e.date.as_ref().map(date_label).unwrap_or_default();
        let bw = badges_width(&badges);
        let full = format!("{date}  {}", e.title);
        let space_right = right - (x1 + MARK_GAP) - bw;
        let space_left = (x0 - MARK_GAP) - left - bw;
        let fits = |room: f64| font::width(&full, LABEL_SIZE, false) <= room;
        // prefer the right of the mark, the left near the right edge, and
        // the row below a long bar that leaves no room beside it: a label
        // never lies over a mark, its own or another's
        let below_room = right - x0.max(left) - bw;
        let beside = space_right.max(space_left);
        let below = below_room > beside
            && (beside < 80.0 || x1 > x0 && !fits(space_right) && !fits(space_left));
        let (anchor_end, room) = if below {
            (false, below_room)
        } else if fits(space_right) || space_right >= space_left {
            (false, space_right)
        } else {
            (true, space_left)
        };
        let label = font::fit(&full, LABEL_SIZE, false, room.max(12.0));
        let lw = font::width(&label, LABEL_SIZE, false) + bw;
        let label_x = if below {
            x0.max(left)
        } else if anchor_end {
            x0 - MARK_GAP - bw
        } else {
            x1 + MARK_GAP
        };
        // what the event takes on its row (and on the next, for a label
        // below its bar)
        // (a label below its bar keeps the bar's row clear above it, so
        // no other label reads as the bar's)
        let (a, b) = if below {
            (x0 - 10.0, (x1 + 10.0).max(label_x + lw + 2.0))
        } else if anchor_end {
            (x0 - MARK_GAP - lw, x1 + 10.0)
        } else {
            (x0 - 10.0, x1 + MARK_GAP + lw)
        };
        let free = |r: &Vec<(f64, f64)>, a: f64, b: f64| {
            r.iter().all(|&(p, q)| b + GAP <= p || q + GAP <= a)
        };
        let label_span = (label_x - 2.0, label_x + lw + 2.0);
        let fits_at = |rows: &Vec<Vec<(f64, f64)>>, i: usize| {
            free(&rows[i], a, b)
                && (!below || rows.get(i + 1).is_none_or(|r| free(r, label_span.0, label_span.1)))
        };
        let row = (0..rows.len()).find(|&i| fits_at(&rows, i)).unwrap_or(rows.len());
        while rows.len() < row + 1 + usize::from(below) {
            rows.push(Vec::new());
        }
        rows[row].push((a, b));
        if below {
            rows[row + 1].push(label_span);
        }
        placed.push(Placed { event: e, row, x0, x1, label_x, anchor_end, label, badges, below });
    }

    #[allow(clippy::cast_precision_loss)]
    let axis_y = top + rows.len() as f64 * ROW + 14.0;
    let legend_top = axis_y + 56.0;
    let key_lines = key_lines(&dated, right - left, &pal);
    #[allow(clippy::cast_precision_loss)]
    let height = legend_top
        + 22.0
        + t.documents.len() as f64 * 18.0
        + 14.0
        + key_lines.len() as f64 * 15.0
        + 12.0;

    let items: Vec<String> = placed.iter().map(|p| p.label.clone()).collect();
    let mut doc = frame(w, height, (&title, heading), &subtitle, &items, &pal);

    // breaks, grid and ticks: the grid (lines and break bands behind the
    // events) apart from the axis (its line, ticks, tick labels and break
    // marks), which no label may touch
    let mut grid_g = Group::new().set("id", "grid").set("class", "grid");
    let mut axis_g = Group::new().set("id", "axis").set("class", "axis");
    for pair in segments.windows(2) {
        let bx = f64::midpoint(pair[0].x1, pair[1].x0);
        grid_g = grid_g.add(
            Rectangle::new()
                .set("x", px(pair[0].x1 + 4.0))
                .set("y", px(top - 10.0))
                .set("width", px(BREAK_W - 8.0))
                .set("height", px(axis_y - top + 10.0))
                .set("fill", pal.band),
        );
        for dx in [-3.0, 3.0] {
            axis_g = axis_g.add(
                Line::new()
                    .set("x1", px(bx + dx - 3.0))
                    .set("y1", px(axis_y + 6.0))
                    .set("x2", px(bx + dx + 3.0))
                    .set("y2", px(axis_y - 6.0))
                    .set("stroke", pal.muted)
                    .set("stroke-width", 1.5),
            );
        }
    }
    for s in &segments {
        axis_g = axis_g.add(
            Line::new()
                .set("x1", px(s.x0))
                .set("y1", px(axis_y))
                .set("x2", px(s.x1))
                .set("y2", px(axis_y))
                .set("stroke", pal.fg)
                .set("stroke-width", 1.5),
        );
        let ticks = ticks(s);
        let mut last_right = f64::NEG_INFINITY;
        let day_ticks = s.hi - s.lo < 120;
        for (day, label) in ticks {
            let one = std::slice::from_ref(s);
            // day ticks at midday, where the day's dots are; a lone year in
            // the middle of its segment
            let x = if s.hi - s.lo <= 366 && !day_ticks || s.hi == s.lo {
                f64::midpoint(s.x0, s.x1)
            } else if day_ticks {
                f64::midpoint(x_of(one, day, false), x_of(one, day, true))
            } else {
                x_of(one, day, false)
            };
            let lw = font::width(&label, 10.5, false);
            if x - lw / 2.0 < last_right + 6.0 || x - lw / 2.0 < left || x + lw / 2.0 > right {
                continue;
            }
            last_right = x + lw / 2.0;
            grid_g = grid_g.add(
                Line::new()
                    .set("x1", px(x))
                    .set("y1", px(top - 10.0))
                    .set("x2", px(x))
                    .set("y2", px(axis_y))
                    .set("stroke", pal.grid)
                    .set("stroke-width", 1),
            );
            axis_g = axis_g
                .add(
                    Line::new()
                        .set("x1", px(x))
                        .set("y1", px(axis_y))
                        .set("x2", px(x))
                        .set("y2", px(axis_y + 5.0))
                        .set("stroke", pal.fg)
                        .set("stroke-width", 1),
                )
                .add(text(x, axis_y + 20.0, &label, 10.5, pal.muted).set("text-anchor", "middle"));
        }
    }
    doc = doc.add(grid_g).add(axis_g);

    // events
    for p in &placed {
        #[allow(clippy::cast_precision_loss)]
        let y = top + p.row as f64 * ROW + ROW / 2.0;
        let alert = p.event.flags.contains(&Flag::DateAfterDocument);
        let mut g = Group::new()
            .set("class", "event")
            .set("id", format!("ev-{}", sanitize_id(&p.event.id)));
        g = g.add(Title::new(tooltip(p.event, &source_no)));
        let bar = (p.x1 > p.x0).then_some((p.x0, y - 4.0, p.x1 - p.x0, 8.0));
        g = g.add(mark(p.event, &pal, p.x0, y, bar));
        let lw = font::width(&p.label, LABEL_SIZE, false);
        let label_start = if p.anchor_end { p.label_x - lw } else { p.label_x };
        let label_y = if p.below { y + ROW } else { y };
        let label = text(
            label_start,
            label_y + 4.0,
            &p.label,
            LABEL_SIZE,
            if alert { pal.alert } else { pal.fg },
        )
        .set("class", "label");
        g = g.add(label);
        g = draw_badges(g, t, &pal, &p.badges, label_start + lw + 4.0, label_y);
        doc = doc.add(g);
    }

    doc = doc.add(legend(t, &source_no, &pal, left, right, legend_top, &key_lines));
    finish(&doc)
}

/// The document's text: whatever an article holds, only XML characters.
fn finish(doc: &Svg) -> String {
    escape::xml_chars(&inline_text(&doc.to_string())).into_owned() + "\n"
}

/// The svg crate puts element text on lines of its own; keep the text of
/// `<text>`, `<title>` and `<desc>` inline so no viewer shows or measures
/// stray white space.
fn inline_text(svg: &str) -> String {
    static OPEN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(<(?:text|title|desc)\b[^>]*>)\n").expect("regex")
    });
    static CLOSE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\n(</(?:text|title|desc)>)").expect("regex")
    });
    let s = OPEN.replace_all(svg, "$1");
    CLOSE.replace_all(&s, "$1").into_owned()
}

/// The document with its accessible title and description, the opaque
/// background, the heading (when `title.1`) and the subtitle.
fn frame(
    w: f64,
    height: f64,
    (title, heading): (&str, bool),
    subtitle: &str,
    items: &[String],
    pal: &Palette,
) -> Svg {
    let left = MARGIN;
    let mut desc = format!("{subtitle}. ");
    for item in items {
        let _ = write!(desc, "{item}; ");
    }
    let doc = Svg::new()
        .set("xmlns", "http://www.w3.org/2000/svg")
        .set("width", px(w))
        .set("height", px(height))
        .set("viewBox", format!("0 0 {} {}", px(w), px(height)))
        .set("role", "img")
        .set("aria-labelledby", "tl-title tl-desc")
        .set("font-family", FONT_FAMILY)
        .add(Title::new(title.to_string()).set("id", "tl-title"))
        .add(Description::new().set("id", "tl-desc").add(svg::node::Text::new(desc.trim_end().to_string())))
        .add(Definitions::new().add(Style::new(format!(
            "text{{font-family:{FONT_FAMILY}}} .label{{font-size:{}px}} a:hover text{{text-decoration:underline}}",
            px(LABEL_SIZE)
        ))))
        .add(Rectangle::new().set("x", 0).set("y", 0).set("width", px(w)).set("height", px(height)).set("fill", pal.bg));
    if heading {
        doc.add(text(left, 34.0, title, 20.0, pal.fg).set("font-weight", "bold"))
            .add(text(left, 56.0, subtitle, 12.0, pal.muted))
    } else {
        doc.add(text(left, 22.0, subtitle, 12.0, pal.muted))
    }
}

/// A source number in a rounded pill whose top left is (`x`, `top`), and
/// the pill's width.
fn pill(number: &str, x: f64, top: f64, pal: &Palette) -> (Group, f64) {
    let w = font::width(number, BADGE_SIZE, true) + 8.0;
    let g = Group::new()
        .set("class", "badge")
        .add(
            Rectangle::new()
                .set("x", px(x))
                .set("y", px(top))
                .set("width", px(w))
                .set("height", 14)
                .set("rx", 7)
                .set("fill", pal.grid),
        )
        .add(
            text(x + w / 2.0, top + 10.5, number, BADGE_SIZE, pal.fg)
                .set("text-anchor", "middle")
                .set("font-weight", "bold"),
        );
    (g, w)
}

/// The numbered source badges of an event from `x` on, each linked to its
/// source's URL where it has one.
fn draw_badges(
    mut g: Group,
    t: &Timeline,
    pal: &Palette,
    badges: &[usize],
    x: f64,
    y: f64,
) -> Group {
    let mut bx = x;
    for n in badges {
        let s = n.to_string();
        let (badge, bw) = pill(&s, bx, y - 7.0, pal);
        g = match t.documents.get(n - 1).and_then(|d| d.url.as_deref()).and_then(safe_url) {
            Some(u) => g.add(Anchor::new().set("href", u).add(badge)),
            None => g.add(badge),
        };
        bx += bw + 3.0;
    }
    g
}

/// The mark of an event: a dot for a day, or a bar (`x, y, width,
/// height`) for a period, so the precision is visible; hollow when the
/// date was inferred, dashed when sources disagree on it, with a red ring
/// when it lies after its own article.
fn mark(e: &Event, pal: &Palette, cx: f64, y: f64, bar: Option<(f64, f64, f64, f64)>) -> Group {
    let colour = type_colour(e.event_type, pal);
    let uncertain = e.date.as_ref().is_some_and(uncertain);
    let dash = if e.flags.contains(&Flag::Disputed) { "3 2" } else { "none" };
    let fill = if uncertain { pal.bg } else { colour };
    let mut g = Group::new().set("class", "mark");
    g = match bar {
        Some((x, top, w, h)) => g.add(
            Rectangle::new()
                .set("x", px(x))
                .set("y", px(top))
                .set("width", px(w))
                .set("height", px(h))
                .set("rx", 3)
                .set("fill", fill)
                .set("fill-opacity", if uncertain { 1.0 } else { 0.55 })
                .set("stroke", colour)
                .set("stroke-dasharray", dash)
                .set("stroke-width", 1.5),
        ),
        None => g.add(
            Circle::new()
                .set("cx", px(cx))
                .set("cy", px(y))
                .set("r", 5)
                .set("fill", fill)
                .set("stroke", colour)
                .set("stroke-dasharray", dash)
                .set("stroke-width", 2),
        ),
    };
    if e.flags.contains(&Flag::DateAfterDocument) {
        g = g.add(
            Circle::new()
                .set("cx", px(cx))
                .set("cy", px(y))
                .set("r", 8.5)
                .set("fill", "none")
                .set("stroke", pal.alert)
                .set("stroke-width", 1.5),
        );
    }
    g
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

/// Words that are never a corpus's subject, though titles capitalise them.
pub const SUBJECT_STOP: &[&str] = &[
    "the", "a", "an", "in", "on", "of", "and", "for", "to", "with", "after", "before", "where",
    "how", "why", "what", "who", "when", "will", "is", "are", "was", "new", "news", "update",
    "live", "breaking", "opinion", "analysis", "report",
];

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
                    && !SUBJECT_STOP.contains(&w.to_lowercase().as_str())
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

/// Time top to bottom: a date column, the axis with a mark per event, and
/// each event's title and sources on a line of its own, so nothing can
/// overlap; same-day events share their date, long gaps get a break mark.
#[allow(clippy::too_many_lines)]
fn render_vertical(
    t: &Timeline,
    opts: &RenderOptions,
    note: &str,
    numbers: &BTreeMap<&str, usize>,
) -> String {
    const BREAK_GAP: f64 = 22.0;
    /// The second line of a title that needs two.
    const LINE: f64 = 15.0;
    let Common { pal, w, left, right, source_no, dated, title, subtitle, top, heading, .. } =
        common(t, opts, note, numbers);
    let labels: Vec<String> =
        dated.iter().map(|(e, _)| e.date.as_ref().map(date_label).unwrap_or_default()).collect();
    let date_w =
        labels.iter().map(|l| font::width(l, LABEL_SIZE, true)).fold(0.0, f64::max).min(180.0);
    let axis_x = left + date_w + 14.0;
    let x = axis_x + 14.0;
    let badges: Vec<Vec<usize>> = dated
        .iter()
        .map(|(e, _)| e.sources.iter().filter_map(|d| source_no.get(d.as_str()).copied()).collect())
        .collect();
    // each title on one line, or wrapped to two where the width is short
    let lines: Vec<Vec<String>> = dated
        .iter()
        .zip(&badges)
        .map(|((e, _), b)| wrap_title(&e.title, right - x, right - x - badges_width(b)))
        .collect();
    // rows, with a gap where the dates jump by more than break_days, and
    // a year heading where the year changes and the date does not say it
    let mut ys = Vec::with_capacity(dated.len());
    let mut breaks = Vec::new();
    let mut years: Vec<(f64, i32)> = Vec::new();
    let mut y = top + ROW / 2.0;
    let mut last_hi: Option<NaiveDate> = None;
    let mut last_year = None;
    for (i, ((_, s), label)) in dated.iter().zip(&labels).enumerate() {
        if let Some(h) = last_hi {
            if (s.lo - h).num_days() > opts.break_days.max(1) && i > 0 {
                breaks.push(y - ROW / 2.0 + BREAK_GAP / 2.0 - 2.0);
                y += BREAK_GAP;
            }
        }
        last_hi = Some(last_hi.map_or(s.hi, |h| h.max(s.hi)));
        let year = s.lo.year();
        if last_year != Some(year) {
            last_year = Some(year);
            if !label.contains(&year.to_string()) {
                years.push((y, year));
                y += ROW;
            }
        }
        ys.push(y);
        #[allow(clippy::cast_precision_loss)]
        let extra = (lines[i].len().max(1) - 1) as f64 * LINE;
        y += ROW + extra;
    }
    let axis_end = y - ROW / 2.0;
    let legend_top = axis_end + 40.0;
    let key_lines = key_lines(&dated, right - left, &pal);
    #[allow(clippy::cast_precision_loss)]
    let height = legend_top
        + 22.0
        + t.documents.len() as f64 * 18.0
        + 14.0
        + key_lines.len() as f64 * 15.0
        + 12.0;

    let items: Vec<String> =
        dated.iter().zip(&labels).map(|((e, _), l)| format!("{l} {}", e.title)).collect();
    let mut doc = frame(w, height, (&title, heading), &subtitle, &items, &pal);
    let mut axis_g = Group::new().set("id", "axis").set("class", "axis");
    if !dated.is_empty() {
        axis_g = axis_g.add(
            Line::new()
                .set("x1", px(axis_x))
                .set("y1", px(top))
                .set("x2", px(axis_x))
                .set("y2", px(axis_end))
                .set("stroke", pal.fg)
                .set("stroke-width", 1.5),
        );
    }
    for by in &breaks {
        axis_g = axis_g.add(
            Rectangle::new()
                .set("x", px(axis_x - 6.0))
                .set("y", px(by - 3.0))
                .set("width", 12)
                .set("height", 6)
                .set("fill", pal.bg),
        );
        for dy in [-3.0, 3.0] {
            axis_g = axis_g.add(
                Line::new()
                    .set("x1", px(axis_x - 6.0))
                    .set("y1", px(by + dy + 2.0))
                    .set("x2", px(axis_x + 6.0))
                    .set("y2", px(by + dy - 2.0))
                    .set("stroke", pal.muted)
                    .set("stroke-width", 1.5),
            );
        }
    }
    // the year where it changes, in the date column
    for &(y, year) in &years {
        axis_g = axis_g.add(
            text(axis_x - 14.0, y + 4.0, &year.to_string(), 13.0, pal.fg)
                .set("text-anchor", "end")
                .set("font-weight", "bold")
                .set("class", "year"),
        );
    }
    doc = doc.add(axis_g);
    // a date is written once for the events that share it (the same
    // label in another year is another date)
    let mut previous: Option<(i32, &str)> = None;
    for (i, (((e, s), l), &y)) in dated.iter().zip(&labels).zip(&ys).enumerate() {
        let alert = e.flags.contains(&Flag::DateAfterDocument);
        let mut g =
            Group::new().set("class", "event").set("id", format!("ev-{}", sanitize_id(&e.id)));
        g = g.add(Title::new(tooltip(e, &source_no)));
        let date = (s.lo.year(), l.as_str());
        if previous != Some(date) {
            g = g.add(
                text(
                    axis_x - 14.0,
                    y + 4.0,
                    &font::fit(l, LABEL_SIZE, true, date_w),
                    LABEL_SIZE,
                    pal.fg,
                )
                .set("text-anchor", "end")
                .set("font-weight", "bold"),
            );
            previous = Some(date);
        }
        // a period: a rounded bar along the axis
        let bar = (s.lo != s.hi).then_some((axis_x - 4.0, y - 8.0, 8.0, 16.0));
        g = g.add(mark(e, &pal, axis_x, y, bar));
        let fill = if alert { pal.alert } else { pal.fg };
        let mut lw = 0.0;
        let mut line_y = y + 4.0;
        for line in &lines[i] {
            lw = font::width(line, LABEL_SIZE, false);
            g = g.add(text(x, line_y, line, LABEL_SIZE, fill).set("class", "label"));
            line_y += LINE;
        }
        // the badges follow the title's last line
        let last_y = line_y - LINE - 4.0;
        g = draw_badges(g, t, &pal, &badges[i], x + lw + 4.0, last_y);
        doc = doc.add(g);
    }
    doc = doc.add(legend(t, &source_no, &pal, left, right, legend_top, &key_lines));
    finish(&doc)
}

/// A title on one line of `width`, or on two where it needs them: the
/// first as full as words allow, the second with room for the badges
/// (`last`), cut with an ellipsis only if two lines are not enough.
fn wrap_title(title: &str, width: f64, last: f64) -> Vec<String> {
    let width = width.max(12.0);
    let last = last.max(12.0);
    if font::width(title, LABEL_SIZE, false) <= last {
        return vec![title.to_string()];
    }
    let mut first = String::new();
    let mut rest = title;
    for (i, _) in title.match_indices(' ') {
        if font::width(&title[..i], LABEL_SIZE, false) > width {
            break;
        }
        first = title[..i].to_string();
        rest = &title[i + 1..];
    }
    if first.is_empty() {
        return vec![font::fit(title, LABEL_SIZE, false, last)];
    }
    vec![first, font::fit(rest, LABEL_SIZE, false, last)]
}

/// The sources with their numbers, then the key to the marks.
fn legend(
    t: &Timeline,
    source_no: &BTreeMap<&str, usize>,
    pal: &Palette,
    left: f64,
    right: f64,
    legend_top: f64,
    key_lines: &[KeyLine],
) -> Group {
    let mut legend = Group::new().set("id", "legend").set("class", "legend");
    legend = legend.add(text(left, legend_top, "Sources", 12.0, pal.fg).set("font-weight", "bold"));
    for (i, d) in t.documents.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let y = legend_top + 20.0 + i as f64 * 18.0;
        let mut line = d.title.clone().unwrap_or_else(|| d.id.clone());
        for extra in [&d.publisher, &d.author].into_iter().flatten() {
            let _ = write!(line, " · {extra}");
        }
        if let Some(date) = d.date {
            let _ = write!(line, " · {date}");
        }
        let s = source_no.get(d.id.as_str()).copied().unwrap_or(i + 1).to_string();
        let (badge, bw) = pill(&s, left, y - 10.0, pal);
        legend = legend.add(badge);
        let line = font::fit(&line, 11.0, false, right - left - bw - 8.0);
        let label = text(left + bw + 6.0, y + 1.0, &line, 11.0, pal.fg);
        legend = match d.url.as_deref().and_then(safe_url) {
            Some(u) => legend.add(Anchor::new().set("href", u).add(label)),
            None => legend.add(label),
        };
    }
    #[allow(clippy::cast_precision_loss)]
    let key_y = legend_top + 20.0 + t.documents.len() as f64 * 18.0 + 12.0;
    for (i, line) in key_lines.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let y = key_y + i as f64 * 15.0;
        let mut node = text(left, y, "", 10.5, pal.muted);
        for (colour, piece) in line {
            let span = svg::node::element::TSpan::new(piece.clone());
            node = node.add(match colour {
                Some(c) => span.set("fill", *c),
                None => span,
            });
        }
        legend = legend.add(node);
    }
    legend
}

/// The key to what this image shows, wrapped to the width: a coloured
/// dot and the name of each event type drawn, then the marks it holds.
fn key_lines(dated: &[(&Event, Span)], width: f64, pal: &Palette) -> Vec<KeyLine> {
    let mut items: Vec<KeyLine> = Vec::new();
    for ty in EventType::ALL {
        if dated.iter().any(|(e, _)| e.event_type == ty) {
            items.push(vec![
                (Some(type_colour(ty, pal)), "●".into()),
                (None, format!(" {}", type_label(ty))),
            ]);
        }
    }
    for (mark, item) in KEY {
        if dated.iter().any(|(e, s)| has_mark(e, *s, mark)) {
            items.push(vec![(None, item.to_string())]);
        }
    }
    let plain = |l: &KeyLine| l.iter().map(|(_, t)| t.as_str()).collect::<String>();
    let mut lines: Vec<KeyLine> = Vec::new();
    for item in items {
        match lines.last_mut() {
            Some(l)
                if font::width(&format!("{}   {}", plain(l), plain(&item)), 10.5, false)
                    <= width =>
            {
                l.push((None, "   ".into()));
                l.extend(item);
            }
            _ => {
                let fitted = font::fit(&plain(&item), 10.5, false, width);
                lines.push(if fitted == plain(&item) { item } else { vec![(None, fitted)] });
            }
        }
    }
    lines
}

fn text(x: f64, y: f64, content: &str, size: f64, fill: &str) -> Text {
    Text::new(content.to_string())
        .set("x", px(x))
        .set("y", px(y))
        .set("font-size", px(size))
        .set("fill", fill.to_string())
}

fn sanitize_id(s: &str) -> String {
    s.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' }).collect()
}

/// The hover text of an event: its title, date and evidence, and its
/// first quotes, each citing its source by the number the legend shows.
fn tooltip(e: &Event, source_no: &BTreeMap<&str, usize>) -> String {
    let mut s = e.title.clone();
    if let Some(d) = &e.date {
        let _ = write!(
            s,
            "\nDate: {} ({}) from {}",
            date_label_with_year(d),
            d.resolution.words(),
            d.evidence
        );
    }
    for m in e.mentions.iter().take(6) {
        match source_no.get(m.document.as_str()) {
            Some(n) => {
                let _ = write!(s, "\n[{n}] \u{201c}{}\u{201d}", m.quote);
            }
            None => {
                let _ = write!(s, "\n\u{201c}{}\u{201d}", m.quote);
            }
        }
    }
    if e.mentions.len() > 6 {
        let _ = write!(s, "\n… and {} more", e.mentions.len() - 6);
    }
    s
}

/// Tick days and labels for one segment.
fn ticks(s: &Segment) -> Vec<(i64, String)> {
    let (lo, hi) = (from_day(s.lo), from_day(s.hi));
    let days = s.hi - s.lo + 1;
    let mut out = Vec::new();
    if days <= 1 {
        out.push((s.lo, format!("{} {}, {}", month_name(lo), lo.day(), lo.year())));
    } else if days <= 120 {
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

#[cfg(test)]
mod tests;
