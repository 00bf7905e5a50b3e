//! The whole pipeline behind one options type: read and extract the
//! sources (`corpus` -> `extract`), merge, order and review them (`graph`),
//! apply a reviewer's edits, keep what the filter asks for. The binary's
//! `build` and `review`, the bench and the tests drive it the same way;
//! drawing and writing the outputs is [`crate::render::format::write`] and
//! [`crate::commit_all`].
//!
//! ```no_run
//! use timeline::pipeline::{self, Options};
//! let opts = Options::of_paths(&["corpus/kazakhstan-2022".into()]);
//! let built = pipeline::build(&opts, &mut |_| {}).expect("some article reads");
//! println!("{} events", built.timeline.events.len());
//! ```

use std::path::{Path, PathBuf};

use crate::corpus::Input;
use crate::graph::{self, Filter};
use crate::model::{PartialDate, Timeline};
use crate::{extract_inputs, read_mentions, Detail, Gathered, Outcome, ReadError};

/// Everything a run is asked to do, validated (the command line maps its
/// arguments onto it once).
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Article files and folders, or standard input.
    pub inputs: Vec<Input>,
    /// Mention files written by `timeline extract` (`-` for standard
    /// input), merged after the inputs.
    pub mentions: Vec<PathBuf>,
    /// The date of articles whose metadata gives none.
    pub date: Option<PartialDate>,
    /// Extract every event, not only the major ones (an entity timeline
    /// always does: it shows everything its entity takes part in).
    pub all_events: bool,
    /// A reviewer's corrections to apply.
    pub edits: Option<PathBuf>,
    /// What to keep of the merged timeline.
    pub filter: Filter,
}

impl Options {
    /// A run over these files and folders with the defaults.
    #[must_use]
    pub fn of_paths(paths: &[PathBuf]) -> Options {
        Options {
            inputs: paths.iter().map(|p| Input::from_path(p)).collect(),
            ..Options::default()
        }
    }

    /// How much the extract stage reports.
    #[must_use]
    pub fn detail(&self) -> Detail {
        if self.all_events || self.filter.entity.is_some() {
            Detail::All
        } else {
            Detail::Major
        }
    }
}

