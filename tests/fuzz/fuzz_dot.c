/* Fuzz harness: the DOT importer. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_import(data, size, ".dot", TIES_IMPORT_DOT);
}
