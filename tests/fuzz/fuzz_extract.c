/* Fuzz harness: ties extract on a release, as Markdown and as plain text
 * (the first byte chooses), with the draft's facts and review written. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ties_db *db = fuzz_db();
	const char *paths[1];
	ties_draft *d = NULL;
	ties_table *t = NULL;
	FILE *null;

	paths[0] = fuzz_file(data, size, size && (data[0] & 1) ? ".md" : ".txt");
	if (ties_extract(db, &d, paths, 1, NULL) < 0) {
		if (strchr(ties_errmsg(db), '\n'))
			abort();
	} else {
		if (!(null = fopen("/dev/null", "w")))
			abort();
		if (ties_draft_facts(d, &t) == 0)
			ties_table_write(t, null, TIES_FORMAT_CSV);
		ties_draft_review(d, null);
		fclose(null);
		ties_table_free(t);
		ties_draft_free(d);
	}
	unlink(paths[0]);
	return 0;
}
