//! Integration tests: drive the `timeline` binary as a user would.
//!
//! Golden files live in `tests/data/`; regenerate them, after checking the
//! change by eye, with `UPDATE_GOLDEN=1 cargo test --test integration`.

use std::path::{Path, PathBuf};
use std::process::Command;

use assert_cmd::prelude::*;
use predicates::prelude::*;
use serde::Deserialize;

mod entities;
mod events;
mod images;
mod inputs;
mod nlp;
mod robustness;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn timeline() -> Command {
    let mut c = Command::cargo_bin("timeline").unwrap();
    c.current_dir(root());
    c
}

fn read(p: impl AsRef<Path>) -> String {
    std::fs::read_to_string(p.as_ref()).unwrap_or_else(|e| panic!("{}: {e}", p.as_ref().display()))
}

/// Compare with a golden file, or rewrite it when `UPDATE_GOLDEN` is set.
fn golden(actual: &str, path: &Path) {
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(path, actual).unwrap();
        return;
    }
    let expected = read(path);
    if expected != actual {
        let line = expected.lines().zip(actual.lines()).position(|(a, b)| a != b).unwrap_or(0);
        panic!(
            "{} is stale (first difference at line {}):\n expected: {:?}\n   actual: {:?}\nrun `UPDATE_GOLDEN=1 cargo test --test integration` or rebuild it with the README command",
            path.display(),
            line + 1,
            expected.lines().nth(line),
            actual.lines().nth(line)
        );
    }
}

#[test]
fn shipped_kazakhstan_timeline_is_up_to_date() {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("k.svg");
    let json = dir.path().join("k.json");
    timeline()
        .args(["build", "corpus/kazakhstan-2022", "-o"])
        .arg(&svg)
        .arg("--json")
        .arg(&json)
        .assert()
        .success()
        .stderr(predicate::str::contains("read 5 documents ("))
        .stderr(predicate::str::contains("; 0 skipped; 0 warnings), 105 mentions, 49 events"));
    // the checked-in files are what the README command writes
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::copy(&svg, root().join("timelines/kazakhstan-2022.svg")).unwrap();
        std::fs::copy(&json, root().join("timelines/kazakhstan-2022.json")).unwrap();
    }
    golden(&read(&json), &root().join("timelines/kazakhstan-2022.json"));
    golden(&read(&svg), &root().join("timelines/kazakhstan-2022.svg"));
}

/// The wire format, pinned: unknown fields are an error here, so adding a
/// field is a deliberate change to this mirror and to the docs.
#[allow(dead_code)]
mod wire {
    use super::Deserialize;

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Timeline {
        pub format: String,
        pub documents: Vec<Document>,
        pub events: Vec<Event>,
        pub findings: Vec<Finding>,
        pub edges: Vec<Edge>,
        #[serde(default)]
        pub entities: Vec<Entity>,
    }
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Entity {
        pub id: String,
        pub name: String,
        #[serde(rename = "type")]
        pub kind: String,
        #[serde(default)]
        pub aliases: Vec<String>,
        pub mention_count: usize,
        pub event_count: usize,
    }
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Edge {
        pub before: String,
        pub after: String,
        pub origin: String,
        pub quote: Option<String>,
        pub kind: String,
        #[serde(default)]
        pub sources: Vec<String>,
    }
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Document {
        pub id: String,
        pub path: String,
        pub title: Option<String>,
        pub publisher: Option<String>,
        pub author: Option<String>,
        pub url: Option<String>,
        pub date: Option<String>,
        pub reference: Option<Reference>,
        pub body_start: usize,
    }
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Reference {
        pub date: String,
        pub source: String,
        pub evidence: String,
    }
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Date {
        pub earliest: String,
        pub latest: String,
        pub granularity: String,
        pub resolution: String,
        pub evidence: String,
    }
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Event {
        pub id: String,
        pub title: String,
        #[serde(rename = "type")]
        pub kind: String,
        pub date: Option<Date>,
        pub participants: Vec<String>,
        #[serde(default)]
        pub places: Vec<String>,
        #[serde(default)]
        pub entities: Vec<String>,
        pub sources: Vec<String>,
        pub mention_count: usize,
        pub source_count: usize,
        pub flags: Vec<String>,
        pub mentions: Vec<Mention>,
        pub salience: f64,
    }
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Mention {
        pub document: String,
        pub start: usize,
        pub end: usize,
        pub quote: String,
        pub trigger: String,
        pub action: String,
        #[serde(rename = "type")]
        pub kind: String,
        pub actor: Option<String>,
        pub target: Option<String>,
        pub place: Option<String>,
        pub date: Option<Date>,
        pub anchor: String,
        pub timex: Option<String>,
        #[serde(default)]
        pub supporting: bool,
        #[serde(default)]
        pub follows: Option<Follows>,
        #[serde(default)]
        pub minor: bool,
        #[serde(default)]
        pub title: Option<String>,
    }
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Follows {
        pub start: usize,
        pub end: usize,
        pub cue: String,
    }
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Finding {
        pub kind: String,
        pub severity: String,
        pub events: Vec<String>,
        pub message: String,
    }
}

