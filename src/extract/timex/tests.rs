//! Tests of the time expression tagger.

use chrono::Duration;

use super::patterns::{ascii_boundaries, ANCHOR};
use super::*;

/// The prefilters keep the lazy DFA on non-ASCII text (issue 18): no
/// Unicode word boundary is left in them, and typographic text is
/// tagged as its ASCII twin is.
#[test]
fn prefilters_use_ascii_word_boundaries() {
    assert_eq!(ascii_boundaries(r"\bmay\b|a\\b"), r"(?-u:\b)may(?-u:\b)|a\\b");
    let unicode_boundary = |p: &str| p.replace(r"(?-u:\b)", "").replace(r"\\", "").contains(r"\b");
    assert!(!unicode_boundary(ANCHOR.as_str()));
    assert!(FAMILY_SET.patterns().iter().all(|p| !unicode_boundary(p)));
    let ctx =
        Context { reference: NaiveDate::from_ymd_opt(2021, 3, 10), inferred: false, year: None };
    let plain = tag("\"On Monday, the dam's gate broke,\" he said -- on March 3, 2021.", &ctx);
    let curly = tag("\u{201c}On Monday, the dam\u{2019}s gate broke,\u{201d} he said \u{2014} on March 3, 2021.", &ctx);
    let values =
        |t: &[Timex]| t.iter().map(|x| (x.text.clone(), x.value.clone())).collect::<Vec<_>>();
    assert_eq!(values(&plain), values(&curly));
    assert_eq!(curly.len(), 2, "{curly:?}");
    // an accented word that contains a month is not a month
    assert!(tag("Mayé and Marché met.", &ctx).is_empty());
    assert!(tag("ÉMay 2021 and Février‑March", &ctx).iter().all(|t| t.text != "May 2021"));
}

/// What recognition finds, as comparable values.
fn found(r: &Recognized) -> Vec<(usize, usize, String, bool)> {
    r.found.iter().map(|(a, b, sem, future)| (*a, *b, format!("{sem:?}"), *future)).collect()
}

quickcheck::quickcheck! {
    // Families run with ASCII word boundaries where a window has no
    // non-ASCII word character (issue 18): they find exactly what the
    // Unicode ones find, on text mixing curly quotes, dashes, accents,
    // non-Latin letters and dates.
    fn ascii_and_unicode_boundaries_find_the_same(pieces: Vec<u8>) -> bool {
        const PIECES: [&str; 24] = [
            "May", "March 3", ", 2021", " ", "\u{201c}", "\u{2019}s", "\u{2014}", "é", "Ł",
            "Monday", " last week", "2019", "\u{a0}", "дня", "1990s", "a", ".", "ago", "two years",
            "\u{301}", "on ", "Jan.", " 5", "Dec",
        ];
        let text: String = pieces.iter().map(|&p| PIECES[usize::from(p) % PIECES.len()]).collect();
        found(&recognize(&text)) == found(&recognize_with(&text, true))
    }
}

#[test]
fn typographic_news_is_tagged_as_with_unicode_boundaries() {
    let texts = [
        "\u{201c}We\u{2019}ll meet on Monday,\u{201d} Tokayev said on January 5, 2022 \u{2014} a week ago.",
        "Fran\u{e7}ois Hollande resigned in May 2017; Ren\u{e9}e L\u{f8}kke returned last year.",
        "The ceasefire of 12\u{a0}March\u{a0}2014 held until the 1990s\u{2019} end.",
        "Kazakhstan\u{2019}s Nazarbayev (1989\u{2013}2019) \u{2026} Almaty, Jan. 6 \u{2014} seven years ago.",
    ];
    for text in texts {
        let fast = recognize(text);
        assert!(!fast.is_empty(), "{text}");
        assert_eq!(found(&fast), found(&recognize_with(text, true)), "{text}");
    }
}

