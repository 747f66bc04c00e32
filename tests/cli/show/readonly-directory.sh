# A database in a directory the user cannot write (and no -wal changes
# pending) is read as it is, with one notice, by every command that reads;
# a command that writes fails with the reason, exit 1, and the file is
# unchanged. Run as nobody when the suite runs as root (root writes
# anywhere).
ro=$(mktemp -d /tmp/ties-ro.XXXXXX)
chmod 755 "$ro"
cp "$DB" "$ro/t.db"
chmod 644 "$ro/t.db"
chmod 555 "$ro"
user() { if [ "$(id -u)" = 0 ]; then setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; else "$@"; fi; }
before=$(md5sum <"$ro/t.db")
user $TIES --db "$ro/t.db" show ISSI >"$WORK/show.out" 2>"$WORK/show.err"; echo "show exit $?"
sed "s|$ro|RO|" "$WORK/show.err"
head -1 "$WORK/show.out"
user $TIES --db "$ro/t.db" rank --top 1 2>/dev/null; echo "rank exit $?"
user $TIES --db "$ro/t.db" add entity ro1 --kind person --name "R O" 2>"$WORK/add.err"; echo "add exit $?"
sed "s|$ro|RO|" "$WORK/add.err"
[ "$(md5sum <"$ro/t.db")" = "$before" ] && echo "unchanged"
ls "$ro"
chmod 755 "$ro"
rm -rf "$ro"
