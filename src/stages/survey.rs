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
    let mut weighted = Decimal::ZERO;
    let mut weights = Decimal::ZERO;
    for (rg, respondent_group) in group.survey.respondent_groups.iter().enumerate() {
        let mut sum_of_means = Decimal::ZERO;
        let mut answered = 0u32;
        for &q in questions {
            let mut n = 0u64;
            let mut total = Decimal::ZERO;
            for (o, option) in criteria.survey_scale.iter().enumerate() {
                let c = count(rg, q, o);
                n += u64::from(c);
                total += option.weight * Decimal::from(c);
            }
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
