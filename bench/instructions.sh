#!/usr/bin/env bash
# Instructions per iteration of subjects of `bench/src/bin/instructions.rs`, counted by callgrind
# (so independent of the machine's load): the difference between runs of 2N and N iterations,
# divided by N (N = 100,000, or 200 for the 4-64 KiB worst-case bodies, 5,000 for a request
# through a service, `layer-*`).
# Usage: bench/instructions.sh [SUBJECT...]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q -p assetpay-errors-bench --bin instructions
bin=target/release/instructions
subjects=("$@")
if [ ${#subjects[@]} -eq 0 ]; then
    subjects=(envelope-limit envelope-write-json envelope-valid-id serde-reference serde-ours
        decode-reference decode-ours)
    for kind in garbage deep-nesting huge-string; do
        for size in 4096 16384 65536; do subjects+=("decode-worst-$kind-$size"); done
    done
fi
count() {
    # A request through a service is counted inside `serve_requests` alone (see its rustdoc).
    local only=()
    case "$1" in layer-*) only=(--toggle-collect='*serve_requests*') ;; esac
    valgrind --tool=callgrind "${only[@]}" --callgrind-out-file=/dev/null "$bin" "$1" "$2" 2>&1 |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
for subject in "${subjects[@]}"; do
    n=100000
    case "$subject" in decode-worst-*) n=200 ;; layer-*) n=5000 ;; esac
    small=$(count "$subject" "$n")
    large=$(count "$subject" $((2 * n)))
    awk -v s="$subject" -v a="$small" -v b="$large" -v n="$n" \
        'BEGIN { printf "%-32s %12.1f instructions/iteration\n", s, (b - a) / n }'
done
