//! The robustness promises under attack (issue 16): nothing lost, nothing
//! hangs, nothing injected. Each test is named after the case it guards.

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::prelude::*;
use predicates::prelude::*;

use super::{read, root, timeline};

fn write(dir: &Path, name: &str, text: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, text).unwrap();
    p
}

const DAM: &str = "On March 3, 2021, the dam burst in Varnel. Then the governor resigned.";
const PORT: &str = "Dock workers went on strike on April 10, 2023. Police detained 40 strikers.";

/// The binary, killed after `secs` seconds: a hang fails the test.
fn bounded(secs: u64) -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("timeline").unwrap();
    c.current_dir(root()).timeout(Duration::from_secs(secs));
    c
}

fn parse(path: &Path) -> timeline::Timeline {
    serde_json::from_str(&read(path)).unwrap()
}

fn doc_ids(t: &timeline::Timeline) -> Vec<String> {
    t.documents.iter().map(|d| d.id.clone()).collect()
}

/// `timeline build DIR... -o OUT/t.svg`, which must succeed; its JSON.
fn build(inputs: &[&Path], out: &Path) -> timeline::Timeline {
    timeline().arg("build").args(inputs).arg("-o").arg(out.join("t.svg")).assert().success();
    parse(&out.join("t.json"))
}

#[test]
fn an_ordinary_sentence_that_panicked_builds_with_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let (d, out) = (dir.path().join("in"), dir.path().join("out"));
    write(&d, "a.txt", "Troops are already on the ground and elections were postponed.");
    write(&d, "b.txt", "troops are already on the ground and election");
    write(&d, "c.txt", DAM);
    std::fs::create_dir_all(&out).unwrap();
    let t = build(&[&d], &out);
    assert_eq!(doc_ids(&t), ["a", "b", "c"]);
    for command in ["review", "extract"] {
        timeline().arg(command).arg(&d).assert().success();
    }
}

#[test]
fn a_merge_edit_without_events_is_reported_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let edits = write(dir.path(), "edits.json", r#"{"edits": [{"op": "merge", "events": []}]}"#);
    timeline()
        .args(["render", "tests/data/floods.expected.json", "-o"])
        .arg(dir.path().join("t.svg"))
        .arg("--edits")
        .arg(&edits)
        .assert()
        .success()
        .stderr(predicate::str::contains("expected at least two events to merge, but found 0"));
}

/// Every character of the output is one XML 1.0 allows, and usvg reads it.
fn assert_xml(text: &str, what: &str) {
    let bad = text.chars().find(|&c| !timeline::escape::is_xml_char(c));
    assert!(bad.is_none(), "{what} holds {bad:?}");
}

#[test]
fn control_characters_in_articles_and_names_keep_the_svg_valid() {
    let dir = tempfile::tempdir().unwrap();
    let (d, out) = (dir.path().join("in"), dir.path().join("out"));
    // a form feed from a PDF, backspace, SUB, ESC, noncharacters, and a NUL
    // past the first 8 KiB (so the file is not taken for binary)
    let filler = "Filler text of the wire service. ".repeat(300);
    let text = format!(
        "Page\u{c}one: the \u{8}mayor\u{1a} \u{1b}[31mresigned\u{fffe} on May 5, 2021.\u{ffff}\n{filler}\0\
         On May 6, 2021, the \u{c}council dissolved itself."
    );
    write(&d, "pdf\u{1b}[2J\u{c}.txt", text);
    write(&d, "clean.txt", DAM);
    std::fs::create_dir_all(&out).unwrap();
    for name in ["t.svg", "t.html", "t.png"] {
        timeline().arg("build").arg(&d).arg("-o").arg(out.join(name)).assert().success();
    }
    let svg = read(out.join("t.svg"));
    assert_xml(&svg, "the SVG");
    timeline::render::png::tree(&svg).expect("usvg reads the SVG");
    assert!(svg.contains('\u{240c}'), "a form feed is shown as a control picture");
    assert_xml(&read(out.join("t.html")), "the HTML report");
    assert!(std::fs::metadata(out.join("t.png")).unwrap().len() > 1000);
}

