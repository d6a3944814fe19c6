#!/usr/bin/env bash
# Measures `portcullis lint` as whole processes against baselines measured in the same run.
#
# It builds a corpus of 1,000 Dockerfiles from the real ones in the shared fixtures (each copy gets a
# LABEL with its number, so no two files are equal) and times, as medians of RUNS runs:
#   corpus, one process   portcullis lint --shellcheck off --format json on all 1,000 files
#   baseline              cat of the same 1,000 files to /dev/null
#   single file           portcullis lint --shellcheck off on one Dockerfile
#   baseline              portcullis --version (JVM and command-line start-up, no linting)
# and, when shellcheck is on the PATH, the same single file and the first 100 corpus files with
# --shellcheck auto. Wall times include JVM start-up, because that is what a user waits for.
# Other load on the machine skews the medians, so report the hardware and run on an idle machine.
#
# Usage: bench/lint-bench.sh [--append FILE] LAUNCHER [RUNS]
#   LAUNCHER       the portcullis launcher, for example bin/portcullis
#   RUNS           timed runs per command, default 5
#   --append FILE  append the results as a "## Lint" Markdown section to FILE (docs/benchmarks.md)
#
# Needs: bash, python3 (arithmetic), and the fixtures at ../shared relative to the project root.
set -euo pipefail

usage() {
  echo "usage: $0 [--append FILE] LAUNCHER [RUNS]" >&2
  exit 2
}

append=""
if [ "${1:-}" = "--append" ]; then
  [ $# -ge 2 ] || usage
  append=$2
  shift 2
fi
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  usage
fi
launcher=$1
runs=${2:-5}
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)

if ! [[ $runs =~ ^[1-9][0-9]*$ ]]; then
  echo "lint-bench: RUNS must be a positive integer, got '$runs'." >&2
  exit 2
fi
if [ ! -x "$launcher" ]; then
  echo "lint-bench: launcher '$launcher' is not an executable file; pass bin/portcullis or the installed launcher." >&2
  exit 2
fi
sources=("$root"/../shared/fixtures/lint/real/*Dockerfile "$root"/../shared/fixtures/manifests/dockerfiles/*.Dockerfile)
if [ ! -f "${sources[0]}" ]; then
  echo "lint-bench: no Dockerfiles under $root/../shared/fixtures; link the shared fixtures next to the project." >&2
  exit 2
fi

corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
for i in $(seq 0 999); do
  source=${sources[$((i % ${#sources[@]}))]}
  { cat "$source"; printf '\nLABEL bench.copy="%d"\n' "$i"; } > "$corpus/$(printf '%04d' "$i").Dockerfile"
done
files=("$corpus"/*.Dockerfile)
single=$root/../shared/fixtures/lint/real/awesome-compose__spring-postgres__backend.Dockerfile

# Prints the median wall time in seconds of RUNS runs of the command; exit codes 0 and 1 count as success.
median() {
  local times=() start end status
  for _ in $(seq 1 "$runs"); do
    start=$(date +%s%N)
    set +e
    "$@" > /dev/null 2>&1
    status=$?
    set -e
    end=$(date +%s%N)
    if [ "$status" -gt 1 ]; then
      echo "lint-bench: '$*' failed with exit code $status." >&2
      exit 3
    fi
    times+=($((end - start)))
  done
  printf '%s\n' "${times[@]}" | sort -n | python3 -c '
import sys
values = [int(line) for line in sys.stdin]
print("%.4f" % (values[len(values) // 2] / 1e9))'
}

ratio() {
  python3 -c "r = $1 / $2 if $2 > 0 else None; print('n/a' if r is None else ('%.1f' % r if r < 10 else '%.0f' % r))"
}

"$launcher" --version > /dev/null # warm-up, and builds the distribution on first use
load=$(cut -d' ' -f1 /proc/loadavg)
corpus_lint=$(median "$launcher" lint --shellcheck off --format json --fail-on error "${files[@]}")
corpus_cat=$(median cat "${files[@]}")
single_lint=$(median "$launcher" lint --shellcheck off --fail-on error "$single")
startup=$(median "$launcher" --version)
files_per_second=$(python3 -c "print('%.0f' % (1000 / $corpus_lint))")

shellcheck_rows=""
if command -v shellcheck > /dev/null 2>&1; then
  sc_single=$(median "$launcher" lint --shellcheck auto --fail-on error "$single")
  sc_corpus=$(median "$launcher" lint --shellcheck auto --format json --fail-on error "${files[@]:0:100}")
  sc_rate=$(python3 -c "print('%.0f' % (100 / $sc_corpus))")
  shellcheck_rows=$(printf '| single file, --shellcheck auto | %s s | %s s (--version) | %sx |\n| 100 files in one process, --shellcheck auto | %s s (%s files/s) | %s s (cat of 1,000 files) | %sx |' \
    "$sc_single" "$startup" "$(ratio "$sc_single" "$startup")" "$sc_corpus" "$sc_rate" "$corpus_cat" "$(ratio "$sc_corpus" "$corpus_cat")")
fi

java_version=$("$launcher" --version 2>/dev/null | head -1)
report=$(cat <<MARKDOWN
## Lint

Measured $(date -u +%Y-%m-%d) with \`bench/lint-bench.sh $launcher $runs\` on $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'),
$(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB RAM, load average $load at the start; $java_version.
Medians of $runs runs; wall times include JVM start-up. The corpus is 1,000 copies of the
$(printf '%d' "${#sources[@]}") real Dockerfiles in the shared fixtures, each with a LABEL of its number.

| Measurement | Portcullis | Baseline in the same run | Ratio |
|---|---|---|---|
| 1,000 files in one process, --shellcheck off | $corpus_lint s ($files_per_second files/s) | $corpus_cat s (cat of the same files) | $(ratio "$corpus_lint" "$corpus_cat")x |
| single file, --shellcheck off | $single_lint s | $startup s (portcullis --version) | $(ratio "$single_lint" "$startup")x |
$shellcheck_rows
MARKDOWN
)
echo "$report"
if [ -n "$append" ]; then
  printf '\n%s\n' "$report" >> "$append"
fi
