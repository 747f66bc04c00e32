/*
 * inputs.c — the files of one CSV import: files as given, directories to
 * their *.csv files in name order, and what is not a regular file (a pipe,
 * a terminal) read once into a temporary copy.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csv_int.h"

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Copy what `path` (a pipe, a terminal, a socket) gives into a temporary
 * file, reading it once; the copy's name is malloc'ed into *out. */
static int spool(ties_db *db, const char *path, char **out, long long *size)
{
	const char *dir = getenv("TMPDIR");
	ties_buf tmpl = TIES_BUF_INIT;
	char buf[65536];
	int in, fd, rc = 0;
	ssize_t got;

	*out = NULL;
	*size = 0;
	if ((in = open(path, O_RDONLY)) < 0)
		return ties_db__seterr(db, TIES_EIO, "cannot open '%s': %s",
				       path, strerror(errno));
	ties_buf__printf(&tmpl, "%s/ties-spool-XXXXXX",
			 dir && *dir ? dir : "/tmp");
	if (tmpl.oom || (fd = mkstemp(tmpl.ptr)) < 0) {
		close(in);
		rc = ties_db__seterr(db, TIES_EIO,
				     "cannot copy '%s' to a temporary file: %s",
				     path, strerror(errno));
		ties_buf__release(&tmpl);
		return rc;
	}
	while ((got = read(in, buf, sizeof(buf))) > 0 || (got < 0 && errno == EINTR))
		if (got > 0 && write(fd, buf, (size_t)got) != got) {
			rc = ties_db__seterr(db, TIES_EIO,
					     "cannot copy '%s': %s", path,
					     strerror(errno));
			break;
		} else if (got > 0) {
			*size += got;
		}
	if (rc == 0 && got < 0)
		rc = ties_db__seterr(db, TIES_EIO, "cannot read '%s': %s", path,
				     strerror(errno));
	close(in);
	if (close(fd) != 0 && rc == 0)
		rc = ties_db__seterr(db, TIES_EIO, "cannot copy '%s': %s", path,
				     strerror(errno));
	if (rc < 0) {
		unlink(tmpl.ptr);
		ties_buf__release(&tmpl);
		return rc;
	}
	*out = ties_buf__detach(&tmpl);
	return 0;
}

static int add_input(ties_db *db, struct input **in, size_t *n, size_t *cap,
		     const char *path, long long size)
{
	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 8;
		struct input *g = realloc(*in, c * sizeof(*g));

		if (!g)
			return ties_db__seterr(db, TIES_ENOMEM,
					       "out of memory");
		*in = g;
		*cap = c;
	}
	(*in)[*n].path = strdup(path);
	(*in)[*n].spool = NULL;
	(*in)[*n].def = NULL;
	(*in)[*n].size = size;
	if (!(*in)[*n].path)
		return ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	(*n)++;
	return 0;
}

int ties_csv__inputs(ties_db *db, const char *const *paths, size_t npaths,
		     struct input **in, size_t *n)
{
	size_t i, cap = 0;
	int rc;

	*in = NULL;
	*n = 0;
	for (i = 0; i < npaths; i++) {
		struct stat sb;

		if (stat(paths[i], &sb) < 0)
			return ties_db__seterr(db, TIES_EIO,
					       "cannot open '%s': %s", paths[i],
					       strerror(errno));
		if (S_ISDIR(sb.st_mode)) {
			DIR *d = opendir(paths[i]);
			struct dirent *de;
			char **names = NULL;
			size_t nn = 0, j, before = *n;

			if (!d)
				return ties_db__seterr(
					db, TIES_EIO, "cannot open '%s': %s",
					paths[i], strerror(errno));
			while ((de = readdir(d))) {
				size_t len = strlen(de->d_name);
				char **g;

				if (len < 5 ||
				    strcasecmp(de->d_name + len - 4, ".csv"))
					continue;
				g = realloc(names, (nn + 1) * sizeof(*g));
				if (!g)
					break;
				names = g;
				names[nn] = strdup(de->d_name);
				if (names[nn])
					nn++;
			}
			closedir(d);
			if (nn)
				qsort(names, nn, sizeof(*names), cmp_str);
			rc = 0;
			for (j = 0; j < nn; j++) {
				ties_buf p = TIES_BUF_INIT;
				struct stat fs;

				ties_buf__printf(
					&p, "%s%s%s", paths[i],
					paths[i][strlen(paths[i]) - 1] == '/'
						? ""
						: "/",
					names[j]);
				if (rc == 0 &&
				    stat(ties_buf__str(&p), &fs) == 0 &&
				    S_ISREG(fs.st_mode))
					rc = add_input(db, in, n, &cap,
						       ties_buf__str(&p),
						       (long long)fs.st_size);
				ties_buf__release(&p);
				free(names[j]);
			}
			free(names);
			if (rc < 0)
				return rc;
			if (*n == before)
				return ties_db__seterr(
					db, TIES_EINVALID,
					"'%s' holds no .csv files", paths[i]);
		} else if ((rc = add_input(db, in, n, &cap, paths[i],
					   (long long)sb.st_size)) < 0) {
			return rc;
		} else if (!S_ISREG(sb.st_mode) &&
			   (rc = spool(db, paths[i], &(*in)[*n - 1].spool,
				       &(*in)[*n - 1].size)) < 0) {
			return rc;
		}
	}
	return 0;
}
