#!/usr/bin/env bash
# #22's expansion figure in instructions, which the machine's load does not change (callgrind).
# For each subject of `compile-cost expand` (the 2,000-variant enum with no derive, with
# `#[derive(ApiError)]`, with `#[derive(thiserror::Error)]`), the `rustc` check that cargo runs
# for it is run alone under callgrind, and three counts are printed:
# - the whole process (expansion plus the checking of what it generates: minus `subject_plain`);
# - rustc's `expand_derive_macro`: the derive's run, rustc's side of the token bridge included
#   (the lexing of the text it hands over, the tokens it builds), the expansion time proper;
# - the instructions inside the proc-macro's shared object alone: the derive's own work.
# Usage: bench/expansion-instructions.sh   (about 5 minutes; needs valgrind)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "needs valgrind" >&2; exit 2; }
# Writes the subjects into bench/work/ and builds their dependencies.
ROUNDS=1 cargo run --release -q -p assetpay-errors-bench --bin compile-cost expand >/dev/null
out=$(mktemp -d)
cd bench/work
for subject in subject_plain subject_ours subject_thiserror; do
    cargo check -q -p "$subject"
    touch "$subject/src/lib.rs"
    rustc_command=$(cargo check -v -p "$subject" 2>&1 | sed -n 's/^ *Running `\(.*\)`$/\1/p' | tail -1)
    eval "valgrind --tool=callgrind --callgrind-out-file=$out/$subject.out $rustc_command" \
        >"$out/$subject.log" 2>&1
    python3 - "$out/$subject.out" "$subject" <<'PY'
import re, subprocess, sys
path, subject = sys.argv[1], sys.argv[2]
def annotate(inclusive):
    return subprocess.run(
        ["callgrind_annotate", f"--inclusive={inclusive}", "--threshold=100", path],
        capture_output=True, text=True, check=True).stdout.splitlines()
total, own = 0, 0
for line in annotate("no"):
    match = re.match(r"\s*([\d,]+) \([^)]*\)\s+(.*)", line)
    if not match:
        continue
    count = int(match.group(1).replace(",", ""))
    if "PROGRAM TOTALS" in match.group(2):
        total = count
    elif re.search(r"\[[^\]]*lib(assetpay_errors_derive|thiserror_impl)-[^\]]*\.so\]\s*$", match.group(2)):
        own += count
expansion = 0
for line in annotate("yes"):
    if "rustc_expand::proc_macro::expand_derive_macro [" in line:
        expansion = int(line.split()[0].replace(",", ""))
        break
print(f"{subject:18} whole rustc {total / 1e6:10,.1f} M   expand_derive_macro "
      f"{expansion / 1e6:8,.1f} M   inside the proc-macro {own / 1e6:8,.1f} M")
PY
done
rm -rf "$out"
