# A 10 MB field imports; a 10 MB line with an unterminated quote is refused
# with its line, and nothing changes.
. tests/cli/lib.inc
awk 'BEGIN { printf "id,kind,name\nbig,person,"; for (i = 0; i < 10485760; i++) printf "x"; printf "\n" }' > "$WORK/big.csv"
try_import "$WORK/big.csv"
sqlite3 "$DB" "SELECT length(name) FROM entity WHERE id = 'big'"
awk 'BEGIN { printf "id,kind,name\nbig2,person,\""; for (i = 0; i < 10485760; i++) printf "y"; printf "\n" }' > "$WORK/bad.csv"
try_import "$WORK/bad.csv"
