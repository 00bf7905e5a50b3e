use super::*;
use crate::model::{Anchor, Document, FindingKind, Flag, PartialDate};
use chrono::NaiveDate;
use std::collections::BTreeMap;

fn doc(id: &str, date: &str) -> Document {
    Document {
        id: id.into(),
        path: format!("{id}.txt"),
        title: None,
        publisher: None,
        author: None,
        url: None,
        date: PartialDate::parse(date),
        reference: None,
        body_start: 0,
        text: String::new(),
    }
}

fn mention(
    doc: &str,
    start: usize,
    action: &str,
    t: EventType,
    actor: Option<&str>,
    target: Option<&str>,
    date: Option<&str>,
) -> Mention {
    Mention {
        document: doc.into(),
        start,
        end: start + 10,
        quote: format!("{} {action} {}", actor.unwrap_or("someone"), target.unwrap_or("")),
        trigger: action.into(),
        action: action.into(),
        event_type: t,
        actor: actor.map(Into::into),
        target: target.map(Into::into),
        place: None,
        date: date.map(|d| {
            let s = Span::parse_partial(d).unwrap();
            DateInfo::new(s, Granularity::Day, Resolution::Explicit, d.into())
        }),
        anchor: if date.is_some() { Anchor::Clause } else { Anchor::None },
        timex: None,
        supporting: false,
        follows: None,
        minor: false,
        title: None,
    }
}

#[test]
fn misspelt_names_and_undated_reports_merge_into_one_event() {
    let ms = vec![
        mention(
            "a",
            0,
            "dismiss",
            EventType::PoliticalChange,
            Some("Marenko"),
            Some("the cabinet"),
            Some("2020-06-04"),
        ),
        mention(
            "b",
            5,
            "dismiss",
            EventType::PoliticalChange,
            Some("President Marenkov"),
            Some("the cabinet"),
            None,
        ),
        mention(
            "c",
            9,
            "dismiss",
            EventType::PoliticalChange,
            Some("Marenco"),
            Some("the cabinet"),
            Some("2020-06"),
        ),
    ];
    let t = build(
        vec![doc("a", "2020-06"), doc("b", "2020-06"), doc("c", "2020-06")],
        ms,
        &MergeOptions::default(),
    );
    assert_eq!(t.events.len(), 1, "{:#?}", t.events);
    let e = &t.events[0];
    assert_eq!(e.sources, vec!["a", "b", "c"]);
    assert_eq!((e.mention_count, e.source_count), (3, 3));
    assert_eq!(e.date.as_ref().unwrap().earliest(), "2020-06-04");
    assert!(e.flags.contains(&Flag::DateSharedByMerge));
}

#[test]
fn different_named_targets_or_dates_stay_apart() {
    let ms = vec![
        mention(
            "a",
            0,
            "dismiss",
            EventType::PoliticalChange,
            Some("Marenko"),
            Some("the cabinet"),
            Some("2020-06-04"),
        ),
        mention(
            "a",
            20,
            "dismiss",
            EventType::PoliticalChange,
            Some("Marenko"),
            Some("General Ostrov"),
            Some("2020-06-04"),
        ),
        mention(
            "b",
            0,
            "dismiss",
            EventType::PoliticalChange,
            Some("Marenko"),
            Some("the cabinet"),
            Some("2019-02-01"),
        ),
    ];
    let t = build(vec![doc("a", "2020-06"), doc("b", "2020-06")], ms, &MergeOptions::default());
    assert_eq!(t.events.len(), 3);
}

#[test]
fn two_named_targets_of_any_happening_and_two_model_numbers_stay_apart() {
    let at = |d: &str, target: &str| {
        mention(d, 0, "introduce", EventType::Other, Some("Halvor"), Some(target), Some("2010-06"))
    };
    let docs = || vec![doc("a", "2010-06-08"), doc("b", "2010-06-09"), doc("c", "2010-06-10")];
    // "the Corvo 4" and "Corvo 4" are one model; "Pelta 4" another
    let ms = vec![at("a", "the Corvo 4"), at("b", "Corvo 4"), at("c", "Pelta 4")];
    let t = build(docs(), ms, &MergeOptions::default());
    assert_eq!(t.events.len(), 2, "{:#?}", t.events);
    // a number with letters is a model's too
    let ms = vec![at("a", "Corvo 3G"), at("b", "Pelta 3G")];
    assert_eq!(build(docs(), ms, &MergeOptions::default()).events.len(), 2);
    // two names that are no models
    let ms = vec![at("a", "Varnel"), at("b", "Ostrava")];
    assert_eq!(build(docs(), ms, &MergeOptions::default()).events.len(), 2);
}

