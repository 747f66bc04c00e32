# Names with quotes, <script>, &, backslashes, newlines and right-to-left
# overrides are escaped in GraphML and GEXF, intact in JSON and CSV.
$TIES --db "$DB" add entity h1 --kind person --name "$(printf 'Eve "q" <script>&amp; \\b\nl2 \342\200\256RTL')" --country pk
$TIES --db "$DB" add relation h1 issi --kind member_of
$TIES --db "$DB" export --format graphml --kind person,institution -o "$WORK/x.graphml"
$TIES --db "$DB" export --format gexf --kind person,institution -o "$WORK/x.gexf"
grep -c '<script>' "$WORK/x.graphml" "$WORK/x.gexf"
grep -o 'Eve &quot;q&quot; &lt;script&gt;&amp;amp; \\b&#10;l2 ‮RTL' "$WORK/x.graphml" "$WORK/x.gexf"
$TIES --db "$DB" export --format json -o "$WORK/x.json"
grep -o '"name": "Eve[^"]*\\"q[^,]*' "$WORK/x.json"
