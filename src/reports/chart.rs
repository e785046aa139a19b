//! The PAR index as a chart for the decision: for each group, its units ranked by index as
//! horizontal bars coloured by band (xếp loại), the group's average (the mean of its units'
//! exact indices, published) marked by a dashed line; an SVG document at the width of an A4
//! page (794 px = 210 mm at 96 dpi), or that document rendered to PNG ([`png`]).
//!
//! The value axis of each group starts near its lowest index (at the multiple of 5 at least one
//! point below it), so that 93.44 and 93.28 do not look the same; the start is written under
//! the axis ("trục bắt đầu từ 55, không từ 0") and the axis is drawn broken there, and a bar's
//! length is proportional to its index minus that start. Every bar carries its published index,
//! set beside the bar end, or past the average line when it would cover it. Names are whole,
//! wrapped onto as many lines as they need.
//!
//! Text is set in DejaVu Sans, built into the binary (assets/fonts): its advances measure the
//! names for wrapping, the SVG names it first (then Verdana, which is as wide, then any sans
//! serif), and the PNG is drawn with it alone, whatever fonts the machine has: for the PNG the
//! same chart is laid out with every text as the outlines of its glyphs (read with ttf-parser),
//! which resvg renders without font machinery of its own (its text stack, a text shaper and
//! two font readers, would add half again to the build).
//!
//! The legend marks bands with circles, so that every rectangle drawn in a band's colour is
//! a unit's bar (the only other rectangles are white).

use std::fmt::Write as _;
use std::sync::OnceLock;

use rust_decimal::Decimal;

use crate::criteria::Criteria;
use crate::decimal::{fixed, publish};
use crate::stages::{Results, UnitResult};

/// Width of an A4 page at 96 dpi, in pixels.
pub const WIDTH: u32 = 794;
/// The PNG has this many pixels for each pixel of the SVG (192 dpi: sharp when printed).
pub const PNG_SCALE: u32 = 2;
/// The family the SVG names, the embedded one first.
const FAMILY: &str = "DejaVu Sans, Verdana, sans-serif";
/// DejaVu Sans 2.37, regular and bold (assets/fonts/LICENSE).
pub const FONT_REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
pub const FONT_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// Font sizes (px) and the height of a line of names.
const TITLE: f64 = 17.0;
const CAPTION: f64 = 14.0;
const TEXT: f64 = 11.5;
const SMALL: f64 = 10.5;
const LINE: f64 = 14.0;
/// The least height of a unit's row, and the bars' thickness.
const ROW: f64 = 24.0;
const BAR: f64 = 16.0;
/// Margins: left of the names, right of the plot (room for a value past the last tick).
const LEFT: f64 = 12.0;
const RIGHT: f64 = 58.0;
/// The names take at most this share of the width; longer ones wrap.
const NAMES_SHARE: f64 = 0.42;

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
const NO_BAND: Rgb = (0x9E, 0x9E, 0x9E);

type Rgb = (u8, u8, u8);

fn band_colour(criteria: &Criteria, band: Option<&str>) -> Rgb {
    band.and_then(|b| criteria.bands.iter().position(|x| x.name == b))
        .map_or(NO_BAND, |i| PALETTE[i % PALETTE.len()])
}

fn hex((r, g, b): Rgb) -> String {
    format!("#{r:02X}{g:02X}{b:02X}")
}

/// DejaVu Sans regular and bold, parsed once; `None` if the embedded data did not parse (a test
/// holds that it does).
fn face(bold: bool) -> Option<&'static ttf_parser::Face<'static>> {
    static FACES: OnceLock<[Option<ttf_parser::Face<'static>>; 2]> = OnceLock::new();
    FACES
        .get_or_init(|| [FONT_REGULAR, FONT_BOLD].map(|data| ttf_parser::Face::parse(data, 0).ok()))
        [usize::from(bold)]
    .as_ref()
}

/// The glyphs of `text` (composed first, so that a name typed with combining marks takes the
/// font's precomposed Vietnamese letters) with their advances, in font units.
fn glyphs(face: &ttf_parser::Face, text: &str) -> Vec<(ttf_parser::GlyphId, f64)> {
    use unicode_normalization::UnicodeNormalization;
    text.nfc()
        .map(|c| {
            // a character the font lacks is drawn as its "no glyph" box
            let glyph = face.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
            let advance = face.glyph_hor_advance(glyph).unwrap_or(0);
            (glyph, f64::from(advance))
        })
        .collect()
}

/// The width of `text` set at `size` px in DejaVu Sans (bold or not), from the font's advances.
pub fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    match face(bold) {
        Some(f) => {
            let scale = size / f64::from(f.units_per_em());
            glyphs(f, text).iter().map(|(_, a)| a * scale).sum()
        }
        // an average letter's width
        None => text.chars().count() as f64 * size * 0.62,
    }
}

