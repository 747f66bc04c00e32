# Country codes the database knows ("EC", "AU") are acronyms of something
# else unless the release names the country; countries.txt's "US" and "UK"
# stand alone. An official named only with a title in a government's
# release is of that government's country (weakly).
cat >"$WORK/a.md" <<'TEXT'
---
date: 2024-03-05
publisher: Ministry of Foreign Affairs of Japan
---
EC and AU officials met the US delegation

Foreign Minister Taro Kono held a meeting with officials of the EC and the AU Commission in Tokyo, with Vice Minister Jan Novak of the Czech Republic. The UK side was not present.
TEXT
$TIES --db "$DB" extract --format tsv "$WORK/a.md" | awk -F'\t' '$2 == "country" || $2 == "role" || $2 == "institution" { print $2 ": " $3 }'
