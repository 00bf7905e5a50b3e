//! Inputs people have, map-reduce runs, and bad input.

use std::fmt::Write as _;
use std::path::Path;

use assert_cmd::prelude::*;
use predicates::prelude::*;

use super::{read, root, timeline};
use timeline::model::DateInfo;

/// The binary, for tests that feed standard input.
fn piped() -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("timeline").unwrap();
    c.current_dir(root());
    c
}

fn write(dir: &Path, name: &str, text: impl AsRef<[u8]>) {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

/// `timeline build DIR -o DIR/t.svg`, which must succeed.
fn build_folder(d: &Path) -> assert_cmd::assert::Assert {
    timeline().arg("build").arg(d).arg("-o").arg(d.join("t.svg")).assert().success()
}

fn parse(path: &Path) -> timeline::Timeline {
    serde_json::from_str(&read(path)).unwrap()
}

/// `timeline extract` on parts, merged with `build --mentions`, against one
/// `build` of everything: the same bytes.
#[test]
fn split_and_merge_gives_the_same_timeline() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // the shipped corpus (undated articles whose reference day comes from
    // another article) plus pages and records of other kinds
    let mut files: Vec<_> = std::fs::read_dir(root().join("corpus/kazakhstan-2022"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for (i, f) in files.iter().enumerate() {
        let part = d.join(if i < 2 { "a" } else { "b" });
        std::fs::create_dir_all(&part).unwrap();
        std::fs::copy(f, part.join(f.file_name().unwrap())).unwrap();
    }
    write(
        d,
        "a/port.html",
        "<html><head><meta name=date content=2023-04-12></head><body><article>\
         <p>Dock workers went on strike on April 10, 2023.</p><p>On Tuesday the port authority \
         dismissed the union leader.</p></article></body></html>",
    );
    write(
        d,
        "b/wire.jsonl",
        "{\"id\": \"w1\", \"text\": \"The dam breached on May 2, 2020. Then the army evacuated the valley.\", \"date\": \"2020-05-03\"}\n\
         {\"id\": \"w2\", \"text\": \"Engineers said on Monday that the dam had cracked on April 28.\"}\n",
    );
    let one = d.join("one.svg");
    timeline()
        .arg("build")
        .arg(d.join("a"))
        .arg(d.join("b"))
        .arg("-o")
        .arg(&one)
        .assert()
        .success();
    let (pa, pb) = (d.join("a.jsonl"), d.join("b.jsonl"));
    timeline().arg("extract").arg(d.join("a")).arg("-o").arg(&pa).assert().success();
    let out = timeline().arg("extract").arg(d.join("b")).output().unwrap();
    assert!(out.status.success());
    std::fs::write(&pb, &out.stdout).unwrap();
    let two = d.join("two.svg");
    timeline()
        .args(["build", "--mentions"])
        .arg(&pa)
        .arg(&pb)
        .arg("-o")
        .arg(&two)
        .assert()
        .success()
        .stderr(predicate::str::contains("read 8 documents ("));
    assert_eq!(read(d.join("one.json")), read(d.join("two.json")));
    assert_eq!(read(&one), read(&two));
    // the merge did have to look across parts: a reference day of part b
    // comes from an article of part a or the other way round
    let t = parse(&d.join("one.json"));
    let crossed = t.documents.iter().any(|doc| {
        let ev = &doc.reference.as_ref().unwrap().evidence;
        let part =
            |id: &str| t.documents.iter().find(|x| x.id == id).map(|x| x.path.contains("/a/"));
        t.documents
            .iter()
            .any(|o| ev.ends_with(&format!(" in {}", o.id)) && part(&o.id) != part(&doc.id))
    });
    assert!(crossed, "no reference day crossed the parts");
    assert!(t.documents.iter().any(|doc| doc.path.ends_with("wire.jsonl#w2")));
}

/// Records on standard input, split by lines as GNU parallel --pipe does.
#[test]
fn stdin_split_by_lines_merges_to_the_same_timeline() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let records = [
        r#"{"text": "Floods hit Varnel on July 14, 2021. Then the governor declared an emergency.", "source": "Herald"}"#,
        r#"{"text": "On Friday the army evacuated 3,000 people from Varnel.", "date": "2021-07"}"#,
        r#"{"text": "The river peaked on July 16, 2021, and on Saturday the dam held.", "url": "https://c.example/river-peaks"}"#,
        r#"{"text": "Two days later, rescuers reached the last villages.", "date": "2021-07-18"}"#,
    ];
    let all = records.join("\n") + "\n";
    let one = d.join("one.svg");
    piped().args(["build", "-", "-o"]).arg(&one).write_stdin(all).assert().success();
    let mut parts = Vec::new();
    for (i, chunk) in records.chunks(2).enumerate() {
        let out = piped().arg("extract").write_stdin(chunk.join("\n")).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let p = d.join(format!("part-{i}.jsonl"));
        std::fs::write(&p, &out.stdout).unwrap();
        parts.push(p);
    }
    let two = d.join("two.svg");
    timeline().args(["build", "--mentions"]).args(&parts).arg("-o").arg(&two).assert().success();
    assert_eq!(read(d.join("one.json")), read(d.join("two.json")));
    assert_eq!(read(&one), read(&two));
    let t = parse(&d.join("one.json"));
    assert_eq!(t.documents[2].id, "river-peaks");
    assert_eq!(t.documents[2].path, "stdin#river-peaks");
}

#[test]
fn html_pages_and_collections_load_with_their_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "web/bridge.html",
        r#"<html><head><meta property="og:title" content="Bridge falls">
        <meta property="article:published_time" content="2021-05-04T09:00:00Z">
        <link rel="canonical" href="https://courier.example/bridge"></head>
        <body><nav>Menu</nav><article><p>The bridge collapsed on May 3, 2021.</p>
        <script>var d = "June 9, 2021";</script></article></body></html>"#,
    );
    write(
        d,
        "wire.jsonl",
        "{\"title\": \"Port strike\", \"text\": \"Dock workers went on strike on April 10, 2023.\", \"date\": \"2023-04-11\", \"source\": \"Wire\"}\n\
         {\"text\": 42}\n\
         not json at all\n\
         \n\
         {\"text\": \"Police arrested 40 protesters on April 11, 2023.\", \"title\": 7}\n",
    );
    write(d, "array.json", r#"[{"text": "The mayor resigned on June 1, 2022.", "id": "m"}]"#);
    build_folder(d)
        .stderr(predicate::str::contains(
            "wire.jsonl:2: expected \"text\" to be a string, but found a number",
        ))
        .stderr(predicate::str::contains("wire.jsonl:3: expected a JSON object, but expected"))
        .stderr(predicate::str::contains("warning: "))
        .stderr(predicate::str::contains(
            "wire.jsonl:5: expected \"title\" to be a string, but found a number; it is ignored",
        ))
        .stderr(predicate::str::contains("read 4 documents ("))
        .stderr(predicate::str::contains("2 skipped: 2 bad record; 1 warnings)"));
    let t = parse(&d.join("t.json"));
    let ids: Vec<&str> = t.documents.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(ids[0], "m");
    // a file in a subfolder is known by its path below the folder named
    assert_eq!(ids[1], "web/bridge");
    let bridge = &t.documents[1];
    assert_eq!(bridge.title.as_deref(), Some("Bridge falls"));
    assert_eq!(bridge.date.map(|d| d.to_string()).as_deref(), Some("2021-05-04"));
    assert_eq!(bridge.url.as_deref(), Some("https://courier.example/bridge"));
    let strike = &t.documents[2];
    assert_eq!(
        (strike.title.as_deref(), strike.publisher.as_deref()),
        (Some("Port strike"), Some("Wire"))
    );
    let days: Vec<String> =
        t.events.iter().filter_map(|e| e.date.as_ref().map(DateInfo::earliest)).collect();
    let has = |d: &str| days.iter().any(|x| x == d);
    assert!(has("2021-05-03") && has("2023-04-10"), "{days:?}");
    assert!(!has("2021-06-09"), "script text was read as article text");
}

