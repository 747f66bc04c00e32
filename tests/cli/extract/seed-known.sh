# On the database that holds the seed network, extracting the release again
# reuses every entity: the draft proposes no new person or institution.
$TIES --db "$DB" extract -q -o "$WORK/draft" graphs/issi-icca-ras-2025/release.txt 2>&1
echo "exit $?"
echo "new entities: $(($(wc -l <"$WORK/draft/entities.csv") - 1))"
cut -d, -f2- "$WORK/draft/participants.csv"
