# Offices and names: a name between commas after its title, the country
# that ends a portfolio, the country of a diplomatic post (not its city),
# a person's name glued after an institution's, and a name whose last
# words look like a person's ("Centre for South Asian Studies").
i=0
while IFS= read -r t; do
	i=$((i + 1))
	printf -- '---\ndate: 2024-01-25\n---\n%s\n' "$t" >"$WORK/o$i.md"
	echo "$t"
	$TIES --db "$DB" extract --format tsv "$WORK/o$i.md" |
		awk -F'\t' '$2 == "person" || $2 == "institution" || $2 == "country" { print "  " $2 ": " $3 }'
done <<'TEXTS'
The Japanese Foreign Minister, Taro Aso, said the talks were useful.
Deputy Minister of Foreign Affairs of the Russian Federation Ivan Petrov met the delegation.
The British Embassy in Tashkent hosted a seminar on trade.
Professor Maria Lopez, Director of the Polish Academy of Sciences Anna Nowak, spoke.
Dr. Ayesha Khan of the Centre for South Asian Studies spoke.
TEXTS
