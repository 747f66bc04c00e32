# A focus diagram is the same whether the graph is built (the first time,
# when the snapshot is made) or read in part from the snapshot (the next
# times), with no measure over the whole graph kept or computed; a write
# makes the snapshot stale.
$TIES --db "$DB" draw --focus issi --depth 2 --top 6 -o "$WORK/first.dot"
ls "$DB".adj* | sed "s|$DB|DB|"
$TIES --db "$DB" draw --focus issi --depth 2 --top 6 -o "$WORK/again.dot"
cmp "$WORK/first.dot" "$WORK/again.dot" && echo "same dot"
$TIES --db "$DB" draw --focus issi --size-by degree -o "$WORK/deg1.dot"
$TIES --db "$DB" draw --focus issi --size-by degree -o "$WORK/deg2.dot"
cmp "$WORK/deg1.dot" "$WORK/deg2.dot" && echo "same dot by degree"
grep -c -- ' -- ' "$WORK/first.dot"
$TIES --db "$DB" add entity newcomer --kind person --name "New Comer" >/dev/null
$TIES --db "$DB" add event late --kind meeting host=issi attendee=newcomer >/dev/null ||
	echo "add event failed"
$TIES --db "$DB" draw --focus issi -o "$WORK/after.dot"
grep -c 'New Comer' "$WORK/after.dot"
