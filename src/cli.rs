//! The command line: flags as the user types them, and everything the parser says, in the
//! user's language. Each subcommand's arguments live next to its code in `cmd/`.
//!
//! The derive structs carry no help text: [`command`] takes the command clap derives and
//! writes every text into it from the catalogue (`locales/<lang>/cli.ftl`), by a naming rule:
//!
//! | text | message id (first found) |
//! |---|---|
//! | a command's about, long about, text after the help | `cli-<cmd>-about`, `cli-<cmd>-long-about`, `cli-<cmd>-after-help` |
//! | an argument's help (and longer help for `--help`) | `cli-<cmd>-arg-<id>`, else `cli-arg-<id>` (shared by every command); `…-long` |
//! | a possible value's help | `cli-<cmd>-arg-<id>-value-<value>`, else `cli-arg-<id>-value-<value>` |
//!
//! `<cmd>` is the subcommand's name (`compute`), left out for `par-index` itself (`cli-about`);
//! `<id>` is the argument's id (the field name: `format`, `dir`). A test holds every command,
//! argument and value to a message in both languages. Clap's own words (the usage heading,
//! `[OPTIONS]`, the section headings, `-h`/`-V`, the help command, `[default: …]` and
//! `[possible values: …]`) are replaced by the catalogue's too, and the parser's errors are
//! rendered by [`error_text`] in the style of the program's (`par-index: …`, then a hint).

use std::ffi::OsString;
use std::fmt::Write as _;

use clap::builder::{Resettable, StyledStr};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::error::exit;
use crate::i18n::{self, Lang};
use crate::tr;

#[derive(Debug, Parser)]
#[command(name = "par-index", version = version())]
pub struct Cli {
    // the language of messages and help; read from the arguments before anything else
    // (lang_in_args), so that the help itself is in that language
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<Lang>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Check(crate::cmd::check::Args),
    Compute(crate::cmd::compute::Args),
    Criteria(crate::cmd::criteria::Args),
    Explain(crate::cmd::explain::Args),
    Sensitivity(crate::cmd::sensitivity::Args),
    Template(crate::cmd::template::Args),
    Completions(crate::cmd::completions::Args),
    Man(crate::cmd::man::Args),
}

/// Runs a parsed command line; returns the exit code of a run that did not fail.
pub fn run(cli: Cli) -> anyhow::Result<u8> {
    use crate::cmd;
    match cli.command {
        Command::Check(args) => cmd::check::run(args),
        Command::Compute(args) => cmd::compute::run(args),
        Command::Criteria(args) => cmd::criteria::run(args),
        Command::Explain(args) => cmd::explain::run(args),
        Command::Sensitivity(args) => cmd::sensitivity::run(args),
        Command::Template(args) => cmd::template::run(args),
        Command::Completions(args) => cmd::completions::run(args, command()),
        Command::Man(args) => cmd::man::run(args, command()),
    }
}

/// What `--version` says: the version and the rules built in, e.g.
/// `0.2.0 (tiêu chí lang-son-2023: Quyết định 1699/QĐ-UBND ngày 19/10/2023 …)`.
pub fn version() -> &'static str {
    static LINE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    LINE.get_or_init(|| {
        let (id, decision) = crate::criteria::builtin_head();
        crate::tr!(
            "cli-version-line",
            version = env!("CARGO_PKG_VERSION"),
            id = id,
            decision = decision
        )
    })
}

/// The language `--lang X` or `--lang=X` asks for, anywhere before a `--`; `None` when not
/// given or not a language of the catalogue (the parser then says so).
pub fn lang_in_args(args: &[OsString]) -> Option<Lang> {
    let mut args = args.iter().skip(1).map(|a| a.to_str());
    while let Some(arg) = args.next() {
        let value = match arg {
            Some("--") => return None,
            Some("--lang") => args.next().flatten(),
            Some(a) => a.strip_prefix("--lang="),
            None => None,
        };
        if let Some(lang) = value.and_then(|v| Lang::from_str(v, false).ok()) {
            return Some(lang);
        }
    }
    None
}

