# Filters given alone (no --min-weight) apply to the path: people a and b,
# an institution c; a meeting {a, b}, MoUs {a, c} and {c, b}.
mkdir -p "$WORK/net"
cat >"$WORK/net/entities.csv" <<'CSV'
id,kind,name
a,person,Anna A
b,person,Boris B
c,institution,Centre C
CSV
cat >"$WORK/net/events.csv" <<'CSV'
id,kind,date,title
m1,meeting,2024-01-10,The meeting
u1,mou,2024-02-01,First MoU
u2,mou,2024-03-01,Second MoU
CSV
cat >"$WORK/net/participants.csv" <<'CSV'
event,entity,role
m1,a,attendee
m1,b,attendee
u1,a,signatory
u1,c,party
u2,c,party
u2,b,signatory
CSV
$TIES --db "$DB" import -q "$WORK/net" 2>/dev/null
echo "--- a b, mous only: through c"
$TIES --db "$DB" path a b --event-kind mou --format csv
echo "--- a b, meetings only: direct"
$TIES --db "$DB" path a b --event-kind meeting --format csv
echo "--- a c, people only: c is not in that graph"
$TIES --db "$DB" path a c --kind person; echo "exit $?"
echo "--- --weighted, --k and --all, mous only"
$TIES --db "$DB" path a b --event-kind mou --weighted --format csv | cut -d, -f1-4 | sort -u
$TIES --db "$DB" path a b --event-kind mou --k 2 --format csv | cut -d, -f1-4 | sort -u
$TIES --db "$DB" path a b --event-kind mou --all --format csv | cut -d, -f1-4 | sort -u
