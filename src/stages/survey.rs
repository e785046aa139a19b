//! Stage 2 — survey points from the officials' sociological survey (method.md §7).
//!
//! For unit u and survey leaf L: for each respondent group g and question q of L,
//! m(g,q) = mean weight of the valid answers; m(g) = mean of m(g,q) over the questions with
//! at least one valid answer; score(L) = Σ w(g)·m(g) / Σ w(g) over the groups with valid
//! answers; points(L) = max(L) × score(L) / 100.

use rust_decimal::Decimal;

use crate::criteria::{Criteria, Group, Node};

/// The survey score (0–100) of leaf `node` for a unit, from answer counts:
/// `count(rg, q, option)`. `None` when no weighted group gave a valid answer.
pub fn leaf_score(
    criteria: &Criteria,
    group: &Group,
    leaf: usize,
    count: impl Fn(usize, usize, usize) -> u32,
) -> Option<Decimal> {
    let questions = group
        .survey
        .by_leaf
        .get(leaf)
        .map_or(&[][..], Vec::as_slice);
    // Whole-number weights (100, 60, 20, 0 by default) are summed as integers: exact, and
    // cheaper than a decimal product per option.
    let whole: Option<Vec<i64>> = criteria
        .survey_scale
        .iter()
        .map(|o| {
            o.weight
                .is_integer()
                .then(|| i64::try_from(o.weight.mantissa() / 10i128.pow(o.weight.scale())).ok())
                .flatten()
        })
        .collect();
    let mut weighted = Decimal::ZERO;
    let mut weights = Decimal::ZERO;
    for (rg, respondent_group) in group.survey.respondent_groups.iter().enumerate() {
        let mut sum_of_means = Decimal::ZERO;
        let mut answered = 0u32;
        for &q in questions {
            let mut n = 0u64;
            let total = match &whole {
                Some(w) => {
                    let mut sum = 0i64;
                    for (o, &weight) in w.iter().enumerate() {
                        let c = count(rg, q, o);
                        n += u64::from(c);
                        sum += weight * i64::from(c);
                    }
                    Decimal::from(sum)
                }
                None => {
                    let mut sum = Decimal::ZERO;
                    for (o, option) in criteria.survey_scale.iter().enumerate() {
                        let c = count(rg, q, o);
                        n += u64::from(c);
                        sum += option.weight * Decimal::from(c);
                    }
                    sum
                }
            };
            if n > 0 {
                sum_of_means += total / Decimal::from(n);
                answered += 1;
            }
        }
        if answered > 0 {
            let m = sum_of_means / Decimal::from(answered);
            weighted += respondent_group.weight * m;
            weights += respondent_group.weight;
        }
    }
    (!weights.is_zero()).then(|| weighted / weights)
}

/// Points of a survey leaf from its score.
pub fn points(node: &Node, score: Decimal) -> Decimal {
    node.max * score / Decimal::ONE_HUNDRED
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
        leaf_score(&c, g, leaf, counts).unwrap()
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
