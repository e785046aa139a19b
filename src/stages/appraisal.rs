//! Stage 1 — appraisal points (docs/method.md §4).
//!
//! The appraised points stand; without them the self points stand (the unit is *not
//! appraised* for that leaf); without either, the rule scores the measured value. `N/A` takes
//! the leaf out of the unit's maximum. Where the rule applied to the value disagrees with the
//! points that stand, a warning gives both figures.

use rust_decimal::Decimal;

use super::{Basis, LeafScore, Warning, WarningKind};
use crate::criteria::{Measure, Node, Rule, value_text};
use crate::inputs::{AppraisalRow, Entry, Value};
use crate::tr;

/// The points a rule gives for a measured value; `None` when it gives none: a value that no
/// band holds (a percentage above 100 where no band is open upwards).
pub fn rule_points(node: &Node, value: Value) -> Option<Decimal> {
    match (
        node.rule.as_ref().expect("appraisal leaves have a rule"),
        value,
    ) {
        (Rule::Levels { levels }, Value::Level(i)) => Some(levels[i as usize].points),
        (rule @ Rule::Bands { .. }, Value::Number(v)) => rule.band_points(v),
        (Rule::Proportional, Value::Number(v)) => {
            let product = node.max * v.min(Decimal::ONE_HUNDRED);
            // ÷ 100 is two more decimals, exactly, where they fit
            Some(
                Decimal::try_from_i128_with_scale(product.mantissa(), product.scale() + 2)
                    .unwrap_or_else(|_| product / Decimal::ONE_HUNDRED),
            )
        }
        // Readers accept a value only where the rule takes one.
        _ => Some(Decimal::ZERO),
    }
}

/// A measured value as the decision writes it, in the messages' language: "85%", "3 lần"
/// ("3 times"), or a level's name.
pub fn describe_value(node: &Node, value: Value) -> String {
    describe_value_in(crate::i18n::lang(), node, value)
}

/// [`describe_value`] in `lang` (the scorecards, documents in Vietnamese, whatever the
/// messages' language).
pub fn describe_value_in(lang: crate::i18n::Lang, node: &Node, value: Value) -> String {
    match (node.rule.as_ref(), value) {
        (Some(Rule::Levels { levels }), Value::Level(i)) => {
            format!("\"{}\"", levels[i as usize].name)
        }
        (
            Some(Rule::Bands {
                on: Measure::Count, ..
            }),
            Value::Number(v),
        ) => value_text(lang, v, Some(Measure::Count)),
        (_, Value::Number(v)) => value_text(lang, v, Some(Measure::Percent)),
        (_, Value::Level(i)) => crate::tr_in!(lang, "stages-level", level = i),
    }
}

/// The score of one appraisal leaf of a unit; `None` when the row gives nothing to score.
pub fn score(
    node: &Node,
    row: &AppraisalRow,
    unit: &str,
    file: &str,
    warnings: &mut Vec<Warning>,
) -> Option<LeafScore> {
    // (a value no band holds comes with points: the reader refuses it otherwise)
    let rule = row.value.and_then(|v| rule_points(node, v));
    let warn = |warnings: &mut Vec<Warning>, kind: WarningKind, message: String| {
        warnings.push(Warning {
            kind,
            unit: Some(unit.to_string()),
            criterion: Some(node.code.to_string()),
            file: Some(file.to_string()),
            sheet: None,
            line: Some(row.line as usize),
            message,
        });
    };
    if let (true, Some(Value::Number(v))) = (row.small_percentage, row.value) {
        warn(
            warnings,
            WarningKind::SmallPercentage,
            crate::tr!(
                "stages-small-percentage",
                value = v.normalize(),
                percent = (v * Decimal::ONE_HUNDRED).normalize()
            ),
        );
    }
    if let (Some(value), None) = (row.value, rule) {
        warn(
            warnings,
            WarningKind::ValueOutsideRule,
            crate::tr!(
                "stages-value-outside-rule",
                value = describe_value(node, value)
            ),
        );
    }
    let (standing, basis) = match (row.appraised, row.self_points) {
        (Entry::Empty, Entry::Empty) => match rule {
            Some(points) => (Entry::Points(points), Basis::Rule),
            None => return None,
        },
        (Entry::Empty, own) => {
            let message = match own {
                Entry::Points(p) => tr!("stages-not-appraised", points = p.normalize()),
                _ => tr!("stages-not-appraised-na"),
            };
            warn(warnings, WarningKind::NotAppraised, message);
            (own, Basis::SelfOnly)
        }
        (appraised, _) => (appraised, Basis::Appraised),
    };
    match standing {
        Entry::NotApplicable => Some(LeafScore {
            applicable: false,
            points: Decimal::ZERO,
            basis: Basis::NotApplicable,
        }),
        Entry::Points(points) => {
            if let (Some(r), true) = (rule, basis != Basis::Rule)
                && r != points
            {
                let value = row
                    .value
                    .map(|v| describe_value(node, v))
                    .unwrap_or_default();
                let message = if basis == Basis::Appraised {
                    tr!(
                        "stages-rule-disagrees-appraised",
                        points = points.normalize(),
                        rule = r.normalize(),
                        value = value
                    )
                } else {
                    tr!(
                        "stages-rule-disagrees-self",
                        points = points.normalize(),
                        rule = r.normalize(),
                        value = value
                    )
                };
                warn(warnings, WarningKind::RuleDisagrees, message);
            }
            Some(LeafScore {
                applicable: true,
                points,
                basis,
            })
        }
        Entry::Empty => None,
    }
}
