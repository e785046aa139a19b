//! A unit's scorecard (phiếu kết quả): the file a department receives with the decision, so
//! that it can find the causes of its lost points (Điều 3 of the decision).
//!
//! Built on `explain`'s model ([`super::explain::explain`]): the unit's name, rank, index and
//! band; its tree with maximum, self, appraised, survey and satisfaction points, points and
//! points lost; its criteria by points lost; deductions; neighbours; warnings. To these the
//! scorecard adds what it would take to move:
//! - the points it needs to pass the unit ranked just above it: more than (their exact index −
//!   its exact index) × its maximum / 100 (to pass is to rank strictly above on the exact index;
//!   an equal index shares the rank);
//! - the points it needs to reach the next band: the band is given by the published index, so
//!   the exact index must reach the least value that publishes at the band's lower end;
//! - the criteria where it lost most against the group's best: the best points any unit of its
//!   group has on each criterion that applies to it, against its own.
//!
//! Scorecards are documents for the department, in Vietnamese like the annexes.

pub mod docx;
pub mod xlsx;

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use super::explain::{Explanation, NodeLine};
use crate::criteria::Criteria;
use crate::decimal::publish;
use crate::stages::{Basis, Results};

/// A unit's scorecard: `explain`'s explanation and what it would take to move.
pub struct Scorecard<'a> {
    pub e: Explanation<'a>,
    pub pass: Option<Pass>,
    pub band: NextBand,
    /// Every criterion without sub-criteria that applies to the unit, in code order, with the
    /// group's best points on it.
    pub best: Vec<Best>,
}

/// The unit ranked just above, and the points it takes to pass it.
#[derive(Debug, Clone)]
pub struct Pass {
    pub code: String,
    pub name: String,
    pub rank: usize,
    /// Their published index.
    pub index: Decimal,
    /// Their index minus the unit's, published.
    pub gap: Decimal,
    /// More than these points (exact): the exact gap × the unit's maximum / 100.
    pub points: Decimal,
}

/// The band just above the unit's, and what it takes to reach it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NextBand {
    /// The criteria define no bands.
    None,
    /// The unit is in the highest band already.
    Top,
    Reach {
        name: String,
        /// The least published index of the band.
        from: Decimal,
        /// The least exact index that publishes at `from`.
        index: Decimal,
        /// At least these points (exact): (`index` − the unit's exact index) × its maximum / 100.
        points: Decimal,
    },
}

/// A criterion, the unit's points on it and the group's best.
#[derive(Debug, Clone)]
pub struct Best {
    /// The node's place in [`Explanation::nodes`] (and in the group's tree).
    pub node: usize,
    /// The best points of the group's units to which the criterion applies (exact).
    pub best: Decimal,
    /// The first unit, by rank, that has them.
    pub best_unit: String,
    /// How many units have them.
    pub best_count: usize,
    /// best − the unit's points (exact).
    pub behind: Decimal,
}

/// The scorecard of `unit` (an index into `results.units`).
pub fn scorecard<'a>(
    criteria: &'a Criteria,
    year: &crate::inputs::Year,
    results: &'a Results,
    unit: usize,
    changes: Option<&super::previous::Changes>,
) -> Scorecard<'a> {
    let mut e = super::explain::explain(criteria, year, results, unit, changes);
    let u = &results.units[unit];
    // a scorecard is a document in Vietnamese, as the annexes are: the rules and the measured
    // values in the decision's words whatever the messages' language
    let nodes = &criteria.groups[u.group].nodes;
    for (i, (line, node)) in e.nodes.iter_mut().zip(nodes).enumerate() {
        line.rule = node.rule.as_ref().map(|r| r.describe(node.max));
        line.value = year
            .row(u.unit, i)
            .and_then(|r| r.value)
            .map(|v| crate::stages::appraisal::describe_value_in(crate::i18n::Lang::Vi, node, v));
    }
    let pass = e.neighbours.above.as_ref().map(|a| Pass {
        code: a.code.clone(),
        name: a.name.clone(),
        rank: a.rank,
        index: a.index,
        gap: a.gap,
        points: a.points_to_pass,
    });
    let band = next_band(criteria, u.par.index, u.par.max);
    let ranked = results.by_par_rank(u.group);
    let best = e
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, l)| l.leaf && l.applicable)
        .filter_map(|(i, l)| {
            let scores: Vec<(&str, Decimal)> = ranked
                .iter()
                .filter_map(|o| {
                    o.leaf(i)
                        .filter(|s| s.applicable)
                        .map(|s| (o.name.as_str(), s.points))
                })
                .collect();
            let best = scores.iter().map(|&(_, p)| p).max()?;
            let holders: Vec<&str> = scores
                .iter()
                .filter(|&&(_, p)| p == best)
                .map(|&(n, _)| n)
                .collect();
            Some(Best {
                node: i,
                best,
                best_unit: holders.first().map_or(String::new(), |n| n.to_string()),
                best_count: holders.len(),
                behind: best - l.exact.points,
            })
        })
        .collect();
    Scorecard {
        e,
        pass,
        band,
        best,
    }
}