#[test]
fn statements_merge_only_for_one_speaker() {
    let ms = vec![
        mention("a", 0, "statement", EventType::Statement, Some("Voss"), None, Some("2020-06-04")),
        mention(
            "a",
            30,
            "statement",
            EventType::Statement,
            Some("Ostrov"),
            None,
            Some("2020-06-04"),
        ),
        mention("b", 0, "statement", EventType::Statement, Some("Vos"), None, Some("2020-06-04")),
    ];
    let t = build(vec![doc("a", "2020-06"), doc("b", "2020-06")], ms, &MergeOptions::default());
    assert_eq!(t.events.len(), 2);
    assert!(t.events.iter().any(|e| e.source_count == 2));
    // a speaker the text writes in lower case is a speaker too
    let said = |at: usize, who: &str| {
        mention("a", at, "statement", EventType::Statement, Some(who), None, Some("2020-06-04"))
    };
    let ms = vec![said(0, "The German government"), said(90, "the North Koreans")];
    let t = build(vec![doc("a", "2020-06")], ms, &MergeOptions::default());
    assert_eq!(t.events.len(), 2, "{:#?}", t.events);
    // also when the event was made by the lower-case speaker: "the
    // president said on Friday ... Ash said"
    let mut ash = said(90, "Ash");
    ash.date = None;
    let t = build(
        vec![doc("a", "2020-06")],
        vec![said(0, "the president"), ash],
        &MergeOptions::default(),
    );
    assert_eq!(t.events.len(), 2, "{:#?}", t.events);
}

#[test]
fn an_event_takes_a_title_that_says_who() {
    let mut a =
        mention("a", 0, "invite", EventType::Security, Some("Tokayev"), None, Some("2022-01-05"));
    a.title = Some("Tokayev invited the alliance".into());
    let mut b = mention("b", 0, "invite", EventType::Security, None, None, Some("2022-01-05"));
    b.trigger = "invited".into();
    b.title = Some("Invited the peacekeepers of the security alliance".into());
    let t =
        build(vec![doc("a", "2022-01"), doc("b", "2022-01")], vec![b, a], &MergeOptions::default());
    assert_eq!(t.events.len(), 1);
    assert_eq!(t.events[0].title, "Tokayev invited the alliance");
}

#[test]
fn an_event_takes_a_title_that_tells_it_as_a_fact() {
    let day = Some("2022-01-06");
    let titled = |d: &str, trigger: &str, title: &str| {
        let mut m = mention(d, 0, "deploy", EventType::Security, Some("Russia"), None, day);
        m.trigger = trigger.into();
        m.title = Some(title.into());
        m
    };
    let docs = || vec![doc("a", "2022-01"), doc("b", "2022-01"), doc("c", "2022-01")];
    // longer, but wrapped in a modal verb or told by a gerund
    let modal =
        titled("a", "intervention", "Russia's military intervention will be poorly perceived");
    let gerund =
        titled("b", "deploying", "The alliance's promises deploying its forces in the cities");
    let fact = titled("c", "sent", "Russia sent its forces");
    let t = build(docs(), vec![modal.clone(), gerund.clone(), fact], &MergeOptions::default());
    assert_eq!(t.events.len(), 1);
    assert_eq!(t.events[0].title, "Russia sent its forces");
    // what a statement reports may hold a modal verb
    let said = |d: &str, title: &str| {
        let mut m = mention(d, 0, "say", EventType::Statement, Some("Lee"), None, day);
        m.trigger = "said".into();
        m.title = Some(title.into());
        m
    };
    let t = build(
        docs(),
        vec![said("a", "Lee said the troops would leave by March"), said("b", "Lee said")],
        &MergeOptions::default(),
    );
    assert_eq!(t.events.len(), 1);
    assert_eq!(t.events[0].title, "Lee said the troops would leave by March");
}

#[test]
fn a_quote_of_connectives_only_is_its_own_title() {
    let mut m = mention("a", 0, "statement", EventType::Statement, None, None, None);
    m.quote = "adding".into();
    m.trigger = "adding".into();
    m.title = None;
    let t = build(vec![doc("a", "2020-06")], vec![m], &MergeOptions::default());
    assert_eq!(t.events[0].title, "Adding");
}

#[test]
fn events_are_ordered_by_date_with_undated_last() {
    let ms = vec![
        mention("a", 0, "kill", EventType::Violence, None, None, None),
        mention("a", 10, "storm", EventType::Violence, None, None, Some("2020-06-05")),
        mention("a", 20, "protest", EventType::Protest, None, None, Some("2020-06-01")),
        mention("a", 30, "rule", EventType::PoliticalChange, None, None, Some("1990")),
    ];
    let t = build(vec![doc("a", "2020-06")], ms, &MergeOptions::default());
    let order: Vec<&str> = t.events.iter().map(|e| e.mentions[0].action.as_str()).collect();
    assert_eq!(order, vec!["rule", "protest", "storm", "kill"]);
}

#[test]
fn a_date_after_its_article_is_a_finding() {
    let ms =
        vec![mention("a", 0, "retain_power", EventType::PoliticalChange, None, None, Some("2029"))];
    let t = build(vec![doc("a", "2022-01")], ms, &MergeOptions::default());
    let f = t.findings.iter().find(|f| f.kind == FindingKind::DateAfterDocument).expect("finding");
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(f.events, vec![t.events[0].id.clone()]);
    assert!(t.events[0].flags.contains(&Flag::DateAfterDocument));
}