#[test]
fn an_unreadable_subfolder_loses_only_its_own_articles() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("in");
    write(&d, "a.txt", DAM);
    write(&d, "locked/b.txt", PORT);
    write(&d, "z.txt", PORT.replace("40", "41"));
    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let mode = |p: &Path, m: u32| std::fs::set_permissions(p, std::fs::Permissions::from_mode(m));
    mode(&d.join("locked"), 0o000).unwrap();
    // root reads any folder: run as nobody there
    let root_user = std::process::Command::new("id").arg("-u").output().unwrap().stdout == b"0\n";
    let mut cmd = if root_user {
        if std::process::Command::new("setpriv").arg("--help").output().is_err() {
            eprintln!("skipped: running as root without setpriv");
            return;
        }
        for p in [dir.path(), &d, &out] {
            mode(p, 0o777).unwrap();
        }
        let mut c = std::process::Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(assert_cmd::cargo::cargo_bin("timeline"));
        c
    } else {
        std::process::Command::cargo_bin("timeline").unwrap()
    };
    cmd.current_dir(root()).arg("build").arg(&d).arg("-o").arg(out.join("t.svg"));
    cmd.assert().success().stderr(predicate::str::contains("locked: cannot read"));
    mode(&d.join("locked"), 0o755).unwrap();
    assert_eq!(doc_ids(&parse(&out.join("t.json"))), ["a", "z"]);
}

#[test]
fn a_self_symlink_reads_each_file_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("in");
    write(&d, "a.txt", DAM);
    write(&d, "sub/b.txt", PORT);
    std::os::unix::fs::symlink(".", d.join("self")).unwrap();
    std::os::unix::fs::symlink("..", d.join("sub/up")).unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    bounded(60)
        .arg("build")
        .arg(&d)
        .arg("-o")
        .arg(out.join("t.svg"))
        .assert()
        .success()
        .stderr(predicate::str::contains("a folder already read"));
    let t = parse(&out.join("t.json"));
    assert_eq!(doc_ids(&t), ["a", "sub/b"]);
}

#[test]
fn two_symlink_loops_finish() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("in");
    write(&d, "a/x.txt", DAM);
    write(&d, "b/y.txt", PORT);
    std::os::unix::fs::symlink("../b", d.join("a/to-b")).unwrap();
    std::os::unix::fs::symlink("../a", d.join("b/to-a")).unwrap();
    std::os::unix::fs::symlink(".", d.join("a/self")).unwrap();
    std::os::unix::fs::symlink(".", d.join("b/self")).unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    bounded(60).arg("build").arg(&d).arg("-o").arg(out.join("t.svg")).assert().success();
    assert_eq!(parse(&out.join("t.json")).documents.len(), 2);
}

#[test]
fn a_fifo_or_a_device_named_txt_is_skipped_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("in");
    write(&d, "a.txt", DAM);
    let made = std::process::Command::new("mkfifo").arg(d.join("pipe.txt")).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    std::os::unix::fs::symlink("/dev/zero", d.join("zero.txt")).unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    bounded(60)
        .arg("build")
        .arg(&d)
        .arg(d.join("pipe.txt"))
        .arg("-o")
        .arg(out.join("t.svg"))
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "pipe.txt: expected a regular file, but found a named pipe",
        ))
        .stderr(predicate::str::contains("zero.txt: expected a regular file, but found a device"));
    assert_eq!(doc_ids(&parse(&out.join("t.json"))), ["a"]);
}

