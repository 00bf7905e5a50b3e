//! Rasterizing the SVG to PNG with resvg, for Word and LaTeX.
//!
//! Only the fonts that ship with the project are loaded, never the
//! system's, so the PNG is the same on every machine and its text matches
//! the widths the layout measured.

use std::sync::Arc;

use resvg::{tiny_skia, usvg};

/// A failure to rasterize.
#[derive(Debug, thiserror::Error)]
pub enum PngError {
    /// The SVG did not parse (never for the renderer's own output).
    #[error("expected an SVG document, but {0}")]
    Svg(String),
    /// The image is larger than [`MAX_PIXELS`].
    #[error(
        "the image would be {0}x{1} pixels, more than the {max} million a PNG may have here; \
         write an SVG (-o NAME.svg), draw fewer events (--max-events) or a smaller --width",
        max = MAX_PIXELS / 1_000_000
    )]
    Size(u32, u32),
    /// PNG encoding failed.
    #[error("cannot encode the PNG: {0}")]
    Encode(String),
}

/// The largest PNG drawn, in pixels (100 million, 400 MB of memory while
/// drawing): a long vertical timeline at twice its size could otherwise
/// ask for tens of gigabytes and abort.
pub const MAX_PIXELS: u64 = 100_000_000;

/// The font database of the bundled fonts.
#[must_use]
pub fn fonts() -> usvg::fontdb::Database {
    let mut db = usvg::fontdb::Database::new();
    db.load_font_data(super::font::REGULAR.to_vec());
    db.load_font_data(super::font::BOLD.to_vec());
    db.set_sans_serif_family("DejaVu Sans");
    db
}

/// Parse an SVG with the bundled fonts.
///
/// # Errors
/// [`PngError::Svg`] when the text is not SVG.
pub fn tree(svg: &str) -> Result<usvg::Tree, PngError> {
    let opt = usvg::Options { fontdb: Arc::new(fonts()), ..usvg::Options::default() };
    usvg::Tree::from_str(svg, &opt).map_err(|e| PngError::Svg(e.to_string()))
}

/// Rasterize `svg` at `scale` (2.0 for print) to PNG bytes.
///
/// # Errors
/// [`PngError`] when the SVG does not parse, the image has more than
/// [`MAX_PIXELS`], or encoding fails.
pub fn png(svg: &str, scale: f32) -> Result<Vec<u8>, PngError> {
    let tree = tree(svg)?;
    let size = tree.size();
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let (w, h) = ((size.width() * scale).ceil() as u32, (size.height() * scale).ceil() as u32);
    if u64::from(w) * u64::from(h) > MAX_PIXELS || !(size.width() * scale).is_finite() {
        return Err(PngError::Size(w, h));
    }
    let mut pixmap = tiny_skia::Pixmap::new(w.max(1), h.max(1)).ok_or(PngError::Size(w, h))?;
    resvg::render(&tree, tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| PngError::Encode(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rasterizes_text_with_the_bundled_font() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="30"><rect width="120" height="30" fill="#fff"/><text x="4" y="20" font-family="DejaVu Sans" font-size="14">Jan 5</text></svg>"##;
        let bytes = png(svg, 2.0).unwrap();
        assert_eq!(&bytes[1..4], b"PNG");
        // the text became glyph paths: usvg found the font
        let t = tree(svg).unwrap();
        let has_text = t.root().children().iter().any(|n| matches!(n, usvg::Node::Text(_)));
        assert!(has_text);
    }

    #[test]
    fn rejects_what_is_not_svg() {
        assert!(matches!(png("not svg", 1.0), Err(PngError::Svg(_))));
    }
}
