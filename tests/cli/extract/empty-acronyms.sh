# Institutions a release names by acronym only (used twice, not a word of
# the dictionaries), defined later in full, or referred to by the tail of
# their name; a list of portfolios inside a name; a family name in capitals
# and a common acronym are not institutions.
cat >"$WORK/a.md" <<'TEXT'
---
date: 2024-03-05
---
CERN and SKAO sign a cooperation agreement

CERN and the Square Kilometre Array Observatory (SKAO) signed a cooperation agreement in Geneva, with MOTEGI Toshimitsu present. CERN will train STEM students; STEM is a priority.

The European Commission welcomed the agreement. The Commission will fund it with the Ministry of Education, Culture and Science of Mongolia.
TEXT
$TIES --db "$DB" extract --format tsv "$WORK/a.md" | awk -F'\t' '$2 == "institution" || $2 == "role" { print $2 ": " $3 }'
