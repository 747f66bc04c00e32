#!/bin/sh
# make demo: build the seed network into DB and run the main jobs on it.
#
#   sh examples/demo.sh TIES DB
set -eu
TIES=${1:-./ties}
DB=${2:-demo.db}
rm -f "$DB" "$DB-wal" "$DB-shm"
step() { printf '\n$ ties %s\n' "$*"; "$TIES" --db "$DB" "$@"; }

echo "ties demo: the ISSI-ICCA RAS MoU of 8 April 2025 (graphs/issi-icca-ras-2025)"
step import graphs/issi-icca-ras-2025
step stats
step show "Kirill Babaev"
step show PAK
step list --kind institution
step find khan
step rank --top 8
step rank --graph institution --by strength
step communities --runs 10
step path "Maheen Shafiq" "Olga Gerasimova"
step between Pakistan Russia
step countries
step draw -o demo.svg
step report -o demo.html --title "ISSI and ICCA RAS, April 2025"
echo "wrote demo.svg and demo.html"

echo
echo "The same network drafted from the press release itself, by rules:"
XDB="${DB%.db}-extract.db"
rm -f "$XDB" "$XDB-wal" "$XDB-shm"
printf '\n$ ties --db %s extract graphs/issi-icca-ras-2025/release.txt --apply -o demo-draft\n' "$XDB"
"$TIES" --db "$XDB" extract -q --apply -o demo-draft graphs/issi-icca-ras-2025/release.txt
printf '\n$ head -n 12 demo-draft/review.txt\n'
head -n 12 demo-draft/review.txt
printf '\n$ ties --db %s between Pakistan Russia\n' "$XDB"
"$TIES" --db "$XDB" between Pakistan Russia
printf '\n$ ties --db %s path "Maheen Shafiq" "Olga Gerasimova"\n' "$XDB"
"$TIES" --db "$XDB" path "Maheen Shafiq" "Olga Gerasimova"
echo
echo "The database is $DB; try: ./ties --db $DB show issi"
