//! What the program says, in the user's language: Vietnamese by default, English with
//! `--lang en` or `PAR_INDEX_LANG=en`.
//!
//! Every message lives in the catalogue, `locales/<lang>/<area>.ftl` (Project Fluent), one file
//! per area of the code, the same ids and placeholders in both languages; the code names a
//! message by its id with [`tr!`](crate::tr):
//!
//! ```
//! let text = par_index::tr!("common-problems", count = 3);
//! ```
//!
//! The language is chosen once, before anything is read ([`set_lang`], from the command line),
//! or else from `PAR_INDEX_LANG` when first asked; it never changes while threads run. Tests
//! hold the catalogue: every message in both languages with the same placeholders, every id the
//! code names present, every placeholder given, every message used (the tests of this module;
//! the help texts, found by name, are held by cli.rs's). The terms are those of
//! docs/glossary.md.
//!
//! The annexes themselves (Phụ lục I and II, in every format) are the decision's documents and
//! stay in Vietnamese whatever the language of the messages.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The languages of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    // (the values' help is in locales/*/cli.ftl, cli-arg-lang-value-*)
    #[default]
    Vi,
    En,
}

impl Lang {
    /// The language a label names (`vi`, `en`, `en-US`, `EN`…); `None` for any other.
    pub fn parse(label: &str) -> Option<Lang> {
        let label = label.trim().to_ascii_lowercase();
        let primary = label.split(['-', '_', '.']).next().unwrap_or("");
        match primary {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language of `PAR_INDEX_LANG`, Vietnamese when it is not set or names no language of
    /// the catalogue.
    pub fn from_env() -> Lang {
        // (the library's own unit tests read the English messages unless told otherwise)
        let default = if cfg!(test) { Lang::En } else { Lang::Vi };
        std::env::var("PAR_INDEX_LANG")
            .ok()
            .and_then(|v| Lang::parse(&v))
            .unwrap_or(default)
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }
}

/// The catalogue's files: (area, Vietnamese text, English text). An area of the code adds its
/// file here.
pub const FILES: &[(&str, &str, &str)] = &[
    catalogue_file!("common"),
    catalogue_file!("cli"),
    catalogue_file!("criteria"),
    catalogue_file!("inputs"),
    catalogue_file!("stages"),
    catalogue_file!("reports"),
    catalogue_file!("uncertainty"),
];

macro_rules! catalogue_file {
    ($area:literal) => {
        (
            $area,
            include_str!(concat!("../locales/vi/", $area, ".ftl")),
            include_str!(concat!("../locales/en/", $area, ".ftl")),
        )
    };
}
use catalogue_file;

static LANG: OnceLock<Lang> = OnceLock::new();

/// Chooses the language of every message; the first choice stands (the command line's, made
/// before anything else runs). Returns the language in force.
pub fn set_lang(lang: Lang) -> Lang {
    *LANG.get_or_init(|| lang)
}

/// The language of the messages: as set, else `PAR_INDEX_LANG`, else Vietnamese.
pub fn lang() -> Lang {
    *LANG.get_or_init(Lang::from_env)
}

/// The bundle of one language, built on first use.
pub fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: [OnceLock<FluentBundle<FluentResource>>; 2] =
        [OnceLock::new(), OnceLock::new()];
    BUNDLES[lang as usize].get_or_init(|| build(lang))
}

fn build(lang: Lang) -> FluentBundle<FluentResource> {
    let id = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // no Unicode isolation marks around placeholders: messages go to terminals and files
    bundle.set_use_isolating(false);
    for (_, vi, en) in FILES {
        let text = match lang {
            Lang::Vi => *vi,
            Lang::En => *en,
        };
        // (the catalogue's own tests hold every file to parse, without duplicate ids)
        let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// A placeholder's value: text, or a number (which plural forms may depend on).
pub trait ToArg {
    fn to_arg(&self) -> FluentValue<'static>;
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl ToArg for $t {
            fn to_arg(&self) -> FluentValue<'static> {
                FluentValue::from(*self)
            }
        }
    )*};
}
number_arg!(u8, u16, u32, u64, usize, i32, i64);

impl ToArg for str {
    fn to_arg(&self) -> FluentValue<'static> {
        FluentValue::from(self.to_string())
    }
}

impl ToArg for String {
    fn to_arg(&self) -> FluentValue<'static> {
        FluentValue::from(self.clone())
    }
}

impl ToArg for std::borrow::Cow<'_, str> {
    fn to_arg(&self) -> FluentValue<'static> {
        FluentValue::from(self.to_string())
    }
}

impl ToArg for char {
    fn to_arg(&self) -> FluentValue<'static> {
        FluentValue::from(self.to_string())
    }
}

/// A decimal as written, digit for digit (never through a float).
impl ToArg for rust_decimal::Decimal {
    fn to_arg(&self) -> FluentValue<'static> {
        FluentValue::from(self.to_string())
    }
}

impl ToArg for std::path::Path {
    fn to_arg(&self) -> FluentValue<'static> {
        FluentValue::from(self.display().to_string())
    }
}

