//! A rule set written back as a criteria file (TOML), to start next year's from: every value,
//! provenance, source and note the file had, in the order and layout of
//! `criteria/lang-son-2023.toml`, with a comment heading each group, field and table. Read back,
//! it gives the same rule set (tests hold it).
//!
//! Numbers are written as the decimals they are: a TOML number when its digits survive the
//! reader's float (15 significant digits at most), else a string such as `"0.1234567890123456"`,
//! which the reader takes as well.

use std::fmt::Write as _;

use rust_decimal::Decimal;

use super::{Criteria, Group, Interval, Level, Measure, Rule, RuleBand};
use crate::tr;

/// The comment lines that open a criteria file, up to its first key or table (blank lines
/// among them kept, those after them not).
pub fn preamble(text: &str) -> String {
    let lines: Vec<&str> = text
        .lines()
        .take_while(|l| {
            let l = l.trim_start();
            l.is_empty() || l.starts_with('#')
        })
        .collect();
    let end = lines
        .iter()
        .rposition(|l| !l.trim().is_empty())
        .map_or(0, |i| i + 1);
    let start = lines[..end]
        .iter()
        .position(|l| !l.trim().is_empty())
        .unwrap_or(end);
    lines[start..end]
        .iter()
        .map(|l| l.trim_end())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The rule set as a criteria file, with only `groups` (all of them for the whole set).
pub fn toml(c: &Criteria, groups: &[&Group]) -> String {
    let mut out = String::new();
    if c.preamble.is_empty() {
        for line in tr!(
            "criteria-toml-header",
            id = c.id.as_str(),
            year = c.year,
            province = c.province.as_str()
        )
        .lines()
        {
            let _ = writeln!(out, "# {line}");
        }
    } else {
        out.push_str(&c.preamble);
        out.push('\n');
    }
    out.push('\n');
    let _ = writeln!(out, "id = {}", string(&c.id));
    let _ = writeln!(out, "year = {}", c.year);
    let _ = writeln!(out, "province = {}", string(&c.province));
    let _ = writeln!(out, "decision = {}", string(&c.decision));

    out.push_str("\n[publish]\n");
    let _ = writeln!(out, "decimals = {}", c.publish.decimals);
    let ranking = match c.publish.ranking {
        super::Ranking::Exact => "exact",
        super::Ranking::Published => "published",
    };
    let _ = writeln!(out, "ranking = {}", string(ranking));
    provenance_and_note(&mut out, &c.publish.provenance, c.publish.note.as_deref());

    for (key, s) in &c.sources {
        let _ = writeln!(out, "\n[sources.{}]", self::key(key));
        let _ = writeln!(out, "title = {}", string(&s.title));
        let _ = writeln!(out, "confirmed = {}", s.confirmed);
    }

    for g in groups {
        group(&mut out, g);
    }

    heading(&mut out, &tr!("criteria-toml-survey"));
    out.push_str("[survey]\n");
    provenance_and_note(&mut out, &c.survey_provenance, c.survey_note.as_deref());
    let options: Vec<String> = c
        .survey_scale
        .iter()
        .map(|o| {
            format!(
                "{{ option = {}, weight = {}, label = {} }}",
                string(&o.option),
                number(o.weight),
                string(&o.label)
            )
        })
        .collect();
    list(&mut out, "scale", &options);

    let s = &c.sipas;
    heading(&mut out, &tr!("criteria-toml-sipas"));
    out.push_str("[sipas]\n");
    let satisfied: Vec<String> = s.satisfied.iter().map(u32::to_string).collect();
    let _ = writeln!(out, "satisfied = [{}]", satisfied.join(", "));
    let _ = writeln!(out, "min_valid = {}", s.min_valid);
    provenance_and_note(&mut out, &s.provenance, s.note.as_deref());
    let levels: Vec<String> = s
        .scale
        .iter()
        .map(|l| format!("{{ level = {}, label = {} }}", l.level, string(&l.label)))
        .collect();
    list(&mut out, "scale", &levels);
    for e in &s.elements {
        out.push_str("\n[[sipas.elements]]\n");
        let _ = writeln!(out, "code = {}", string(&e.code));
        let _ = writeln!(out, "name = {}", string(&e.name));
        let _ = writeln!(out, "provenance = {}", string(&e.provenance));
        let items: Vec<String> = e
            .items
            .iter()
            .map(|i| format!("{{ id = {}, text = {} }}", string(&i.id), string(&i.text)))
            .collect();
        list(&mut out, "items", &items);
    }

    heading(&mut out, &tr!("criteria-toml-deductions"));
    out.push_str("[deductions]\n");
    let _ = writeln!(out, "cap = {}", number(c.deduction_cap));
    provenance_and_note(
        &mut out,
        &c.deductions_provenance,
        c.deductions_note.as_deref(),
    );
    for d in &c.deductions {
        out.push_str("\n[[deductions.kinds]]\n");
        let _ = writeln!(out, "code = {}", string(&d.code));
        let _ = writeln!(out, "name = {}", string(&d.name));
        let _ = writeln!(out, "points = {}", number(d.points));
        let _ = writeln!(out, "cap = {}", number(d.cap));
        provenance_and_note(&mut out, &d.provenance, d.note.as_deref());
    }

    heading(&mut out, &tr!("criteria-toml-bands"));
    for (i, b) in c.bands.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str("[[bands]]\n");
        let _ = writeln!(out, "name = {}", string(&b.name));
        if let Some(label) = &b.label {
            let _ = writeln!(out, "label = {}", string(label));
        }
        for (k, v) in bounds(&b.interval) {
            let _ = writeln!(out, "{k} = {v}");
        }
        let _ = writeln!(out, "provenance = {}", string(&b.provenance));
    }
    out
}

