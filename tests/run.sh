#!/bin/sh
# Run every test of ties and end with one line "N passed, N failed".
#
#   BUILD=build TIES=./ties [VALGRIND='valgrind ...'] [UPDATE=1] sh tests/run.sh
#
# Unit tests (cmocka, one executable per module), the examples (C programs
# and shell walk-throughs) and the golden command-line tests under
# tests/cli/. UPDATE=1 rewrites the expected output of golden cases that
# differ (review the diff before committing).
set -u
LC_ALL=C
TZ=UTC
export LC_ALL TZ
cd "$(dirname "$0")/.." || exit 1
BUILD=${BUILD:-build}
TIES=${TIES:-./ties}
VALGRIND=${VALGRIND:-}
export BUILD TIES VALGRIND

passed=0
failed=0
skipped=0
failures=""
fail() { failed=$((failed + 1)); failures="$failures
  $1"; }

work=$(mktemp -d "${TMPDIR:-/tmp}/ties-test.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT INT TERM
export TIES_TEST_TMP="$work"

# --- unit tests -----------------------------------------------------------
for t in "$BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	name=$(basename "$t")
	$VALGRIND "$t" >"$work/$name.log" 2>&1
	rc=$?
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$work/$name.log" | tail -n 1)
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$work/$name.log" | tail -n 1)
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-0}))
	if [ "$rc" -ne 0 ] || [ -n "$f" ] || [ -z "$p" ]; then
		[ -z "$f" ] && failed=$((failed + 1))
		failures="$failures
  unit: $name (exit $rc)"
		cat "$work/$name.log"
	fi
done

# --- fuzz corpus and regressions, replayed --------------------------------
for n in csv json dot graphml resolve extract snapshot; do
	h="$BUILD/fuzz/fuzz_$n"
	[ -x "$h" ] || continue
	if TMPDIR="$work" $VALGRIND "$h" tests/fuzz/corpus/$n tests/fuzz/regressions/$n >"$work/fuzz-$n.log" 2>&1; then
		passed=$((passed + 1))
	else
		fail "fuzz replay: $n"
		tail -n 30 "$work/fuzz-$n.log"
	fi
done

# --- examples -------------------------------------------------------------
for e in "$BUILD"/examples/*; do
	[ -x "$e" ] || continue
	name=$(basename "$e")
	if $VALGRIND "$e" "$work/example-$name.db" >"$work/$name.log" 2>&1; then
		passed=$((passed + 1))
	else
		fail "example: $name"
		cat "$work/$name.log"
	fi
done
for e in examples/*.sh; do
	[ -f "$e" ] || continue
	case $e in examples/demo.sh) continue ;; esac
	name=$(basename "$e")
	if sh "$e" "$TIES" "$work/walk-$name.db" >"$work/$name.log" 2>&1; then
		passed=$((passed + 1))
	else
		fail "example: $name"
		cat "$work/$name.log"
	fi
done

# --- install and uninstall -----------------------------------------------
if [ -z "$VALGRIND" ] && [ "$BUILD" = build ]; then
	if sh tests/install.sh "$work/install" >"$work/install.log" 2>&1; then
		passed=$((passed + 1))
	else
		fail "install"
		cat "$work/install.log"
	fi
fi

# --- crashes mid-import and concurrent processes --------------------------
if [ -z "$VALGRIND" ] && [ -x "$BUILD/bench/gen" ]; then
	for r in crash concurrency; do
		if sh tests/reliability/$r.sh "$TIES" "$BUILD/bench/gen" "$work/$r" >"$work/$r.log" 2>&1; then
			passed=$((passed + 1))
		else
			fail "reliability: $r"
		fi
		cat "$work/$r.log"
	done
fi

# --- the HTML report in a browser (skipped without Chromium) -------------
if [ -z "$VALGRIND" ]; then
	sh tests/browser/report.sh "$TIES" "$work/browser" >"$work/browser.log" 2>&1
	case $? in
	0) passed=$((passed + 1)) ;;
	77) skipped=$((skipped + 1)) ;;
	*) fail "browser: the HTML report" ;;
	esac
	cat "$work/browser.log"
fi

# --- the GEXF export in NetworkX (skipped without python3-networkx) -------
if [ -z "$VALGRIND" ]; then
	if /usr/bin/python3 -c 'import networkx' >/dev/null 2>&1; then
		rm -f "$work/gexf.db"
		"$TIES" --db "$work/gexf.db" import -q graphs/issi-icca-ras-2025 2>/dev/null &&
			"$TIES" --db "$work/gexf.db" export --format gexf -o "$work/seed.gexf"
		if /usr/bin/python3 tests/ref/check_gexf.py "$work/seed.gexf"; then
			passed=$((passed + 1))
		else
			fail "gexf: NetworkX reading the export"
		fi
	else
		echo "gexf: skipped, python3-networkx is not installed"
		skipped=$((skipped + 1))
	fi
fi

# --- ties extract against the annotated releases (needs python3) ---------
if [ -z "$VALGRIND" ]; then
	if command -v python3 >/dev/null 2>&1; then
		if python3 tests/extract/score.py "$TIES" --check tests/extract/floors.txt >"$work/extract.log" 2>&1; then
			passed=$((passed + 1))
		else
			fail "extract: precision and recall on tests/extract (see above)"
		fi
		cat "$work/extract.log"
		if python3 tests/extract/ror/check.py "$TIES" --check 0.95 0.95 >"$work/ror.log" 2>&1; then
			passed=$((passed + 1))
		else
			fail "extract: links to an imported ROR subset (see above)"
		fi
		cat "$work/ror.log"
	else
		echo "extract: skipped, python3 is not installed"
		skipped=$((skipped + 1))
	fi
fi

# --- the README's commands and make demo's, pasted in order ---------------
if [ -z "$VALGRIND" ]; then
	sh tests/readme.sh "$work/readme" >"$work/readme.log" 2>&1
	cat "$work/readme.log"
	p=$(sed -n 's/^readme: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p' "$work/readme.log")
	f=$(sed -n 's/^readme: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p' "$work/readme.log")
	if [ -z "$p" ]; then
		fail "readme: the runner did not finish"
	else
		passed=$((passed + p))
		failed=$((failed + f))
		[ "$f" -gt 0 ] && failures="$failures
  readme: $f commands (see above)"
	fi
fi

# --- golden command-line tests --------------------------------------------
sh tests/cli/run.sh "$work/cli" >"$work/cli.log" 2>&1
cat "$work/cli.log"
p=$(sed -n 's/^cli: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p' "$work/cli.log")
f=$(sed -n 's/^cli: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p' "$work/cli.log")
if [ -z "$p" ]; then
	fail "cli: the runner did not finish"
else
	passed=$((passed + p))
	failed=$((failed + f))
	[ "$f" -gt 0 ] && failures="$failures
  cli: $f cases (see above)"
fi

if [ -n "$failures" ]; then
	echo "failures:$failures"
fi
if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
