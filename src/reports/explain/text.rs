//! The explanation for a person: summary, tree, leaves by points lost, neighbours, warnings,
//! laid out in the terminal's columns.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use rust_decimal::Decimal;

use super::model::{Exact, Explanation, NodeLine, PreviousSummary, Summary};
use crate::criteria::{Criteria, Source};
use crate::decimal::{fixed, publish};
use crate::reports::previous::{self, Status};
use crate::stages::Basis;
use crate::stages::totals::Tie;
use crate::text::text_width;
use crate::tr;

/// How the table is laid out.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    /// Columns available (the terminal's width, or 80).
    pub width: usize,
    /// Deepest level of the tree shown (1 = fields only).
    pub depth: usize,
    /// How many leaves to list by points lost (0 = all that lost points).
    pub top: usize,
}

/// Columns of a number in the tree.
const NUM: usize = 7;

/// The explanation for a person: summary, tree, leaves by points lost, neighbours, warnings;
/// its labels in the messages' language (the names of units and criteria as written).
pub fn render(criteria: &Criteria, e: &Explanation, layout: Layout) -> String {
    let width = layout.width.max(60);
    let mut out = String::new();
    summary(&mut out, criteria, e);
    tree(&mut out, e, layout.depth, width);
    lost_most(&mut out, e, layout.top, width);
    deductions(&mut out, e, width);
    ranking(&mut out, e, width);
    warnings(&mut out, e, width);
    out
}

/// The unit, its index, rank and band, its points, its satisfaction index and, when given,
/// its change from the previous year: a line each.
fn summary(out: &mut String, criteria: &Criteria, e: &Explanation) {
    let u = &e.unit;
    let _ = writeln!(
        out,
        "{}",
        tr!(
            "reports-explain-unit",
            name = u.name,
            code = u.code,
            group = u.group_name,
            year = e.year
        )
    );
    let _ = writeln!(out, "{}", par_line(&e.par));
    if let Some(tie) = &e.par.rank_tie {
        let _ = writeln!(out, "  * {}", rank_note(tie));
    }
    let _ = writeln!(out, "{}", points_line(&e.par));
    let _ = writeln!(out, "{}", sipas_line(criteria, e));
    if let Some(prev) = &e.previous {
        let label = prev.year.map_or_else(
            || tr!("reports-explain-last-year"),
            |y| tr!("reports-explain-year", year = y),
        );
        let _ = writeln!(out, "{}", previous_line(&label, prev, &e.par, e.decimals));
    }
}

/// "Chỉ số CCHC 82.07%: hạng 17/20, xếp loại B".
fn par_line(par: &Summary) -> String {
    let (index, rank, of) = (par.index, par.rank, par.of);
    match par.band.as_deref() {
        Some(band) => tr!(
            "reports-explain-par-band",
            index = index,
            rank = rank,
            of = of,
            band = band
        ),
        None => tr!("reports-explain-par", index = index, rank = rank, of = of),
    }
}

/// Whom the unit equals at the published precision, and the exact figures that rank it.
fn rank_note(tie: &Tie) -> String {
    let others = tie
        .others
        .iter()
        .map(|(code, value)| format!("{code} {value}"))
        .collect::<Vec<_>>()
        .join(", ");
    tr!(
        "reports-explain-rank-note",
        others = others,
        published = tie.published,
        own = tie.own
    )
}

/// The points, of the maximum, and those lost (with the deductions among them).
fn points_line(par: &Summary) -> String {
    let (total, max, lost) = (par.total, par.max, par.lost);
    if par.deductions.is_zero() {
        tr!(
            "reports-explain-total",
            total = total,
            max = max,
            lost = lost
        )
    } else {
        tr!(
            "reports-explain-total-deducted",
            total = total,
            max = max,
            lost = lost,
            deductions = par.deductions
        )
    }
}

