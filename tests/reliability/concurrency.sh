#!/bin/sh
# Real concurrent processes: readers work while an import writes and see
# the database as it was; a second writer waits for the first, succeeds when
# it finishes within the 5 s busy timeout, and fails with a clear message
# when it holds on longer; nothing is ever half-written.
#
#   sh tests/reliability/concurrency.sh TIES GEN WORKDIR
set -u
TIES=$1
GEN=$2
work=$3
rm -rf "$work"
mkdir -p "$work/data"
"$GEN" 5000:40000 "$work/data" 2>/dev/null || exit 1
db="$work/t.db"
"$TIES" --db "$db" import -q graphs/issi-icca-ras-2025 2>/dev/null || exit 1
fail=0

# 1. Readers during an import.
"$TIES" --db "$db" import -q "$work/data" 2>"$work/import.err" &
pid=$!
reads=0
bad=0
while kill -0 "$pid" 2>/dev/null; do
	n=$("$TIES" --db "$db" stats --format tsv 2>"$work/read.err" | grep '^entity	total' | cut -f3)
	if [ "$n" = 21 ]; then
		reads=$((reads + 1))
	elif [ -n "$n" ] && [ "$n" -gt 21 ]; then
		break # the import committed: the rest is after it
	else
		bad=$((bad + 1))
		cat "$work/read.err"
	fi
	"$TIES" --db "$db" show Babaev >/dev/null 2>&1 || bad=$((bad + 1))
done
wait "$pid" || { echo "the import failed:"; cat "$work/import.err"; fail=1; }
if [ $bad -gt 0 ] || [ $reads -lt 1 ]; then
	echo "readers during the import: $reads consistent reads, $bad failures"
	fail=1
else
	echo "readers during the import: consistent reads of the old state, none failed"
fi

# 2. A writer that holds the lock for 2 s: the second waits, then writes.
( echo "BEGIN IMMEDIATE;"; echo "INSERT INTO meta VALUES ('lock', 'held');"; sleep 2; echo "COMMIT;" ) | sqlite3 "$db" &
sleep 0.5
if "$TIES" --db "$db" add entity waiter --kind person --name Waiter 2>"$work/w.err"; then
	echo "second writer, lock held 2 s: waited and wrote"
else
	echo "second writer, lock held 2 s: failed:"; cat "$work/w.err"; fail=1
fi
wait

# 3. A writer that holds it for 8 s: the second fails after 5 s, clearly.
( echo "BEGIN IMMEDIATE;"; echo "DELETE FROM meta WHERE key = 'lock';"; sleep 8; echo "COMMIT;" ) | sqlite3 "$db" &
sleep 0.5
start=$(date +%s)
"$TIES" --db "$db" add entity late --kind person --name Late 2>"$work/l.err"
rc=$?
waited=$(( $(date +%s) - start ))
if [ $rc = 1 ] && grep -q 'database is locked by another process (waited 5 s)' "$work/l.err" && [ $waited -ge 4 ]; then
	echo "second writer, lock held 8 s: waited ${waited} s, then: $(sed 's/: database is locked$//' "$work/l.err")"
else
	echo "second writer, lock held 8 s: exit $rc after ${waited} s:"; cat "$work/l.err"; fail=1
fi
wait

# Nothing half-written.
check=$(sqlite3 "$db" "PRAGMA integrity_check")
"$TIES" --db "$db" find late | grep -q late && { echo "'late' was written"; fail=1; }
"$TIES" --db "$db" find waiter | grep -q waiter || { echo "'waiter' is missing"; fail=1; }
[ "$check" = ok ] && echo "integrity_check: ok" || { echo "integrity_check: $check"; fail=1; }
exit $fail
