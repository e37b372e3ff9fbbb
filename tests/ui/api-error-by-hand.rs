use std::borrow::Cow;

use assetpay_errors::{ApiError, ErrorSpec};

pub struct ByHand;

impl ApiError for ByHand {
    const CATALOG: &'static [ErrorSpec] = &[];

    fn spec(&self) -> &'static ErrorSpec {
        unimplemented!()
    }

    fn message(&self) -> Cow<'_, str> {
        Cow::Borrowed("by hand")
    }

    fn spec_for_code(_: u16) -> Option<&'static ErrorSpec> {
        None
    }

    fn spec_for_key(_: &str) -> Option<&'static ErrorSpec> {
        None
    }
}

fn main() {}
