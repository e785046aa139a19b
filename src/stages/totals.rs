//! Stage 4 — totals, index, rank and band (docs/method.md §7–§8).
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
use crate::exact::Exact;
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
    /// The annexes' note (Vietnamese, as they write it).
    pub note: Option<String>,
    /// What the note says, for messages in another language.
    pub tie: Option<Tie>,
}

/// Why a rank is decided below the published precision: the units that publish the same figure
/// with another exact value, each value at the fewest decimals that tell them all apart.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tie {
    /// The other units (code, value), highest first.
    pub others: Vec<(String, Decimal)>,
    /// The figure they all publish.
    pub published: Decimal,
    /// The unit's own value.
    pub own: Decimal,
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
    /// Band of the published index ([`band`]).
    pub band: Option<String>,
}

/// Points and applicable maxima of every node, from its leaves; and the unit's points in all
/// (the sum of its fields), exactly.
///
/// `exact` gives the exact points of the leaves whose points are quotients (survey and
/// satisfaction leaves), in node order: a node above them sums them exactly and is rounded
/// once, when stored.
pub fn node_totals(
    group: &Group,
    leaves: &[Option<LeafScore>],
    exact: &[(usize, Exact)],
) -> (Vec<NodeTotal>, Exact) {
    debug_assert!(exact.windows(2).all(|w| w[0].0 < w[1].0), "in node order");
    let n = group.nodes.len();
    let mut totals = vec![NodeTotal::default(); n];
    // The decimal part: leaves typed or computed as decimals, summed exactly.
    let mut sum_decimal = Decimal::ZERO;
    // Children come after their parents: walk backwards, adding each node into its parent
    // (`exact` walked backwards beside, to tell the quotient leaves).
    let mut next_quotient = exact.len();
    for i in (0..n).rev() {
        let quotient = next_quotient > 0 && exact[next_quotient - 1].0 == i;
        if quotient {
            next_quotient -= 1;
        }
        if let Some(leaf) = leaves[i]
            && leaf.applicable
        {
            if !quotient {
                totals[i].points = leaf.points;
            }
            totals[i].max = group.nodes[i].max;
        }
        let child = totals[i];
        match group.nodes[i].parent {
            Some(p) => {
                totals[p].points += child.points;
                totals[p].max += child.max;
            }
            None => sum_decimal += child.points,
        }
    }
    // The exact part: the quotient leaves summed into their ancestors, a node's sum complete
    // before it is added into its parent (one addition per edge), each node rounded once.
    let mut open: Vec<(usize, Exact)> = exact
        .iter()
        .filter(|(i, _)| leaves[*i].is_some_and(|l| l.applicable))
        .cloned()
        .collect();
    let mut sum_fraction = Exact::ZERO;
    // the node of highest index first: every child of it is done
    while let Some((i, f)) = open.pop() {
        totals[i].points = Exact::from_decimal(totals[i].points).add(&f).to_decimal();
        match group.nodes[i].parent {
            Some(p) => match open.binary_search_by_key(&p, |(j, _)| *j) {
                Ok(k) => open[k].1 = open[k].1.add(&f),
                Err(k) => open.insert(k, (p, f)),
            },
            None => sum_fraction = sum_fraction.add(&f),
        }
    }
    (totals, Exact::from_decimal(sum_decimal).add(&sum_fraction))
}

/// The PAR total, maximum and index of a unit (its band is [`band`], its rank [`rank_all`]), from
/// its nodes and leaves ([`node_totals`]), the exact points of its quotient leaves and its
/// exact sum of points.
pub fn par(
    criteria: &Criteria,
    group: &Group,
    nodes: &[NodeTotal],
    leaves: &[Option<LeafScore>],
    exact: &[(usize, Exact)],
    sum: &Exact,
    rows: &[DeductionRow],
) -> Par {
    let mut par = Par::default();
    // Decimal leaves: appraisal points, and survey or satisfaction leaves scored 0 for want of
    // answers; then the quotient leaves, exactly.
    let (mut survey, mut sipas) = (Decimal::ZERO, Decimal::ZERO);
    let mut next_quotient = 0;
    for (i, node) in group.leaves() {
        while next_quotient < exact.len() && exact[next_quotient].0 < i {
            next_quotient += 1;
        }
        let Some(leaf) = leaves[i].filter(|l| l.applicable) else {
            continue;
        };
        if exact.get(next_quotient).is_some_and(|(j, _)| *j == i) {
            continue;
        }
        match node.source {
            Some(Source::Appraisal) => par.appraisal += leaf.points,
            Some(Source::Survey) => survey += leaf.points,
            Some(Source::Sipas) => sipas += leaf.points,
            None => {}
        }
    }
    let (mut survey, mut sipas) = (Exact::from_decimal(survey), Exact::from_decimal(sipas));
    for (i, e) in exact {
        if !leaves[*i].is_some_and(|l| l.applicable) {
            continue;
        }
        match group.nodes[*i].source {
            Some(Source::Survey) => survey = survey.add(e),
            Some(Source::Sipas) => sipas = sipas.add(e),
            _ => {}
        }
    }
    par.survey = survey.to_decimal();
    par.sipas = sipas.to_decimal();
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
    let mut total = sum.sub(&Exact::from_decimal(par.deductions));
    if total.is_negative() {
        total = Exact::ZERO;
    }
    par.total = total.to_decimal();
    par.index = total
        .mul(&Exact::int(100))
        .div(&Exact::from_decimal(par.max))
        .map_or(Decimal::ZERO, |i| i.to_decimal());
    par
}

