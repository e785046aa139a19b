//! Stage 3 — the satisfaction index, SIPAS (method.md §8).
//!
//! Item index = 100 × satisfied answers / valid answers; element index = mean of its item
//! indices (items with no valid answer left out); unit SIPAS = mean of its element indices
//! (an element with no valid answer left out, and said). A questionnaire with no valid answer
//! is not counted.

use rust_decimal::Decimal;

use crate::criteria::Criteria;

/// A unit's satisfaction figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Satisfaction {
    /// Per item (questionnaire order): the index, `None` without a valid answer.
    pub items: Vec<Option<Decimal>>,
    /// Per element: the index, `None` without a valid answer.
    pub elements: Vec<Option<Decimal>>,
    /// The unit's SIPAS, `None` without any valid answer.
    pub index: Option<Decimal>,
}

/// SIPAS from answer counts: `count(item, level)` with items in questionnaire order and levels
/// in scale order.
pub fn compute(criteria: &Criteria, count: impl Fn(usize, usize) -> u32) -> Satisfaction {
    let sipas = &criteria.sipas;
    let satisfied: Vec<bool> = sipas
        .scale
        .iter()
        .map(|l| sipas.satisfied.contains(&l.level))
        .collect();
    let mut items = Vec::new();
    let mut elements = Vec::new();
    let mut item = 0;
    for element in &sipas.elements {
        let mut sum = Decimal::ZERO;
        let mut n = 0u32;
        for _ in &element.items {
            let (mut happy, mut valid) = (0u64, 0u64);
            for (l, &is_satisfied) in satisfied.iter().enumerate() {
                let c = u64::from(count(item, l));
                valid += c;
                if is_satisfied {
                    happy += c;
                }
            }
            let index = (valid > 0)
                .then(|| Decimal::from(happy) * Decimal::ONE_HUNDRED / Decimal::from(valid));
            if let Some(i) = index {
                sum += i;
                n += 1;
            }
            items.push(index);
            item += 1;
        }
        elements.push((n > 0).then(|| sum / Decimal::from(n)));
    }
    let answered: Vec<Decimal> = elements.iter().flatten().copied().collect();
    let index = (!answered.is_empty())
        .then(|| answered.iter().sum::<Decimal>() / Decimal::from(answered.len() as u64));
    Satisfaction {
        items,
        elements,
        index,
    }
}
