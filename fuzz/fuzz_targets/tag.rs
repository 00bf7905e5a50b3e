//! The time expression tagger on any text, with and without a reference
//! day: no panic, and every span lies on character boundaries.
#![no_main]
use libfuzzer_sys::fuzz_target;
use timeline::extract::timex::{self, Context};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for ctx in [
        Context::default(),
        Context { reference: chrono_day(data), inferred: data.len() % 2 == 0, year: None },
    ] {
        for t in timex::tag(&text, &ctx) {
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            assert_eq!(&text[t.start..t.end], t.text);
        }
    }
});

fn chrono_day(data: &[u8]) -> Option<chrono::NaiveDate> {
    let n = data.iter().fold(0u32, |a, &b| a.wrapping_mul(31).wrapping_add(u32::from(b)));
    chrono::NaiveDate::from_ymd_opt(1900 + (n % 200) as i32, 1 + n % 12, 1 + n % 28)
}