impl ToArg for std::path::PathBuf {
    fn to_arg(&self) -> FluentValue<'static> {
        self.as_path().to_arg()
    }
}

impl<T: ToArg + ?Sized> ToArg for &T {
    fn to_arg(&self) -> FluentValue<'static> {
        (**self).to_arg()
    }
}

/// The message `id` in the language in force, its placeholders filled from `args`.
pub fn message(id: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
    message_in(lang(), id, args)
}

/// The message `id` (without placeholders) in `lang`, when the catalogue has it: for texts that
/// may or may not be written, such as a command's long help.
pub fn message_if_any(lang: Lang, id: &str) -> Option<String> {
    bundle(lang)
        .has_message(id)
        .then(|| message_in(lang, id, &[]))
}

/// The message `id` in `lang`. An id missing from the catalogue gives the id itself (the
/// catalogue's tests make sure that none is).
pub fn message_in(lang: Lang, id: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        debug_assert!(false, "message {id} is not in the catalogue");
        return id.to_string();
    };
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    debug_assert!(errors.is_empty(), "message {id}: {errors:?}");
    text.into_owned()
}

/// A message of the catalogue, in the language in force, as a `String`:
/// `tr!("common-column", name = "unit")`. Placeholders take text, numbers and decimals
/// (see [`ToArg`]).
#[macro_export]
macro_rules! tr {
    ($id:literal) => {
        $crate::i18n::message($id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::message(
            $id,
            &[$((stringify!($name), $crate::i18n::ToArg::to_arg(&$value))),+],
        )
    };
}

/// [`tr!`] in a given language.
#[macro_export]
macro_rules! tr_in {
    ($lang:expr, $id:literal) => {
        $crate::i18n::message_in($lang, $id, &[])
    };
    ($lang:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::message_in(
            $lang,
            $id,
            &[$((stringify!($name), $crate::i18n::ToArg::to_arg(&$value))),+],
        )
    };
}

#[cfg(test)]
pub(crate) mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use fluent_syntax::ast;

    use super::*;

    /// Placeholders of each message of a language: id → variable names.
    pub(crate) type Catalogue = BTreeMap<String, BTreeSet<String>>;

    fn variables_of_pattern(p: &ast::Pattern<&str>, into: &mut BTreeSet<String>) {
        for element in &p.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                variables_of_expression(expression, into);
            }
        }
    }

    fn variables_of_expression(e: &ast::Expression<&str>, into: &mut BTreeSet<String>) {
        match e {
            ast::Expression::Select { selector, variants } => {
                variables_of_inline(selector, into);
                for v in variants {
                    variables_of_pattern(&v.value, into);
                }
            }
            ast::Expression::Inline(i) => variables_of_inline(i, into),
        }
    }

    fn variables_of_inline(e: &ast::InlineExpression<&str>, into: &mut BTreeSet<String>) {
        match e {
            ast::InlineExpression::VariableReference { id } => {
                into.insert(id.name.to_string());
            }
            ast::InlineExpression::FunctionReference { arguments, .. }
            | ast::InlineExpression::TermReference {
                arguments: Some(arguments),
                ..
            } => {
                for a in &arguments.positional {
                    variables_of_inline(a, into);
                }
                for a in &arguments.named {
                    variables_of_inline(&a.value, into);
                }
            }
            ast::InlineExpression::Placeable { expression } => {
                variables_of_expression(expression, into)
            }
            _ => {}
        }
    }

    /// Every message of one language's files, with its placeholders; fails on a file that does
    /// not parse, a message without a value, or an id given twice.
    pub(crate) fn catalogue(lang: Lang) -> Catalogue {
        let mut all = Catalogue::new();
        for (area, vi, en) in FILES {
            let text = if lang == Lang::Vi { vi } else { en };
            let resource = fluent_syntax::parser::parse(*text).unwrap_or_else(|(_, errors)| {
                panic!(
                    "locales/{}/{area}.ftl does not parse: {errors:?}",
                    lang.code()
                )
            });
            for entry in &resource.body {
                if let ast::Entry::Message(m) = entry {
                    let id = m.id.name.to_string();
                    let mut vars = BTreeSet::new();
                    let value = m
                        .value
                        .as_ref()
                        .unwrap_or_else(|| panic!("{id} has no text"));
                    variables_of_pattern(value, &mut vars);
                    assert!(
                        all.insert(id.clone(), vars).is_none(),
                        "{id} is given twice in locales/{}",
                        lang.code()
                    );
                    assert!(
                        id.starts_with(&format!("{area}-")),
                        "{id} is in locales/{}/{area}.ftl: its id starts with \"{area}-\"",
                        lang.code()
                    );
                }
            }
        }
        all
    }

    #[test]
    fn every_message_in_both_languages_with_the_same_placeholders() {
        let (vi, en) = (catalogue(Lang::Vi), catalogue(Lang::En));
        let only = |a: &Catalogue, b: &Catalogue| -> Vec<String> {
            a.keys().filter(|k| !b.contains_key(*k)).cloned().collect()
        };
        assert_eq!(only(&vi, &en), Vec::<String>::new(), "in Vietnamese only");
        assert_eq!(only(&en, &vi), Vec::<String>::new(), "in English only");
        for (id, vars) in &vi {
            assert_eq!(Some(vars), en.get(id), "placeholders of {id} (vi, en)");
        }
    }

    #[test]
    fn every_file_of_locales_is_in_the_catalogue() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
        for lang in ["vi", "en"] {
            let mut on_disk: Vec<String> = std::fs::read_dir(root.join(lang))
                .expect("locales folder")
                .flatten()
                .filter_map(|e| {
                    e.file_name()
                        .to_str()?
                        .strip_suffix(".ftl")
                        .map(String::from)
                })
                .collect();
            on_disk.sort();
            let mut listed: Vec<String> = FILES.iter().map(|f| f.0.to_string()).collect();
            listed.sort();
            assert_eq!(on_disk, listed, "locales/{lang}/*.ftl and i18n::FILES");
        }
    }

    /// Every `tr!`/`tr_in!` of the code: (file, message id, placeholder names given).
    fn uses_in_code() -> Vec<(String, String, BTreeSet<String>)> {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = vec![src];
        let mut uses = Vec::new();
        while let Some(path) = files.pop() {
            if path.is_dir() {
                files.extend(
                    std::fs::read_dir(&path)
                        .expect("src")
                        .flatten()
                        .map(|e| e.path()),
                );
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("source");
            let name = path.display().to_string();
            for (macro_name, skip_first) in [("tr!(", false), ("tr_in!(", true)] {
                let mut rest = text.as_str();
                while let Some(at) = rest.find(macro_name) {
                    let before = rest[..at].chars().next_back();
                    rest = &rest[at + macro_name.len()..];
                    if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        continue; // another macro's name ending in tr!
                    }
                    let args = top_level_args(rest);
                    let mut args = args.iter().map(|a| a.trim());
                    if skip_first {
                        args.next();
                    }
                    let Some(id) = args.next() else { continue };
                    let Some(id) = id.strip_prefix('"').and_then(|i| i.strip_suffix('"')) else {
                        continue; // the macro's own definition and docs
                    };
                    let names = args
                        .filter(|a| !a.is_empty())
                        .map(|a| a.split('=').next().unwrap_or("").trim().to_string())
                        .collect();
                    uses.push((name.clone(), id.to_string(), names));
                }
            }
        }
        uses
    }

    /// The arguments of a macro call whose text starts after its `(`, split at top-level commas.
    fn top_level_args(text: &str) -> Vec<String> {
        let (mut depth, mut in_string, mut escaped) = (0i32, false, false);
        let mut args = vec![String::new()];
        for c in text.chars() {
            if in_string {
                args.last_mut().expect("an argument").push(c);
                match c {
                    _ if escaped => escaped = false,
                    '\\' => escaped = true,
                    '"' => in_string = false,
                    _ => {}
                }
                continue;
            }
            match c {
                '"' => in_string = true,
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' if depth == 0 => return args,
                ')' | ']' | '}' => depth -= 1,
                ',' if depth == 0 => {
                    args.push(String::new());
                    continue;
                }
                _ => {}
            }
            args.last_mut().expect("an argument").push(c);
        }
        args
    }

    #[test]
    fn every_message_the_code_names_exists_with_its_placeholders() {
        let vi = catalogue(Lang::Vi);
        let uses = uses_in_code();
        assert!(uses.len() > 3, "the scan finds the code's messages");
        for (file, id, names) in uses {
            let vars = vi
                .get(&id)
                .unwrap_or_else(|| panic!("{file}: {id} is not in the catalogue"));
            assert_eq!(
                &names, vars,
                "{file}: {id}: placeholders given (left) and used (right)"
            );
        }
    }

    #[test]
    fn every_message_formats_in_both_languages_with_nothing_left_unfilled() {
        for lang in [Lang::Vi, Lang::En] {
            let bundle = bundle(lang);
            for (id, vars) in catalogue(lang) {
                let mut args = FluentArgs::new();
                for (k, v) in vars.iter().enumerate() {
                    // numbers for plural selectors, text elsewhere: both must format
                    args.set(v.clone(), FluentValue::from(k + 2));
                }
                let pattern = bundle
                    .get_message(&id)
                    .and_then(|m| m.value())
                    .expect("message");
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{id} ({}): {errors:?}", lang.code());
                assert!(
                    !text.contains("{$") && !text.contains("{ $"),
                    "{id}: {text}"
                );
            }
        }
    }

    #[test]
    fn labels_name_languages() {
        assert_eq!(Lang::parse("en"), Some(Lang::En));
        assert_eq!(Lang::parse(" EN-us "), Some(Lang::En));
        assert_eq!(Lang::parse("vi_VN.UTF-8"), Some(Lang::Vi));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::parse(""), None);
    }

    #[test]
    fn placeholders_are_filled_and_plurals_chosen() {
        assert_eq!(tr_in!(Lang::En, "common-problems", count = 1), "1 problem");
        assert_eq!(
            tr_in!(Lang::En, "common-problems", count = 2761),
            "2761 problems"
        );
        assert_eq!(
            tr_in!(Lang::Vi, "common-problems", count = 2761),
            "2761 lỗi"
        );
    }
}
