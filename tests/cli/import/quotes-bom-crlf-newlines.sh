. tests/cli/lib.inc
# RFC 4180: a byte-order mark, CRLF line ends, quoted fields with commas,
# doubled quotes and a newline; the error line counts the embedded newline.
printf '\357\273\277id,kind,name,aliases\r\nq1,person,"O'"'"'Brien, ""Pat""",Pat|  P. O.  \r\nq2,institution,"Two\nLines & <b>",\r\nq3,person,Bad,\r\nq4,Bad Kind,x,\r\n' > "$WORK/e.csv"
try_import "$WORK/e.csv"
sed -i '$d' "$WORK/e.csv"
try_import "$WORK/e.csv"
$TIES --db "$DB" list --kind person --format json
$TIES --db "$DB" show --format json q2
$TIES --db "$DB" show q2
