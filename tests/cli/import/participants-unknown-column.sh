. tests/cli/lib.inc
printf 'event,entity,role,weight\nissi-icca-ras-mou-2025-04-08,issi,party,3\n' > "$WORK/p.csv"
try_import "$WORK/p.csv"
