//! The backbone's commands: parse and eval, as a user runs them.

use predicates::prelude::*;

use super::timeline;
use assert_cmd::prelude::*;

#[test]
fn nlp_parse_prints_conllu_and_json_with_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("a.txt");
    std::fs::write(&f, "Floods hit Varnel.Rescuers didn\u{2019}t stop.").unwrap();
    let out =
        timeline().args(["nlp", "parse"]).arg(&f).assert().success().get_output().stdout.clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("# text = Floods hit Varnel."), "{out}");
    assert!(out.contains("# text = Rescuers didn\u{2019}t stop."), "{out}");
    assert!(out.contains("2-3\tdidn\u{2019}t\t"), "{out}");
    assert!(out.contains("\tTokenRange=0:6\n"), "{out}");
    let json = timeline()
        .args(["nlp", "parse", "--format", "json"])
        .arg(&f)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(v[0]["tokens"][1]["form"], "hit");
    assert_eq!(v[0]["tokens"][1]["start"], 7);
}

#[test]
fn nlp_eval_prints_the_shared_task_line() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("g.conllu");
    std::fs::write(
        &f,
        "# text = The mayor resigned.\n1\tThe\tthe\tDET\tDT\tDefinite=Def|PronType=Art\t2\tdet\t_\t_\n\
         2\tmayor\tmayor\tNOUN\tNN\tNumber=Sing\t3\tnsubj\t_\t_\n\
         3\tresigned\tresign\tVERB\tVBD\tMood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin\t0\troot\t_\tSpaceAfter=No\n\
         4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n",
    )
    .unwrap();
    for raw in [false, true] {
        let mut c = timeline();
        c.args(["nlp", "eval"]).arg(&f);
        if raw {
            c.arg("--raw");
        }
        c.assert().success().stdout(predicate::str::is_match(
            r"(?m)^ud: tokens \d+\.\d\d sentences \d+\.\d\d UPOS \d+\.\d\d XPOS \d+\.\d\d UFeats \d+\.\d\d Lemmas \d+\.\d\d UAS \d+\.\d\d LAS \d+\.\d\d$",
        ).unwrap());
    }
    std::fs::write(&f, "1\tbroken\n").unwrap();
    timeline()
        .args(["nlp", "eval"])
        .arg(&f)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("g.conllu: line 1: expected 10"));
}

/// GUM-style entity brackets: the type table is learned with the same
/// bytes each time, and scored against the committed one.
#[test]
fn entity_types_train_deterministically_and_score() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("gum.conllu");
    std::fs::write(
        &f,
        "# text = Lord Byron visited London .\n\
         1\tLord\tLord\tPROPN\tNNP\t_\t3\tnsubj\t_\tEntity=(1-person-new-sssss-cf1-1-coref\n\
         2\tByron\tByron\tPROPN\tNNP\t_\t1\tflat\t_\tEntity=1)\n\
         3\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_\n\
         4\tLondon\tLondon\tPROPN\tNNP\t_\t3\tobj\t_\tEntity=(2-place-new-sssss-cf2-1-sgl)\n\
         5\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n",
    )
    .unwrap();
    let (a, b) = (dir.path().join("a.tsv"), dir.path().join("b.tsv"));
    for out in [&a, &b] {
        timeline()
            .args(["nlp", "train-entity-types"])
            .arg(&f)
            .arg("-o")
            .arg(out)
            .assert()
            .success()
            .stdout(predicate::str::contains("learned from 2 named mentions"));
    }
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    timeline()
        .args(["nlp", "entity-types"])
        .arg(&f)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "2 named mentions (person 1, organization 0, place 1, other 0)",
        ))
        .stdout(predicate::str::contains("rules and model: names found 2 (100.0 %)"));
    timeline()
        .args(["nlp", "coreference"])
        .arg(&f)
        .assert()
        .success()
        .stdout(predicate::str::contains("0 personal pronouns; resolved 0"));
}
