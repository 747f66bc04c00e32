# Padgett's Florentine families, marriage ties: the Medici broker (47.5).
$TIES --db "$DB" import -q graphs/florentine-families 2>/dev/null
$TIES --db "$DB" rank --relation-kind marriage --by betweenness --top 5
$TIES --db "$DB" rank --relation-kind marriage --by closeness --top 3 --format csv
