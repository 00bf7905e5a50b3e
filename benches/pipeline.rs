//! Throughput of each stage on a synthetic news corpus.
//!
//! ```text
//! cargo bench --bench pipeline                  # 1k and 10k documents
//! cargo bench --bench pipeline -- 1000 10000 100000
//! cargo bench --bench pipeline -- --write DIR 10000   # write the corpus as files
//! cargo bench --bench pipeline -- --tag-file FILE     # tagging alone on real text
//! cargo bench --bench pipeline -- --layout 1000        # SVG layout of 1,000 events
//! cargo bench --bench pipeline -- --order 10000 100000 # ordering with text relations
//! cargo bench --bench pipeline -- --nlp FILE            # the linguistic backbone on real text
//! ```
//!
//! The corpus is generated from templates written for this project (not
//! from the seeds) with a fixed seed, so every run sees the same text:
//! stories of a few documents each about fictional places and people, with
//! dated and undated happenings, every kind of date expression the tagger
//! knows, quotes, modal sentences, filler, and the mess of pasted news
//! (missing spaces after full stops, misspelt names).

use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::Instant;

use timeline::model::Document;

// the allocator the binary uses: its tables then sit on huge pages as
// they do in `timeline`, which matters for the backbone's lookups
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A small, seeded generator (PCG-style LCG): reproducible everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 =
            self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next()).expect("31 bits fit") % n
    }
}

const PEOPLE: &[&str] = &[
    "Ilse Marenko",
    "Tomas Veridian",
    "Anja Kovalenko",
    "Petr Ostrov",
    "Lena Haldane",
    "Oskar Brennt",
    "Mira Solheim",
    "Yusuf Darrow",
];
const PLACES: &[&str] = &[
    "Varnel",
    "Ostrava Bay",
    "Kirrin",
    "Daleport",
    "Marsk",
    "Tolvik",
    "the capital",
    "the northern provinces",
];
const GROUPS: &[&str] = &[
    "the cabinet",
    "the harbour board",
    "the election commission",
    "the water authority",
    "the central bank board",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: &[&str] =
    &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

fn misspell(r: &mut Rng, name: &str) -> String {
    if r.below(12) != 0 || name.len() < 5 {
        return name.to_string();
    }
    let mut c: Vec<char> = name.chars().collect();
    let i = 1 + r.below(c.len() - 2);
    c.remove(i);
    c.into_iter().collect()
}

fn surname(n: &str) -> &str {
    n.rsplit(' ').next().unwrap_or(n)
}

/// One article of a story about `day` (1..=28) of `month` in `year`.
fn article(r: &mut Rng, story: usize, year: usize, month: usize, day: usize) -> String {
    let person = PEOPLE[story % PEOPLE.len()];
    let place = PLACES[(story / 3) % PLACES.len()];
    let group = GROUPS[(story / 7) % GROUPS.len()];
    let name = misspell(r, person);
    let mut s = format!(
        "---\ntitle: Crisis in {place}\ndate: {year}-{:02}-{:02}\n---\nCrisis in {place}\n\n",
        month + 1,
        day.min(28)
    );
    let sentences = 12 + r.below(14);
    for _ in 0..sentences {
        let d = 1 + r.below(day.max(2) - 1);
        let wd = r.pick(WEEKDAYS);
        let m = MONTHS[month];
        let sentence = match r.below(16) {
            0 => format!("Protesters took to the streets of {place} on {m} {d}"),
            1 => format!("On {wd}, {name} dismissed {group} and lowered fuel prices"),
            2 => format!("Police detained {} people in {place}, officials said", 10 + r.below(4000)),
            3 => format!("Then {} invited foreign mediators to {place}", surname(&name)),
            4 => format!("Troops were deployed to {place} on {d} {m} {year}"),
            5 => format!("{} said {wd} that the curfew would end soon", surname(person)),
            6 => format!("\"We will not resign,\" {} told reporters", surname(&name)),
            7 => format!("The old regime ruled {place} from {} to {}", 1960 + r.below(20), 1990 + r.below(25)),
            8 => format!("Analysts think the unrest may spread to {}", r.pick(PLACES)),
            9 => format!("Seven years ago, {name} resigned from {group}"),
            10 => format!("Prices of bread rose {}% earlier this week, and {} people were injured in clashes", r.below(40), r.below(90)),
            11 => format!("Heavy shooting erupted near the port of {place} late {wd} evening"),
            12 => format!("The governor declared a state of emergency in {place} on {m} {d}, {year}"),
            13 => format!("It is hard to say what happens next in {place}"),
            14 => format!("Rebels stormed the radio station in the {}s and again in {}", 1970 + 10 * r.below(4), 2000 + r.below(20)),
            _ => format!("Every year, residents of {place} mark the anniversary of the massacre of miners in {}", 1900 + r.below(90)),
        };
        s.push_str(&sentence);
        // pasted news: a full stop glued to the next sentence
        s.push_str(if r.below(8) == 0 { "." } else { ". " });
        if r.below(5) == 0 {
            s.push_str("\n\n");
        }
    }
    s.push('\n');
    s
}

/// `n` articles in stories of about four articles each.
fn corpus(n: usize) -> Vec<(String, String)> {
    let mut r = Rng(0x5eed_2022);
    (0..n)
        .map(|i| {
            let story = i / 4;
            let year = 2000 + story % 24;
            let month = story % 12;
            let day = 5 + story % 23;
            (format!("story{story:06}-{i:07}.txt"), article(&mut r, story, year, month, day))
        })
        .collect()
}

fn documents(files: &[(String, String)]) -> Vec<Document> {
    files
        .iter()
        .map(|(name, text)| {
            timeline::corpus::parse_document(std::path::Path::new(name), text.clone().into_bytes())
                .expect("generated articles load")
        })
        .collect()
}

/// The process's peak resident memory so far (Linux), in MiB: run the
/// sizes in increasing order and each figure is that size's peak.
fn peak_mib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}

