# The report's summary says what its tables say (checked here against
# them), tables are capped with "and N more", headers read as words, and
# numbers are rounded (36, not 36.000000).
$TIES --db "$DB" report -o "$WORK/r.html" --rows 3 2>/dev/null; echo "exit $?"
python3 - "$WORK/r.html" <<'PY'
import re, sys, html
s = open(sys.argv[1]).read()
summ = html.unescape(re.search(r'<p id="summary">(.*?)</p>', s, re.S).group(1))
def table(tid):
    t = re.search(r'<table class="sortable" id="%s">(.*?)</table>' % tid, s, re.S).group(1)
    head = [html.unescape(h) for h in re.findall(r'<th>(.*?)</th>', t)]
    rows = [[html.unescape(c) for c in re.findall(r'<td[^>]*>(.*?)</td>', r)]
            for r in re.findall(r'<tr>(.*?)</tr>', t)[1:]]
    return head, rows
print(summ)
head, rows = table("pagerank")
print("headers:", head)
print("top by PageRank named in the summary:", all(r[2] in summ for r in rows[:3]))
head, rows = table("countries")
print("strongest pair in the summary:", ("%s — %s, of weight %s" % (rows[0][0], rows[0][1], rows[0][2])) in summ)
print("weights as integers:", rows[0][2])
counts = re.search(r'The store holds ([\d,]+) entities', summ).group(1)
head, rows = table("counts")
total = [r for r in rows if r[1] == "total"]
print("capped tables say how many more:", len(re.findall(r'class="more">… and \d+ more', s)))
head, rows = table("communities")
print("community rows shown:", len(rows))
PY
# The default title names the database; numbers of four digits or more are
# grouped by thousands in the prose (1,200), not in the tables.
grep -m1 -o '<title>[^<]*</title>' "$WORK/r.html"
python3 -c 'print("id,kind,name,country"); [print("p%d,person,Person %d,fr" % (i, i)) for i in range(1200)]' >"$WORK/entities.csv"
$TIES --db "$WORK/big.db" import -q "$WORK/entities.csv" 2>/dev/null
$TIES --db "$WORK/big.db" report -o "$WORK/big.md" 2>/dev/null; echo "exit $?"
head -1 "$WORK/big.md"
grep -o 'The store holds [0-9,]* entities ([^)]*)' "$WORK/big.md"
grep -o '| person *| *[0-9,]* *|' "$WORK/big.md" | tr -s ' '