#[test]
fn bad_files_are_skipped_with_their_reasons_and_the_rest_is_built() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "good.txt", "On March 3, 2021, rebels stormed the radio station.");
    write(d, "image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    write(d, "empty.md", "");
    write(d, "blank.jsonl", "\n\n");
    // digits and dates everywhere
    let noise = (0..3000).fold(String::new(), |mut s, i| {
        let _ = write!(s, "{i}/{}/20{:02} 12:{:02} ", i % 13, i % 100, i % 60);
        s
    });
    write(d, "digits.txt", format!("{noise}\nOn May 5, 2021, the council resigned. {noise}"));
    build_folder(d)
        .stderr(predicate::str::contains(
            "image.txt: expected text, but found binary data (a NUL byte at offset 8)",
        ))
        .stderr(predicate::str::contains("empty.md: expected article text, but the file is empty"))
        .stderr(predicate::str::contains("blank.jsonl: expected article text"))
        .stderr(predicate::str::contains("3 skipped: 1 binary, 2 empty"));
    let t = parse(&d.join("t.json"));
    assert_eq!(t.documents.len(), 2);
    for e in &t.events {
        for m in &e.mentions {
            let text = std::fs::read(d.join(format!("{}.txt", m.document))).unwrap();
            assert_eq!(&text[m.start..m.end], m.quote.as_bytes());
        }
    }
}