/// A group's table, its tree (each field under a comment naming it) and its survey.
fn group(out: &mut String, g: &Group) {
    let rule = "=".repeat(93);
    let _ = write!(
        out,
        "\n# {rule}\n# {}\n# {rule}\n",
        tr!(
            "criteria-toml-group",
            id = g.id.as_str(),
            name = g.name.as_str()
        )
    );
    let table = format!("groups.{}", key(&g.id));
    let _ = writeln!(out, "[{table}]");
    let _ = writeln!(out, "name = {}", string(&g.name));
    let _ = writeln!(out, "total = {}", number(g.total));
    if let Some(s) = &g.split {
        let _ = writeln!(
            out,
            "split = {{ appraisal = {}, survey = {}, sipas = {} }}",
            number(s.appraisal),
            number(s.survey),
            number(s.sipas)
        );
    }
    provenance_and_note(out, &g.provenance, g.note.as_deref());
    for n in &g.nodes {
        if n.parent.is_none() {
            let _ = writeln!(
                out,
                "\n# --- {}",
                tr!(
                    "criteria-toml-field",
                    code = n.code.to_string(),
                    name = n.name.as_str(),
                    max = n.max.normalize()
                )
            );
        }
        let _ = writeln!(out, "\n[[{table}.nodes]]");
        let _ = writeln!(out, "code = {}", string(&n.code.to_string()));
        let _ = writeln!(out, "name = {}", string(&n.name));
        let _ = writeln!(out, "max = {}", number(n.max));
        if let Some(source) = n.source {
            let _ = writeln!(out, "source = {}", string(source.as_str()));
        }
        if let Some(r) = &n.rule {
            let _ = writeln!(out, "rule = {}", string(r.kind()));
            match r {
                Rule::Free { allowed: None } | Rule::Proportional => {}
                Rule::Free {
                    allowed: Some(values),
                } => {
                    let _ = writeln!(out, "allowed = [{}]", allowed(values).join(", "));
                }
                Rule::Levels { levels: l } => list(out, "levels", &levels(l)),
                Rule::Bands { on, bands: b } => {
                    let _ = writeln!(out, "on = {}", string(measure(*on)));
                    list(out, "bands", &bands(b));
                }
            }
        }
        provenance_and_note(out, &n.provenance, n.note.as_deref());
    }
    let survey = &g.survey;
    if survey.provenance.is_empty()
        && survey.respondent_groups.is_empty()
        && survey.questions.is_empty()
    {
        return; // the file had no survey table for this group
    }
    let _ = writeln!(out, "\n[{table}.survey]");
    provenance_and_note(out, &survey.provenance, survey.note.as_deref());
    for r in &survey.respondent_groups {
        let _ = writeln!(out, "\n[[{table}.survey.respondent_groups]]");
        let _ = writeln!(out, "id = {}", string(&r.id));
        let _ = writeln!(out, "name = {}", string(&r.name));
        let _ = writeln!(out, "weight = {}", number(r.weight));
    }
    for q in &survey.questions {
        let _ = writeln!(out, "\n[[{table}.survey.questions]]");
        let _ = writeln!(out, "id = {}", string(&q.id));
        let _ = writeln!(out, "leaf = {}", string(&q.leaf.to_string()));
        let _ = writeln!(out, "text = {}", string(&q.text));
    }
}

