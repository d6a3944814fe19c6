#!/usr/bin/env bash
# Measures a whole `portcullis sbom` process against the cost of decompressing the same image.
#
# For one OCI image layout it runs one untimed warm-up of each command, then RUNS timed runs of
#   portcullis sbom IMAGE --format cyclonedx --output /dev/null --quiet
# The baseline gets as many timed runs: `gzip -dc` of the image's layer blobs to /dev/null, or
# `zstd -dc` for zstd layers and `cat` for uncompressed ones. The script prints one Markdown table
# row with the median wall time of each, their ratio, the median peak RSS of portcullis and the
# median CPU time (user + system) of each.
# The wall time includes JVM start-up, because that is what a user waits for. Other load on the
# machine skews both medians, so run it on an otherwise idle machine and report the hardware. CPU
# time moves less with load, and it shows how much of the wall time parallel layer reads hide.
#
# Usage: bench/scan-bench.sh [--header] LAUNCHER IMAGE [RUNS]
#   LAUNCHER  the portcullis launcher, for example bin/portcullis
#   IMAGE     an OCI image layout folder, optionally with :TAG (examples/demo-image:demo)
#   RUNS      timed runs per command, default 7
#   --header  print the table's header lines before the row
#
# Needs: bash, GNU time at /usr/bin/time (Debian package `time`: apt-get install time), gzip,
# python3 (reads the layout's JSON), and zstd only for zstd layers.
set -euo pipefail

usage() {
  echo "usage: $0 [--header] LAUNCHER IMAGE [RUNS]" >&2
  exit 2
}

header=false
if [ "${1:-}" = "--header" ]; then
  header=true
  shift
fi
[ $# -ge 2 ] && [ $# -le 3 ] || usage
launcher=$1
image=$2
runs=${3:-7}

if ! [[ $runs =~ ^[1-9][0-9]*$ ]]; then
  echo "scan-bench: RUNS must be a positive integer, got '$runs'." >&2
  exit 2
fi
if [ ! -x /usr/bin/time ] || ! /usr/bin/time -f '%e' true 2>/dev/null; then
  echo "scan-bench: GNU time is missing at /usr/bin/time; install it with 'apt-get install time'." >&2
  exit 2
fi
if [ ! -x "$launcher" ]; then
  echo "scan-bench: launcher '$launcher' is not an executable file; pass bin/portcullis or the installed launcher." >&2
  exit 2
fi

# IMAGE is the layout folder itself, or FOLDER:TAG when the folder exists.
layout=$image
tag=""
if [ ! -d "$layout" ] && [ -d "${image%:*}" ]; then
  layout=${image%:*}
  tag=${image##*:}
fi
if [ ! -f "$layout/index.json" ] || [ ! -f "$layout/oci-layout" ]; then
  echo "scan-bench: '$layout' is not an OCI image layout (no oci-layout and index.json); pass a layout folder." >&2
  exit 2
fi

# Prints one line per layer of the selected manifest: the decompression command, then the blob path.
list_layers() {
  LAYOUT=$layout TAG=$tag python3 - <<'PYTHON'
import json
import os
import sys

layout = os.environ["LAYOUT"]
tag = os.environ["TAG"]


def blob_path(digest):
    algorithm, encoded = digest.split(":", 1)
    return os.path.join(layout, "blobs", algorithm, encoded)


with open(os.path.join(layout, "index.json")) as handle:
    manifests = json.load(handle)["manifests"]
if tag:
    manifests = [m for m in manifests if m.get("annotations", {}).get("org.opencontainers.image.ref.name") == tag]
if not manifests:
    print(f"scan-bench: no manifest tagged '{tag}' in {layout}/index.json; pass a tag it lists.", file=sys.stderr)
    sys.exit(2)
with open(blob_path(manifests[0]["digest"])) as handle:
    document = json.load(handle)
if "layers" not in document:
    print(f"scan-bench: {manifests[0]['digest']} is not an image manifest; pass a tag that names one image.", file=sys.stderr)
    sys.exit(2)
for layer in document["layers"]:
    media_type = layer["mediaType"]
    if media_type.endswith("+gzip") or media_type.endswith(".tar.gzip"):
        command = "gzip"
    elif media_type.endswith("+zstd"):
        command = "zstd"
    else:
        command = "cat"
    print(command, blob_path(layer["digest"]))
PYTHON
}

# Decompresses every layer blob to /dev/null: the floor that any scan of the image has to pay.
# The timed baseline runs it in a child bash, so its time includes that shell's start
# (an estimate: a few milliseconds).
decompress_layers() {
  local command blob
  while read -r command blob; do
    case $command in
      gzip) gzip -dc "$blob" ;;
      zstd) zstd -q -dc "$blob" ;;
      *) cat "$blob" ;;
    esac
  done < "$layers_file" > /dev/null
}

# Runs a command RUNS times under GNU time and appends "<wall s> <max RSS KiB> <user s> <system s>"
# per run to FILE.
measure() {
  local file=$1
  shift
  local run
  for ((run = 1; run <= runs; run++)); do
    if ! /usr/bin/time -f '%e %M %U %S' -o "$work/time.out" "$@"; then
      echo "scan-bench: timed run $run failed: $*" >&2
      exit 1
    fi
    cat "$work/time.out" >> "$file"
  done
}

# Prints the median of column COLUMN of FILE, or with "cpu" for COLUMN the median of user + system.
median() {
  local column=$1 file=$2
  awk -v column="$column" '{ print (column == "cpu" ? $3 + $4 : $column) }' "$file" | sort -g | awk '
    { values[NR] = $1 }
    END {
      if (NR % 2 == 1) { print values[(NR + 1) / 2] }
      else { print (values[NR / 2] + values[NR / 2 + 1]) / 2 }
    }'
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
layers_file=$work/layers
list_layers > "$layers_file"
export -f decompress_layers
export layers_file

scan=("$launcher" sbom "$image" --format cyclonedx --output /dev/null --quiet)
if ! "${scan[@]}" 2> "$work/warmup.err"; then
  echo "scan-bench: the warm-up run failed: ${scan[*]}" >&2
  cat "$work/warmup.err" >&2
  exit 1
fi
decompress_layers

measure "$work/scan.times" "${scan[@]}"
measure "$work/baseline.times" bash -c decompress_layers

scan_seconds=$(median 1 "$work/scan.times")
baseline_seconds=$(median 1 "$work/baseline.times")
scan_rss_kib=$(median 2 "$work/scan.times")
scan_cpu=$(median cpu "$work/scan.times")
baseline_cpu=$(median cpu "$work/baseline.times")
summary=$(awk -v scan="$scan_seconds" -v base="$baseline_seconds" -v rss="$scan_rss_kib" 'BEGIN {
  ratio = base > 0 ? sprintf("%.1f", scan / base) : "n/a (baseline under 0.01 s)"
  printf "%.2f|%.2f|%s|%.0f", scan, base, ratio, rss / 1024
}')
IFS='|' read -r scan_column baseline_column ratio_column rss_column <<< "$summary"

if [ "$header" = true ]; then
  echo "| Image | Runs | portcullis sbom, median wall (s) | gzip -dc of layers, median wall (s) | Ratio | portcullis peak RSS, median (MB) | portcullis CPU, median (s) | gzip CPU, median (s) |"
  echo "|---|---|---|---|---|---|---|---|"
fi
printf '| %s | %s | %s | %s | %s | %s | %.2f | %.2f |\n' "$image" "$runs" "$scan_column" "$baseline_column" \
  "$ratio_column" "$rss_column" "$scan_cpu" "$baseline_cpu"
