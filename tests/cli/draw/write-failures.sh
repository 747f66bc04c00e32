# Every write failure is an error with its reason, exit 1, and leaves no
# half-written file: a missing directory, a directory in the file's place,
# for a diagram of each format, a report and an export.
mkdir -p "$WORK/dir.svg"
for f in /nonexistent/x.svg /nonexistent/x.png /nonexistent/x.pdf /nonexistent/x.dot "$WORK/dir.svg"; do
	$TIES --db "$DB" draw -o "$f"; echo "draw $(basename "$f") exit $?"
done
$TIES --db "$DB" report -o /nonexistent/r.html; echo "report exit $?"
$TIES --db "$DB" export --format graphml -o /nonexistent/g.graphml; echo "export exit $?"
$TIES --db "$DB" export --format csv -o /nonexistent/dir; echo "export csv exit $?"
ls -A "$WORK" | grep -v '^test.db' | sort
