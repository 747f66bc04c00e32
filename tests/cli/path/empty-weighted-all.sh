# --all --weighted finds every path of the shortest length, whatever its
# number of hops: a—b weight 1, a—c and c—b weight 2 each; with distance
# 1/weight both a—b and a—c—b have length 1.
mkdir -p "$WORK/net"
cat >"$WORK/net/entities.csv" <<'CSV'
id,kind,name
a,person,Anna A
b,person,Boris B
c,person,Chen C
CSV
cat >"$WORK/net/events.csv" <<'CSV'
id,kind,date
e1,meeting,2024-01-01
e2,meeting,2024-01-02
e3,meeting,2024-01-03
e4,meeting,2024-01-04
e5,meeting,2024-01-05
CSV
cat >"$WORK/net/participants.csv" <<'CSV'
event,entity
e1,a
e1,b
e2,a
e2,c
e3,a
e3,c
e4,c
e4,b
e5,c
e5,b
CSV
$TIES --db "$DB" import -q "$WORK/net" 2>/dev/null
$TIES --db "$DB" path a b --all --weighted --format csv | cut -d, -f1-7 | sort -u
echo "--- with --max-length 1, only the direct one"
$TIES --db "$DB" path a b --all --weighted --max-length 1 --format csv | cut -d, -f1-7 | sort -u
