#!/bin/sh
# A walk through the seed network, the ISSI-ICCA RAS MoU of April 2025.
#
#   sh examples/walkthrough.sh [TIES] [DB]
#
# Each step prints the command it runs. Run from the top of the tree.
set -eu
TIES=${1:-./ties}
DB=${2:-walkthrough.db}
rm -f "$DB" "$DB-wal" "$DB-shm"
run() { echo "\$ ties $*"; "$TIES" --db "$DB" "$@"; echo; }

# 1. Load the press release, encoded as five CSV tables.
run import graphs/issi-icca-ras-2025
# 2. What is in it?
run stats
# 3. Who is Babaev? One word of a name is enough when it names one entity.
run show Babaev
# 4. Countries resolve by name, ISO code and alpha-3.
run list --country PAK --kind person
# 5. An ambiguous name is an error that lists the candidates.
if "$TIES" --db "$DB" show Mahmood; then
	echo "expected 'Mahmood' to be ambiguous" >&2
	exit 1
fi
# 6. Add what a later report says, by hand.
run add event visit-2025-06 --kind visit --date 2025-06 --title "Return visit" --place icca-ras host=icca-ras attendee="Neelum Nigar"
run show --format json "Neelum Nigar"
rm -f "$DB" "$DB-wal" "$DB-shm"