#[test]
fn a_long_line_without_newline_is_read() {
    // one 400 KB line (BENCHMARKS.md runs 200 MB); no sentence end, no newline
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut text = "On May 5, 2021, the council resigned and ".repeat(10_000);
    text.push_str("the mayor fled");
    write(d, "long.txt", &text);
    build_folder(d);
    assert!(!parse(&d.join("t.json")).events.is_empty());
}

#[test]
fn unwritable_outputs_and_bad_mention_files_say_what_went_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    timeline()
        .args(["extract", "tests/data/floods", "-o"])
        .arg(d.join("no/such/dir/m.jsonl"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no/such/dir/m.jsonl: cannot write"));
    write(d, "m.jsonl", "{\"format\": \"timeline/1\", \"document\": {}}\n[1]\n");
    timeline()
        .args(["build", "tests/data/floods/a-herald.txt", "--mentions"])
        .arg(d.join("m.jsonl"))
        .arg("-o")
        .arg(d.join("t.svg"))
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "m.jsonl:1: expected a mention record (timeline-mentions/1)",
        ))
        .stderr(predicate::str::contains("m.jsonl:2: expected a mention record"))
        .stderr(predicate::str::contains("read 1 documents"));
    timeline()
        .args(["build", "-", "--mentions", "-", "-o"])
        .arg(d.join("t.svg"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("standard input (-) can be read only once"));
}

#[test]
fn quiet_prints_nothing_and_verbose_prints_stages() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("t.svg");
    let quiet =
        timeline().args(["build", "tests/data/floods", "-q", "-o"]).arg(&out).output().unwrap();
    assert!(quiet.status.success());
    // errors still show
    assert_eq!(
        String::from_utf8(quiet.stderr).unwrap().lines().collect::<Vec<_>>(),
        ["skipped: tests/data/floods/c-broken.txt:3: expected \"key: value\" in the header, but found \"this line has no colon\""]
    );
    timeline()
        .args(["-v", "build", "tests/data/floods", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stderr(predicate::str::contains("merging and ordering"))
        .stderr(predicate::str::contains("drawing"));
}