#[test]
fn markdown_export_cannot_inject_html_or_links() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = parse(&root().join("tests/data/floods.expected.json"));
    t.documents[0].title = Some("<img src=x onerror=alert(1)>".into());
    t.documents[0].url = Some("javascript:alert(1)".into());
    t.documents[0].publisher = Some("<script>alert(2)</script>".into());
    t.events[0].title = "Dam [bursts](javascript:alert(3)) |\r\n| injected | row".into();
    let edited = dir.path().join("t.json");
    std::fs::write(&edited, serde_json::to_string(&t).unwrap()).unwrap();
    let md = dir.path().join("t.md");
    timeline().arg("render").arg(&edited).arg("-o").arg(&md).assert().success();
    let md = read(&md);
    for bad in ["<img", "<script", "javascript:alert(1)", "\r"] {
        assert!(!md.contains(bad), "{bad:?} reached the Markdown:\n{md}");
    }
    // a link from text would need an unescaped "](" before the scheme
    for (at, _) in md.match_indices("](javascript") {
        assert!(md[..at].ends_with('\\'), "a live link at {at}:\n{md}");
    }
    let row = md.lines().find(|l| l.contains("Dam")).unwrap();
    assert_eq!(row.matches(" | ").count(), 3, "the title stays in one cell: {row}");
}

#[test]
fn review_text_shows_terminal_escapes_not_sequences() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("in");
    write(
        &d,
        "a\u{1b}]0;owned\u{7}.txt",
        format!("On March 3, 2021, the \u{1b}[2Jdam burst. {DAM}"),
    );
    timeline()
        .arg("review")
        .arg(&d)
        .assert()
        .success()
        .stdout(predicate::str::contains("\u{1b}").not())
        .stdout(predicate::str::contains("\\x1b"))
        .stderr(predicate::str::contains("\u{1b}").not());
}

#[test]
fn an_output_that_is_a_folder_leaves_the_other_output_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("in");
    write(&d, "a.txt", DAM);
    let out = dir.path().join("out");
    std::fs::create_dir_all(out.join("t.svg")).unwrap();
    std::fs::write(out.join("t.json"), "old").unwrap();
    timeline()
        .arg("build")
        .arg(&d)
        .arg("-o")
        .arg(out.join("t.svg"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("t.svg: cannot write"));
    assert_eq!(read(out.join("t.json")), "old", "the JSON was replaced without its image");
    let left: Vec<_> = std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(left.len(), 2, "no temporary file is left: {left:?}");
}

#[test]
fn a_rebuild_keeps_the_outputs_mode() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("in");
    write(&d, "a.txt", DAM);
    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    build(&[&d], &out);
    for name in ["t.svg", "t.json"] {
        std::fs::set_permissions(out.join(name), std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    build(&[&d], &out);
    for name in ["t.svg", "t.json"] {
        let mode = std::fs::metadata(out.join(name)).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{name}");
    }
}

#[test]
fn ctrl_c_leaves_no_temporary_file_and_the_old_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("in");
    for i in 0..400 {
        write(&d, &format!("{i:03}.txt"), format!("{DAM} {PORT} Article {i}.").repeat(20));
    }
    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    build(&[&d], &out);
    let (svg, json) = (read(out.join("t.svg")), read(out.join("t.json")));
    // interrupt at several points of a run; whatever the point, the
    // outputs are the complete old or new ones, and no temporary is left
    for delay in [50, 200, 400, 700, 1000, 1500, 2500] {
        let mut child = std::process::Command::cargo_bin("timeline")
            .unwrap()
            .arg("build")
            .arg(&d)
            .arg("-o")
            .arg(out.join("t.svg"))
            .arg("-q")
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay));
        let _ = std::process::Command::new("kill").arg("-INT").arg(child.id().to_string()).status();
        let status = child.wait().unwrap();
        assert!(status.success() || status.code() == Some(130), "{status:?}");
        let left: Vec<_> = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            left.iter().all(|n| Path::new(n).extension().is_none_or(|x| x != "tmp")),
            "after {delay} ms: {left:?}"
        );
        assert_eq!(read(out.join("t.svg")), svg);
        assert_eq!(read(out.join("t.json")), json);
    }
}

