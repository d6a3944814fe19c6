#!/usr/bin/env bash
# Load test of the server's findings endpoint with wrk on 127.0.0.1: 1,000 images on the embedded
# PostgreSQL, 2 threads, 16 connections, 20 seconds. Needs the Debian package wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test -Dtest=FindingsLoadBenchmark -Dportcullis.bench.wrk=true -Dsurefire.failIfNoSpecifiedTests=false
cat target/wrk-server.txt
