use assetpay_errors::ApiError;

#[derive(Debug, ApiError)]
pub enum GenericError {
    /// The upstream answered nonsense
    #[api(code = 1001, key = "UPSTREAM_NONSENSE", status = 600)]
    UpstreamNonsense,
}

fn main() {}
