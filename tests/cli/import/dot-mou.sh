# A DOT file describing an MoU between two institutions imports as an event
# with two parties and two signatories; drawing attributes are left out.
cat > "$WORK/mou.dot" <<'DOT'
graph g {
	node [shape=box];
	subgraph cluster_x { label="ignored" }
	"inst-a" [kind=institution, label="Institute \"A\" & <Co>", country=fr, aliases="IA|Inst A", website="https://a.example"];
	"inst-b" [kind=institution, label="Institute B", country=DEU, fillcolor=red];
	"p1" [kind=person, label="Person One", country=France];
	mou1 [kind=mou, label="A-B MoU", date="2024-05"];
	mou1 -- "inst-a" [role=party];
	mou1 -- "inst-b" [role=party];
	mou1 -- p1 [role=signatory];
	p1 -- "inst-a" [kind=member_of, role=Director, start=2020];
}
DOT
$TIES --db "$DB" import "$WORK/mou.dot"; echo "exit $?"
$TIES --db "$DB" show "Inst A"
$TIES --db "$DB" between France Germany --format csv
printf 'graph g {\n a -- b\n c [label=\n}\n' > "$WORK/bad.dot"
$TIES --db "$DB" import "$WORK/bad.dot"; echo "exit $?"
printf 'graph g {\n e1 [kind=meeting]\n e2 [kind=mou]\n e1 -- e2\n}\n' > "$WORK/two.dot"
$TIES --db "$DB" import "$WORK/two.dot"; echo "exit $?"
$TIES --db "$DB" import "$WORK/mou.txt"; echo "exit $?"
