//! The PAR index as a chart for the decision: for each group, its units ranked by index as
//! horizontal bars coloured by band (xếp loại), the group's average (the mean of its units'
//! exact indices, published) marked by a dashed line, drawn with `plotters` as SVG at the width
//! of an A4 page (794 px = 210 mm at 96 dpi).
//!
//! Bars start at 0, so that their lengths compare honestly; each carries its published index.
//! The legend marks bands with circles, so that every rectangle drawn in a band's colour is
//! a unit's bar (the only other rectangles are white).

use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rust_decimal::Decimal;

use crate::criteria::Criteria;
use crate::decimal::{fixed, publish};
use crate::stages::Results;

/// Width of an A4 page at 96 dpi, in pixels.
pub const WIDTH: u32 = 794;
/// Height of one bar's row.
const ROW: u32 = 24;
const FONT: &str = "sans-serif";

/// Colours of the bands, in the order the criteria list them (best first), then grey for a
/// unit without a band.
pub const PALETTE: [(u8, u8, u8); 6] = [
    (0x2E, 0x7D, 0x32), // green
    (0x15, 0x65, 0xC0), // blue
    (0xEF, 0x6C, 0x00), // orange
    (0xC6, 0x28, 0x28), // red
    (0x6A, 0x1B, 0x9A), // purple
    (0x54, 0x6E, 0x7A), // blue grey
];
const NO_BAND: RGBColor = RGBColor(0x9E, 0x9E, 0x9E);

fn band_colour(criteria: &Criteria, band: Option<&str>) -> RGBColor {
    band.and_then(|b| criteria.bands.iter().position(|x| x.name == b))
        .map_or(NO_BAND, |i| {
            let (r, g, b) = PALETTE[i % PALETTE.len()];
            RGBColor(r, g, b)
        })
}

