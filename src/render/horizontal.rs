//! The horizontal layout: a time axis across, rows of labelled marks
//! packed so nothing overlaps.

use std::collections::BTreeMap;

use svg::node::element::{Group, Line, Rectangle, Title};

use super::axis::{axis, day_number, ticks, x_of};
use super::labels::{date_label, sanitize_id, tooltip};
use super::paint::{draw_badges, finish, frame, key_lines, legend, legend_height, mark, px, text};
use super::{
    badges_width, common, font, Common, Placed, RenderOptions, BREAK_W, GAP, LABEL_SIZE, MARK_GAP,
    ROW,
};
use crate::model::{Flag, Timeline};

pub(super) fn render_horizontal(
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

    let axis_y = top + rows.len() as f64 * ROW + 14.0;
    let legend_top = axis_y + 56.0;
    let key_lines = key_lines(&dated, right - left, &pal);
    let height = legend_top + legend_height(t.documents.len(), key_lines.len());

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
