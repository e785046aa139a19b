//! `--chart FILE.svg` / `FILE.png`: an SVG document (or that document drawn as a PNG picture)
//! with one bar per unit, each group's units by rank, coloured by band, lengths proportional to
//! the index minus the axis start (stated on the chart), each group's average marked and never
//! covered by a figure, every name whole.

use std::collections::BTreeMap;

use crate::common::*;
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

/// A `<text>` of the chart: where it starts (x, as anchored), its middle line, size, anchor and
/// content.
struct Text {
    x: f64,
    y: f64,
    size: f64,
    anchor: String,
    text: String,
}

fn texts(doc: &roxmltree::Document) -> Vec<Text> {
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| {
            let num = |a: &str| n.attribute(a).unwrap().parse::<f64>().unwrap();
            Text {
                x: num("x"),
                y: num("y"),
                size: num("font-size"),
                anchor: n.attribute("text-anchor").unwrap_or("start").to_string(),
                text: n.text().unwrap_or("").to_string(),
            }
        })
        .collect()
}

/// The x of each group's average line: the vertical dashed lines, top to bottom.
fn average_lines(doc: &roxmltree::Document) -> Vec<f64> {
    doc.descendants()
        .filter(|n| n.has_tag_name("line") && n.attribute("stroke-dasharray").is_some())
        .filter(|n| n.attribute("x1") == n.attribute("x2"))
        .map(|n| n.attribute("x1").unwrap().parse().unwrap())
        .collect()
}

