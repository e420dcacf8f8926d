#!/usr/bin/env bash
# Runs both fuzz targets one after the other with libFuzzer (cargo-fuzz, nightly toolchain),
# SECONDS_EACH seconds each (default 900), from the seed corpus that seed.sh builds.
# libFuzzer runs in fork mode and goes on after a crash or a timeout (an input slower than
# 10 s); each lands in fuzz/artifacts/<target>/. The grown corpus stays in fuzz/corpus/<target>/.
#
#   cargo install cargo-fuzz
#   fuzz/seed.sh && fuzz/run.sh 1800
set -uo pipefail
cd "$(dirname "$0")"
secs=${1:-900}
[ -d corpus/document ] || ./seed.sh
for target in extract document; do
  echo "== $target: $secs s, corpus $(ls corpus/$target | wc -l) inputs at start"
  cargo +nightly fuzz run -O "$target" -- -dict=dict.txt -max_total_time="$secs" -timeout=10 -rss_limit_mb=4096 \
    -max_len=8192 -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1
  echo "== $target: exit $?, corpus $(ls corpus/$target | wc -l) inputs at end"
done