/// The band just above the one the published index falls in, from the criteria's bands.
pub fn next_band(criteria: &Criteria, index: Decimal, max: Decimal) -> NextBand {
    let d = criteria.publish.decimals;
    let published = publish(index, d);
    let step = Decimal::new(1, d);
    // The least published value each band takes, for the bands above the unit's.
    let above = criteria
        .bands
        .iter()
        .filter_map(|b| {
            let lower = b.interval.lower?;
            let mut from = (lower.value / step).ceil() * step;
            if !lower.inclusive && from == lower.value {
                from += step;
            }
            from.rescale(d);
            (from > published).then_some((from, b))
        })
        .min_by_key(|&(from, _)| from);
    match above {
        None if criteria.bands.is_empty() => NextBand::None,
        None => NextBand::Top,
        Some((from, band)) => {
            // half away from zero: the least value that publishes at `from`
            let least = from - step / Decimal::TWO;
            NextBand::Reach {
                name: band.name.clone(),
                from,
                index: least,
                points: (least - index) * max / Decimal::ONE_HUNDRED,
            }
        }
    }
}

/// Decimals of the points it takes to move (rounded up, so never less than what is needed).
pub const NEED_DECIMALS: u32 = 4;

/// A line of the scorecard's results: a label, a figure, what it means.
pub struct Line {
    pub label: String,
    pub value: Option<Decimal>,
    /// A text shown in the figure's place when there is no figure.
    pub value_text: Option<String>,
    pub text: String,
}

