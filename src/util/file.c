/*
 * file.c — files beside the database: the temporary files of writers that
 * died are removed.
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