/// The keys of a rule beside its kind, on one line, as TOML writes an inline table's entries:
/// `levels = [{ name = "Kịp thời", points = 1 }, …]`, `on = "percent", bands = [{ above = 90,
/// points = 2 }, …]`, `allowed = [0, 0.5, 1]`; empty for a rule with none (free points in
/// `[0, max]`, proportional). The criteria workbook's machine-readable column.
pub fn rule_parameters(rule: &Rule) -> String {
    match rule {
        Rule::Free { allowed: None } | Rule::Proportional => String::new(),
        Rule::Free {
            allowed: Some(values),
        } => format!("allowed = [{}]", allowed(values).join(", ")),
        Rule::Levels { levels: l } => format!("levels = [{}]", levels(l).join(", ")),
        Rule::Bands { on, bands: b } => format!(
            "on = {}, bands = [{}]",
            string(measure(*on)),
            bands(b).join(", ")
        ),
    }
}

// The entries of a rule's lists, as TOML writes them, for the criteria file and the workbook.

fn allowed(values: &[Decimal]) -> Vec<String> {
    values.iter().map(|v| number(*v)).collect()
}

fn levels(levels: &[Level]) -> Vec<String> {
    levels
        .iter()
        .map(|l| {
            format!(
                "{{ name = {}, points = {} }}",
                string(&l.name),
                number(l.points)
            )
        })
        .collect()
}

fn bands(bands: &[RuleBand]) -> Vec<String> {
    bands
        .iter()
        .map(|b| {
            let mut parts: Vec<String> = bounds(&b.interval)
                .into_iter()
                .map(|(k, v)| format!("{k} = {v}"))
                .collect();
            parts.push(format!("points = {}", number(b.points)));
            format!("{{ {} }}", parts.join(", "))
        })
        .collect()
}

fn measure(on: Measure) -> &'static str {
    match on {
        Measure::Percent => "percent",
        Measure::Count => "count",
    }
}

/// The keys of an interval's ends, for a band of the index: `at`, or from/above and
/// to/below.
pub fn band_bounds(i: &Interval) -> Vec<(&'static str, String)> {
    bounds(i)
}

/// A comment line between rules, before a table.
fn heading(out: &mut String, text: &str) {
    let rule = "-".repeat(93);
    let _ = write!(out, "\n# {rule}\n# {text}\n");
}

fn provenance_and_note(out: &mut String, provenance: &str, note: Option<&str>) {
    let _ = writeln!(out, "provenance = {}", string(provenance));
    if let Some(note) = note {
        let _ = writeln!(out, "note = {}", string(note));
    }
}

/// `name = [` then one entry a line, as the shipped file lays out levels, bands and items.
fn list(out: &mut String, name: &str, entries: &[String]) {
    let _ = writeln!(out, "{name} = [");
    for e in entries {
        let _ = writeln!(out, "  {e},");
    }
    out.push_str("]\n");
}

/// The keys of an interval's ends: `at` for a single value, else from/above and to/below.
fn bounds(i: &Interval) -> Vec<(&'static str, String)> {
    match (i.lower, i.upper) {
        (Some(l), Some(u)) if l.inclusive && u.inclusive && l.value == u.value => {
            vec![("at", number(l.value))]
        }
        (lower, upper) => {
            let mut keys = Vec::new();
            if let Some(l) = lower {
                keys.push((if l.inclusive { "from" } else { "above" }, number(l.value)));
            }
            if let Some(u) = upper {
                keys.push((if u.inclusive { "to" } else { "below" }, number(u.value)));
            }
            keys
        }
    }
}

/// A decimal as the reader reads it back: a TOML number when a float keeps its digits (at
/// most 15 significant digits), else a string.
pub fn number(d: Decimal) -> String {
    let d = d.normalize();
    let text = d.to_string();
    let digits = text
        .bytes()
        .filter(u8::is_ascii_digit)
        .skip_while(|&b| b == b'0')
        .count();
    if digits <= 15 {
        text
    } else {
        format!("\"{text}\"")
    }
}

/// A TOML string, escaped as TOML writes it.
pub fn string(s: &str) -> String {
    ::toml::Value::String(s.to_string()).to_string()
}