impl Scorecard<'_> {
    /// The results: index and rank, band, total, points lost, satisfaction, change.
    pub fn results(&self, criteria: &Criteria) -> Vec<Line> {
        vietnamese(self.results_as_computed(criteria))
    }

    fn results_as_computed(&self, criteria: &Criteria) -> Vec<Line> {
        let e = &self.e;
        let fixed = |v: Decimal| crate::decimal::fixed(v, e.decimals);
        let line = |label: &str, value: Option<Decimal>, text: String| Line {
            label: label.to_string(),
            value,
            value_text: None,
            text,
        };
        let mut lines = vec![line(
            "Chỉ số CCHC (%)",
            Some(e.par.index),
            match &e.par.rank_note {
                Some(note) => format!(
                    "hạng {}/{} trong nhóm {}; * xếp hạng quyết định dưới độ chính xác công bố: {note}",
                    e.par.rank, e.par.of, e.unit.group_name
                ),
                None => format!(
                    "hạng {}/{} trong nhóm {}",
                    e.par.rank, e.par.of, e.unit.group_name
                ),
            },
        )];
        lines.push(Line {
            value_text: Some(e.par.band.clone().unwrap_or_else(|| "—".into())),
            ..line(
                "Xếp loại",
                None,
                criteria
                    .bands
                    .iter()
                    .map(|b| format!("{}: {}", b.name, b.interval.describe("%")))
                    .collect::<Vec<_>>()
                    .join("; "),
            )
        });
        lines.push(line(
            "Tổng điểm",
            Some(e.par.total),
            format!("trên điểm tối đa {}", fixed(e.par.max)),
        ));
        lines.push(line(
            "Điểm bị mất",
            Some(e.par.lost),
            if e.par.deductions.is_zero() {
                "điểm tối đa − tổng điểm".to_string()
            } else {
                format!("trong đó điểm trừ {}", fixed(e.par.deductions))
            },
        ));
        lines.push(line(
            "Chỉ số hài lòng (%)",
            e.sipas.index,
            match e.sipas.index {
                Some(_) => format!(
                    "hạng {}/{}; {} phiếu hợp lệ{}",
                    e.sipas.rank,
                    e.par.of,
                    e.sipas.valid,
                    if e.sipas.below_minimum {
                        format!(" († dưới mức tối thiểu {} phiếu)", criteria.sipas.min_valid)
                    } else {
                        String::new()
                    }
                ),
                None => "không có phiếu hợp lệ".to_string(),
            },
        ));
        if let Some(prev) = &e.previous {
            let label = prev.year.map_or("năm trước".into(), |y| format!("năm {y}"));
            let c = &prev.change;
            let text = match (c.index, c.rank) {
                (Some(i), Some(r)) => format!("Chỉ số CCHC {label}: {}%, hạng {r}", fixed(i)),
                (Some(i), None) => format!("Chỉ số CCHC {label}: {}%", fixed(i)),
                _ => format!("không có trong {}", prev.file),
            };
            lines.push(line(
                &format!("Tăng, giảm so với {label}"),
                c.index_change,
                text,
            ));
        }
        lines
    }

    /// What it takes to move: to pass the unit above, to reach the next band. The figures are
    /// the points needed, rounded up to [`NEED_DECIMALS`].
    pub fn moves(&self) -> Vec<Line> {
        vietnamese(self.moves_as_computed())
    }

    fn moves_as_computed(&self) -> Vec<Line> {
        let e = &self.e;
        let d = e.decimals;
        let mut lines = Vec::new();
        match &self.pass {
            Some(p) => lines.push(Line {
                label: format!(
                    "Vượt {} (hạng {}, {}%)",
                    p.name,
                    p.rank,
                    crate::decimal::fixed(p.index, d)
                ),
                value: Some(needed(p.points, NEED_DECIMALS)),
                value_text: None,
                text: format!(
                    "cần thêm hơn {} điểm. Vượt là có Chỉ số CCHC chính xác cao hơn hẳn (bằng nhau \
                     thì đồng hạng); số điểm = chênh lệch chỉ số chính xác × điểm tối đa của đơn \
                     vị / 100 = {} điểm (giá trị chính xác).",
                    needed(p.points, NEED_DECIMALS),
                    crate::decimal::exact(p.points)
                ),
            }),
            None => lines.push(Line {
                label: "Đơn vị dẫn đầu nhóm".into(),
                value: None,
                value_text: Some("—".into()),
                text: String::new(),
            }),
        }
        match &self.band {
            NextBand::Reach {
                name,
                from,
                index,
                points,
            } => lines.push(Line {
                label: format!(
                    "Đạt xếp loại {name} (từ {}%)",
                    crate::decimal::fixed(*from, d)
                ),
                value: Some(needed(*points, NEED_DECIMALS)),
                value_text: None,
                text: format!(
                    "cần thêm ít nhất {} điểm để Chỉ số CCHC công bố (làm tròn {d} chữ số thập \
                     phân) đạt {}%, tức chỉ số chính xác từ {}%; số điểm = ({} − chỉ số chính \
                     xác của đơn vị) × điểm tối đa / 100 = {} điểm (giá trị chính xác).",
                    needed(*points, NEED_DECIMALS),
                    crate::decimal::fixed(*from, d),
                    crate::decimal::exact(*index),
                    crate::decimal::exact(*index),
                    crate::decimal::exact(*points)
                ),
            }),
            NextBand::Top => lines.push(Line {
                label: format!(
                    "Đã ở xếp loại cao nhất ({})",
                    e.par.band.as_deref().unwrap_or("—")
                ),
                value: None,
                value_text: Some("—".into()),
                text: String::new(),
            }),
            NextBand::None => {}
        }
        lines
    }

    /// The criteria behind the group's best, furthest behind first.
    pub fn behind(&self) -> Vec<&Best> {
        let mut behind: Vec<&Best> = self
            .best
            .iter()
            .filter(|b| b.behind > Decimal::ZERO)
            .collect();
        behind.sort_by(|a, b| b.behind.cmp(&a.behind).then(a.node.cmp(&b.node)));
        behind
    }
}