/// The satisfaction index, its rank and the valid questionnaires behind it.
fn sipas_line(criteria: &Criteria, e: &Explanation) -> String {
    match e.sipas.index {
        Some(index) if e.sipas.below_minimum => tr!(
            "reports-explain-sipas-small",
            index = index,
            rank = e.sipas.rank,
            of = e.par.of,
            count = e.sipas.valid,
            min = criteria.sipas.min_valid
        ),
        Some(index) => tr!(
            "reports-explain-sipas",
            index = index,
            rank = e.sipas.rank,
            of = e.par.of,
            count = e.sipas.valid
        ),
        None => tr!("reports-explain-sipas-none"),
    }
}

/// The headings of the tree's figure columns: max, self, appraised, survey, satisfaction,
/// points, lost.
fn column_heads() -> [String; 7] {
    [
        tr!("reports-explain-col-max"),
        tr!("reports-explain-col-self"),
        tr!("reports-explain-col-appraised"),
        tr!("reports-explain-col-survey"),
        tr!("reports-explain-col-sipas"),
        tr!("reports-explain-col-points"),
        tr!("reports-explain-col-lost"),
    ]
}

/// The tree down to `depth`: a row per node, the deductions, the total, and the marks used.
fn tree(out: &mut String, e: &Explanation, depth: usize, width: usize) {
    let _ = writeln!(out, "\n{}", tr!("reports-explain-tree"));
    tree_head(out);
    let label_width = width.saturating_sub(NUM * 7 + 2).max(12);
    // the short marks used, with what each means (said under the table)
    let mut marks: BTreeMap<String, String> = BTreeMap::new();
    for line in e.nodes.iter().filter(|l| l.depth <= depth) {
        let _ = writeln!(out, "{}", node_row(line, label_width, &mut marks));
    }
    if !e.par.deductions.is_zero() {
        let taken = e.par.points - e.par.total;
        let mut row = String::new();
        for _ in 0..5 {
            row.push_str(&pad_left("", NUM));
        }
        row.push_str(&pad_left(&format!("-{taken}"), NUM));
        row.push_str(&pad_left(&taken.to_string(), NUM));
        let _ = writeln!(out, "{row}  {}", tr!("reports-explain-deductions-row"));
    }
    let _ = writeln!(
        out,
        "{}  {}",
        total_figures(e),
        tr!("reports-explain-total-row")
    );
    if !marks.is_empty() {
        let said: Vec<String> = marks
            .iter()
            .map(|(short, means)| format!("[{short}] {means}"))
            .collect();
        let legend = tr!("reports-explain-marks", marks = said.join("; "));
        for line in wrap(&legend, width) {
            let _ = writeln!(out, "{line}");
        }
    }
}

/// The tree's header: each heading in two rows, split at its first space ("Tối đa", "Max").
fn tree_head(out: &mut String) {
    let mut top = String::new();
    let mut bottom = String::new();
    for head in &column_heads() {
        let (a, b) = head.split_once(' ').unwrap_or(("", head));
        top.push_str(&pad_left(a, NUM));
        bottom.push_str(&pad_left(b, NUM));
    }
    bottom.push_str("  ");
    bottom.push_str(&tr!("reports-explain-col-criterion"));
    if !top.trim().is_empty() {
        let _ = writeln!(out, "{}", top.trim_end());
    }
    let _ = writeln!(out, "{bottom}");
}

/// A node's row: its figures (N/A for a leaf that does not apply), then its code and name,
/// indented by its depth and cut to fit, and the mark of how it was scored (kept in `marks`).
fn node_row(line: &NodeLine, label_width: usize, marks: &mut BTreeMap<String, String>) -> String {
    let row = if line.leaf && !line.applicable {
        let mut row = pad_left(&tr!("reports-explain-na"), NUM);
        for _ in 0..6 {
            row.push_str(&pad_left("—", NUM));
        }
        row
    } else {
        figures([
            Some(line.max),
            line.self_points,
            line.appraised,
            line.survey,
            line.sipas,
            Some(line.points),
            Some(line.lost),
        ])
    };
    let mark = match line.basis.and_then(mark) {
        Some((short, means)) => {
            marks.insert(short.clone(), means);
            format!(" [{short}]")
        }
        None => String::new(),
    };
    // the name is cut to fit, never the mark after it
    let head = format!(
        "{}{} ",
        "  ".repeat(line.depth.saturating_sub(1)),
        line.code
    );
    let room = label_width
        .saturating_sub(text_width(&head) + text_width(&mark))
        .max(8);
    format!("{row}  {head}{}{mark}", cut(&line.name, room))
}

