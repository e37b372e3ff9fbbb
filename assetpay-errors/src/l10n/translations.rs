//! [`Translations`]: the default locale and the `.ftl` source of every other locale, parsed once.

use core::fmt;
use std::borrow::Cow;
use std::sync::Arc;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use super::fallback::lookup_chain;
use super::position::{Position, position_of};

/// Whether a locale must translate every key ([`Translations::with_locale`]) or may leave keys
/// to its fallback ([`Translations::with_partial_locale`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Completeness {
    /// Every key of the catalogue has a message: [`Translations::check`] fails on a missing one.
    Complete,
    /// Missing keys fall back (see the [module docs](super)): the check lists them.
    Partial,
}

/// One translated locale: its tag, its `.ftl` source and the Fluent bundle built from it.
pub(crate) struct Locale {
    pub(crate) tag: String,
    pub(crate) completeness: Completeness,
    pub(crate) resource: Arc<FluentResource>,
    bundle: FluentBundle<Arc<FluentResource>>,
}

impl Locale {
    pub(crate) fn source(&self) -> &str {
        self.resource.source()
    }
}

/// The translations of a catalogue's messages: a default locale, whose text is the declaration's
/// own message (no file), and any number of locales, each from one `.ftl` file.
///
/// Built once at start-up (parsing is the costly part) and shared; rendering a message is a
/// lookup in the parsed bundle. See the [module docs](super) for the file format and the fallback
/// rule, and [`check`](Self::check) for what a test proves about them.
pub struct Translations {
    default_locale: String,
    locales: Vec<Locale>,
}

impl fmt::Debug for Translations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Translations")
            .field("default_locale", &self.default_locale)
            .field(
                "locales",
                &self
                    .locales
                    .iter()
                    .map(|locale| &locale.tag)
                    .collect::<Vec<_>>(),
            )
            .finish()
    }
}

/// A message rendered in a locale: the text and the locale it was actually found in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Localized<'t> {
    /// The tag of the locale whose message this is, as registered (for `Content-Language`).
    pub locale: &'t str,
    /// The rendered text.
    pub message: String,
}

impl Translations {
    /// Translations whose default locale is `tag` (such as `"en"`): the language the catalogue's
    /// messages are declared in.
    ///
    /// # Errors
    /// [`TranslationsError::InvalidTag`] when `tag` is not a language tag.
    pub fn new(default_locale: &str) -> Result<Self, TranslationsError> {
        parse_tag(default_locale)?;
        Ok(Self {
            default_locale: default_locale.to_owned(),
            locales: Vec::new(),
        })
    }

    /// Adds the locale `tag` from the `.ftl` source `ftl`, required to translate every key.
    ///
    /// # Errors
    /// A syntax error in `ftl` (with its line and column), an invalid tag, a tag registered twice
    /// (the default locale included), or a message defined twice in the file.
    pub fn with_locale(self, tag: &str, ftl: &str) -> Result<Self, TranslationsError> {
        self.add(tag, ftl, Completeness::Complete)
    }

    /// Adds the locale `tag`, allowed to leave keys out: they fall back by the
    /// [documented rule](super#fallback).
    ///
    /// # Errors
    /// As [`with_locale`](Self::with_locale).
    pub fn with_partial_locale(self, tag: &str, ftl: &str) -> Result<Self, TranslationsError> {
        self.add(tag, ftl, Completeness::Partial)
    }

    fn add(
        mut self,
        tag: &str,
        ftl: &str,
        completeness: Completeness,
    ) -> Result<Self, TranslationsError> {
        let language = parse_tag(tag)?;
        if self.is_registered(tag) {
            return Err(TranslationsError::DuplicateLocale {
                tag: tag.to_owned(),
            });
        }
        let resource = match FluentResource::try_new(ftl.to_owned()) {
            Ok(resource) => Arc::new(resource),
            Err((_, errors)) => {
                let first = &errors[0];
                return Err(TranslationsError::Syntax {
                    locale: tag.to_owned(),
                    position: position_of(ftl, first.pos.start),
                    reason: lowercase_first(&first.kind.to_string()),
                });
            }
        };
        let mut bundle = FluentBundle::new_concurrent(vec![language]);
        // JSON clients get plain text: the isolation marks (U+2068, U+2069) Fluent wraps around
        // every placeable are for a bidi-aware text renderer, and would be invisible bytes in
        // `message` that a client compares, logs or concatenates.
        bundle.set_use_isolating(false);
        // add_resource's only error is a message defined twice (`Overriding`).
        if let Err(errors) = bundle.add_resource(Arc::clone(&resource))
            && let Some(fluent_bundle::FluentError::Overriding { id, .. }) = errors.first()
        {
            return Err(TranslationsError::DuplicateMessage {
                locale: tag.to_owned(),
                key: id.clone(),
                position: super::position::entry_position(ftl, id),
            });
        }
        self.locales.push(Locale {
            tag: tag.to_owned(),
            completeness,
            resource,
            bundle,
        });
        Ok(self)
    }

