/*
 * file.c — files: a whole file read into memory, and beside the database
 * the temporary files of writers that died removed.
 */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ties_int.h"

void ties_file__sweep(const char *path, const char *infix)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? strndup(path, (size_t)(slash - path)) : strdup(".");
	const char *base = slash ? slash + 1 : path;
	size_t blen = strlen(base), ilen = strlen(infix);
	struct dirent *de;
	DIR *d;

	if (!dir || !(d = opendir(*dir ? dir : "/"))) {
		free(dir);
		return;
	}
	while ((de = readdir(d))) {
		const char *p = de->d_name + blen + ilen;
		char *end, *full;
		long pid;

		if (strncmp(de->d_name, base, blen) ||
		    strncmp(de->d_name + blen, infix, ilen))
			continue;
		pid = strtol(p, &end, 10);
		if (end == p || (*end && *end != '.') || pid <= 0 ||
		    kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;
		if ((full = malloc(strlen(dir) + strlen(de->d_name) + 2))) {
			sprintf(full, "%s/%s", *dir ? dir : "", de->d_name);
			unlink(full);
			free(full);
		}
	}
	closedir(d);
	free(dir);
}

int ties_file__read(const char *path, char **out, size_t *len)
{
	FILE *f = fopen(path, "rb");
	ties_buf b = TIES_BUF_INIT;
	char chunk[8192];
	size_t n;

	*out = NULL;
	if (!f)
		return -1;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		ties_buf__add(&b, chunk, n);
	if (ferror(f) || b.oom) {
		int e = ferror(f) ? errno : ENOMEM;

		fclose(f);
		ties_buf__release(&b);
		errno = e;
		return -1;
	}
	fclose(f);
	*len = b.len;
	*out = b.ptr ? ties_buf__detach(&b) : strdup("");
	return *out ? 0 : -1;
}
