//! [`Rule`]: the ids of the contract's rules.

use core::fmt;

/// One rule of the published contract, by its id (the table is in the [module
/// documentation](crate::contract)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Rule {
    /// A published code is declared with another key.
    CodeKeyChanged,
    /// A published key is declared with another code.
    KeyCodeChanged,
    /// A published code is answered with another HTTP status.
    StatusChanged,
    /// A published retryable error is no longer retryable.
    RetryableRemoved,
    /// A published error is gone and its code or key is not reserved.
    RemovedWithoutReserve,
    /// A reserved code or key is declared again.
    ReservedReused,
    /// A published message parameter is removed or renamed.
    ParamRemoved,
    /// An error that was not published.
    Added,
    /// A published error is gone, its code and key reserved.
    RemovedReserved,
    /// A published error that was not retryable now is.
    RetryableAdded,
    /// The `Retry-After` hint changed, appeared or went away.
    RetryAfterChanged,
    /// The description changed.
    DescriptionChanged,
    /// The client message changed.
    MessageChanged,
    /// The domain's name changed.
    DomainChanged,
    /// A published error became deprecated.
    Deprecated,
    /// A deprecated error is no longer deprecated.
    Undeprecated,
}

impl Rule {
    /// Every rule, breaking ones first, in the order of the table.
    pub const ALL: &'static [Rule] = &[
        Rule::CodeKeyChanged,
        Rule::KeyCodeChanged,
        Rule::StatusChanged,
        Rule::RetryableRemoved,
        Rule::RemovedWithoutReserve,
        Rule::ReservedReused,
        Rule::ParamRemoved,
        Rule::Added,
        Rule::RemovedReserved,
        Rule::RetryableAdded,
        Rule::RetryAfterChanged,
        Rule::DescriptionChanged,
        Rule::MessageChanged,
        Rule::DomainChanged,
        Rule::Deprecated,
        Rule::Undeprecated,
    ];

    /// The id, such as `"STATUS_CHANGED"`.
    pub const fn id(self) -> &'static str {
        match self {
            Rule::CodeKeyChanged => "CODE_KEY_CHANGED",
            Rule::KeyCodeChanged => "KEY_CODE_CHANGED",
            Rule::StatusChanged => "STATUS_CHANGED",
            Rule::RetryableRemoved => "RETRYABLE_REMOVED",
            Rule::RemovedWithoutReserve => "REMOVED_WITHOUT_RESERVE",
            Rule::ReservedReused => "RESERVED_REUSED",
            Rule::ParamRemoved => "PARAM_REMOVED",
            Rule::Added => "ADDED",
            Rule::RemovedReserved => "REMOVED_RESERVED",
            Rule::RetryableAdded => "RETRYABLE_ADDED",
            Rule::RetryAfterChanged => "RETRY_AFTER_CHANGED",
            Rule::DescriptionChanged => "DESCRIPTION_CHANGED",
            Rule::MessageChanged => "MESSAGE_CHANGED",
            Rule::DomainChanged => "DOMAIN_CHANGED",
            Rule::Deprecated => "DEPRECATED",
            Rule::Undeprecated => "UNDEPRECATED",
        }
    }

    /// Whether a change under this rule breaks clients that handle the published catalogue.
    pub const fn is_breaking(self) -> bool {
        matches!(
            self,
            Rule::CodeKeyChanged
                | Rule::KeyCodeChanged
                | Rule::StatusChanged
                | Rule::RetryableRemoved
                | Rule::RemovedWithoutReserve
                | Rule::ReservedReused
                | Rule::ParamRemoved
        )
    }

    /// `"breaking"` or `"compatible"`.
    pub const fn severity(self) -> &'static str {
        if self.is_breaking() {
            "breaking"
        } else {
            "compatible"
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}