#[test]
fn shipped_pngs_are_the_rendered_json() {
    let dir = tempfile::tempdir().unwrap();
    // the default image, and the column-size one the README shows
    for (name, args, width) in [
        ("kazakhstan-2022.png", &[][..], 2400),
        ("kazakhstan-2022-column.png", &["--size", "column"][..], 1860),
    ] {
        let png = dir.path().join(name);
        timeline()
            .args(["render", "timelines/kazakhstan-2022.json", "-o"])
            .arg(&png)
            .args(args)
            .assert()
            .success();
        let fresh = std::fs::read(&png).unwrap();
        let path = root().join("timelines").join(name);
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&path, &fresh).unwrap();
        }
        let shipped = std::fs::read(&path).unwrap();
        assert!(
            fresh == shipped,
            "timelines/{name} is stale: run `timeline render timelines/kazakhstan-2022.json -o timelines/{name} {}`",
            args.join(" ")
        );
        // two or three times the SVG's size
        let w = u32::from_be_bytes(fresh[16..20].try_into().unwrap());
        assert_eq!(w, width, "{name}");
    }
}

#[test]
fn every_format_is_written() {
    let dir = tempfile::tempdir().unwrap();
    for (name, extra, check) in [
        ("t.html", vec![], "<!DOCTYPE html>"),
        ("t.md", vec![], "| Date | Event | Sources | Evidence |"),
        ("t.mmd", vec![], "timeline\n"),
        ("t.json", vec!["--format", "timelinejs"], "\"display_date\""),
        ("t.dot", vec![], "digraph timeline {"),
        ("v.svg", vec!["--layout", "vertical", "--theme", "dark"], "<svg"),
    ] {
        let out = dir.path().join(name);
        timeline()
            .args(["render", "tests/data/floods.expected.json", "-o"])
            .arg(&out)
            .args(&extra)
            .assert()
            .success();
        assert!(read(&out).contains(check), "{name}");
    }
    timeline()
        .args(["render", "tests/data/floods.expected.json", "-o"])
        .arg(dir.path().join("t.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "expected an output ending in .svg, .png, .html, .md, .mmd or .dot",
        ));
}

#[test]
fn shipped_json_keeps_the_wire_format_and_exact_quotes() {
    let text = read(root().join("timelines/kazakhstan-2022.json"));
    let t: wire::Timeline = serde_json::from_str(&text).expect("wire format");
    assert_eq!(t.format, "timeline/1");
    let files: std::collections::BTreeMap<&str, Vec<u8>> = t
        .documents
        .iter()
        .map(|d| (d.id.as_str(), std::fs::read(root().join(&d.path)).unwrap()))
        .collect();
    for e in &t.events {
        assert_eq!(e.source_count, e.sources.len());
        assert_eq!(e.mention_count, e.mentions.len());
        for m in &e.mentions {
            let bytes = &files[m.document.as_str()][m.start..m.end];
            assert_eq!(std::str::from_utf8(bytes).unwrap(), m.quote);
        }
        if let Some(d) = &e.date {
            assert!(d.earliest <= d.latest || d.earliest.len() != d.latest.len(), "{}", e.id);
        }
    }
    // every entity an event names is listed, with the events that name it
    assert!(!t.entities.is_empty());
    for x in &t.entities {
        assert!(
            ["person", "organization", "place", "other"].contains(&x.kind.as_str()),
            "{}",
            x.kind
        );
        assert!(!x.name.is_empty() && x.mention_count >= x.event_count && x.event_count > 0);
        let naming = t.events.iter().filter(|e| e.entities.contains(&x.id)).count();
        assert_eq!(naming, x.event_count, "{}", x.id);
    }
    for e in &t.events {
        assert!(e.entities.iter().all(|id| t.entities.iter().any(|x| &x.id == id)), "{}", e.id);
    }
    let tokayev =
        t.entities.iter().find(|x| x.aliases.iter().any(|a| a == "Tokayev")).expect("Tokayev");
    assert_eq!(tokayev.kind, "person");
}

