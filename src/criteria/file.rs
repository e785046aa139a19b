//! The criteria file as written: TOML tables with their positions, before validation.
//! Unknown keys are refused here; everything else is checked in `validate`.

use std::collections::BTreeMap;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use toml::Spanned;

/// A decimal as typed: a TOML integer, a TOML float read back as its shortest text, or a string.
#[derive(Debug, Clone, Copy)]
pub struct Dec(pub Decimal);

impl<'de> Deserialize<'de> for Dec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl V {
            /// Points, weights and thresholds beyond a million are typing errors; refusing
            /// them keeps every sum and product far from the limits of the arithmetic.
            fn bounded<E: de::Error>(d: Decimal) -> Result<Dec, E> {
                if d.abs() > Decimal::from(1_000_000) || d.scale() > 10 {
                    Err(E::custom(crate::tr!("criteria-number-range", value = d)))
                } else {
                    Ok(Dec(d.normalize()))
                }
            }
        }
        impl Visitor<'_> for V {
            type Value = Dec;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(&crate::tr!("criteria-expected-decimal"))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Dec, E> {
                V::bounded(Decimal::from(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Dec, E> {
                V::bounded(Decimal::from(v))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Dec, E> {
                let d = crate::decimal::from_float(v).ok_or_else(|| {
                    E::custom(crate::tr!(
                        "criteria-number-unusable",
                        value = v.to_string()
                    ))
                })?;
                V::bounded(d)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Dec, E> {
                let d = crate::decimal::parse(v)
                    .or_else(|| Decimal::from_str(v.trim()).ok())
                    .ok_or_else(|| {
                        E::custom(crate::tr!("criteria-number-not-decimal", value = v))
                    })?;
                V::bounded(d)
            }
        }
        d.deserialize_any(V)
    }
}

pub type S<T> = Spanned<T>;

/// A TOML table read as its entries in file order.
#[derive(Debug)]
pub struct InOrder<T>(pub Vec<(String, T)>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for InOrder<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = InOrder<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(&crate::tr!("criteria-expected-table"))
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<InOrder<T>, A::Error> {
                let mut entries = Vec::new();
                while let Some((key, value)) = map.next_entry::<String, T>()? {
                    entries.push((key, value));
                }
                Ok(InOrder(entries))
            }
        }
        d.deserialize_map(V(std::marker::PhantomData))
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCriteria {
    pub id: S<String>,
    pub year: S<i64>,
    pub province: String,
    pub decision: String,
    pub publish: S<RawPublish>,
    pub sources: BTreeMap<String, S<RawSource>>,
    pub groups: S<InOrder<S<RawGroup>>>,
    pub survey: S<RawSurvey>,
    pub sipas: S<RawSipas>,
    pub deductions: S<RawDeductions>,
    pub bands: Vec<S<RawBand>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPublish {
    pub decimals: S<i64>,
    pub ranking: S<String>,
    pub provenance: S<String>,
    /// A remark for readers of the file; not used in computing.
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub title: String,
    pub confirmed: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGroup {
    pub name: String,
    pub total: S<Dec>,
    pub split: Option<S<RawSplit>>,
    pub provenance: S<String>,
    pub note: Option<String>,
    #[serde(default)]
    pub nodes: Vec<S<RawNode>>,
    pub survey: Option<S<RawGroupSurvey>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSplit {
    pub appraisal: Dec,
    pub survey: Dec,
    pub sipas: Dec,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNode {
    pub code: S<String>,
    pub name: S<String>,
    pub max: S<Dec>,
    pub source: Option<S<String>>,
    pub rule: Option<S<String>>,
    pub allowed: Option<S<Vec<S<Dec>>>>,
    pub levels: Option<S<Vec<S<RawLevel>>>>,
    pub on: Option<S<String>>,
    pub bands: Option<S<Vec<S<RawBand>>>>,
    pub provenance: S<String>,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLevel {
    pub name: String,
    pub points: Dec,
}

/// A band of a rule (with `points`) or of the index (with `name`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBand {
    pub name: Option<String>,
    pub label: Option<String>,
    pub from: Option<Dec>,
    pub above: Option<Dec>,
    pub to: Option<Dec>,
    pub below: Option<Dec>,
    pub at: Option<Dec>,
    pub points: Option<Dec>,
    pub provenance: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSurvey {
    pub scale: Vec<S<RawScaleOption>>,
    pub provenance: S<String>,
    /// A remark for readers of the file; not used in computing.
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScaleOption {
    pub option: String,
    pub weight: Dec,
    pub label: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGroupSurvey {
    pub provenance: S<String>,
    /// A remark for readers of the file; not used in computing.
    pub note: Option<String>,
    #[serde(default)]
    pub respondent_groups: Vec<S<RawRespondentGroup>>,
    #[serde(default)]
    pub questions: Vec<S<RawQuestion>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRespondentGroup {
    pub id: String,
    pub name: String,
    pub weight: Dec,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    pub id: String,
    pub leaf: String,
    pub text: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSipas {
    pub satisfied: S<Vec<i64>>,
    pub min_valid: S<i64>,
    pub provenance: S<String>,
    pub note: Option<String>,
    pub scale: Vec<S<RawSipasLevel>>,
    #[serde(default)]
    pub elements: Vec<S<RawElement>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSipasLevel {
    pub level: i64,
    pub label: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawElement {
    pub code: String,
    pub name: String,
    pub provenance: S<String>,
    #[serde(default)]
    pub items: Vec<S<RawItem>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawItem {
    pub id: String,
    pub text: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDeductions {
    pub cap: S<Dec>,
    pub provenance: S<String>,
    /// A remark for readers of the file; not used in computing.
    pub note: Option<String>,
    #[serde(default)]
    pub kinds: Vec<S<RawDeductionKind>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDeductionKind {
    pub code: String,
    pub name: String,
    pub points: S<Dec>,
    pub cap: S<Dec>,
    pub provenance: S<String>,
    pub note: Option<String>,
}
