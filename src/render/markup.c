/*
 * markup.c — what the writers of src/render share: text escaped for XML
 * (GraphML, GEXF) and HTML (the report), and output files written whole or
 * not at all.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "render/render_int.h"

void ties_rd__escape(FILE *f, const char *s, int xml)
{
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		switch (c) {
		case '&':
			fputs("&amp;", f);
			break;
		case '<':
			fputs("&lt;", f);
			break;
		case '>':
			fputs("&gt;", f);
			break;
		case '"':
			fputs("&quot;", f);
			break;
		case '\'':
			fputs(xml ? "&apos;" : "&#39;", f);
			break;
		case '\n':
		case '\t':
		case '\r':
			if (xml)
				fprintf(f, "&#%d;", c);
			else
				fputc(c, f);
			break;
		default:
			if (c >= 0x20 || !xml)
				fputc(c, f);
		}
	}
}

int ties_rd__step(ties_db *db, int i, int n, const char *what)
{
	if (db->progress && db->progress(what, i, n, db->progress_payload))
		return ties_db__seterr(db, TIES_ERROR, "cancelled");
	return 0;
}

FILE *ties_rd__out_begin(ties_db *db, const char *path, char **tmp)
{
	mode_t mask = umask(0);
	FILE *f;
	int fd;

	umask(mask);
	*tmp = malloc(strlen(path) + 8);
	if (!*tmp) {
		ties_db__seterr(db, TIES_ENOMEM, "out of memory");
		return NULL;
	}
	sprintf(*tmp, "%s.XXXXXX", path);
	if ((fd = mkstemp(*tmp)) < 0) {
		ties_db__seterr(db, TIES_EIO, "cannot write '%s': %s", path,
				strerror(errno));
		free(*tmp);
		*tmp = NULL;
		return NULL;
	}
	fchmod(fd, 0666 & ~mask);
	if (!(f = fdopen(fd, "w"))) {
		ties_db__seterr(db, TIES_EIO, "cannot write '%s': %s", path,
				strerror(errno));
		close(fd);
		unlink(*tmp);
		free(*tmp);
		*tmp = NULL;
	}
	return f;
}

int ties_rd__out_end(ties_db *db, FILE *f, char *tmp, const char *path,
		     int rc)
{
	int err = 0;

	if (ferror(f))
		err = errno ? errno : EIO;
	if (fclose(f) != 0 && !err)
		err = errno;
	if (rc == 0 && err)
		rc = ties_db__seterr(db, TIES_EIO, "cannot write '%s': %s",
				     path, strerror(err));
	if (rc == 0 && rename(tmp, path) != 0)
		rc = ties_db__seterr(db, TIES_EIO, "cannot write '%s': %s",
				     path, strerror(errno));
	if (rc < 0)
		unlink(tmp);
	free(tmp);
	return rc;
}
