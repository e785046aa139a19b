//! `--chart FILE.svg`: an SVG document with one bar per unit, each group's units by rank,
//! coloured by band, lengths proportional to the index, and each group's average marked.

mod common;

use std::collections::BTreeMap;

use common::*;
use serde_json::Value;

struct Bar {
    x: f64,
    y: f64,
    width: f64,
    fill: String,
}

fn chart(extra: &[&str]) -> (String, Value) {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("chi-so.svg");
    let sample = sample();
    let mut args = vec![
        "compute",
        sample.to_str().unwrap(),
        "--annex",
        "par",
        "--chart",
        svg.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let (code, _, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    let json = compute_json(&sample, extra);
    (std::fs::read_to_string(&svg).unwrap(), json)
}

fn bars(doc: &roxmltree::Document) -> Vec<Bar> {
    doc.descendants()
        .filter(|n| n.has_tag_name("rect"))
        .filter(|n| {
            let fill = n.attribute("fill").unwrap_or("none");
            !fill.eq_ignore_ascii_case("#FFFFFF") && fill != "none"
        })
        .map(|n| {
            let num = |a: &str| n.attribute(a).unwrap().parse::<f64>().unwrap();
            Bar {
                x: num("x"),
                y: num("y"),
                width: num("width"),
                fill: n.attribute("fill").unwrap().to_string(),
            }
        })
        .collect()
}

#[test]
fn one_bar_per_unit_by_rank_coloured_by_band() {
    let (svg, json) = chart(&[]);
    let doc = roxmltree::Document::parse(&svg).expect("the chart is XML");
    let root = doc.root_element();
    assert!(root.has_tag_name("svg"));
    assert_eq!(root.attribute("width"), Some("794"), "A4 width at 96 dpi");
    let mut bars = bars(&doc);
    let units = json["units"].as_array().unwrap();
    assert_eq!(bars.len(), units.len(), "one bar per unit");
    assert_eq!(bars.len(), 31);
    // top to bottom: the departments by rank, then the districts by rank, as the JSON lists them
    bars.sort_by(|a, b| a.y.total_cmp(&b.y));
    let mut colour_of_band: BTreeMap<String, String> = BTreeMap::new();
    for (bar, u) in bars.iter().zip(units) {
        let band = u["par"]["band"].as_str().unwrap().to_string();
        let colour = colour_of_band
            .entry(band.clone())
            .or_insert(bar.fill.clone());
        assert_eq!(*colour, bar.fill, "{}: band {band}", u["code"]);
    }
    // different bands, different colours
    let mut colours: Vec<&String> = colour_of_band.values().collect();
    colours.dedup();
    assert_eq!(colours.len(), colour_of_band.len());
    assert!(colour_of_band.len() >= 3, "the sample has bands A to D");
    // bars start at 0 and their lengths are proportional to the index
    let scale = bars[0].width
        / dec(&units[0]["par"]["index"])
            .to_string()
            .parse::<f64>()
            .unwrap();
    for (bar, u) in bars.iter().zip(units) {
        let index: f64 = dec(&u["par"]["index"]).to_string().parse().unwrap();
        assert!(
            (bar.width - index * scale).abs() <= 1.5,
            "{}: {} vs {}",
            u["code"],
            bar.width,
            index * scale
        );
    }
    let x0 = bars[0].x;
    assert!(bars.iter().all(|b| (b.x - x0).abs() < 1.0));
    // every unit is named, and each group's average is marked
    let texts: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text().map(|t| t.trim().to_string()))
        .collect();
    for u in units {
        let label = format!("{}. {}", u["par"]["rank"], u["name"].as_str().unwrap());
        let prefix: String = label.chars().take(30).collect();
        assert!(texts.iter().any(|t| t.starts_with(&prefix)), "{label}");
    }
    let averages: Vec<&str> = texts
        .iter()
        .filter_map(|t| t.strip_prefix("trung bình "))
        .filter(|t| t.starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    let mean = |group: &str| {
        let indices: Vec<rust_decimal::Decimal> = units
            .iter()
            .filter(|u| u["group"] == group)
            .map(|u| dec(&u["par"]["index_exact"]))
            .collect();
        round2(
            indices.iter().sum::<rust_decimal::Decimal>()
                / rust_decimal::Decimal::from(indices.len()),
        )
        .to_string()
    };
    assert_eq!(averages, [mean("so"), mean("huyen")], "{texts:?}");
}

#[test]
fn one_group() {
    let (svg, json) = chart(&["--group", "huyen"]);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    assert_eq!(bars(&doc).len(), 11);
    assert_eq!(json["units"].as_array().unwrap().len(), 11);
}

#[test]
fn the_chart_goes_with_any_format_and_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let sample = sample();
    // a folder that does not exist: exit 5, nothing written to stdout
    let (code, out, err) = run(&[
        "compute",
        sample.to_str().unwrap(),
        "--format",
        "json",
        "--chart",
        dir.path().join("no/such/folder/c.svg").to_str().unwrap(),
    ]);
    assert_eq!(code, 5, "{err}");
    assert!(err.contains("cannot write"), "{err}");
    assert!(out.is_empty());
    // with JSON on stdout, the chart beside it
    let svg = dir.path().join("c.svg");
    let (code, out2, _) = run(&[
        "compute",
        sample.to_str().unwrap(),
        "--format",
        "json",
        "--chart",
        svg.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    assert!(out2.starts_with('{'));
    assert!(svg.is_file());
}
