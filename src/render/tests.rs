use chrono::NaiveDate;

use super::axis::axis;
use super::paint::type_colour;
use super::*;
use crate::escape::safe_url;
use crate::model::Granularity;
use crate::model::{DateInfo, EventType, Resolution};
use crate::model::{Document, Event, Flag, Mention};
use regex::Regex;

fn timeline(n: usize, crowded: bool) -> Timeline {
    let base = NaiveDate::from_ymd_opt(2021, 3, 1).unwrap();
    let documents = (0..3)
        .map(|i| Document {
            id: format!("d{i}"),
            path: format!("d{i}.txt"),
            title: Some(format!("Source <{i}> & \"quotes\"")),
            publisher: None,
            author: None,
            url: (i == 0).then(|| "https://example.org/a?b=\"c\"".to_string()),
            date: "2021-03".parse().ok(),
            reference: None,
            body_start: 0,
            text: String::new(),
        })
        .collect();
    let events = (0..n)
        .map(|i| {
            let lo = if crowded {
                base + chrono::Duration::days(i64::try_from(i % 5).unwrap())
            } else {
                base + chrono::Duration::days(i64::try_from(i * 37).unwrap())
            };
            let hi = if i % 4 == 0 { lo + chrono::Duration::days(20) } else { lo };
            let span = if i % 7 == 0 {
                Span::year(1990 + i32::try_from(i % 3).unwrap()).unwrap()
            } else {
                Span { lo, hi }
            };
            let mention = Mention {
                quote: "q".into(),
                trigger: "t".into(),
                ..Mention::bare(&format!("d{}", i % 3), 0, 1, "a", EventType::ALL[i % 8])
            };
            Event {
                id: format!("e{i}"),
                title: format!(
                    "Event number {i} with a <fairly> long & varied title {}",
                    "x".repeat(i % 30)
                ),
                event_type: EventType::ALL[i % 8],
                date: Some(DateInfo::new(
                    span,
                    Granularity::Range,
                    if i % 3 == 0 { Resolution::Inferred } else { Resolution::Explicit },
                    "e".into(),
                )),
                participants: vec![],
                entities: vec![],
                places: vec![],
                sources: vec![format!("d{}", i % 3)],
                mention_count: 1,
                source_count: 1,
                flags: if i % 11 == 0 { vec![Flag::DateAfterDocument] } else { vec![] },
                mentions: vec![mention],
                salience: 0.0,
            }
        })
        .collect();
    Timeline {
        format: crate::model::FORMAT.into(),
        documents,
        events,
        findings: vec![],
        edges: vec![],
        entities: vec![],
    }
}

