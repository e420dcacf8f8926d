#!/usr/bin/env bash
# Times khronika and other Russian date taggers on the same generated corpus and prints one
# table: system, chars/s, and the throughput of khronika's command line (the whole process:
# start-up, JSON in and out, analysis) divided by the system's. The library's own
# throughput (analysis only, in process) is the second row.
#
#   bash benches/peers.sh                       # 2 MB corpus; each peer: 0.5 MB or 60 s
#   MB=10 PEER_MB=1 BUDGET=120 bash benches/peers.sh
#
# On demand only (not run by CI or by `cargo test`). Installs into target/peers/: a Python
# venv with dateparser and natasha (pip), and chrono-node (npm). Needs python3 with venv,
# node with npm, and cargo. Everything runs on one thread; the peers run on the first part
# of the corpus (PEER_MB / BUDGET), since they are much slower, and their figures are
# throughputs, so the parts compare.
set -euo pipefail
cd "$(dirname "$0")/.."
PEERS=target/peers
MB=${MB:-2}
PEER_MB=${PEER_MB:-0.5}
BUDGET=${BUDGET:-60}
mkdir -p "$PEERS"

if [ ! -x "$PEERS/venv/bin/python" ]; then
  python3 -m venv "$PEERS/venv"
fi
"$PEERS/venv/bin/python" -m pip install --quiet dateparser natasha
if [ ! -d "$PEERS/node/node_modules/chrono-node" ]; then
  npm install --silent --no-audit --no-fund --prefix "$PEERS/node" chrono-node
fi

corpus="$PEERS/corpus.jsonl"
python3 benches/corpus.py --mb "$MB" -o "$corpus"
cargo build --quiet --release --manifest-path benches/compare/Cargo.toml --no-default-features
cargo build --quiet --release --example timeline

results="$PEERS/results.tsv"
peer_bytes=$(python3 -c "print(int($PEER_MB * 1e6))")
echo "timing khronika ..." >&2
python3 benches/peers/cli.py target/release/examples/timeline "$corpus" > "$results"
benches/compare/target/release/khronika-compare --jsonl "$corpus" --only khronika --tsv >> "$results"
for system in dateparser natasha; do
  echo "timing $system ..." >&2
  "$PEERS/venv/bin/python" benches/peers/peer.py "$system" "$corpus" "$peer_bytes" "$BUDGET" >> "$results"
done
echo "timing chrono-node ..." >&2
NODE_PATH="$PWD/$PEERS/node/node_modules" node benches/peers/chrono.cjs "$corpus" "$peer_bytes" "$BUDGET" >> "$results"

python3 - "$results" <<'PY'
import sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
base = None
print(f"{'system':<20} {'docs':>6} {'chars':>10} {'seconds':>8} {'chars/s':>12} {'MB/s':>8} {'found':>7} {'CLI ÷':>11}")
for system, docs, chars, size, seconds, found in rows:
    cps = int(chars) / float(seconds)
    base = base or cps
    mbs = int(size) / float(seconds) / 1e6
    print(f"{system:<20} {docs:>6} {chars:>10} {float(seconds):>8.2f} {cps:>12,.0f} {mbs:>8.3f} {found:>7} {base / cps:>10.1f}x")
PY
