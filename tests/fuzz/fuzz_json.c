/* Fuzz harness: the JSON importer. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_import(data, size, ".json", TIES_IMPORT_JSON);
}