/// The lines' texts with decimal commas.
fn vietnamese(lines: Vec<Line>) -> Vec<Line> {
    lines
        .into_iter()
        .map(|l| Line {
            label: super::publish::vi_digits(&l.label),
            text: super::publish::vi_digits(&l.text),
            ..l
        })
        .collect()
}

/// How many of a list's `n` criteria the scorecard shows: `top` (0: all).
pub fn shown(top: usize, n: usize) -> usize {
    if top == 0 { n } else { top.min(n) }
}

/// "Sở Tài chính và 12 đơn vị khác".
pub fn holders(b: &Best) -> String {
    if b.best_count > 1 {
        format!("{} và {} đơn vị khác", b.best_unit, b.best_count - 1)
    } else {
        b.best_unit.clone()
    }
}

/// Points the unit must gain "more than" or "at least" a figure, shown with `digits` decimals
/// rounded up, so that the figure shown is never less than what is needed.
pub fn needed(points: Decimal, digits: u32) -> Decimal {
    let mut shown =
        points.round_dp_with_strategy(digits, rust_decimal::RoundingStrategy::AwayFromZero);
    shown.rescale(digits);
    shown
}

/// How a criterion's points were decided, in words.
pub fn how(l: &NodeLine, d: u32) -> String {
    let figure = |v: Decimal| crate::decimal::fixed(v, d);
    let mut parts = Vec::new();
    match l.basis {
        Some(Basis::Appraised) => {
            let mut s = format!("điểm thẩm định {}", figure(l.points));
            if let Some(own) = l.self_points
                && own != l.points
            {
                s.push_str(&format!(" (tự chấm {})", figure(own)));
            }
            parts.push(s);
        }
        Some(Basis::SelfOnly) => parts.push(format!(
            "chưa thẩm định: giữ điểm tự chấm {}",
            figure(l.points)
        )),
        Some(Basis::Rule) => parts.push("điểm tính theo cách chấm từ giá trị".into()),
        Some(Basis::MissingZero) => parts.push("không có số liệu: tính 0 điểm".into()),
        Some(Basis::Survey) => parts.push(format!(
            "điều tra xã hội học: đạt {}% số điểm",
            l.score.map_or("—".into(), figure)
        )),
        Some(Basis::Sipas) => parts.push(format!(
            "Chỉ số hài lòng {}%",
            l.score.map_or("—".into(), figure)
        )),
        Some(Basis::NotApplicable) => parts.push("không đánh giá".into()),
        None => {}
    }
    if let Some(v) = &l.value {
        parts.push(format!("giá trị {v}"));
    }
    if let Some(rule) = &l.rule
        && l.source == Some(crate::criteria::Source::Appraisal)
    {
        parts.push(format!("cách chấm: {rule}"));
    }
    super::publish::vi_digits(&parts.join("; "))
}

/// Names Windows reserves, with or without an extension.
const RESERVED: [&str; 4] = ["CON", "PRN", "AUX", "NUL"];