#[test]
fn a_file_with_the_same_name_elsewhere_does_not_rename_others() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    write(&a, "x.txt", DAM);
    write(&a, "y.txt", PORT);
    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let before = build(&[&a], &out);
    assert_eq!(doc_ids(&before), ["x", "y"]);
    let event_ids: Vec<String> = before.events.iter().map(|e| e.id.clone()).collect();
    // an unrelated folder with its own x.txt, given before and after
    write(&b, "x.txt", "On June 1, 2022, the mayor of Ostrava resigned.");
    let one = build(&[&b, &a], &out);
    let two = build(&[&a, &b], &out);
    let ids = |t: &timeline::Timeline| {
        let mut v: Vec<(String, String)> =
            t.documents.iter().map(|d| (d.path.clone(), d.id.clone())).collect();
        v.sort();
        v
    };
    assert_eq!(ids(&one), ids(&two), "reversing the inputs swapped ids");
    let y = one.documents.iter().find(|d| d.path.ends_with("y.txt")).unwrap();
    assert_eq!(y.id, "y");
    // with a subfolder, the path below the folder named tells them apart
    write(&a, "sub/x.txt", "On June 2, 2022, the port reopened.");
    let nested = build(&[&a], &out);
    assert_eq!(doc_ids(&nested), ["sub/x", "x", "y"]);
    let kept: Vec<String> = nested
        .events
        .iter()
        .filter(|e| e.sources.iter().all(|s| s != "sub/x"))
        .map(|e| e.id.clone())
        .collect();
    assert_eq!(kept, event_ids, "adding a file changed the ids of the others' events");
}

#[test]
fn the_same_file_twice_counts_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("in");
    let a = write(&d, "a.txt", DAM);
    std::os::unix::fs::symlink("a.txt", d.join("link.txt")).unwrap();
    write(&d, "copy.txt", DAM);
    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let dot_a = dir.path().join("in/./a.txt");
    timeline()
        .arg("build")
        .arg(&d)
        .arg(&a)
        .arg(&dot_a)
        .arg("-o")
        .arg(out.join("t.svg"))
        .assert()
        .success()
        .stderr(predicate::str::contains("link.txt: the same file as"))
        .stderr(predicate::str::contains("the same text as"));
    let t = parse(&out.join("t.json"));
    assert_eq!(t.documents.len(), 1, "{:?}", doc_ids(&t));
    assert!(t.events.iter().all(|e| e.source_count == 1));
}

#[test]
fn the_same_mentions_file_twice_counts_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("in");
    write(&d, "a.txt", DAM);
    write(&d, "b.txt", PORT);
    let mentions = dir.path().join("m.jsonl");
    timeline().arg("extract").arg(&d).arg("-o").arg(&mentions).assert().success();
    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    timeline()
        .arg("build")
        .arg("--mentions")
        .arg(&mentions)
        .arg(&mentions)
        .arg("-o")
        .arg(out.join("t.svg"))
        .assert()
        .success();
    let t = parse(&out.join("t.json"));
    assert_eq!(doc_ids(&t), ["a", "b"]);
}

#[test]
fn a_png_over_the_pixel_limit_is_refused_with_a_way_out() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = parse(&root().join("tests/data/floods.expected.json"));
    let first = t.events[0].clone();
    for i in 0..3000 {
        let mut e = first.clone();
        e.id = format!("copy-{i}");
        t.events.push(e);
    }
    let big = dir.path().join("big.json");
    std::fs::write(&big, serde_json::to_string(&t).unwrap()).unwrap();
    bounded(120)
        .arg("render")
        .arg(&big)
        .args(["--layout", "vertical", "--width", "20000", "--max-events", "0", "-o"])
        .arg(dir.path().join("big.png"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("million a PNG may have"))
        .stderr(predicate::str::contains("write an SVG"));
    assert!(!dir.path().join("big.png").exists());
}

