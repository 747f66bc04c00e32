# Bad input: one line naming file, line and problem; exit 1; nothing
# written to the database.
printf 'ok line\nbad \377 byte\n' >"$WORK/bad-utf8.txt"
printf 'a\0b\n' >"$WORK/nul.txt"
printf -- '---\ndate: 2024-01-01\ntitle: never closed\n' >"$WORK/open.md"
printf -- '---\ndate: 2024-13-45\n---\ntext\n' >"$WORK/baddate.md"
printf -- '---\nno colon here\n---\ntext\n' >"$WORK/nocolon.md"
for f in "$WORK/missing.txt" "$WORK/bad-utf8.txt" "$WORK/nul.txt" \
	"$WORK/open.md" "$WORK/baddate.md" "$WORK/nocolon.md"; do
	$TIES --db "$DB" extract --apply "$f"
	echo "exit $?"
done
$TIES --db "$DB" extract --date 2024-02-30 graphs/issi-icca-ras-2025/release.txt
echo "exit $?"
$TIES --db "$DB" extract
echo "exit $?"
mkdir -p "$WORK/dict"
printf 'meeting only one field\n' >"$WORK/dict/events.txt"
$TIES --db "$DB" extract --dict "$WORK/dict" graphs/issi-icca-ras-2025/release.txt
echo "exit $?"
$TIES --db "$DB" extract --dict "$WORK/none" graphs/issi-icca-ras-2025/release.txt
echo "exit $?"
$TIES --db "$DB" stats --format csv