/// The outlines of `text` set at `size` px from (`x`, `baseline`), as an SVG path.
fn outline(text: &str, (x, baseline): (f64, f64), size: f64, bold: bool) -> String {
    struct Pen {
        d: String,
        x: f64,
        y: f64,
        scale: f64,
    }
    impl Pen {
        fn point(&mut self, px: f32, py: f32) {
            let _ = write!(
                self.d,
                " {} {}",
                n(self.x + f64::from(px) * self.scale),
                n(self.y - f64::from(py) * self.scale)
            );
        }
    }
    impl ttf_parser::OutlineBuilder for Pen {
        fn move_to(&mut self, x: f32, y: f32) {
            self.d.push('M');
            self.point(x, y);
        }
        fn line_to(&mut self, x: f32, y: f32) {
            self.d.push('L');
            self.point(x, y);
        }
        fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
            self.d.push('Q');
            self.point(x1, y1);
            self.point(x, y);
        }
        fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
            self.d.push('C');
            self.point(x1, y1);
            self.point(x2, y2);
            self.point(x, y);
        }
        fn close(&mut self) {
            self.d.push('Z');
        }
    }
    let Some(f) = face(bold) else {
        return String::new();
    };
    let scale = size / f64::from(f.units_per_em());
    let mut pen = Pen {
        d: String::new(),
        x,
        y: baseline,
        scale,
    };
    for (glyph, advance) in glyphs(f, text) {
        f.outline_glyph(glyph, &mut pen);
        pen.x += advance * scale;
    }
    pen.d
}

