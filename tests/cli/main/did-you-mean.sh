# A misspelt command gets the nearest; a word near none gets nothing.
$TIES --db "$DB" rnak; echo "exit $?"
$TIES --db "$DB" comunities; echo "exit $?"
$TIES --db "$DB" nosuch; echo "exit $?"
$TIES help rnak; echo "exit $?"
$TIES help nosuch; echo "exit $?"
