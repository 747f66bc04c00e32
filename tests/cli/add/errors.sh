# Usage errors exit 2; bad input exits 1 and changes nothing.
$TIES --db "$DB" add; echo "exit $?"
$TIES --db "$DB" add person x; echo "exit $?"
$TIES --db "$DB" add entity x --name X; echo "exit $?"
$TIES --db "$DB" add entity x --kind person; echo "exit $?"
$TIES --db "$DB" add source s --kind x; echo "exit $?"
$TIES --db "$DB" add event e1 --kind meeting attendee; echo "exit $?"
$TIES --db "$DB" add event e1 --kind meeting --date 2025-02-30 host=issi; echo "exit $?"
$TIES --db "$DB" add event e1 --kind meeting attendee=Mahmood; echo "exit $?"
$TIES --db "$DB" add relation issi nowhere --kind tie; echo "exit $?"
$TIES --db "$DB" add relation issi ras --kind tie --start 2025 --end 2024; echo "exit $?"
$TIES --db "$DB" add entity "two words" --kind person --name X; echo "exit $?"
$TIES --db "$DB" find e1 x | head -n 1
