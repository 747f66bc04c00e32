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
