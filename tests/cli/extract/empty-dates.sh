# Dates: weekdays counted from the publication date (back for the past,
# forward after "will"), ranges by their first day, a day without a year in
# the year nearest the publication, a date in a later sentence, a release
# number that is not a day.
i=0
while IFS= read -r t; do
	i=$((i + 1))
	printf -- '---\ndate: 2024-01-25\n---\n%s\n' "$t" >"$WORK/d$i.md"
	printf '%s\n  => ' "$t"
	$TIES --db "$DB" extract --format tsv "$WORK/d$i.md" | awk -F'\t' '$2 == "date" { print $3 }'
done <<'TEXTS'
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