/// One recognition resolves against any context as a fresh scan does
/// (issue 18: a document is scanned once for its reported days and its
/// events): same expressions, same values, the narrative day carried.
#[test]
fn one_recognition_serves_every_context() {
    let text = "Profit rose in the first quarter. A year ago it fell. \
                The plant closed on Monday, January 2; the next day it \
                reopened, and on March 3, 2021 it was sold. Talks will resume Friday.";
    let recognized = recognize(text);
    assert!(recognized.len() >= 5, "{recognized:?}");
    for c in [
        Context::default(),
        Context { reference: None, inferred: false, year: Some(2021) },
        ctx(2021, 3, 10),
        Context { inferred: true, ..ctx(2020, 12, 30) },
    ] {
        assert_eq!(recognized.resolve(text, &c), tag(text, &c), "{c:?}");
    }
    // the context changes the values, not what is found
    let a = recognized.resolve(text, &ctx(2021, 3, 10));
    let b = recognized.resolve(text, &ctx(2019, 6, 1));
    assert_ne!(a, b);
    let spans = |t: &[Timex]| t.iter().map(|x| (x.start, x.end)).collect::<Vec<_>>();
    assert_eq!(spans(&a), spans(&b));
    assert!(recognize("No dates here.").is_empty());
}

fn ctx(y: i32, m: u32, d: u32) -> Context {
    Context { reference: NaiveDate::from_ymd_opt(y, m, d), inferred: false, year: Some(y) }
}

fn values(text: &str, c: &Context) -> Vec<(String, String)> {
    tag(text, c).into_iter().map(|t| (t.text, t.value)).collect()
}

fn one(text: &str, c: &Context) -> (String, String) {
    let v = values(text, c);
    assert_eq!(v.len(), 1, "{text:?} gave {v:?}");
    v[0].clone()
}

#[test]
fn absolute_dates_in_all_orders() {
    let c = ctx(2023, 3, 10);
    assert_eq!(one("It began on March 4.", &c), ("March 4".into(), "2023-03-04".into()));
    assert_eq!(
        one("Talks ended Feb. 27, 2021 in Vienna.", &c),
        ("Feb. 27, 2021".into(), "2021-02-27".into())
    );
    assert_eq!(
        one("By 3rd of March 2020 it was over.", &c),
        ("3rd of March 2020".into(), "2020-03-03".into())
    );
    assert_eq!(one("Filed 2019-11-30.", &c), ("2019-11-30".into(), "2019-11-30".into()));
    assert_eq!(one("in September 2021", &c), ("September 2021".into(), "2021-09".into()));
    assert_eq!(one("Elections are held in May.", &c), ("May".into(), "2023-05".into()));
}

#[test]
fn a_spaced_or_unspaced_comma_keeps_the_year() {
    // tokenized text ("April 28 , 2003") and a missing space ("5,2004")
    let c = ctx(2008, 1, 9);
    assert_eq!(one("launched on April 28 , 2003 .", &c).1, "2003-04-28");
    assert_eq!(one("sold on Jan. 5,2004 in Paris", &c).1, "2004-01-05");
    assert_eq!(one("on 3 March , 2020 it", &c).1, "2020-03-03");
    assert_eq!(one("in September , 2021 it", &c).1, "2021-09");
    // a count after the day is not a year
    assert_eq!(one("On May 3, 200 people marched.", &c).1, "2008-05-03");
}

#[test]
fn year_less_dates_take_the_nearest_year() {
    let c = ctx(2023, 1, 4);
    assert_eq!(one("Fighting started December 29.", &c).1, "2022-12-29");
    let t = &tag("Fighting started December 29.", &c)[0];
    assert_eq!(t.resolution, Resolution::Relative);
}

#[test]
fn modal_may_and_verb_march_are_not_months() {
    let c = ctx(2023, 3, 10);
    assert!(values("They may march to the capital.", &c).is_empty());
}

#[test]
fn years_but_not_counts() {
    let c = ctx(2023, 3, 10);
    assert_eq!(one("In 2017 the mill closed.", &c), ("2017".into(), "2017".into()));
    assert!(values("Police detained 2000 people and 1500 protesters.", &c).is_empty());
    assert!(values("It cost $2015 and 1,999 tickets sold.", &c).is_empty());
    assert!(values("The bridge is 1800 meters long.", &c).is_empty());
    // amounts in any currency, before or after the number
    for amount in ["2000 rupees", "1990 naira", "2015 yuan", "USD 2010", "Rs 1999"] {
        let v = values(&format!("Fuel costs {amount} a tonne."), &c);
        assert!(v.is_empty(), "{amount}: {v:?}");
    }
}

