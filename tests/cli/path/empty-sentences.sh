# Path sentences read as English whatever the kind: verbs from a table
# (exports to, is related to), a verb kind as it is ("sanctioned_by": is
# sanctioned by), a noun kind as a tie ("marriage"... has a ... tie), votes
# by role, acronyms in event kinds; a symmetric relation stored both ways
# is one fact.
mkdir -p "$WORK/net"
cat >"$WORK/net/entities.csv" <<'CSV'
id,kind,name
jp,country,Japan
et,country,Ethiopia
eth,institution,ETH Zurich
epfl,institution,EPFL
x,person,Xavier X
y,person,Yara Y
CSV
cat >"$WORK/net/relations.csv" <<'CSV'
source,target,kind,start
jp,et,exports_to,2020
eth,epfl,related_to,
epfl,eth,related_to,
x,y,marriage,1990
x,eth,sanctioned_by,2021
y,epfl,alumni_network,
CSV
cat >"$WORK/net/events.csv" <<'CSV'
id,kind,date,title
v1,un_vote,2021-03-01,Resolution 1
CSV
cat >"$WORK/net/participants.csv" <<'CSV'
event,entity,role
v1,jp,yes
v1,et,yes
CSV
$TIES --db "$DB" import -q "$WORK/net" 2>/dev/null
$TIES --db "$DB" path Japan Ethiopia --format csv | cut -d, -f23-
$TIES --db "$DB" path "ETH Zurich" EPFL --format csv | cut -d, -f23-
$TIES --db "$DB" path Xavier Yara --format csv | cut -d, -f23-
$TIES --db "$DB" path Xavier "ETH Zurich" --format csv | cut -d, -f23-
$TIES --db "$DB" path Yara EPFL --format csv | cut -d, -f23-
