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
    let d = e.decimals;
    let width = layout.width.max(60);
    let mut out = String::new();
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
    let (index, rank, of) = (e.par.index, e.par.rank, e.par.of);
    let _ = writeln!(
        out,
        "{}",
        match e.par.band.as_deref() {
            Some(band) => tr!(
                "reports-explain-par-band",
                index = index,
                rank = rank,
                of = of,
                band = band
            ),
            None => tr!("reports-explain-par", index = index, rank = rank, of = of),
        }
    );
    if let Some(tie) = &e.par.rank_tie {
        let others = tie
            .others
            .iter()
            .map(|(code, value)| format!("{code} {value}"))
            .collect::<Vec<_>>()
            .join(", ");
        let note = tr!(
            "reports-explain-rank-note",
            others = others,
            published = tie.published,
            own = tie.own
        );
        let _ = writeln!(out, "  * {note}");
    }
    let (total, max, lost) = (e.par.total, e.par.max, e.par.lost);
    let _ = writeln!(
        out,
        "{}",
        if e.par.deductions.is_zero() {
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
                deductions = e.par.deductions
            )
        }
    );
    let sipas = match e.sipas.index {
        Some(index) if e.sipas.below_minimum => tr!(
            "reports-explain-sipas-small",
            index = index,
            rank = e.sipas.rank,
            of = of,
            count = e.sipas.valid,
            min = criteria.sipas.min_valid
        ),
        Some(index) => tr!(
            "reports-explain-sipas",
            index = index,
            rank = e.sipas.rank,
            of = of,
            count = e.sipas.valid
        ),
        None => tr!("reports-explain-sipas-none"),
    };
    let _ = writeln!(out, "{sipas}");
    if let Some(prev) = &e.previous {
        let label = prev.year.map_or_else(
            || tr!("reports-explain-last-year"),
            |y| tr!("reports-explain-year", year = y),
        );
        let _ = writeln!(out, "{}", previous_line(&label, prev, &e.par, d));
    }

    // The tree: each heading in two rows, split at its first space ("Tối đa", "Max").
    let _ = writeln!(out, "\n{}", tr!("reports-explain-tree"));
    let heads = [
        tr!("reports-explain-col-max"),
        tr!("reports-explain-col-self"),
        tr!("reports-explain-col-appraised"),
        tr!("reports-explain-col-survey"),
        tr!("reports-explain-col-sipas"),
        tr!("reports-explain-col-points"),
        tr!("reports-explain-col-lost"),
    ];
    let mut top = String::new();
    let mut bottom = String::new();
    for head in &heads {
        let (a, b) = head.split_once(' ').unwrap_or(("", head));
        top.push_str(&pad_left(a, NUM));
        bottom.push_str(&pad_left(b, NUM));
    }
    let criterion = tr!("reports-explain-col-criterion");
    bottom.push_str("  ");
    bottom.push_str(&criterion);
    if !top.trim().is_empty() {
        let _ = writeln!(out, "{}", top.trim_end());
    }
    let _ = writeln!(out, "{bottom}");
    let label_width = width.saturating_sub(NUM * 7 + 2).max(12);
    let num = |v: Option<Decimal>| v.map_or("—".to_string(), |v| v.to_string());
    for line in e.nodes.iter().filter(|l| l.depth <= layout.depth) {
        let mut row = String::new();
        if line.leaf && !line.applicable {
            row.push_str(&pad_left(&tr!("reports-explain-na"), NUM));
            for _ in 0..6 {
                row.push_str(&pad_left("—", NUM));
            }
        } else {
            for cell in [
                Some(line.max),
                line.self_points,
                line.appraised,
                line.survey,
                line.sipas,
                Some(line.points),
                Some(line.lost),
            ] {
                row.push_str(&pad_left(&num(cell), NUM));
            }
        }
        let mark = match line.basis {
            Some(Basis::SelfOnly) => format!(" [{}]", tr!("reports-explain-mark-self")),
            Some(Basis::Rule) => format!(" [{}]", tr!("reports-explain-mark-rule")),
            Some(Basis::MissingZero) => format!(" [{}]", tr!("reports-explain-mark-missing")),
            _ => String::new(),
        };
        let label = format!(
            "{}{} {}{mark}",
            "  ".repeat(line.depth.saturating_sub(1)),
            line.code,
            line.name
        );
        let _ = writeln!(out, "{row}  {}", cut(&label, label_width));
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
    // The total row sums the fields' exact figures and publishes the sum once.
    let sum = |f: fn(&Exact) -> Option<Decimal>| -> Option<Decimal> {
        e.nodes
            .iter()
            .filter(|l| l.depth == 1)
            .filter_map(|l| f(&l.exact))
            .reduce(|a, b| a + b)
            .map(|v| publish(v, d))
    };
    let mut row = String::new();
    for cell in [
        Some(e.par.max),
        sum(|x| x.self_points),
        sum(|x| x.appraised),
        sum(|x| x.survey),
        sum(|x| x.sipas),
        Some(e.par.total),
        Some(e.par.lost),
    ] {
        row.push_str(&pad_left(&num(cell), NUM));
    }
    let _ = writeln!(out, "{row}  {}", tr!("reports-explain-total-row"));

    // Leaves by points lost.
    let by_code: BTreeMap<&str, &NodeLine> = e.nodes.iter().map(|l| (l.code.as_str(), l)).collect();
    let shown = if layout.top == 0 {
        e.lost_most.len()
    } else {
        layout.top.min(e.lost_most.len())
    };
    let leaves = e.nodes.iter().filter(|l| l.leaf && l.applicable).count();
    if e.lost_most.is_empty() {
        let _ = writeln!(out, "\n{}", tr!("reports-explain-nothing-lost"));
    } else {
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
        let _ = writeln!(
            out,
            "{}{}{}  {criterion}",
            pad_left(&heads[6], NUM),
            pad_left(&heads[0], NUM),
            pad_left(&heads[5], NUM)
        );
        let indent = NUM * 3 + 2;
        let text_width = width.saturating_sub(indent).max(20);
        for code in e.lost_most.iter().take(shown) {
            let Some(l) = by_code.get(code.as_str()) else {
                continue;
            };
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
        if shown < e.lost_most.len() {
            let _ = writeln!(
                out,
                "{}",
                tr!("reports-explain-more", count = e.lost_most.len() - shown)
            );
        }
    }

    // Deductions.
    if !e.deductions.is_empty() {
        let _ = writeln!(out, "\n{}", tr!("reports-explain-deductions"));
        for x in &e.deductions {
            let line = tr!(
                "reports-explain-deduction",
                code = x.code,
                name = x.name,
                count = x.times,
                points = fixed(x.points, d)
            );
            for (k, text) in wrap(&line, width.saturating_sub(4)).iter().enumerate() {
                let _ = writeln!(out, "{}{text}", if k == 0 { "  " } else { "    " });
            }
        }
    }

    // Neighbours.
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
            let gap = gap.map_or(String::new(), |g| {
                let words = if g > Decimal::ZERO {
                    tr!("reports-explain-ahead", gap = g)
                } else if g < Decimal::ZERO {
                    tr!("reports-explain-behind", gap = -g)
                } else {
                    tr!("reports-explain-equal")
                };
                format!("  {words}")
            });
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
    match &e.neighbours.above {
        Some(a) if a.points_to_pass > Decimal::ZERO => {
            // a gap below the published precision is shown with the digits that tell it
            let shown = (d..=10)
                .map(|k| fixed(a.points_to_pass, k))
                .find(|t| !t.trim_start_matches(['0', '.']).is_empty())
                .unwrap_or_else(|| crate::decimal::exact(a.points_to_pass));
            let _ = writeln!(
                out,
                "{}",
                tr!("reports-explain-to-pass", code = a.code, points = shown)
            );
        }
        None => {
            let _ = writeln!(out, "{}", tr!("reports-explain-first"));
        }
        _ => {}
    }

    // Warnings.
    if !e.warnings.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            tr!("reports-explain-warnings", count = e.warnings.len())
        );
        for w in &e.warnings {
            for (k, text) in wrap(&w.to_string(), width.saturating_sub(4))
                .iter()
                .enumerate()
            {
                let _ = writeln!(out, "{}{text}", if k == 0 { "  " } else { "    " });
            }
        }
    }
    out
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
