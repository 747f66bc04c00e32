# A focus diagram with --top takes the focus, then the entities tied to it,
# strongest tie first, then theirs: a with ties of 3, 2 and 1 shared events
# to b, c and d; b and c with ties of 5 and 4 to e and f. Four nodes are a
# and its three neighbours (e's heavier tie does not jump the queue); five
# add e.
i=0
ev() { i=$((i + 1)); $TIES --db "$DB" add event "m$i" --kind meeting "attendee=$1" "attendee=$2" >/dev/null; }
for p in a b c d e f g; do $TIES --db "$DB" add entity "$p" --kind person --name "P $p" >/dev/null 2>&1; done
ev a b; ev a b; ev a b; ev a c; ev a c; ev a d
ev b e; ev b e; ev b e; ev b e; ev b e; ev c f; ev c f; ev c f; ev c f
ev d g
for top in 2 4 5 6 7; do
	$TIES --db "$DB" draw --focus a --depth 2 --top $top -o "$WORK/f.dot" 2>/dev/null
	printf '%s: ' "$top"
	grep -o '^	[a-g]	' "$WORK/f.dot" | tr -d '\t' | sort | tr '\n' ' '
	echo
done
grep -o 'Around P a (2 steps), the 7 most strongly tied' "$WORK/f.dot"
grep -o 'Node area: pagerank within the diagram' "$WORK/f.dot"
