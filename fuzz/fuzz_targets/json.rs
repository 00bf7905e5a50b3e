//! The JSON readers on any bytes: a timeline JSON (then drawn), and a
//! mention record (then merged into a timeline).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok((t, _)) = timeline::parse_timeline(text, std::path::Path::new("f.json")) {
        let _ = timeline::render::render(&t, &timeline::render::RenderOptions::default());
    }
    if let Ok(e) = serde_json::from_str::<timeline::model::Extracted>(text) {
        if e.check().is_ok() {
            let _ = timeline::build_from_parts(vec![e]);
        }
    }
});
