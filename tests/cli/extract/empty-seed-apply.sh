# Done when: extracting the seed release into an empty database answers
# between and path as the hand-made network does (titles aside: a draft
# names its events by their parties).
hand="$WORK/hand.db"
$TIES --db "$hand" import -q graphs/issi-icca-ras-2025 2>/dev/null
$TIES --db "$DB" extract -q --apply graphs/issi-icca-ras-2025/release.txt 2>&1
echo "exit $?"
# Columns type,date,kind,id (csv) and, in JSON, all but the title.
for db in "$hand" "$DB"; do
	$TIES --db "$db" between Pakistan Russia --format csv | cut -d, -f1-4 >"$WORK/b.$(basename "$db")"
	$TIES --db "$db" between Pakistan Russia --format json | tr ',' '\n' | grep -v '"title"' >"$WORK/bj.$(basename "$db")"
	$TIES --db "$db" path "Maheen Shafiq" "Olga Gerasimova" >"$WORK/p.$(basename "$db")"
done
cmp -s "$WORK/b.hand.db" "$WORK/b.test.db" && echo "between: same events"
cmp -s "$WORK/bj.hand.db" "$WORK/bj.test.db" && echo "between: same sides, roles, places and sources"
cmp -s "$WORK/p.hand.db" "$WORK/p.test.db" && echo "path: same"
cat "$WORK/p.test.db"