/// What a run tells as it goes, for a progress display.
#[derive(Debug)]
pub enum Report<'a> {
    /// A document was extracted or skipped (copies are already counted
    /// once).
    Outcome(&'a Outcome),
    /// A stage begins.
    Stage(&'static str),
    /// Something the user should know that did not stop the run.
    Warning(String),
}

/// A built timeline and what its run learnt on the way.
#[derive(Debug)]
pub struct Built {
    /// The timeline, filtered and edited.
    pub timeline: Timeline,
    /// The entity's full name when the filter names exactly one entity:
    /// what an entity timeline is titled after.
    pub subject: Option<String>,
    /// How many documents were read (skipped ones are reported as they go).
    pub documents: usize,
}

/// Why a run built nothing.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// Every source was skipped (each was reported).
    #[error("no article could be read")]
    NoArticle,
    /// The reviewer's edits cannot be read.
    #[error(transparent)]
    Edits(#[from] ReadError),
}

/// Read and extract every source, in input order, then the mention files.
pub fn gather(opts: &Options, report: &mut dyn FnMut(Report<'_>)) -> Gathered {
    let mut gathered = Gathered::default();
    let detail = opts.detail();
    let mut sink = |o: Outcome| {
        let o = gathered.copies.admit(o);
        report(Report::Outcome(&o));
        gathered.keep(o, detail);
    };
    extract_inputs(&opts.inputs, opts.date, detail, &mut sink);
    read_mentions(&opts.mentions, &mut sink);
    gathered
}

/// The whole run: gather, merge and order, name the entity, apply the
/// edits, filter.
///
/// # Errors
/// [`PipelineError::NoArticle`] when no source could be used, and
/// [`PipelineError::Edits`] when the edits file cannot be read.
pub fn build(opts: &Options, report: &mut dyn FnMut(Report<'_>)) -> Result<Built, PipelineError> {
    let gathered = gather(opts, report);
    if gathered.parts.is_empty() {
        return Err(PipelineError::NoArticle);
    }
    let documents = gathered.parts.len();
    report(Report::Stage("merging and ordering"));
    let t = crate::build_from_parts_with(gathered.parts, opts.detail());
    let mut subject = None;
    if let Some(name) = &opts.filter.entity {
        let named = graph::entities::matching(&t.entities, name);
        match named.as_slice() {
            [one] => subject = Some(one.name.clone()),
            [] => {}
            several => report(Report::Warning(format!(
                "--entity {name:?} names {} entities: {}; the timeline holds the events of each",
                several.len(),
                several
                    .iter()
                    .map(|x| format!(
                        "{} ({}, {} mentions)",
                        x.name,
                        x.kind.name(),
                        x.mention_count
                    ))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
        }
    }
    let t = apply_edits(t, opts.edits.as_deref(), report)?;
    let t = graph::filter(t, &opts.filter);
    if let (Some(name), true) = (&opts.filter.entity, t.events.is_empty()) {
        report(Report::Warning(format!(
            "--entity {name:?} matches no actor or target of any event; the timeline is empty"
        )));
    }
    Ok(Built { timeline: t, subject, documents })
}

/// `t` with the edits of the file at `edits` applied; each edit that no
/// longer applies is reported, naming the file.
///
/// # Errors
/// The edits file cannot be read or is not an edits file.
pub fn apply_edits(
    t: Timeline,
    edits: Option<&Path>,
    report: &mut dyn FnMut(Report<'_>),
) -> Result<Timeline, ReadError> {
    let Some(path) = edits else { return Ok(t) };
    let list = graph::edits::read(path)?;
    let (t, stale) = graph::edits::apply(t, &list);
    for s in stale {
        report(Report::Warning(format!("{}: {s}", path.display())));
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entity_filter_extracts_every_event() {
        let mut o = Options::default();
        assert_eq!(o.detail(), Detail::Major);
        o.filter.entity = Some("Marenko".into());
        assert_eq!(o.detail(), Detail::All);
    }

    #[test]
    fn minor_mentions_are_held_only_for_a_timeline_that_shows_them() {
        let dir = std::env::temp_dir().join(format!("timeline-minor-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        // "Ash said" after a direct quote tells only who spoke: minor
        std::fs::write(
            dir.join("a.txt"),
            "Talks in Varnel fail\n\n\
             \"Young, internet savvy Varnelis, especially in the capital, likely want \
             similar freedoms as their neighbours,\" Ash said.\n\
             The minister said on Monday the talks had failed.\n",
        )
        .unwrap();
        let minor = |all_events: bool| {
            let o = Options {
                all_events,
                date: crate::model::PartialDate::parse("2022-01-10"),
                ..Options::of_paths(std::slice::from_ref(&dir))
            };
            let g = gather(&o, &mut |_| {});
            let ms: Vec<_> = g.parts.iter().flat_map(|p| &p.mentions).collect();
            assert!(ms.iter().any(|m| !m.minor), "{ms:#?}");
            ms.iter().filter(|m| m.minor).count()
        };
        let (major, all) = (minor(false), minor(true));
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(major, 0);
        assert!(all > 0);
    }

    #[test]
    fn nothing_to_read_is_an_error_after_each_skip_is_reported() {
        let dir = std::env::temp_dir().join(format!("timeline-pipeline-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("empty.txt"), "").unwrap();
        let mut skipped = 0;
        let r = build(&Options::of_paths(std::slice::from_ref(&dir)), &mut |r| {
            if let Report::Outcome(Outcome::Skipped(_)) = r {
                skipped += 1;
            }
        });
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(matches!(r, Err(PipelineError::NoArticle)), "{r:?}");
        assert_eq!(skipped, 1);
    }
}
