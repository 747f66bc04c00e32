$TIES --db "$DB" draw --layout spring; echo "exit $?"
$TIES --db "$DB" draw --cluster-by colour; echo "exit $?"
$TIES --db "$DB" draw --focus nobody-at-all; echo "exit $?"
$TIES --db "$DB" draw --labels some; echo "exit $?"