#[test]
fn ages_and_amounts_are_not_durations() {
    let c = ctx(2023, 3, 10);
    assert!(values("The mayor, 64 years old, said nothing.", &c).is_empty());
}

#[test]
fn weekdays_are_past_biased_unless_future() {
    let c = ctx(2023, 3, 10); // a Friday
    assert_eq!(one("On Tuesday, the dam broke.", &c).1, "2023-03-07");
    assert_eq!(one("said Friday", &c).1, "2023-03-10");
    assert_eq!(one("The council will vote on Tuesday.", &c).1, "2023-03-14");
    assert_eq!(
        one("late Tuesday evening", &c),
        ("late Tuesday evening".into(), "2023-03-07TEV".into())
    );
    assert_eq!(one("next Monday", &c).1, "2023-03-13");
}

#[test]
fn relative_days_and_units() {
    let c = ctx(2023, 3, 10);
    assert_eq!(one("yesterday", &c).1, "2023-03-09");
    assert_eq!(one("last week", &c).1, "2023-W09");
    assert_eq!(one("this year", &c).1, "2023");
    assert_eq!(one("next month", &c).1, "2023-04");
    assert_eq!(one("last night", &c).1, "2023-03-09TNI");
    let t = &tag("earlier this week", &c)[0];
    assert_eq!(t.value, "2023-W10");
    let s = t.span.unwrap();
    assert_eq!((s.lo.to_string(), s.hi.to_string()), ("2023-03-06".into(), "2023-03-10".into()));
}

#[test]
fn misspelt_earlier_is_still_earlier() {
    let c = ctx(2023, 3, 10);
    let t = &tag("Earlear this week the strike began.", &c)[0];
    assert_eq!(t.span.unwrap().lo.to_string(), "2023-03-06");
    let t = &tag("later this week", &c)[0];
    assert_eq!(t.span.unwrap().hi.to_string(), "2023-03-12");
}

#[test]
fn business_periods_use_the_reporting_quarter() {
    let c = ctx(2011, 11, 3); // reporting quarter: 2011-Q3
    assert_eq!(one("Profit rose in the quarter.", &c).1, "2011-Q3");
    assert_eq!(one("up from the year-ago quarter", &c).1, "2010-Q3");
    assert_eq!(one("compared with this year's second quarter", &c).1, "2011-Q2");
    assert_eq!(one("in the 2009 quarter", &c).1, "2009-Q3");
    assert_eq!(one("sales for the year rose", &c), ("the year".into(), "P1Y".into()));
    // a report of quarterly results: "a year ago" is that quarter
    let t = tag("Quarter net rose; the quarter beat forecasts and a year ago it lost money.", &c);
    assert_eq!(t.last().unwrap().value, "2010-Q3");
}

#[test]
fn quarters_without_a_year_are_past_biased() {
    let c = ctx(2012, 2, 10);
    assert_eq!(one("the fourth quarter", &c).1, "2011-Q4");
    assert_eq!(one("the first quarter", &c).1, "2012-Q1");
}

#[test]
fn months_with_relative_cues() {
    let c = ctx(2011, 10, 20);
    assert_eq!(one("He moved last April.", &c).1, "2011-04");
    assert_eq!(one("He moved last November.", &c).1, "2010-11");
    assert_eq!(one("They meet next March.", &c).1, "2012-03");
    assert_eq!(one("It opened June last year.", &c).1, "2010-06");
    assert_eq!(one("Sales fell in March.", &c).1, "2011-03");
    assert_eq!(one("Payment is due Dec. 15.", &c).1, "2011-12-15");
    assert_eq!(one("Payment is due Jan. 15.", &c).1, "2012-01-15");
}

#[test]
fn last_weekday_is_in_the_previous_week() {
    let c = ctx(2011, 10, 19); // a Wednesday
    assert_eq!(one("last Wednesday", &c).1, "2011-10-12");
    assert_eq!(one("last Monday", &c).1, "2011-10-10");
}

#[test]
fn the_previous_month_and_week_are_the_ones_before() {
    let c = ctx(2022, 1, 6); // a Thursday
    assert_eq!(one("Sales fell the previous month.", &c).1, "2021-12");
    assert_eq!(one("Talks stalled the previous week.", &c).1, "2021-W52");
    assert_eq!(one("Prices rose the prior month.", &c).1, "2021-12");
    // the same month stays the same, and a year-ago quarter a year back
    assert_eq!(one("Prices rose this month.", &c).1, "2022-01");
    assert_eq!(one("up from the year-earlier quarter", &c).1, "2020-Q4");
}