/// Parses the command line (program name first): sets the language (`--lang`, else
/// `PAR_INDEX_LANG`, else Vietnamese), then reads the arguments. `--help` and `--version`
/// are printed here; so is a wrong command line, in the program's style. `Err` holds the exit
/// code to end with.
pub fn parse(args: Vec<OsString>) -> Result<Cli, u8> {
    if let Some(lang) = lang_in_args(&args) {
        i18n::set_lang(lang);
    }
    try_parse(args.clone()).map_err(|e| report(&e, &args))
}

/// Parses the command line in the language in force, without printing anything.
pub fn try_parse(args: Vec<OsString>) -> Result<Cli, clap::Error> {
    let mut cmd = command();
    let matches = cmd.try_get_matches_from_mut(args)?;
    Cli::from_arg_matches(&matches)
}

/// Prints what a stop of the parser says (help and version to standard output; anything else
/// as an error on standard error); returns the exit code.
fn report(e: &clap::Error, args: &[OsString]) -> u8 {
    match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            u8::try_from(e.exit_code()).unwrap_or(exit::USAGE)
        }
        _ => {
            eprint!("{}", error_text(e, args));
            exit::USAGE
        }
    }
}

/// The full command, every text in the language in force.
pub fn command() -> clap::Command {
    command_in(i18n::lang())
}

/// The full command, every text in `lang`.
pub fn command_in(lang: Lang) -> clap::Command {
    let mut cmd = localize(Cli::command(), "cli", lang);
    cmd.build();
    finish(&mut cmd, lang);
    cmd
}

/// Writes the texts of a command, its arguments and its subcommands (before the command is
/// built, so that clap sees the long help and the help command copies the abouts).
fn localize(cmd: clap::Command, prefix: &str, lang: Lang) -> clap::Command {
    let text = |id: &str| i18n::message_in(lang, id, &[]);
    let options = text("cli-heading-options");
    let arguments = text("cli-heading-arguments");
    let has_version = cmd.get_version().is_some();
    let mut positionals = 0;
    let mut long_texts = std::collections::BTreeMap::new();
    let mut cmd = cmd
        .about(text(&format!("{prefix}-about")))
        .long_about(or_reset(i18n::message_if_any(
            lang,
            &format!("{prefix}-long-about"),
        )))
        .after_help(or_reset(i18n::message_if_any(
            lang,
            &format!("{prefix}-after-help"),
        )))
        .help_template(template(lang))
        .subcommand_help_heading(text("cli-heading-commands"))
        .subcommand_value_name(text("cli-usage-command"))
        .disable_help_flag(true)
        .mut_args(|arg| {
            let (arg, laid_out_long) = localize_arg(arg, prefix, lang);
            if arg.is_global_set() {
                // --lang: after the command's own options, in every command
                return arg.help_heading(options.clone()).display_order(1000);
            }
            if let Some(text) = laid_out_long {
                long_texts.insert(arg.get_id().to_string(), text);
            }
            if arg.is_positional() {
                positionals += 1;
                arg.help_heading(arguments.clone())
                    .display_order(positionals)
            } else {
                arg.help_heading(options.clone())
            }
        });
    let long =
        cmd.get_long_about().is_some() || cmd.get_arguments().any(|a| a.get_long_help().is_some());
    if long {
        // clap lays out every argument of a long help page alike: defaults on their own line
        cmd = cmd.mut_args(|arg| match long_texts.remove(arg.get_id().as_str()) {
            Some(text) => arg.long_help(text),
            None => arg,
        });
    }
    cmd = cmd.arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help(text(if long { "cli-help-short" } else { "cli-help" }))
            .long_help(or_reset(long.then(|| text("cli-help-long"))))
            .help_heading(options.clone())
            .display_order(1001),
    );
    if has_version {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(text("cli-version"))
                .help_heading(options)
                .display_order(1002),
        );
    }
    cmd.mut_subcommands(|sub| {
        let prefix = format!("cli-{}", sub.get_name());
        localize(sub, &prefix, lang)
    })
}

