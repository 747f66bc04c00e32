# Shapes of releases from universities, academies and think tanks (the
# texts are made up): a title after the name ("Name, the Rector of X,",
# "Name, registrar, X"), which also ends an institution before "and";
# who was present at a signing is no signatory or party; "X-based" is no
# part of a name; "X University, Russia" is where the body is; "a
# delegation of X visited Y"; "Director <unit> at <institution> Dr Name";
# "Ambassador Extraordinary and Plenipotentiary of X to Y Name"; an
# honorific in lower case ("academician"); "Brig."; "Al" inside a name.
cat >"$WORK/a.md" <<'TEXT'
---
date: 2024-04-12
---
The MoU was signed by Ravi Kumar, registrar, University of Pune and Olga Petrova, rector, Ural Federal University, Russia, in the presence of Vice Chancellor Anil Mehta.
TEXT
cat >"$WORK/a2.md" <<'TEXT'
---
date: 2024-04-12
---
Omar Farooq, the Rector of the Northern University of Science, and Bilal Ahmad Qureshi, the Vice Chancellor of the Institute of Applied Technology, signed the agreement on Tuesday. Rector Farooq said it was a first step.
TEXT
$TIES --db "$DB" extract --format tsv "$WORK/a.md" "$WORK/a2.md" | awk -F'\t' 'NR > 1 && $2 != "date" && $2 != "country" { print $2 ": " $3 }'
cat >"$WORK/b.md" <<'TEXT'
---
date: 2023-11-22
---
The Lagos-based Institute of Peace Studies signed a memorandum of understanding with the Nairobi-based African Policy Centre. Former President of Kenya John Otieno, member of the Academy Professor Mary Wanjiru and Ambassador Extraordinary and Plenipotentiary of the Republic of Ghana to Kenya Kofi Mensah were also present at the signing ceremony.
TEXT
$TIES --db "$DB" extract --format tsv "$WORK/b.md" | awk -F'\t' 'NR > 1 && $2 == "person" || $2 == "role" || $2 == "institution" { print $2 ": " $3 }'
cat >"$WORK/c.md" <<'TEXT'
---
date: 2023-11-22
---
A delegation of the National Defence College visited the Centre for Strategic Research on Tuesday. The delegation was headed by Brig. Hamad Khalifa Al Mansoori.

Director Asia Study Centre at CSR Dr Lina Haddad gave an overview. The Slovakian side was represented by the President of the Academy of Sciences of Slovakia, academician Peter Novak.
TEXT
$TIES --db "$DB" extract --format tsv "$WORK/c.md" | awk -F'\t' 'NR > 1 && $2 == "person" || $2 == "role" || $2 == "member_of" || $2 == "part_of" || $2 == "event" || ($2 == "country" && $3 ~ /Novak/) { print $2 ": " $3 }'
# "signed among A, B and C"; "the parties signed" after a visit: the
# bodies that met, the visitor's among them; "X University named after
# Y" is one name; "Doctor of Pedagogy" is a title; a short role between
# the name and its title ("Politburo member, Director of ...").
cat >"$WORK/d.md" <<'TEXT'
---
date: 2023-06-30
---
A cooperation agreement was signed among the National Academy of Politics, the Academy of Social Sciences, and the Lao Academy of Politics and Public Administration in Hanoi on June 30. Addressing the ceremony, Tran Van Minh, Politburo member, Director of the National Academy of Politics, said it was a milestone. Director Minh hosted a reception.
TEXT
cat >"$WORK/e.md" <<'TEXT'
---
date: 2025-11-17
---
The Rector of the Kazakh University of Arts named after Kulyash Baiseitova, Professor Galim Akhmetov, visited the State Institute of Culture of Uzbekistan. The guest was received by the Rector of the Institute, Doctor of Pedagogy Azamov Anvar.

Following the meeting, the parties signed a Memorandum of Cooperation.
TEXT
$TIES --db "$DB" extract --format tsv "$WORK/d.md" "$WORK/e.md" | awk -F'\t' 'NR > 1 && ($2 == "person" || $2 == "role" || $2 == "member_of" || $2 == "part_of" || $2 == "event") { print $2 ": " $3 }'
# A family name of two words alone is the person named in full before;
# "the Virtual University" is the "Virtual University of Pakistan" named
# before; initials in capitals after an honorific ("Dr NT Rikam").
cat >"$WORK/f.md" <<'TEXT'
---
date: 2024-06-16
---
Prof. Reza Davari Ardakani, president of the Academy, and Dr NT Rikam, registrar of the Virtual University of Pakistan, signed the Memorandum on June 15. Prof. Davari Ardakani said the Virtual University would host the first workshop.
TEXT
$TIES --db "$DB" extract --format tsv "$WORK/f.md" | awk -F'\t' 'NR > 1 && ($2 == "person" || $2 == "institution" || $2 == "role") { print $2 ": " $3 }'
# A list of names of several words inside a name ("Centre for Afghanistan,
# Middle East, and Africa"), which is not Afghanistan's; "Centre for a
# Community With Shared Future"; "Director, CSSPR, Dr. Name" and
# "Director General Institute of X, Islamabad (ISSI) Ambassador Name";
# "was signed in a meeting between" the signatories; a weekday is no part
# of a name; "received Ambassador of Japan Name for his farewell call"; a
# courtesy call is a meeting.
cat >"$WORK/g.md" <<'TEXT'
---
date: 2023-07-21
---
On July 20, 2023, the Centre for Afghanistan, Middle East, and Africa (CAMEA) signed a Memorandum of Understanding with the Research Centre for a Community With Shared Future (RCCSF). The MoU was signed in a meeting between Director, CAMEA, Dr. Amina Rauf, and Executive Director, RCCSF, Mr. Khalid Akram.

