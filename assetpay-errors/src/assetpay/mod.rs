//! AssetPay's published error catalogue, declared with the derive (issue #3 fills this in).
