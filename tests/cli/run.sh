#!/bin/sh
# Golden tests of the ties program.
#
# A case is tests/cli/<command>/<case>.args (one line: the arguments, as
# shell words, after `ties --db DB`) or <case>.sh (a script run with $TIES,
# $DB and $WORK set), with the expected stdout in <case>.out and,
# optionally, the expected stderr in <case>.err (else stderr must be empty)
# and the exit status in <case>.code (else 0). Each case runs from the top
# of the tree against its own copy of a database loaded from
# graphs/issi-icca-ras-2025 (or an empty one, when the case's name starts
# with "empty-").
#
#   sh tests/cli/run.sh WORKDIR      ends with "cli: N passed, N failed"
set -u
work=${1:?usage: run.sh WORKDIR}
TIES=${TIES:-./ties}
VALGRIND=${VALGRIND:-}
UPDATE=${UPDATE:-}
mkdir -p "$work"
run_ties() { $VALGRIND "$TIES" "$@"; }

seed="$work/seed.db"
rm -f "$seed"
if ! "$TIES" --db "$seed" import -q graphs/issi-icca-ras-2025 2>"$work/seed.err"; then
	cat "$work/seed.err"
	echo "cli: 0 passed, 1 failed"
	exit 1
fi

passed=0
failed=0
for c in tests/cli/*/*.args tests/cli/*/*.sh; do
	[ -f "$c" ] || continue
	base=${c%.*}
	rel=${base#tests/cli/}
	name=$(basename "$base")
	dir="$work/$(echo "$rel" | tr / _)"
	rm -rf "$dir"
	mkdir -p "$dir"
	DB="$dir/test.db"
	case $name in
	empty-*) ;;
	*) cp "$seed" "$DB" ;;
	esac
	if [ "${c##*.}" = args ]; then
		args=$(cat "$c")
		eval "set -- $args"
		run_ties --db "$DB" "$@" >"$dir/out" 2>"$dir/err"
		code=$?
	else
		TIES="$TIES" DB="$DB" WORK="$dir" sh "$c" >"$dir/out" 2>"$dir/err"
		code=$?
	fi
	# Make the case's directory read the same on every machine.
	sed -i "s|$dir/|WORK/|g" "$dir/out" "$dir/err"
	want_code=0
	[ -f "$base.code" ] && want_code=$(cat "$base.code")
	ok=1
	if [ -n "$UPDATE" ]; then
		cp "$dir/out" "$base.out"
		if [ -s "$dir/err" ]; then cp "$dir/err" "$base.err"; else rm -f "$base.err"; fi
		if [ "$code" != 0 ]; then echo "$code" >"$base.code"; else rm -f "$base.code"; fi
		want_code=$code
	fi
	if [ ! -f "$base.out" ]; then
		echo "FAIL $rel: no $base.out"
		ok=0
	elif ! diff -u "$base.out" "$dir/out" >"$dir/diff"; then
		echo "FAIL $rel: stdout differs"
		cat "$dir/diff"
		ok=0
	fi
	if [ -f "$base.err" ]; then
		if ! diff -u "$base.err" "$dir/err" >"$dir/diff"; then
			echo "FAIL $rel: stderr differs"
			cat "$dir/diff"
			ok=0
		fi
	elif [ -s "$dir/err" ]; then
		echo "FAIL $rel: unexpected stderr:"
		cat "$dir/err"
		ok=0
	fi
	if [ "$code" != "$want_code" ]; then
		echo "FAIL $rel: exit status $code, want $want_code"
		ok=0
	fi
	if [ $ok = 1 ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
	fi
done
echo "cli: $passed passed, $failed failed"