/// A table key: bare when TOML allows it, else quoted.
fn key(k: &str) -> String {
    let bare = !k.is_empty()
        && k.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if bare { k.to_string() } else { string(k) }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use proptest::prelude::*;

    use super::*;
    use crate::criteria::{BUILTIN_NAME, BUILTIN_TEXT, parse};

    fn whole(c: &Criteria) -> String {
        toml(c, &c.groups.iter().collect::<Vec<_>>())
    }

    /// Everything a rule set holds, as text: the JSON of `criteria --format json` and the
    /// model's own Debug form (parents, children, keys and lines aside, which the layout of
    /// the file decides).
    fn content(c: &Criteria) -> serde_json::Value {
        serde_json::to_value(c).unwrap()
    }

    #[test]
    fn the_builtin_rules_written_and_read_back_are_the_same_rules() {
        let builtin = parse(BUILTIN_NAME, BUILTIN_TEXT).unwrap();
        let text = whole(&builtin);
        let back = parse("exported.toml", &text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(content(&back), content(&builtin));
        assert_eq!(back.preamble, builtin.preamble);
        // notes of every table the file has them on are kept
        assert!(back.publish.note.is_some() && back.survey_note.is_some());
        assert!(back.deductions_note.is_some());
        assert!(back.groups.iter().all(|g| g.survey.note.is_some()));
        let notes = |c: &Criteria| -> usize {
            c.groups
                .iter()
                .flat_map(|g| &g.nodes)
                .filter(|n| n.note.is_some())
                .count()
        };
        assert!(notes(&builtin) > 50);
        assert_eq!(notes(&back), notes(&builtin));
        // the opening comment, then the same keys; written again, the same text
        assert!(text.starts_with("# Bộ tiêu chí"), "{}", &text[..200]);
        assert_eq!(whole(&back), text);
        // every table of the shipped file is there, as often
        let tables = |t: &str| -> Vec<String> {
            let mut v: Vec<String> = t
                .lines()
                .filter(|l| l.starts_with('['))
                .map(String::from)
                .collect();
            v.sort();
            v
        };
        assert_eq!(tables(&text), tables(BUILTIN_TEXT));
    }

    #[test]
    fn a_file_without_an_opening_comment_gets_one() {
        let builtin = parse(BUILTIN_NAME, BUILTIN_TEXT).unwrap();
        let bare = BUILTIN_TEXT
            .lines()
            .skip_while(|l| l.starts_with('#') || l.trim().is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        let c = parse("bare.toml", &bare).unwrap();
        assert!(c.preamble.is_empty());
        let text = whole(&c);
        assert!(text.starts_with("# "), "{}", &text[..100]);
        assert!(text.contains("criteria --check"), "{}", &text[..400]);
        let back = parse("again.toml", &text).unwrap();
        assert_eq!(content(&back), content(&builtin));
    }

    #[test]
    fn one_group_makes_a_valid_file_of_that_group() {
        let builtin = parse(BUILTIN_NAME, BUILTIN_TEXT).unwrap();
        let huyen = builtin.group("huyen").unwrap();
        let back = parse("huyen.toml", &toml(&builtin, &[huyen])).unwrap();
        assert_eq!(back.groups.len(), 1);
        assert_eq!(
            serde_json::to_value(&back.groups[0]).unwrap(),
            serde_json::to_value(huyen).unwrap()
        );
    }

    #[test]
    fn the_preamble_is_the_opening_comment() {
        assert_eq!(preamble("\n# a\n#\n# b\n\nid = 1\n# c\n"), "# a\n#\n# b");
        assert_eq!(preamble("id = 1\n# c\n"), "");
        assert_eq!(preamble(""), "");
    }

    #[test]
    fn keys_are_bare_or_quoted() {
        assert_eq!(key("so"), "so");
        assert_eq!(key("bnv_876-a"), "bnv_876-a");
        assert_eq!(key("sở"), "\"sở\"");
        assert_eq!(string("a \"b\"\\"), r#"'a "b"\'"#);
    }

    proptest! {
        /// Every decimal the reader accepts (at most 10 decimals, within a million) is read
        /// back from the text `number` writes as the same decimal.
        #[test]
        fn numbers_read_back_as_written(
            (scale, m) in (0u32..=10).prop_flat_map(|scale| {
                let bound = 1_000_000i64 * 10i64.pow(scale);
                (Just(scale), -bound..=bound)
            })
        ) {
            let d = Decimal::new(m, scale);
            let text = format!("x = {}\n", number(d));
            #[derive(serde::Deserialize)]
            struct X { x: crate::criteria::file::Dec }
            let back: X = ::toml::from_str(&text).unwrap();
            prop_assert_eq!(back.x.0, d.normalize(), "{}", text);
            if d.normalize().to_string().len() <= 8 {
                prop_assert!(!text.contains('"'), "short numbers are TOML numbers: {}", text);
            }
        }
    }

    #[test]
    fn long_numbers_are_strings() {
        let d = Decimal::from_str("123456.1234567891").unwrap();
        assert_eq!(number(d), "\"123456.1234567891\"");
        assert_eq!(number(Decimal::from_str("1.50").unwrap()), "1.5");
        assert_eq!(number(Decimal::from_str("-0.25").unwrap()), "-0.25");
    }
}
