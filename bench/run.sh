#!/bin/sh
# make bench: ties against the floors and the peers, in one run on one
# machine, medians of RUNS runs.
#
#   sh bench/run.sh [SIZES] [RUNS]        default: "S M" 5
#   REAL=DIR sh bench/run.sh "" [RUNS]    the real data only (see the end)
#
# For each size the seeded generator (bench/gen.c) writes the five tables.
# Then each task runs RUNS times per tool, and the table gives the median
# wall time, the median peak memory and the ratio to the task's baseline:
#
#   import       ties import of the five tables into a new database;
#                baseline: the sqlite3 shell's .import of the same CSVs into
#                bare tables (the bare floor); "sqlite3-indexed" is the same
#                followed by CREATE INDEX of the indexes ties keeps on those
#                tables (the storage floor; ties' name keys and their word
#                index have no counterpart there); peer: Kuzu's COPY
#   pagerank     ties rank --by pagerank --weighted, end to end from the
#                database, the snapshot in place ("ties"), made again
#                ("ties-first": the first question after a write) and with
#                the scores kept from the last run ("ties-kept");
#                baseline: bench/floor.c, a bare igraph program
#                that parses the tie list and computes the same measure;
#                peers: python-igraph, NetworkX (both on the tie list),
#                Kuzu's page_rank (unweighted: what it offers)
#   communities  ties communities (Louvain, weighted); baseline: floor.c;
#                peers as above; the modularity of each answer is shown
#   path         ties path A B as a cold process, the snapshot in place,
#                for three pairs; "ties-first" is the first question after a
#                write (the snapshot made again); baseline: floor.c (parse,
#                then one BFS); peer: Kuzu's SHORTEST, a cold process
#   draw         ties draw --focus A --depth 2 --top 300 to SVG (A the
#                PageRank leader): first after a write (the graph projected),
#                then with the snapshot in place ("ties-kept")
#   extract      ties extract of the 30 world releases as one text, and of
#                16 copies of it (once, not per size; the ratio is ~16 when
#                the time is linear in the text)
#
# Peers run where installed: `sh scripts/deps.sh --bench` installs NetworkX
# and python-igraph from Debian; Kuzu comes from npm into build/bench/kuzu
# (this script installs it when npm is there). NetworkX's Louvain runs at S
# only (it takes minutes at M) unless NX_LOUVAIN=1; NetworkX does not run
# at L (4.5 GB at M). TASKS (default "import
# pagerank communities path draw extract") times only those; the data are loaded
# once, untimed, when import is not among them.
set -eu
cd "$(dirname "$0")/.."
SIZES=${1-S M}
RUNS=${2:-5}
TASKS=${TASKS:-import pagerank communities path draw extract}
want() { case " $TASKS " in *" $1 "*) return 0 ;; esac; return 1; }
TIES=${TIES:-./ties}
B=build/bench
PY=/usr/bin/python3
mkdir -p "$B"
cc -O2 -o "$B/gen" bench/gen.c -lm
cc -O2 -o "$B/timeit" bench/timeit.c
cc -O2 -D_GNU_SOURCE -o "$B/floor" bench/floor.c $(pkg-config --cflags --libs igraph)
work=$(mktemp -d "${TMPDIR:-/tmp}/ties-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

have_nx=0; have_ig=0; have_kuzu=0
[ -x "$PY" ] && "$PY" -c 'import networkx' 2>/dev/null && have_nx=1
[ -x "$PY" ] && "$PY" -c 'import igraph' 2>/dev/null && have_ig=1
if command -v node >/dev/null 2>&1; then
	if [ ! -d "$B/kuzu/node_modules/kuzu" ] && command -v npm >/dev/null 2>&1; then
		mkdir -p "$B/kuzu"
		(cd "$B/kuzu" && npm install --no-audit --no-fund kuzu@0.11.3 >/dev/null 2>&1 &&
			cd node_modules/kuzu && node install.js >/dev/null 2>&1) || true
	fi
	NODE_PATH="$PWD/$B/kuzu/node_modules" node -e 'require("kuzu")' 2>/dev/null && have_kuzu=1
fi
export NODE_PATH="$PWD/$B/kuzu/node_modules"
echo "peers: networkx=$have_nx python-igraph=$have_ig kuzu=$have_kuzu"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# run NAME RUNS COMMAND...: time RUNS runs, the answer of the last in NAME.out
run() {
	name=$1 n=$2
	shift 2
	: >"$d/$name.t"
	i=0
	while [ "$i" -lt "$n" ]; do
		[ -n "${PRE:-}" ] && eval "$PRE"
		"$B/timeit" -o "$d/$name.out" "$@" >>"$d/$name.t" 2>"$d/$name.err" ||
			{ echo "bench: $name failed:"; cat "$d/$name.err"; exit 1; }
		i=$((i + 1))
	done
}

# row TASK TOOL NAME BASE: one line of the table
row() {
	t=$(cut -d' ' -f1 "$d/$3.t" | median)
	m=$(cut -d' ' -f2 "$d/$3.t" | median)
	bt=$(cut -d' ' -f1 "$d/$4.t" | median)
	printf '%-5s %-11s %-14s %9.3f %8.0f %7.2fx  %s\n' "$size" "$1" "$2" "$t" "$m" \
		"$(echo "$t $bt" | awk '{print ($2 > 0 ? $1 / $2 : 0)}')" "$(tr '\n' ' ' <"$d/$3.out" | cut -c1-60)"
}

printf '%-5s %-11s %-14s %9s %8s %8s  %s\n' size task tool median_s peak_mib vs_base answer
for size in $SIZES; do
	d="$work/$size"
	mkdir -p "$d"
	"$B/gen" "$size" "$d" 2>"$d/gen.log"
	echo "$size: $(cat "$d/gen.log")"
	rows=$(($(cat "$d"/*.csv | wc -l) - 5))

	# --- import
	cat >"$d/floor.sql" <<SQL
.mode csv
.import $d/sources.csv sources
.import $d/entities.csv entities
.import $d/events.csv events
.import $d/relations.csv relations
.import $d/participants.csv participants
SQL
	# The indexes of ties' schema (src/store/schema.c), on the bare tables.
	cat >"$d/floor-idx.sql" <<SQL
CREATE UNIQUE INDEX source_id ON sources(id);
CREATE INDEX source_url ON sources(url);
CREATE INDEX source_title ON sources(title);
CREATE UNIQUE INDEX entity_id ON entities(id);
CREATE INDEX entity_kind ON entities(kind, name);
CREATE INDEX entity_country ON entities(country);
CREATE UNIQUE INDEX event_id ON events(id);
CREATE INDEX event_date ON events(date);
CREATE INDEX event_title ON events(title);
CREATE INDEX event_place ON events(place) WHERE place <> '';
CREATE INDEX relation_source ON relations(source, target, kind);
CREATE INDEX relation_target ON relations(target);
CREATE INDEX participant_key ON participants(event, entity, role);
CREATE INDEX participant_entity ON participants(entity, event);
SQL
	if ! want import; then
		"$TIES" --db "$d/t.db" import -q "$d" 2>/dev/null
		[ $have_kuzu = 1 ] && node bench/peers/kuzu.js copy "$d" "$d/k.kz" >/dev/null
	else
	PRE='rm -f "$d/t.db" "$d/t.db-wal" "$d/t.db-shm" "$d/t.db.adj"' \
		run imp-ties "$RUNS" "$TIES" --db "$d/t.db" import -q "$d"
	echo "$rows rows" >"$d/imp-ties.out"
	PRE='rm -f "$d/f.db"' run imp-floor "$RUNS" sh -c "sqlite3 '$d/f.db' < '$d/floor.sql'"
	echo "$rows rows" >"$d/imp-floor.out"
	PRE='rm -f "$d/f.db"' run imp-floorx "$RUNS" sh -c "cat '$d/floor.sql' '$d/floor-idx.sql' | sqlite3 '$d/f.db'"
	echo "13 indexes" >"$d/imp-floorx.out"
	row import ties imp-ties imp-floor
	row import ties/indexed imp-ties imp-floorx
	row import sqlite3-floor imp-floor imp-floor
	row import sqlite3-indexed imp-floorx imp-floor
	if [ $have_kuzu = 1 ]; then
		PRE='rm -rf "$d/k.kz" "$d/k.kz.wal"' run imp-kuzu "$RUNS" node bench/peers/kuzu.js copy "$d" "$d/k.kz"
		row import kuzu-copy imp-kuzu imp-floor
	fi
	fi

	# --- the tie list, for the floor and the peers (not timed)
	"$TIES" --db "$d/t.db" export --format edgelist -o "$d/ties.tsv"
	echo "$size: $(wc -l <"$d/ties.tsv") ties"
	[ $have_kuzu = 1 ] && node bench/peers/kuzu.js ties "$d/k.kz" "$d/ties.tsv"

	# --- pagerank
	if want pagerank || want draw; then
	# The snapshot in place (made by the export above); the scores kept
	# beside it are removed before each run, so PageRank is computed.
	PRE='rm -f "$d/t.db.adj."*' \
		run pr-ties "$(want pagerank && echo "$RUNS" || echo 1)" "$TIES" --db "$d/t.db" rank --by pagerank --weighted --top 1 --format csv
	tail -n 1 "$d/pr-ties.out" | cut -d, -f2,7 >"$d/x" && mv "$d/x" "$d/pr-ties.out"
	if want pagerank; then
	PRE='rm -f "$d/t.db.adj"*' \
		run pr-first "$RUNS" "$TIES" --db "$d/t.db" rank --by pagerank --weighted --top 1 --format csv
	echo "projected, snapshot written" >"$d/pr-first.out"
	run pr-kept "$RUNS" "$TIES" --db "$d/t.db" rank --by pagerank --weighted --top 1 --format csv
	echo "scores read" >"$d/pr-kept.out"
	run pr-floor "$RUNS" "$B/floor" pagerank "$d/ties.tsv"
	row pagerank ties pr-ties pr-floor
	row pagerank ties-first pr-first pr-floor
	row pagerank ties-kept pr-kept pr-floor
	row pagerank igraph-floor pr-floor pr-floor
	if [ $have_ig = 1 ]; then
		run pr-ig "$RUNS" "$PY" bench/peers/ig.py pagerank "$d/ties.tsv"
		row pagerank python-igraph pr-ig pr-floor
	fi
	# NetworkX holds 4.5 GB at M: it would not fit at L.
	if [ $have_nx = 1 ] && [ "$size" != L ]; then
		run pr-nx "$RUNS" "$PY" bench/peers/nx.py pagerank "$d/ties.tsv"
		row pagerank networkx pr-nx pr-floor
	fi
	if [ $have_kuzu = 1 ]; then
		run pr-kuzu "$RUNS" node bench/peers/kuzu.js pagerank "$d/k.kz"
		row pagerank kuzu-unweighted pr-kuzu pr-floor
	fi
	fi
	fi

	# --- communities
	if want communities; then
	run cm-ties "$RUNS" "$TIES" --db "$d/t.db" communities --format csv
	grep -o 'modularity [0-9.]*' "$d/cm-ties.err" >"$d/cm-ties.out"
	run cm-floor "$RUNS" "$B/floor" louvain "$d/ties.tsv"
	row communities ties cm-ties cm-floor
	row communities igraph-floor cm-floor cm-floor
	# python-igraph runs the floor's multilevel: left out at L (minutes).
	if [ $have_ig = 1 ] && [ "$size" != L ]; then
		run cm-ig "$RUNS" "$PY" bench/peers/ig.py louvain "$d/ties.tsv"
		row communities python-igraph cm-ig cm-floor
	fi
	if [ $have_nx = 1 ] && { [ "$size" = S ] || [ "${NX_LOUVAIN:-0}" = 1 ]; }; then
		run cm-nx "$RUNS" "$PY" bench/peers/nx.py louvain "$d/ties.tsv"
		row communities networkx cm-nx cm-floor
	fi
	if [ $have_kuzu = 1 ]; then
		run cm-kuzu "$RUNS" node bench/peers/kuzu.js louvain "$d/k.kz" "$d/kuzu.m"
		echo "$(cat "$d/cm-kuzu.out") modularity $($PY bench/peers/modularity.py "$d/ties.tsv" "$d/kuzu.m")" >"$d/x"
		mv "$d/x" "$d/cm-kuzu.out"
		row communities kuzu cm-kuzu cm-floor
	fi
	fi

	# --- path: three pairs, far apart in the file
	n=$(wc -l <"$d/ties.tsv")
	set -- "$(sed -n 1p "$d/ties.tsv" | cut -f1)" "$(sed -n "${n}p" "$d/ties.tsv" | cut -f2)" \
		"$(sed -n "$((n / 2))p" "$d/ties.tsv" | cut -f1)" "$(sed -n "$((n / 3))p" "$d/ties.tsv" | cut -f2)" \
		"$(sed -n "$((n / 5))p" "$d/ties.tsv" | cut -f2)" "$(sed -n "$((n - 7))p" "$d/ties.tsv" | cut -f1)"
	k=1
	want path || set --
	while [ $# -ge 2 ]; do
		a=$1 b=$2
		shift 2
		"$TIES" --db "$d/t.db" path "$a" "$b" >/dev/null # the snapshot
		run pa-ties "$RUNS" "$TIES" --db "$d/t.db" path "$a" "$b" --format csv
		echo "$a-$b hops $(tail -n 1 "$d/pa-ties.out" | cut -d, -f2)" >"$d/x" && mv "$d/x" "$d/pa-ties.out"
		run pa-floor "$RUNS" "$B/floor" path "$d/ties.tsv" "$a" "$b"
		row "path$k" ties pa-ties pa-floor
		if [ $k = 1 ]; then
			PRE='rm -f "$d/t.db.adj"' run pa-first "$RUNS" "$TIES" --db "$d/t.db" path "$a" "$b" --format csv
			echo "snapshot made again" >"$d/pa-first.out"
			row "path$k" ties-first pa-first pa-floor
		fi
		row "path$k" igraph-floor pa-floor pa-floor
		if [ $have_kuzu = 1 ]; then
			run pa-kuzu "$RUNS" node bench/peers/kuzu.js path "$d/k.kz" "$a" "$b"
			row "path$k" kuzu pa-kuzu pa-floor
		fi
		k=$((k + 1))
	done

	# --- draw
	want draw || continue
	top=$(cut -d, -f1 "$d/pr-ties.out")
	PRE='rm -f "$d/t.db.adj" "$d/t.db.adj."*' \
		run dr-ties "$RUNS" "$TIES" --db "$d/t.db" draw --focus "$top" --depth 2 --top 300 -o "$d/focus.svg"
	echo "focus $top, first after a write (graph projected)" >"$d/dr-ties.out"
	row draw ties dr-ties dr-ties
	run dr-kept "$RUNS" "$TIES" --db "$d/t.db" draw --focus "$top" --depth 2 --top 300 -o "$d/focus.svg"
	echo "focus $top, snapshot in place" >"$d/dr-kept.out"
	row draw ties-kept dr-kept dr-ties
done

# --- extract: the 30 world releases of tests/extract as one text (78 KB),
# and the same text 16 times (1.25 MB); linear time gives a ratio near 16
if want extract; then
	size=text d="$work/text"
	mkdir -p "$d"
	cat tests/extract/world/[0-9]*.md >"$d/x1.txt"
	for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16; do cat "$d/x1.txt"; done >"$d/x16.txt"
	run ex-1 "$RUNS" "$TIES" --db "$d/none.db" extract -q "$d/x1.txt"
	echo "$(wc -c <"$d/x1.txt") bytes" >"$d/ex-1.out"
	run ex-16 "$RUNS" "$TIES" --db "$d/none.db" extract -q "$d/x16.txt"
	echo "$(wc -c <"$d/x16.txt") bytes, linear: 16x" >"$d/ex-16.out"
	row extract ties-1x ex-1 ex-1
	row extract ties-16x ex-16 ex-1
fi

# --- real data: REAL=DIR holding unv.db and/or ror.db, made from the UN
# votes and the ROR registry as docs/real-data.md shows. The diagrams of
# docs/images and the reports, end to end, the scores kept from a first
# run (a user's second command); baseline for the diagrams: Graphviz's own
# command line laying out and rendering the DOT that ties writes for the
# same diagram (the drawing floor).
[ -n "${REAL:-}" ] || exit 0
for size in unv ror; do
	db="$REAL/$size.db"
	[ -f "$db" ] || continue
	d="$work/$size"
	mkdir -p "$d"
	top=$([ $size = unv ] && echo 40 || echo 100)
	"$TIES" --db "$db" draw --top "$top" -o "$d/x.dot" 2>"$d/x.err"
	layout=$(sed -n 's/.*; layout \([a-z]*\).*/\1/p' "$d/x.err")
	run rd-ties "$RUNS" "$TIES" --db "$db" draw --top "$top" -o "$d/x.png"
	sed 's/^ties: //' "$d/rd-ties.err" | tail -n 1 | cut -c1-40 >"$d/rd-ties.out"
	run rd-gv "$RUNS" "$layout" -Tpng "$d/x.dot" -o "$d/y.png"
	echo "$layout -Tpng" >"$d/rd-gv.out"
	row "draw$top" ties rd-ties rd-gv
	row "draw$top" graphviz-floor rd-gv rd-gv
	run rp-ties "$RUNS" "$TIES" --db "$db" report -o "$d/r.html"
	echo "$(wc -c <"$d/r.html") bytes" >"$d/rp-ties.out"
	row report ties rp-ties rp-ties
done
