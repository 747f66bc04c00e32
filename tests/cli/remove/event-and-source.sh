$TIES --db "$DB" remove --event issi-icca-ras-mou-2025-04-08; echo "exit $?"
$TIES --db "$DB" remove --source urdupoint-2025-04-08; echo "exit $?"
$TIES --db "$DB" show Babaev
$TIES --db "$DB" remove Mahmood; echo "exit $?"
$TIES --db "$DB" remove --event nothing; echo "exit $?"
