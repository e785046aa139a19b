//! Stage 3 — the satisfaction index, SIPAS (docs/method.md §6).
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

/// SIPAS from results delivered per unit (docs/method.md §6, "The survey delivered as results"): each
/// figure as exact as written; the unit's SIPAS is the mean of the element indices given, or
/// the index given where no element is. No item is known.
pub fn delivered(elements: &[Option<Decimal>], index: Option<Decimal>) -> Satisfaction {
    let given: Vec<Exact> = elements
        .iter()
        .flatten()
        .map(|d| Exact::from_decimal(*d))
        .collect();
    let mean = given
        .iter()
        .fold(Exact::ZERO, |sum, e| sum.add(e))
        .div(&Exact::int(given.len() as i128));
    let exact = mean.or_else(|| index.map(Exact::from_decimal));
    Satisfaction {
        items: Vec::new(),
        elements: elements.to_vec(),
        index: exact.as_ref().map(Exact::to_decimal),
        exact,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn delivered_results_are_averaged_exactly() {
        // (96.59 + 97.69 + 97.32 + 97.06 + 96.21) / 5 = 484.87 / 5 = 96.974
        let elements = ["96.59", "97.69", "97.32", "97.06", "96.21"].map(|e| Some(d(e)));
        let s = delivered(&elements, Some(d("96.97")));
        assert_eq!(s.index, Some(d("96.974")));
        // an element left out: (90 + 80) / 2
        let s = delivered(&[Some(d("90")), None, Some(d("80"))], None);
        assert_eq!(s.index, Some(d("85")));
        // a third, exactly: (90 + 80 + 81) / 3 = 83.666…
        let s = delivered(&[Some(d("90")), Some(d("80")), Some(d("81"))], None);
        assert_eq!(
            s.exact.map(|e| e.mul(&Exact::int(3)).to_decimal()),
            Some(d("251"))
        );
        // only the index delivered
        let s = delivered(&[None, None], Some(d("88.5")));
        assert_eq!(s.index, Some(d("88.5")));
        assert_eq!(delivered(&[None], None).index, None);
    }
}
