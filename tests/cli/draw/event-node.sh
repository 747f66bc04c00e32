# The seed's 12-person meeting is one event node tied to its 12 people, not
# 66 lines among them; with --event-nodes 0 the clique is back.
$TIES --db "$DB" draw -o "$WORK/e.dot" 2>/dev/null
grep -c '"event 1" --' "$WORK/e.dot"
grep -c 'Dark diamond' "$WORK/e.dot"
$TIES --db "$DB" draw --event-nodes 0 --backbone all -o "$WORK/c.dot" 2>/dev/null
grep -c 'event 1' "$WORK/c.dot"
grep -c -- ' -- ' "$WORK/c.dot"
