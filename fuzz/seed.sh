#!/usr/bin/env bash
# Builds the seed corpora of both fuzz targets (fuzz/corpus/{document,extract}) from the
# crate's own test data: the sample article, the rows of tests/corpus/*.tsv, and a few
# pathological snippets. Safe to run again: files are named by content.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/document corpus/extract
n=0
add() { # add TEXT: a `document` seed (header + text) and an `extract` seed (6 date bytes + text)
  local h
  h=$(printf '%s' "$1" | sha1sum | cut -c1-16)
  printf 'date 2020-03-20\n%s' "$1" > "corpus/document/$h"
  # 0x1cd8 days after 2000-01-01 = 2020-03-20; no time of day.
  { printf '\xd8\x1c\x00\x00\x00\x00'; printf '%s' "$1"; } > "corpus/extract/$h"
  n=$((n + 1))
}
cp ../examples/sample/article.txt corpus/document/sample
{ printf '\xd8\x1c\x00\x01\x0e\x1e'; tail -n +2 ../examples/sample/article.txt; } > corpus/extract/sample
while IFS=$'\t' read -r name phrase _; do
  case "$name" in ''|'#'*) continue ;; esac
  add "$phrase"
done < <(cat ../tests/corpus/ru/mentions.tsv ../tests/corpus/ru/no_mentions.tsv)
for s in $'16 марта\r\nвчера\rсегодня' $'\ufeff16\u00a0марта' $'до 17.00, с 16 по 22 марта' \
  $'29 февраля 2021 года' $'31 декабря 9999 года через день' $'0 марта 32 марта' $'мaрта 16 мaрта' \
  $'ма\u00adрта 16 ма\u200bрта' $'«««16 марта»»»' $'16.03.2020 16.03.20 1.1.1' $'через 4294967295 дней'; do
  add "$s"
done
echo "seeded $n inputs per target"
