//! Stage 4 — totals, index, rank and band (method.md §9).
//!
//! Points of a criterion, a field and the total are sums of their applicable children;
//! deductions (capped per kind and in total) come off the total, which never goes below 0.
//! Unit maximum = sum of the maxima of its applicable leaves; PAR index = total × 100 / maximum.
//! Ranks are decided on exact values (equal exact values share a rank, 1, 2, 2, 4); where two
//! units publish the same figure but rank apart, a note says so.

use rust_decimal::Decimal;

use super::{LeafScore, NodeTotal, UnitResult};
use crate::criteria::{Criteria, Group, Ranking, Source};
use crate::decimal::publish;
use crate::inputs::DeductionRow;

/// A deduction as applied: times × points, capped for its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deduction {
    pub kind: usize,
    pub times: u32,
    pub points: Decimal,
}

/// A rank in a group, with a note where it is decided below the published precision.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ranked {
    /// 1-based; 0 when the unit is not ranked.
    pub rank: usize,
    pub note: Option<String>,
}

/// The PAR index of a unit and its parts.
#[derive(Debug, Clone, Default)]
pub struct Par {
    /// Points by source of the leaves.
    pub appraisal: Decimal,
    pub survey: Decimal,
    pub sipas: Decimal,
    /// Deductions per kind, as applied.
    pub deduction_list: Vec<Deduction>,
    /// Points taken off in all (after the caps).
    pub deductions: Decimal,
    /// Sum of the maxima of the applicable leaves.
    pub max: Decimal,
    /// Points after deductions, never below 0.
    pub total: Decimal,
    /// total × 100 / max.
    pub index: Decimal,
    pub rank: Ranked,
    /// Band of the published index.
    pub band: Option<String>,
}

/// Points and applicable maxima of every node, from its leaves.
pub fn node_totals(group: &Group, leaves: &[Option<LeafScore>]) -> Vec<NodeTotal> {
    let mut totals = vec![NodeTotal::default(); group.nodes.len()];
    // Children come after their parents: walk backwards, adding each node into its parent.
    for i in (0..group.nodes.len()).rev() {
        if let Some(leaf) = leaves[i]
            && leaf.applicable
        {
            totals[i].points = leaf.points;
            totals[i].max = group.nodes[i].max;
        }
        if let Some(p) = group.nodes[i].parent {
            let child = totals[i];
            totals[p].points += child.points;
            totals[p].max += child.max;
        }
    }
    totals
}

/// The PAR total, maximum and index of a unit (rank and band are set by [`rank_all`]).
pub fn par(
    criteria: &Criteria,
    group: &Group,
    nodes: &[NodeTotal],
    leaves: &[Option<LeafScore>],
    rows: &[DeductionRow],
) -> Par {
    let mut par = Par::default();
    for (i, node) in group.leaves() {
        let Some(leaf) = leaves[i].filter(|l| l.applicable) else {
            continue;
        };
        match node.source {
            Some(Source::Appraisal) => par.appraisal += leaf.points,
            Some(Source::Survey) => par.survey += leaf.points,
            Some(Source::Sipas) => par.sipas += leaf.points,
            None => {}
        }
    }
    let sum: Decimal = group.fields().map(|(i, _)| nodes[i].points).sum();
    par.max = group.fields().map(|(i, _)| nodes[i].max).sum();
    for row in rows {
        let kind = &criteria.deductions[row.kind];
        let points = (kind.points * Decimal::from(row.times)).min(kind.cap);
        par.deductions += points;
        par.deduction_list.push(Deduction {
            kind: row.kind,
            times: row.times,
            points,
        });
    }
    par.deductions = par.deductions.min(criteria.deduction_cap);
    par.total = (sum - par.deductions).max(Decimal::ZERO);
    par.index = if par.max.is_zero() {
        Decimal::ZERO
    } else {
        par.total * Decimal::ONE_HUNDRED / par.max
    };
    par
}

/// Ranks every group on the PAR index and on SIPAS, and sets the bands.
pub fn rank_all(criteria: &Criteria, units: &mut [UnitResult]) {
    let decimals = criteria.publish.decimals;
    for g in 0..criteria.groups.len() {
        let members: Vec<usize> = (0..units.len()).filter(|&i| units[i].group == g).collect();
        let par: Vec<(String, Option<Decimal>)> = members
            .iter()
            .map(|&i| (units[i].code.clone(), Some(units[i].par.index)))
            .collect();
        let sipas: Vec<(String, Option<Decimal>)> = members
            .iter()
            .map(|&i| (units[i].code.clone(), units[i].satisfaction.index))
            .collect();
        let par_ranks = rank(&par, decimals, criteria.publish.ranking);
        let sipas_ranks = rank(&sipas, decimals, criteria.publish.ranking);
        for (k, &i) in members.iter().enumerate() {
            units[i].par.rank = par_ranks[k].clone();
            units[i].sipas_rank = sipas_ranks[k].clone();
            let published = publish(units[i].par.index, decimals);
            units[i].par.band = criteria.band_of(published).map(|b| b.name.clone());
        }
    }
}