#[test]
fn ids_are_stable_across_runs() {
    let mk = || {
        vec![
            mention("a", 0, "storm", EventType::Violence, None, None, Some("2020-06-05")),
            mention("b", 4, "storm", EventType::Violence, None, None, None),
        ]
    };
    let a = build(vec![doc("a", "2020-06"), doc("b", "2020-06")], mk(), &MergeOptions::default());
    let b = build(
        vec![doc("a", "2020-06"), doc("b", "2020-06")],
        mk().into_iter().rev(),
        &MergeOptions::default(),
    );
    assert_eq!(a, b);
}

#[test]
fn order_respects_every_disjoint_pair_of_dates() {
    fn prop(days: Vec<(u16, u8)>) -> bool {
        let base = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
        let ms: Vec<Mention> = days
            .iter()
            .enumerate()
            .map(|(i, &(d, len))| {
                let lo = base + chrono::Duration::days(i64::from(d % 2000));
                let hi = lo + chrono::Duration::days(i64::from(len % 40));
                let mut m =
                    mention("a", i * 20, &format!("act{i}"), EventType::Other, None, None, None);
                m.date = Some(DateInfo::new(
                    Span { lo, hi },
                    Granularity::Range,
                    Resolution::Explicit,
                    "".into(),
                ));
                m
            })
            .collect();
        let t = build(vec![doc("a", "2000")], ms, &MergeOptions::default());
        let spans: Vec<Span> = t.events.iter().map(|e| e.date.as_ref().unwrap().span).collect();
        (0..spans.len()).all(|i| (i + 1..spans.len()).all(|j| spans[j].hi >= spans[i].lo))
            && t.events.len() == days.len()
    }
    quickcheck::QuickCheck::new().tests(200).quickcheck(prop as fn(Vec<(u16, u8)>) -> bool);
}

#[test]
fn supporting_nouns_join_only_an_event_they_share_a_participant_with() {
    let mut appeal =
        mention("b", 0, "request_help", EventType::Security, Some("Marenkov"), None, None);
    appeal.supporting = true;
    let mut stray =
        mention("b", 50, "request_help", EventType::Security, Some("Ostrov"), None, None);
    stray.supporting = true;
    let ms = vec![
        mention(
            "a",
            0,
            "request_help",
            EventType::Security,
            Some("Marenko"),
            Some("the UN"),
            Some("2020-06-04"),
        ),
        appeal,
        stray,
    ];
    let t = build(vec![doc("a", "2020-06"), doc("b", "2020-06")], ms, &MergeOptions::default());
    assert_eq!(t.events.len(), 1);
    assert_eq!(t.events[0].sources, vec!["a", "b"]);
}

#[test]
fn undated_tallies_and_nearby_retellings_merge() {
    let ms = vec![
        mention("a", 0, "kill", EventType::Violence, None, None, None),
        mention("a", 120, "kill", EventType::Violence, None, None, None),
        mention("b", 900, "kill", EventType::Violence, None, None, None),
        mention("a", 0, "flee", EventType::PoliticalChange, None, None, None),
        mention("b", 2000, "flee", EventType::PoliticalChange, None, None, None),
    ];
    let t = build(vec![doc("a", "2020-06"), doc("b", "2020-06")], ms, &MergeOptions::default());
    let kill: Vec<_> = t.events.iter().filter(|e| e.mentions[0].action == "kill").collect();
    assert_eq!(kill.len(), 1, "casualty counts are one tally");
    assert_eq!(
        t.events.iter().filter(|e| e.mentions[0].action == "flee").count(),
        2,
        "other undated reports stay apart"
    );
}

#[test]
fn filters_by_date_sources_type_and_entity() {
    let ms = vec![
        mention(
            "a",
            0,
            "dismiss",
            EventType::PoliticalChange,
            Some("Marenko"),
            Some("the cabinet"),
            Some("2020-06-04"),
        ),
        mention(
            "b",
            0,
            "dismiss",
            EventType::PoliticalChange,
            Some("Marenkov"),
            Some("the cabinet"),
            None,
        ),
        mention(
            "a",
            40,
            "storm",
            EventType::Violence,
            Some("Rebels"),
            Some("the radio station"),
            Some("2020-06-10"),
        ),
        mention("a", 80, "rule", EventType::PoliticalChange, Some("Ostrov"), None, Some("1990")),
        mention("a", 120, "kill", EventType::Violence, None, None, None),
    ];
    let t = build(vec![doc("a", "2020-06"), doc("b", "2020-06")], ms, &MergeOptions::default());
    let titles = |f: &Filter| {
        filter(t.clone(), f).events.iter().map(|e| e.mentions[0].action.clone()).collect::<Vec<_>>()
    };
    let day = |s: &str| Some(chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap());
    assert_eq!(titles(&Filter { from: day("2020-06-05"), ..Filter::default() }), vec!["storm"]);
    assert_eq!(titles(&Filter { to: day("2000-01-01"), ..Filter::default() }), vec!["rule"]);
    assert_eq!(titles(&Filter { min_sources: 2, ..Filter::default() }), vec!["dismiss"]);
    assert_eq!(
        titles(&Filter { types: vec![EventType::Violence], ..Filter::default() }),
        vec!["storm", "kill"]
    );
    assert_eq!(
        titles(&Filter { entity: Some("Marenco".into()), ..Filter::default() }),
        vec!["dismiss"]
    );
    assert_eq!(titles(&Filter::default()).len(), 4);
    // an event only its article's date bounds goes with the undated
    let mut bounded = t.clone();
    let rule = bounded.events.iter_mut().find(|e| e.mentions[0].action == "rule").unwrap();
    rule.date.as_mut().unwrap().resolution = Resolution::Document;
    let kept = filter(bounded, &Filter { text_dates: true, ..Filter::default() });
    let kept: Vec<&str> = kept.events.iter().map(|e| e.mentions[0].action.as_str()).collect();
    assert_eq!(kept, ["dismiss", "storm"]);
}

