# Names with quotes, <, &, backslashes, Graphviz escapes (\N \G \l) and a
# newline go out in DOT (draw and export) and come back the same; in SVG
# tooltips they stay as they are; control characters are refused at import.
mkdir -p "$WORK/net"
printf 'id,kind,name\nh1,person,"Ann ""the"" <b>R&D</b> \\\\N \\\\G \\\\l back\\\\slash\nsecond line"\nh2,person,Plain Person\n' >"$WORK/net/entities.csv"
printf 'source,target,kind\nh1,h2,knows\n' >"$WORK/net/relations.csv"
$TIES --db "$DB" import -q "$WORK/net" 2>/dev/null
$TIES --db "$DB" show h1 --format json | grep '"name"'
$TIES --db "$DB" export --format dot -o "$WORK/e.dot"
$TIES --db "$DB" draw -o "$WORK/d.dot"
$TIES --db "$WORK/back1.db" import -q "$WORK/e.dot" 2>/dev/null
$TIES --db "$WORK/back1.db" show h1 --format json | grep '"name"'
$TIES --db "$WORK/back2.db" import -q "$WORK/d.dot" 2>/dev/null
$TIES --db "$WORK/back2.db" show h1 --format json | grep '"name"'
$TIES --db "$DB" draw -o "$WORK/d.svg"
grep -o 'xlink:title="Ann[^"—]*' "$WORK/d.svg" | head -n 1
printf 'id,kind,name\nb1,person,"Bell\007Man"\n' >"$WORK/bel.csv"
$TIES --db "$DB" import "$WORK/bel.csv"; echo "exit $?"
