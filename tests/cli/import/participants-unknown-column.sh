. tests/cli/lib.inc
# Participations take no attributes: a column beyond event, entity, role
# and weight is refused, and a bad weight names its line.
printf 'event,entity,role,amount\nissi-icca-ras-mou-2025-04-08,issi,party,3\n' > "$WORK/p.csv"
try_import "$WORK/p.csv"
printf 'event,entity,role,weight\nissi-icca-ras-mou-2025-04-08,issi,party,3\nissi-icca-ras-mou-2025-04-08,icca-ras,party,0\n' > "$WORK/q.csv"
try_import "$WORK/q.csv"
printf 'source,target,kind,weight\nissi,icca-ras,funds,NaN\n' > "$WORK/r.csv"
try_import "$WORK/r.csv"