fn follows(mut m: Mention, prev: &Mention) -> Mention {
    m.follows = Some(Box::new(crate::model::Relation {
        start: prev.start,
        end: prev.end,
        cue: "then".into(),
    }));
    m
}

fn ranged(mut m: Mention, lo: &str, hi: &str) -> Mention {
    let s =
        Span { lo: Span::parse_partial(lo).unwrap().lo, hi: Span::parse_partial(hi).unwrap().hi };
    m.date = Some(DateInfo::new(s, Granularity::Range, Resolution::Narrative, "narrative".into()));
    m
}

#[test]
fn a_vague_date_is_narrowed_by_its_neighbours() {
    // dismissed on the 5th; then an undated invitation, vaguely "that
    // week"; then troops deployed on the 6th
    let a = mention(
        "a",
        0,
        "dismiss",
        EventType::PoliticalChange,
        Some("Voss"),
        Some("the cabinet"),
        Some("2022-01-05"),
    );
    let b = ranged(
        follows(
            mention("a", 40, "request_help", EventType::Security, Some("Voss"), None, None),
            &a,
        ),
        "2022-01-03",
        "2022-01-09",
    );
    let c = follows(
        mention("a", 80, "deploy", EventType::Security, None, Some("troops"), Some("2022-01-06")),
        &b,
    );
    let t = build(vec![doc("a", "2022-01")], vec![a, b, c], &MergeOptions::default());
    let inv = t.events.iter().find(|e| e.mentions[0].action == "request_help").unwrap();
    let d = inv.date.as_ref().unwrap();
    assert_eq!((d.earliest().as_str(), d.latest().as_str()), ("2022-01-05", "2022-01-06"));
    assert!(d.evidence.to_string().contains("narrowed by its neighbours"), "{}", d.evidence);
    let order: Vec<&str> = t.events.iter().map(|e| e.mentions[0].action.as_str()).collect();
    assert_eq!(order, vec!["dismiss", "request_help", "deploy"]);
    assert!(t.edges.iter().any(|e| e.origin == crate::model::Origin::Text));
}

#[test]
fn an_undated_event_told_after_a_dated_one_is_dated_up_to_its_articles_reference_day() {
    // "b" dates the dismissal; "a" tells it undated, "and withdrew the
    // police" after it, and was written on the 9th (its reference day
    // inferred in the second run)
    let dismissed = |d: &str, start, date| {
        mention(
            d,
            start,
            "dismiss",
            EventType::PoliticalChange,
            Some("Voss"),
            Some("the cabinet"),
            date,
        )
    };
    let told = dismissed("a", 0, None);
    let withdrew = follows(
        mention("a", 40, "withdraw", EventType::Security, Some("Voss"), Some("the police"), None),
        &told,
    );
    let written = |inferred: bool| {
        let mut a = doc("a", "2022-01");
        a.reference = Some(crate::model::Reference {
            date: NaiveDate::from_ymd_opt(2022, 1, 9).unwrap(),
            source: if inferred { ReferenceSource::Inferred } else { ReferenceSource::Document },
            evidence: String::new(),
        });
        a
    };
    for inferred in [false, true] {
        let ms = vec![told.clone(), withdrew.clone(), dismissed("b", 0, Some("2022-01-05"))];
        let t =
            build(vec![written(inferred), doc("b", "2022-01-06")], ms, &MergeOptions::default());
        let e = t.events.iter().find(|e| e.mentions[0].action == "withdraw").unwrap();
        let d = e.date.as_ref().expect("dated by the event it follows");
        assert_eq!((d.earliest().as_str(), d.latest().as_str()), ("2022-01-05", "2022-01-09"));
        assert_eq!(d.granularity, Granularity::Range);
        let resolution = if inferred { Resolution::Inferred } else { Resolution::Narrative };
        assert_eq!(d.resolution, resolution);
        assert!(d.evidence.to_string().starts_with("narrative: told after"), "{}", d.evidence);
        assert!(e.id.starts_with("withdraw-2022-01-05-"), "{}", e.id);
        let order: Vec<&str> = t.events.iter().map(|e| e.mentions[0].action.as_str()).collect();
        assert_eq!(order, vec!["dismiss", "withdraw"]);
    }
    // without the dated report, nothing dates either
    let t = build(vec![written(false)], vec![told, withdrew], &MergeOptions::default());
    assert!(t.events.iter().all(|e| e.date.is_none()), "{:#?}", t.events);
}