/// Ranks of `(code, value)` entries, highest first; `None` values are not ranked.
///
/// `Exact`: equal exact values share a rank; units that publish the same figure but rank apart
/// get a note. `Published`: equal published values share a rank.
pub fn rank(entries: &[(String, Option<Decimal>)], decimals: u32, mode: Ranking) -> Vec<Ranked> {
    let key = |v: Decimal| match mode {
        Ranking::Exact => v,
        Ranking::Published => publish(v, decimals),
    };
    // Highest first; rank = 1 + how many rank strictly higher.
    let mut order: Vec<(Decimal, usize)> = entries
        .iter()
        .enumerate()
        .filter_map(|(i, (_, v))| v.map(|v| (key(v), i)))
        .collect();
    order.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut ranks = vec![Ranked::default(); entries.len()];
    for (pos, &(k, i)) in order.iter().enumerate() {
        let first = order.partition_point(|&(other, _)| other > k);
        debug_assert!(first <= pos);
        ranks[i].rank = first + 1;
    }
    // Units that publish the same figure but whose keys differ: say why they rank apart.
    let mut by_published: std::collections::BTreeMap<Decimal, Vec<usize>> =
        std::collections::BTreeMap::new();
    for &(_, i) in &order {
        let v = entries[i].1.expect("ranked");
        by_published
            .entry(publish(v, decimals))
            .or_default()
            .push(i);
    }
    for (published, members) in by_published {
        if members.len() < 2 {
            continue;
        }
        for &i in &members {
            let v = entries[i].1.expect("ranked");
            let apart: Vec<(&str, Decimal)> = members
                .iter()
                .filter(|&&j| j != i)
                .map(|&j| (entries[j].0.as_str(), entries[j].1.expect("ranked")))
                .filter(|&(_, w)| key(w) != key(v))
                .collect();
            if apart.is_empty() {
                continue;
            }
            let digits = apart
                .iter()
                .map(|&(_, w)| digits_to_tell(v, w))
                .max()
                .unwrap_or(decimals + 1);
            let others = apart
                .iter()
                .map(|&(c, w)| format!("{c} {}", publish(w, digits)))
                .collect::<Vec<_>>()
                .join(", ");
            ranks[i].note = Some(format!(
                "bằng {others} khi làm tròn ({published}); xếp hạng theo giá trị chính xác {}",
                publish(v, digits)
            ));
        }
    }
    ranks
}

/// The fewest decimals (from 3) at which `a` and `b` print differently.
fn digits_to_tell(a: Decimal, b: Decimal) -> u32 {
    (3..=28)
        .find(|&d| publish(a, d) != publish(b, d))
        .unwrap_or(28)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn entries(values: &[(&str, &str)]) -> Vec<(String, Option<Decimal>)> {
        values
            .iter()
            .map(|(c, v)| (c.to_string(), Some(Decimal::from_str(v).unwrap())))
            .collect()
    }

    #[test]
    fn exact_ties_share_a_rank() {
        let e = entries(&[("A", "90"), ("B", "85.5"), ("C", "85.5"), ("D", "80")]);
        let r: Vec<usize> = rank(&e, 2, Ranking::Exact).iter().map(|r| r.rank).collect();
        assert_eq!(r, [1, 2, 2, 4]);
    }

    #[test]
    fn equal_when_published_ranked_apart_with_a_note() {
        let e = entries(&[("A", "84.9412"), ("B", "84.9371")]);
        let r = rank(&e, 2, Ranking::Exact);
        assert_eq!((r[0].rank, r[1].rank), (1, 2));
        assert_eq!(
            r[1].note.as_deref(),
            Some("bằng A 84.941 khi làm tròn (84.94); xếp hạng theo giá trị chính xác 84.937")
        );
        let r = rank(&e, 2, Ranking::Published);
        assert_eq!((r[0].rank, r[1].rank), (1, 1));
        assert!(r[0].note.is_none());
    }
}
