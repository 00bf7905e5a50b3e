//! The vertical layout: a list of dated rows down a time axis, for a
//! report column.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use svg::node::element::{Group, Line, Rectangle, Title};

use super::labels::{date_label, sanitize_id, tooltip, wrap_title};
use super::paint::{draw_badges, finish, frame, key_lines, legend, legend_height, mark, px, text};
use super::{badges_width, common, font, Common, RenderOptions, LABEL_SIZE, ROW};
use crate::model::{Flag, Timeline};

/// Time top to bottom: a date column, the axis with a mark per event, and
/// each event's title and sources on a line of its own, so nothing can
/// overlap; same-day events share their date, long gaps get a break mark.
pub(super) fn render_vertical(
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
        let extra = (lines[i].len().max(1) - 1) as f64 * LINE;
        y += ROW + extra;
    }
    let axis_end = y - ROW / 2.0;
    let legend_top = axis_end + 40.0;
    let key_lines = key_lines(&dated, right - left, &pal);
    let height = legend_top + legend_height(t.documents.len(), key_lines.len());

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
