. tests/cli/lib.inc
# The example: the third line names an unknown country.
printf 'id,kind,name,country\na,person,Ann,pk\nb,person,Bob,XX\n' > "$WORK/entities.csv"
try_import "$WORK/entities.csv"
