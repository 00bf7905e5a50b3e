//! The images a journalist pastes into a report, checked as usvg and as a
//! browser lay them out: the shipped image and the same corpus as an
//! entity timeline, in the vertical layout, cut to five events, in the
//! dark theme, at column size, and inside the HTML report (see
//! `timeline::render::geometry` for what may not meet).

use std::path::Path;
use std::process::Command;

use assert_cmd::prelude::*;
use timeline::render::geometry::{self, Item, Role};

use super::{read, root, timeline};

/// The variants: a name and the image's SVG, drawn into `dir`.
fn variants(dir: &Path) -> Vec<(String, String)> {
    let mut out = vec![("shipped".to_string(), read(root().join("timelines/kazakhstan-2022.svg")))];
    let entity = dir.join("tokayev.svg");
    timeline()
        .args(["build", "corpus/kazakhstan-2022", "--entity", "Tokayev", "-o"])
        .arg(&entity)
        .assert()
        .success();
    out.push(("--entity Tokayev".into(), read(&entity)));
    for args in [
        &["--layout", "vertical"][..],
        &["--max-events", "5"],
        &["--theme", "dark"],
        &["--size", "column"],
        &["--size", "column", "--layout", "vertical"],
        &["--size", "slide"],
    ] {
        let svg = dir.join(format!("{}.svg", args.join("_").replace('-', "")));
        timeline()
            .args(["render", "timelines/kazakhstan-2022.json", "-o"])
            .arg(&svg)
            .args(args)
            .assert()
            .success();
        out.push((args.join(" "), read(&svg)));
    }
    out
}

#[test]
fn every_variant_of_the_shipped_image_is_clean_as_usvg_lays_it_out() {
    let dir = tempfile::tempdir().unwrap();
    for (name, svg) in variants(dir.path()) {
        let (items, w, h) = geometry::items(&svg).unwrap();
        assert!(items.iter().filter(|i| i.role == Role::Mark).count() >= 5, "{name}");
        assert!(items.iter().any(|i| i.role == Role::Badge), "{name}");
        assert!(items.iter().any(|i| i.role == Role::Axis), "{name}");
        let problems = geometry::problems(&items, w, h, 0.0);
        assert!(problems.is_empty(), "{name}:\n{}", problems.join("\n"));
    }
}

/// A page script that lists every drawn thing of the page's SVG with its
/// role, as `geometry::Item`s relative to the SVG, the page's links to
/// places it does not hold (a citation or finding whose target is
/// missing), and the page's width against the window's.
const SCRIPT: &str = r##"<script>
const svg = document.querySelector('svg');
const o = svg.getBoundingClientRect();
const box = el => { const r = el.getBoundingClientRect(); return [r.left - o.left, r.top - o.top, r.right - o.left, r.bottom - o.top]; };
const items = [];
for (const el of svg.querySelectorAll('text')) {
  if (el.closest('#grid') || el.closest('.badge') || !el.textContent.trim()) continue;
  items.push(['Text', el.textContent, ...box(el)]);
}
for (const el of svg.querySelectorAll('.badge')) items.push(['Badge', el.textContent, ...box(el)]);
for (const el of svg.querySelectorAll('.mark')) items.push(['Mark', 'mark', ...box(el)]);
for (const el of svg.querySelectorAll('#axis line, #axis rect')) items.push(['Axis', 'axis', ...box(el)]);
const pre = document.createElement('pre');
pre.id = 'boxes';
const broken = [...document.querySelectorAll('a[href^="#"]')]
  .filter(a => !document.getElementById(a.getAttribute('href').slice(1)))
  .map(a => a.getAttribute('href'));
pre.textContent = JSON.stringify({size: [o.width, o.height], items, broken,
  page: document.documentElement.scrollWidth, window: window.innerWidth});
document.body.appendChild(pre);
</script>"##;

/// What Chromium lays out for `page` in a window `width` px wide: the
/// items, the SVG's size, and the page's scroll width.
fn browser_layout(
    browser: &str,
    dir: &Path,
    name: &str,
    page: &str,
    width: u32,
) -> (Vec<Item>, f64, f64, f64) {
    let path = dir.join(format!("{}.html", name.replace(|c: char| !c.is_alphanumeric(), "_")));
    std::fs::write(&path, page.replace("</body>", &format!("{SCRIPT}</body>"))).unwrap();
    let profile = dir.join(format!("profile-{width}"));
    let out = Command::new(browser)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"])
        .args(["--disable-background-networking", "--disable-component-update", "--disable-sync"])
        .arg(format!("--window-size={width},900"))
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", path.display()))
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&out.stdout);
    let json =
        dom.split_once("<pre id=\"boxes\">").and_then(|(_, r)| r.split_once("</pre>")).map_or_else(
            || panic!("{name}: no boxes in the DOM:\n{}", String::from_utf8_lossy(&out.stderr)),
            |(j, _)| j.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"),
        );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let f = |x: &serde_json::Value| x.as_f64().unwrap();
    let items = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| Item {
            role: match t[0].as_str().unwrap() {
                "Text" => Role::Text,
                "Badge" => Role::Badge,
                "Mark" => Role::Mark,
                _ => Role::Axis,
            },
            name: t[1].as_str().unwrap().to_string(),
            rect: [f(&t[2]), f(&t[3]), f(&t[4]), f(&t[5])],
        })
        .collect();
    let broken = v["broken"].as_array().unwrap();
    assert!(broken.is_empty(), "{name}: links to nothing: {broken:?}");
    let page_width = f(&v["page"]);
    assert!(page_width <= f(&v["window"]) + 0.5, "{name}: the page scrolls sideways");
    (items, f(&v["size"][0]), f(&v["size"][1]), page_width)
}

/// The browser's own boxes: Chromium (headless) loads each variant and
/// the HTML report, a script reads `getBoundingClientRect` of every drawn
/// thing, and `--dump-dom` hands the boxes back. Screenshots paint no
/// glyphs on these machines, so boxes are read, not pixels. CI installs
/// Chromium and sets `TIMELINE_REQUIRE_BROWSER`, so there the test cannot
/// be skipped.
#[test]
fn every_variant_and_the_report_are_clean_in_the_browser() {
    let Some(browser) = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| Command::new(b).arg("--version").output().is_ok_and(|o| o.status.success()))
    else {
        assert!(
            std::env::var_os("TIMELINE_REQUIRE_BROWSER").is_none(),
            "TIMELINE_REQUIRE_BROWSER is set but no Chromium was found"
        );
        eprintln!("skipped: no Chromium on this machine");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut pages: Vec<(String, String, u32)> = variants(dir.path())
        .into_iter()
        .map(|(name, svg)| {
            let page = format!("<!DOCTYPE html><html><body style=\"margin:0\">{svg}</body></html>");
            (name, page, 1400)
        })
        .collect();
    for (theme, width) in [("light", 1400), ("dark", 600)] {
        let report = dir.path().join(format!("report-{theme}.html"));
        timeline()
            .args(["render", "timelines/kazakhstan-2022.json", "--theme", theme, "-o"])
            .arg(&report)
            .assert()
            .success();
        pages.push((format!("report {theme} at {width} px"), read(&report), width));
    }
    for (name, page, width) in pages {
        let (items, w, h, _) = browser_layout(browser, dir.path(), &name, &page, width);
        assert!(items.len() > 40, "{name}: only {} items", items.len());
        // browsers' line boxes include the leading: a pixel of slack
        let problems = geometry::problems(&items, w, h, 1.0);
        assert!(problems.is_empty(), "{name}:\n{}", problems.join("\n"));
    }
}
