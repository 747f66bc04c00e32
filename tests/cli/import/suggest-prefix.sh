# An unknown reference that starts a name ("ALG" of Algeria) is suggested.
printf 'id,kind,name,country\nx1,person,X One,ALG\n' >"$WORK/e.csv"
$TIES --db "$DB" import "$WORK/e.csv"; echo "exit $?"