#[test]
fn next_weekday_on_that_weekday_is_a_week_on() {
    let c = ctx(2022, 1, 6); // a Thursday
    assert_eq!(one("The vote is next Thursday.", &c).1, "2022-01-13");
    assert_eq!(one("The vote is next Friday.", &c).1, "2022-01-07");
    assert_eq!(one("He left last Thursday.", &c).1, "2021-12-30");
}

#[test]
fn clock_times_on_a_day_and_hour_durations() {
    let c = ctx(2011, 10, 19);
    assert_eq!(
        one("the vote at 10 p.m. Monday", &c),
        ("10 p.m. Monday".into(), "2011-10-17T22:00".into())
    );
    assert_eq!(one("noon Tuesday", &c).1, "2011-10-18T12:00");
    // "midday", a 24-hour time with its zone, the day before the month
    assert_eq!(
        one("collapsed at about midday on Monday", &c),
        ("midday on Monday".into(), "2011-10-17T12:00".into())
    );
    assert_eq!(one("pumping began at 2000 GMT on Tuesday", &c).1, "2011-10-18T20:00");
    assert_eq!(one("completed at 1930 CDT on 1 October", &c).1, "2011-10-01T19:30");
    // a four-digit number without a zone stays a year
    assert_eq!(one("the vote at 1600 GMT", &c), ("1600 GMT".into(), "2011-10-19T16:00".into()));
    let v = values("sales in 2000 on Tuesday", &c);
    assert_eq!(v[0], ("2000".into(), "2000".into()), "{v:?}");
    assert_eq!(one("a five-hour meeting", &c), ("five-hour".into(), "PT5H".into()));
    assert_eq!(one("the last twenty-four hours", &c).1, "PT24H");
    assert!(values("Do it a second time.", &c).is_empty());
}

#[test]
fn holidays_land_in_the_nearest_year() {
    let c = ctx(2011, 10, 19);
    assert_eq!(one("before Thanksgiving", &c).1, "2011-11-24");
    assert_eq!(one("after Easter", &ctx(2011, 5, 2)).1, "2011-04-24");
    assert_eq!(one("on Christmas Eve", &c).1, "2011-12-24");
    assert_eq!(one("on Election Day", &ctx(2012, 10, 1)).1, "2012-11-06");
}

#[test]
fn sets_spelled_years_and_narrative_units() {
    let c = ctx(2011, 10, 19);
    assert_eq!(one("published daily", &c), ("daily".into(), "P1D".into()));
    assert_eq!(one("each July", &c).1, "XXXX-07");
    assert_eq!(one("in nineteen eighty-four", &c).1, "1984");
    let v = values("The war ended in 1995. The following year, talks began.", &c);
    assert_eq!(v[1], ("The following year".into(), "1996".into()));
    assert_eq!(one("for weeks", &c), ("weeks".into(), "PXW".into()));
    assert_eq!(one("the year-ago period", &c).1, "2010-Q3");
}

#[test]
fn tagging_never_panics_and_spans_are_exact() {
    fn prop(s: String, day: u16) -> bool {
        let reference =
            NaiveDate::from_ymd_opt(1990, 1, 1).map(|d| d + Duration::days(i64::from(day)));
        let c = Context { reference, inferred: day % 2 == 0, year: None };
        tag(&s, &c)
            .iter()
            .all(|t| s.get(t.start..t.end) == Some(t.text.as_str()) && t.start < t.end)
    }
    quickcheck::QuickCheck::new().tests(500).quickcheck(prop as fn(String, u16) -> bool);
    // and on text dense with the tagger's own words
    let words = [
        "Jan.",
        "6,",
        "2022",
        "last",
        "Wednesday",
        "evening",
        "\u{e9}",
        "'90s",
        "10",
        "p.m.",
        "the",
        "year-ago",
        "quarter",
        "from",
        "1989",
        "to",
        "2019",
        "-",
        "days",
        "ago",
        "May",
        "\u{201c}",
        "twenty-four",
        "hours",
        "Easter",
        "12:30",
    ];
    let mut seed = 11u64;
    for i in 0..400 {
        let mut s = String::new();
        for _ in 0..30 {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            s.push_str(words[usize::try_from(seed >> 33).unwrap() % words.len()]);
            s.push(if seed % 5 == 0 { '.' } else { ' ' });
        }
        assert!(prop(s, i));
    }
}

