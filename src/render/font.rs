//! Text measurement with the `DejaVu` Sans font that ships with the project
//! (`assets/fonts`, with its licence), so label boxes are computed from the
//! same glyph advances a viewer uses; the SVG names `DejaVu` Sans first.

use std::sync::LazyLock;

/// `DejaVu` Sans, as shipped in `assets/fonts`.
pub static REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
/// `DejaVu` Sans Bold.
pub static BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

struct Metrics {
    units_per_em: f64,
    /// Advances of the first 0x250 code points; others use `fallback`.
    advances: Vec<u16>,
    fallback: u16,
    face_data: &'static [u8],
}

fn load(data: &'static [u8]) -> Metrics {
    let face = ttf_parser::Face::parse(data, 0).expect("the bundled font parses");
    let adv = |c: char| face.glyph_index(c).and_then(|g| face.glyph_hor_advance(g));
    let fallback = adv('M').unwrap_or(1400);
    let advances =
        (0u32..0x250).map(|u| char::from_u32(u).and_then(adv).unwrap_or(fallback)).collect();
    Metrics { units_per_em: f64::from(face.units_per_em()), advances, fallback, face_data: data }
}

static METRICS: LazyLock<[Metrics; 2]> = LazyLock::new(|| [load(REGULAR), load(BOLD)]);

/// Width in pixels of `text` set in `DejaVu` Sans at `size` px.
#[must_use]
pub fn width(text: &str, size: f64, bold: bool) -> f64 {
    let m = &METRICS[usize::from(bold)];
    let mut units = 0.0;
    let mut face = None;
    for c in text.chars() {
        let a = if let Some(&a) = m.advances.get(c as usize) {
            a
        } else {
            let f = face.get_or_insert_with(|| {
                ttf_parser::Face::parse(m.face_data, 0).expect("font parses")
            });
            f.glyph_index(c).and_then(|g| f.glyph_hor_advance(g)).unwrap_or(m.fallback)
        };
        units += f64::from(a);
    }
    units * size / m.units_per_em
}

/// Cut `text` with an ellipsis so it fits `max` pixels.
///
/// Complexity: linear in the length of `text`.
#[must_use]
pub fn fit(text: &str, size: f64, bold: bool, max: f64) -> String {
    if width(text, size, bold) <= max {
        return text.to_string();
    }
    let budget = max - width("…", size, bold);
    let mut used = 0.0;
    let mut end = 0;
    for (i, c) in text.char_indices() {
        let mut buf = [0u8; 4];
        used += width(c.encode_utf8(&mut buf), size, bold);
        if used > budget {
            break;
        }
        end = i + c.len_utf8();
    }
    format!("{}…", text[..end].trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_grow_with_text_and_size() {
        let a = width("Timeline", 12.0, false);
        assert!(a > 40.0 && a < 70.0, "{a}");
        assert!(width("Timeline", 24.0, false) > 1.9 * a);
        assert!(width("Timeline", 12.0, true) > a);
        assert!(width("ЖҚ漢", 12.0, false) > 0.0);
    }

    #[test]
    fn fit_respects_the_limit() {
        let s = fit("A very long title that will not fit", 12.0, false, 80.0);
        assert!(s.ends_with('…'));
        assert!(width(&s, 12.0, false) <= 80.0);
    }
}
