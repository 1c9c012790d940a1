#!/usr/bin/env bash
# The store's figures on a corpus (default: the whole news corpus), release build:
#   - ingest into a new SQLite store, then again unchanged; its size and rows per document;
#   - build --store, and build --store with an alias file, against a one-shot build;
#   - ingest into PostgreSQL with 1, 2 and 4 processes at once (--shard K/N), each into a
#     new database, when PLEXUS_TEST_POSTGRES is set (scripts/with-postgres.sh sets it).
# Usage: scripts/with-postgres.sh bash scripts/bench-store.sh [CORPUS]
set -euo pipefail
corpus=${1:-../shared/data/news-corpus}
plexus=.build/release/plexus
work=$(mktemp -d /tmp/plexus-bench-store.XXXXXX)
trap 'rm -rf "$work"' EXIT
timed() { /usr/bin/time -f "%e s wall, %P CPU, %M KB peak" "$@" 2>&1 >/dev/null | tail -1; }

echo "corpus: $corpus ($(find "$corpus" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' -o -name '*.jsonl' \) | wc -l) files), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "SQLite ingest, new store:      $(timed $plexus ingest "$corpus" --store "$work/news.sqlite")"
echo "SQLite ingest again, unchanged: $(timed $plexus ingest "$corpus" --store "$work/news.sqlite")"
documents=$(python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute('select count(*) from documents').fetchone()[0])" "$work/news.sqlite")
python3 - "$work/news.sqlite" <<'PY'
import sqlite3, sys, os
c = sqlite3.connect(sys.argv[1])
c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
n = c.execute("select count(*) from documents").fetchone()[0]
size = os.path.getsize(sys.argv[1])
rows = {t: c.execute(f"select count(*) from {t}").fetchone()[0] for t in ["documents", "paragraph_keys", "sentences", "mentions"]}
analysis = c.execute("select sum(length(analysis)), sum(length(paragraphs)) from documents").fetchone()
print(f"store: {n} documents, {size/1e6:.0f} MB, {size/n/1024:.1f} KiB per document; rows per document: "
      + ", ".join(f"{t} {rows[t]/n:.1f}" for t in rows)
      + f"; analysis bytes {analysis[0]/n/1024:.1f} KiB, text {analysis[1]/n/1024:.1f} KiB per document")
PY
printf 'merge\tTony Blair\tMr Blair\ndrop\tReuters\n' > "$work/aliases.tsv"
echo "build --store:                 $(timed $plexus build --store "$work/news.sqlite" --out "$work/store-build" --formats dot)"
echo "build --store --aliases:       $(timed $plexus build --store "$work/news.sqlite" --out "$work/store-aliases" --formats dot --aliases "$work/aliases.tsv")"
echo "build from the files:          $(timed $plexus build "$corpus" --out "$work/one-shot" --formats dot)"
if cmp -s "$work/store-build/graph.json" "$work/one-shot/graph.json"; then echo "graph.json: identical"; else echo "graph.json: DIFFERENT"; fi

if [ -n "${PLEXUS_TEST_POSTGRES:-}" ]; then
  for processes in 1 2 4; do
    database="plexus_bench_$processes"
    psql -q "$PLEXUS_TEST_POSTGRES" -c "DROP DATABASE IF EXISTS $database" -c "CREATE DATABASE $database"
    store=$(echo "$PLEXUS_TEST_POSTGRES" | sed "s#/postgres?#/$database?#")
    started=$(date +%s.%N)
    pids=()
    for k in $(seq 1 $processes); do
      $plexus ingest "$corpus" --store "$store" --shard "$k/$processes" > /dev/null &
      pids+=($!)
    done
    for pid in "${pids[@]}"; do wait "$pid"; done
    seconds=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$started" "$(date +%s.%N)")
    stored=$(psql -tA "$store" -c "select count(*) from documents")
    bytes=$(psql -tA "$store" -c "select pg_database_size(current_database())")
    echo "PostgreSQL ingest, $processes process(es): $seconds s wall, $stored documents, $(python3 -c "print(f'{$stored/$seconds:.0f}')") documents/s, database $((bytes / 1000000)) MB"
  done
  echo "PostgreSQL build --store:      $(timed $plexus build --store "$store" --out "$work/pg-build" --formats dot)"
  if cmp -s "$work/pg-build/graph.json" "$work/one-shot/graph.json"; then echo "graph.json (PostgreSQL, 4 processes): identical"; else echo "graph.json (PostgreSQL): DIFFERENT"; fi
else
  echo "PostgreSQL: PLEXUS_TEST_POSTGRES is not set; run through scripts/with-postgres.sh"
fi
