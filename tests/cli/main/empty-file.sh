# An empty file is no database: a command that reads says so and leaves it
# as it is (0 bytes); one that creates makes it a whole database.
: >"$WORK/e.db"
$TIES --db "$WORK/e.db" stats; echo "exit $?"
wc -c <"$WORK/e.db"
$TIES --db "$WORK/e.db" import -q graphs/issi-icca-ras-2025; echo "exit $?"
$TIES --db "$WORK/e.db" show PAK | head -n 1