#[test]
fn kazakhstan_core_events_are_found_in_order() {
    let t: timeline::Timeline =
        serde_json::from_str(&read(root().join("timelines/kazakhstan-2022.json"))).unwrap();
    let pos = |action: &str, earliest: &str| {
        t.events
            .iter()
            .position(|e| {
                e.mentions.iter().any(|m| m.action == action)
                    && e.date.as_ref().is_some_and(|d| d.earliest() == earliest)
            })
            .unwrap_or_else(|| panic!("no {action} event on {earliest}"))
    };
    let order = [
        pos("crackdown", "1986"),
        pos("resign", "2019"),
        pos("unrest_start", "2022-01-02"),
        pos("dismiss", "2022-01-05"),
        pos("request_help", "2022-01-05"),
        pos("deploy", "2022-01-06"),
    ];
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    let dismissal = &t.events[pos("dismiss", "2022-01-05")];
    assert!(dismissal.source_count >= 2, "{:?}", dismissal.sources);
    assert!(t
        .findings
        .iter()
        .any(|f| f.kind == timeline::model::FindingKind::DateAfterDocument
            && f.message.contains("2029")));
}

#[test]
fn small_corpus_golden_files() {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("floods.svg");
    timeline()
        .args(["build", "tests/data/floods", "-o"])
        .arg(&svg)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "skipped: tests/data/floods/c-broken.txt:3: expected \"key: value\" in the header, but found \"this line has no colon\"",
        ))
        .stderr(predicate::str::contains("read 2 documents ("))
        .stderr(predicate::str::contains("; 1 skipped: 1 bad header; 0 warnings)"));
    golden(&read(dir.path().join("floods.json")), &root().join("tests/data/floods.expected.json"));
    golden(&read(&svg), &root().join("tests/data/floods.expected.svg"));
}

#[test]
fn render_draws_the_json_again_identically() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("again.svg");
    timeline()
        .args(["render", "timelines/kazakhstan-2022.json", "-o"])
        .arg(&out)
        .assert()
        .success();
    assert_eq!(read(&out), read(root().join("timelines/kazakhstan-2022.svg")));
    // and twice gives the same bytes
    let out2 = dir.path().join("again2.svg");
    timeline()
        .args(["render", "timelines/kazakhstan-2022.json", "-o"])
        .arg(&out2)
        .assert()
        .success();
    assert_eq!(read(&out), read(&out2));
}

#[test]
fn render_applies_a_persons_edit() {
    let dir = tempfile::tempdir().unwrap();
    let mut t: serde_json::Value =
        serde_json::from_str(&read(root().join("tests/data/floods.expected.json"))).unwrap();
    t["events"][0]["title"] = serde_json::Value::String("Edited <title> by hand".into());
    let json = dir.path().join("edited.json");
    std::fs::write(&json, serde_json::to_string(&t).unwrap()).unwrap();
    let out = dir.path().join("edited.svg");
    timeline()
        .arg("render")
        .arg(&json)
        .arg("-o")
        .arg(&out)
        .args(["--theme", "dark", "--title", "Floods"])
        .assert()
        .success();
    let svg = read(&out);
    assert!(svg.contains("Edited &lt;title&gt; by hand"));
    assert!(svg.contains(">Floods</text>"));
}

#[test]
fn missing_path_and_empty_folder_fail_with_their_names() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.svg");
    timeline()
        .args(["build", "no/such/folder", "-o"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "skipped: no/such/folder: cannot read: no such file or folder",
        ))
        .stderr(predicate::str::contains("error: no article could be read"));
    assert!(!out.exists() && !dir.path().join("x.json").exists());
    let empty = tempfile::tempdir().unwrap();
    timeline()
        .arg("build")
        .arg(empty.path())
        .arg("-o")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("but the folder has none"));
}

