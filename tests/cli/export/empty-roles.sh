# Co-participation by role on a network small enough to count by hand:
# e1: a yes, b yes, c no (a also speaker); e2: a yes, b no, c no;
# e3: p1, p2 and p3 all yes, p1 and p3 members of i1, p2 of i2.
# --same-role: a-b 1 (e1), b-c 1 (e2), the three people 1 each;
# --share: a-b 1/2, b-c 1/2, a-c none (they never voted alike);
# --role yes: a-b 1, the people 1 each; --role speaker: nothing;
# the institution graph: i1-i2 once (two different people stand for them).
mkdir -p "$WORK/n"
cat >"$WORK/n/entities.csv" <<'CSV'
id,kind,name
a,institution,A
b,institution,B
c,institution,C
i1,institution,I1
i2,institution,I2
p1,person,P1
p2,person,P2
p3,person,P3
CSV
cat >"$WORK/n/events.csv" <<'CSV'
id,kind,date
e1,vote,2020
e2,vote,2021
e3,vote,2022
CSV
cat >"$WORK/n/participants.csv" <<'CSV'
event,entity,role
e1,a,yes
e1,a,speaker
e1,b,yes
e1,c,no
e2,a,yes
e2,b,no
e2,c,no
e3,p1,yes
e3,p2,yes
e3,p3,yes
CSV
cat >"$WORK/n/relations.csv" <<'CSV'
source,target,kind
p1,i1,member_of
p3,i1,member_of
p2,i2,member_of
CSV
$TIES --db "$DB" import -q "$WORK/n" 2>/dev/null
for o in "--same-role" "--same-role --share" "--role yes" "--role speaker" "--role yes,no --share" "--graph institution --same-role"; do
	echo "# $o"
	$TIES --db "$DB" export $o --format edgelist
done
