/* Fuzz harness: reference resolution, folding and find. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ties_db *db = fuzz_db();
	char *ref = malloc(size + 1), *folded = NULL;
	const char *id = NULL;
	ties_table *t = NULL;

	if (!ref)
		return 0;
	memcpy(ref, data, size);
	ref[size] = '\0';
	if (ties_entity_resolve(db, ref, &id) < 0 &&
	    strchr(ties_errmsg(db), '\n'))
		abort();
	if (ties_fold(&folded, ref) == 0)
		free(folded);
	if (ties_find(db, &t, ref, 20) == 0)
		ties_table_free(t);
	free(ref);
	return 0;
}
