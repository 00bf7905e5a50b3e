//! Painting: the palette, the marks, badges, frame, legend and key, and
//! the SVG text primitives every layout draws with.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use svg::node::element::{
    Anchor, Circle, Definitions, Description, Group, Rectangle, Style, Text, Title,
};
use svg::Document as Svg;

use super::{font, Theme, BADGE_SIZE, LABEL_SIZE, MARGIN};
use crate::escape;
use crate::escape::safe_url;
use crate::model::{DateInfo, Event, EventType, Flag, Resolution, Span, Timeline};

/// The key to the marks, each shown only when the image has such a mark.
pub(super) const KEY: [(Mark, &str); 5] = [
    (Mark::Day, "● day"),
    (Mark::Period, "▬ period"),
    (Mark::Inferred, "○ date inferred from the corpus, the narrative or other reports, or only bounded by the article"),
    (Mark::Disputed, "◌ dashed: sources disagree on the date"),
    (Mark::Alert, "◎ red ring: date after its own article, check it"),
];

/// The kinds of mark an image can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mark {
    Day,
    Period,
    Inferred,
    Disputed,
    Alert,
}

/// Whether a date is not the text's own: inferred, from the narrative or
/// other reports, or only bounded by the article (a hollow mark).
pub(super) fn uncertain(d: &DateInfo) -> bool {
    matches!(
        d.resolution,
        Resolution::Inferred | Resolution::Narrative | Resolution::Merged | Resolution::Document
    )
}

pub(super) fn has_mark(e: &Event, span: Span, mark: Mark) -> bool {
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
pub(super) type KeyLine = Vec<(Option<&'static str>, String)>;
pub(super) const FONT_FAMILY: &str = "'DejaVu Sans', Verdana, Arial, sans-serif";

pub(super) struct Palette {
    pub(super) bg: &'static str,
    pub(super) fg: &'static str,
    pub(super) muted: &'static str,
    pub(super) grid: &'static str,
    pub(super) band: &'static str,
    pub(super) alert: &'static str,
    /// The statement type's grey, dark on light and light on dark.
    pub(super) statement: &'static str,
}

pub(super) fn palette(t: Theme) -> Palette {
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
pub(super) fn type_colour(t: EventType, pal: &Palette) -> &'static str {
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

pub(super) fn px(v: f64) -> String {
    let s = format!("{v:.1}");
    s.strip_suffix(".0").map_or(s.clone(), str::to_string)
}

/// The document's text: whatever an article holds, only XML characters.
pub(super) fn finish(doc: &Svg) -> String {
    escape::xml_chars(&inline_text(&doc.to_string())).into_owned() + "\n"
}

/// The svg crate puts element text on lines of its own; keep the text of
/// `<text>`, `<title>` and `<desc>` inline so no viewer shows or measures
/// stray white space.
pub(super) fn inline_text(svg: &str) -> String {
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
pub(super) fn frame(
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
pub(super) fn pill(number: &str, x: f64, top: f64, pal: &Palette) -> (Group, f64) {
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
pub(super) fn draw_badges(
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
pub(super) fn mark(
    e: &Event,
    pal: &Palette,
    cx: f64,
    y: f64,
    bar: Option<(f64, f64, f64, f64)>,
) -> Group {
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

/// The sources with their numbers, then the key to the marks.
pub(super) fn legend(
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
    let key_y = legend_top + 20.0 + t.documents.len() as f64 * 18.0 + 12.0;
    for (i, line) in key_lines.iter().enumerate() {
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
pub(super) fn key_lines(dated: &[(&Event, Span)], width: f64, pal: &Palette) -> Vec<KeyLine> {
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

pub(super) fn text(x: f64, y: f64, content: &str, size: f64, fill: &str) -> Text {
    Text::new(content.to_string())
        .set("x", px(x))
        .set("y", px(y))
        .set("font-size", px(size))
        .set("fill", fill.to_string())
}

/// The height of the legend under a layout: the sources' heading and one
/// line per source, then the key's lines.
pub(super) fn legend_height(documents: usize, key_lines: usize) -> f64 {
    22.0 + documents as f64 * 18.0 + 14.0 + key_lines as f64 * 15.0 + 12.0
}
