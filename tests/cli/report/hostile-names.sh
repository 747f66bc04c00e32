# A name with <script>, quotes, & and a newline stays text in the HTML
# report: the only <script> element is the report's own.
$TIES --db "$DB" add entity h1 --kind person --name "$(printf 'Eve "x" <script>alert(1)</script> & \\b\nline two')" --country pk
$TIES --db "$DB" add relation h1 issi --kind member_of
$TIES --db "$DB" report -o "$WORK/r.html"; echo "exit $?"
grep -c '<script>' "$WORK/r.html"
grep -o 'Eve &quot;x&quot; &lt;script&gt;alert(1)&lt;/script&gt; &amp; \\b' "$WORK/r.html" | head -n 1
$TIES --db "$DB" report -o "$WORK/r.md"; echo "exit $?"
grep -o 'Eve.*line two' "$WORK/r.md" | head -n 1
