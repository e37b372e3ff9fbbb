//! The domain table as the derive needs it: the rows shared with the runtime crate, whose
//! `Domain::<constant>` the expansion names.

pub(crate) use assetpay_errors_shared::domains::{DOMAINS, DomainRow};

pub(crate) fn find(name: &str) -> Option<&'static DomainRow> {
    DOMAINS.iter().find(|domain| domain.name == name)
}

/// "`trading`, `generic`, …" for error messages.
pub(crate) fn list_names() -> String {
    let names: Vec<String> = DOMAINS.iter().map(|d| format!("`{}`", d.name)).collect();
    names.join(", ")
}