/// `text` in lines no wider than `width` at `size` px: broken between words, and inside a word
/// only when the word alone is wider. Nothing is cut.
pub fn wrap(text: &str, size: f64, width: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if text_width(&candidate, size, false) <= width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // a word wider than the line by itself: as many characters a line as fit
        for c in word.chars() {
            let mut next = line.clone();
            next.push(c);
            if !line.is_empty() && text_width(&next, size, false) > width {
                lines.push(std::mem::take(&mut line));
                line.push(c);
            } else {
                line = next;
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text` wrapped as [`wrap`] does, onto as few lines, but lines as even as they can be: no
/// word left alone on the last line when the lines can share them.
pub fn wrap_even(text: &str, size: f64, width: f64) -> Vec<String> {
    let lines = wrap(text, size, width);
    if lines.len() < 2 {
        return lines;
    }
    // the narrowest width that still needs no more lines
    let (mut lo, mut hi) = (0.0, width);
    for _ in 0..24 {
        let mid = (lo + hi) / 2.0;
        if wrap(text, size, mid).len() <= lines.len() {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    wrap(text, size, hi)
}

/// The value axis of a group whose published indices lie in `[lo, hi]`: from the multiple of 5
/// at least one point below the lowest (never below 0) to the multiple of 5 at least half a
/// point above the highest (never above 100), with a tick every 1, 5 or 10 points.
pub fn axis(lo: Decimal, hi: Decimal) -> (u32, u32, u32) {
    let five = Decimal::from(5);
    let start = ((lo - Decimal::ONE) / five).floor() * five;
    let end = ((hi + Decimal::new(5, 1)) / five).ceil() * five;
    let to_u32 = |d: Decimal| rust_decimal::prelude::ToPrimitive::to_u32(&d).unwrap_or(0);
    let start = to_u32(start.max(Decimal::ZERO).min(Decimal::from(95)));
    let end = to_u32(end.min(Decimal::ONE_HUNDRED)).max(start + 5);
    let step = match end - start {
        0..=15 => 1,
        16..=50 => 5,
        _ => 10,
    };
    (start, end, step)
}

/// An SVG document being written, in pixels; with `outlines`, its text as glyph outlines.
struct Svg {
    out: String,
    outlines: bool,
}

impl Svg {
    fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, fill: &str) {
        let _ = writeln!(
            self.out,
            r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{fill}"/>"#,
            n(x),
            n(y),
            n(w),
            n(h)
        );
    }

    fn line(&mut self, (x1, y1): (f64, f64), (x2, y2): (f64, f64), stroke: &str, width: f64) {
        let _ = writeln!(
            self.out,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{stroke}" stroke-width="{}"/>"#,
            n(x1),
            n(y1),
            n(x2),
            n(y2),
            n(width)
        );
    }

    fn dashed(&mut self, (x1, y1): (f64, f64), (x2, y2): (f64, f64)) {
        let _ = writeln!(
            self.out,
            r##"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#000000" stroke-width="2" stroke-dasharray="5 3"/>"##,
            n(x1),
            n(y1),
            n(x2),
            n(y2)
        );
    }

    fn circle(&mut self, (cx, cy): (f64, f64), r: f64, fill: &str) {
        let _ = writeln!(
            self.out,
            r#"<circle cx="{}" cy="{}" r="{}" fill="{fill}"/>"#,
            n(cx),
            n(cy),
            n(r)
        );
    }

    /// Text whose middle (half the height of a capital) is at `cy`; `anchor` is start, middle
    /// or end.
    fn text(&mut self, text: &str, (x, cy): (f64, f64), size: f64, anchor: &str, bold: bool) {
        let baseline = cy + size * 0.36;
        if self.outlines {
            let start = match anchor {
                "middle" => x - text_width(text, size, bold) / 2.0,
                "end" => x - text_width(text, size, bold),
                _ => x,
            };
            let d = outline(text, (start, baseline), size, bold);
            if !d.is_empty() {
                let _ = writeln!(self.out, r##"<path d="{d}" fill="#000000"/>"##);
            }
            return;
        }
        let weight = if bold { r#" font-weight="bold""# } else { "" };
        let _ = writeln!(
            self.out,
            r#"<text x="{}" y="{}" font-size="{}" text-anchor="{anchor}"{weight}>{}</text>"#,
            n(x),
            n(baseline),
            n(size),
            escape(text)
        );
    }
}

/// A coordinate with at most two decimals, as short as it can be written.
fn n(v: f64) -> String {
    let r = (v * 100.0).round() / 100.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r}")
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A published figure as the nearest double, for a coordinate.
fn decimal_f64(d: Decimal) -> f64 {
    d.to_string().parse().unwrap_or(0.0)
}

/// One group's panel, laid out.
struct Panel<'a> {
    name: String,
    units: Vec<&'a UnitResult>,
    /// Each unit's name lines.
    labels: Vec<Vec<String>>,
    /// Each unit's row height.
    rows: Vec<f64>,
    /// Axis start, end and tick step.
    axis: (u32, u32, u32),
}

/// Heights of a panel's parts above and below its rows.
const PANEL_HEAD: f64 = 44.0;
const PANEL_FOOT: f64 = 58.0;

/// The chart of `groups` as an SVG document.
pub fn render(criteria: &Criteria, results: &Results, groups: &[usize]) -> anyhow::Result<String> {
    Ok(draw(criteria, results, groups, false))
}

/// The chart laid out as an SVG document, its text as `<text>` or, with `outlines`, as the
/// outlines of the embedded font's glyphs: the heading (title, legend, the marks used), then a
/// panel per group.
fn draw(criteria: &Criteria, results: &Results, groups: &[usize], outlines: bool) -> String {
    let width = f64::from(WIDTH);
    let (panels, names) = panels(criteria, results, groups);
    let plot = (LEFT + names + 10.0, width - RIGHT);
    let legend = Legend::place(criteria, width);
    let marks = marks(&panels);
    let head = 56.0 + f64::from(legend.lines) * 18.0 + if marks.is_empty() { 0.0 } else { 16.0 };
    let height = (head
        + panels
            .iter()
            .map(|p| PANEL_HEAD + p.rows.iter().sum::<f64>() + PANEL_FOOT)
            .sum::<f64>()
        + 8.0)
        .ceil();

    let mut svg = Svg {
        out: String::new(),
        outlines,
    };
    let _ = writeln!(
        svg.out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{h}" viewBox="0 0 {WIDTH} {h}" font-family="{FAMILY}">"#,
        h = n(height)
    );
    svg.rect(0.0, 0.0, width, height, "#FFFFFF");
    heading(&mut svg, criteria, &legend, &marks);
    let mut top = head;
    for p in &panels {
        top = panel(&mut svg, criteria, p, top, plot);
    }
    svg.out.push_str("</svg>\n");
    svg.out
}

/// A unit's label: its rank and name, with the marks of the annexes: * rank decided below the
/// published precision, † satisfaction index from fewer questionnaires than the minimum.
fn label_of(u: &UnitResult) -> String {
    let star = if u.par.rank.note.is_some() { " *" } else { "" };
    let dagger = if u.below_minimum { " †" } else { "" };
    format!("{}. {}{star}{dagger}", u.par.rank.rank, u.name)
}

/// The panels of the groups that have units, and the width of the names' column: as wide as
/// the widest name on one line, within its share of the width.
fn panels<'a>(
    criteria: &Criteria,
    results: &'a Results,
    groups: &[usize],
) -> (Vec<Panel<'a>>, f64) {
    let d = criteria.publish.decimals;
    let all: Vec<Vec<&UnitResult>> = groups
        .iter()
        .map(|&g| results.by_par_rank(g))
        .filter(|units| !units.is_empty())
        .collect();
    let widest = all
        .iter()
        .flatten()
        .map(|u| text_width(&label_of(u), TEXT, false))
        .fold(100.0, f64::max);
    let names = widest.min(f64::from(WIDTH) * NAMES_SHARE).ceil();
    let panels = groups
        .iter()
        .zip(all)
        .filter(|(_, units)| !units.is_empty())
        .map(|(&g, units)| {
            let labels: Vec<Vec<String>> = units
                .iter()
                .map(|u| wrap_even(&label_of(u), TEXT, names))
                .collect();
            let rows = labels
                .iter()
                .map(|l| ROW.max(l.len() as f64 * LINE + 8.0))
                .collect();
            let published = units.iter().map(|u| publish(u.par.index, d));
            let lo = published.clone().min().unwrap_or_default();
            let hi = published.max().unwrap_or_default();
            Panel {
                name: criteria.groups[g].name.clone(),
                units,
                labels,
                rows,
                axis: axis(lo, hi),
            }
        })
        .collect();
    (panels, names)
}

/// The legend: a circle per band, then the group average's dashes, on as many lines as needed.
struct Legend {
    /// Each entry's x, its line (from 1), its band's colour (none for the average's dashes)
    /// and its text.
    placed: Vec<(f64, u32, Option<Rgb>, String)>,
    lines: u32,
}

impl Legend {
    fn place(criteria: &Criteria, width: f64) -> Legend {
        let mut entries: Vec<(Option<Rgb>, String)> = criteria
            .bands
            .iter()
            .enumerate()
            .map(|(i, b)| {
                (
                    Some(PALETTE[i % PALETTE.len()]),
                    format!("{}: {}", b.name, b.interval.describe("%")),
                )
            })
            .collect();
        entries.push((None, "trung bình nhóm".to_string()));
        let mut lines = 1;
        let mut x = 30.0;
        let mut placed = Vec::new();
        for (colour, text) in &entries {
            let w = 24.0 + text_width(text, SMALL, false);
            if x + w > width - 20.0 && x > 30.0 {
                lines += 1;
                x = 30.0;
            }
            placed.push((x, lines, *colour, text.clone()));
            x += w + 14.0;
        }
        Legend { placed, lines }
    }
}

/// What the marks on the names mean, for those some unit of the chart carries.
fn marks(panels: &[Panel]) -> Vec<&'static str> {
    let units = panels.iter().flat_map(|p| p.units.iter());
    [
        (
            units.clone().any(|u| u.par.rank.note.is_some()),
            "* hạng quyết định trên giá trị chưa làm tròn",
        ),
        (
            units.clone().any(|u| u.below_minimum),
            "† chỉ số hài lòng từ dưới số phiếu tối thiểu",
        ),
    ]
    .iter()
    .filter(|(on, _)| *on)
    .map(|(_, t)| *t)
    .collect()
}

/// The title, the legend under it, and the marks' meanings under that.
fn heading(svg: &mut Svg, criteria: &Criteria, legend: &Legend, marks: &[&str]) {
    let width = f64::from(WIDTH);
    svg.text(
        &format!(
            "Chỉ số cải cách hành chính năm {} — tỉnh {}",
            criteria.year, criteria.province
        ),
        (width / 2.0, 24.0),
        TITLE,
        "middle",
        true,
    );
    for (x, line, colour, text) in &legend.placed {
        let y = 38.0 + f64::from(*line) * 18.0;
        match colour {
            Some(c) => svg.circle((x + 6.0, y), 6.0, &hex(*c)),
            None => svg.dashed((*x, y), (x + 20.0, y)),
        }
        svg.text(text, (x + 24.0, y), SMALL, "start", false);
    }
    if !marks.is_empty() {
        let y = 38.0 + f64::from(legend.lines + 1) * 18.0 - 2.0;
        svg.text(&marks.join("; "), (30.0, y), SMALL, "start", false);
    }
}

/// Where an index falls across the plot: its left edge at the axis start, its right edge at
/// the axis end.
struct Scale {
    left: f64,
    right: f64,
    start: f64,
    span: f64,
}

impl Scale {
    fn x(&self, v: f64) -> f64 {
        self.left + (v - self.start) / self.span * (self.right - self.left)
    }
}

/// A group's panel from `top`, the plot between `left` and `right`: its caption, the grid,
/// the group's average, the bars, the axis. Returns where the next panel starts.
fn panel(
    svg: &mut Svg,
    criteria: &Criteria,
    p: &Panel,
    top: f64,
    (left, right): (f64, f64),
) -> f64 {
    let rows_height: f64 = p.rows.iter().sum();
    let (start, end, step) = p.axis;
    let scale = Scale {
        left,
        right,
        start: f64::from(start),
        span: f64::from(end - start),
    };
    svg.text(
        &format!("{} ({} đơn vị)", p.name, p.units.len()),
        (f64::from(WIDTH) / 2.0, top + 12.0),
        CAPTION,
        "middle",
        true,
    );
    let y0 = top + PANEL_HEAD;
    let y1 = y0 + rows_height;
    // the grid, behind everything
    for t in (start..=end).step_by(step as usize) {
        let x = scale.x(f64::from(t));
        svg.line((x, y0), (x, y1), "#E6E6E6", 1.0);
    }
    let mean_x = average(svg, criteria, p, &scale, (y0, y1));
    bars(svg, criteria, p, &scale, y0, mean_x);
    value_axis(svg, p.axis, &scale, y1);
    y1 + PANEL_FOOT
}

/// The group's average, from `y0` to `y1`: the mean of the exact indices, published, as a
/// dashed line with its figure above; returns where the line is.
fn average(
    svg: &mut Svg,
    criteria: &Criteria,
    p: &Panel,
    scale: &Scale,
    (y0, y1): (f64, f64),
) -> f64 {
    let d = criteria.publish.decimals;
    let mean =
        p.units.iter().map(|u| u.par.index).sum::<Decimal>() / Decimal::from(p.units.len() as u64);
    let mean_x = scale.x(decimal_f64(publish(mean, d)));
    svg.dashed((mean_x, y0 - 4.0), (mean_x, y1));
    let mean_text = format!("trung bình {}", fixed(mean, d));
    let half = text_width(&mean_text, SMALL, true) / 2.0;
    svg.text(
        &mean_text,
        (
            mean_x.clamp(scale.left + half, f64::from(WIDTH) - 4.0 - half),
            y0 - 12.0,
        ),
        SMALL,
        "middle",
        true,
    );
    mean_x
}

/// The bars from `y0`, rank 1 at the top, each in its band's colour with its figure beside
/// its end and its name, whole, left of the plot.
fn bars(svg: &mut Svg, criteria: &Criteria, p: &Panel, scale: &Scale, y0: f64, mean_x: f64) {
    let d = criteria.publish.decimals;
    let plot_left = scale.left;
    let mut y = y0;
    for ((u, labels), row) in p.units.iter().zip(&p.labels).zip(&p.rows) {
        let cy = y + row / 2.0;
        let value = decimal_f64(publish(u.par.index, d));
        let bar_end = scale.x(value);
        svg.rect(
            plot_left,
            cy - BAR / 2.0,
            (bar_end - plot_left).max(0.0),
            BAR,
            &hex(band_colour(criteria, u.par.band.as_deref())),
        );
        // the figure beside the bar end, or past the average line when it would cover it
        let text = fixed(u.par.index, d);
        let w = text_width(&text, TEXT, false);
        let mut tx = bar_end + 5.0;
        if tx - 3.0 <= mean_x + 1.0 && mean_x - 1.0 <= tx + w + 3.0 {
            tx = mean_x + 6.0;
        }
        svg.rect(tx - 2.0, cy - 8.0, w + 4.0, 16.0, "#FFFFFF");
        svg.text(&text, (tx, cy), TEXT, "start", false);
        // the name, whole, its lines centred on the bar
        let first = cy - (labels.len() as f64 - 1.0) * LINE / 2.0;
        for (i, line) in labels.iter().enumerate() {
            svg.text(
                line,
                (plot_left - 8.0, first + i as f64 * LINE),
                TEXT,
                "end",
                false,
            );
        }
        y += row;
    }
}

/// The value axis at `y1` with its ticks, broken at its start when it does not start at 0
/// (and said so under it).
fn value_axis(svg: &mut Svg, (start, end, step): (u32, u32, u32), scale: &Scale, y1: f64) {
    let (plot_left, plot_right) = (scale.left, scale.right);
    svg.line((plot_left, y1), (plot_right, y1), "#000000", 1.0);
    for t in (start..=end).step_by(step as usize) {
        let x = scale.x(f64::from(t));
        svg.line((x, y1), (x, y1 + 4.0), "#000000", 1.0);
        svg.text(&t.to_string(), (x, y1 + 13.0), SMALL, "middle", false);
    }
    let description = if start > 0 {
        svg.rect(plot_left - 1.0, y1 - 5.0, 6.0, 10.0, "#FFFFFF");
        svg.line(
            (plot_left - 3.0, y1 + 5.0),
            (plot_left + 1.0, y1 - 5.0),
            "#000000",
            1.0,
        );
        svg.line(
            (plot_left + 1.0, y1 + 5.0),
            (plot_left + 5.0, y1 - 5.0),
            "#000000",
            1.0,
        );
        format!("Chỉ số CCHC (%) — trục bắt đầu từ {start}, không từ 0")
    } else {
        "Chỉ số CCHC (%)".to_string()
    };
    svg.text(
        &description,
        ((plot_left + plot_right) / 2.0, y1 + 30.0),
        TEXT,
        "middle",
        false,
    );
}

/// The chart of `groups` as a PNG picture: the SVG chart with its text drawn from the embedded
/// font's outlines (the same picture on every machine), rendered with resvg at [`PNG_SCALE`]
/// pixels per SVG pixel (192 dpi, said in the file, so that a word processor inserts it at the
/// width of an A4 page).
pub fn png(criteria: &Criteria, results: &Results, groups: &[usize]) -> anyhow::Result<Vec<u8>> {
    use resvg::{tiny_skia, usvg};
    let svg = draw(criteria, results, groups, true);
    let tree = usvg::Tree::from_str(&svg, &usvg::Options::default())?;
    let scale = PNG_SCALE as f32;
    let size = tree
        .size()
        .to_int_size()
        .scale_by(scale)
        .ok_or_else(|| anyhow::anyhow!("the chart has no size"))?;
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| anyhow::anyhow!("the chart is too large to draw"))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    // on a white ground every pixel is opaque: its colour is the premultiplied one
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|p| [p[0], p[1], p[2]])
        .collect();
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, size.width(), size.height());
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    // 96 dpi × PNG_SCALE, in pixels per metre
    let per_metre = (96.0 * f64::from(PNG_SCALE) / 0.0254).round() as u32;
    encoder.set_pixel_dims(Some(png::PixelDimensions {
        xppu: per_metre,
        yppu: per_metre,
        unit: png::Unit::Meter,
    }));
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&rgb)?;
    writer.finish()?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_fonts_measure_text() {
        // DejaVu Sans: a digit is 1303/2048 of the size, a space 651/2048
        let digit = 12.0 * 1303.0 / 2048.0;
        assert!((text_width("0", 12.0, false) - digit).abs() < 0.01);
        assert!(
            (text_width("00 00", 12.0, false) - (4.0 * digit + 12.0 * 651.0 / 2048.0)).abs() < 0.01
        );
        // Vietnamese letters have glyphs of their own: none is drawn as the "no glyph" box
        let known = |c: char| {
            [false, true].iter().all(|&bold| {
                face(bold)
                    .and_then(|f| f.glyph_index(c))
                    .is_some_and(|g| g.0 != 0)
            })
        };
        for c in "ĐđƠơƯưẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ—†".chars() {
            assert!(known(c), "{c}");
        }
        assert!(text_width("Đ", 12.0, true) > text_width("Đ", 12.0, false));
        // a name typed with combining marks (as a Mac may write it) is measured and drawn as
        // the composed letters
        let composed = "Huyện Lộc Bình";
        let decomposed: String =
            unicode_normalization::UnicodeNormalization::nfd(composed).collect();
        assert_ne!(composed, decomposed);
        assert_eq!(
            text_width(&decomposed, 12.0, false),
            text_width(composed, 12.0, false)
        );
        assert_eq!(
            outline(&decomposed, (0.0, 10.0), 12.0, false),
            outline(composed, (0.0, 10.0), 12.0, false)
        );
        assert!(outline("Đ", (0.0, 10.0), 12.0, true).starts_with('M'));
    }

    #[test]
    fn names_wrap_whole() {
        let name = "15. Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn";
        let lines = wrap(name, 12.0, 200.0);
        assert!(lines.len() >= 2, "{lines:?}");
        assert_eq!(lines.join(" "), name, "nothing cut");
        assert!(lines.iter().all(|l| text_width(l, 12.0, false) <= 200.0));
        // a word wider than the line is broken, not cut
        let long = "Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        let lines = wrap(long, 12.0, 60.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), long);
        assert_eq!(wrap("", 12.0, 60.0), vec![String::new()]);
        assert_eq!(
            wrap("Sở Nội vụ", 12.0, 300.0),
            vec!["Sở Nội vụ".to_string()]
        );
        // even lines: the same number, the last not a lone word
        let even = wrap_even(name, 12.0, 330.0);
        assert_eq!(even.len(), wrap(name, 12.0, 330.0).len());
        assert_eq!(even.join(" "), name);
        assert!(even.iter().all(|l| l.contains(' ')), "{even:?}");
    }

    #[test]
    fn the_axis_starts_below_the_lowest_index() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(axis(d("57.92"), d("96.40")), (55, 100, 5));
        assert_eq!(axis(d("83.04"), d("93.82")), (80, 95, 1));
        assert_eq!(
            axis(d("81.00"), d("90.00")),
            (80, 95, 1),
            "at least a point below"
        );
        assert_eq!(axis(d("80.50"), d("90.00")), (75, 95, 5));
        assert_eq!(axis(d("0.50"), d("100.00")), (0, 100, 10));
        assert_eq!(axis(d("99.80"), d("100.00")), (95, 100, 1));
        assert_eq!(axis(d("93.44"), d("93.44")), (90, 95, 1));
        // the start is below every index, the end above
        for (lo, hi) in [("12.34", "56.78"), ("99.99", "99.99"), ("0", "0")] {
            let (s, e, step) = axis(d(lo), d(hi));
            assert!(Decimal::from(s) <= d(lo) && d(hi) <= Decimal::from(e));
            assert_eq!((e - s) % step, 0);
        }
    }
}
