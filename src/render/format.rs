//! The output formats behind one entry point: [`Format`] names each, and
//! [`write()`] gives a timeline's bytes in it. Adding a format is a variant
//! here, its writer (in `render` or `render::export`) and its test.

use std::path::Path;

use super::png::PngError;
use super::{export, heading, png, render, RenderOptions};
use crate::model::Timeline;

/// What `build` and `render` write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The timeline image (`.svg`).
    Svg,
    /// The image rasterized, with its resolution (`.png`).
    Png,
    /// A self-contained report page: the image, the events, the sources
    /// and the findings (`.html`).
    Html,
    /// A Markdown report (`.md`).
    Markdown,
    /// `TimelineJS` JSON.
    TimelineJs,
    /// A Mermaid `timeline` (`.mmd`).
    Mermaid,
    /// The ordering graph for Graphviz (`.dot`).
    Dot,
    /// A day-by-day summary in the format of timeline summarization data.
    Tls,
}

impl Format {
    /// The format an output's extension names; `None` for one no format
    /// claims (`TimelineJS` and TLS are JSON and text files, so they are
    /// asked for by name).
    #[must_use]
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "svg" => Format::Svg,
            "png" => Format::Png,
            "html" | "htm" => Format::Html,
            "md" | "markdown" => Format::Markdown,
            "mmd" | "mermaid" => Format::Mermaid,
            "dot" | "gv" => Format::Dot,
            _ => return None,
        })
    }

    /// Whether the format draws events on a time axis, which leaves the
    /// undated ones out (the reports and the graph list them).
    #[must_use]
    pub fn leaves_out_undated(self) -> bool {
        !matches!(self, Format::Html | Format::Markdown | Format::Dot | Format::Tls)
    }
}

/// The bytes of `t` in `format`, drawn with `opts`.
///
/// # Errors
/// A PNG too large to draw, or one that cannot be encoded.
pub fn write(t: &Timeline, opts: &RenderOptions, format: Format) -> Result<Vec<u8>, PngError> {
    let title = heading(t, opts);
    Ok(match format {
        Format::Svg => render(t, opts).into_bytes(),
        Format::Png => png::for_options(&render(t, opts), opts)?,
        Format::Html => {
            // the page carries the heading; the image keeps its subtitle
            let svg = render(t, &RenderOptions { heading: false, ..opts.clone() });
            export::html(t, &svg, &title, opts.theme).into_bytes()
        }
        Format::Markdown => export::markdown(t, &title, None).into_bytes(),
        Format::TimelineJs => export::timelinejs(t, &title).into_bytes(),
        Format::Mermaid => export::mermaid(t, &title).into_bytes(),
        Format::Dot => crate::graph::order::dot(&t.events, &t.edges).into_bytes(),
        Format::Tls => export::tls(t).into_bytes(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_name_formats_and_unknown_ones_none() {
        for (name, f) in [
            ("a.SVG", Some(Format::Svg)),
            ("a.png", Some(Format::Png)),
            ("a.htm", Some(Format::Html)),
            ("a.markdown", Some(Format::Markdown)),
            ("a.mmd", Some(Format::Mermaid)),
            ("a.gv", Some(Format::Dot)),
            ("a.json", None),
            ("a.txt", None),
            ("a", None),
        ] {
            assert_eq!(Format::from_path(Path::new(name)), f, "{name}");
        }
    }
}
