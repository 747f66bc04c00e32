#!/bin/sh
# kill -9 at several moments of an import: each time the database passes
# PRAGMA integrity_check and holds exactly what it held before; and during
# the very first import, while the database is made.
#
#   sh tests/reliability/crash.sh TIES GEN WORKDIR
set -u
TIES=$1
GEN=$2
work=$3
rm -rf "$work"
mkdir -p "$work/data"
"$GEN" 5000:40000 "$work/data" 2>/dev/null || exit 1
db="$work/t.db"
"$TIES" --db "$db" import -q graphs/issi-icca-ras-2025 2>/dev/null || exit 1
before=$(sqlite3 "$db" .dump | cksum)
cp "$db" "$work/pristine.db"
# How long a whole import takes, to place the kills inside it.
cp "$db" "$work/timing.db"
start=$(date +%s%N)
"$TIES" --db "$work/timing.db" import -q "$work/data" 2>/dev/null || exit 1
total=$(( ($(date +%s%N) - start) / 1000000 ))
fail=0
for pct in 2 10 30 60 90 99; do
	ms=$((total * pct / 100))
	"$TIES" --db "$db" import -q "$work/data" 2>/dev/null &
	pid=$!
	sleep "$(awk "BEGIN { print $ms / 1000 }")"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	check=$(sqlite3 "$db" "PRAGMA integrity_check")
	after=$(sqlite3 "$db" .dump | cksum)
	if [ "$check" != ok ]; then
		echo "crash at ${pct}%: integrity_check says $check"
		fail=1
	elif [ "$before" != "$after" ]; then
		# The import may have finished before the kill: then the data
		# must be all there, and it is restored for the next point.
		if "$TIES" --db "$db" find p4999 | grep -q p4999; then
			echo "crash at ${pct}%: the import had finished first: all of it is there"
			rm -f "$db" "$db-wal" "$db-shm"
			cp "$work/pristine.db" "$db"
		else
			echo "crash at ${pct}%: the database changed"
			fail=1
		fi
	else
		echo "crash at ${pct}% (${ms} ms of ${total}): intact, unchanged"
	fi
done

# kill -9 of the very first import, while the database is being made:
# there is then no database, or a whole one (its countries all there), and
# the next import works.
for ms in 5 20 60 120 250; do
	new="$work/first.db"
	rm -f "$new" "$new"-wal "$new"-shm "$new".new-*
	"$TIES" --db "$new" import -q graphs/issi-icca-ras-2025 2>/dev/null &
	pid=$!
	sleep "$(awk "BEGIN { print $ms / 1000 }")"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	if [ -e "$new" ]; then
		n=$(sqlite3 "$new" "SELECT count(*) FROM entity WHERE kind = 'country'" 2>&1)
		if [ "$n" -lt 249 ] 2>/dev/null || [ -z "$n" ]; then
			echo "first import killed at $ms ms: a half-made database ($n)"
			fail=1
			continue
		fi
	fi
	if "$TIES" --db "$new" import -q graphs/issi-icca-ras-2025 2>"$work/first.err" &&
		"$TIES" --db "$new" show Babaev >/dev/null; then
		if [ -e "$new.new-$pid" ]; then
			echo "first import killed at $ms ms: its temporary file was left"
			fail=1
		else
			echo "first import killed at $ms ms: then imported"
		fi
	else
		echo "first import killed at $ms ms: the next import failed: $(cat "$work/first.err")"
		fail=1
	fi
done
exit $fail
