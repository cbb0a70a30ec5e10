#!/bin/bash
# Recall of the gold signatory names among the person-name recogniser's mentions
# (rules::people::names::mentions), aggregate per set: sure names, then sure + guessed pairs.
# Each SET is a folder with docs/ and gold/ (default: ../shared/corpus/real, when present).
# Needs the example built: cargo build --release --example name_mentions
# Usage: scripts/people/recogniser_recall.sh [SET...]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=$root/target/release/examples/name_mentions
[ -x "$bin" ] || { echo "build the example first: cargo build --release --example name_mentions" >&2; exit 1; }
sets=("$@")
if [ ${#sets[@]} -eq 0 ]; then
  [ -d "$root/../shared/corpus/real/gold" ] || { echo "no set given and no ../shared/corpus/real" >&2; exit 1; }
  sets=("$root/../shared/corpus/real")
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for set in "${sets[@]}"; do
  "$bin" "$set/docs" > "$tmp/mentions.jsonl"
  : > "$tmp/records.jsonl"
  echo "== $set"
  python3 "$root/scripts/people_recall.py" --gold "$set/gold" "$tmp/records.jsonl" \
    --mentions "$tmp/mentions.jsonl" | sed -n '/^\[all\]/,/^\[even\]/p' | grep recogniser
done
