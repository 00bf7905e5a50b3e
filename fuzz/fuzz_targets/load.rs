//! The loaders on any bytes: text files with headers, web pages, and
//! records of JSON collections. Errors are fine; panics are not.
#![no_main]
use std::path::{Path, PathBuf};

use libfuzzer_sys::fuzz_target;
use timeline::corpus::{self, Unit};

fuzz_target!(|data: &[u8]| {
    if let Ok(l) = corpus::parse_text(Path::new("f.txt"), data.to_vec()) {
        assert_eq!(l.document.text.len(), data.len());
    }
    let _ = corpus::parse_html(Path::new("f.html"), data.to_vec());
    let _ = corpus::load_unit(Unit::Line {
        origin: PathBuf::from("f.jsonl"),
        line: 1,
        bytes: data.to_vec(),
    });
});
