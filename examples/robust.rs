//! Robustness run on real news: every article of the `TimeML` folders given
//! (or `.txt` files), and a fixed number of seeded mutations of each, go
//! through extraction, merging, ordering and drawing. Any panic is a
//! failure, reported with the file and the mutation's seed so it can be
//! replayed; the exit code is 1 when there was one.
//!
//! ```sh
//! cargo run --release --example robust -- --mutations 3 ../shared/data/timeml
//! ```
//!
//! The mutations are what messy news does to text: pasted duplicates,
//! missing spaces after full stops and commas, deleted and truncated runs,
//! curly quotes, dashes, accents and control characters (form feeds from
//! PDFs, escape sequences) dropped in, words the extractor reacts to
//! ("then", "after", "were", weekdays, months) inserted anywhere, and a
//! piece of another article spliced in. `.ci/run` runs it over `TimeBank`,
//! AQUAINT and the TE3 silver articles.

use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;
use timeline::extract::guard::{guarded, quiet_guarded_panics};
use timeline::{corpus, extract, render};

/// A small, seeded generator (xorshift64*): the same seed gives the same
/// mutations everywhere.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            usize::try_from(self.next() % n as u64).unwrap_or(0)
        }
    }
}

const INSERTS: &[&str] = &[
    ".",
    ",",
    "\"",
    "\u{201c}",
    "\u{201d}",
    "\u{2019}",
    "\u{2014}",
    "\n",
    "\n\n",
    "\u{c}",
    "\u{1b}[31m",
    "\u{e9}",
    "\u{130}",
    "0",
    "2,000",
    "7.8",
    " ",
    "(",
    ")",
    "January",
    "Jan. 6",
    "Monday",
    "on Wednesday",
    "then",
    "Then ",
    "after",
    "before",
    "and",
    "were",
    "said",
    "that",
    "not",
    "may",
    "1989 to 2019",
    "seven years ago",
    "the previous month",
    "\u{feff}",
    "\u{fffd}",
    "\u{5d0}\u{5d1}",
    "\u{4e2d}\u{6587}",
];

/// The nearest char boundary at or below `i`.
fn floor(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One mutant of `text`: a few edits chosen by `rng`, `other` for splices.
fn mutate(text: &str, other: &str, rng: &mut Rng) -> String {
    let mut s = text.to_string();
    for _ in 0..=rng.below(8) {
        let a = floor(&s, rng.below(s.len() + 1));
        let b = floor(&s, a + rng.below(200));
        match rng.below(8) {
            0 => s.replace_range(a..b, ""),
            1 => {
                let copy = s[a..b].to_string();
                s.insert_str(b, &copy);
            }
            2 => s = s.replace(". ", ".").replace(", ", ","),
            3 => s.insert_str(a, INSERTS[rng.below(INSERTS.len())]),
            4 => s.truncate(a),
            5 => {
                let upper: String = s[a..b].chars().flat_map(char::to_uppercase).collect();
                s.replace_range(a..b, &upper);
            }
            6 => {
                let x = floor(other, rng.below(other.len() + 1));
                let y = floor(other, x + rng.below(400));
                s.insert_str(a, &other[x..y]);
            }
            _ => {
                for _ in 0..rng.below(20) {
                    let at = floor(&s, rng.below(s.len() + 1));
                    s.insert_str(at, INSERTS[rng.below(INSERTS.len())]);
                }
            }
        }
    }
    s
}

fn files(p: &Path, out: &mut Vec<PathBuf>) {
    if p.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(p)
            .unwrap_or_else(|e| panic!("{}: {e}", p.display()))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for e in entries {
            files(&e, out);
        }
    } else if matches!(p.extension().and_then(|e| e.to_str()), Some("tml" | "txt")) {
        out.push(p.to_path_buf());
    }
}

/// An article's text and its date, from `TimeML` or plain text.
fn article(path: &Path) -> Option<(String, Option<timeline::model::PartialDate>)> {
    let raw = std::fs::read_to_string(path).ok()?;
    if path.extension().and_then(|e| e.to_str()) == Some("tml") {
        let d = extract::timeml::parse(&raw).ok()?;
        Some((d.text, d.dct.map(timeline::model::PartialDate::Day)))
    } else {
        Some((raw, None))
    }
}

struct Failure {
    path: PathBuf,
    seed: Option<u64>,
    stage: &'static str,
    message: String,
}

fn main() {
    quiet_guarded_panics();
    let mut args = std::env::args().skip(1).peekable();
    let mut mutations = 3u64;
    let mut inputs = Vec::new();
    while let Some(a) = args.next() {
        if a == "--mutations" {
            mutations = args.next().and_then(|n| n.parse().ok()).expect("--mutations N");
        } else if a != "--bench" {
            inputs.push(PathBuf::from(a));
        }
    }
    assert!(!inputs.is_empty(), "usage: robust [--mutations N] DIR_OR_FILE...");
    let mut paths = Vec::new();
    for i in &inputs {
        files(i, &mut paths);
    }
    let articles: Vec<(PathBuf, String, Option<timeline::model::PartialDate>)> =
        paths.into_iter().filter_map(|p| article(&p).map(|(t, d)| (p, t, d))).collect();
    let start = Instant::now();
    let n = articles.len();
    let results: Vec<(usize, Vec<Failure>)> = articles
        .par_iter()
        .enumerate()
        .map(|(i, (path, text, date))| {
            let other = &articles[(i * 7919 + 1) % n].1;
            let mut failures = Vec::new();
            let mut parts = Vec::new();
            let mut docs = 0;
            for k in 0..=mutations {
                let seed = (k > 0).then_some((i as u64) << 16 | k);
                let body = match seed {
                    Some(s) => mutate(text, other, &mut Rng::new(s)),
                    None => text.clone(),
                };
                let name = format!("{}.{k}.txt", path.display());
                let Ok(mut doc) = corpus::parse_document(Path::new(&name), body.into_bytes())
                else {
                    continue; // empty after mutation: the loader says so
                };
                doc.date = *date;
                docs += 1;
                match extract::extract_checked(doc, timeline::Detail::All) {
                    Ok(e) => parts.push(e),
                    Err(e) => failures.push(Failure {
                        path: path.clone(),
                        seed,
                        stage: "extract",
                        message: e.to_string(),
                    }),
                }
            }
            let drawn = guarded(|| {
                let t = timeline::build_from_parts_with(parts, timeline::Detail::All);
                render::render(&t, &render::RenderOptions::default())
            });
            if let Err(timeline::error::Panicked(message)) = drawn {
                failures.push(Failure {
                    path: path.clone(),
                    seed: None,
                    stage: "merge or draw",
                    message,
                });
            }
            (docs, failures)
        })
        .collect();
    let documents: usize = results.iter().map(|r| r.0).sum();
    let failures: Vec<&Failure> = results.iter().flat_map(|r| &r.1).collect();
    for f in failures.iter().take(20) {
        eprintln!(
            "{}: {} failed (mutation seed {}): {}",
            f.path.display(),
            f.stage,
            f.seed.map_or_else(|| "none".into(), |s| s.to_string()),
            f.message
        );
    }
    println!(
        "robust: {n} articles, {documents} documents ({mutations} mutations each), {} failures, {:.1} s",
        failures.len(),
        start.elapsed().as_secs_f64()
    );
    if !failures.is_empty() {
        std::process::exit(1);
    }
}
