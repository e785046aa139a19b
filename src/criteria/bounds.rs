//! Intervals written as decisions write them: từ (from, ≥), trên (above, >), đến (to, ≤),
//! dưới (below, <). Used by `bands` rules and by the bands (xếp loại) of the index.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;
use serde::ser::SerializeMap;

use super::Measure;
use crate::i18n::Lang;
use crate::{tr, tr_in};

/// One end of an interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bound {
    pub value: Decimal,
    pub inclusive: bool,
}

/// An interval with optional ends (a missing end is open).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Interval {
    pub lower: Option<Bound>,
    pub upper: Option<Bound>,
}

impl Interval {
    pub fn contains(&self, v: Decimal) -> bool {
        let cmp = crate::decimal::cmp;
        let above_lower = match self.lower {
            None => true,
            Some(b) if b.inclusive => cmp(v, b.value).is_ge(),
            Some(b) => cmp(v, b.value).is_gt(),
        };
        let below_upper = match self.upper {
            None => true,
            Some(b) if b.inclusive => cmp(v, b.value).is_le(),
            Some(b) => cmp(v, b.value).is_lt(),
        };
        above_lower && below_upper
    }

    /// Whether the lower end lies above the upper end (the interval is empty).
    pub fn is_reversed(&self) -> bool {
        match (self.lower, self.upper) {
            (Some(l), Some(u)) => {
                l.value > u.value || (l.value == u.value && !(l.inclusive && u.inclusive))
            }
            _ => false,
        }
    }

    /// The same interval over whole numbers, with inclusive ends ("dưới 3" → "đến 2").
    fn whole(&self) -> Interval {
        Interval {
            lower: self.lower.map(|b| Bound {
                value: if b.inclusive {
                    b.value.ceil()
                } else {
                    b.value.floor() + Decimal::ONE
                },
                inclusive: true,
            }),
            upper: self.upper.map(|b| Bound {
                value: if b.inclusive {
                    b.value.floor()
                } else {
                    b.value.ceil() - Decimal::ONE
                },
                inclusive: true,
            }),
        }
    }

    /// As the decision writes it, in Vietnamese (the annexes' words), each value followed by
    /// `unit`: e.g. "từ 80% đến dưới 100%", "4 lần", "dưới 70%".
    pub fn describe(&self, unit: &str) -> String {
        self.words(Lang::Vi, |d| format!("{}{unit}", d.normalize()))
    }

    /// In `lang`, for messages: "từ 80% đến dưới 100%", "from 80% to below 100%", "4 times".
    pub fn describe_in(&self, lang: Lang, measure: Option<Measure>) -> String {
        self.words(lang, |d| value_text(lang, d, measure))
    }

    fn words(&self, lang: Lang, v: impl Fn(Decimal) -> String) -> String {
        match (self.lower, self.upper) {
            (Some(l), Some(u)) if l.value == u.value && l.inclusive && u.inclusive => v(l.value),
            (None, None) => tr_in!(lang, "criteria-interval-any"),
            (lower, upper) => {
                let mut parts = Vec::new();
                if let Some(l) = lower {
                    let value = v(l.value);
                    parts.push(if l.inclusive {
                        tr_in!(lang, "criteria-interval-from", value = value)
                    } else {
                        tr_in!(lang, "criteria-interval-above", value = value)
                    });
                }
                if let Some(u) = upper {
                    let value = v(u.value);
                    parts.push(match (lower.is_some(), u.inclusive) {
                        (true, true) => tr_in!(lang, "criteria-interval-to", value = value),
                        (true, false) => tr_in!(lang, "criteria-interval-to-below", value = value),
                        (false, true) => tr_in!(lang, "criteria-interval-up-to", value = value),
                        (false, false) => tr_in!(lang, "criteria-interval-below", value = value),
                    });
                }
                parts.join(" ")
            }
        }
    }
}

impl Serialize for Interval {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        if let Some(l) = self.lower {
            map.serialize_entry(if l.inclusive { "from" } else { "above" }, &l.value)?;
        }
        if let Some(u) = self.upper {
            map.serialize_entry(if u.inclusive { "to" } else { "below" }, &u.value)?;
        }
        map.end()
    }
}