/// Boxes of every `<text>`, from its x, y, font size and anchor, measured
/// with the bundled font.
fn text_boxes(svg: &str) -> Vec<(f64, f64, f64, f64, String)> {
    let re = Regex::new(r"<text([^>]*)>([^<]*)</text>").unwrap();
    let attr = |a: &str, k: &str| {
        Regex::new(&format!(r#"\b{k}="([^"]*)""#)).unwrap().captures(a).map(|c| c[1].to_string())
    };
    re.captures_iter(svg)
        .map(|c| {
            let a = &c[1];
            let content = c[2].replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
            let x: f64 = attr(a, "x").unwrap().parse().unwrap();
            let y: f64 = attr(a, "y").unwrap().parse().unwrap();
            let size: f64 = attr(a, "font-size").unwrap().parse().unwrap();
            let bold = a.contains("bold");
            let w = font::width(&content, size, bold);
            let x0 = match attr(a, "text-anchor").as_deref() {
                Some("middle") => x - w / 2.0,
                Some("end") => x - w,
                _ => x,
            };
            (x0, y - size * 0.8, x0 + w, y + size * 0.25, content)
        })
        .collect()
}

fn canvas(svg: &str) -> (f64, f64) {
    let tag = &svg[..svg.find('>').unwrap()];
    let get = |k: &str| -> f64 {
        Regex::new(&format!(r#"\s{k}="([\d.]+)""#)).unwrap().captures(tag).unwrap()[1]
            .parse()
            .unwrap()
    };
    (get("width"), get("height"))
}

fn assert_geometry(svg: &str) {
    let (w, h) = canvas(svg);
    let boxes = text_boxes(svg);
    for b in &boxes {
        assert!(
            b.0 >= -0.5 && b.2 <= w + 0.5 && b.1 >= 0.0 && b.3 <= h,
            "outside the canvas: {b:?}"
        );
    }
    // labels are the event texts; badges sit inside their own rectangles
    let labels: Vec<_> = boxes.iter().filter(|b| b.4.chars().count() > 3).collect();
    for (i, a) in labels.iter().enumerate() {
        for b in &labels[i + 1..] {
            let overlap = a.0 < b.2 - 0.5 && b.0 < a.2 - 0.5 && a.1 < b.3 - 0.5 && b.1 < a.3 - 0.5;
            assert!(!overlap, "labels overlap: {a:?} and {b:?}");
        }
    }
}

#[test]
fn no_label_overlaps_and_all_inside_for_10_100_1000_events() {
    let all = RenderOptions { max_events: 0, ..RenderOptions::default() };
    for n in [10, 100, 1000] {
        for crowded in [true, false] {
            let svg = render(&timeline(n, crowded), &all);
            assert_geometry(&svg);
        }
    }
    let narrow = RenderOptions { width: 480.0, ..RenderOptions::default() };
    assert_geometry(&render(&timeline(60, true), &narrow));
}

#[test]
fn strings_from_articles_are_escaped_and_links_are_safe() {
    let svg = render(&timeline(3, true), &RenderOptions::default());
    assert!(!svg.contains("<fairly>"));
    assert!(svg.contains("&lt;fairly&gt;"));
    assert!(svg.contains("href=\"https://example.org/a?b=%22c%22\""), "{svg}");
    assert!(!svg.contains("foreignObject"));
    assert!(svg.contains("role=\"img\""));
    assert!(svg.contains("viewBox=\"0 0 "));
    assert!(svg.contains("DejaVu Sans"));
}

#[test]
fn unsafe_urls_are_dropped() {
    assert_eq!(safe_url("javascript:alert(1)"), None);
    assert_eq!(safe_url("https://a.org/x y").as_deref(), Some("https://a.org/x%20y"));
}

#[test]
fn rendering_is_deterministic() {
    let t = timeline(50, true);
    assert_eq!(render(&t, &RenderOptions::default()), render(&t, &RenderOptions::default()));
}

#[test]
fn many_gaps_never_push_the_axis_off_the_canvas() {
    let spans: Vec<Span> = (0..200).map(|i| Span::year(1800 + i * 3).unwrap()).collect();
    let segs = axis(&spans, 24.0, 456.0, 45);
    assert!(segs.len() <= 3, "{}", segs.len());
    assert!(segs.last().unwrap().x1 <= 456.0 + 1e-9);
}

#[test]
fn long_gaps_become_breaks() {
    let spans = [
        Span::year(1986).unwrap(),
        Span::day(NaiveDate::from_ymd_opt(2022, 1, 2).unwrap()),
        Span::day(NaiveDate::from_ymd_opt(2022, 1, 6).unwrap()),
    ];
    let segs = axis(&spans, 0.0, 1000.0, 45);
    assert_eq!(segs.len(), 2);
    assert!(segs[1].x1 - segs[1].x0 > segs[0].x1 - segs[0].x0, "the busy segment gets more room");
}

#[test]
fn date_labels_show_their_precision() {
    let d = |a: &str, b: &str, r| DateInfo {
        span: crate::model::date_span(a, b).unwrap(),
        granularity: Granularity::Range,
        resolution: r,
        evidence: "".into(),
    };
    assert_eq!(date_label(&d("2022-01-05", "2022-01-05", Resolution::Explicit)), "Jan 5");
    assert_eq!(date_label(&d("2022-01-05", "2022-01-06", Resolution::Narrative)), "≈Jan 5–6");
    assert_eq!(date_label(&d("1989", "2019", Resolution::Explicit)), "1989–2019");
    assert_eq!(date_label(&d("2022-01", "2022-01", Resolution::Explicit)), "Jan 2022");
}

/// Every pair that must not meet, as usvg lays the image out with the
/// bundled fonts (its own shaping, not our measurement): see
/// [`geometry`](super::geometry).
fn assert_usvg_geometry(svg: &str) {
    let (items, w, h) = super::geometry::items(svg).unwrap();
    assert!(items.iter().any(|i| i.role == super::geometry::Role::Mark));
    let problems = super::geometry::problems(&items, w, h, 0.0);
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn usvg_sees_no_overlap_in_either_layout() {
    for n in [10, 100, 1000] {
        for layout in [Layout::Horizontal, Layout::Vertical] {
            for (width, heading) in [(1200.0, true), (620.0, false)] {
                let opts = RenderOptions {
                    layout,
                    width,
                    heading,
                    max_events: 0,
                    ..RenderOptions::default()
                };
                assert_usvg_geometry(&render(&timeline(n, true), &opts));
            }
        }
    }
}

#[test]
fn shipped_timeline_has_no_overlap_as_usvg_lays_it_out() {
    assert_usvg_geometry(include_str!("../../timelines/kazakhstan-2022.svg"));
}

#[test]
fn a_large_timeline_draws_its_most_reported_events_and_says_so() {
    let mut t = timeline(1000, false);
    // 200 sources; event i is reported by i % 50 + 1 of them
    t.documents =
        (0..200).map(|i| Document { id: format!("d{i}"), ..t.documents[0].clone() }).collect();
    for (i, e) in t.events.iter_mut().enumerate() {
        e.source_count = i % 50 + 1;
        e.sources = (0..e.source_count).map(|k| format!("d{}", (i + k) % 200)).collect();
    }
    let opts = RenderOptions { max_events: 40, ..RenderOptions::default() };
    let label = Regex::new(r"Event number (\d+) ").unwrap();
    for layout in [Layout::Horizontal, Layout::Vertical] {
        let svg = render(&t, &RenderOptions { layout, ..opts.clone() });
        assert!(
            // the subtitle counts what is drawn: the sources its badges cite
            svg.contains("40 events from 16 sources · the 40 most salient of 1000 dated events; the JSON lists all"),
            "{}",
            &svg[..svg.len().min(3000)]
        );
        // only the 20 events reported by 50 sources and the 20 by 49 are drawn
        let drawn: Vec<usize> = label
            .captures_iter(&svg)
            .map(|c| c[1].parse().unwrap())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        assert_eq!(drawn.len(), 40);
        assert!(drawn.iter().all(|i| i % 50 >= 48), "{drawn:?}");
        // at most 3 badges each; the label counts the rest
        assert!(svg.contains("(+47 sources)") || svg.contains("(50 sources)"));
        assert_geometry(&svg);
    }
    // a small timeline is drawn whole
    let small = render(&timeline(10, false), &opts);
    assert!(small.contains("events from 3 sources"));
    assert!(!small.contains("most reported"));
}

#[test]
fn the_heading_names_the_subject_and_trusted_years() {
    // the years of the events no review flag questions
    let years_of = |t: &Timeline| {
        let kept: Vec<Span> = t
            .events
            .iter()
            .filter(|e| !e.flags.contains(&Flag::DateAfterDocument))
            .filter_map(|e| Some(e.date.as_ref()?.span))
            .collect();
        let lo = kept.iter().map(|s| s.lo.year()).min().unwrap();
        let hi = kept.iter().map(|s| s.hi.year()).max().unwrap();
        if lo == hi {
            lo.to_string()
        } else {
            format!("{lo}–{hi}")
        }
    };
    let mut t = timeline(12, false);
    // no name shared by the titles: the years alone
    for (d, title) in t.documents.iter_mut().zip(["Alpha report", "Beta story", "Gamma note"]) {
        d.title = Some(title.into());
    }
    let years = years_of(&t);
    assert_eq!(heading(&t, &RenderOptions::default()), format!("Timeline {years}"));
    // a name most titles share is the subject; "The" never is
    let titles = ["The Varnel dam bursts", "Varnel evacuated", "The governor resigns"];
    for (d, title) in t.documents.iter_mut().zip(titles) {
        d.title = Some(title.into());
    }
    assert_eq!(heading(&t, &RenderOptions::default()), format!("Varnel, {years}"));
    // a date flagged as after its own article never sets the years
    let e = t.events.iter_mut().find(|e| e.flags.is_empty()).unwrap();
    e.date = Some(DateInfo::new(
        Span::parse_partial("2029").unwrap(),
        Granularity::Year,
        Resolution::Explicit,
        "\"2029\"".into(),
    ));
    e.flags.push(Flag::DateAfterDocument);
    let years = years_of(&t);
    assert!(!years.contains("2029"));
    assert_eq!(heading(&t, &RenderOptions::default()), format!("Varnel, {years}"));
    // an entity timeline is titled after its entity; --title wins
    let entity = RenderOptions { subject: Some("Ilse Marenko".into()), ..RenderOptions::default() };
    assert_eq!(heading(&t, &entity), format!("Ilse Marenko, {years}"));
    let titled = RenderOptions { title: Some("Floods".into()), ..entity };
    assert_eq!(heading(&t, &titled), "Floods");
    assert!(render(&t, &titled).contains("<title id=\"tl-title\">Floods</title>"));
}

#[test]
fn sources_keep_their_corpus_numbers_in_a_partial_image() {
    let mut t = timeline(12, false);
    // every event cites the third source only
    for e in &mut t.events {
        e.sources = vec!["d2".into()];
    }
    let svg = render(&t, &RenderOptions { max_events: 2, ..RenderOptions::default() });
    let legend = &svg[svg.find("class=\"legend\"").unwrap()..];
    // the only source drawn is still number 3, and the subtitle counts it
    assert!(legend.contains(">3</text>"), "{legend}");
    assert!(!legend.contains(">1</text>"), "{legend}");
    assert!(svg.contains("2 events from 1 source ·"), "{svg}");
}

#[test]
fn the_key_explains_only_what_the_image_shows() {
    let mut t = timeline(12, false);
    for e in &mut t.events {
        e.event_type = EventType::Economic;
        e.flags.clear();
    }
    let svg = render(&t, &RenderOptions::default());
    let legend = &svg[svg.find("class=\"legend\"").unwrap()..];
    // the one type drawn, in its colour, and no other
    assert!(legend.contains(&format!(
        "<tspan fill=\"{}\">●</tspan>",
        type_colour(EventType::Economic, &palette(Theme::Light))
    )));
    assert!(legend.contains(" economy"), "{legend}");
    for other in ["protest", "violence", "statement", "political change"] {
        assert!(!legend.contains(&format!(" {other}<")), "{other} in {legend}");
    }
    // no flagged date, no red-ring line; a flagged one brings it back
    assert!(!legend.contains("red ring"));
    t.events[0].flags.push(Flag::DateAfterDocument);
    let svg = render(&t, &RenderOptions::default());
    assert!(svg[svg.find("class=\"legend\"").unwrap()..].contains("red ring"));
    // no type is drawn in the warning's red
    for ty in EventType::ALL {
        assert_ne!(type_colour(ty, &palette(Theme::Light)), palette(Theme::Light).alert, "{ty:?}");
    }
}

/// WCAG's contrast ratio of two `#rrggbb` colours.
fn contrast(a: &str, b: &str) -> f64 {
    let luminance = |hex: &str| {
        let c = |i: usize| {
            let v = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
            if v <= 0.039_28 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * c(1) + 0.7152 * c(3) + 0.0722 * c(5)
    };
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[test]
fn every_type_stands_out_from_the_dark_background() {
    let pal = palette(Theme::Dark);
    for ty in EventType::ALL {
        let ratio = contrast(type_colour(ty, &pal), pal.bg);
        assert!(ratio >= 3.0, "{ty:?}: {ratio:.2}");
    }
    // and the statement grey stays dark on the light theme
    let light = palette(Theme::Light);
    assert!(contrast(type_colour(EventType::Statement, &light), light.bg) >= 4.5);
}

#[test]
fn the_tls_summary_has_a_block_per_day_that_quotes_cannot_break() {
    let mut t = timeline(12, true);
    for e in &mut t.events {
        e.date = e.date.take().map(|d| {
            let day = d.span.lo;
            DateInfo::new(
                Span { lo: day, hi: day },
                Granularity::Day,
                Resolution::Explicit,
                "e".into(),
            )
        });
    }
    // quotes that would read as a date line, a separator or two lines
    t.events[0].mentions[0].quote = "2021-03-09".into();
    t.events[1].mentions[0].quote = "-".repeat(32);
    t.events[2].mentions[0].quote = "they met\n2021-03-10\nin Paris".into();
    let out = export::tls(&t);
    let blocks: Vec<&str> = out.split("--------------------------------\n").collect();
    assert_eq!(blocks.last(), Some(&""), "{out}");
    let days: Vec<&str> =
        blocks[..blocks.len() - 1].iter().map(|b| b.lines().next().unwrap()).collect();
    assert_eq!(
        days,
        [
            "1990-01-01",
            "1991-01-01",
            "2021-03-01",
            "2021-03-02",
            "2021-03-03",
            "2021-03-04",
            "2021-03-05"
        ]
    );
    for b in &blocks[..blocks.len() - 1] {
        for line in b.lines().skip(1) {
            assert!(NaiveDate::parse_from_str(line, "%Y-%m-%d").is_err(), "{line:?} in {out}");
            assert!(!line.trim().is_empty() && !line.starts_with("---"), "{out}");
        }
    }
    assert!(out.contains("they met 2021-03-10 in Paris\n"), "{out}");
}

#[test]
fn the_vertical_layout_shows_the_year_where_it_changes_and_wraps_long_titles() {
    // timeline(_, false): events 37 days apart from March 2021, every 7th
    // dated to a whole year (1990-1992)
    let mut t = timeline(30, false);
    t.events.sort_by_key(|e| e.date.as_ref().map(|d| d.span.lo));
    let svg = render(&t, &RenderOptions { layout: Layout::Vertical, ..RenderOptions::default() });
    let years: Vec<String> = Regex::new(r#"class="year"[^>]*>(\d{4})<"#)
        .unwrap()
        .captures_iter(&svg)
        .map(|c| c[1].to_string())
        .collect();
    // the year-dated events (1990-1992) say their year themselves; the
    // days, March 2021 to March 2024, get a heading where each year starts
    assert_eq!(years, ["2021", "2022", "2023", "2024"]);
    // at column width a long title takes two lines, not an ellipsis
    let mut long = timeline(3, false);
    long.events[1].title = "Parliament votes to extend the emergency powers of the regional \
                            governors for another ninety days after a long debate"
        .into();
    let svg = render(
        &long,
        &RenderOptions { layout: Layout::Vertical, width: 620.0, ..RenderOptions::default() },
    );
    let event = svg.split("id=\"ev-e1\"").nth(1).unwrap().split("</g>\n</g>").next().unwrap();
    let lines: Vec<&str> = Regex::new(r#"class="label"[^>]*>([^<]*)<"#)
        .unwrap()
        .captures_iter(event)
        .map(|c| c.get(1).unwrap().as_str())
        .collect();
    assert_eq!(lines.len(), 2, "{event}");
    assert!(lines[0].starts_with("Parliament votes") && !lines[0].ends_with('…'), "{lines:?}");
    assert!(lines[1].ends_with("after a long debate"), "{lines:?}");
    assert_usvg_geometry(&svg);
}
