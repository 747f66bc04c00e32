#!/bin/sh
# Every command the README shows in a console block, and every command
# `make demo` prints, run as a reader would paste them: in order, in a fresh
# directory holding the tree's graphs/ and the program as ./ties. A command
# whose first line of output in the README is an error ("ties: ...") must
# fail; every other must succeed. Ends with "readme: N passed, N failed".
#
#   TIES=./ties sh tests/readme.sh WORKDIR
set -u
work=${1:?usage: readme.sh WORKDIR}
TIES=${TIES:-./ties}
top=$(pwd)
case $TIES in /*) ;; *) TIES="$top/$TIES" ;; esac
passed=0
failed=0

# A fresh directory like the top of a clone: graphs/, examples/, ./ties.
fresh() {
	rm -rf "$1"
	mkdir -p "$1"
	ln -s "$top/graphs" "$1/graphs"
	ln -s "$top/examples" "$1/examples"
	ln -s "$TIES" "$1/ties"
}

# The console blocks of the README as "want<TAB>command" lines: want is
# "fail" when the next line of the block is an error message.
commands() {
	awk '
	/^```console/ { inblock = 1; next }
	/^```/ { if (inblock && cmd != "") print "ok\t" cmd; inblock = 0; cmd = ""; next }
	inblock && /^\$ / {
		if (cmd != "") print "ok\t" cmd
		cmd = substr($0, 3); next
	}
	inblock && cmd != "" {
		if ($0 ~ /^ties( [a-z]+)?: / && $0 !~ /^ties: created /) print "fail\t" cmd; else print "ok\t" cmd
		cmd = ""
	}' "$top/README.md"
}

# Run the lines of file $2 ("want<TAB>command") in one shell in $1, so
# that `export` and files made by one command reach the next.
run_all() {
	dir=$1
	script="$work/$(basename "$2").sh"
	{
		echo "cd '$dir' || exit 99"
		while IFS='	' read -r want cmd; do
			printf '%s\n' "$cmd" | sed "s/'/'\\\\''/g; s/^/c='/; s/\$/'/"
			printf '(eval "$c") >/dev/null 2>"%s/err"; rc=$?\n' "$work"
			printf 'if { [ %s = ok ] && [ $rc -eq 0 ]; } || { [ %s = fail ] && [ $rc -ne 0 ]; }; then echo "PASS"; else echo "FAIL (exit $rc) $c"; cat "%s/err"; fi\n' "$want" "$want" "$work"
			# A command that changes the shell (export) must stay in it.
			case $cmd in export\ *) echo "$cmd" ;; esac
		done <"$2"
	} >"$script"
	sh "$script"
}

count() {
	while IFS= read -r line; do
		case $line in
		PASS) passed=$((passed + 1)) ;;
		FAIL*) failed=$((failed + 1)); echo "readme: $line" ;;
		*) echo "  $line" ;;
		esac
	done
}

# The README, in order.
fresh "$work/readme"
commands >"$work/readme.cmds"
run_all "$work/readme" "$work/readme.cmds" >"$work/readme.out" 2>&1
count <"$work/readme.out"

# What make demo prints, pasted again after it.
fresh "$work/demo"
(cd "$work/demo" && sh examples/demo.sh ./ties demo.db) >"$work/demo.log" 2>&1 ||
	{ failed=$((failed + 1)); echo "readme: make demo failed"; tail -n 20 "$work/demo.log"; }
sed -n 's/^\$ /ok	/p' "$work/demo.log" >"$work/demo.cmds"
run_all "$work/demo" "$work/demo.cmds" >"$work/demo.out" 2>&1
count <"$work/demo.out"

echo "readme: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
