# The seed's 12-person meeting is one event node tied to its 12 people, not
# 66 lines among them; with --event-nodes 0 the clique is back.
$TIES --db "$DB" draw -o "$WORK/e.dot" 2>/dev/null
grep -c '"event 1" --' "$WORK/e.dot"
grep -c 'Dark diamond' "$WORK/e.dot"
$TIES --db "$DB" draw --event-nodes 0 --backbone all -o "$WORK/c.dot" 2>/dev/null
grep -c 'event 1' "$WORK/c.dot"
grep -c -- ' -- ' "$WORK/c.dot"
# A participant with two roles in the meeting counts once: with 13 needed,
# its 12 people (one of them now also its chair) make no node.
$TIES --db "$DB" draw --event-nodes 12 -o "$WORK/d.dot" 2>/dev/null
grep -c '"event 1" --' "$WORK/d.dot"
$TIES --db "$DB" add event issi-icca-ras-meeting-2025-04-08 --kind meeting chair=kirill-babaev >/dev/null
$TIES --db "$DB" draw --event-nodes 13 -o "$WORK/d.dot" 2>/dev/null
grep -c 'event 1' "$WORK/d.dot" || true
