# Dates: weekdays counted from the publication date (back for the past,
# forward after "will"), ranges by their first day, a day without a year in
# the year nearest the publication, a date in a later sentence, a release
# number that is not a day.
. tests/cli/lib.inc
extract_each date <<'TEXTS'
The ministers held a meeting on Wednesday.
The ministers will hold a meeting on Wednesday.
The ministers met on Thursday, 25 January.
The seminar was held at Goa University on 8th and 9th April 2025.
The ministers met in Moscow on 10–12 September 2023.
The ministers met on 13 December.
The ministers held talks in Geneva. The talks took place on 19 January.
No. 029 January 27, 2024. The ministers held talks in Geneva.
TEXTS
test -e "$DB" && echo "a database was made" || echo "no database"
# A dateline's date is the release's, not the event's the sentence dates
# after it; a weekday without "on" as news agencies write ("held, here
# Tuesday"); a region in a title's portfolio is no person; a person's name
# after a portfolio word is not the ministry's.
cat >"$WORK/dl.md" <<'TEXT'
---
date: 2019-07-11
---
MINSK, 11 July (BelTA) - Tehran hosted the fifth round of political consultations between the two foreign ministries on 10 July.
TEXT
$TIES --db "$DB" extract --format tsv "$WORK/dl.md" | awk -F'\t' '$2 == "date" { print $2 ": " $3 }'
cat >"$WORK/tu.md" <<'TEXT'
---
date: 2023-12-06
---
ISLAMABAD: The 6th round of Bilateral Political Consultations between Pakistan and Mexico was held, here Tuesday. The Mexican delegation was headed by Ambassador Jose Tripp Villanueva, director general for Africa, Central Asia and Middle East. Present was the Secretary of State at the Ministry of Foreign Affairs Zoran Jankovic.
TEXT
$TIES --db "$DB" extract --format tsv "$WORK/tu.md" | awk -F'\t' '$2 == "date" || $2 == "person" || $2 == "institution" { print $2 ": " $3 }'