Director General Institute of Regional Studies, Islamabad (IRS) Ambassador Aziz Chaudhry welcomed it.
TEXT
cat >"$WORK/h.md" <<'TEXT'
---
date: 2021-10-05
---
Foreign Minister Ali Hassan Monday received Ambassador of Japan Kenji Ota for his farewell call. Ambassador Ota paid a courtesy call on the Minister.
TEXT
$TIES --db "$DB" extract --format tsv "$WORK/g.md" "$WORK/h.md" | awk -F'\t' 'NR > 1 && ($2 == "person" || $2 == "institution" || $2 == "role" || $2 == "member_of" || $2 == "event" || $2 == "country") { print $2 ": " $3 }'
# Who a delegation "held meetings with" is on the other side.
cat >"$WORK/i.md" <<'TEXT'
---
date: 2017-08-01
---
A delegation from the Institute of Strategic Studies (ISSI) headed by Ambassador Khalid Mahmood, Chairman ISSI, visited Tehran. The ISSI delegation also held meetings with Pakistan's Ambassador to Iran, H. E. Asif Durrani; and Mr. Reza Tavakoli, Director General (West Asia) at the Ministry of Foreign Affairs.
TEXT
$TIES --db "$DB" extract --format tsv "$WORK/i.md" | awk -F'\t' 'NR > 1 && ($2 == "person" || $2 == "member_of" || $2 == "country") { print $2 ": " $3 }'
# Initials of two letters ("E.V. Chuprunov"), also ending a title's run
# and an institution's; an ambassador "of X in Y"; a country's name is no
# person's ("of the Russian Federation"); "Peoples' Friendship
# University"; "Academician of the Russian Academy of Sciences" is a
# title; a list of "Name, Title, Name, Title" gives each name its own.
cat >"$WORK/j.md" <<'TEXT'
---
date: 2019-02-25
---
The delegation comprising Rector E.V. Chuprunov, Vice-Rector for Research V.B. Kazantsev and Head of the International Office I.S. Leonova met with the Ambassador of the Russian Federation in the United Mexican States E.R. Malayan.

Valery Petrov, Minister of Science of the Russian Federation, Oleg Ivanov, Rector of the Peoples' Friendship University of Russia, Omar Hassan, President of Cairo University, and Viktor Orlov, Academician of the Russian Academy of Sciences, took part.
TEXT
$TIES --db "$DB" extract --format tsv "$WORK/j.md" | awk -F'\t' 'NR > 1 && ($2 == "person" || $2 == "member_of" || $2 == "institution" || ($2 == "country" && $3 ~ /Petrov|Malayan/)) { print $2 ": " $3 }'
# A "between" that names no one ("exchange between both institutions")
# leaves the parties to the subject of the signing.
cat >"$WORK/k.md" <<'TEXT'
---
date: 2022-11-21
---
The University of Camaguey and the State University of Grodno strengthened their ties with the signing of a new Framework Cooperation Agreement that will enhance the exchange between both institutions.
TEXT
$TIES --db "$DB" extract --format tsv "$WORK/k.md" | awk -F'\t' 'NR > 1 && ($2 == "role" || $2 == "event") { print $2 ": " $3 }'
# An acronym whose letters fit only the end of a name drafted whole
# ("Marta Abreu Central University of Las Villas (UCLV)") is that name's.
cat >"$WORK/l.md" <<'TEXT'
---
date: 2015-04-25
---
The ministers toured the Marta Abreu Central University of Las Villas (UCLV) on Thursday. Andres Castro, rector of the UCLV, said the UCLV would host students.
TEXT
$TIES --db "$DB" extract --format tsv "$WORK/l.md" | awk -F'\t' 'NR > 1 && ($2 == "institution" || $2 == "member_of") { print $2 ": " $3 }'
# "called on" someone with a title is a meeting; "called on all parties
# to" is not.
printf -- '---\ndate: 2023-09-01\n---\nAmbassador Tomas Novak called on caretaker Foreign Minister Ali Jilani on Thursday.\n' >"$WORK/m.md"
printf -- '---\ndate: 2023-09-01\n---\nThe Minister called on all parties to show restraint.\n' >"$WORK/n.md"
$TIES --db "$DB" extract --format tsv "$WORK/m.md" "$WORK/n.md" | awk -F'\t' 'NR > 1 && ($2 == "event" || $2 == "role") { print $2 ": " $3 }'
