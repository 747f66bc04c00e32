# Removing a person takes their relations and participations; the events stay.
$TIES --db "$DB" remove "Maheen Shafiq"; echo "exit $?"
$TIES --db "$DB" show maheen-shafiq; echo "exit $?"
$TIES --db "$DB" stats --format csv | grep -E '^(entity|relation|participant|event),total'
