//! The derive must never panic: a panic reaches the user as "proc-macro derive panicked", with no
//! span and no hint of what to fix. These tests feed `derive` thousands of inputs that
//! proptest generates: well-formed declarations, declarations with one definite mistake, and both
//! after random token surgery or cut off mid-text (see `surgery`).
//!
//! Every output must be non-empty and parse as a sequence of items (what the compiler expects
//! from a derive); a declaration with a mistake must produce `compile_error!`, a well-formed one
//! must not.
//!
//! Reproducing a failure: every run draws the same cases, from [`SEED`] with the ChaCha RNG (the
//! environment's `PROPTEST_RNG_SEED` does not apply), so running the failing test again, e.g.
//! `cargo test -p assetpay-errors-derive token_surgery_never_panics`, fails the same way. Before
//! reporting, proptest shrinks the failing case; the report shows the smallest input it found,
//! in the assertion's message as it is written and after "minimal failing input" as a Rust
//! string. Nothing is written to `proptest-regressions/`, since the seed already replays every
//! case. To look at other cases, change [`SEED`].

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::str::FromStr;

use proc_macro2::TokenStream;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseResult, TestRng, TestRunner};

use super::mistakes::with_a_mistake;
use super::surgery::{cut_mid_way, token_surgery};
use super::well_formed::well_formed;

/// The ChaCha seed of every property below.
const SEED: &[u8; 32] = b"derive robustness, fixed seed 01";
/// Cases of each property on whole declarations, and of each way of mangling them: 9,000 inputs.
const DECLARATIONS: u32 = 1500;
const MANGLED: u32 = 3000;

/// What the derive must answer for a generated input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verdict {
    /// A well-formed declaration: no `compile_error!`.
    Accept,
    /// A declaration with at least one mistake: `compile_error!`.
    Reject,
    /// Mangled at random: anything but a panic or malformed output.
    Unknown,
}

struct Outcome {
    output: String,
    parses_as_items: bool,
}

fn run(tokens: TokenStream) -> Result<Outcome, String> {
    let result = catch_unwind(AssertUnwindSafe(|| crate::derive(tokens)));
    match result {
        Ok(output) => Ok(Outcome {
            parses_as_items: syn::parse2::<syn::File>(output.clone()).is_ok(),
            output: output.to_string(),
        }),
        Err(panic) => Err(panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|text| (*text).to_owned()))
            .unwrap_or_default()),
    }
}

/// Checks the derive's output for `text` against `verdict`; `Ok(true)` if it has `compile_error!`.
fn check(tokens: TokenStream, text: &str, verdict: Verdict) -> Result<bool, TestCaseError> {
    let outcome = run(tokens).map_err(|panic| {
        TestCaseError::fail(format!("the derive panicked ({panic}) on input:\n{text}"))
    })?;
    prop_assert!(!outcome.output.is_empty(), "empty output for:\n{text}");
    prop_assert!(
        outcome.parses_as_items,
        "output is not a sequence of items for:\n{text}\n---\n{}",
        outcome.output
    );
    let has_error = outcome.output.contains("compile_error");
    match verdict {
        Verdict::Accept => prop_assert!(
            !has_error,
            "rejected a valid declaration:\n{text}\n---\n{}",
            outcome.output
        ),
        Verdict::Reject => {
            prop_assert!(has_error, "accepted a declaration with a mistake:\n{text}");
            // The stub impl keeps code that uses the type from adding errors of its own.
            prop_assert!(
                outcome.output.contains("ApiError for"),
                "no stub impl next to the errors:\n{text}\n---\n{}",
                outcome.output
            );
        }
        Verdict::Unknown => {}
    }
    Ok(has_error)
}

/// A whole declaration, which must lex, checked against `verdict`.
fn check_declaration(text: &str, verdict: Verdict) -> TestCaseResult {
    let tokens = TokenStream::from_str(text).map_err(|error| {
        TestCaseError::fail(format!(
            "{error}: a generated declaration does not lex:\n{text}"
        ))
    })?;
    check(tokens, text, verdict).map(drop)
}

/// How the inputs of a mangling property fared, to show that the property tests something.
#[derive(Default)]
struct Tally {
    skipped: Cell<u32>,
    accepted: Cell<u32>,
    rejected: Cell<u32>,
}

impl Tally {
    /// Checks a mangled input, skipping one that no longer lexes.
    fn check(&self, text: &str) -> TestCaseResult {
        let Ok(tokens) = TokenStream::from_str(text) else {
            self.skipped.set(self.skipped.get() + 1);
            return Ok(());
        };
        let counter = if check(tokens, text, Verdict::Unknown)? {
            &self.rejected
        } else {
            &self.accepted
        };
        counter.set(counter.get() + 1);
        Ok(())
    }

    /// Asserts that at least `lexed` inputs lexed, and how often each outcome came at least.
    fn assert_at_least(&self, lexed: u32, accepted: u32, rejected: u32) {
        let summary = format!(
            "{} accepted, {} rejected, {} did not lex",
            self.accepted.get(),
            self.rejected.get(),
            self.skipped.get()
        );
        assert!(
            self.accepted.get() + self.rejected.get() >= lexed,
            "too few inputs lexed: {summary}"
        );
        assert!(
            self.accepted.get() >= accepted && self.rejected.get() >= rejected,
            "an outcome is rarer than it should be: {summary}"
        );
    }
}

/// A runner that draws the same cases on every run.
fn runner(cases: u32) -> TestRunner {
    let config = Config {
        cases,
        rng_algorithm: RngAlgorithm::ChaCha,
        failure_persistence: None,
        ..Config::default()
    };
    TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, SEED))
}

