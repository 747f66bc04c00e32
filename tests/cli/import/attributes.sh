. tests/cli/lib.inc
# Extra columns become attributes; an empty value sets none.
printf 'id,kind,name,website,founded\nx1,institution,X One,https://x.example,1999\nx2,institution,X Two,,\n' > "$WORK/e.csv"
try_import "$WORK/e.csv"
$TIES --db "$DB" show --format json x1 x2
