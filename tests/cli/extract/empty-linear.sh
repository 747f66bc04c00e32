# Crafted input takes time linear in its size: 10,000 capitalised words
# without a full stop (was 50 s), a CSV header of 100,000 columns (was over
# a minute), 40,000 acronyms with a footnote's digit (each looked for in
# the whole text, 20 s for 20,000); each must finish well inside 20 s.
awk 'BEGIN { srand(1); split("Alpha Beta Gamma Delta Omega Kappa Sigma Theta", w, " ");
	for (i = 0; i < 10000; i++) printf "%s ", w[int(rand() * 8) + 1]; print "" }' >"$WORK/caps.txt"
timeout 20 $TIES --db "$DB" extract -q "$WORK/caps.txt" -o "$WORK/draft" >/dev/null; echo "extract exit $?"
awk 'BEGIN { srand(2); for (i = 0; i < 40000; i++) printf "ABC%d met XYZ%d. ", int(rand() * 9) + 1, int(rand() * 9) + 1; print ""; print "ABC and XYZ." }' >"$WORK/notes.txt"
timeout 20 $TIES --db "$DB" extract -q "$WORK/notes.txt" -o "$WORK/draft2" >/dev/null; echo "footnotes exit $?"
awk 'BEGIN { printf "id,kind,name"; for (i = 0; i < 100000; i++) printf ",c%d", i; print "";
	printf "w1,person,Wide Row"; for (i = 0; i < 100000; i++) printf ",%d", i; print "" }' >"$WORK/wide.csv"
timeout 20 $TIES --db "$DB" import -q "$WORK/wide.csv"; echo "import exit $?"
$TIES --db "$DB" show w1 --format json | grep -c '"c[0-9]*": "[0-9]*"'
