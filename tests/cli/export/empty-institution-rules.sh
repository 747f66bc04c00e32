# The institution graph's rules, the manual's worked example: Petra was a
# member of A from 2015 to 2020 and of B from 2019; Quentin of C (undated).
# A meeting Petra attended alone in 2019 ties nothing (one person's two
# memberships are no tie between A and B); a meeting of Petra and Quentin
# in 2019 ties A–C and B–C, not A–B; Petra advising D from 2021 ties B–D
# only (she had left A).
mkdir -p "$WORK/net"
cat >"$WORK/net/entities.csv" <<'CSV'
id,kind,name
a,institution,Academy A
b,institution,Bureau B
c,institution,Centre C
d,institution,Department D
petra,person,Petra P
quentin,person,Quentin Q
CSV
cat >"$WORK/net/relations.csv" <<'CSV'
source,target,kind,role,start,end
petra,a,member_of,,2015,2020
petra,b,member_of,,2019,
quentin,c,member_of,,,
petra,d,advises,,2021,
CSV
cat >"$WORK/net/events.csv" <<'CSV'
id,kind,date
alone,meeting,2019-06-01
both,meeting,2019-07-01
CSV
cat >"$WORK/net/participants.csv" <<'CSV'
event,entity
alone,petra
both,petra
both,quentin
CSV
$TIES --db "$DB" import -q "$WORK/net" 2>/dev/null
$TIES --db "$DB" export --graph institution --format edgelist
