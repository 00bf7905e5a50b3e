//! The geometry of a drawn timeline, as a reader sees it: every text,
//! mark, badge and axis part with its box, and the overlaps between them
//! that would make the image unreadable. The tests check the images in
//! both layouts, under the filters and sizes, with the boxes usvg lays out
//! ([`items`]) and the boxes a browser lays out (the same [`Item`]s read
//! from Chromium), so a change that crowds the image fails there.
//!
//! What may not meet: any two texts (event labels, dates, tick labels,
//! the legend, the heading) or badges; a label or badge and any mark or
//! bar, its own included; a label or badge and the axis (its line, ticks
//! and break marks). Marks may sit on the axis, and the grid (its light
//! lines and break bands) lies behind everything.

use resvg::usvg;

/// What a box is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A text: an event's label or date, a tick label, the legend's
    /// lines, the heading.
    Text,
    /// A source badge: the pill with its number.
    Badge,
    /// An event's dot, bar or warning ring.
    Mark,
    /// The axis line, its ticks and break marks.
    Axis,
}

/// One drawn thing and its box (`left, top, right, bottom`, in pixels).
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// What it is.
    pub role: Role,
    /// Its text, or a name for a shape, for messages.
    pub name: String,
    /// Its box.
    pub rect: [f64; 4],
}

/// How far two boxes may reach into each other (anti-aliasing, rounding).
const SLACK: f64 = 0.5;

fn meet(a: &[f64; 4], b: &[f64; 4], slack: f64) -> bool {
    a[0] < b[2] - slack && b[0] < a[2] - slack && a[1] < b[3] - slack && b[1] < a[3] - slack
}

/// The overlaps and escapes in `items` drawn on a `width` x `height`
/// canvas, each as a message; empty when the image is clean. `slack`
/// widens the tolerance for layouts whose boxes include leading (a
/// browser's line boxes).
#[must_use]
pub fn problems(items: &[Item], width: f64, height: f64, slack: f64) -> Vec<String> {
    let slack = slack.max(SLACK);
    let mut out = Vec::new();
    for it in items {
        let r = it.rect;
        if r[0] < -slack || r[1] < -slack || r[2] > width + slack || r[3] > height + slack {
            out.push(format!("{:?} {:?} {r:?} lies outside {width}x{height}", it.role, it.name));
        }
    }
    // sort by left edge: only boxes that reach each other's columns meet
    let mut order: Vec<&Item> = items.iter().collect();
    order.sort_by(|a, b| a.rect[0].total_cmp(&b.rect[0]));
    for (i, a) in order.iter().enumerate() {
        for b in &order[i + 1..] {
            if b.rect[0] >= a.rect[2] - slack {
                break;
            }
            // marks sit on the axis and may touch each other
            let clash =
                !matches!((a.role, b.role), (Role::Mark | Role::Axis, Role::Mark | Role::Axis));
            if clash && meet(&a.rect, &b.rect, slack) {
                out.push(format!(
                    "{:?} {:?} {:?} overlaps {:?} {:?} {:?}",
                    a.role, a.name, a.rect, b.role, b.name, b.rect
                ));
            }
        }
    }
    out
}

/// The items of an SVG as usvg lays it out with the bundled fonts, and
/// the canvas size. Roles come from the structure [`super::render`]
/// writes: event groups (`ev-…`) hold a mark group, label texts and badge
/// groups (a badge holds its number); `#axis` holds the axis, `#grid` the
/// background, `#legend` the key.
///
/// # Errors
/// When usvg cannot read the SVG.
pub fn items(svg: &str) -> Result<(Vec<Item>, f64, f64), super::png::PngError> {
    let tree = super::png::tree(svg)?;
    let mut out = Vec::new();
    walk(tree.root(), Place::Root, &mut out);
    Ok((out, f64::from(tree.size().width()), f64::from(tree.size().height())))
}

#[derive(Clone, Copy, PartialEq)]
enum Place {
    Root,
    Event,
    Axis,
    Grid,
    Legend,
}

fn rect(r: usvg::Rect) -> [f64; 4] {
    [f64::from(r.left()), f64::from(r.top()), f64::from(r.right()), f64::from(r.bottom())]
}

fn has_text(g: &usvg::Group) -> bool {
    g.children().iter().any(|n| match n {
        usvg::Node::Text(_) => true,
        usvg::Node::Group(g) => has_text(g),
        _ => false,
    })
}

fn text_of(g: &usvg::Group) -> String {
    let mut s = String::new();
    for n in g.children() {
        match n {
            usvg::Node::Text(t) => s.extend(t.chunks().iter().map(|c| c.text().to_string())),
            usvg::Node::Group(g) => s.push_str(&text_of(g)),
            _ => {}
        }
    }
    s
}

fn walk(g: &usvg::Group, place: Place, out: &mut Vec<Item>) {
    for n in g.children() {
        match n {
            usvg::Node::Group(child) => {
                let id = child.id();
                let inner = match id {
                    "axis" => Place::Axis,
                    "grid" => Place::Grid,
                    "legend" => Place::Legend,
                    _ if id.starts_with("ev-") => Place::Event,
                    _ => place,
                };
                if inner == Place::Grid {
                    continue;
                }
                // in an event or the legend, a group with a number is a
                // badge (maybe inside a link), one without is a mark
                if matches!(place, Place::Event | Place::Legend) && inner == place {
                    if has_text(child) {
                        out.push(Item {
                            role: Role::Badge,
                            name: text_of(child),
                            rect: rect(child.abs_bounding_box()),
                        });
                    } else if place == Place::Event {
                        out.push(Item {
                            role: Role::Mark,
                            name: "mark".into(),
                            rect: rect(child.abs_stroke_bounding_box()),
                        });
                    }
                    continue;
                }
                walk(child, inner, out);
            }
            usvg::Node::Text(t) => {
                let name: String = t.chunks().iter().map(|c| c.text().to_string()).collect();
                if !name.trim().is_empty() {
                    out.push(Item { role: Role::Text, name, rect: rect(t.abs_bounding_box()) });
                }
            }
            usvg::Node::Path(p) if place == Place::Axis => {
                let r = p.abs_stroke_bounding_box();
                out.push(Item { role: Role::Axis, name: "axis".into(), rect: rect(r) });
            }
            usvg::Node::Path(_) | usvg::Node::Image(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(role: Role, rect: [f64; 4]) -> Item {
        Item { role, name: String::new(), rect }
    }

    #[test]
    fn marks_may_meet_the_axis_but_no_text_meets_anything() {
        let axis = item(Role::Axis, [0.0, 49.0, 100.0, 51.0]);
        let mark = item(Role::Mark, [45.0, 45.0, 55.0, 55.0]);
        assert!(problems(&[axis.clone(), mark.clone()], 100.0, 100.0, 0.0).is_empty());
        let label = item(Role::Text, [50.0, 40.0, 90.0, 52.0]);
        let found = problems(&[axis, mark, label], 100.0, 100.0, 0.0);
        assert_eq!(found.len(), 2, "{found:?}");
        let badge = item(Role::Badge, [95.0, 0.0, 105.0, 10.0]);
        assert_eq!(problems(&[badge], 100.0, 100.0, 0.0).len(), 1, "outside the canvas");
        // boxes that only touch are apart
        let a = item(Role::Text, [0.0, 0.0, 10.0, 10.0]);
        let b = item(Role::Badge, [10.0, 0.0, 20.0, 10.0]);
        assert!(problems(&[a, b], 100.0, 100.0, 0.0).is_empty());
    }
}
