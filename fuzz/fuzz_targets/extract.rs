//! The whole pipeline on any article text, with the learned event model's
//! mentions: quotes are exactly the text at their offsets.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = timeline::corpus::parse_document(std::path::Path::new("f.txt"), data.to_vec())
    else {
        return;
    };
    let text = doc.text.clone();
    let Ok(part) = timeline::extract::extract_checked(doc, timeline::Detail::All) else {
        panic!("extraction failed");
    };
    let t = timeline::build_from_parts_with(vec![part], timeline::Detail::All);
    for e in &t.events {
        for m in &e.mentions {
            assert_eq!(&text[m.start..m.end], m.quote);
        }
    }
});
