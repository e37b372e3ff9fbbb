//! [`Translations::check`]: the translations proved against a catalogue, in a test.
//!
//! A test helper and not the derive: the derive would need fluent-syntax (and to read files
//! beside the source) in the proc-macro, which `BENCHMARKS.md` ("Dependency cost") measured as
//! the critical path of a clean build; a test costs only the test's build, and catches the same
//! mistakes before the code ships (`cargo test` is the gate every change passes).

use core::fmt;

use fluent_syntax::ast::Entry;

use super::fallback::lookup_chain;
use super::pattern::{Unsupported, pieces, variables};
use super::position::{Position, entry_position, variable_position};
use super::translations::{Completeness, Locale, Translations};
use crate::ApiError;

/// One thing wrong with the translations of a catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Problem {
    /// A complete locale has no message for a key of the catalogue.
    MissingKey {
        /// The locale.
        locale: String,
        /// The key it lacks.
        key: &'static str,
    },
    /// A message whose id is no key of the catalogue.
    UnknownKey {
        /// The locale.
        locale: String,
        /// The message's id.
        key: String,
        /// Where the message is.
        position: Position,
    },
    /// A translation uses a variable that is not a parameter of the key's message.
    UnknownParameter {
        /// The locale.
        locale: String,
        /// The key.
        key: &'static str,
        /// The variable, without its `$`.
        parameter: String,
        /// The parameters the message has.
        expected: &'static [&'static str],
        /// Where the variable is used.
        position: Position,
    },
    /// A translation leaves out a parameter of the key's message.
    MissingParameter {
        /// The locale.
        locale: String,
        /// The key.
        key: &'static str,
        /// The parameter the translation does not use.
        parameter: &'static str,
        /// Where the message is.
        position: Position,
    },
    /// A construct the TypeScript module could not render the way the server does.
    Unsupported {
        /// The locale.
        locale: String,
        /// The message's id or the term's name.
        id: String,
        /// What was used.
        construct: &'static str,
        /// Where the entry is.
        position: Position,
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::MissingKey { locale, key } => {
                write!(
                    f,
                    "{locale}.ftl: no message for `{key}`, and the locale is registered as complete"
                )
            }
            Self::UnknownKey {
                locale,
                key,
                position,
            } => {
                write!(
                    f,
                    "{locale}.ftl:{position}: `{key}` is not a key of the catalogue"
                )
            }
            Self::UnknownParameter {
                locale,
                key,
                parameter,
                expected,
                position,
            } => write!(
                f,
                "{locale}.ftl:{position}: `{key}` uses `${parameter}`, which is not a parameter of its message ({})",
                parameter_list(expected)
            ),
            Self::MissingParameter {
                locale,
                key,
                parameter,
                position,
            } => {
                write!(
                    f,
                    "{locale}.ftl:{position}: `{key}` does not use `${parameter}`, a parameter of its message"
                )
            }
            Self::Unsupported {
                locale,
                id,
                construct,
                position,
            } => write!(
                f,
                "{locale}.ftl:{position}: `{id}` uses {construct}, which the typescript module cannot render"
            ),
        }
    }
}

fn parameter_list(parameters: &[&str]) -> String {
    if parameters.is_empty() {
        return "it has none".to_owned();
    }
    let names: Vec<String> = parameters.iter().map(|name| format!("`${name}`")).collect();
    format!("its parameters: {}", names.join(", "))
}

/// Everything [`Translations::check`] found wrong, one problem a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    problems: Vec<Problem>,
}

impl Report {
    /// The problems, by locale in registration order, then as found in the file.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, problem) in self.problems.iter().enumerate() {
            if index > 0 {
                writeln!(f)?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Report {}

/// A key a partial locale does not translate, and the locale its message comes from instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fallback {
    /// The partial locale.
    pub locale: String,
    /// The key it leaves out.
    pub key: &'static str,
    /// The locale the message is taken from (the default locale: the declared message).
    pub from: String,
}

/// What a passing check found: the keys partial locales leave to their fallback.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Coverage {
    /// Each fallback, by locale in registration order, then in catalogue order.
    pub fallbacks: Vec<Fallback>,
}

impl fmt::Display for Coverage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, fallback) in self.fallbacks.iter().enumerate() {
            if index > 0 {
                writeln!(f)?;
            }
            write!(
                f,
                "{}: `{}` falls back to {}",
                fallback.locale, fallback.key, fallback.from
            )?;
        }
        Ok(())
    }
}