#[test]
fn a_contradiction_is_reported_with_its_quote_and_the_timeline_still_built() {
    let a = mention("a", 0, "disaster", EventType::Other, None, Some("bridge"), Some("2021-05-05"));
    let b = follows(
        mention(
            "a",
            40,
            "resign",
            EventType::PoliticalChange,
            Some("Kovalenko"),
            None,
            Some("2021-05-02"),
        ),
        &a,
    );
    let t = build(vec![doc("a", "2021-05")], vec![a, b], &MergeOptions::default());
    let f = t.findings.iter().find(|f| f.kind == FindingKind::OrderingCycle).expect("cycle");
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(f.events.len(), 2);
    assert!(f.message.contains("Kovalenko resign"), "{}", f.message);
    // the dates win: the resignation (2nd) comes first
    assert_eq!(t.events[0].mentions[0].action, "resign");
}

#[test]
fn a_pinned_order_overrides_the_dates() {
    let a = mention("a", 0, "disaster", EventType::Other, None, None, Some("2021-05-05"));
    let b = mention("a", 40, "resign", EventType::PoliticalChange, None, None, Some("2021-05-07"));
    let t = build(vec![doc("a", "2021-05")], vec![a, b], &MergeOptions::default());
    let (first, second) = (t.events[0].id.clone(), t.events[1].id.clone());
    let (events, edges, findings) =
        order::order(t.events, &[(second.clone(), first.clone())], &order::ToldBy::new());
    // both ways at once is a contradiction of a pin with the dates
    assert_eq!(findings.len(), 1);
    assert!(edges.iter().any(|e| e.origin == crate::model::Origin::Pinned));
    assert_eq!(events.len(), 2);
}

#[test]
fn order_respects_every_kept_edge_with_text_relations() {
    fn prop(spec: Vec<(u16, u8, Option<u8>)>) -> bool {
        let base = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
        let mut ms: Vec<Mention> = Vec::new();
        for (i, &(d, len, prev)) in spec.iter().enumerate() {
            let lo = base + chrono::Duration::days(i64::from(d % 500));
            let hi = lo + chrono::Duration::days(i64::from(len % 10));
            let mut m =
                mention("a", i * 20, &format!("act{i}"), EventType::Other, None, None, None);
            m.date = Some(DateInfo::new(
                Span { lo, hi },
                Granularity::Range,
                Resolution::Narrative,
                "".into(),
            ));
            if let (Some(p), true) = (prev, i > 0) {
                let j = usize::from(p) % i;
                let pm = ms[j].clone();
                m = follows(m, &pm);
            }
            ms.push(m);
        }
        let t = build(vec![doc("a", "2000")], ms, &MergeOptions::default());
        let pos: BTreeMap<&str, usize> =
            t.events.iter().enumerate().map(|(i, e)| (e.id.as_str(), i)).collect();
        t.events.len() == spec.len()
            && t.edges
                .iter()
                .filter(|e| e.kind == crate::model::TimeRelation::Before)
                .all(|e| pos[e.before.as_str()] < pos[e.after.as_str()])
    }
    quickcheck::QuickCheck::new()
        .tests(200)
        .quickcheck(prop as fn(Vec<(u16, u8, Option<u8>)>) -> bool);
}

#[test]
fn same_time_includes_and_a_confirmed_order() {
    use crate::model::{Origin, TimeRelation};
    // two articles both tell the curfew after the storming
    let a1 = mention(
        "a",
        0,
        "storm",
        EventType::Violence,
        Some("Rebels"),
        Some("the station"),
        Some("2021-05-05"),
    );
    let b1 = follows(
        mention(
            "a",
            40,
            "emergency_rule",
            EventType::Security,
            Some("Ostrov"),
            None,
            Some("2021-05-06"),
        ),
        &a1,
    );
    let a2 = mention(
        "b",
        0,
        "storm",
        EventType::Violence,
        Some("Rebels"),
        Some("the station"),
        Some("2021-05-05"),
    );
    let b2 = follows(
        mention(
            "b",
            40,
            "emergency_rule",
            EventType::Security,
            Some("Ostrov"),
            None,
            Some("2021-05-06"),
        ),
        &a2,
    );
    let year =
        mention("a", 80, "rule", EventType::PoliticalChange, Some("Ostrov"), None, Some("2021"));
    let same = mention("b", 80, "kill", EventType::Violence, None, None, Some("2021-05-06"));
    let t = build(
        vec![doc("a", "2021-05"), doc("b", "2021-05")],
        vec![a1, b1, a2, b2, year, same],
        &MergeOptions::default(),
    );
    let text: Vec<_> = t.edges.iter().filter(|e| e.origin == Origin::Text).collect();
    assert_eq!(text.len(), 1);
    assert_eq!(text[0].sources, vec!["a", "b"], "one source's order confirmed by another");
    assert!(t.edges.iter().any(|e| e.kind == TimeRelation::Includes));
    assert!(t.edges.iter().any(|e| e.kind == TimeRelation::SameTime));
    let dot = order::dot(&t.events, &t.edges);
    assert!(dot.contains("before, as the text tells; 2 sources tell it"), "{dot}");
    assert!(dot.contains("label=\"same time\"") && dot.contains("label=\"includes\""), "{dot}");
    // one date a node, not "2022-01-05..2022-01-05"
    assert!(!dot.contains(".."), "{dot}");
}