/// One argument's help, with its default and possible values written in (clap's own
/// `[default: …]` and `[possible values: …]` hidden, as clap writes them otherwise). Returns
/// the argument and, for one without longer help, its text for a command whose `--help` is
/// laid out long (the default and values on their own lines, as clap does).
fn localize_arg(arg: Arg, prefix: &str, lang: Lang) -> (Arg, Option<String>) {
    let id = arg.get_id().to_string();
    let first_of = |ids: &[String]| ids.iter().find_map(|id| i18n::message_if_any(lang, id));
    let names = |suffix: &str| {
        [
            format!("{prefix}-arg-{id}{suffix}"),
            format!("cli-arg-{id}{suffix}"),
        ]
    };
    // (a missing text shows its id; a test holds every argument to one)
    let help = first_of(&names("")).unwrap_or_else(|| names("")[0].clone());
    let takes_values = arg.get_action().takes_values();
    let values: Vec<(String, Option<String>)> = arg
        .get_possible_values()
        .iter()
        .filter(|v| takes_values && !v.is_hide_set())
        .map(|v| {
            let name = v.get_name().to_string();
            let help = first_of(&names(&format!("-value-{name}")));
            (name, help)
        })
        .collect();
    let described = values.iter().any(|v| v.1.is_some());
    let mut specs = Vec::new();
    if takes_values && !arg.get_default_values().is_empty() {
        let default = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join(" ");
        specs.push(crate::tr_in!(lang, "cli-default", value = default));
    }
    if !values.is_empty() && !described {
        let list = values.iter().map(|v| v.0.as_str()).collect::<Vec<_>>();
        specs.push(crate::tr_in!(
            lang,
            "cli-possible-values",
            values = list.join(", ")
        ));
    }
    let specs: Vec<String> = specs.into_iter().map(|s| format!("[{s}]")).collect();
    // -h: one paragraph, the values listed
    let mut short = help.clone();
    for spec in &specs {
        let _ = write!(short, " {spec}");
    }
    if described {
        let list = values.iter().map(|v| v.0.as_str()).collect::<Vec<_>>();
        let _ = write!(
            short,
            " [{}]",
            crate::tr_in!(lang, "cli-possible-values", values = list.join(", "))
        );
    }
    // --help: the long text, the values one a line with their help, then the default
    let long_text = first_of(&names("-long"));
    let has_long = long_text.is_some() || described;
    let mut long = long_text.unwrap_or_else(|| help.clone());
    if described {
        let width = values
            .iter()
            .map(|v| v.0.chars().count())
            .max()
            .unwrap_or(0);
        let _ = write!(long, "\n\n{}:", crate::tr_in!(lang, "cli-values-heading"));
        for (name, help) in &values {
            let head = format!("- {name}: {}", " ".repeat(width - name.chars().count()));
            let lines = wrap(help.as_deref().unwrap_or(""), VALUE_WIDTH - head.len());
            let indent = format!("\n{}", " ".repeat(head.len()));
            let _ = write!(long, "\n{head}{}", lines.join(&indent));
        }
    }
    if !specs.is_empty() {
        let _ = write!(long, "\n\n{}", specs.join("\n"));
    }
    let arg = arg
        .help(short)
        .long_help(or_reset(has_long.then(|| long.clone())))
        .hide_default_value(takes_values)
        .hide_possible_values(takes_values);
    let laid_out_long = (!has_long && !specs.is_empty()).then_some(long);
    (arg, laid_out_long)
}

/// Columns a possible value's line takes at most in `--help`, its help wrapped under it (clap
/// wraps long help at 90 columns when not on a terminal, without the hanging indent).
const VALUE_WIDTH: usize = 88;

/// Words in lines of at most `width` characters (a longer word stands alone).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split(' ') {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// A text, or none (clap's own, derived one reset).
fn or_reset(text: Option<String>) -> Resettable<StyledStr> {
    match text {
        Some(t) => Resettable::Value(t.into()),
        None => Resettable::Reset,
    }
}

/// Clap's layout of a help page, with the usage heading in the catalogue's words.
fn template(lang: Lang) -> String {
    // styled as clap styles its own heading (on a terminal only)
    let heading = clap::builder::Styles::default().get_usage().to_owned();
    format!(
        "{{before-help}}{{about-with-newline}}\n{heading}{}{heading:#} {{usage}}\n\n{{all-args}}{{after-help}}",
        crate::tr_in!(lang, "cli-usage")
    )
}