impl Translations {
    /// Proves the translations against `E`'s catalogue: every key has a message in each complete
    /// locale; no message names a key the catalogue lacks; each translation uses exactly the
    /// variables of its key's [`ErrorSpec::params`](crate::ErrorSpec::params) (in select
    /// expressions too); only the subset of Fluent the TypeScript module renders is used.
    ///
    /// A partial locale's missing keys are not problems: they are listed in the [`Coverage`]
    /// with the locale they fall back to.
    ///
    /// # Errors
    /// A [`Report`] of every problem, each naming locale, key and line:column.
    pub fn check<E: ApiError>(&self) -> Result<Coverage, Report> {
        let mut problems = Vec::new();
        let mut coverage = Coverage::default();
        for locale in self.translated_locales() {
            check_locale::<E>(locale, &mut problems);
            if locale.completeness == Completeness::Partial {
                for spec in E::CATALOG {
                    if !defines(locale, spec.key()) {
                        let from = self.fallback_source(&locale.tag, spec.key());
                        coverage.fallbacks.push(Fallback {
                            locale: locale.tag.clone(),
                            key: spec.key(),
                            from,
                        });
                    }
                }
            } else {
                for spec in E::CATALOG {
                    if !defines(locale, spec.key()) {
                        problems.push(Problem::MissingKey {
                            locale: locale.tag.clone(),
                            key: spec.key(),
                        });
                    }
                }
            }
        }
        if problems.is_empty() {
            Ok(coverage)
        } else {
            Err(Report { problems })
        }
    }

    /// [`check`](Self::check) for a test: panics with the report, one problem a line.
    ///
    /// ```
    /// # #[cfg(feature = "assetpay")] {
    /// assetpay_errors::assetpay::translations().assert_checked::<assetpay_errors::AssetPayError>();
    /// # }
    /// ```
    ///
    /// # Panics
    /// When the check finds a problem.
    #[track_caller]
    pub fn assert_checked<E: ApiError>(&self) -> Coverage {
        match self.check::<E>() {
            Ok(coverage) => coverage,
            Err(report) => panic!("the translations do not match the catalogue:\n{report}"),
        }
    }

    fn fallback_source(&self, tag: &str, key: &str) -> String {
        lookup_chain(tag)
            .skip(1)
            .find(|candidate| {
                self.translated_locales().iter().any(|locale| {
                    locale.tag.eq_ignore_ascii_case(candidate) && defines(locale, key)
                })
            })
            .unwrap_or_else(|| self.default_locale().to_owned())
    }
}

fn defines(locale: &Locale, key: &str) -> bool {
    locale
        .resource
        .entries()
        .any(|entry| matches!(entry, Entry::Message(message) if message.id.name == key))
}

fn check_locale<E: ApiError>(locale: &Locale, problems: &mut Vec<Problem>) {
    let source = locale.source();
    let tag = &locale.tag;
    for entry in locale.resource.entries() {
        let message = match entry {
            Entry::Message(message) => message,
            Entry::Term(term) => {
                let id = format!("-{}", term.id.name);
                problems.push(Problem::Unsupported {
                    position: entry_position(source, &id),
                    locale: tag.clone(),
                    id,
                    construct: "a term",
                });
                continue;
            }
            _ => continue,
        };
        let id = message.id.name;
        let position = entry_position(source, id);
        let Some(spec) = E::CATALOG.iter().find(|spec| spec.key() == id) else {
            problems.push(Problem::UnknownKey {
                locale: tag.clone(),
                key: id.to_owned(),
                position,
            });
            continue;
        };
        let unsupported = |construct| Problem::Unsupported {
            locale: tag.clone(),
            id: id.to_owned(),
            construct,
            position,
        };
        if !message.attributes.is_empty() {
            problems.push(unsupported("an attribute"));
        }
        let Some(pattern) = &message.value else {
            continue;
        };
        let used = match pieces(pattern) {
            Ok(pieces) => variables(&pieces),
            Err(Unsupported(construct)) => {
                problems.push(unsupported(construct));
                continue;
            }
        };
        let expected = spec.params();
        for parameter in used.iter().filter(|name| !expected.contains(name)) {
            problems.push(Problem::UnknownParameter {
                locale: tag.clone(),
                key: spec.key(),
                parameter: (*parameter).to_owned(),
                expected,
                position: variable_position(source, id, parameter),
            });
        }
        for parameter in expected.iter().filter(|name| !used.contains(name)) {
            problems.push(Problem::MissingParameter {
                locale: tag.clone(),
                key: spec.key(),
                parameter,
                position,
            });
        }
    }
}