/// A measured value as the decision writes it: "85%", "3 lần" ("3 times"), or the number.
pub fn value_text(lang: Lang, value: Decimal, measure: Option<Measure>) -> String {
    let value = value.normalize();
    match measure {
        Some(Measure::Percent) => format!("{value}%"),
        Some(Measure::Count) => match value.to_i64().filter(|_| value.fract().is_zero()) {
            Some(n) => tr_in!(lang, "criteria-times", count = n),
            None => tr_in!(lang, "criteria-times", count = value),
        },
        None => value.to_string(),
    }
}

/// A flaw in a set of intervals meant to cover a domain exactly once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CoverFlaw {
    /// Band `i` has its lower end above its upper end.
    Reversed(usize),
    /// The bands are listed neither all ascending nor all descending; `i` breaks the order.
    OutOfOrder(usize),
    /// Bands `i` and `j` share values.
    Overlap(usize, usize),
    /// Values between bands `i` and `j` (or before the first / after the last) belong to none.
    Gap(String),
}

/// Checks that `intervals` cover `[start, end]` (`end = None`: no upper end) once each.
/// `start` is the least value the measure can take (0 for counts and percentages). With
/// `whole`, values are whole numbers (counts): "3 lần" next to "từ 4 lần" leaves no gap.
pub fn check_cover(
    intervals: &[Interval],
    start: Decimal,
    end: Option<Decimal>,
    whole: bool,
) -> Vec<CoverFlaw> {
    let converted: Vec<Interval>;
    let intervals = if whole {
        converted = intervals.iter().map(Interval::whole).collect();
        &converted[..]
    } else {
        intervals
    };
    let mut flaws: Vec<CoverFlaw> = intervals
        .iter()
        .enumerate()
        .filter(|(_, iv)| iv.is_reversed())
        .map(|(i, _)| CoverFlaw::Reversed(i))
        .collect();
    if !flaws.is_empty() || intervals.is_empty() {
        return flaws;
    }
    // Order of listing: by lower end (open lower end first).
    let key = |iv: &Interval| iv.lower.map(|b| (b.value, !b.inclusive));
    let ascending = intervals.windows(2).all(|w| key(&w[0]) <= key(&w[1]));
    let descending = intervals.windows(2).all(|w| key(&w[0]) >= key(&w[1]));
    if !ascending && !descending {
        let first_break = intervals
            .windows(2)
            .position(|w| {
                let up = key(&w[0]) <= key(&w[1]);
                let first_up = key(&intervals[0]) <= key(&intervals[1]);
                up != first_up
            })
            .map_or(1, |p| p + 1);
        flaws.push(CoverFlaw::OutOfOrder(first_break));
        return flaws;
    }
    let mut order: Vec<usize> = (0..intervals.len()).collect();
    if descending && !ascending {
        order.reverse();
    }
    // The first band must reach down to `start`.
    let first = &intervals[order[0]];
    if let Some(l) = first.lower
        && (l.value > start || (l.value == start && !l.inclusive))
    {
        flaws.push(CoverFlaw::Gap(tr!(
            "criteria-gap-start",
            from = start.normalize(),
            to = l.value.normalize()
        )));
    }
    for w in order.windows(2) {
        let (a, b) = (&intervals[w[0]], &intervals[w[1]]);
        match (a.upper, b.lower) {
            (None, _) | (_, None) => flaws.push(CoverFlaw::Overlap(w[0], w[1])),
            (Some(u), Some(l)) if whole => {
                if l.value <= u.value {
                    flaws.push(CoverFlaw::Overlap(w[0], w[1]));
                } else if l.value > u.value + Decimal::ONE {
                    flaws.push(CoverFlaw::Gap(tr!(
                        "criteria-gap-counts",
                        from = u.value + Decimal::ONE,
                        to = l.value - Decimal::ONE
                    )));
                }
            }
            (Some(u), Some(l)) => {
                if u.value > l.value || (u.value == l.value && u.inclusive && l.inclusive) {
                    flaws.push(CoverFlaw::Overlap(w[0], w[1]));
                } else if u.value < l.value || (!u.inclusive && !l.inclusive) {
                    flaws.push(CoverFlaw::Gap(tr!(
                        "criteria-gap-between",
                        from = u.value.normalize(),
                        to = l.value.normalize()
                    )));
                }
            }
        }
    }
    let last = &intervals[*order.last().expect("non-empty")];
    if let Some(u) = last.upper {
        let reaches = match end {
            None => false,
            Some(e) => u.value > e || (u.value == e && u.inclusive),
        };
        if !reaches {
            flaws.push(CoverFlaw::Gap(if u.inclusive {
                tr!("criteria-gap-above", value = u.value.normalize())
            } else {
                tr!("criteria-gap-from", value = u.value.normalize())
            }));
        }
    }
    flaws
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(v: i64, inclusive: bool) -> Option<Bound> {
        Some(Bound {
            value: Decimal::from(v),
            inclusive,
        })
    }

    fn iv(lower: Option<Bound>, upper: Option<Bound>) -> Interval {
        Interval { lower, upper }
    }

    #[test]
    fn describes_as_written() {
        assert_eq!(
            iv(b(80, true), b(100, false)).describe("%"),
            "từ 80% đến dưới 100%"
        );
        assert_eq!(iv(b(90, false), None).describe("%"), "trên 90%");
        assert_eq!(iv(None, b(70, false)).describe("%"), "dưới 70%");
        assert_eq!(iv(b(4, true), b(4, true)).describe(" lần"), "4 lần");
    }

    #[test]
    fn contains_respects_inclusion() {
        let band = iv(b(80, true), b(100, false));
        assert!(band.contains(Decimal::from(80)));
        assert!(!band.contains(Decimal::from(100)));
        assert!(!band.contains(Decimal::new(7999, 2)));
    }

    #[test]
    fn cover_accepts_descending_as_written() {
        let bands = [
            iv(b(90, false), None),
            iv(b(70, true), b(90, true)),
            iv(None, b(70, false)),
        ];
        assert_eq!(
            check_cover(&bands, Decimal::ZERO, Some(Decimal::from(100)), false),
            vec![]
        );
    }

    #[test]
    fn counts_are_whole_numbers() {
        let counts = [
            iv(b(4, true), None),
            iv(b(3, true), b(3, true)),
            iv(b(1, true), b(2, true)),
            iv(None, b(1, false)),
        ];
        assert_eq!(check_cover(&counts, Decimal::ZERO, None, true), vec![]);
        assert!(!check_cover(&counts, Decimal::ZERO, None, false).is_empty());
        let missing_two = [iv(b(3, true), None), iv(None, b(1, true))];
        assert!(matches!(
            check_cover(&missing_two, Decimal::ZERO, None, true)[..],
            [CoverFlaw::Gap(_)]
        ));
        let overlap = [iv(b(2, true), None), iv(None, b(2, true))];
        assert_eq!(
            check_cover(&overlap, Decimal::ZERO, None, true),
            vec![CoverFlaw::Overlap(1, 0)]
        );
    }

    #[test]
    fn cover_finds_gap_overlap_and_order() {
        let gap = [iv(None, b(70, false)), iv(b(70, false), None)];
        assert!(matches!(
            check_cover(&gap, Decimal::ZERO, None, false)[..],
            [CoverFlaw::Gap(_)]
        ));
        let overlap = [iv(None, b(70, true)), iv(b(70, true), None)];
        assert_eq!(
            check_cover(&overlap, Decimal::ZERO, None, false),
            vec![CoverFlaw::Overlap(0, 1)]
        );
        let order = [
            iv(b(50, true), b(70, false)),
            iv(None, b(50, false)),
            iv(b(70, true), None),
        ];
        assert_eq!(
            check_cover(&order, Decimal::ZERO, None, false),
            vec![CoverFlaw::OutOfOrder(2)]
        );
        let reversed = [iv(b(90, true), b(80, false))];
        assert_eq!(
            check_cover(&reversed, Decimal::ZERO, None, false),
            vec![CoverFlaw::Reversed(0)]
        );
        let short = [iv(b(10, true), None)];
        assert!(matches!(
            check_cover(&short, Decimal::ZERO, None, false)[..],
            [CoverFlaw::Gap(_)]
        ));
        let open_top = [iv(None, b(50, false)), iv(b(50, true), b(90, true))];
        assert!(matches!(
            check_cover(&open_top, Decimal::ZERO, None, false)[..],
            [CoverFlaw::Gap(_)]
        ));
        assert_eq!(
            check_cover(&open_top[..], Decimal::ZERO, Some(Decimal::from(90)), false),
            vec![]
        );
    }
}
