# A partial date is an interval: a tie's first day is the first day of its
# first event's date, its last day the last day of its last event's
# (an event of "2020" ends on 2020-12-31), in the table and in GraphML.
mkdir -p "$WORK/net"
cat >"$WORK/net/entities.csv" <<'CSV'
id,kind,name,country
p1,person,Pia One,fr
p2,person,Pat Two,de
CSV
cat >"$WORK/net/events.csv" <<'CSV'
id,kind,date
e1,meeting,2019-05
e2,meeting,2020
CSV
cat >"$WORK/net/participants.csv" <<'CSV'
event,entity
e1,p1
e1,p2
e2,p1
e2,p2
CSV
$TIES --db "$DB" import -q "$WORK/net" 2>/dev/null
$TIES --db "$DB" countries --format csv
$TIES --db "$DB" export --graph country --format graphml | grep -E '"(first|last)"' | sed 's/^ *//'