    /// The default locale's tag: the declared messages' language.
    pub fn default_locale(&self) -> &str {
        &self.default_locale
    }

    /// Every registered locale's tag, the default first, then in registration order.
    pub fn locales(&self) -> impl Iterator<Item = &str> {
        core::iter::once(self.default_locale.as_str())
            .chain(self.locales.iter().map(|locale| locale.tag.as_str()))
    }

    /// Whether `tag` is registered (compared case-insensitively, as language tags are).
    pub fn is_registered(&self, tag: &str) -> bool {
        self.locales()
            .any(|registered| registered.eq_ignore_ascii_case(tag))
    }

    pub(crate) fn translated_locales(&self) -> &[Locale] {
        &self.locales
    }

    fn locale(&self, tag: &str) -> Option<&Locale> {
        self.locales
            .iter()
            .find(|locale| locale.tag.eq_ignore_ascii_case(tag))
    }

    /// The message for `key` in exactly the locale `tag` (no fallback), with `params` (the
    /// message's fields by name, as [`ApiError::message_fields`](crate::ApiError::message_fields)
    /// formats them) filled in; `None` when that locale has no message for `key`, or `tag` is the
    /// default locale (whose text is the declaration's).
    pub fn render(&self, tag: &str, key: &str, params: &[(&str, &str)]) -> Option<String> {
        let locale = self.locale(tag)?;
        let message = locale.bundle.get_message(key)?;
        let pattern = message.value()?;
        let mut args = FluentArgs::new();
        for (name, value) in params {
            args.set(*name, param_value(value));
        }
        let mut errors = Vec::new();
        let text = locale
            .bundle
            .format_pattern(pattern, Some(&args), &mut errors);
        Some(Cow::into_owned(text))
    }

    /// The message for `key` in the registered locale `tag`, falling back by the
    /// [documented rule](super#fallback); `None` when the chain reaches the default locale, whose
    /// text is the declared message the caller already has.
    pub fn localize(&self, tag: &str, key: &str, params: &[(&str, &str)]) -> Option<Localized<'_>> {
        lookup_chain(tag)
            .filter_map(|candidate| self.locale(&candidate))
            .find_map(|locale| {
                let message = self.render(&locale.tag, key, params)?;
                Some(Localized {
                    locale: &locale.tag,
                    message,
                })
            })
    }
}

/// A parameter as Fluent sees it: a number when its text is one Fluent prints back unchanged (so
/// a select expression can pick a plural category), otherwise a string.
fn param_value(value: &str) -> FluentValue<'_> {
    if is_plain_number(value) {
        FluentValue::try_number(value)
    } else {
        FluentValue::from(value)
    }
}

/// `-?digits(.digits)?`, without a leading zero and within f64's exact integers, the numbers whose
/// Fluent rendering is the text itself.
pub(crate) fn is_plain_number(value: &str) -> bool {
    let unsigned = value.strip_prefix('-').unwrap_or(value);
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, "1"));
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|byte| byte.is_ascii_digit());
    digits(whole)
        && digits(fraction)
        && (whole == "0" || !whole.starts_with('0'))
        && whole.len() + fraction.len() <= 15
}

fn parse_tag(tag: &str) -> Result<LanguageIdentifier, TranslationsError> {
    tag.parse().map_err(|_| TranslationsError::InvalidTag {
        tag: tag.to_owned(),
    })
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect()
    })
}

/// Why a locale could not be added to [`Translations`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum TranslationsError {
    /// The `.ftl` source does not parse.
    Syntax {
        /// The locale's tag (its file is `{locale}.ftl`).
        locale: String,
        /// Where the parser stopped.
        position: Position,
        /// fluent-syntax's reason.
        reason: String,
    },
    /// Not a BCP 47 language tag.
    InvalidTag {
        /// The tag given.
        tag: String,
    },
    /// The locale is already registered (as a locale or as the default).
    DuplicateLocale {
        /// The tag given twice.
        tag: String,
    },
    /// The file defines a message twice.
    DuplicateMessage {
        /// The locale's tag.
        locale: String,
        /// The key defined twice.
        key: String,
        /// Where it is first defined.
        position: Position,
    },
}

impl fmt::Display for TranslationsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Syntax {
                locale,
                position,
                reason,
            } => write!(f, "{locale}.ftl:{position}: {reason}"),
            Self::InvalidTag { tag } => write!(f, "`{tag}` is not a language tag"),
            Self::DuplicateLocale { tag } => write!(f, "locale `{tag}` is registered twice"),
            Self::DuplicateMessage {
                locale,
                key,
                position,
            } => {
                write!(f, "{locale}.ftl:{position}: `{key}` is defined twice")
            }
        }
    }
}

impl std::error::Error for TranslationsError {}