/// After the build: the usage lines (clap writes `[OPTIONS]`) and the help command.
fn finish(cmd: &mut clap::Command, lang: Lang) {
    let usage = cmd.render_usage().to_string();
    let usage = usage
        .split_once(' ')
        .map_or(usage.as_str(), |(_, rest)| rest)
        .replace(
            "[OPTIONS]",
            &format!("[{}]", crate::tr_in!(lang, "cli-usage-options")),
        );
    *cmd = std::mem::take(cmd).override_usage(usage);
    for sub in cmd.get_subcommands_mut() {
        finish(sub, lang);
    }
    if cmd.find_subcommand("help").is_some() {
        *cmd = std::mem::take(cmd).mut_subcommand("help", |h| help_command(h, lang));
    }
}

/// The help command clap adds (`par-index help compute`).
fn help_command(help: clap::Command, lang: Lang) -> clap::Command {
    let about = crate::tr_in!(lang, "cli-help-command");
    let help = help
        .about(about.clone())
        .help_template(template(lang))
        .subcommand_help_heading(crate::tr_in!(lang, "cli-heading-commands"));
    if help.find_subcommand("help").is_some() {
        help.mut_subcommand("help", |h| h.about(about))
    } else {
        help
    }
}

/// A parser error as the program writes its errors: `par-index: what is wrong`, then a hint
/// on the next line.
pub fn error_text(e: &clap::Error, args: &[OsString]) -> String {
    let (message, hint) = error_message(e, args);
    let mut out = format!("par-index: {message}\n");
    if let Some(hint) = hint {
        let _ = writeln!(out, "  {}", tr!("common-hint", hint = hint));
    }
    out
}

