# Quotes, <script>, &, backslashes and newlines come out intact in DOT and
# harmless in SVG.
$TIES --db "$DB" add entity h1 --kind person --name "$(printf 'Eve "the" <script>alert(1)</script> & \\back\\slash\nline two')" --country pk
$TIES --db "$DB" add relation h1 issi --kind member_of
$TIES --db "$DB" draw --focus h1 --cluster-by none -o "$WORK/h.dot"
$TIES --db "$DB" draw --focus h1 --cluster-by none -o "$WORK/h.svg"
grep 'label="Eve' "$WORK/h.dot"
dot -Tcanon "$WORK/h.dot" > /dev/null && echo "dot reads it"
grep -c '<script>' "$WORK/h.svg"
grep -o 'Eve &quot;the&quot; &lt;script&gt;alert(1)&lt;/script&gt; &amp; \\back\\slash' "$WORK/h.svg" | head -n 1
grep -c '>line two<' "$WORK/h.svg"