/// The band (xếp loại) of a PAR index, read on the published figure: 89.995 publishes as
/// 90.00, an A by the national bands.
pub fn band(criteria: &Criteria, index: Decimal) -> Option<String> {
    let published = publish(index, criteria.publish.decimals);
    criteria.band_of(published).map(|b| b.name.clone())
}

/// Ranks every group on the PAR index and on SIPAS.
pub fn rank_all(criteria: &Criteria, units: &mut [UnitResult]) {
    use rayon::prelude::*;
    let decimals = criteria.publish.decimals;
    let members: Vec<Vec<usize>> = (0..criteria.groups.len())
        .map(|g| (0..units.len()).filter(|&i| units[i].group == g).collect())
        .collect();
    // Every (group, index) ranking on its own core: PAR and SIPAS of each group.
    let shared: &[UnitResult] = units;
    let ranked: Vec<Vec<Ranked>> = (0..2 * members.len())
        .into_par_iter()
        .map(|task| {
            let entries: Vec<(&str, Option<Decimal>)> = members[task / 2]
                .iter()
                .map(|&i| {
                    let u = &shared[i];
                    let value = if task % 2 == 0 {
                        Some(u.par.index)
                    } else {
                        u.satisfaction.index
                    };
                    (u.code.as_str(), value)
                })
                .collect();
            rank(&entries, decimals, criteria.publish.ranking)
        })
        .collect();
    let mut ranked = ranked.into_iter();
    for group in &members {
        let (par_ranks, sipas_ranks) = (ranked.next(), ranked.next());
        let (Some(par_ranks), Some(sipas_ranks)) = (par_ranks, sipas_ranks) else {
            break;
        };
        for ((&i, par_rank), sipas_rank) in group.iter().zip(par_ranks).zip(sipas_ranks) {
            units[i].par.rank = par_rank;
            units[i].sipas_rank = sipas_rank;
        }
    }
}