#[test]
fn undated_reports_of_articles_years_apart_stay_apart() {
    let detained = |d: &str, start: usize| {
        mention(d, start, "detain", EventType::Security, Some("Police"), Some("protesters"), None)
    };
    // an archive: the same words in 2001 and 2015, and again in 2015
    let t = build(
        vec![doc("a", "2001-03-02"), doc("b", "2015-07-09"), doc("c", "2015-07")],
        vec![detained("a", 0), detained("b", 0), detained("c", 0)],
        &MergeOptions::default(),
    );
    let sources: Vec<Vec<String>> = t.events.iter().map(|e| e.sources.clone()).collect();
    assert_eq!(sources, [vec!["a".to_string()], vec!["b".to_string(), "c".to_string()]]);
    // a dated report still meets its retellings from another period
    let mut old = detained("a", 0);
    old.date = Some(DateInfo::new(
        Span::parse_partial("2001").unwrap(),
        Granularity::Year,
        Resolution::Explicit,
        "in 2001".into(),
    ));
    let mut retold = detained("b", 0);
    retold.date = old.date.clone();
    let t = build(
        vec![doc("a", "2001-03-02"), doc("b", "2015-07-09")],
        vec![old, retold],
        &MergeOptions::default(),
    );
    assert_eq!(t.events.len(), 1);
}

#[test]
fn an_undated_report_joins_only_a_happening_of_the_weeks_before_its_article() {
    // "the tanker struck rocks" in 1967, told in a 2010 article; another
    // 2010 article's undated "struck" is not that wreck
    let ms = vec![
        mention("a", 0, "strike", EventType::Other, Some("Tanker"), None, Some("1967-03-18")),
        mention("b", 0, "strike", EventType::Other, None, None, None),
        mention("a", 500, "explode", EventType::Violence, None, None, Some("2010-04-20")),
        mention("b", 500, "explode", EventType::Violence, None, None, None),
    ];
    let t =
        build(vec![doc("a", "2010-05-01"), doc("b", "2010-05-03")], ms, &MergeOptions::default());
    let sources = |action: &str| {
        t.events
            .iter()
            .filter(|e| e.mentions[0].action == action)
            .map(|e| e.sources.len())
            .collect::<Vec<_>>()
    };
    assert_eq!(sources("strike"), vec![1, 1], "{:#?}", t.events);
    assert_eq!(sources("explode"), vec![2]);
}

#[test]
fn minor_mentions_meet_across_articles_only_through_a_participant() {
    let minor = |m: Mention| Mention { minor: true, ..m };
    let ms = vec![
        minor(mention("a", 0, "make", EventType::Other, Some("Obama"), None, Some("2010-05-01"))),
        minor(mention("b", 0, "make", EventType::Other, Some("Hayward"), None, None)),
        minor(mention("c", 0, "make", EventType::Other, Some("Obama"), None, None)),
    ];
    let docs = vec![doc("a", "2010-05-01"), doc("b", "2010-05-02"), doc("c", "2010-05-02")];
    let t = build(docs, ms, &MergeOptions::default());
    let mut counts: Vec<usize> = t.events.iter().map(|e| e.sources.len()).collect();
    counts.sort_unstable();
    assert_eq!(counts, vec![1, 2], "{:#?}", t.events);
}

