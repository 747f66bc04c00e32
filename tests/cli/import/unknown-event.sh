. tests/cli/lib.inc
printf 'event,entity,role\nno-such-event,issi,party\n' > "$WORK/p.csv"
try_import "$WORK/p.csv"
