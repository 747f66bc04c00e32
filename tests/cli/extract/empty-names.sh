# Names with apostrophes, accents, ampersands and hyphens come through the
# draft (CSV) and the import intact; the review quotes the sentence as is.
cat >"$WORK/r.txt" <<'TXT'
LONDON, (Example Wire - 3rd May, 2024) The Smith & Wesson Institute for "Policy" <Research> (SWI) signed an MoU with the Ó Briain–Ng Foundation for Peace & Security.

Dr. Zoë O'Neill, Director of SWI, and Prof. Jean-Luc D'Arcy signed the MoU.
TXT
$TIES --db "$DB" extract -q --apply -o "$WORK/d" "$WORK/r.txt" 2>&1
echo "exit $?"
cat "$WORK/d/entities.csv"
$TIES --db "$DB" list --format json
grep -m1 -A1 'SWI' "$WORK/d/review.txt"
