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

/// Rasterize `svg` for `opts`: at the scale of its print size (2x
/// without one) and with the resolution that gives the printed width
/// (96 dpi per scale step without one), written in the PNG's `pHYs` chunk
/// so Word and LaTeX size it right.
///
/// # Errors
/// As [`png`].
pub fn for_options(svg: &str, opts: &super::RenderOptions) -> Result<Vec<u8>, PngError> {
    let scale = opts.size.map_or(2.0, super::PrintSize::png_scale);
    let dpi =
        opts.size.map_or(96.0 * f64::from(scale), |s| opts.width * f64::from(scale) / s.inches());
    Ok(with_dpi(png(svg, scale)?, dpi))
}

/// `png` with a `pHYs` chunk (pixels per metre) after its header.
#[must_use]
pub fn with_dpi(png: Vec<u8>, dpi: f64) -> Vec<u8> {
    // signature (8) + IHDR (4 length + 4 type + 13 data + 4 CRC)
    const AFTER_IHDR: usize = 33;
    if png.len() < AFTER_IHDR || &png[12..16] != b"IHDR" {
        return png;
    }
    // rounded and clamped to u32 just before
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let ppm = (dpi / 0.0254).round().clamp(1.0, f64::from(u32::MAX)) as u32;
    let mut chunk = Vec::with_capacity(21);
    chunk.extend_from_slice(&9u32.to_be_bytes());
    chunk.extend_from_slice(b"pHYs");
    chunk.extend_from_slice(&ppm.to_be_bytes());
    chunk.extend_from_slice(&ppm.to_be_bytes());
    chunk.push(1); // unit: the metre
    let crc = crc32fast::hash(&chunk[4..]);
    chunk.extend_from_slice(&crc.to_be_bytes());
    let mut out = Vec::with_capacity(png.len() + chunk.len());
    out.extend_from_slice(&png[..AFTER_IHDR]);
    out.extend_from_slice(&chunk);
    out.extend_from_slice(&png[AFTER_IHDR..]);
    out
}

/// Rasterize `svg` at `scale` (2.0 for print) to PNG bytes.
///
/// # Errors
/// [`PngError`] when the SVG does not parse, the image has more than
/// [`MAX_PIXELS`], or encoding fails.
pub fn png(svg: &str, scale: f32) -> Result<Vec<u8>, PngError> {
    let tree = tree(svg)?;
    let size = tree.size();
    // checked against MAX_PIXELS and finiteness right after
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
    fn the_png_says_its_resolution() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="620" height="30"><rect width="620" height="30" fill="#fff"/></svg>"##;
        let opts = crate::render::RenderOptions {
            width: 620.0,
            size: Some(crate::render::PrintSize::Column),
            ..crate::render::RenderOptions::default()
        };
        let bytes = for_options(svg, &opts).unwrap();
        // the pHYs chunk right after the header: 1860 px on 6.5 inches
        assert_eq!(&bytes[37..41], b"pHYs");
        let ppm = u32::from_be_bytes(bytes[41..45].try_into().unwrap());
        let dpi = f64::from(ppm) * 0.0254;
        assert!((dpi - 1860.0 / 6.5).abs() < 0.5, "{dpi}");
        assert_eq!(bytes[49], 1);
        assert_eq!(crc32fast::hash(&bytes[37..50]).to_be_bytes(), bytes[50..54]);
        // and the image is 3x wide
        assert_eq!(u32::from_be_bytes(bytes[16..20].try_into().unwrap()), 1860);
        // the default: 2x at 192 dpi
        let bytes = for_options(svg, &crate::render::RenderOptions::default()).unwrap();
        let ppm = u32::from_be_bytes(bytes[41..45].try_into().unwrap());
        assert!((f64::from(ppm) * 0.0254 - 192.0).abs() < 0.5);
    }

    #[test]
    fn rejects_what_is_not_svg() {
        assert!(matches!(png("not svg", 1.0), Err(PngError::Svg(_))));
    }
}
