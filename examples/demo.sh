#!/bin/sh
# make demo: build the seed network into DB and run the main jobs on it.
# Every command is printed as it can be pasted into a shell at the top of
# the tree (tests/readme.sh runs them again).
#
#   sh examples/demo.sh TIES DB
set -eu
TIES=${1:-./ties}
DB=${2:-demo.db}
rm -f "$DB" "$DB-wal" "$DB-shm"

# One word, quoted for the shell when it needs to be.
quote() {
	case $1 in
	*[!A-Za-z0-9_./:=,+-]* | '') printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")" ;;
	*) printf '%s' "$1" ;;
	esac
}
# Print "$ ./ties --db DB ARGS", quoted, then run it.
run() {
	db=$1
	shift
	printf '\n$ ./ties --db %s' "$(quote "$db")"
	for a in "$@"; do printf ' %s' "$(quote "$a")"; done
	printf '\n'
	"$TIES" --db "$db" "$@"
}
step() { run "$DB" "$@"; }

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
run "$XDB" extract -q --apply -o demo-draft graphs/issi-icca-ras-2025/release.txt
printf '\n$ head -n 12 demo-draft/review.txt\n'
head -n 12 demo-draft/review.txt
run "$XDB" between Pakistan Russia
run "$XDB" path "Maheen Shafiq" "Olga Gerasimova"
echo
echo "The database is $DB; try: ./ties --db $(quote "$DB") show issi"