/// Runs `property` on `cases` inputs from `inputs`; `test` names the test, to reproduce a failure.
fn check_all(
    test: &str,
    cases: u32,
    inputs: impl Strategy<Value = String>,
    property: impl Fn(&str) -> TestCaseResult,
) {
    if let Err(failure) = runner(cases).run(&inputs, |text| property(&text)) {
        panic!(
            "{failure}\nThe cases come from a fixed seed: \
             `cargo test -p assetpay-errors-derive {test}` replays this one."
        );
    }
}

/// Well-formed declarations and declarations with a mistake, in equal parts, as text.
fn declarations() -> impl Strategy<Value = String> {
    prop_oneof![well_formed(), with_a_mistake()].prop_map(|decl| decl.render())
}

#[test]
fn well_formed_declarations_are_accepted() {
    check_all(
        "well_formed_declarations_are_accepted",
        DECLARATIONS,
        well_formed().prop_map(|decl| decl.render()),
        |text| check_declaration(text, Verdict::Accept),
    );
}

#[test]
fn declarations_with_a_mistake_are_rejected() {
    check_all(
        "declarations_with_a_mistake_are_rejected",
        DECLARATIONS,
        with_a_mistake().prop_map(|decl| decl.render()),
        |text| check_declaration(text, Verdict::Reject),
    );
}

#[test]
fn token_surgery_never_panics() {
    let tally = Tally::default();
    check_all(
        "token_surgery_never_panics",
        MANGLED,
        token_surgery(declarations()),
        |text| tally.check(text),
    );
    // 2,892 lexed with the seed: 233 accepted, 2,659 rejected.
    tally.assert_at_least(2700, 150, 2400);
}

#[test]
fn text_cut_mid_way_never_panics() {
    let tally = Tally::default();
    check_all(
        "text_cut_mid_way_never_panics",
        MANGLED,
        cut_mid_way(declarations()),
        |text| tally.check(text),
    );
    // 2,226 lexed with the seed: 110 accepted, 2,116 rejected; a cut inside a literal leaves
    // text that does not lex.
    tally.assert_at_least(2000, 80, 1900);
}

#[test]
fn hand_picked_oddities_never_panic() {
    let cases: &[&str] = &[
        "",
        "enum",
        "enum E",
        "enum E {}",
        "struct S;",
        "union U { a: u8 }",
        "#[api] enum E {}",
        "#[api()] enum E {}",
        "#[api(,)] enum E {}",
        "#[api(domain)] enum E {}",
        "#[api(domain =)] enum E {}",
        "#[api(range = 1..=)] enum E {}",
        "#[api(range = ..)] enum E {}",
        "#[api(range = 65535..=65535)] enum E { #[doc = \"x\"] #[api(code = 65535, key = \"AB\", status = 599)] A }",
        "enum E { #[api(code = 340282366920938463463374607431768211456, key = \"AB\", status = 400)] A }",
        "enum E { #[api(code = 1, key = \"AB\", status = 400, message = \"{0}\")] A() }",
        "enum E { #[api(code = 1, key = \"AB\", status = 400, message = \"{r#type}\")] A { r#type: u8 } }",
        "enum E { #[api(code = 1, key = \"AB\", status = 400, message = \"{4294967296}\")] A(u8) }",
        "enum E { #[api(transparent)] A { inner: Inner } }",
        "enum E { #[api(transparent, transparent)] A(Inner) }",
        "enum E { #[api(code = 1, key = \"AB\", status = 400)] A = 5 }",
        "enum E { #[api(code = 1 key = \"AB\")] A }",
        "enum E { #[api(code = -)] A }",
        "enum E { #[api(code = 'a')] A }",
        "enum E { #[api(message = r#\"{\"#)] A }",
        "enum E { #[api(key = \"\\u{0}\")] A }",
        "enum E { #[api(code = 1_0_0, key = \"AB\", status = 4_0_0)] #[doc = \"d\"] A }",
        "enum E { #[api(code = 0x10, key = \"AB\", status = 0o620)] #[doc = \"d\"] A }",
        "enum E { #[api[code = 1, key = \"AB\", status = 400]] #[doc = \"d\"] A }",
        "enum E { #[api{code = 1}] A }",
        "enum E { #[doc] #[doc = 5] #[doc(hidden)] #[api(code = 1, key = \"AB\", status = 400)] A }",
        "struct S(#[api(code = 1)] u8);",
        "#[api(code = 1, key = \"AB\", status = 400, domain = \"trading\", range = 1..=2)] struct S;",
        "#[api(code = 1, key = \"AB\", status = 400, domain = Domain::TRADING, range = 1..=2)] struct S;",
        "#[api(domain = ::)] enum E {}",
        "#[api(domain = Domain::<>)] enum E {}",
        "#[api(domain = a::b::<c>::d)] enum E {}",
        "enum E<#[api(code = 1)] T> { #[api(code = 1, key = \"AB\", status = 400)] #[doc = \"d\"] A(T) }",
        "enum E { #[api(code = 1, key = \"AB\", status = 400)] #[doc = \"d\"] A(#[api(code = 2)] u8) }",
        "#[api(transparent)] struct S;",
        "#[api(transparent)] struct S<T>(T);",
        "#[api(transparent)] struct S(Box<Self>);",
        "#[api(code = 1, key = \"AB\", status = 400, message = \"{:>width$}\")] struct S { width: usize }",
    ];
    for (index, text) in cases.iter().enumerate() {
        let tokens = TokenStream::from_str(text)
            .unwrap_or_else(|error| panic!("case {index} does not lex: {error}"));
        let outcome =
            run(tokens).unwrap_or_else(|panic| panic!("the derive panicked ({panic}) on {text}"));
        assert!(!outcome.output.is_empty(), "empty output for {text}");
        assert!(
            outcome.parses_as_items,
            "output for {text} is not items:\n{}",
            outcome.output
        );
    }
}