#[test]
fn fractions_and_rates_are_not_durations() {
    let c = ctx(2011, 10, 19);
    assert!(values("He won three-quarters of the vote.", &c).is_empty());
    assert!(values("It costs $5 a year and they meet twice a week.", &c).is_empty());
    assert_eq!(one("It took a year.", &c).1, "P1Y");
}

#[test]
fn vague_references_get_no_interval() {
    let c = ctx(2011, 10, 19);
    for text in ["It is now clear.", "He recently left.", "in the near future"] {
        let t = &tag(text, &c)[0];
        assert!(t.span.is_none() && t.value.ends_with("_REF"), "{text}: {t:?}");
    }
}

#[test]
fn ago_keeps_the_unit_precision() {
    let c = ctx(2023, 3, 10);
    let t = &tag("Five years ago, the port opened.", &c)[0];
    assert_eq!((t.text.as_str(), t.value.as_str()), ("Five years ago", "2018"));
    assert_eq!(t.granularity, Some(Granularity::Year));
    assert_eq!(one("two days ago", &c).1, "2023-03-08");
}

#[test]
fn narrative_expressions_follow_the_last_date() {
    let c = ctx(2023, 3, 10);
    let v = values("The quake struck on March 2. The next day, aid arrived.", &c);
    assert_eq!(v[1], ("The next day".into(), "2023-03-03".into()));
}

#[test]
fn durations_sets_decades_centuries_seasons() {
    let c = ctx(2023, 3, 10);
    assert_eq!(one("He ruled for 30 years.", &c), ("30 years".into(), "P30Y".into()));
    assert_eq!(one("a decade of growth", &c), ("a decade".into(), "P10Y".into()));
    assert_eq!(one("a 30-year reign", &c), ("30-year".into(), "P30Y".into()));
    assert_eq!(one("They meet every year.", &c), ("every year".into(), "P1Y".into()));
    assert_eq!(one("back in the 1990s", &c), ("the 1990s".into(), "199".into()));
    assert_eq!(one("in the 19th century", &c), ("the 19th century".into(), "18".into()));
    assert_eq!(one("last summer", &c), ("last summer".into(), "2022-SU".into()));
    assert_eq!(one("the third quarter of 2021", &c).1, "2021-Q3");
    assert_eq!(one("at 10:30 a.m.", &c).1, "2023-03-10T10:30");
    assert!(values("Prices fall in spring rain.", &c).len() == 1);
    assert!(values("Prices fall.", &c).is_empty());
}

#[test]
fn ranges_join_two_dates() {
    let c = ctx(2023, 3, 10);
    for text in ["He led from 1991 to 2006.", "between 1991 and 2006", "the 1991-2006 period"] {
        let t = tag(text, &c);
        let r = ranges(text, &t);
        assert_eq!(r.len(), 1, "{text}: {t:?}");
        assert_eq!(r[0].span.earliest_str(), "1991");
        assert_eq!(r[0].span.latest_str(), "2006");
    }
}

#[test]
fn without_reference_nothing_is_invented() {
    let c = Context::default();
    let t = &tag("On Monday the strike began.", &c)[0];
    assert_eq!(t.value, "XXXX-WXX-1");
    assert_eq!(t.span, None);
    let t = &tag("The strike began last week.", &c)[0];
    assert_eq!(t.value, "PAST_REF");
    assert_eq!(t.span, None);
}

#[test]
fn a_hyphen_between_two_days_is_no_compound() {
    let c = ctx(2006, 12, 29);
    let values =
        |text: &str| tag(text, &c).into_iter().map(|t| (t.text, t.value)).collect::<Vec<_>>();
    assert_eq!(
        values("Failures of the July 12-August 14 Lebanon war"),
        [("July 12".into(), "2006-07-12".into()), ("August 14".into(), "2006-08-14".into())]
    );
    // a compound still keeps its words out: "a March 3-style strike"
    assert!(values("a March 3-style strike").is_empty(), "{:?}", values("a March 3-style strike"));
}
