# What is named like an institution but is not one: a programme, an award,
# a resolution, joint projects, a bilateral alliance ("Japan-U.S.", its
# abbreviation kept whole), a body referred to as "the Organization"; the
# acronym of the parent a long name ends in; a body's subject after "of"
# ("Office of National Drug Control Policy"); "on" only after a head word;
# a visit said to be recent takes no publication date.
cat >"$WORK/a.md" <<'TEXT'
---
date: 2024-03-05
---
Minister Ana Silva met Secretary John Brown to strengthen the Japan-U.S. Alliance. They welcomed the UN General Assembly Resolution and the Fulbright Program, and the Implementation of the Strategic Research Alliance Joint Projects.

Dr. Maria Rossi, Director-General of the Organization, received the Friendship Medal of Diplomacy on behalf of the Mountain Research Institute.

The Committee of Senior Officials of the Northern Research Council Organisation (NRCO) met the Office of National Drug Control Policy. NRCO welcomed it.

Recently, Ambassador Paul Dupont visited the University of Lyon.
TEXT
$TIES --db "$DB" extract --format tsv "$WORK/a.md" | awk -F'\t' '$2 == "institution" || $2 == "body" || $2 == "date" || $2 == "event" { print $2 ": " $3 }'
for when in "Recently, Ambassador" "Ambassador"; do
	printf -- '---\ndate: 2024-03-05\n---\n%s Paul Dupont visited the University of Lyon.\n' "$when" >"$WORK/b.md"
	$TIES --db "$DB" extract --format tsv "$WORK/b.md" | awk -F'\t' '$2 == "date" || $2 == "event" { print $2 ": " $3 }'
done
# A country that starts a name is the name's; "the UK Government" is the
# country and "the Japan U.S. Alliance" two; "met" before a title or name
# is a meeting.
cat >"$WORK/c.md" <<'TEXT'
---
date: 2015-08-30
---
The Iran National Science Foundation (INSF) and the UK Government welcomed the Japan U.S. Alliance. Minister Taro Kono met Secretary James Mattis in Tokyo.
TEXT
$TIES --db "$DB" extract --format tsv "$WORK/c.md" | awk -F'\t' '$2 == "institution" || $2 == "event" { print $2 ": " $3 }'
# A list of portfolios with a comma before its "and", two bodies joined by
# "&", a body after "of the" that is no person's name, a title's modifier
# after a name.
cat >"$WORK/d.md" <<'TEXT'
---
date: 2015-08-28
---
A team of the Institute for Policy, Advocacy, and Governance (IPAG) led by Mr. Syed Khan visited the Institute for World Economy Studies & Center for Asia-Pacific Studies.

Present were Ms. Cao Qian Deputy Division Director, and Jiao Han, Member of Research Office of the International Department.
TEXT
$TIES --db "$DB" extract --format tsv "$WORK/d.md" | awk -F'\t' '$2 == "institution" || $2 == "person" { print $2 ": " $3 }'
# "the Academy" is the Academy named before in full; not where two were.
cat >"$WORK/e.md" <<'TEXT'
---
date: 2020-06-16
---
The Academy of Sciences of Iran and the National Research Institute for Science Policy (NRISP) concluded a Memorandum of Understanding. Prof. Reza Ardakani, president of the Academy, and Prof. Vahid Ahmadi, president of the NRISP, signed it.

The Academy of Arts of Iran met Dr. Ali Karimi, president of the Academy.
TEXT
$TIES --db "$DB" extract --format tsv "$WORK/e.md" | awk -F'\t' '$2 == "member_of" { print $2 ": " $3 }'
