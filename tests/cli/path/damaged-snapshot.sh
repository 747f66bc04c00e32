# The snapshot beside the database is a cache: bytes changed inside it
# (header and size intact), NaN weights, a FIFO in its place, or a file
# that is not whole are ignored, said once, and rebuilt; the answers are
# those of the store. A temporary file of a dead writer is removed.
$TIES --db "$DB" rank --top 3 --format csv >"$WORK/want"
$TIES --db "$DB" path "Maheen Shafiq" "Olga Gerasimova" --format csv >"$WORK/want-path"
adj="$DB.adj"
size=$(wc -c <"$adj")
# Bytes changed in the middle of the body.
printf '\377\377\377\377\377\377\377\377' | dd of="$adj" bs=1 seek=$((size / 2)) conv=notrunc 2>/dev/null
$TIES --db "$DB" path "Maheen Shafiq" "Olga Gerasimova" --format csv >"$WORK/got-path"; echo "path exit $?"
cmp -s "$WORK/want-path" "$WORK/got-path" && echo "path: same answer"
# Every weight NaN (the last 8 bytes are a weight).
printf '\377\377\377\377\377\377\370\177' | dd of="$adj" bs=1 seek=$((size - 8)) conv=notrunc 2>/dev/null
$TIES --db "$DB" rank --top 3 --format csv >"$WORK/got"; echo "rank exit $?"
cmp -s "$WORK/want" "$WORK/got" && echo "rank: same answer"
# Cut short.
head -c $((size - 100)) "$adj" >"$adj.cut" && mv "$adj.cut" "$adj"
$TIES --db "$DB" rank --top 3 --format csv >"$WORK/got"; echo "rank exit $?"
cmp -s "$WORK/want" "$WORK/got" && echo "rank: same answer"
# A FIFO named DB.adj must not hang anything.
rm -f "$adj" && mkfifo "$adj"
timeout 20 $TIES --db "$DB" path "Maheen Shafiq" "Olga Gerasimova" --format csv >"$WORK/got-path"; echo "fifo path exit $?"
cmp -s "$WORK/want-path" "$WORK/got-path" && echo "path: same answer"
rm -f "$adj"
# A dead writer's temporary file goes; a live process's stays.
: >"$adj.999999.abcdef"
: >"$adj.$$.ghijkl"
$TIES --db "$DB" rank --top 1 >/dev/null
ls "$adj".* 2>/dev/null | sed "s|$DB|DB|; s|\.$$\.|.PID.|"
# Kept scores with a changed byte are computed again.
score="$adj.pagerank"
ssize=$(wc -c <"$score")
printf '\001' | dd of="$score" bs=1 seek=$((ssize - 3)) conv=notrunc 2>/dev/null
$TIES --db "$DB" rank --top 3 --format csv >"$WORK/got"; echo "rank exit $?"
cmp -s "$WORK/want" "$WORK/got" && echo "rank: same answer"
