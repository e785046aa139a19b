//! What `explain` says about a unit, computed from the year and its results: every node of
//! its tree with its points by source and the points lost, the leaves by points lost, its
//! deductions, neighbours and warnings, and its change since an earlier year. The text is
//! drawn from it in [`super::text`]; the JSON is its serialization.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::criteria::{Criteria, Source};
use crate::decimal::{exact, publish};
use crate::inputs::{Entry, Year};
use crate::reports::json::Ordered;
use crate::reports::previous::{Change, Changes};
use crate::stages::{Basis, Results, UnitResult, Warning, appraisal};

/// Everything `explain` says about a unit.
#[derive(Serialize)]
pub struct Explanation<'a> {
    pub criteria: &'a str,
    pub year: i64,
    pub decimals: u32,
    pub unit: UnitInfo,
    pub par: Summary,
    pub sipas: SipasSummary,
    /// Every node of the unit's tree, in code order (fields, criteria, sub-criteria).
    pub nodes: Vec<NodeLine>,
    pub deductions: Vec<DeductionLine>,
    /// Codes of the leaves that lost points, most points lost first (then in code order).
    pub lost_most: Vec<String>,
    pub neighbours: Neighbours,
    pub warnings: Vec<&'a Warning>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous: Option<PreviousSummary>,
}

#[derive(Debug, Serialize)]
pub struct UnitInfo {
    pub code: String,
    pub name: String,
    pub group: String,
    pub group_name: String,
}

#[derive(Debug, Serialize)]
pub struct Summary {
    pub max: Decimal,
    pub total: Decimal,
    pub total_exact: String,
    /// Points before deductions (the sum of the fields).
    pub points: Decimal,
    pub points_exact: String,
    pub deductions: Decimal,
    /// max − total.
    pub lost: Decimal,
    pub lost_exact: String,
    pub index: Decimal,
    pub index_exact: String,
    pub rank: usize,
    /// How many units the group ranks.
    pub of: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rank_note: Option<String>,
    /// What the note says (for the report in the messages' language).
    #[serde(skip)]
    pub rank_tie: Option<crate::stages::totals::Tie>,
    pub band: Option<String>,
}

#[derive(Serialize)]
pub struct SipasSummary {
    pub index: Option<Decimal>,
    pub rank: usize,
    pub valid: u32,
    pub below_minimum: bool,
    pub elements: Ordered<Option<Decimal>>,
}

/// One node of the unit's tree. Published figures are numbers; `*_exact` are the exact values.
#[derive(Debug, Serialize)]
pub struct NodeLine {
    pub code: String,
    pub name: String,
    /// 1 for a field, 2 for a criterion, 3 for a sub-criterion.
    pub depth: usize,
    pub leaf: bool,
    /// Where a leaf's points come from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// Whether anything under the node applies to the unit (false for an N/A leaf).
    pub applicable: bool,
    /// The node's maximum in the criteria.
    pub criterion_max: Decimal,
    /// The maximum of the leaves that apply to the unit.
    pub max: Decimal,
    pub max_exact: String,
    /// Self points entered for the appraisal leaves (null where none was entered).
    #[serde(rename = "self")]
    pub self_points: Option<Decimal>,
    /// Points from appraisal leaves, as they stand.
    pub appraised: Option<Decimal>,
    /// Points from the officials' survey.
    pub survey: Option<Decimal>,
    /// Points from the satisfaction index.
    pub sipas: Option<Decimal>,
    pub points: Decimal,
    pub points_exact: String,
    /// max − points.
    pub lost: Decimal,
    pub lost_exact: String,
    /// How a leaf's points were decided.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basis: Option<Basis>,
    /// The measured value given for an appraisal leaf, as the decision writes it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The scoring rule of an appraisal leaf.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// The survey score (0–100) of a survey leaf, or the satisfaction index for a sipas leaf.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<Decimal>,
    /// The exact values, for the arithmetic (not serialized).
    #[serde(skip)]
    pub exact: Exact,
}

