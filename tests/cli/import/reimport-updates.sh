. tests/cli/lib.inc
# Importing the same tables again updates rows and duplicates nothing.
$TIES --db "$DB" stats --format csv > "$WORK/before"
$TIES --db "$DB" import -q graphs/issi-icca-ras-2025; echo "exit $?"
$TIES --db "$DB" stats --format csv | diff "$WORK/before" - && echo "same counts"
printf 'id,kind,name,country,aliases\nissi,institution,ISSI Islamabad,pk,ISSI|Institute of Strategic Studies\n' > "$WORK/e.csv"
$TIES --db "$DB" import -q "$WORK/e.csv"; echo "exit $?"
$TIES --db "$DB" show issi | head -n 6
