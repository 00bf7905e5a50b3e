//! Entities through the binary, on an article written for these tests:
//! an apposition subject, a pronoun subject two sentences after the name,
//! "the company" after a company's name, an acronym introduced in
//! brackets, two companies sharing a last word, a misspelt name and a
//! possessive.

use super::*;

const ARTICLE: &str = "---\ntitle: Airline turmoil\ndate: 2021-03-10\n---\n\
Irish low-cost airline, Ryanair, announced on Monday that it would cut 3,000 jobs.\n\
The company said on Tuesday that it had cancelled 400 flights to Spain.\n\
Singapore Airlines cut its flights to Perth on Wednesday. China Eastern Airlines launched a route to Rome on Thursday.\n\
The Collective Security Treaty Organization (CSTO) deployed troops to the airport on March 2. The CSTO withdrew its troops on March 8.\n\
Chief executive Michael O'Leary met union leaders on March 4. The talks lasted nine hours. Analysts were surprised. He resigned on March 5.\n\
O'Leery met investors in Dublin on March 9.\n\
Ryanair's shares fell 4 percent on March 9, and Ryanair's board met on March 10.\n";

fn build(dir: &Path, args: &[&str]) -> (timeline::Timeline, String) {
    let article = dir.join("airlines.txt");
    std::fs::write(&article, ARTICLE).unwrap();
    let out = timeline()
        .arg("build")
        .arg(&article)
        .args(args)
        .arg("-o")
        .arg(dir.join("t.svg"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let t = serde_json::from_str(&read(dir.join("t.json"))).unwrap();
    (t, String::from_utf8(out.stderr).unwrap())
}

fn entity<'a>(t: &'a timeline::Timeline, name: &str) -> &'a timeline::model::Entity {
    t.entities
        .iter()
        .find(|x| x.name == name)
        .unwrap_or_else(|| panic!("no {name}: {:#?}", t.entities))
}

/// The quotes of the events a timeline holds.
fn quotes(t: &timeline::Timeline) -> Vec<String> {
    t.events.iter().flat_map(|e| e.mentions.iter().map(|m| m.quote.clone())).collect()
}

#[test]
fn one_entity_per_real_thing_with_its_spellings_and_kind() {
    use timeline::model::EntityKind;
    let dir = tempfile::tempdir().unwrap();
    let (t, _) = build(dir.path(), &[]);
    let oleary = entity(&t, "Michael O'Leary");
    assert_eq!(oleary.kind, EntityKind::Person);
    assert_eq!(oleary.aliases, ["O'Leary", "O'Leery"]);
    let csto = entity(&t, "Collective Security Treaty Organization");
    assert_eq!(
        (csto.kind, csto.aliases.as_slice()),
        (EntityKind::Organization, &["CSTO".to_string()][..])
    );
    assert_ne!(entity(&t, "Singapore Airlines").id, entity(&t, "China Eastern Airlines").id);
    assert_eq!(entity(&t, "Dublin").kind, EntityKind::Place);
    // common words that open a sentence are not names
    assert!(t.entities.iter().all(|x| x.name != "Analysts" && x.name != "The company"));
    // every event's entities are listed
    for e in &t.events {
        assert!(e.entities.iter().all(|id| t.entities.iter().any(|x| &x.id == id)));
    }
}

#[test]
fn an_entity_timeline_finds_every_way_an_article_names_it() {
    let dir = tempfile::tempdir().unwrap();
    // apposition, "the company", possessives
    let (t, _) = build(dir.path(), &["--entity", "Ryanair"]);
    let q = quotes(&t);
    for part in ["announced", "The company said", "shares fell", "board met"] {
        assert!(q.iter().any(|x| x.contains(part)), "{part} not in {q:#?}");
    }
    assert!(!q.iter().any(|x| x.contains("Singapore")), "{q:#?}");
    assert_eq!(t.entities.first().map(|x| x.name.as_str()), Some("Ryanair"));
    // a misspelt name finds the person, and "He" two sentences on
    let (t, _) = build(dir.path(), &["--entity", "O'Leery"]);
    let q = quotes(&t);
    assert!(q.iter().any(|x| x.contains("resigned")), "{q:#?}");
    assert!(q.iter().any(|x| x.contains("union leaders")), "{q:#?}");
    // an acronym introduced in brackets
    let (t, _) = build(dir.path(), &["--entity", "CSTO"]);
    let q = quotes(&t);
    assert!(
        q.iter().any(|x| x.contains("deployed")) && q.iter().any(|x| x.contains("withdrew")),
        "{q:#?}"
    );
    // two companies sharing a last word: one asked for, one found; both
    // when the last word alone is asked for, and the message says so
    let (t, _) = build(dir.path(), &["--entity", "Singapore Airlines"]);
    assert!(!quotes(&t).iter().any(|x| x.contains("China Eastern")));
    let (t, stderr) = build(dir.path(), &["--entity", "Airlines"]);
    assert!(stderr.contains("names 2 entities"), "{stderr}");
    entity(&t, "Singapore Airlines");
    entity(&t, "China Eastern Airlines");
}

#[test]
fn the_html_report_indexes_who_and_where() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("airlines.txt");
    std::fs::write(&article, ARTICLE).unwrap();
    let html = dir.path().join("r.html");
    timeline().arg("build").arg(&article).arg("-o").arg(&html).assert().success();
    let page = read(&html);
    assert!(page.contains("<h2>Who and where</h2>"));
    let row =
        page.lines().find(|l| l.contains("id=\"entity-ent-ryanair\"")).expect("Ryanair's row");
    // each link goes to an event row of the page
    let links: Vec<&str> =
        row.split("href=\"#").skip(1).map(|r| &r[..r.find('"').unwrap()]).collect();
    assert!(links.len() >= 3, "{row}");
    for l in links {
        assert!(page.contains(&format!("id=\"{l}\"")), "{l}");
    }
}
