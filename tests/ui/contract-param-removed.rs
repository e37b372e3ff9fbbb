use assetpay_errors::ApiError;

// `max` was published as a parameter of the message; renaming it breaks every client that
// renders its own translation of the message from `params`.
#[derive(Debug, ApiError)]
#[api(range = 1..=99, published = "published/limits.json")]
pub enum LimitsError {
    /// Too many items in a single request
    #[api(code = 8, key = "TOO_MANY_ITEMS", status = 400, message = "At most {limit} items, not {given}")]
    TooManyItems { limit: usize, given: usize },
}

fn main() {}
