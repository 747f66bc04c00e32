. tests/cli/lib.inc
printf 'id,kind,date\nev1,meeting,2025-04-08\nev2,meeting,2025-13-40\n' > "$WORK/events.csv"
try_import "$WORK/events.csv"
