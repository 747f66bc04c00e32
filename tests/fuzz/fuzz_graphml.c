/* Fuzz harness: the GRAPHML importer. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_import(data, size, ".graphml", TIES_IMPORT_GRAPHML);
}
