# Entities without a country are each a group of their own: around n1, the
# open triads f1–n1–d1, f1–n1–n2 and d1–n1–n2 have three groups each
# (three liaisons), not one liaison and two gatekeepers (as they would if
# n1 and n2 shared a "no country" group).
mkdir -p "$WORK/net"
cat >"$WORK/net/entities.csv" <<'CSV'
id,kind,name,country
f1,person,Francine F,fr
d1,person,Dieter D,de
n1,person,Nomad One,
n2,person,Nomad Two,
CSV
cat >"$WORK/net/relations.csv" <<'CSV'
source,target,kind
n1,f1,knows
n1,d1,knows
n1,n2,knows
CSV
$TIES --db "$DB" import -q "$WORK/net" 2>/dev/null
$TIES --db "$DB" brokers France Germany --format csv
