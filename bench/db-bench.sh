#!/usr/bin/env bash
# Measures whole `portcullis` processes on generated data: importing OSV records, matching a
# 1,000-package project, and cataloging a 20,000-package node_modules tree and a 200 MB fat jar.
# Every row is paired with a baseline run back to back in the same session:
#   db import of N OSV records (zip)    java OsvParseOnly: Jackson trees of the same zip, nothing stored
#   scan dir:PROJECT --db DB            the same scan with --skip-db
#   sbom dir:NODE_MODULES_ROOTFS        find + cat of the same files
#   sbom dir:FOLDER_WITH_FAT_JAR        unzip -p of the jar: every entry inflated once, nested jars not
#                                       opened (`unzip -l` only reads the central directory and took
#                                       under 0.01 s, too little to divide by)
# The OSV baseline runs as a source-file program on the product's libraries with the launcher's JVM
# settings, so JVM start-up and Jackson are in both sides; the ratio is what validating, converting
# and storing the records costs on top of parsing them.
# It prints Markdown table rows: median wall time, median peak RSS and the ratio to the baseline.
#
# Usage: [IMPORT_RUNS=N] bench/db-bench.sh LAUNCHER [RUNS] [RECORDS]
#   LAUNCHER  the portcullis launcher, for example bin/portcullis
#   RUNS      timed runs per command after one untimed warm-up, default 3
#   RECORDS   OSV records to generate, default 200000
#   IMPORT_RUNS  timed runs of the import and its baseline, default RUNS. An import of 200,000
#             records takes minutes, so with IMPORT_RUNS set the import rows get no warm-up run.
# Generated data goes to target/db-bench (override with BENCH_DATA=DIR) and is reused by later runs
# with the same sizes; delete the folder to regenerate it.
#
# Needs: bash, python3, GNU time at /usr/bin/time, find, unzip, and a Java 25 JDK (bin/java-home.sh).
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 3 ]; then
  echo "usage: $0 LAUNCHER [RUNS] [RECORDS]" >&2
  exit 2
fi
launcher=$(readlink -f "$1")
runs=${2:-3}
records=${3:-200000}
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
data=${BENCH_DATA:-$root/target/db-bench}
if ! [[ $runs =~ ^[1-9][0-9]*$ && $records =~ ^[1-9][0-9]*$ ]]; then
  echo "db-bench: RUNS and RECORDS must be positive integers, got '$runs' and '$records'." >&2
  exit 2
fi
if [ ! -x /usr/bin/time ] || [ ! -x "$launcher" ]; then
  echo "db-bench: needs GNU time at /usr/bin/time and an executable launcher, got '$1'." >&2
  exit 2
fi
# shellcheck source=bin/java-home.sh
. "$root/bin/java-home.sh"
find_java25 || exit 2

generate() {
  local kind=$1 target=$2 size=$3
  if [ ! -e "$target.done-$size" ]; then
    echo "db-bench: generating $target ($kind, $size)" >&2
    rm -rf "$target" "$target".done-*
    if [ "$kind" = project ]; then mkdir -p "$target"; else mkdir -p "$(dirname "$target")"; fi
    python3 "$root/bench/gen-bench-data.py" "$kind" "$target" "$size"
    touch "$target.done-$size"
  fi
}
mkdir -p "$data"
generate osv "$data/osv.zip" "$records"
generate project "$data/project" 1000
generate project "$data/rootfs" 20000
generate jar "$data/jar/app.jar" 200

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Runs a command RUNS times under GNU time after one untimed warm-up, appending
# "<wall s> <max RSS KiB>" per run to FILE. $before, when set, is run untimed before each run;
# $first_run=1 leaves out the warm-up and $timed_runs replaces RUNS.
measure() {
  local file=$1
  shift
  local run
  for ((run = ${first_run:-0}; run <= ${timed_runs:-$runs}; run++)); do
    [ -n "${before:-}" ] && eval "$before"
    if ! /usr/bin/time -f '%e %M' -o "$work/time.out" "$@" > /dev/null 2> "$work/err.out"; then
      echo "db-bench: run $run failed: $*" >&2
      cat "$work/err.out" >&2
      exit 1
    fi
    [ "$run" -gt 0 ] && cat "$work/time.out" >> "$file"
  done
}