/// Exact figures of a node.
#[derive(Debug, Clone, Copy, Default)]
pub struct Exact {
    pub max: Decimal,
    pub points: Decimal,
    pub lost: Decimal,
    pub self_points: Option<Decimal>,
    pub appraised: Option<Decimal>,
    pub survey: Option<Decimal>,
    pub sipas: Option<Decimal>,
}

#[derive(Debug, Serialize)]
pub struct DeductionLine {
    pub code: String,
    pub name: String,
    pub times: u32,
    pub points: Decimal,
}

/// The units just above and just below in the group's PAR ranking.
#[derive(Debug, Serialize)]
pub struct Neighbours {
    pub above: Option<Neighbour>,
    pub below: Option<Neighbour>,
}

#[derive(Debug, Serialize)]
pub struct Neighbour {
    pub code: String,
    pub name: String,
    pub rank: usize,
    pub index: Decimal,
    /// Their index minus the unit's, from the exact values, rounded as published (positive
    /// above, negative or 0 below).
    pub gap: Decimal,
    pub gap_exact: String,
    /// The points the unit needs to pass them: exact gap × the unit's maximum / 100.
    #[serde(skip)]
    pub points_to_pass: Decimal,
}

#[derive(Debug, Serialize)]
pub struct PreviousSummary {
    pub file: String,
    pub year: Option<i64>,
    #[serde(flatten)]
    pub change: Change,
}

