#!/usr/bin/env bash
# Instructions per iteration of each subject of `bench/src/bin/instructions.rs`, counted by
# callgrind (so independent of machine load): the difference between runs of 200,000 and 100,000
# iterations, divided by 100,000. Usage: bench/instructions.sh [SUBJECT...]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q -p assetpay-errors-bench --bin instructions
bin=target/release/instructions
subjects=("$@")
if [ ${#subjects[@]} -eq 0 ]; then
    subjects=(envelope-limit envelope-write-json envelope-valid-id)
fi
count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$1" "$2" 2>&1 |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
for subject in "${subjects[@]}"; do
    small=$(count "$subject" 100000)
    large=$(count "$subject" 200000)
    awk -v s="$subject" -v a="$small" -v b="$large" \
        'BEGIN { printf "%-28s %10.1f instructions/iteration\n", s, (b - a) / 100000 }'
done
