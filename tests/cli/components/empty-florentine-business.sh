# Business ties alone: one component of 11 and five isolated families.
$TIES --db "$DB" import -q graphs/florentine-families 2>/dev/null
$TIES --db "$DB" components --relation-kind business
