/*
 * csv_reader.c — CSV files read a line at a time and fed to libcsv, so
 * every record knows the line it starts on (its end line less the newlines
 * inside its quoted fields) and memory stays bounded by the longest record.
 * Each line is checked for NUL bytes and invalid UTF-8 before parsing.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "csv_int.h"

struct reader {
	ties_db *db;
	const char *path;
	ties_buf data; /* the fields of the record, NUL-separated */
	size_t *offs;  /* offsets of the fields in data */
	size_t nfields, cap;
	long line;     /* line being fed */
	long newlines; /* newlines inside the record's fields */
	char **argv;
	row_fn fn;
	void *ctx;
	int stop;	 /* return code that stopped the parse */
	long long bytes; /* bytes read so far */
};

static void on_field(void *s, size_t len, void *data)
{
	struct reader *r = data;
	size_t i;

	if (r->stop)
		return;
	if (r->nfields == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 16;
		size_t *o = realloc(r->offs, cap * sizeof(*o));

		if (!o) {
			r->stop = ties_db__seterr(r->db, TIES_ENOMEM,
						  "out of memory");
			return;
		}
		r->offs = o;
		r->cap = cap;
	}
	r->offs[r->nfields++] = r->data.len;
	ties_buf__add(&r->data, s ? s : "", s ? len : 0);
	ties_buf__add(&r->data, "", 1);
	for (i = 0; s && i < len; i++)
		if (((const char *)s)[i] == '\n')
			r->newlines++;
}

static void on_row(int c, void *data)
{
	struct reader *r = data;
	char **argv;
	size_t i;
	int rc;

	(void)c;
	if (r->stop)
		return;
	if (r->data.oom) {
		r->stop = ties_db__seterr(r->db, TIES_ENOMEM, "out of memory");
		return;
	}
	argv = realloc(r->argv, (r->nfields + 1) * sizeof(*argv));
	if (!argv) {
		r->stop = ties_db__seterr(r->db, TIES_ENOMEM, "out of memory");
		return;
	}
	r->argv = argv;
	for (i = 0; i < r->nfields; i++)
		argv[i] = r->data.ptr + r->offs[i];
	argv[r->nfields] = NULL;
	rc = r->fn(argv, r->nfields, r->line - r->newlines, r->ctx);
	if (rc != 0)
		r->stop = rc;
	r->nfields = 0;
	r->newlines = 0;
	ties_buf__clear(&r->data);
}

static const char *csv_problem(struct csv_parser *p)
{
	switch (csv_error(p)) {
	case CSV_EPARSE:
		return "malformed field: a quote inside an unquoted field, or "
		       "text after a closing quote";
	case CSV_ENOMEM:
		return "out of memory";
	case CSV_ETOOBIG:
		return "field too large";
	default:
		return "malformed CSV";
	}
}

/*
 * Read `path` record by record. Returns 0, 1 when fn stopped quietly, or a
 * negative code with the message "name:line: problem" set (name: what the
 * user gave, when path is a copy of it).
 */
int ties_csv__read(ties_db *db, const char *path, const char *name,
		   row_fn fn, void *ctx, long long *bytes)
{
	struct csv_parser p;
	struct reader r;
	FILE *f;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int rc = 0, started = 0;

	memset(&r, 0, sizeof(r));
	r.db = db;
	r.path = name;
	r.fn = fn;
	r.ctx = ctx;
	if (!(f = fopen(path, "rb")))
		return ties_db__seterr(db, TIES_EIO, "cannot open '%s': %s",
				       name, strerror(errno));
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		fclose(f);
		return ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	}
	/* libcsv grows a field's buffer by this much at a time (128 bytes by
	 * default): a 10 MB field would be 80,000 reallocations. */
	csv_set_blk_size(&p, 64 * 1024);
	while ((n = getline(&line, &cap, f)) > 0) {
		char *s = line;
		size_t len = (size_t)n, bad;

		r.line++;
		r.bytes += n;
		if (!started) {
			started = 1;
			if (len >= 3 && !memcmp(s, "\xef\xbb\xbf", 3)) {
				s += 3;
				len -= 3;
			}
		}
		if (memchr(s, '\0', len)) {
			rc = ties_db__seterr(db, TIES_EINVALID,
					     "%s:%ld: NUL byte in the text",
					     name, r.line);
			goto done;
		}
		if ((bad = ties_utf8__invalid(s, len))) {
			rc = ties_db__seterr(
				db, TIES_EINVALID,
				"%s:%ld: invalid UTF-8 at byte %zu "
				"of the line",
				name, r.line, bad);
			goto done;
		}
		if (csv_parse(&p, s, len, on_field, on_row, &r) != len &&
		    !r.stop) {
			rc = ties_db__seterr(db, TIES_EINVALID, "%s:%ld: %s",
					     name, r.line, csv_problem(&p));
			goto done;
		}
		if (r.stop)
			break;
	}
	if (ferror(f)) {
		rc = ties_db__seterr(db, TIES_EIO, "%s:%ld: read error: %s",
				     name, r.line, strerror(errno));
		goto done;
	}
	if (!r.stop && csv_fini(&p, on_field, on_row, &r) != 0) {
		rc = ties_db__seterr(db, TIES_EINVALID,
				     "%s:%ld: unterminated quoted field at the "
				     "end of the file",
				     name, r.line);
		goto done;
	}
	if (r.stop < 0)
		rc = r.stop;
	else if (r.stop > 0)
		rc = 1;
done:
	if (bytes)
		*bytes = r.bytes;
	csv_free(&p);
	free(line);
	free(r.offs);
	free(r.argv);
	ties_buf__release(&r.data);
	fclose(f);
	return rc;
}