#[test]
fn days_rank_by_reporting_articles_and_keep_their_most_salient_events() {
    let ms = vec![
        mention("a", 0, "explode", EventType::Violence, Some("Rig"), None, Some("2010-04-20")),
        mention("b", 0, "explode", EventType::Violence, Some("Rig"), None, Some("2010-04-20")),
        mention("b", 200, "say", EventType::Statement, Some("Hayward"), None, Some("2010-04-20")),
        mention("c", 0, "cap", EventType::Other, Some("BP"), None, Some("2010-07-15")),
        mention("a", 400, "leak", EventType::Other, None, None, Some("2010-04")),
    ];
    let docs = vec![doc("a", "2010-04-21"), doc("b", "2010-04-22"), doc("c", "2010-07-16")];
    let t = build(docs, ms, &MergeOptions::default());
    let days = salience::days(&t.events);
    let listed: Vec<(String, usize, usize)> =
        days.iter().map(|d| (d.day.to_string(), d.sources, d.events.len())).collect();
    assert_eq!(listed, vec![("2010-04-20".into(), 2, 2), ("2010-07-15".into(), 1, 1)]);
    assert_eq!(t.events[days[0].events[0]].mentions[0].action, "explode");
    let kept = |f: Filter| {
        let mut a: Vec<String> =
            filter(t.clone(), &f).events.iter().map(|e| e.mentions[0].action.clone()).collect();
        a.sort();
        a
    };
    assert_eq!(kept(Filter { days: Some(1), ..Filter::default() }), vec!["explode", "say"]);
    assert_eq!(
        kept(Filter { days: Some(1), per_day: Some(1), ..Filter::default() }),
        vec!["explode"]
    );
    // --per-day alone keeps the events of no single day
    assert_eq!(
        kept(Filter { per_day: Some(1), ..Filter::default() }),
        vec!["cap", "explode", "leak"]
    );
}

#[test]
fn a_report_bounded_by_its_article_joins_a_dated_event_or_dates_its_own() {
    let dated = mention(
        "a",
        0,
        "dismiss",
        EventType::PoliticalChange,
        Some("Marenko"),
        Some("the cabinet"),
        Some("2020-06-04"),
    );
    // "Marenko has dismissed the cabinet", told as recent in an article of
    // June 2020: the article's month bounds it
    let bounded = |start: usize, action: &str| Mention {
        document: "b".into(),
        start,
        action: action.into(),
        date: Some(DateInfo::new(
            Span::parse_partial("2020-06").unwrap(),
            Granularity::Month,
            Resolution::Document,
            "no date in its clause: reported by b of 2020-06".into(),
        )),
        anchor: Anchor::Document,
        ..dated.clone()
    };
    let t = build(
        vec![doc("a", "2020-06"), doc("b", "2020-06")],
        vec![bounded(50, "dismiss"), dated.clone(), bounded(900, "resign")],
        &MergeOptions::default(),
    );
    assert_eq!(t.events.len(), 2, "{:#?}", t.events);
    // joined: the text's day, with the flag of a date taken by merging
    let dismissed = t.events.iter().find(|e| e.mention_count == 2).unwrap();
    let d = dismissed.date.as_ref().unwrap();
    assert_eq!((d.earliest().as_str(), d.resolution), ("2020-06-04", Resolution::Explicit));
    assert!(dismissed.flags.contains(&Flag::DateSharedByMerge));
    // alone: bounded by its article, and ranked below the text's dates
    let resigned = t.events.iter().find(|e| e.mention_count == 1).unwrap();
    let d = resigned.date.as_ref().unwrap();
    assert_eq!((d.earliest().as_str(), d.resolution), ("2020-06", Resolution::Document));
    assert!(resigned.flags.is_empty());
}

#[test]
fn a_reviewers_date_settles_what_the_review_said_of_the_old_one() {
    // "in 2029" in an article of 2022: flagged, with a finding
    let mut m = mention(
        "a",
        0,
        "retain",
        EventType::PoliticalChange,
        Some("Marenko"),
        Some("power"),
        Some("2029"),
    );
    m.anchor = Anchor::Clause;
    let t = build(vec![doc("a", "2022-01")], vec![m], &MergeOptions::default());
    let id = t.events[0].id.clone();
    assert!(t.events[0].flags.contains(&Flag::DateAfterDocument));
    assert!(t.findings.iter().any(|f| f.kind == FindingKind::DateAfterDocument));
    let (fixed, stale) = edits::apply(
        t,
        &[edits::Edit::SetDate { event: id, earliest: "2019".into(), latest: "2019".into() }],
    );
    assert!(stale.is_empty());
    let e = &fixed.events[0];
    assert_eq!(e.date.as_ref().unwrap().earliest(), "2019");
    assert!(e.flags.is_empty(), "{:?}", e.flags);
    assert!(
        !fixed.findings.iter().any(|f| f.kind == FindingKind::DateAfterDocument),
        "{:?}",
        fixed.findings
    );
}

#[test]
fn one_kind_of_happening_done_by_two_named_people_stays_two_events() {
    let sacked = |d: &str, actor: &str, target: &str| {
        let day = Some("1997-04-08");
        mention(d, 0, "dismiss", EventType::PoliticalChange, Some(actor), Some(target), day)
    };
    let docs = || vec![doc("a", "1997-04-09"), doc("b", "1997-04-09"), doc("c", "1997-04-09")];
    // the same day's dismissals by two leaders are two events
    let ms = vec![
        sacked("a", "Boris Yeltsin", "his transport minister"),
        sacked("b", "Tshisekedi", "the planned peace talks"),
    ];
    let t = build(docs(), ms, &MergeOptions::default());
    assert_eq!(t.events.len(), 2, "{:#?}", t.events);
    // one leader's, told by two articles (one misspelling him), and an
    // unnamed doer's, are one
    let ms = vec![
        sacked("a", "Boris Yeltsin", "his transport minister"),
        sacked("b", "Yeltsyn", "the minister"),
        sacked("c", "the president", "the transport minister"),
    ];
    let t = build(docs(), ms, &MergeOptions::default());
    assert_eq!(t.events.len(), 1, "{:#?}", t.events);
}

