. tests/cli/lib.inc
printf 'id,kind,date\nev1,meeting,2024-02-29\nev2,meeting,2025-02-29\n' > "$WORK/events.csv"
try_import "$WORK/events.csv"
