# Every command takes --help (and `ties help CMD` shows the same): usage on
# stdout, exit 0, stderr empty.
for cmd in $($TIES --help | sed -n 's/^  \([a-z]*\)  .*/\1/p'); do
	$TIES "$cmd" --help >"$WORK/a" 2>"$WORK/a.err" || echo "$cmd --help: exit $?"
	$TIES help "$cmd" >"$WORK/b" 2>>"$WORK/a.err" || echo "help $cmd: exit $?"
	[ -s "$WORK/a.err" ] && echo "$cmd: stderr not empty"
	cmp -s "$WORK/a" "$WORK/b" || echo "$cmd: --help and help differ"
	head -n 1 "$WORK/a" | grep -q "^usage: ties $cmd" || echo "$cmd: no usage line"
	echo "$cmd ok"
done
