/* Fuzz harness: the CSV importer. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_import(data, size, ".csv", TIES_IMPORT_CSV);
}
