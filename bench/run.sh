#!/bin/sh
# make bench: import benchmark of ties against the storage floor.
#
#   sh bench/run.sh [SIZES] [RUNS]        default: "S M" 5
#
# For each size the seeded generator (bench/gen.c) writes the five tables;
# then, RUNS times each, in the same run on the same machine:
#   ties      `ties import` of the five tables into a new database
#   floor     the sqlite3 shell's `.import` of the same CSVs into bare tables
#             (no keys, no indexes, no checks: what storing the bytes costs)
# and prints the median wall time and peak memory of each, and the ratio.
set -eu
cd "$(dirname "$0")/.."
SIZES=${1:-S M}
RUNS=${2:-5}
TIES=${TIES:-./ties}
B=build/bench
mkdir -p "$B"
cc -O2 -o "$B/gen" bench/gen.c -lm
cc -O2 -o "$B/timeit" bench/timeit.c
work=$(mktemp -d "${TMPDIR:-/tmp}/ties-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

printf '%-5s %-6s %10s %10s %9s %10s\n' size tool rows median_s peak_mib rows_per_s
for size in $SIZES; do
	d="$work/$size"
	mkdir -p "$d"
	"$B/gen" "$size" "$d" 2>"$d/gen.log"
	rows=$(cat "$d"/*.csv | wc -l)
	rows=$((rows - 5))
	: >"$d/ties.t"
	: >"$d/floor.t"
	i=0
	while [ $i -lt "$RUNS" ]; do
		rm -f "$d/t.db" "$d/t.db-wal" "$d/t.db-shm" "$d/f.db"
		"$B/timeit" "$TIES" --db "$d/t.db" import -q "$d" >>"$d/ties.t" 2>"$d/err" ||
			{ cat "$d/err"; exit 1; }
		cat >"$d/floor.sql" <<SQL
.mode csv
.import $d/sources.csv sources
.import $d/entities.csv entities
.import $d/events.csv events
.import $d/relations.csv relations
.import $d/participants.csv participants
SQL
		"$B/timeit" sh -c "sqlite3 '$d/f.db' < '$d/floor.sql'" >>"$d/floor.t"
		i=$((i + 1))
	done
	for tool in ties floor; do
		t=$(cut -d' ' -f1 "$d/$tool.t" | median)
		m=$(cut -d' ' -f2 "$d/$tool.t" | median)
		printf '%-5s %-6s %10d %10.2f %9.0f %10.0f\n' "$size" "$tool" "$rows" "$t" "$m" \
			"$(echo "$rows $t" | awk '{print $1 / $2}')"
	done
	echo "$size: $(cat "$d/gen.log")"
	tt=$(cut -d' ' -f1 "$d/ties.t" | median)
	ft=$(cut -d' ' -f1 "$d/floor.t" | median)
	echo "$size: ties / floor = $(echo "$tt $ft" | awk '{printf "%.2f", $1 / $2}')x"
done
