# Two identical components share the graph's leading eigenvalue: every
# node of both triangles scores exactly 1 (ARPACK alone mixes the two
# eigenvectors: 0.999971 and 1); the lone pair, of a smaller eigenvalue,
# scores 0.
mkdir -p "$WORK/net"
cat >"$WORK/net/entities.csv" <<'CSV'
id,kind,name
a1,person,A One
a2,person,A Two
a3,person,A Three
b1,person,B One
b2,person,B Two
b3,person,B Three
c1,person,C One
c2,person,C Two
CSV
cat >"$WORK/net/relations.csv" <<'CSV'
source,target,kind
a1,a2,knows
a2,a3,knows
a1,a3,knows
b1,b2,knows
b2,b3,knows
b1,b3,knows
c1,c2,knows
CSV
$TIES --db "$DB" import -q "$WORK/net" 2>/dev/null
$TIES --db "$DB" rank --by eigenvector --format csv | cut -d, -f1,2,6
