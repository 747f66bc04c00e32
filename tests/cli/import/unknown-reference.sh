. tests/cli/lib.inc
printf 'event,entity,role\nissi-icca-ras-mou-2025-04-08,nobody-at-all,party\n' > "$WORK/p.csv"
try_import "$WORK/p.csv"