/// Ranks of `(code, value)` entries, highest first; `None` values are not ranked.
///
/// `Exact`: equal exact values share a rank; units that publish the same figure but rank apart
/// get a note. `Published`: equal published values share a rank.
pub fn rank(entries: &[(&str, Option<Decimal>)], decimals: u32, mode: Ranking) -> Vec<Ranked> {
    // Each value rounded once, for the key and for the notes.
    let published: Vec<Option<Decimal>> = entries
        .iter()
        .map(|(_, v)| v.map(|v| publish(v, decimals)))
        .collect();
    let key = |i: usize| match mode {
        Ranking::Exact => entries[i].1,
        Ranking::Published => published[i],
    };
    // Highest first; rank = 1 + how many rank strictly higher.
    let mut order: Vec<(Decimal, usize)> = (0..entries.len())
        .filter_map(|i| key(i).map(|k| (k, i)))
        .collect();
    order.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut ranks = vec![Ranked::default(); entries.len()];
    let mut first = 0;
    for (pos, &(k, i)) in order.iter().enumerate() {
        if pos > 0 && k != order[pos - 1].0 {
            first = pos;
        }
        ranks[i].rank = first + 1;
    }
    // Units that publish the same figure but whose keys differ: say why they rank apart.
    // Rounding keeps the order, so that such units come together in it.
    let by_published = order.chunk_by(|a, b| published[a.1] == published[b.1]);
    // (written piece by piece: a national year has thousands of notes)
    let mut note = String::new();
    for run in by_published {
        if run.len() < 2 {
            continue;
        }
        let published = published[run[0].1].expect("ranked");
        for &(_, i) in run {
            let v = entries[i].1.expect("ranked");
            let apart = run
                .iter()
                .filter(|&&(_, j)| j != i && key(j) != key(i))
                .map(|&(_, j)| (entries[j].0, entries[j].1.expect("ranked")));
            let Some(digits) = apart.clone().map(|(_, w)| digits_to_tell(v, w)).max() else {
                continue;
            };
            note.clear();
            note.push_str("bằng ");
            let mut others = Vec::new();
            for (k, (code, w)) in apart.enumerate() {
                if k > 0 {
                    note.push_str(", ");
                }
                note.push_str(code);
                note.push(' ');
                let w = publish(w, digits);
                crate::decimal::write(&mut note, w);
                others.push((code.to_string(), w));
            }
            let own = publish(v, digits);
            note.push_str(" khi làm tròn (");
            crate::decimal::write(&mut note, published);
            note.push_str("); xếp hạng theo giá trị chính xác ");
            crate::decimal::write(&mut note, own);
            ranks[i].note = Some(note.clone());
            ranks[i].tie = Some(Tie {
                others,
                published,
                own,
            });
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

    fn entries<'a>(values: &[(&'a str, &str)]) -> Vec<(&'a str, Option<Decimal>)> {
        values
            .iter()
            .map(|&(c, v)| (c, Some(Decimal::from_str(v).unwrap())))
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

    proptest::proptest! {
        /// Ranks and notes as the method says them, found the plain way: a unit's rank is one
        /// more than the units with a higher key; its note names, highest first, every unit
        /// that publishes the same figure with another key, at the fewest decimals that tell
        /// them all apart.
        #[test]
        fn ranks_and_notes_the_plain_way(
            values in proptest::collection::vec(proptest::option::weighted(0.9, 8000i64..8040), 0..40),
            scales in proptest::collection::vec(2u32..5, 40),
            exact: bool,
        ) {
            let mode = if exact { Ranking::Exact } else { Ranking::Published };
            let codes: Vec<String> = (0..values.len()).map(|i| format!("U{i}")).collect();
            // values near 80, at 2 to 4 decimals: many equal when published, some exactly equal
            let e: Vec<(&str, Option<Decimal>)> = values
                .iter()
                .zip(&scales)
                .zip(&codes)
                .map(|((v, &s), c)| (c.as_str(), v.map(|v| Decimal::new(v * 10i64.pow(s - 2) + i64::from(s == 4) * (v % 7), s))))
                .collect();
            let key = |i: usize| match mode {
                Ranking::Exact => e[i].1,
                Ranking::Published => e[i].1.map(|v| publish(v, 2)),
            };
            let got = rank(&e, 2, mode);
            for i in 0..e.len() {
                let Some(k) = key(i) else {
                    proptest::prop_assert_eq!(&got[i], &Ranked::default());
                    continue;
                };
                let higher = (0..e.len()).filter(|&j| key(j).is_some_and(|o| o > k)).count();
                proptest::prop_assert_eq!(got[i].rank, higher + 1);
                let v = e[i].1.unwrap();
                let p = publish(v, 2);
                let mut apart: Vec<usize> = (0..e.len())
                    .filter(|&j| e[j].1.is_some_and(|w| publish(w, 2) == p) && key(j) != Some(k))
                    .collect();
                apart.sort_by(|&a, &b| key(b).cmp(&key(a)).then(a.cmp(&b)));
                let note = (!apart.is_empty()).then(|| {
                    let digits = apart.iter().map(|&j| digits_to_tell(v, e[j].1.unwrap())).max().unwrap();
                    let others: Vec<String> = apart.iter().map(|&j| format!("{} {}", e[j].0, publish(e[j].1.unwrap(), digits))).collect();
                    format!("bằng {} khi làm tròn ({p}); xếp hạng theo giá trị chính xác {}", others.join(", "), publish(v, digits))
                });
                proptest::prop_assert_eq!(&got[i].note, &note);
                // what the note says, for the messages
                let tie = (!apart.is_empty()).then(|| {
                    let digits = apart.iter().map(|&j| digits_to_tell(v, e[j].1.unwrap())).max().unwrap();
                    Tie {
                        others: apart.iter().map(|&j| (e[j].0.to_string(), publish(e[j].1.unwrap(), digits))).collect(),
                        published: p,
                        own: publish(v, digits),
                    }
                });
                proptest::prop_assert_eq!(&got[i].tie, &tie);
            }
        }
    }
}
