# A read command on a missing database says how to make one.
rm -f "$DB"
$TIES --db "$DB" stats
