//! Defence in depth: a bug in extraction loses one document, never a run.
//!
//! [`guarded`] runs one document's extraction and turns a panic into an
//! error message with the place in the extractor; the caller reports it as
//! that document's error, naming its path, and goes on with the others.
//! [`quiet_guarded_panics`] (called once by the binary) keeps such panics
//! from also printing Rust's "thread panicked" banner from an unnamed
//! worker thread; every other panic is printed as usual.

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};

thread_local! {
    static GUARDED: Cell<bool> = const { Cell::new(false) };
    static PLACE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Install a panic hook that stays silent for panics inside [`guarded`]
/// (they are reported as document errors) and prints all others as the
/// default hook does.
pub fn quiet_guarded_panics() {
    let default = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        if GUARDED.with(Cell::get) {
            let place = info.location().map(|l| format!("{}:{}", l.file(), l.line()));
            PLACE.with(|p| *p.borrow_mut() = place);
        } else {
            default(info);
        }
    }));
}

/// Run `f`, returning what it panicked with (and where, when the hook of
/// [`quiet_guarded_panics`] is installed) instead of unwinding further.
///
/// # Errors
/// The panic's message.
pub fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, crate::error::Panicked> {
    let was = GUARDED.with(|g| g.replace(true));
    PLACE.with(|p| p.borrow_mut().take());
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    GUARDED.with(|g| g.set(was));
    result.map_err(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic".into());
        // a slicing panic quotes the whole text: keep the start
        let what = match what.char_indices().nth(200) {
            Some((i, _)) => format!("{}…", &what[..i]),
            None => what,
        };
        crate::error::Panicked(match PLACE.with(|p| p.borrow_mut().take()) {
            Some(place) => format!("{what} (at {place})"),
            None => what,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_its_message() {
        assert_eq!(guarded(|| 2 + 2), Ok(4));
        let e = guarded(|| -> usize { panic!("slice {} out of range", 7) }).unwrap_err();
        assert!(e.0.starts_with("slice 7 out of range"), "{e}");
        // nesting keeps the outer guard on
        let outer = guarded(|| guarded(|| panic!("inner")).unwrap_err().0);
        assert_eq!(outer.map_err(|e| e.0).as_deref(), Ok("inner"));
    }
}