/// The chart of `groups` as an SVG document.
pub fn render(criteria: &Criteria, results: &Results, groups: &[usize]) -> anyhow::Result<String> {
    let d = criteria.publish.decimals;
    let panels: Vec<(usize, Vec<&crate::stages::UnitResult>)> = groups
        .iter()
        .map(|&g| (g, results.by_par_rank(g)))
        .filter(|(_, units)| !units.is_empty())
        .collect();
    const HEAD: u32 = 80;
    const PANEL_EXTRA: u32 = 90;
    let height = HEAD
        + panels
            .iter()
            .map(|(_, u)| u.len() as u32 * ROW + PANEL_EXTRA)
            .sum::<u32>()
        + 10;
    // The longest label decides the left margin, within 45% of the width.
    let labels: Vec<Vec<String>> = panels
        .iter()
        .map(|(_, units)| {
            units
                .iter()
                .map(|u| {
                    // the marks of the annexes: * rank decided below the published precision,
                    // † satisfaction index from fewer questionnaires than the minimum
                    let star = if u.par.rank.note.is_some() { " *" } else { "" };
                    let dagger = if u.below_minimum { " †" } else { "" };
                    format!("{}. {}{star}{dagger}", u.par.rank.rank, u.name)
                })
                .collect()
        })
        .collect();
    let max_label = WIDTH * 45 / 100;
    let longest = labels
        .iter()
        .flatten()
        .map(|l| super::explain::text_width(l) as u32 * 7)
        .max()
        .unwrap_or(100);
    let label_area = longest.clamp(100, max_label) + 10;
    let max_chars = ((label_area - 10) / 7) as usize;

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE)?;
        let title = format!(
            "Chỉ số cải cách hành chính năm {} — tỉnh {}",
            criteria.year, criteria.province
        );
        root.draw(&Text::new(
            title,
            (WIDTH as i32 / 2, 22),
            (FONT, 20)
                .into_font()
                .style(FontStyle::Bold)
                .color(&BLACK)
                .pos(Pos::new(HPos::Center, VPos::Center)),
        ))?;
        // Legend: a circle per band, then the group average's dashes.
        let mut x = 30;
        let y = 56;
        for (i, band) in criteria.bands.iter().enumerate() {
            let (r, g, b) = PALETTE[i % PALETTE.len()];
            root.draw(&Circle::new((x, y), 6, RGBColor(r, g, b).filled()))?;
            let text = format!("{}: {}", band.name, band.interval.describe("%"));
            root.draw(&Text::new(
                text.clone(),
                (x + 10, y),
                TextStyle::from((FONT, 13).into_font()).pos(Pos::new(HPos::Left, VPos::Center)),
            ))?;
            x += 24 + super::explain::text_width(&text) as i32 * 7;
        }
        root.draw(&DashedPathElement::new(
            vec![(x, y), (x + 24, y)],
            5,
            3,
            BLACK.stroke_width(2),
        ))?;
        root.draw(&Text::new(
            "trung bình nhóm",
            (x + 30, y),
            TextStyle::from((FONT, 13).into_font()).pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        let units = panels.iter().flat_map(|(_, units)| units.iter());
        let marks = [
            (
                units.clone().any(|u| u.par.rank.note.is_some()),
                "* hạng quyết định trên giá trị chưa làm tròn",
            ),
            (
                units.clone().any(|u| u.below_minimum),
                "† chỉ số hài lòng từ dưới số phiếu tối thiểu",
            ),
        ];
        let note = marks
            .iter()
            .filter(|(on, _)| *on)
            .map(|(_, t)| *t)
            .collect::<Vec<_>>()
            .join("; ");
        if !note.is_empty() {
            root.draw(&Text::new(
                note,
                (30, y + 18),
                TextStyle::from((FONT, 12).into_font()).pos(Pos::new(HPos::Left, VPos::Center)),
            ))?;
        }

        let mut top = HEAD;
        for ((g, units), labels) in panels.iter().zip(&labels) {
            let group = &criteria.groups[*g];
            let n = units.len();
            let panel_height = n as u32 * ROW + PANEL_EXTRA;
            let area = root.clone().shrink((0, top), (WIDTH, panel_height));
            top += panel_height;
            let mut chart = ChartBuilder::on(&area)
                .caption(
                    format!("{} ({} đơn vị)", group.name, n),
                    (FONT, 16).into_font().style(FontStyle::Bold),
                )
                .margin_left(10)
                .margin_right(60)
                .margin_top(8)
                .x_label_area_size(40)
                .y_label_area_size(label_area)
                .build_cartesian_2d(0f64..100f64, 0f64..n as f64)?;
            chart
                .configure_mesh()
                .disable_y_mesh()
                .y_labels(0)
                .x_labels(11)
                .x_label_formatter(&|v| format!("{v:.0}"))
                .x_desc("Chỉ số CCHC (%)")
                .label_style((FONT, 12))
                .axis_desc_style((FONT, 13))
                .light_line_style(RGBColor(0xEE, 0xEE, 0xEE))
                .draw()?;
            // Rank 1 at the top: the unit at position k occupies [n-k-1, n-k].
            let row_of = |k: usize| (n - k) as f64;
            // The group's average behind the bars: the mean of the exact indices.
            let mean = units.iter().map(|u| u.par.index).sum::<Decimal>() / Decimal::from(n as u64);
            let mean_x = decimal_f64(publish(mean, d)).clamp(0.0, 100.0);
            chart.draw_series(std::iter::once(DashedPathElement::new(
                vec![(mean_x, 0.0), (mean_x, n as f64)],
                5,
                3,
                BLACK.stroke_width(2),
            )))?;
            let (mx, my) = chart.backend_coord(&(mean_x, n as f64));
            root.draw(&Text::new(
                format!("trung bình {}", fixed(mean, d)),
                (mx, my - 2),
                TextStyle::from((FONT, 12).into_font().style(FontStyle::Bold))
                    .pos(Pos::new(HPos::Center, VPos::Bottom)),
            ))?;
            chart.draw_series(units.iter().enumerate().map(|(k, u)| {
                let value = decimal_f64(publish(u.par.index, d)).clamp(0.0, 100.0);
                Rectangle::new(
                    [(0.0, row_of(k) - 0.15), (value, row_of(k) - 0.85)],
                    band_colour(criteria, u.par.band.as_deref()).filled(),
                )
            }))?;
            for (k, u) in units.iter().enumerate() {
                let value = decimal_f64(publish(u.par.index, d)).clamp(0.0, 100.0);
                let (px, py) = chart.backend_coord(&(value, row_of(k) - 0.5));
                let text = fixed(u.par.index, d);
                // A white ground under the figure, so that the average's line does not cross it.
                let w = text.len() as i32 * 7 + 4;
                root.draw(&Rectangle::new(
                    [(px + 2, py - 8), (px + 2 + w, py + 8)],
                    WHITE.filled(),
                ))?;
                root.draw(&Text::new(
                    text,
                    (px + 4, py),
                    TextStyle::from((FONT, 12).into_font()).pos(Pos::new(HPos::Left, VPos::Center)),
                ))?;
                let (lx, ly) = chart.backend_coord(&(0.0, row_of(k) - 0.5));
                root.draw(&Text::new(
                    cut(&labels[k], max_chars),
                    (lx - 6, ly),
                    TextStyle::from((FONT, 12).into_font())
                        .pos(Pos::new(HPos::Right, VPos::Center)),
                ))?;
            }
        }
        root.present()?;
    }
    Ok(svg)
}

/// A published figure as the nearest double, for a coordinate.
fn decimal_f64(d: Decimal) -> f64 {
    d.to_string().parse().unwrap_or(0.0)
}

fn cut(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(width.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}
