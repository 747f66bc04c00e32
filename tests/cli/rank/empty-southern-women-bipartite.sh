# Davis's Southern Women as people and events: an event's degree is its
# attendance (E8 drew 14 women), a woman's the events she attended.
$TIES --db "$DB" import -q graphs/southern-women 2>/dev/null
$TIES --db "$DB" rank --graph bipartite --by degree --top 0 --format csv
$TIES --db "$DB" rank --by pagerank --weighted --top 3