#[test]
fn outputs_written_into_the_input_folder_are_not_read_back() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["a-herald.txt", "b-courier.md"] {
        std::fs::copy(root().join("tests/data/floods").join(f), dir.path().join(f)).unwrap();
    }
    let first = dir.path().join("t.svg");
    timeline().arg("build").arg(dir.path()).arg("-o").arg(&first).assert().success();
    let json = dir.path().join("t.json");
    for (name, extra) in [
        ("r.html", &[][..]),
        ("r.md", &[]),
        ("tl.json", &["--format", "timelinejs"]),
        ("days.txt", &["--format", "tls"]),
    ] {
        timeline()
            .arg("render")
            .arg(&json)
            .arg("-o")
            .arg(dir.path().join(name))
            .args(extra)
            .assert()
            .success();
    }
    let mentions = dir.path().join("m.jsonl");
    timeline()
        .arg("extract")
        .arg(dir.path().join("a-herald.txt"))
        .arg("-o")
        .arg(&mentions)
        .assert()
        .success();
    // the second run reads the same two articles and says what it skipped
    let second = dir.path().join("again.svg");
    timeline()
        .arg("build")
        .arg(dir.path())
        .arg("-o")
        .arg(&second)
        .assert()
        .success()
        .stderr(predicate::str::contains("read 2 documents ("))
        .stderr(predicate::str::contains("6 skipped: 6 written by this tool"))
        .stderr(predicate::str::contains(
            "r.html: an HTML report this tool wrote, not an article, so it is skipped",
        ));
    let again: timeline::Timeline =
        serde_json::from_str(&read(dir.path().join("again.json"))).unwrap();
    let once: timeline::Timeline = serde_json::from_str(&read(&json)).unwrap();
    assert_eq!(again.events.len(), once.events.len());
    assert_eq!(again.documents.len(), 2);
}

#[test]
fn one_bad_file_does_not_lose_the_others() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("good.txt"),
        "On March 3, 2021, rebels stormed the radio station.",
    )
    .unwrap();
    std::fs::write(dir.path().join("latin1.txt"), b"Caf\xe9 owners protested on May 2, 2021.")
        .unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    let out = dir.path().join("out.svg");
    timeline()
        .arg("build")
        .arg(dir.path())
        .arg("-o")
        .arg(&out)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "latin1.txt: 1 byte is not UTF-8 (the first at byte 3, line 1) read as '?'; offsets are unchanged",
        ))
        .stderr(predicate::str::contains("empty.txt: expected article text, but the file is empty"))
        .stderr(predicate::str::contains("read 2 documents ("))
        .stderr(predicate::str::contains("1 skipped: 1 empty; 1 warnings)"));
    let t: timeline::Timeline = serde_json::from_str(&read(dir.path().join("out.json"))).unwrap();
    assert_eq!(t.events[0].date.as_ref().unwrap().earliest(), "2021-03-03");
    // the Latin-1 article is read too, byte for byte
    let m = &t.events.iter().find(|e| e.sources == ["latin1"]).unwrap().mentions[0];
    let bytes = std::fs::read(dir.path().join("latin1.txt")).unwrap();
    assert_eq!(m.quote.len(), m.end - m.start);
    assert_eq!(
        m.quote.as_bytes()[..],
        bytes[m.start..m.end].iter().map(|&b| if b == 0xe9 { b'?' } else { b }).collect::<Vec<_>>()
            [..]
    );
}