/// What a parser error says, and what to do about it (`args`: the command line, program name
/// first).
pub fn error_message(e: &clap::Error, args: &[OsString]) -> (String, Option<String>) {
    let string = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) if !v.is_empty() => Some(v.join(", ")),
        _ => None,
    };
    // "--format <FORMAT>" names the option as typed: "--format"
    let arg = || {
        string(ContextKind::InvalidArg)
            .map(|a| a.split(' ').next().unwrap_or("").to_string())
            .unwrap_or_default()
    };
    let value = || string(ContextKind::InvalidValue).unwrap_or_default();
    // every suggestion quoted on its own: 'completions', 'compute'
    let suggestions = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) if !v.is_empty() => Some(v.join("', '")),
        _ => None,
    };
    let suggested = || {
        suggestions(ContextKind::SuggestedArg)
            .or_else(|| suggestions(ContextKind::SuggestedSubcommand))
            .or_else(|| suggestions(ContextKind::SuggestedValue))
            .map(|s| tr!("cli-hint-did-you-mean", suggestion = s))
    };
    let help = tr!("cli-hint-help", command = command_path(args));
    match e.kind() {
        ErrorKind::UnknownArgument => {
            let arg = arg();
            let message = if arg.starts_with('-') {
                tr!("cli-error-unknown-option", arg = arg)
            } else {
                tr!("cli-error-unexpected-argument", arg = arg)
            };
            (message, Some(suggested().unwrap_or(help)))
        }
        ErrorKind::InvalidSubcommand => {
            let commands = Cli::command()
                .get_subcommands()
                .map(|c| c.get_name().to_string())
                .collect::<Vec<_>>()
                .join(", ");
            (
                tr!(
                    "cli-error-unknown-command",
                    command = string(ContextKind::InvalidSubcommand).unwrap_or_default()
                ),
                Some(suggested().unwrap_or_else(|| tr!("cli-hint-commands", commands = commands))),
            )
        }
        ErrorKind::InvalidValue if value().is_empty() => (
            tr!("cli-error-missing-value", arg = arg()),
            string(ContextKind::ValidValue)
                .map(|v| tr!("cli-hint-possible-values", values = v))
                .or(Some(help)),
        ),
        ErrorKind::InvalidValue => (
            tr!("cli-error-invalid-value", value = value(), arg = arg()),
            match (suggested(), string(ContextKind::ValidValue)) {
                (Some(s), _) => Some(s),
                (None, Some(v)) => Some(tr!("cli-hint-possible-values", values = v)),
                (None, None) => Some(help),
            },
        ),
        ErrorKind::ValueValidation => {
            let reason = std::error::Error::source(e)
                .map(|s| s.to_string())
                .unwrap_or_default();
            (
                tr!(
                    "cli-error-invalid-value-because",
                    value = value(),
                    arg = arg(),
                    reason = reason
                ),
                Some(help),
            )
        }
        ErrorKind::MissingRequiredArgument => (
            tr!(
                "cli-error-missing-argument",
                args = string(ContextKind::InvalidArg).unwrap_or_default()
            ),
            Some(help),
        ),
        ErrorKind::MissingSubcommand => (
            tr!(
                "cli-error-missing-command",
                command = string(ContextKind::InvalidSubcommand).unwrap_or_default()
            ),
            string(ContextKind::ValidSubcommand).map(|c| tr!("cli-hint-commands", commands = c)),
        ),
        ErrorKind::ArgumentConflict => {
            let arg = arg();
            let message = match e.get(ContextKind::PriorArg) {
                Some(ContextValue::String(prior))
                    if prior.split(' ').next() == Some(arg.as_str()) =>
                {
                    tr!("cli-error-repeated", arg = arg)
                }
                Some(ContextValue::String(prior)) => tr!(
                    "cli-error-conflict",
                    arg = arg,
                    other = prior.split(' ').next().unwrap_or("")
                ),
                Some(ContextValue::Strings(prior)) => tr!(
                    "cli-error-conflict",
                    arg = arg,
                    other = prior
                        .iter()
                        .map(|p| p.split(' ').next().unwrap_or(""))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                _ => tr!("cli-error-conflict-others", arg = arg),
            };
            (message, Some(help))
        }
        ErrorKind::TooManyValues => (
            tr!("cli-error-too-many-values", value = value(), arg = arg()),
            Some(help),
        ),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            let number = |kind| match e.get(kind) {
                Some(ContextValue::Number(n)) => *n as i64,
                _ => 0,
            };
            let expected =
                number(ContextKind::ExpectedNumValues).max(number(ContextKind::MinValues));
            (
                tr!(
                    "cli-error-number-of-values",
                    arg = arg(),
                    expected = expected,
                    count = number(ContextKind::ActualNumValues)
                ),
                Some(help),
            )
        }
        ErrorKind::NoEquals => (tr!("cli-error-no-equals", arg = arg()), Some(help)),
        ErrorKind::InvalidUtf8 => (tr!("cli-error-not-utf8"), Some(help)),
        _ => {
            // any other stop of the parser: its own words, without its "error: " prefix
            let detail = e.render().to_string();
            let detail = detail
                .lines()
                .next()
                .unwrap_or("")
                .trim_start_matches("error: ")
                .to_string();
            (tr!("cli-error-other", detail = detail), Some(help))
        }
    }
}

