//! Results as JSON for scripts: published figures as numbers with the published decimals,
//! exact values as strings, warnings without line numbers (so that row order never changes
//! the bytes; stderr gives the lines).

use rust_decimal::Decimal;
use serde::Serialize;

use crate::criteria::Criteria;
use crate::decimal::{exact, publish};
use crate::stages::{Results, UnitResult, Warning};

/// A map that keeps the order of the criteria (fields by code, elements as in the questionnaire).
pub struct Ordered<T>(pub Vec<(String, T)>);

impl<T: Serialize> Serialize for Ordered<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

#[derive(Serialize)]
pub struct Report<'a> {
    pub criteria: &'a str,
    pub year: i64,
    pub decimals: u32,
    pub ranking: crate::criteria::Ranking,
    /// Where the satisfaction index comes from: `questionnaires` or `delivered` (results per
    /// unit, as the survey contractor delivers them).
    pub sipas_source: crate::stages::SipasSource,
    pub units: Vec<UnitJson>,
    pub warnings: Vec<&'a Warning>,
}

#[derive(Serialize)]
pub struct UnitJson {
    pub code: String,
    pub name: String,
    pub group: String,
    pub par: ParJson,
    pub sipas: SipasJson,
}

#[derive(Serialize)]
pub struct ParJson {
    /// Field code → points.
    pub fields: Ordered<Decimal>,
    pub appraisal: Decimal,
    pub survey: Decimal,
    pub sipas: Decimal,
    pub deductions: Decimal,
    pub appraisal_exact: String,
    pub survey_exact: String,
    pub sipas_exact: String,
    pub deductions_exact: String,
    pub max: Decimal,
    pub total: Decimal,
    pub total_exact: String,
    pub index: Decimal,
    pub index_exact: String,
    pub rank: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rank_note: Option<String>,
    pub band: Option<String>,
}

#[derive(Serialize)]
pub struct SipasJson {
    pub valid: u32,
    pub invalid: u32,
    /// Element code → index.
    pub elements: Ordered<Option<Decimal>>,
    pub index: Option<Decimal>,
    pub index_exact: Option<String>,
    /// 0 when the unit has no satisfaction index.
    pub rank: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rank_note: Option<String>,
    pub below_minimum: bool,
}

pub fn unit(criteria: &Criteria, u: &UnitResult) -> UnitJson {
    let d = criteria.publish.decimals;
    let p = |v: Decimal| publish(v, d);
    let group = &criteria.groups[u.group];
    UnitJson {
        code: u.code.clone(),
        name: u.name.clone(),
        group: group.id.clone(),
        par: ParJson {
            fields: Ordered(
                group
                    .fields()
                    .map(|(i, n)| (n.code.to_string(), p(u.node(i).points)))
                    .collect(),
            ),
            appraisal: p(u.par.appraisal),
            survey: p(u.par.survey),
            sipas: p(u.par.sipas),
            deductions: p(u.par.deductions),
            appraisal_exact: exact(u.par.appraisal),
            survey_exact: exact(u.par.survey),
            sipas_exact: exact(u.par.sipas),
            deductions_exact: exact(u.par.deductions),
            max: p(u.par.max),
            total: p(u.par.total),
            total_exact: exact(u.par.total),
            index: p(u.par.index),
            index_exact: exact(u.par.index),
            rank: u.par.rank.rank,
            rank_note: u.par.rank.note.clone(),
            band: u.par.band.clone(),
        },
        sipas: SipasJson {
            valid: u.valid,
            invalid: u.invalid,
            elements: Ordered(
                criteria
                    .sipas
                    .elements
                    .iter()
                    .zip(&u.satisfaction.elements)
                    .map(|(e, v)| (e.code.clone(), v.map(p)))
                    .collect(),
            ),
            index: u.satisfaction.index.map(p),
            index_exact: u.satisfaction.index.map(exact),
            rank: u.sipas_rank.rank,
            rank_note: u.sipas_rank.note.clone(),
            below_minimum: u.below_minimum,
        },
    }
}

/// The units of `groups`, each group by PAR rank then code.
pub fn report<'a>(criteria: &'a Criteria, results: &'a Results, groups: &[usize]) -> Report<'a> {
    let units = groups
        .iter()
        .flat_map(|&g| results.by_par_rank(g))
        .map(|u| unit(criteria, u))
        .collect();
    Report {
        criteria: &criteria.id,
        year: criteria.year,
        decimals: criteria.publish.decimals,
        ranking: criteria.publish.ranking,
        sipas_source: results.sipas_source,
        units,
        warnings: results.warnings_for(groups),
    }
}
