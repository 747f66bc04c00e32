# A write that does not come through ties (the sqlite3 shell) moves the
# data's generation on too: the snapshot made before it is not used for
# the data after it.
$TIES --db "$DB" path "Maheen Shafiq" "Olga Gerasimova" | head -n 1
sqlite3 "$DB" "DELETE FROM participant WHERE entity = (SELECT rowid FROM entity WHERE id = 'maheen-shafiq')"
$TIES --db "$DB" path "Maheen Shafiq" "Olga Gerasimova" | head -n 1
sqlite3 "$DB" "UPDATE entity SET kind = 'body' WHERE id = 'issi-research-faculty'"
$TIES --db "$DB" neighbors "Maheen Shafiq" --format tsv | cut -f1-3