/// `par-index compute`: the command of a command line (its first word naming one).
fn command_path(args: &[OsString]) -> String {
    let cli = Cli::command();
    let sub = args
        .iter()
        .skip(1)
        .filter_map(|a| a.to_str())
        .find(|a| cli.find_subcommand(a).is_some())
        .map(|s| format!(" {s}"))
        .unwrap_or_default();
    format!("par-index{sub}")
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    /// Every id the naming rule of [`command`] may look up.
    fn help_ids() -> Vec<String> {
        fn walk(cmd: &clap::Command, prefix: &str, into: &mut Vec<String>) {
            for suffix in ["about", "long-about", "after-help"] {
                into.push(format!("{prefix}-{suffix}"));
            }
            for arg in cmd.get_arguments() {
                let id = arg.get_id();
                for base in [format!("{prefix}-arg-{id}"), format!("cli-arg-{id}")] {
                    into.push(format!("{base}-long"));
                    for v in arg.get_possible_values() {
                        into.push(format!("{base}-value-{}", v.get_name()));
                    }
                    into.push(base);
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, &format!("cli-{}", sub.get_name()), into);
            }
        }
        let mut ids = Vec::new();
        walk(&Cli::command(), "cli", &mut ids);
        ids
    }

    /// The catalogue's (i18n.rs) test that every message is used, here because it needs the
    /// naming rule of the help (so that `cargo test --lib i18n` runs it, its name says i18n).
    #[test]
    fn i18n_every_message_is_used() {
        // named in the code as a literal, or looked up by the help's naming rule
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut code = String::new();
        let mut dirs = vec![src];
        while let Some(path) = dirs.pop() {
            if path.is_dir() {
                dirs.extend(
                    std::fs::read_dir(&path)
                        .expect("src")
                        .flatten()
                        .map(|e| e.path()),
                );
            } else if path.extension().is_some_and(|e| e == "rs") {
                code.push_str(&std::fs::read_to_string(&path).expect("source"));
            }
        }
        let help: BTreeSet<String> = help_ids().into_iter().collect();
        let unused: Vec<String> = crate::i18n::tests::catalogue(Lang::Vi)
            .into_keys()
            .filter(|id| !code.contains(&format!("\"{id}\"")) && !help.contains(id))
            .collect();
        assert_eq!(unused, Vec::<String>::new(), "messages no code uses");
    }

    fn args(list: &[&str]) -> Vec<OsString> {
        std::iter::once("par-index")
            .chain(list.iter().copied())
            .map(OsString::from)
            .collect()
    }

    fn error(list: &[&str]) -> (String, Option<String>) {
        let e = try_parse(args(list)).expect_err("refused");
        error_message(&e, &args(list))
    }

    #[test]
    fn the_language_option_is_found_before_or_after_the_command() {
        assert_eq!(
            lang_in_args(&args(&["--lang", "en", "compute"])),
            Some(Lang::En)
        );
        assert_eq!(
            lang_in_args(&args(&["compute", "x", "--lang=vi"])),
            Some(Lang::Vi)
        );
        assert_eq!(lang_in_args(&args(&["compute", "--lang"])), None);
        assert_eq!(lang_in_args(&args(&["compute", "--lang", "fr"])), None);
        assert_eq!(
            lang_in_args(&args(&["compute", "--", "--lang", "en"])),
            None
        );
        assert_eq!(lang_in_args(&args(&["compute"])), None);
    }

    #[test]
    fn lang_is_an_option_of_every_command() {
        let cli = try_parse(args(&["compute", "x", "--lang", "en"])).expect("parses");
        assert_eq!(cli.lang, Some(Lang::En));
        let cli = try_parse(args(&["--lang", "vi", "check"])).expect("parses");
        assert_eq!(cli.lang, Some(Lang::Vi));
    }

    #[test]
    fn parser_errors_say_what_and_what_to_do() {
        assert_eq!(
            error(&["compute", "--fromat", "csv"]),
            (
                "unknown option '--fromat'".into(),
                Some("did you mean '--format'?".into())
            )
        );
        assert_eq!(
            error(&["compute", "--format", "pdf"]),
            (
                "invalid value 'pdf' for '--format'".into(),
                Some("possible values: table, csv, json, xlsx, docx".into())
            )
        );
        assert_eq!(
            error(&["compute", "--output"]),
            (
                "'--output' needs a value".into(),
                Some("'par-index compute --help' lists every option, with examples".into())
            )
        );
        assert_eq!(
            error(&["comptue"]),
            (
                "unknown command 'comptue'".into(),
                Some("did you mean 'completions', 'compute'?".into())
            )
        );
        assert_eq!(error(&["explain"]).0, "missing required argument: <UNIT>");
        assert_eq!(
            error(&["criteria", "--check", "x.toml", "--group", "so"]).0,
            "'--check' cannot be used with '--group'"
        );
        let (message, _) = error(&["compute", "--ci", "150"]);
        assert!(
            message.starts_with("invalid value '150' for '--ci': 150 is out of range"),
            "{message}"
        );
        assert_eq!(error(&["compute", "a", "b"]).0, "unexpected argument 'b'");
    }

    /// Every help text the command shows, as (what, text).
    fn every_text(cmd: &clap::Command, into: &mut Vec<(String, String)>) {
        let name = cmd.get_name().to_string();
        into.push((
            format!("{name}: about"),
            cmd.get_about().map(|a| a.to_string()).unwrap_or_default(),
        ));
        for arg in cmd.get_arguments() {
            into.push((
                format!("{name} --{}", arg.get_id()),
                arg.get_help().map(|h| h.to_string()).unwrap_or_default(),
            ));
        }
        for sub in cmd.get_subcommands() {
            every_text(sub, into);
        }
    }

    #[test]
    fn every_command_argument_and_value_has_its_text() {
        let mut texts = Vec::new();
        every_text(&command(), &mut texts);
        assert!(texts.len() > 40, "{}", texts.len());
        for (what, text) in texts {
            assert!(
                !text.is_empty() && !text.starts_with("cli-"),
                "{what} has no text in the catalogue: {text:?}"
            );
        }
        // every possible value of every argument is shown: listed, or described one a line
        let cmd = command();
        let mut stack = vec![&cmd];
        while let Some(c) = stack.pop() {
            stack.extend(c.get_subcommands());
            for arg in c.get_arguments().filter(|a| a.get_action().takes_values()) {
                let short = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
                let long = arg
                    .get_long_help()
                    .map(|h| h.to_string())
                    .unwrap_or_default();
                let names: Vec<String> = arg
                    .get_possible_values()
                    .iter()
                    .map(|v| v.get_name().to_string())
                    .collect();
                if names.is_empty() {
                    continue;
                }
                let listed = format!("[possible values: {}]", names.join(", "));
                assert!(
                    short.contains(&listed),
                    "{} --{}: {short}",
                    c.get_name(),
                    arg.get_id()
                );
                let described = names.iter().all(|n| {
                    long.lines()
                        .any(|l| l.starts_with(&format!("- {n}: ")) && l.len() > n.len() + 6)
                });
                assert!(
                    described || long.is_empty() || long.contains(&listed),
                    "{} --{}: {long}",
                    c.get_name(),
                    arg.get_id()
                );
            }
        }
    }

    #[test]
    fn help_pages_are_in_the_language_asked_for() {
        let page = |lang: Lang, sub: Option<&str>| {
            let mut cmd = command_in(lang);
            match sub {
                Some(name) => cmd
                    .find_subcommand_mut(name)
                    .expect("a command")
                    .render_help()
                    .to_string(),
                None => cmd.render_long_help().to_string(),
            }
        };
        let english = [
            "Usage:",
            "Commands:",
            "Options:",
            "Arguments:",
            "Print help",
            "Print version",
            "[OPTIONS]",
            "default:",
            "possible values:",
        ];
        let vietnamese = [
            "Cách dùng:",
            "Lệnh:",
            "Tùy chọn:",
            "Đối số:",
            "Hiện trợ giúp",
            "Hiện số phiên bản",
            "[TÙY CHỌN]",
            "mặc định:",
            "giá trị:",
        ];
        let en = page(Lang::En, None) + &page(Lang::En, Some("compute"));
        let vi = page(Lang::Vi, None) + &page(Lang::Vi, Some("compute"));
        for (words, others) in [(english, vietnamese), (vietnamese, english)] {
            let (ours, theirs) = if words == english {
                (&en, &vi)
            } else {
                (&vi, &en)
            };
            for w in words {
                assert!(ours.contains(w), "{w} in\n{ours}");
                assert!(!theirs.contains(w), "{w} in\n{theirs}");
            }
            let _ = others;
        }
        assert!(en.contains("Arguments:\n  [DIR]"), "{en}");
        // (a line may wrap inside the list)
        let flat = |page: &str| page.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat(&en).contains("[possible values: table, csv, json, xlsx, docx]"),
            "{en}"
        );
        assert!(
            en.contains("Usage: par-index compute [OPTIONS] [DIR]"),
            "{en}"
        );
        assert!(
            vi.contains("Cách dùng: par-index compute [TÙY CHỌN] [DIR]"),
            "{vi}"
        );
        assert!(
            flat(&vi).contains("[giá trị: table, csv, json, xlsx, docx]"),
            "{vi}"
        );
        assert!(vi.contains("--lang <LANG>"), "{vi}");
    }
}