/// The total row's figures: each column sums the fields' exact figures and publishes the sum
/// once.
fn total_figures(e: &Explanation) -> String {
    let sum = |f: fn(&Exact) -> Option<Decimal>| -> Option<Decimal> {
        e.nodes
            .iter()
            .filter(|l| l.depth == 1)
            .filter_map(|l| f(&l.exact))
            .reduce(|a, b| a + b)
            .map(|v| publish(v, e.decimals))
    };
    figures([
        Some(e.par.max),
        sum(|x| x.self_points),
        sum(|x| x.appraised),
        sum(|x| x.survey),
        sum(|x| x.sipas),
        Some(e.par.total),
        Some(e.par.lost),
    ])
}

/// Figures side by side, each in a column of [`NUM`], a dash for none.
fn figures(cells: [Option<Decimal>; 7]) -> String {
    cells
        .iter()
        .map(|v| pad_left(&v.map_or("—".to_string(), |v| v.to_string()), NUM))
        .collect()
}

/// The leaves that lost most, `top` of them (0: all), each with why it has its points.
fn lost_most(out: &mut String, e: &Explanation, top: usize, width: usize) {
    if e.lost_most.is_empty() {
        let _ = writeln!(out, "\n{}", tr!("reports-explain-nothing-lost"));
        return;
    }
    let shown = if top == 0 {
        e.lost_most.len()
    } else {
        top.min(e.lost_most.len())
    };
    let leaves = e.nodes.iter().filter(|l| l.leaf && l.applicable).count();
    let _ = writeln!(out);
    let heading = tr!(
        "reports-explain-lost-most",
        shown = shown,
        count = e.lost_most.len(),
        leaves = leaves
    );
    for line in wrap(&heading, width) {
        let _ = writeln!(out, "{line}");
    }
    let heads = column_heads();
    let _ = writeln!(
        out,
        "{}{}{}  {}",
        pad_left(&heads[6], NUM),
        pad_left(&heads[0], NUM),
        pad_left(&heads[5], NUM),
        tr!("reports-explain-col-criterion")
    );
    let by_code: BTreeMap<&str, &NodeLine> = e.nodes.iter().map(|l| (l.code.as_str(), l)).collect();
    for code in e.lost_most.iter().take(shown) {
        if let Some(l) = by_code.get(code.as_str()) {
            lost_leaf(out, l, e.decimals, width);
        }
    }
    if shown < e.lost_most.len() {
        let _ = writeln!(
            out,
            "{}",
            tr!("reports-explain-more", count = e.lost_most.len() - shown)
        );
    }
}

/// A leaf that lost points: lost, max and points, its code and name, then why, wrapped
/// beside the figures.
fn lost_leaf(out: &mut String, l: &NodeLine, d: u32, width: usize) {
    let indent = NUM * 3 + 2;
    let text_width = width.saturating_sub(indent).max(20);
    let head = format!(
        "{}{}{}  ",
        pad_left(&l.lost.to_string(), NUM),
        pad_left(&l.max.to_string(), NUM),
        pad_left(&l.points.to_string(), NUM)
    );
    let lines = wrap(&format!("{} {}", l.code, l.name), text_width);
    for (k, text) in lines.iter().enumerate() {
        if k == 0 {
            let _ = writeln!(out, "{head}{text}");
        } else {
            let _ = writeln!(out, "{}{text}", " ".repeat(indent));
        }
    }
    for text in wrap(&why(l, d), text_width) {
        let _ = writeln!(out, "{}{text}", " ".repeat(indent));
    }
}

/// The deductions, a line each: what, how many times, how many points.
fn deductions(out: &mut String, e: &Explanation, width: usize) {
    if e.deductions.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}", tr!("reports-explain-deductions"));
    for x in &e.deductions {
        let line = tr!(
            "reports-explain-deduction",
            code = x.code,
            name = x.name,
            count = x.times,
            points = fixed(x.points, e.decimals)
        );
        hanging(out, &line, width);
    }
}

