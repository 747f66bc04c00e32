# Bad option values are usage errors (exit 2), whatever checks them.
$TIES --db "$DB" rank --top abc >/dev/null; echo "exit $?"
$TIES --db "$DB" rank --from 2025-13-01 >/dev/null; echo "exit $?"
$TIES --db "$DB" draw -o "$WORK/x.jpg"; echo "exit $?"
$TIES --db "$DB" report -o "$WORK/r.pdf"; echo "exit $?"
