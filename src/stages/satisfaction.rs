//! Stage 3 — the satisfaction index, SIPAS (method.md §8).
//!
//! Item index = 100 × satisfied answers / valid answers; element index = mean of its item
//! indices (items with no valid answer left out); unit SIPAS = mean of its element indices
//! (an element with no valid answer left out, and said). A questionnaire with no valid answer
//! is not counted.

use rust_decimal::Decimal;

use crate::criteria::Criteria;
use crate::exact::Exact;

/// A unit's satisfaction figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Satisfaction {
    /// Per item (questionnaire order): satisfied and valid answers (see [`Satisfaction::item`]).
    pub items: Vec<(u32, u32)>,
    /// Per element: the index, `None` without a valid answer.
    pub elements: Vec<Option<Decimal>>,
    /// The unit's SIPAS, `None` without any valid answer.
    pub index: Option<Decimal>,
    /// The same, exactly (for the `sipas` leaf's points).
    pub exact: Option<Exact>,
}

impl Satisfaction {
    /// The index of item `k` (100 × satisfied / valid answers); `None` without a valid answer.
    pub fn item(&self, k: usize) -> Option<Decimal> {
        let (happy, valid) = *self.items.get(k)?;
        Exact::ratio(100 * i128::from(happy), i128::from(valid)).map(|i| i.to_decimal())
    }
}

/// SIPAS from answer counts: `count(item, level)` with items in questionnaire order and levels
/// in scale order. Every mean is taken exactly, and each figure rounded once, when stored.
pub fn compute(criteria: &Criteria, count: impl Fn(usize, usize) -> u32) -> Satisfaction {
    let sipas = &criteria.sipas;
    let satisfied: Vec<bool> = sipas
        .scale
        .iter()
        .map(|l| sipas.satisfied.contains(&l.level))
        .collect();
    let mut items = Vec::new();
    let mut elements = Vec::new();
    let mut sum_of_elements = Exact::ZERO;
    let mut answered = 0;
    let mut item = 0;
    for element in &sipas.elements {
        let mut sum = Exact::ZERO;
        let mut n = 0;
        for _ in &element.items {
            let (mut happy, mut valid) = (0i128, 0i128);
            for (l, &is_satisfied) in satisfied.iter().enumerate() {
                let c = i128::from(count(item, l));
                valid += c;
                if is_satisfied {
                    happy += c;
                }
            }
            if let Some(i) = Exact::ratio(100 * happy, valid) {
                sum = sum.add(&i);
                n += 1;
            }
            // counts of u32 answers: they fit back
            items.push((
                u32::try_from(happy).unwrap_or(u32::MAX),
                u32::try_from(valid).unwrap_or(u32::MAX),
            ));
            item += 1;
        }
        let mean = sum.div(&Exact::int(n));
        if let Some(m) = &mean {
            sum_of_elements = sum_of_elements.add(m);
            answered += 1;
        }
        elements.push(mean.map(|m| m.to_decimal()));
    }
    let exact = sum_of_elements.div(&Exact::int(answered));
    Satisfaction {
        items,
        elements,
        index: exact.as_ref().map(Exact::to_decimal),
        exact,
    }
}
