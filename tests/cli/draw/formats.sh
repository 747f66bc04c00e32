# The format follows the extension; SVG, PNG and PDF are rendered
# in-process; the same data and options give the same file.
for ext in svg png pdf dot gv; do
	$TIES --db "$DB" draw -o "$WORK/net.$ext"; echo "$ext exit $?"
done
head -c 4 "$WORK/net.png" | od -An -c | tr -s ' '
head -c 5 "$WORK/net.pdf"; echo
grep -c '<svg' "$WORK/net.svg"
grep -c 'class="cluster"' "$WORK/net.svg"
grep -o '<title>cluster_[a-z]*</title>' "$WORK/net.svg"
# (Compared after a first drawing: Graphviz measures text with the fonts
# fontconfig finds, and a first run may meet a cache being built. Without
# clusters: Graphviz's fdp places clusters by its memory layout, the same
# from run to run of one build, not under AddressSanitizer's allocator.)
$TIES --db "$DB" draw --cluster-by none -o "$WORK/again.svg"
$TIES --db "$DB" draw --cluster-by none -o "$WORK/again2.svg"
cmp "$WORK/again.svg" "$WORK/again2.svg" && echo "same svg"
cmp "$WORK/net.dot" "$WORK/net.gv" && echo "same dot"
# The DOT is valid: Graphviz reads it back.
dot -Tcanon "$WORK/net.dot" > /dev/null && echo "dot reads it"
$TIES --db "$DB" draw -o "$WORK/net.jpg"; echo "jpg exit $?"
$TIES --db "$DB" draw -o "$WORK/noext"; echo "no extension exit $?"