#[test]
fn a_title_that_names_its_doer_beats_one_told_by_a_pronoun() {
    let mut it = mention(
        "a",
        0,
        "sign",
        EventType::Diplomacy,
        None,
        Some("two agreements"),
        Some("1997-04-15"),
    );
    it.title = Some("It signed in the presence of the Chinese premier".into());
    let mut named = mention(
        "a",
        40,
        "sign",
        EventType::Diplomacy,
        None,
        Some("two agreements"),
        Some("1997-04-15"),
    );
    named.title = Some("A Mauritian delegation signed two agreements".into());
    let t = build(vec![doc("a", "1997-04-15")], vec![it, named], &MergeOptions::default());
    assert_eq!(t.events.len(), 1, "{:#?}", t.events);
    assert_eq!(t.events[0].title, "A Mauritian delegation signed two agreements");
}

/// Reports of one kind of happening on one day merge across articles of
/// one story, not across articles that share no name.
#[test]
fn happenings_of_one_kind_and_day_merge_only_within_one_story() {
    let place = |m: Mention, p: &str| Mention { place: Some(p.into()), ..m };
    let detained = |d: &str, place_name: &str, actor: Option<&str>| {
        place(
            mention(d, 0, "detain", EventType::Violence, actor, None, Some("2021-03-02")),
            place_name,
        )
    };
    let docs = || vec![doc("a", "2021-03"), doc("b", "2021-03"), doc("c", "2021-03")];
    // Dhaka and Lima: two stories
    let ms = vec![detained("a", "Dhaka", Some("police")), detained("b", "Lima", Some("officers"))];
    assert_eq!(build(docs(), ms, &MergeOptions::default()).events.len(), 2);
    // two reports from Dhaka, in other words: one event
    let ms = vec![detained("a", "Dhaka", Some("police")), detained("c", "Old Dhaka", None)];
    assert_eq!(build(docs(), ms, &MergeOptions::default()).events.len(), 1);
    // an article that names no one gives no sign of another story
    let ms = vec![
        detained("a", "Dhaka", Some("police")),
        mention("b", 0, "detain", EventType::Violence, None, None, Some("2021-03-02")),
    ];
    assert_eq!(build(docs(), ms, &MergeOptions::default()).events.len(), 1);
    // a common noun shared is no story shared: "the minister said" in
    // Dhaka and in Lima are two sayings
    let said = |d: &str, p: &str| {
        place(
            mention(
                d,
                0,
                "statement",
                EventType::Statement,
                Some("the minister"),
                None,
                Some("2021-03-02"),
            ),
            p,
        )
    };
    let ms = vec![said("a", "Dhaka"), said("b", "Lima")];
    assert_eq!(build(docs(), ms, &MergeOptions::default()).events.len(), 2);
    let ms = vec![said("a", "Dhaka"), said("b", "Dhaka")];
    assert_eq!(build(docs(), ms, &MergeOptions::default()).events.len(), 1);
}

#[test]
fn an_undated_report_of_a_kind_with_several_dated_happenings_stays_its_own() {
    // one story, one month: the pipe was cut on the 8th, the budget on the
    // 20th; an undated "cut" of a third article could be either
    let cut = |d: &str, at: usize, who: &str, date: Option<&str>| {
        mention(d, at, "decrease", EventType::Other, Some(who), None, date)
    };
    let docs = || vec![doc("a", "2010-05-21"), doc("b", "2010-05-21"), doc("c", "2010-05-22")];
    let sources = |ms: Vec<Mention>| {
        let mut s: Vec<usize> = build(docs(), ms, &MergeOptions::default())
            .events
            .iter()
            .map(|e| e.sources.len())
            .collect();
        s.sort_unstable();
        s
    };
    let one = vec![cut("a", 0, "BP", Some("2010-05-08")), cut("c", 0, "the robots", None)];
    assert_eq!(sources(one), vec![2], "one dated happening of the kind: the report is it");
    let two = vec![
        cut("a", 0, "BP", Some("2010-05-08")),
        cut("b", 0, "The state", Some("2010-05-20")),
        cut("c", 0, "the robots", None),
    ];
    assert_eq!(sources(two), vec![1, 1, 1], "two dated happenings: neither takes it");
    // a shared participant still decides between them
    let named = vec![
        cut("a", 0, "BP", Some("2010-05-08")),
        cut("b", 0, "The state", Some("2010-05-20")),
        cut("c", 0, "BP", None),
    ];
    assert_eq!(sources(named), vec![1, 2]);
}