/// The text with typographic punctuation: apostrophes and quotes curly,
/// " -- " as an em dash.
fn typographic(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 20);
    let mut open = true;
    for c in text.replace(" -- ", " \u{2014} ").chars() {
        match c {
            '\'' => out.push('\u{2019}'),
            '"' => {
                out.push(if open { '\u{201c}' } else { '\u{201d}' });
                open = !open;
            }
            c => out.push(c),
        }
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    if args.first().map(String::as_str) == Some("--tag-file") {
        // tagging alone on a file of real text, after a warm-up pass, and
        // on its typographic twin (curly quotes and apostrophes, em dashes),
        // which real corpora are full of and the regex engines treat apart
        let path = args.get(1).expect("--tag-file PATH");
        let text = std::fs::read_to_string(path).expect("a UTF-8 text file");
        let ctx = timeline::extract::timex::Context {
            reference: chrono::NaiveDate::from_ymd_opt(2000, 1, 1),
            inferred: false,
            year: None,
        };
        for (name, text) in [("as it is", text.clone()), ("typographic", typographic(&text))] {
            let n = timeline::extract::timex::tag(&text, &ctx).len();
            let runs = 5;
            let t0 = Instant::now();
            for _ in 0..runs {
                std::hint::black_box(timeline::extract::timex::tag(&text, &ctx));
            }
            let s = t0.elapsed().as_secs_f64() / f64::from(runs);
            eprintln!(
                "tag {path} ({name}): {:.1} MB in {:.3} s = {:.1} MB/s on one core ({n} timexes)",
                text.len() as f64 / 1e6,
                s,
                text.len() as f64 / 1e6 / s
            );
        }
        return;
    }
    if args.first().map(String::as_str) == Some("--nlp") {
        // the linguistic backbone on real text: the tokenizer and sentence
        // splitter alone, then tags, lemmas, features and parse, one core
        let path = args.get(1).expect("--nlp PATH");
        let text = std::fs::read_to_string(path).expect("a UTF-8 text file");
        let t_load = Instant::now();
        let model = timeline::nlp::Model::embedded().expect("the committed model");
        let load = t_load.elapsed().as_secs_f64();
        let t0 = Instant::now();
        let pieces = timeline::nlp::tokenize::words(&text, &model.keep_hyphen);
        let starts = timeline::nlp::tokenize::sentence_starts(&text, &pieces);
        let tok = t0.elapsed().as_secs_f64();
        let t1 = Instant::now();
        let sentences = model.analyze(&text);
        let all = t1.elapsed().as_secs_f64();
        // the tagger alone, on the same sentences
        let forms: Vec<Vec<&str>> = sentences
            .iter()
            .map(|s| s.tokens.iter().map(|t| &text[t.start..t.end]).collect())
            .collect();
        let t2 = Instant::now();
        let tags: Vec<Vec<usize>> = forms.iter().map(|f| model.tagger.tag(f)).collect();
        let tag = t2.elapsed().as_secs_f64();
        let tagged: usize = tags.iter().map(Vec::len).sum();
        let t3 = Instant::now();
        for (f, t) in forms.iter().zip(&tags) {
            std::hint::black_box(model.parser.parse(f, t));
        }
        let parse = t3.elapsed().as_secs_f64();
        let words: usize = sentences.iter().map(|s| s.tokens.len()).sum();
        eprintln!(
            "nlp {path}: {:.1} MB, {words} words, {} sentences; model loaded in {:.0} ms",
            text.len() as f64 / 1e6,
            starts.len() + 1,
            load * 1e3
        );
        eprintln!(
            "  features and votes: tagger {:?}, parser {:?}",
            model.tagger.sizes(),
            model.parser.sizes()
        );
        eprintln!(
            "  tokenizer and sentences: {:.0} words/s on one core",
            pieces.len() as f64 / tok
        );
        eprintln!("  tagger alone:            {:.0} words/s on one core", tagged as f64 / tag);
        eprintln!("  parser alone:            {:.0} words/s on one core", tagged as f64 / parse);
        eprintln!("  whole backbone:          {:.0} words/s on one core", words as f64 / all);
        // the same on its typographic twin (see `--tag-file`)
        let typo = typographic(&text);
        let t4 = Instant::now();
        let twin: usize = model.analyze(&typo).iter().map(|s| s.tokens.len()).sum();
        let typo_s = t4.elapsed().as_secs_f64();
        eprintln!("  whole, typographic:      {:.0} words/s on one core", twin as f64 / typo_s);
        return;
    }
    if args.first().map(String::as_str) == Some("--order") {
        // ordering alone: N events with dates and text relations
        for n in args[1..].iter().filter_map(|a| a.parse::<usize>().ok()) {
            let mut r = Rng(7);
            let base = chrono::NaiveDate::from_ymd_opt(2000, 1, 1).expect("a date");
            let events: Vec<timeline::model::Event> = (0..n)
                .map(|i| {
                    let lo =
                        base + chrono::Duration::days(i64::try_from(r.below(9000)).expect("small"));
                    let hi =
                        lo + chrono::Duration::days(i64::try_from(r.below(20)).expect("small"));
                    let follows = (i > 0 && r.below(3) == 0).then(|| {
                        let j = r.below(i);
                        Box::new(timeline::model::Relation {
                            start: j * 10,
                            end: j * 10 + 5,
                            cue: "then".into(),
                        })
                    });
                    let m = timeline::model::Mention {
                        document: "d".into(),
                        start: i * 10,
                        end: i * 10 + 5,
                        quote: String::new(),
                        trigger: String::new(),
                        action: "a".into(),
                        event_type: timeline::model::EventType::Other,
                        actor: None,
                        target: None,
                        place: None,
                        date: None,
                        anchor: timeline::model::Anchor::None,
                        timex: None,
                        supporting: false,
                        follows,
                        minor: false,
                        title: None,
                    };
                    timeline::model::Event {
                        id: format!("e{i:07}"),
                        title: String::new(),
                        event_type: timeline::model::EventType::Other,
                        date: Some(timeline::model::DateInfo::new(
                            timeline::model::Span { lo, hi },
                            timeline::model::Granularity::Range,
                            timeline::model::Resolution::Narrative,
                            "".into(),
                        )),
                        participants: vec![],
                        entities: vec![],
                        places: vec![],
                        sources: vec!["d".into()],
                        mention_count: 1,
                        source_count: 1,
                        flags: vec![],
                        mentions: vec![m],
                        salience: 0.0,
                    }
                })
                .collect();
            let t0 = Instant::now();
            let (ordered, edges, cycles) =
                timeline::graph::order::order(events, &[], &timeline::graph::order::ToldBy::new());
            eprintln!(
                "order: {n} events, {} edges kept, {} contradictions, {:.0} ms",
                edges.len(),
                cycles.len(),
                t0.elapsed().as_secs_f64() * 1e3
            );
            std::hint::black_box(ordered);
        }
        return;
    }
    if args.first().map(String::as_str) == Some("--layout") {
        // layout alone: N events crowded on a few days, both layouts
        let n: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(1000);
        let files = corpus(n / 4 + 1);
        let mut docs = documents(&files);
        timeline::extract::infer_references(&mut docs);
        let mentions: Vec<_> = docs.iter().flat_map(timeline::extract::extract).collect();
        let mut t =
            timeline::graph::build(docs, mentions, &timeline::graph::MergeOptions::default());
        t.events.retain(|e| e.date.is_some());
        t.events.truncate(n);
        for layout in [timeline::render::Layout::Horizontal, timeline::render::Layout::Vertical] {
            let opts = timeline::render::RenderOptions { layout, ..Default::default() };
            let _ = timeline::render::render(&t, &opts);
            let t0 = Instant::now();
            let runs = 5;
            for _ in 0..runs {
                std::hint::black_box(timeline::render::render(&t, &opts));
            }
            eprintln!(
                "layout {layout:?}: {} events in {:.1} ms",
                t.events.len(),
                t0.elapsed().as_secs_f64() * 1e3 / f64::from(runs)
            );
        }
        return;
    }
    if args.first().map(String::as_str) == Some("--write") {
        let dir = PathBuf::from(args.get(1).expect("--write DIR N"));
        let n: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(1000);
        std::fs::create_dir_all(&dir).expect("create the folder");
        let mut bytes = 0;
        for (name, text) in corpus(n) {
            bytes += text.len();
            std::fs::write(dir.join(name), text).expect("write an article");
        }
        eprintln!("wrote {n} articles, {:.1} MB, to {}", bytes as f64 / 1e6, dir.display());
        return;
    }
    let sizes: Vec<usize> = if args.is_empty() {
        vec![1000, 10_000]
    } else {
        args.iter().filter_map(|a| a.parse().ok()).collect()
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:>8} {:>8} {:>12} {:>14} {:>14} {:>12} {:>10} {:>10}",
        "docs",
        "MB",
        "tag MB/s",
        "extract doc/s",
        "extract MB/s",
        "graph ms",
        "render ms",
        "peak MiB"
    );
    for n in sizes {
        let files = corpus(n);
        let mb = files.iter().map(|f| f.1.len()).sum::<usize>() as f64 / 1e6;
        let mut docs = documents(&files);
        drop(files);
        // tagging alone, with a known reference day
        let ctx = timeline::extract::timex::Context {
            reference: chrono::NaiveDate::from_ymd_opt(2020, 6, 15),
            inferred: false,
            year: Some(2020),
        };
        let t0 = Instant::now();
        let mut timexes = 0;
        for d in &docs {
            timexes += timeline::extract::timex::tag(d.body(), &ctx).len();
        }
        let tag_s = t0.elapsed().as_secs_f64();
        // extraction, reference days included
        let t0 = Instant::now();
        timeline::extract::infer_references(&mut docs);
        let mentions: Vec<_> = docs.iter().flat_map(timeline::extract::extract).collect();
        let extract_s = t0.elapsed().as_secs_f64();
        let t0 = Instant::now();
        let t = timeline::graph::build(docs, mentions, &timeline::graph::MergeOptions::default());
        let graph_s = t0.elapsed().as_secs_f64();
        let t0 = Instant::now();
        let svg = timeline::render::render(&t, &timeline::render::RenderOptions::default());
        let render_s = t0.elapsed().as_secs_f64();
        let _ = writeln!(
            out,
            "{n:>8} {mb:>8.1} {:>12.1} {:>14.0} {:>14.2} {:>12.0} {:>10.0} {:>10}   ({timexes} timexes, {} events, {} KB SVG)",
            mb / tag_s,
            n as f64 / extract_s,
            mb / extract_s,
            graph_s * 1e3,
            render_s * 1e3,
            peak_mib().map_or_else(|| "?".into(), |m| m.to_string()),
            t.events.len(),
            svg.len() / 1024
        );
        eprint!("{out}");
        out.clear();
    }
}