/// Explains `unit` (an index into `results.units`).
pub fn explain<'a>(
    criteria: &'a Criteria,
    year: &Year,
    results: &'a Results,
    unit: usize,
    changes: Option<&Changes>,
) -> Explanation<'a> {
    let d = criteria.publish.decimals;
    let p = |v: Decimal| publish(v, d);
    let u = &results.units[unit];
    let group = &criteria.groups[u.group];

    // Per node: sums by source over the applicable leaves under it.
    let n = group.nodes.len();
    let mut self_sum: Vec<Option<Decimal>> = vec![None; n];
    let mut by_source: [Vec<Option<Decimal>>; 3] = [vec![None; n], vec![None; n], vec![None; n]];
    let add = |slot: &mut Option<Decimal>, v: Decimal| *slot = Some(slot.unwrap_or_default() + v);
    for i in (0..n).rev() {
        let node = &group.nodes[i];
        if let Some(leaf) = u.leaf(i).filter(|l| l.applicable) {
            let s = match node.source {
                Some(Source::Appraisal) => 0,
                Some(Source::Survey) => 1,
                _ => 2,
            };
            by_source[s][i] = Some(leaf.points);
            if let Some(row) = year.row(u.unit, i)
                && let Entry::Points(own) = row.self_points
            {
                self_sum[i] = Some(own);
            }
        }
        if let Some(parent) = node.parent {
            if let Some(v) = self_sum[i] {
                add(&mut self_sum[parent], v);
            }
            for slots in by_source.iter_mut() {
                if let Some(v) = slots[i] {
                    add(&mut slots[parent], v);
                }
            }
        }
    }

    let nodes: Vec<NodeLine> = group
        .nodes
        .iter()
        .enumerate()
        .map(|(i, node)| {
            let total = u.node(i);
            let lost = total.max - total.points;
            let leaf = u.leaf(i);
            let row = year.row(u.unit, i);
            let score = match node.source {
                Some(Source::Survey) => u.survey_score(i).map(p),
                Some(Source::Sipas) => u.satisfaction.index.map(p),
                _ => None,
            };
            NodeLine {
                code: node.code.to_string(),
                name: node.name.clone(),
                depth: node.code.depth(),
                leaf: node.is_leaf(),
                source: node.source,
                applicable: leaf.map_or(!total.max.is_zero(), |l| l.applicable),
                criterion_max: p(node.max),
                max: p(total.max),
                max_exact: exact(total.max),
                self_points: self_sum[i].map(p),
                appraised: by_source[0][i].map(p),
                survey: by_source[1][i].map(p),
                sipas: by_source[2][i].map(p),
                points: p(total.points),
                points_exact: exact(total.points),
                lost: p(lost),
                lost_exact: exact(lost),
                basis: leaf.map(|l| l.basis),
                value: row
                    .and_then(|r| r.value)
                    .map(|v| appraisal::describe_value(node, v)),
                rule: node
                    .rule
                    .as_ref()
                    .map(|r| r.describe_in(crate::i18n::lang(), node.max)),
                score,
                exact: Exact {
                    max: total.max,
                    points: total.points,
                    lost,
                    self_points: self_sum[i],
                    appraised: by_source[0][i],
                    survey: by_source[1][i],
                    sipas: by_source[2][i],
                },
            }
        })
        .collect();

    let mut lost_most: Vec<(Decimal, usize)> = nodes
        .iter()
        .enumerate()
        .filter(|(_, l)| l.leaf && l.applicable && l.exact.lost > Decimal::ZERO)
        .map(|(i, l)| (l.exact.lost, i))
        .collect();
    lost_most.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));

    let fields: Decimal = group.fields().map(|(i, _)| u.node(i).points).sum();
    let ranked = results.by_par_rank(u.group);
    let at = ranked.iter().position(|r| r.code == u.code).unwrap_or(0);
    let neighbour = |other: &UnitResult| Neighbour {
        code: other.code.clone(),
        name: other.name.clone(),
        rank: other.par.rank.rank,
        index: p(other.par.index),
        gap: p(other.par.index - u.par.index),
        gap_exact: crate::decimal::exact(other.par.index - u.par.index),
        points_to_pass: (other.par.index - u.par.index) * u.par.max / Decimal::ONE_HUNDRED,
    };
    let lost = u.par.max - u.par.total;
    Explanation {
        criteria: &criteria.id,
        year: criteria.year,
        decimals: d,
        unit: UnitInfo {
            code: u.code.clone(),
            name: u.name.clone(),
            group: group.id.clone(),
            group_name: group.name.clone(),
        },
        par: Summary {
            max: p(u.par.max),
            total: p(u.par.total),
            total_exact: exact(u.par.total),
            points: p(fields),
            points_exact: exact(fields),
            deductions: p(u.par.deductions),
            lost: p(lost),
            lost_exact: exact(lost),
            index: p(u.par.index),
            index_exact: exact(u.par.index),
            rank: u.par.rank.rank,
            of: ranked.len(),
            rank_note: u.par.rank.note.clone(),
            rank_tie: u.par.rank.tie.clone(),
            band: u.par.band.clone(),
        },
        sipas: SipasSummary {
            index: u.satisfaction.index.map(p),
            rank: u.sipas_rank.rank,
            valid: u.valid,
            below_minimum: u.below_minimum,
            elements: Ordered(
                criteria
                    .sipas
                    .elements
                    .iter()
                    .zip(&u.satisfaction.elements)
                    .map(|(e, v)| (e.code.clone(), v.map(p)))
                    .collect(),
            ),
        },
        nodes,
        deductions: u
            .par
            .deduction_list
            .iter()
            .map(|x| {
                let kind = &criteria.deductions[x.kind];
                DeductionLine {
                    code: kind.code.clone(),
                    name: kind.name.clone(),
                    times: x.times,
                    points: p(x.points),
                }
            })
            .collect(),
        lost_most: lost_most
            .iter()
            .map(|&(_, i)| group.nodes[i].code.to_string())
            .collect(),
        neighbours: Neighbours {
            above: at.checked_sub(1).map(|k| neighbour(ranked[k])),
            below: ranked.get(at + 1).map(|o| neighbour(o)),
        },
        warnings: results
            .warnings
            .iter()
            .filter(|w| w.unit.as_deref() == Some(u.code.as_str()))
            .collect(),
        previous: changes.and_then(|c| {
            c.units.get(&u.code).map(|change| PreviousSummary {
                file: c.file.clone(),
                year: c.year,
                change: change.clone(),
            })
        }),
    }
}