#[test]
fn an_event_with_an_unreadable_date_is_reported_not_lost() {
    let dir = tempfile::tempdir().unwrap();
    let mut t: serde_json::Value =
        serde_json::from_str(&read(root().join("tests/data/floods.expected.json"))).unwrap();
    let id = t["events"][0]["id"].as_str().unwrap().to_string();
    t["events"][0]["date"]["earliest"] = "2023-13-45".into();
    // a mention's date that does not read is left out the same way
    t["events"][1]["mentions"][0]["date"]["latest"] = "1999".into();
    let edited = dir.path().join("t.json");
    std::fs::write(&edited, serde_json::to_string(&t).unwrap()).unwrap();
    let out = dir.path().join("t.svg");
    timeline()
        .arg("render")
        .arg(&edited)
        .arg("-o")
        .arg(&out)
        .assert()
        .success()
        .stderr(predicate::str::contains(format!("event {id}: expected a date like 2022-01-06")))
        .stderr(predicate::str::contains("a mention's date: expected a date like"))
        .stderr(predicate::str::contains("undated, which it leaves out"));
    let html = dir.path().join("t.html");
    timeline().arg("render").arg(&edited).arg("-o").arg(&html).assert().success();
    let row = format!("<tr id=\"event-{id}\"><td class=\"date\" title=\"\">undated</td>");
    assert!(read(&html).contains(&row), "the report lists it as undated");
}

#[test]
fn reports_of_many_documents_cite_every_source() {
    // the reports index sources once: 20,000 documents and events
    let mut t = parse(&root().join("tests/data/floods.expected.json"));
    let (doc, event) = (t.documents[0].clone(), t.events[0].clone());
    t.documents.clear();
    t.events.clear();
    for i in 0..20_000 {
        let mut d = doc.clone();
        d.id = format!("d{i}");
        t.documents.push(d);
        let mut e = event.clone();
        e.id = format!("e{i}");
        e.sources = vec![format!("d{i}")];
        t.events.push(e);
    }
    let html = timeline::render::export::html(&t, "<svg/>", "Many", timeline::render::Theme::Light);
    assert!(html.contains(">[20000]<"));
    let md = timeline::render::export::markdown(&t, "Many", None);
    assert!(md.contains("\\[20000\\]"));
}

#[test]
fn render_refuses_to_overwrite_its_own_input() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("t.json");
    std::fs::copy(root().join("tests/data/floods.expected.json"), &json).unwrap();
    let before = read(&json);
    timeline()
        .arg("render")
        .arg(&json)
        .arg("-o")
        .arg(&json)
        .args(["--format", "timelinejs"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("would overwrite the timeline JSON it is drawn from"));
    assert_eq!(read(&json), before);
}

#[test]
fn a_filter_keeps_only_edges_between_the_events_it_keeps_and_warns_on_no_match() {
    let out = tempfile::tempdir().unwrap();
    timeline()
        .args(["build", "tests/data/floods", "--type", "security", "-o"])
        .arg(out.path().join("t.svg"))
        .assert()
        .success();
    let t = parse(&out.path().join("t.json"));
    let ids: std::collections::BTreeSet<&str> = t.events.iter().map(|e| e.id.as_str()).collect();
    assert!(t
        .edges
        .iter()
        .all(|e| ids.contains(e.before.as_str()) && ids.contains(e.after.as_str())));
    timeline()
        .args(["build", "tests/data/floods", "--entity", "Nobody Atall", "-o"])
        .arg(out.path().join("n.svg"))
        .assert()
        .success()
        .stderr(predicate::str::contains("warning: --entity \"Nobody Atall\" matches no actor"));
}

#[test]
fn the_corpus_given_twice_gives_the_timeline_once() {
    // the shipped articles, and a copy of each wrapped and spaced otherwise
    let dir = tempfile::tempdir().unwrap();
    let corpus = root().join("corpus/kazakhstan-2022");
    let copy = dir.path().join("copy");
    for f in std::fs::read_dir(&corpus).unwrap() {
        let p = f.unwrap().path();
        let text = read(&p).replace(". ", ".\n").replace(", ", ",  ");
        write(&copy, &p.file_name().unwrap().to_string_lossy(), text);
    }
    let once = dir.path().join("once");
    let twice = dir.path().join("twice");
    std::fs::create_dir_all(&once).unwrap();
    std::fs::create_dir_all(&twice).unwrap();
    let a = build(&[&corpus], &once);
    let b = build(&[&corpus, &copy], &twice);
    assert_eq!(doc_ids(&a), doc_ids(&b));
    let events = |t: &timeline::Timeline| serde_json::to_string(&t.events).unwrap();
    assert_eq!(events(&a), events(&b));
}
