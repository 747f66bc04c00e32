# The parties of an agreement "between A, B and C": not the body that
# was told of its signing, nor the place after a party's name, nor the
# country of a title ("the President of Azerbaijan").
cat >"$WORK/b.md" <<'TEXT'
---
date: 2020-11-04
---
The Union Cabinet, chaired by the Prime Minister, Shri Narendra Modi, was apprised of the signing of a Memorandum of Understanding between the Indian Institute of Astrophysics (IIA), Bengaluru and the Instituto de Astrofisica de Canarias Institute, Spain to develop collaborations in astronomy.
TEXT
$TIES --db "$DB" extract --format tsv "$WORK/b.md" | awk -F'\t' '$2 == "role" || $2 == "event" { print $2 ": " $3 }'
cat >"$WORK/c.md" <<'TEXT'
---
date: 2011-06-30
---
The Azerbaijani Institute of Strategic Research, under the aegis of the President of Azerbaijan, and our Institute signed a memorandum of cooperation in Baku on 7 March, 2011.
TEXT
$TIES --db "$DB" extract --format tsv "$WORK/c.md" | awk -F'\t' '$2 == "role" { print $2 ": " $3 }'
