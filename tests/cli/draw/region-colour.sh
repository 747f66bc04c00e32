# A drawing of countries is coloured by world region (UN M49 sub-region, from
# CLDR): countries of one region share a colour, the legend says "region"
# and counts each; --color-by country gives each country its own colour.
mkdir -p "$WORK/cc"
python3 - "$WORK" <<'PY'
import sys
w = sys.argv[1]
# Three countries of Western Europe, two of Western Africa, one of South
# America; meetings between neighbours in a ring.
cc = ["fr", "de", "be", "ng", "gh", "br"]
with open(w + "/cc/events.csv", "w") as f:
    f.write("id,kind,date\n")
    for i in range(len(cc)):
        f.write("m%d,meeting,2024-01-%02d\n" % (i, i + 1))
with open(w + "/cc/participants.csv", "w") as f:
    f.write("event,entity\n")
    for i in range(len(cc)):
        f.write("m%d,%s\nm%d,%s\n" % (i, cc[i], i, cc[(i + 1) % len(cc)]))
PY
$TIES --db "$WORK/cc.db" import "$WORK/cc" >/dev/null 2>&1; echo "import $?"
$TIES --db "$WORK/cc.db" draw -o "$WORK/r.dot" 2>/dev/null; echo "draw $?"
grep -o 'Colour, region' "$WORK/r.dot" | head -1
grep -o 'Western Europe (3)\|Western Africa (2)\|South America (1)' "$WORK/r.dot" | sort
# Same fill for the three of Western Europe, another for Nigeria and Ghana.
fill() { grep -A1 "^	$1	\[" "$WORK/$2" | grep -o 'fillcolor="[^"]*"'; }
[ "$(fill fr r.dot)" = "$(fill de r.dot)" ] && [ "$(fill de r.dot)" = "$(fill be r.dot)" ] && echo "fr de be: one colour"
[ "$(fill ng r.dot)" = "$(fill gh r.dot)" ] && [ "$(fill ng r.dot)" != "$(fill fr r.dot)" ] && echo "ng gh: another"
[ "$(fill br r.dot)" != "$(fill fr r.dot)" ] && [ "$(fill br r.dot)" != "$(fill ng r.dot)" ] && echo "br: a third"
$TIES --db "$WORK/cc.db" draw --color-by country -o "$WORK/c.dot" 2>/dev/null; echo "draw $?"
grep -o 'Colour, country' "$WORK/c.dot" | head -1
[ "$(fill fr c.dot)" != "$(fill de c.dot)" ] && echo "by country: fr and de differ"
$TIES --db "$WORK/cc.db" draw --color-by continent -o "$WORK/x.dot"; echo "exit $?"