/// The unit between its neighbours in the group's ranking, and what it takes to pass the one
/// above.
fn ranking(out: &mut String, e: &Explanation, width: usize) {
    let u = &e.unit;
    let _ = writeln!(
        out,
        "\n{}",
        tr!("reports-explain-ranking", group = u.group_name)
    );
    // (rank, name, code, index, gap to the unit, the unit itself), in ranking order
    let mut places = Vec::new();
    if let Some(a) = &e.neighbours.above {
        places.push((a.rank, &a.name, &a.code, a.index, Some(a.gap), false));
    }
    places.push((e.par.rank, &u.name, &u.code, e.par.index, None, true));
    if let Some(b) = &e.neighbours.below {
        places.push((b.rank, &b.name, &b.code, b.index, Some(b.gap), false));
    }
    let lines: Vec<(String, String, String)> = places
        .iter()
        .map(|&(rank, name, code, index, gap, me)| {
            let gap = gap.map_or(String::new(), |g| format!("  {}", gap_words(g)));
            let head = format!("{}{:>4}  ", if me { "▶" } else { " " }, rank);
            (head, format!("{name} ({code})"), format!("  {index}%{gap}"))
        })
        .collect();
    // the names in one column, as wide as the longest line lets them be (45 at most)
    let room = lines
        .iter()
        .map(|(head, _, tail)| width.saturating_sub(text_width(head) + text_width(tail)))
        .min()
        .unwrap_or(0);
    for (head, name, tail) in &lines {
        let _ = writeln!(
            out,
            "{head}{}{tail}",
            pad_right(&cut(name, room), room.min(45))
        );
    }
    if let Some(line) = to_pass(e) {
        let _ = writeln!(out, "{line}");
    }
}

/// A neighbour's gap to the unit: ahead, behind or equal.
fn gap_words(g: Decimal) -> String {
    if g > Decimal::ZERO {
        tr!("reports-explain-ahead", gap = g)
    } else if g < Decimal::ZERO {
        tr!("reports-explain-behind", gap = -g)
    } else {
        tr!("reports-explain-equal")
    }
}

/// The points it takes to pass the unit above, or that the unit is first; nothing when the
/// unit above shares its index.
fn to_pass(e: &Explanation) -> Option<String> {
    match &e.neighbours.above {
        Some(a) if a.points_to_pass > Decimal::ZERO => {
            // a gap below the published precision is shown with the digits that tell it
            let shown = (e.decimals..=10)
                .map(|k| fixed(a.points_to_pass, k))
                .find(|t| !t.trim_start_matches(['0', '.']).is_empty())
                .unwrap_or_else(|| crate::decimal::exact(a.points_to_pass));
            Some(tr!(
                "reports-explain-to-pass",
                code = a.code,
                points = shown
            ))
        }
        None => Some(tr!("reports-explain-first")),
        _ => None,
    }
}

/// The warnings about the unit, a hanging paragraph each.
fn warnings(out: &mut String, e: &Explanation, width: usize) {
    if e.warnings.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "\n{}",
        tr!("reports-explain-warnings", count = e.warnings.len())
    );
    for w in &e.warnings {
        hanging(out, &w.to_string(), width);
    }
}

/// A paragraph wrapped to `width`, its first line indented by two columns, the others by four.
fn hanging(out: &mut String, text: &str, width: usize) {
    for (k, line) in wrap(text, width.saturating_sub(4)).iter().enumerate() {
        let _ = writeln!(out, "{}{line}", if k == 0 { "  " } else { "    " });
    }
}

