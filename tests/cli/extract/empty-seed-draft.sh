# The draft of the seed release: every CSV table and the review.
$TIES --db "$DB" extract -q -o "$WORK/draft" graphs/issi-icca-ras-2025/release.txt 2>&1
echo "exit $?"
for f in entities relations events participants sources; do
	echo "== $f.csv"
	cat "$WORK/draft/$f.csv"
done
echo "== review.txt"
cat "$WORK/draft/review.txt"
