//! The event model through the binary: `annotate`, event scoring in
//! `eval`, and seeded training and cross-validation on `TimeML` written for
//! these tests (`tests/data/timeml/`).

use super::*;

fn figure(line: &str, name: &str) -> f64 {
    let at = line.find(name).unwrap_or_else(|| panic!("{name} not in {line}")) + name.len();
    line[at..].split_whitespace().next().unwrap().parse().unwrap()
}

#[test]
fn eval_scores_events_beside_timexes() {
    let out = timeline().args(["eval", "tests/data/timeml"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let timex = text.lines().find(|l| l.starts_with("timex:")).expect("a timex line");
    let event = text.lines().last().unwrap();
    assert!(event.starts_with("event: strict F1"), "{text}");
    assert!(figure(timex, "relaxed F1") > 99.0, "{timex}");
    // news the model never saw: most events found and classed right
    assert!(figure(event, "relaxed F1") > 85.0, "{event}");
    assert!(figure(event, "class F1") > 70.0, "{event}");
    assert!(figure(event, "polarity F1") > 85.0, "{event}");
}

#[test]
fn training_is_seeded_and_its_model_is_used_by_eval() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.model"), dir.path().join("b.model"));
    for m in [&a, &b] {
        timeline()
            .args(["events", "train", "tests/data/timeml", "--iterations", "3", "-o"])
            .arg(m)
            .assert()
            .success()
            .stderr(predicate::str::contains("training on 3 documents (22 events)"));
    }
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    // trained on these very documents, it finds their events
    let out =
        timeline().args(["eval", "tests/data/timeml", "--events-model"]).arg(&a).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(figure(text.lines().last().unwrap(), "relaxed F1") > 90.0, "{text}");
    // a file that is not a model says so
    timeline()
        .args(["eval", "tests/data/timeml", "--events-model", "Cargo.toml"])
        .assert()
        .failure()
        .stderr(
            predicate::str::contains("Cargo.toml").and(predicate::str::contains("event model")),
        );
}

#[test]
fn cross_validation_prints_task_b_figures() {
    timeline()
        .args(["events", "cv", "tests/data/timeml", "--folds", "3", "--iterations", "3"])
        .assert()
        .success()
        .stdout(predicate::str::contains("3 documents, 3-fold cross-validation by document"))
        .stdout(
            predicate::str::is_match(r"(?m)^event: strict F1 [\d.]+ relaxed F1 [\d.]+ class F1")
                .unwrap(),
        );
}

#[test]
fn annotate_prints_timexes_and_events_with_exact_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("a.txt");
    let text = "Rescuers pulled a girl from the rubble on Tuesday, officials said.\n\
                The airline did not cancel its flights & “the strike” ended.";
    std::fs::write(&f, text).unwrap();
    let out = timeline()
        .arg("annotate")
        .arg(&f)
        .args(["--reference-date", "2023-02-08"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["timexes"][0]["text"], "Tuesday");
    assert_eq!(v["timexes"][0]["value"], "2023-02-07");
    let events = v["events"].as_array().unwrap();
    let word =
        |w: &str| events.iter().find(|e| e["text"] == w).unwrap_or_else(|| panic!("{w}: {v}"));
    assert_eq!(word("pulled")["class"], "OCCURRENCE");
    assert_eq!(word("pulled")["tense"], "PAST");
    assert_eq!(word("said")["class"], "REPORTING");
    assert_eq!(word("cancel")["polarity"], "NEG");
    for e in events {
        let at = |k: &str| usize::try_from(e[k].as_u64().unwrap()).unwrap();
        let (s, t) = (at("start"), at("end"));
        assert_eq!(&text[s..t], e["text"].as_str().unwrap());
    }
    // TimeML: inline tags, one MAKEINSTANCE per EVENT, text escaped
    let out = timeline()
        .arg("annotate")
        .arg(&f)
        .args(["--reference-date", "2023-02-08", "--format", "timeml"])
        .output()
        .unwrap();
    let tml = String::from_utf8(out.stdout).unwrap();
    assert!(tml.contains("<EVENT eid=\"e1\" class=\"OCCURRENCE\">pulled</EVENT>"), "{tml}");
    assert!(tml.contains("<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2023-02-07\">Tuesday</TIMEX3>"));
    assert!(tml.contains("flights &amp; “the"));
    assert_eq!(tml.matches("<EVENT ").count(), tml.matches("<MAKEINSTANCE ").count());
    assert!(tml.contains("functionInDocument=\"CREATION_TIME\">2023-02-08<"));
}

fn write_bakery(dir: &Path) {
    std::fs::write(
        dir.join("a.txt"),
        "---\ntitle: Brightfoods buys bakery chain\npublisher: Daily Ledger\ndate: 2019-06-12\n---\n\
         Brightfoods bought the Lopez bakery chain on Monday.\n\
         The chain, which Maria Lopez founded in 1998, employs 300 people.\n\
         She told reporters that every shop would stay open.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("b.txt"),
        "---\ntitle: Flagship reopens\npublisher: Town Crier\ndate: 2019-07-02\n---\n\
         The Lopez chain reopened its flagship store after renovations.\n\
         Brightfoods repainted the hall and hired new bakers.\n",
    )
    .unwrap();
}

fn built(args: &[&str], dir: &Path) -> timeline::Timeline {
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    timeline()
        .arg("build")
        .arg(dir.join("a.txt"))
        .arg(dir.join("b.txt"))
        .args(args)
        .arg("-o")
        .arg(out.join("t.svg"))
        .assert()
        .success();
    serde_json::from_str(&read(out.join("t.json"))).unwrap()
}

fn triggers(t: &timeline::Timeline) -> Vec<&str> {
    t.events.iter().flat_map(|e| e.mentions.iter().map(|m| m.trigger.as_str())).collect()
}

#[test]
fn entity_timelines_and_all_events_keep_what_the_model_finds() {
    let dir = tempfile::tempdir().unwrap();
    write_bakery(dir.path());
    // the default timeline: the lexicon's happenings only
    let t = built(&[], dir.path());
    assert!(t.events.iter().all(|e| e.mentions.iter().all(|m| !m.minor)));
    assert!(!triggers(&t).contains(&"repainted"));
    // every event the model finds, each dated
    let all = built(&["--all-events"], dir.path());
    let words = triggers(&all);
    for w in ["bought", "founded", "repainted", "hired", "reopened"] {
        assert!(words.contains(&w), "{w} not in {words:?}");
    }
    assert!(all.events.len() > t.events.len());
    let repainted =
        all.events.iter().find(|e| e.mentions.iter().any(|m| m.trigger == "repainted")).unwrap();
    let d = repainted.date.as_ref().unwrap();
    assert_eq!((d.earliest().as_str(), d.latest().as_str()), ("2019-07-02", "2019-07-02"));
    assert_eq!(d.resolution, timeline::model::Resolution::Document);
    assert!(d.evidence.to_string().contains("Town Crier"), "{}", d.evidence);
    // what did not happen stays out
    assert!(!words.contains(&"stay"), "{words:?}");
    // an entity timeline: only events its entity takes part in, found by
    // the parse's roles, minor mentions included
    let e = built(&["--entity", "Brightfoods"], dir.path());
    let words = triggers(&e);
    assert!(words.contains(&"bought") && words.contains(&"repainted"), "{words:?}");
    assert!(!words.contains(&"reopened"), "{words:?}");
    let lopez = built(&["--entity", "Maria Lopez"], dir.path());
    assert!(triggers(&lopez).contains(&"founded"), "{:?}", triggers(&lopez));
}

#[test]
fn mention_files_with_all_events_merge_to_the_same_entity_timeline() {
    let dir = tempfile::tempdir().unwrap();
    write_bakery(dir.path());
    let direct = built(&["--entity", "Brightfoods"], dir.path());
    let m = dir.path().join("m.jsonl");
    timeline()
        .arg("extract")
        .arg(dir.path().join("a.txt"))
        .arg(dir.path().join("b.txt"))
        .args(["--all-events", "-o"])
        .arg(&m)
        .assert()
        .success();
    assert!(read(&m).contains("\"minor\":true"));
    let out = dir.path().join("m.svg");
    timeline()
        .args(["build", "--mentions"])
        .arg(&m)
        .args(["--entity", "Brightfoods", "-o"])
        .arg(&out)
        .assert()
        .success();
    let merged: timeline::Timeline =
        serde_json::from_str(&read(dir.path().join("m.json"))).unwrap();
    assert_eq!(triggers(&merged), triggers(&direct));
}

#[test]
fn top_keeps_the_most_salient_events_in_date_order() {
    let dir = tempfile::tempdir().unwrap();
    let all = built_from("corpus/kazakhstan-2022", &[], dir.path());
    let top = built_from("corpus/kazakhstan-2022", &["--top", "5"], dir.path());
    assert_eq!(top.events.len(), 5);
    // the five with the highest salience, ties by id
    let mut ranked: Vec<&timeline::model::Event> = all.events.iter().collect();
    ranked.sort_by(|a, b| b.salience.total_cmp(&a.salience).then(a.id.cmp(&b.id)));
    let mut want: Vec<&str> = ranked[..5].iter().map(|e| e.id.as_str()).collect();
    let mut got: Vec<&str> = top.events.iter().map(|e| e.id.as_str()).collect();
    // still drawn in time order
    let order: Vec<&str> =
        all.events.iter().map(|e| e.id.as_str()).filter(|i| got.contains(i)).collect();
    assert_eq!(got, order);
    want.sort_unstable();
    got.sort_unstable();
    assert_eq!(got, want);
    // several sources count for more than one
    let best = ranked[0];
    assert!(best.source_count >= 2, "{}: {} sources", best.title, best.source_count);
    // no edge or finding about an event the file does not hold
    for e in &top.edges {
        assert!(got.contains(&e.before.as_str()) && got.contains(&e.after.as_str()));
    }
}

fn built_from(input: &str, args: &[&str], dir: &Path) -> timeline::Timeline {
    let out = dir.join("t.svg");
    timeline().args(["build", input]).args(args).arg("-o").arg(&out).assert().success();
    serde_json::from_str(&read(dir.join("t.json"))).unwrap()
}

#[test]
fn print_sizes_set_the_width_and_the_png_resolution() {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("c.svg");
    timeline()
        .args(["render", "timelines/kazakhstan-2022.json", "--size", "column", "-o"])
        .arg(&svg)
        .assert()
        .success();
    assert!(read(&svg).contains("viewBox=\"0 0 620 "), "a 620 px column image");
    let png = dir.path().join("s.png");
    timeline()
        .args(["render", "timelines/kazakhstan-2022.json", "--size", "slide", "-o"])
        .arg(&png)
        .assert()
        .success();
    let bytes = std::fs::read(&png).unwrap();
    assert_eq!(&bytes[37..41], b"pHYs");
    let ppm = u32::from_be_bytes(bytes[41..45].try_into().unwrap());
    let width = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
    // 1600 px shown 13.3 inches wide
    assert_eq!(width, 1600);
    assert!((f64::from(ppm) * 0.0254 - 1600.0 / 13.333).abs() < 0.5);
    // an explicit width wins over the size's
    timeline()
        .args([
            "render",
            "timelines/kazakhstan-2022.json",
            "--size",
            "column",
            "--width",
            "700",
            "-o",
        ])
        .arg(&svg)
        .assert()
        .success();
    assert!(read(&svg).contains("viewBox=\"0 0 700 "));
}

#[test]
fn days_per_day_and_the_tls_summary() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("t.txt");
    let json = dir.path().join("t.json");
    crate::timeline()
        .args(["build", "corpus", "--days", "3", "--per-day", "2", "--format", "tls", "-o"])
        .arg(&out)
        .arg("--json")
        .arg(&json)
        .assert()
        .success();
    let t: timeline::Timeline = serde_json::from_str(&crate::read(&json)).unwrap();
    let days = timeline::graph::salience::days(&t.events);
    assert_eq!(days.len(), 3, "{:#?}", t.events);
    assert!(days.iter().all(|d| !d.events.is_empty() && d.events.len() <= 2));
    // the same days as the whole timeline's three first
    let whole = dir.path().join("whole.json");
    crate::timeline()
        .args(["build", "corpus", "-o"])
        .arg(dir.path().join("whole.svg"))
        .arg("--json")
        .arg(&whole)
        .assert()
        .success();
    let w: timeline::Timeline = serde_json::from_str(&crate::read(&whole)).unwrap();
    let top: Vec<_> =
        timeline::graph::salience::days(&w.events).iter().take(3).map(|d| d.day).collect();
    let mut got: Vec<_> = days.iter().map(|d| d.day).collect();
    got.sort();
    let mut want = top.clone();
    want.sort();
    assert_eq!(got, want);
    let text = crate::read(&out);
    let dates: Vec<&str> = text.lines().filter(|l| l.len() == 10 && l.starts_with("20")).collect();
    assert_eq!(
        dates,
        want.iter()
            .map(std::string::ToString::to_string)
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
    );
    assert_eq!(text.matches("--------------------------------\n").count(), 3, "{text}");
}
