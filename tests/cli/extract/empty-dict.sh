# --dict DIR extends the built-in dictionaries: a new honorific and a new
# event trigger.
cat >"$WORK/r.txt" <<'TXT'
OSLO, (Example Wire - 10th Jun, 2024) Rector Ingrid Dahl hosted a colloquium of the University of Oslo and Kyoto University.
TXT
$TIES --db "$DB" extract -q -o "$WORK/a" "$WORK/r.txt" 2>&1
cut -d, -f1-4 "$WORK/a/events.csv"
mkdir -p "$WORK/dict"
printf 'conference\tcolloquium\n' >"$WORK/dict/events.txt"
$TIES --db "$DB" extract -q --dict "$WORK/dict" -o "$WORK/b" "$WORK/r.txt" 2>&1
cut -d, -f1-4 "$WORK/b/events.csv"
cat "$WORK/b/participants.csv"
