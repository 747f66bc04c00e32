# Where an institution's name begins and ends (the texts are made up): a
# footnote's mark after an acronym ("CERN1", when CERN is a word of the
# text; "G7" and an acronym met only with its digit stay as they are); a
# dash between capitals before the head word ("Joint EC - CERN Research
# Committee"); a title's modifier that opens a body's name ("Joint
# Research Committee"), but not a statement's ("the Joint Statement");
# words that never begin a name ("30th Anniversary", "the Inaugural"); a
# short line ends a name ("Office of the Spokesman" over "Washington, DC"),
# a paragraph's lines do not.
cat >"$WORK/a.md" <<'TEXT'
---
date: 1994-10-10
---
Professor Anna Berg, Director-General of CERN1 signed an arrangement with the European Commission. CERN will host the first meeting of the new "Joint EC - CERN Research Committee". The Joint Statement was issued at the G7 Secretariat and the ABCD2 Institute.

Ministers welcomed the outcomes of the 30th Anniversary Torres Strait Joint Advisory Council. The Inaugural Asia Pacific Research Council met in Geneva.

Office of the Spokesman
Washington, DC

The agreement was welcomed by the members of the Board of the Mongolian
National Research Council who met in Ulaanbaatar on the same day with the
Governing Board of the Swedish Research Council Secretariat and its chair.
TEXT
$TIES --db "$DB" extract --format tsv "$WORK/a.md" | awk -F'\t' 'NR > 1 && $2 == "institution" { print $2 ": " $3 }' | sort