# Prints the median of column COLUMN of FILE.
median() {
  awk -v column="$1" '{ print $column }' "$2" | sort -g | awk '
    { values[NR] = $1 }
    END { print (NR % 2 == 1) ? values[(NR + 1) / 2] : (values[NR / 2] + values[NR / 2 + 1]) / 2 }'
}

# Prints one table row: WHAT, then portcullis and baseline as median wall s and peak RSS MB, ratio.
row() {
  local what=$1 product=$2 baseline=$3 baseline_name=$4
  awk -v what="$what" -v name="$baseline_name" -v runs="$runs" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" \
    -v pw="$(median 1 "$product")" -v pm="$(median 2 "$product")" \
    -v bw="$(median 1 "$baseline")" -v bm="$(median 2 "$baseline")" 'BEGIN {
      ratio = bw > 0 ? sprintf("%.1f", pw / bw) : "n/a"
      printf "| %s | %d | %.2f | %.0f | %s | %.2f | %.0f | %s | %s |\n", what, runs, pw, pm / 1024, name, bw, bm / 1024, ratio, load
    }'
}

echo "| Measurement | Runs | portcullis, median wall (s) | portcullis peak RSS, median (MB) | Baseline | baseline, median wall (s) | baseline peak RSS, median (MB) | Ratio | Load average after the row (1, 5, 15 min) |"
echo "|---|---|---|---|---|---|---|---|---|"

# 1. Import into a new database each run.
database=$data/vuln.db
before="rm -f '$database' '$database-journal' '$database-wal' '$database-shm'"
if [ -n "${IMPORT_RUNS:-}" ]; then first_run=1; timed_runs=$IMPORT_RUNS; fi
measure "$work/import" "$launcher" db --db "$database" import "$data/osv.zip" --feed osv
before=""
measure "$work/parse" "$JAVA_HOME/bin/java" -XX:+UseSerialGC -Xms64m -Xmx1g -cp "$root/target/dist/lib/*" \
  "$root/bench/OsvParseOnly.java" "$data/osv.zip"
saved_runs=$runs
runs=${IMPORT_RUNS:-$runs}
row "db import, $records OSV records" "$work/import" "$work/parse" "Jackson parse only"
runs=$saved_runs
first_run=0
timed_runs=$runs
import_seconds=$(median 1 "$work/import")
parse_seconds=$(median 1 "$work/parse")
awk -v n="$records" -v i="$import_seconds" -v p="$parse_seconds" -v size="$(stat -c %s "$database")" \
  -v zip="$(stat -c %s "$data/osv.zip")" 'BEGIN {
    printf "\nImport: %.0f records/s (parse only: %.0f records/s); database file %.1f MB from a %.1f MB zip.\n\n",
      n / i, n / p, size / 1048576, zip / 1048576 }' >&2

# 2. Matching the 1,000-package project against that database.
measure "$work/scan" "$launcher" scan "dir:$data/project" --db "$database" -f json -o /dev/null
measure "$work/skip" "$launcher" scan "dir:$data/project" --skip-db -f json -o /dev/null
row "scan dir: of 1,000 npm packages" "$work/scan" "$work/skip" "same scan, --skip-db"

# 3. Cataloging: 20,000 node_modules packages, then one fat jar.
measure "$work/tree" "$launcher" sbom "dir:$data/rootfs" --format cyclonedx --output /dev/null --quiet
# shellcheck disable=SC2016 # $1 expands in the child bash, which gets the folder as its argument.
measure "$work/cat" bash -c 'find "$1" -type f -exec cat {} + > /dev/null' find-cat "$data/rootfs"
row "sbom dir: of 20,000 node_modules packages" "$work/tree" "$work/cat" "find + cat of the files"
measure "$work/jar" "$launcher" sbom "dir:$data/jar" --format cyclonedx --output /dev/null --quiet
measure "$work/unzip" unzip -p "$data/jar/app.jar"
row "sbom dir: of a $(( $(stat -c %s "$data/jar/app.jar") / 1048576 )) MB fat jar" "$work/jar" "$work/unzip" "unzip -p of every entry"
