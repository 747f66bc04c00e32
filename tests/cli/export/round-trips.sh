# CSV and JSON exports import again into the same database: the same stats
# and the same card for every entity.
$TIES --db "$DB" export --format csv -o "$WORK/csv"; echo "csv exit $?"
ls "$WORK/csv"
$TIES --db "$DB" export --format json -o "$WORK/all.json"; echo "json exit $?"
for kind in csv json; do
	src="$WORK/csv"
	[ $kind = json ] && src="$WORK/all.json"
	rm -f "$WORK/$kind.db"
	$TIES --db "$WORK/$kind.db" import -q "$src" 2>/dev/null; echo "$kind import exit $?"
	$TIES --db "$WORK/$kind.db" stats --format csv > "$WORK/a"
	$TIES --db "$DB" stats --format csv > "$WORK/b"
	cmp -s "$WORK/a" "$WORK/b" && echo "$kind: same stats"
	same=1
	for e in $($TIES --db "$DB" list --all --format tsv | tail -n +2 | cut -f1); do
		$TIES --db "$WORK/$kind.db" show --format json "$e" > "$WORK/a"
		$TIES --db "$DB" show --format json "$e" > "$WORK/b"
		cmp -s "$WORK/a" "$WORK/b" || { same=0; echo "$kind: card of $e differs"; }
	done
	[ $same = 1 ] && echo "$kind: same cards"
done
