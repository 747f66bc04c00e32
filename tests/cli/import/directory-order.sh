. tests/cli/lib.inc
# A directory: the tables load in dependency order whatever their names.
mkdir -p "$WORK/d"
printf 'event,entity,role\nev1,zed,attendee\nev1,Pakistan,host\n' > "$WORK/d/1.csv"
printf 'id,kind,name,country\nzed,person,Zed,pk\n' > "$WORK/d/2.csv"
printf 'id,kind,date,title,place\nev1,meeting,2024,A meeting,zed\n' > "$WORK/d/3.csv"
try_import "$WORK/d"
$TIES --db "$DB" show zed
