# Institutions a release names by acronym only (used twice, not a word of
# the dictionaries), defined later in full, or referred to by the tail of
# their name, or by their name without "of <country>" or with a country in
# front; a list of portfolios inside a name; a family name in capitals, a
# common acronym, people in the plural and a person's name after a head
# word are not institutions.
cat >"$WORK/a.md" <<'TEXT'
---
date: 2024-03-05
---
CERN and SKAO sign a cooperation agreement

CERN and the Square Kilometre Array Observatory (SKAO) signed a cooperation agreement in Geneva, with MOTEGI Toshimitsu present. CERN will train STEM students; STEM is a priority.

The European Commission welcomed the agreement. The Commission will fund it with the Ministry of Education, Culture and Science of Mongolia. The Ministry of Education, Culture and Science will host the students.

The Department of State and the U.S. Department of State are one. The Foreign Ministers of the European Union met the Development Office Catherine West said.
TEXT
$TIES --db "$DB" extract --format tsv "$WORK/a.md" | awk -F'\t' '$2 == "institution" || $2 == "role" { print $2 ": " $3 }'