#[test]
fn unwritable_output_leaves_nothing_half_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("missing-folder/out.svg");
    timeline()
        .args(["build", "tests/data/floods/a-herald.txt", "-o"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing-folder/out.json: cannot write"))
        // the operating system's words once, not again as the cause
        .stderr(predicate::function(|e: &str| e.matches("os error").count() == 1));
    assert!(!out.exists());
    timeline()
        .args(["build", "tests/data/floods", "-o", "x.pdf"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("ending in .svg"));
}

#[test]
fn a_broken_timeline_json_is_named_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("bad.json");
    std::fs::write(&json, "{\n  \"format\": \"timeline/1\",\n  \"documents\": 3\n}").unwrap();
    timeline()
        .arg("render")
        .arg(&json)
        .args(["-o", "/tmp/never.svg"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.json:3:"))
        .stderr(predicate::str::contains("expected a timeline JSON"));
}

#[test]
fn tag_prints_json_and_timeml() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("t.txt");
    std::fs::write(&f, "On Wednesday, prices rose. He ruled from 1989 to 2019 & more.").unwrap();
    let out =
        timeline().arg("tag").arg(&f).args(["--reference-date", "2022-01-07"]).output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["text"], "Wednesday");
    assert_eq!(v[0]["value"], "2022-01-05");
    assert_eq!(v[0]["type"], "DATE");
    assert_eq!(v[0]["start"], 3);
    assert_eq!(v[1]["value"], "1989");
    timeline()
        .arg("tag")
        .arg(&f)
        .args(["--reference-date", "2022-01-07", "--format", "timeml"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("On <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2022-01-05\">Wednesday</TIMEX3>, prices rose."))
        .stdout(predicate::str::contains("&amp; more."));
    // without a reference, the tool says what it did
    timeline()
        .arg("tag")
        .arg(&f)
        .assert()
        .success()
        .stderr(predicate::str::contains("no reference date"));
}

#[test]
fn help_documents_every_command() {
    for cmd in ["build", "render", "tag"] {
        timeline()
            .args([cmd, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Usage: timeline"));
    }
    timeline()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("build").and(predicate::str::contains("render")));
}

#[test]
fn build_filters_make_an_entity_centred_timeline() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("m.svg");
    timeline()
        .args(["build", "tests/data/floods", "-o"])
        .arg(&out)
        .args([
            "--entity",
            "Marenco",
            "--from",
            "2023-03-08",
            "--type",
            "political_change,security",
        ])
        .assert()
        .success();
    let t: timeline::Timeline = serde_json::from_str(&read(dir.path().join("m.json"))).unwrap();
    assert!(!t.events.is_empty());
    for e in &t.events {
        assert!(e.date.as_ref().unwrap().latest().as_str() >= "2023-03-08", "{}", e.id);
        assert!(matches!(e.event_type.name(), "political_change" | "security"), "{}", e.id);
    }
    timeline()
        .args(["build", "tests/data/floods", "-o"])
        .arg(&out)
        .args(["--type", "weather"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--type: expected one of protest"));
}

#[test]
fn review_reports_each_kind_of_finding() {
    // a contradiction ("Then ... on May 2" after May 5), two sources that
    // disagree, single sources, a date taken over by merging
    let out = timeline().args(["review", "tests/data/review"]).output().unwrap();
    // an error-severity finding (the cycle) fails the command, for scripts
    assert_eq!(out.status.code(), Some(1));
    // warnings and information alone do not
    timeline().args(["review", "tests/data/floods"]).assert().code(0);
    let text = String::from_utf8(out.stdout).unwrap();
    for kind in ["Error: ordering-cycle", "Warning: sources-disagree", "Info: single-source"] {
        assert!(text.contains(kind), "{kind} missing in:\n{text}");
    }
    assert!(
        text.contains("left out: \"Then the mayor Anja Kovalenko resigned on May 2\""),
        "{text}"
    );
    let json =
        timeline().args(["review", "tests/data/review", "--format", "json"]).output().unwrap();
    let findings: Vec<timeline::model::Finding> = serde_json::from_slice(&json.stdout).unwrap();
    assert!(findings.windows(2).all(|w| w[0].severity <= w[1].severity), "worst first");
    // the shipped corpus: the 2029 sentence, inferred references, merged dates
    let json =
        timeline().args(["review", "corpus/kazakhstan-2022", "--format", "json"]).output().unwrap();
    let findings: Vec<timeline::model::Finding> = serde_json::from_slice(&json.stdout).unwrap();
    for kind in [
        "date-after-document",
        "inferred-reference",
        "date-from-merge",
        "maybe-same-event",
        "single-source",
    ] {
        assert!(findings.iter().any(|f| f.kind.name() == kind), "{kind}");
    }
    let dot = timeline().args(["review", "tests/data/review", "--format", "dot"]).output().unwrap();
    let dot = String::from_utf8(dot.stdout).unwrap();
    assert!(dot.starts_with("digraph timeline {") && dot.contains("->"), "{dot}");
}

#[test]
fn edits_are_applied_by_build_and_render_and_stale_ones_reported() {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("t.svg");
    timeline().args(["build", "tests/data/review", "-o"]).arg(&svg).assert().success();
    let t: timeline::Timeline = serde_json::from_str(&read(dir.path().join("t.json"))).unwrap();
    // by a word of the title or of a quote (titles leave dates to the axis)
    let id = |needle: &str| {
        t.events
            .iter()
            .find(|e| {
                e.title.contains(needle) || e.mentions.iter().any(|m| m.quote.contains(needle))
            })
            .unwrap_or_else(|| panic!("{needle}"))
            .id
            .clone()
    };
    let (bridge, resign, may3, may8) = (id("bridge"), id("resigned"), id("May 3"), id("May 8"));
    let may8_event = t.events.iter().find(|e| e.id == may8).unwrap();
    let split = may8_event
        .mentions
        .iter()
        .find(|m| m.quote.contains("sacked"))
        .expect("the headline joined its own story");
    let edits = serde_json::json!({"edits": [
        {"op": "set_title", "event": bridge, "title": "Old bridge collapses"},
        {"op": "set_type", "event": bridge, "type": "violence"},
        {"op": "set_date", "event": resign, "earliest": "2021-05-06", "latest": "2021-05-07"},
        {"op": "split", "event": may8, "document": "b-courier", "start": split.start},
        {"op": "merge", "events": [may8, may3]},
        {"op": "pin", "before": bridge, "after": resign},
        {"op": "drop", "event": "no-such-event"},
    ]});
    let edits_path = dir.path().join("edits.json");
    std::fs::write(&edits_path, edits.to_string()).unwrap();
    let out = dir.path().join("e.svg");
    timeline()
        .args(["build", "tests/data/review", "-o"])
        .arg(&out)
        .arg("--edits")
        .arg(&edits_path)
        .assert()
        .success()
        .stderr(
            predicate::str::contains("edit 7")
                .and(predicate::str::contains("no event no-such-event")),
        );
    let e: timeline::Timeline = serde_json::from_str(&read(dir.path().join("e.json"))).unwrap();
    let by = |id: &str| e.events.iter().find(|x| x.id == id);
    let b = by(&bridge).unwrap();
    assert_eq!((b.title.as_str(), b.event_type.name()), ("Old bridge collapses", "violence"));
    assert_eq!(by(&resign).unwrap().date.as_ref().unwrap().earliest(), "2021-05-06");
    assert!(by(&may3).is_none(), "merged into May 8");
    assert_eq!(by(&may8).unwrap().source_count, 2);
    assert_eq!(by(&may8).unwrap().mention_count, 2, "the headline was split out");
    assert!(e.events.iter().any(|x| x.flags.contains(&timeline::model::Flag::SplitByReviewer)));
    // pinned: the bridge before the resignation, and the cycle is gone
    let pos = |id: &str| e.events.iter().position(|x| x.id == id).unwrap();
    assert!(pos(&bridge) < pos(&resign));
    assert!(e.findings.iter().any(|f| f.kind == timeline::model::FindingKind::EditNotApplied));
    assert!(e.edges.iter().any(|x| x.origin == timeline::model::Origin::Pinned));
    // render applies the same file to the plain JSON: same events
    let json = dir.path().join("t.json");
    let again = dir.path().join("again.svg");
    timeline()
        .arg("render")
        .arg(&json)
        .arg("-o")
        .arg(&again)
        .arg("--edits")
        .arg(&edits_path)
        .assert()
        .success();
    assert!(read(&again).contains("Old bridge collapses"));
}

#[test]
fn a_date_for_articles_without_one() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "On Friday, rebels stormed the radio station.\nTroops arrived on March 3.",
    )
    .unwrap();
    let out = dir.path().join("o.svg");
    timeline()
        .arg("build")
        .arg(dir.path())
        .arg("-o")
        .arg(&out)
        .args(["--date", "2023-03"])
        .assert()
        .success();
    let t: timeline::Timeline = serde_json::from_str(&read(dir.path().join("o.json"))).unwrap();
    assert_eq!(t.documents[0].date.map(|d| d.to_string()).as_deref(), Some("2023-03"));
    assert!(t.events.iter().any(|e| e.date.as_ref().is_some_and(|d| d.earliest() == "2023-03-03")));
    timeline()
        .arg("build")
        .arg(dir.path())
        .arg("-o")
        .arg(&out)
        .args(["--date", "2023-13"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "expected a date like 2022-01-06, 2022-01 or 2022, but found \"2023-13\"",
        ));
}
