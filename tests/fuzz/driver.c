/*
 * driver.c — runs a fuzz harness over files without libFuzzer: how `make
 * test` replays the corpus and the crashes kept as regressions.
 *
 *   fuzz_csv FILE|DIR...     exit 0 when every input ran
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static long run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf;
	long n;

	if (!f)
		return 0;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = malloc((size_t)n + 1);
	if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
		fclose(f);
		free(buf);
		return 0;
	}
	fclose(f);
	LLVMFuzzerTestOneInput(buf, (size_t)n);
	free(buf);
	return 1;
}

int main(int argc, char **argv)
{
	long count = 0;
	int i;

	for (i = 1; i < argc; i++) {
		struct stat sb;

		if (stat(argv[i], &sb) < 0)
			continue;
		if (S_ISDIR(sb.st_mode)) {
			DIR *d = opendir(argv[i]);
			struct dirent *de;

			while (d && (de = readdir(d))) {
				char p[4096];

				if (de->d_name[0] == '.')
					continue;
				snprintf(p, sizeof(p), "%s/%s", argv[i],
					 de->d_name);
				count += run_file(p);
			}
			if (d)
				closedir(d);
		} else {
			count += run_file(argv[i]);
		}
	}
	printf("%ld inputs\n", count);
	return 0;
}
