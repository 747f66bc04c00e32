# A kind no entity has, and not built in, is a mistake; a built-in kind
# with no entity yet is an empty list; a country is looked up as one.
$TIES --db "$DB" list --kind personn; echo "exit $?"
$TIES --db "$DB" list --kind person --country XX; echo "exit $?"
$TIES --db "$DB" list --kind institution --country Pakistan --format csv; echo "exit $?"
