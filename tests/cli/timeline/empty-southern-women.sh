# Southern Women's events carry no year: nothing to count, and it says so
# with an empty table.
$TIES --db "$DB" import -q graphs/southern-women 2>/dev/null
$TIES --db "$DB" timeline evelyn-jefferson --format csv