/// Why a leaf has the points it has, in words.
fn why(l: &NodeLine, d: u32) -> String {
    let mut parts = Vec::new();
    let score = || l.score.map_or("—".into(), |s| fixed(s, d));
    match l.basis {
        Some(Basis::Appraised) => parts.push(match l.self_points {
            Some(own) if own != l.points => tr!(
                "reports-explain-why-appraised-self",
                points = l.points,
                own = own
            ),
            _ => tr!("reports-explain-why-appraised", points = l.points),
        }),
        Some(Basis::SelfOnly) => parts.push(tr!("reports-explain-why-self", points = l.points)),
        Some(Basis::Rule) => parts.push(tr!("reports-explain-why-rule")),
        Some(Basis::MissingZero) => parts.push(tr!("reports-explain-why-missing")),
        Some(Basis::Survey) => parts.push(tr!("reports-explain-why-survey", score = score())),
        Some(Basis::Sipas) => parts.push(tr!("reports-explain-why-sipas", score = score())),
        Some(Basis::NotApplicable) | None => {}
    }
    if let Some(v) = &l.value {
        parts.push(tr!("reports-explain-why-value", value = v));
    }
    if let Some(rule) = &l.rule
        && l.source == Some(Source::Appraisal)
    {
        parts.push(tr!("reports-explain-why-rule-text", rule = rule));
    }
    parts.join("; ")
}

/// "So với năm 2022: chỉ số 90.86% → 91.56% (+0.70); hạng 12 → 11 (tăng 1 bậc)".
fn previous_line(label: &str, prev: &PreviousSummary, par: &Summary, d: u32) -> String {
    let c = &prev.change;
    match c.status {
        Status::New => tr!(
            "reports-explain-previous-new",
            label = label,
            file = prev.file
        ),
        status => {
            let mut s = tr!(
                "reports-explain-previous",
                label = label,
                before = c.index.map_or("—".into(), |v| fixed(v, d)),
                now = par.index,
                change = c
                    .index_change
                    .map_or("—".into(), |v| previous::signed(v, d))
            );
            match (status, c.rank, c.rank_change) {
                (Status::GroupChanged, _, _) => {
                    let _ = write!(s, "; {}", tr!("reports-explain-previous-other-group"));
                }
                (_, Some(r), Some(change)) => {
                    let _ = write!(
                        s,
                        "; {}",
                        tr!(
                            "reports-explain-previous-rank",
                            before = r,
                            now = par.rank,
                            change = previous::rank_words(change)
                        )
                    );
                }
                _ => {}
            }
            s
        }
    }
}

fn pad_left(s: &str, width: usize) -> String {
    let w = text_width(s);
    format!("{}{s}", " ".repeat(width.saturating_sub(w)))
}

fn pad_right(s: &str, width: usize) -> String {
    let w = text_width(s);
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

/// The short mark of a leaf scored otherwise than by its appraised points, and what it means.
fn mark(basis: Basis) -> Option<(String, String)> {
    match basis {
        Basis::SelfOnly => Some((
            tr!("reports-explain-mark-self"),
            tr!("reports-explain-mark-self-means"),
        )),
        Basis::Rule => Some((
            tr!("reports-explain-mark-rule"),
            tr!("reports-explain-mark-rule-means"),
        )),
        Basis::MissingZero => Some((
            tr!("reports-explain-mark-missing"),
            tr!("reports-explain-mark-missing-means"),
        )),
        _ => None,
    }
}

/// The text cut to `width` columns, ending in `…` when cut.
fn cut(s: &str, width: usize) -> String {
    if text_width(s) <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = usize::from(!unicode_normalization::char::is_combining_mark(c));
        if w + cw > width.saturating_sub(1) {
            break;
        }
        w += cw;
        out.push(c);
    }
    out.push('…');
    out
}

/// Words wrapped to lines of at most `width` columns (a longer word is cut).
fn wrap(s: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in s.split_whitespace() {
        let needed = text_width(&line) + usize::from(!line.is_empty()) + text_width(word);
        if !line.is_empty() && needed > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&cut(word, width));
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_and_cuts_by_columns() {
        assert_eq!(wrap("một hai ba bốn", 7), ["một hai", "ba bốn"]);
        assert_eq!(cut("Công tác chỉ đạo", 8), "Công tá…");
        assert_eq!(text_width("Sở Nội vụ"), 9);
        // decomposed marks take no column
        assert_eq!(text_width("So\u{302}\u{301}"), 2);
        assert_eq!(pad_left("1.5", 5), "  1.5");
    }
}
