# The traps of press releases: an intention to sign is no signature, a
# venue country is no party, a country mentioned is not taking part, a
# person named later by surname alone is the same person.
cat >"$WORK/r.md" <<'TXT'
---
date: '2024-03-05'
title: Readout of Minister Ana Lopes's Meeting in Geneva
source_url: https://example.org/r
---
Minister of Foreign Affairs Ana Lopes met today in Geneva, Switzerland with
Deputy Minister Karl Brandt of Austria. Ms. Lopes and Mr. Brandt discussed
the war in Syria. The two ministers announced their intent to sign a
memorandum of understanding on water security.
TXT
$TIES --db "$DB" extract -q -o "$WORK/d" "$WORK/r.md" 2>&1
echo "exit $?"
for f in entities events participants; do cat "$WORK/d/$f.csv"; done
grep -A1 rejected "$WORK/d/review.txt"
