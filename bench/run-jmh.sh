#!/usr/bin/env bash
# Runs the JMH benchmarks under bench/jmh/java with short settings: one fork, 2 warm-up and 5
# measured iterations of 1 s each. Short runs give wide error bars; pass JMH options to change that.
#
# Usage: bench/run-jmh.sh [JMH OPTION...] [BENCHMARK REGEX]
#   bench/run-jmh.sh                          all benchmarks
#   bench/run-jmh.sh TreeBenchmark.glob       the glob benchmarks only
#   bench/run-jmh.sh -i 10 -r 2s              longer measurement (an option given replaces its default)
# Results go to stdout and, as JSON, to target/jmh-result.json.
#
# Needs: Maven 3.8.7 or newer and a Java 25 JDK. The first run downloads JMH 1.37 from Maven Central.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
# shellcheck source=bin/java-home.sh
. "$root/bin/java-home.sh"
find_java25 || exit 2
if ! command -v mvn >/dev/null 2>&1; then
  echo "run-jmh: Maven (mvn) is not on the PATH; install Maven 3.8.7 or newer." >&2
  exit 2
fi

# JMH rejects an option given twice, so a default is left out when the arguments name its option.
settings=""
for default in "-f 1" "-wi 2" "-w 1s" "-i 5" "-r 1s" "-rf json" "-rff $root/target/jmh-result.json"; do
  option=${default%% *}
  given=false
  for argument in "$@"; do
    [ "$argument" = "$option" ] && given=true
  done
  [ "$given" = true ] || settings="$settings $default"
done
cd "$root"
mvn -B -q -Pbench test-compile exec:exec -Djmh.args="$settings $*"