/// A file name for a unit's scorecard, from its code, that Windows (and every other system)
/// accepts: no `<>:"/\|?*` or control characters (each becomes `_`), no trailing dot or space,
/// no reserved device name (CON, PRN, AUX, NUL, COM1…, LPT1…, with or without an extension),
/// at most 100 characters before the extension, and none twice in `taken` (compared without
/// case, as Windows compares names): `-2`, `-3`… is added.
pub fn file_name(code: &str, extension: &str, taken: &mut BTreeSet<String>) -> String {
    let mut stem: String = code
        .chars()
        .map(|c| {
            if c.is_control() || "<>:\"/\\|?*".contains(c) {
                '_'
            } else {
                c
            }
        })
        .take(100)
        .collect();
    stem = stem
        .trim_matches(|c: char| c == ' ' || c == '.')
        .to_string();
    if stem.is_empty() {
        stem.push('_');
    }
    // the device name is what comes before the first dot, trailing spaces ignored
    let device = stem
        .split('.')
        .next()
        .unwrap_or("")
        .trim_end()
        .to_uppercase();
    let numbered = |prefix: &str| {
        device.strip_prefix(prefix).is_some_and(|n| {
            n.chars().count() == 1 && n.chars().all(|c| c.is_ascii_digit() || "¹²³".contains(c))
        })
    };
    if RESERVED.contains(&device.as_str()) || numbered("COM") || numbered("LPT") {
        let at = stem.find('.').unwrap_or(stem.len());
        stem.insert(at, '_');
    }
    let mut name = format!("{stem}.{extension}");
    let mut k = 2;
    while taken.contains(&name.to_lowercase()) {
        name = format!("{stem}-{k}.{extension}");
        k += 1;
    }
    taken.insert(name.to_lowercase());
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(code: &str) -> String {
        file_name(code, "xlsx", &mut BTreeSet::new())
    }

    #[test]
    fn file_names_are_safe_on_windows() {
        assert_eq!(name("SNV"), "SNV.xlsx");
        assert_eq!(name("Sở/Nội:vụ"), "Sở_Nội_vụ.xlsx");
        assert_eq!(name("a<b>c\"d|e?f*g\\h"), "a_b_c_d_e_f_g_h.xlsx");
        assert_eq!(name("tab\there"), "tab_here.xlsx");
        assert_eq!(name("SNV. "), "SNV.xlsx");
        assert_eq!(name("..."), "_.xlsx");
        assert_eq!(name("CON"), "CON_.xlsx");
        assert_eq!(name("con"), "con_.xlsx");
        assert_eq!(name("nul.2023"), "nul_.2023.xlsx");
        assert_eq!(name("COM1"), "COM1_.xlsx");
        assert_eq!(name("LPT9"), "LPT9_.xlsx");
        assert_eq!(name("COM10"), "COM10.xlsx");
        assert_eq!(name("CONSO"), "CONSO.xlsx");
        assert_eq!(name(&"X".repeat(300)).chars().count(), 105);
        // no name twice, whatever the case
        let mut taken = BTreeSet::new();
        assert_eq!(file_name("SNV", "xlsx", &mut taken), "SNV.xlsx");
        assert_eq!(file_name("snv", "xlsx", &mut taken), "snv-2.xlsx");
        assert_eq!(file_name("S/V", "xlsx", &mut taken), "S_V.xlsx");
        assert_eq!(file_name("S:V", "xlsx", &mut taken), "S_V-2.xlsx");
        for code in ["CON", "a:b", " x. ", "AUX.txt", "lpt1", "ok"] {
            let n = name(code);
            assert!(
                !n.chars()
                    .any(|c| "<>:\"/\\|?*".contains(c) || c.is_control())
            );
            let stem = n.strip_suffix(".xlsx").unwrap();
            assert!(!stem.ends_with(['.', ' ']));
            let device = stem.split('.').next().unwrap().to_uppercase();
            assert!(
                !["CON", "PRN", "AUX", "NUL", "LPT1"].contains(&device.as_str()),
                "{n}"
            );
        }
    }

    #[test]
    fn shown_needs_are_never_less_than_needed() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(needed(d("1.62001"), 2).to_string(), "1.63");
        assert_eq!(needed(d("1.62"), 2).to_string(), "1.62");
        assert_eq!(needed(d("0.0001"), 4).to_string(), "0.0001");
        assert_eq!(needed(d("0.00001"), 4).to_string(), "0.0001");
    }
}
