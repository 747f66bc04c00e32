# With -o, a short summary, not the facts; no database is made without
# --apply; --min-confidence moves the less sure facts to review.txt only.
R=graphs/issi-icca-ras-2025/release.txt
$TIES --db "$DB" extract -o "$WORK/all" "$R"; echo "exit $?"
test -e "$DB" && echo "a database was made" || echo "no database"
$TIES --db "$DB" extract --min-confidence 0.9 -o "$WORK/sure" "$R"; echo "exit $?"
for d in all sure; do
	echo "== $d: $(($(wc -l <"$WORK/$d/entities.csv") - 1)) entities," \
		"$(($(wc -l <"$WORK/$d/participants.csv") - 1)) participants," \
		"$(grep -c '(review only)$' "$WORK/$d/review.txt") facts for review only"
done
$TIES --db "$DB" extract --min-confidence 1.5 "$R"; echo "exit $?"
$TIES --db "$DB" extract --apply -q "$R"; echo "exit $?"
test -e "$DB" && echo "a database was made" || echo "no database"