#[test]
fn one_bar_per_unit_by_rank_coloured_by_band() {
    let (svg, json) = chart(&[]);
    let doc = roxmltree::Document::parse(&svg).expect("the chart is XML");
    let root = doc.root_element();
    assert!(root.has_tag_name("svg"));
    assert_eq!(root.attribute("width"), Some("794"), "A4 width at 96 dpi");
    assert!(
        root.attribute("font-family")
            .unwrap()
            .starts_with("DejaVu Sans"),
        "the embedded font first"
    );
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
    let x0 = bars[0].x;
    assert!(
        bars.iter().all(|b| (b.x - x0).abs() < 0.01),
        "bars start together"
    );

    let texts = texts(&doc);
    // each group's axis starts near its lowest index, says so under the axis, and has its start
    // as the first tick label at the bars' start
    let starts: Vec<f64> = texts
        .iter()
        .filter_map(|t| t.text.split("trục bắt đầu từ ").nth(1))
        .map(|rest| rest.split(',').next().unwrap().parse().unwrap())
        .collect();
    assert_eq!(
        starts.len(),
        2,
        "one axis per group, each stating its start"
    );
    let index = |u: &Value| -> f64 { dec(&u["par"]["index"]).to_string().parse().unwrap() };
    for (group, start) in ["so", "huyen"].iter().zip(&starts) {
        let lowest = units
            .iter()
            .filter(|u| u["group"] == *group)
            .map(index)
            .fold(f64::INFINITY, f64::min);
        assert!(
            *start < lowest && lowest - start <= 6.0,
            "{group}: axis from {start}, lowest {lowest}"
        );
        assert!(
            texts.iter().any(|t| t.text == start.to_string()
                && t.anchor == "middle"
                && (t.x - x0).abs() < 0.01),
            "{group}: tick {start} at the bars' start"
        );
    }
    // a bar's length is proportional to its index minus its group's axis start
    for (group, start) in ["so", "huyen"].iter().zip(&starts) {
        let rows: Vec<(&Bar, &Value)> = bars
            .iter()
            .zip(units)
            .filter(|(_, u)| u["group"] == *group)
            .collect();
        let scale = rows[0].0.width / (index(rows[0].1) - start);
        for (bar, u) in &rows {
            let expected = (index(u) - start) * scale;
            assert!(
                (bar.width - expected).abs() <= 0.05,
                "{}: {} vs {expected}",
                u["code"],
                bar.width
            );
        }
        // so that 93.44 and 93.28 are told apart by more than a hair
        if *group == "so" {
            assert!(0.16 * scale > 1.0, "{scale} px a point");
        }
    }
    // every unit is named whole (its name wrapped onto lines, nothing cut)
    let all_text = texts
        .iter()
        .map(|t| t.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(!all_text.contains('…'), "no name is cut");
    for u in units {
        let label = format!("{}. {}", u["par"]["rank"], u["name"].as_str().unwrap());
        assert!(all_text.contains(&label), "{label}");
    }
    // each group's average is marked, and no figure covers its line
    let averages: Vec<&str> = texts
        .iter()
        .filter_map(|t| t.text.strip_prefix("trung bình "))
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
    assert_eq!(averages, [mean("so"), mean("huyen")], "{all_text}");
    let lines = average_lines(&doc);
    assert_eq!(lines.len(), 2);
    let mut covered_before = 0;
    for ((bar, u), _) in bars.iter().zip(units).zip(0..) {
        let line = if u["group"] == "so" {
            lines[0]
        } else {
            lines[1]
        };
        let figure = dec(&u["par"]["index"]).to_string();
        let middle = bar.y + 8.0;
        let t = texts
            .iter()
            .find(|t| t.text == figure && t.anchor == "start" && (t.y - middle).abs() < 8.0)
            .unwrap_or_else(|| panic!("{}: the figure {figure} by its bar", u["code"]));
        // a digit or a point of DejaVu Sans is at most 0.64 of the size wide
        let right = t.x + figure.len() as f64 * 0.64 * t.size;
        assert!(
            line < t.x - 1.0 || line > right + 1.0,
            "{}: the figure {figure} ({} … {right}) covers the average line at {line}",
            u["code"],
            t.x
        );
        // the figure is beside its bar, or just past the average line
        let beside = (t.x - (bar.x + bar.width) - 5.0).abs() < 0.05;
        let past_line = (t.x - line - 6.0).abs() < 0.05;
        assert!(beside || past_line, "{}: figure at {}", u["code"], t.x);
        if past_line && !beside {
            covered_before += 1;
        }
    }
    assert!(
        covered_before > 0,
        "the sample has figures that sat on the average line"
    );
}

/// `--chart FILE.png`: the same chart as a PNG picture at twice the SVG's pixels (192 dpi, said
/// in the file), its Vietnamese text drawn with the embedded font.
#[test]
fn a_png_chart_is_the_svg_drawn_at_192_dpi() {
    let dir = tempfile::tempdir().unwrap();
    let sample = sample();
    let (png_path, svg_path) = (dir.path().join("c.png"), dir.path().join("c.svg"));
    for path in [&png_path, &svg_path] {
        let (code, _, err) = run(&[
            "compute",
            sample.to_str().unwrap(),
            "--format",
            "json",
            "--chart",
            path.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{err}");
    }
    let svg = std::fs::read_to_string(&svg_path).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let size = |a: &str| -> u32 { doc.root_element().attribute(a).unwrap().parse().unwrap() };
    let (width, height) = (size("width"), size("height"));

    let bytes = std::fs::read(&png_path).unwrap();
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG file");
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().unwrap();
    let info = reader.info();
    assert_eq!((info.width, info.height), (2 * width, 2 * height));
    let dims = info.pixel_dims.expect("the resolution is in the file");
    assert_eq!((dims.xppu, dims.unit), (7559, png::Unit::Meter), "192 dpi");
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let frame = reader.next_frame(&mut pixels).unwrap();
    let channels = frame.line_size / frame.width as usize;
    let dark = |x0: u32, y0: u32, x1: u32, y1: u32| -> usize {
        let mut count = 0;
        for y in y0..y1 {
            for x in x0..x1 {
                let at = y as usize * frame.line_size + x as usize * channels;
                let luminance = pixels[at..at + 3]
                    .iter()
                    .map(|&c| u32::from(c))
                    .sum::<u32>()
                    / 3;
                if luminance < 96 {
                    count += 1;
                }
            }
        }
        count
    };
    // the title, centred at the top: text drawn, in black
    let title = texts(&doc).into_iter().next().unwrap();
    assert!(title.text.starts_with("Chỉ số cải cách hành chính"));
    let (ty, tx) = (2 * title.y as u32, 2 * title.x as u32);
    assert!(
        dark(tx - 300, ty - 30, tx + 300, ty + 8) > 2000,
        "the title's letters are drawn"
    );
    // nothing but the title there: left of it and above it is white
    assert_eq!(dark(0, 0, 2 * width, 8), 0);
    assert_eq!(dark(0, ty - 30, 40, ty + 8), 0);
    // the names: a unit's name right-aligned before its bar is drawn too
    let bars = {
        let mut b = bars(&doc);
        b.sort_by(|a, b| a.y.total_cmp(&b.y));
        b
    };
    let first = &bars[0];
    let (bx, by) = ((2.0 * first.x) as u32, (2.0 * first.y) as u32);
    assert!(
        dark(bx - 250, by, bx - 12, by + 32) > 300,
        "the first unit's name"
    );
    // and the words of a name with diacritics fill more than plain ASCII would leave empty
    assert!(
        dark(0, by + 48, bx - 12, by + 80) > 300,
        "the second unit's name"
    );
}

#[test]
fn a_chart_file_must_be_svg_or_png() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("phu-luc.csv");
    let (code, stdout, err) = run(&[
        "compute",
        sample().to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
        "--chart",
        dir.path().join("c.jpg").to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains(".svg, .png"), "{err}");
    assert!(stdout.is_empty());
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing written"
    );
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
