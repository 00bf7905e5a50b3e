//! The output formats behind one entry point: [`Format`] names each (and is
//! the command line's `--format` value), and [`write()`] gives a timeline's
//! bytes in it. Adding a format is a variant here (with its extensions in
//! [`EXTENSIONS`]), its writer (in `render` or `render::export`) and its
//! test.

use std::path::Path;

use super::png::PngError;
use super::{export, heading, png, render, RenderOptions};
use crate::model::Timeline;

/// What `build` and `render` write. The doc comments are the command
/// line's help for `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The timeline image.
    Svg,
    /// The image rasterized at twice its size, for Word and LaTeX.
    Png,
    /// A self-contained report page: the image and a table of the events.
    Html,
    /// A Markdown report.
    #[value(name = "md")]
    Markdown,
    /// `TimelineJS` JSON.
    #[value(name = "timelinejs")]
    TimelineJs,
    /// A Mermaid `timeline`.
    Mermaid,
    /// The ordering graph for Graphviz.
    Dot,
    /// A day-by-day summary in the plain format of timeline summarization
    /// (tilse, news-tls): a date line, the day's quotes, 32 dashes.
    Tls,
}

/// The output extensions that name a format, first the one a user is shown
/// (`TimelineJS` and TLS are JSON and text files, so they are asked for by
/// name).
pub const EXTENSIONS: &[(&str, Format)] = &[
    ("svg", Format::Svg),
    ("png", Format::Png),
    ("html", Format::Html),
    ("htm", Format::Html),
    ("md", Format::Markdown),
    ("markdown", Format::Markdown),
    ("mmd", Format::Mermaid),
    ("mermaid", Format::Mermaid),
    ("dot", Format::Dot),
    ("gv", Format::Dot),
];

impl Format {
    /// The format an output's extension names (see [`EXTENSIONS`]); `None`
    /// for one no format claims.
    #[must_use]
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        EXTENSIONS.iter().find(|(e, _)| *e == ext).map(|&(_, f)| f)
    }

    /// `explicit` when given, else the format `output`'s extension names.
    ///
    /// # Errors
    /// What extensions name a format, when `output`'s names none.
    pub fn resolve(
        explicit: Option<Format>,
        output: &Path,
    ) -> Result<Format, crate::error::Expected> {
        explicit.or_else(|| Format::from_path(output)).ok_or_else(|| {
            // each format's first extension, as a user is shown them
            let mut shown: Vec<&str> = Vec::new();
            let mut seen: Vec<Format> = Vec::new();
            for &(e, f) in EXTENSIONS {
                if !seen.contains(&f) {
                    seen.push(f);
                    shown.push(e);
                }
            }
            let (last, rest) = shown.split_last().expect("formats have extensions");
            let list: Vec<String> = rest.iter().map(|e| format!(".{e}")).collect();
            crate::error::Expected(format!(
                "{}: expected an output ending in {} or .{last}, or a --format",
                output.display(),
                list.join(", ")
            ))
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
