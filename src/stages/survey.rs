//! Stage 2 — survey points from the officials' sociological survey (docs/method.md §5).
//!
//! For unit u and survey leaf L: for each respondent group g and question q of L,
//! m(g,q) = mean weight of the valid answers; m(g) = mean of m(g,q) over the questions with
//! at least one valid answer; score(L) = Σ w(g)·m(g) / Σ w(g) over the groups with valid
//! answers; points(L) = max(L) × score(L) / 100.

use rust_decimal::Decimal;

use crate::criteria::{Criteria, Node};
use crate::exact::Exact;

/// The answer options' weights as whole numbers at one scale (`weight × 10^scale`), prepared
/// once for a year, so that a question's mean is an exact fraction of integers.
#[derive(Debug, Clone)]
pub struct Weights {
    options: Vec<i128>,
    scale: u32,
    /// Per group of units: its respondent groups' weights, whole at their own scale.
    groups: Vec<Vec<i128>>,
}

impl Weights {
    pub fn of(criteria: &Criteria) -> Weights {
        let (options, scale) = whole(criteria.survey_scale.iter().map(|o| o.weight));
        let groups = criteria
            .groups
            .iter()
            .map(|g| whole(g.survey.respondent_groups.iter().map(|r| r.weight)).0)
            .collect();
        Weights {
            options,
            scale,
            groups,
        }
    }
}

/// Decimals as whole numbers at their largest scale: (values × 10^scale, scale). Criteria
/// values have at most 10 decimals and are at most 1,000,000, far inside `i128`.
fn whole(values: impl Iterator<Item = Decimal> + Clone) -> (Vec<i128>, u32) {
    let scale = values.clone().map(|v| v.scale()).max().unwrap_or(0);
    let scaled = values
        .map(|v| v.mantissa() * 10i128.pow(scale - v.scale()))
        .collect();
    (scaled, scale)
}

/// The survey score (0–100) of leaf `leaf` of group `g` for a unit, exactly, from answer
/// counts: `count(rg, q, option)`. `None` when no weighted group gave a valid answer.
pub fn leaf_score(
    criteria: &Criteria,
    weights: &Weights,
    g: usize,
    leaf: usize,
    count: impl Fn(usize, usize, usize) -> u32,
) -> Option<Exact> {
    let group = &criteria.groups[g];
    let questions = group
        .survey
        .by_leaf
        .get(leaf)
        .map_or(&[][..], Vec::as_slice);
    let option_unit = 10i128.pow(weights.scale);
    let mut weighted = Exact::ZERO;
    let mut weight_sum = 0i128;
    for (rg, &w) in weights.groups[g].iter().enumerate() {
        // m(g) = Σ over the answered questions of (Σ weight × count) / (Σ count), over their number
        let mut sum_of_means = Exact::ZERO;
        let mut answered = 0i128;
        for &q in questions {
            let (mut n, mut total) = (0i128, 0i128);
            for (o, &weight) in weights.options.iter().enumerate() {
                let c = i128::from(count(rg, q, o));
                n += c;
                total += weight * c;
            }
            if let Some(mean) = Exact::ratio(total, n * option_unit) {
                sum_of_means = sum_of_means.add(&mean);
                answered += 1;
            }
        }
        if let Some(m) = sum_of_means.div(&Exact::int(answered)) {
            weighted = weighted.add(&m.mul(&Exact::int(w)));
            weight_sum += w;
        }
    }
    weighted.div(&Exact::int(weight_sum))
}

/// Points of a leaf scored out of 100 — a survey leaf from its score, the `sipas` leaf from
/// the unit's satisfaction index: max × score / 100, exactly.
pub fn points(node: &Node, score: &Exact) -> Exact {
    Exact::from_decimal(node.max)
        .mul(score)
        .mul(&Exact::ratio(1, 100).expect("100 ≠ 0"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    const MINI: &str = include_str!("../../tests/data/mini/criteria.toml");

    /// Leaf 1.3 of the mini departments' tree: R1 (weight 2) answers SQ1 with A and B and SQ2
    /// with B; R2 (weight 1) answers SQ1 with C and nothing on SQ2.
    fn score(criteria_text: &str) -> Decimal {
        let c = crate::criteria::parse("mini.toml", criteria_text).unwrap();
        let g = &c.groups[0];
        let leaf = g.node_index("1.3").unwrap();
        let counts = |rg: usize, q: usize, o: usize| -> u32 {
            match (rg, q, o) {
                (0, 0, 0) | (0, 0, 1) | (0, 1, 1) | (1, 0, 2) => 1,
                _ => 0,
            }
        };
        leaf_score(&c, &Weights::of(&c), 0, leaf, counts)
            .unwrap()
            .to_decimal()
    }

    #[test]
    fn whole_weights_by_hand() {
        // R1: SQ1 (100 + 60)/2 = 80, SQ2 60 → 70; R2: SQ1 20 → 20; (2·70 + 1·20)/3 = 53.33…
        let expected = Decimal::from(160) / Decimal::from(3);
        assert_eq!(score(MINI), expected);
    }

    #[test]
    fn decimal_weights_by_hand() {
        // B = 66.5: R1: SQ1 (100 + 66.5)/2 = 83.25, SQ2 66.5 → 74.875; R2 20;
        // (2·74.875 + 20)/3 = 169.75/3
        let text = MINI.replace(
            "{ option = \"B\", weight = 60,",
            "{ option = \"B\", weight = 66.5,",
        );
        let expected = Decimal::from_str("169.75").unwrap() / Decimal::from(3);
        assert_eq!(score(&text), expected);
    }
}
