#!/usr/bin/env bash
# Compile cost of the `utoipa` feature (BENCHMARKS.md, "The utoipa feature"): clean debug builds
# of a one-derive crate depending on assetpay-errors, without and with the feature, and with the
# feature plus one documented path and an OpenApi derive. Each subject gets its own target dir
# under bench/work/ (ignored by git), so every build is cold; the fastest of RUNS is kept.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
work="$root/bench/work/utoipa-cost"
runs="${RUNS:-2}"
export CARGO_INCREMENTAL=0

subject() { # name, features, src
    local dir="$work/$1"
    mkdir -p "$dir/src"
    cat > "$dir/Cargo.toml" <<TOML
[package]
name = "utoipa-cost-$1"
version = "0.0.0"
edition = "2024"
publish = false

[workspace]

[dependencies]
assetpay-errors = { path = "$root/assetpay-errors", features = [$2] }
utoipa = { version = "6.0.0", optional = true }

[features]
docs = ["dep:utoipa"]
TOML
    printf '%s\n' "$3" > "$dir/src/lib.rs"
    cp "$root/Cargo.lock" "$dir/Cargo.lock"
}

enum_src='use assetpay_errors::ApiError;
#[derive(Debug, ApiError)]
#[api(range = 1..=99)]
pub enum TradeError {
    /// Price has changed since you last fetched it
    #[api(code = 11, key = "PRICE_CHANGED", status = 409)]
    PriceChanged,
}'

subject default '' "$enum_src"
subject feature '"utoipa"' "$enum_src"
subject documented '"utoipa"' "$enum_src
#[utoipa::path(post, path = \"/trades\", responses((status = 201, description = \"Created\"), assetpay_errors::openapi::ApiErrors<assetpay_errors::AssetPayError>))]
pub async fn create_trade() {}
#[derive(utoipa::OpenApi)]
#[openapi(paths(create_trade), components(schemas(assetpay_errors::openapi::EnvelopeSchema)))]
pub struct ApiDoc;"

for name in default feature documented; do
    features=()
    [ "$name" = documented ] && features=(--features docs)
    best=""
    for _ in $(seq "$runs"); do
        rm -rf "$work/$name/target"
        start=$(date +%s.%N)
        cargo build -q --offline --manifest-path "$work/$name/Cargo.toml" "${features[@]}"
        elapsed=$(echo "$(date +%s.%N) - $start" | bc)
        if [ -z "$best" ] || [ "$(echo "$elapsed < $best" | bc)" = 1 ]; then best=$elapsed; fi
    done
    crates=$(cargo tree -q --offline --manifest-path "$work/$name/Cargo.toml" "${features[@]}" -e normal,build --prefix none | sort -u | wc -l)
    printf '%-10s %6.2f s  %3d crates\n' "$name" "$best" "$crates"
done
