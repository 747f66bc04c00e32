/*
 * table.c — tables of typed cells and the writers every command shares:
 * aligned text for people, CSV (RFC 4180), TSV and JSON.
 *
 * Every cell keeps its text (numbers formatted once, when set), so writers
 * and ties_table_text() never format twice. User text is written intact in
 * CSV, TSV and JSON (each with its own quoting); the human table shows
 * control characters and bidirectional controls as escapes, so a name can
 * never break the layout or reorder a terminal line.
 */
#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <utf8proc.h>

#include "table_int.h"

ties_table *ties_table__new(size_t ncols, const char *const *names)
{
	ties_table *t = calloc(1, sizeof(*t));
	size_t i;

	if (!t)
		return NULL;
	t->ncols = ncols;
	t->names = calloc(ncols ? ncols : 1, sizeof(char *));
	if (!t->names) {
		free(t);
		return NULL;
	}
	for (i = 0; i < ncols; i++) {
		t->names[i] = strdup(names[i]);
		if (!t->names[i]) {
			ties_table_free(t);
			return NULL;
		}
	}
	return t;
}

void ties_table_free(ties_table *t)
{
	size_t i;

	if (!t)
		return;
	for (i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i].text);
	for (i = 0; i < t->ncols; i++)
		free(t->names[i]);
	free(t->names);
	free(t->cells);
	free(t);
}

int ties_table__add_row(ties_table *t)
{
	if (t->nrows == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 16;
		struct cell *c = realloc(t->cells, cap * t->ncols * sizeof(*c));

		if (!c) {
			t->oom = 1;
			return TIES_ENOMEM;
		}
		t->cells = c;
		t->cap = cap;
	}
	memset(&t->cells[t->nrows * t->ncols], 0,
	       t->ncols * sizeof(struct cell));
	t->nrows++;
	return 0;
}

static struct cell *last(ties_table *t, size_t col)
{
	assert(t->nrows > 0 && col < t->ncols);
	return &t->cells[(t->nrows - 1) * t->ncols + col];
}

static int set(ties_table *t, size_t col, enum ties_type type, const char *text)
{
	struct cell *c = last(t, col);

	free(c->text);
	c->type = type;
	c->text = NULL;
	if (text && !(c->text = strdup(text))) {
		t->oom = 1;
		c->type = TIES_NULL;
		return TIES_ENOMEM;
	}
	return 0;
}

int ties_table__set_text(ties_table *t, size_t col, const char *s)
{
	return set(t, col, s ? TIES_TEXT : TIES_NULL, s);
}

int ties_table__set_int(ties_table *t, size_t col, long long v)
{
	char b[32];

	snprintf(b, sizeof(b), "%lld", v);
	if (set(t, col, TIES_INT, b) < 0)
		return TIES_ENOMEM;
	last(t, col)->v.i = v;
	return 0;
}

int ties_table__set_real(ties_table *t, size_t col, double v)
{
	char b[64];

	if (isnan(v))
		return set(t, col, TIES_NULL, NULL);
	snprintf(b, sizeof(b), "%.6f", v);
	if (!strcmp(b, "-0.000000"))
		memmove(b, b + 1, strlen(b));
	if (set(t, col, TIES_REAL, b) < 0)
		return TIES_ENOMEM;
	last(t, col)->v.r = v;
	return 0;
}

int ties_table__add_stmt_row(ties_table *t, sqlite3_stmt *st)
{
	size_t i, n = (size_t)sqlite3_column_count(st);
	int rc = ties_table__add_row(t);

	for (i = 0; rc == 0 && i < t->ncols && i < n; i++) {
		switch (sqlite3_column_type(st, (int)i)) {
		case SQLITE_INTEGER:
			rc = ties_table__set_int(
				t, i, sqlite3_column_int64(st, (int)i));
			break;
		case SQLITE_FLOAT:
			rc = ties_table__set_real(
				t, i, sqlite3_column_double(st, (int)i));
			break;
		case SQLITE_NULL:
			rc = ties_table__set_text(t, i, NULL);
			break;
		default:
			rc = ties_table__set_text(
				t, i,
				(const char *)sqlite3_column_text(st, (int)i));
		}
	}
	return rc;
}

int ties_table__fill(ties_table *t, sqlite3_stmt *st)
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (ties_table__add_stmt_row(t, st) < 0)
			return TIES_ENOMEM;
	return rc == SQLITE_DONE ? 0 : TIES_EDB;
}

size_t ties_table_ncols(const ties_table *t)
{
	return t->ncols;
}

size_t ties_table_nrows(const ties_table *t)
{
	return t->nrows;
}

const char *ties_table_colname(const ties_table *t, size_t col)
{
	assert(col < t->ncols);
	return t->names[col];
}

const struct cell *ties_tb__cell(const ties_table *t, size_t r, size_t c)
{
	assert(r < t->nrows && c < t->ncols);
	return &t->cells[r * t->ncols + c];
}

enum ties_type ties_table_type(const ties_table *t, size_t r, size_t c)
{
	return ties_tb__cell(t, r, c)->type;
}

const char *ties_table_text(const ties_table *t, size_t r, size_t c)
{
	return ties_tb__cell(t, r, c)->text;
}

long long ties_table_int(const ties_table *t, size_t r, size_t c)
{
	const struct cell *x = ties_tb__cell(t, r, c);

	return x->type == TIES_INT    ? x->v.i
	       : x->type == TIES_REAL ? (long long)x->v.r
	       : x->text	      ? strtoll(x->text, NULL, 10)
				      : 0;
}

double ties_table_real(const ties_table *t, size_t r, size_t c)
{
	const struct cell *x = ties_tb__cell(t, r, c);

	return x->type == TIES_REAL  ? x->v.r
	       : x->type == TIES_INT ? (double)x->v.i
	       : x->text	     ? strtod(x->text, NULL)
				     : NAN;
}

int ties_format_parse(const char *name)
{
	static const char *const names[] = {"table", "csv", "tsv", "json"};
	int i;

	for (i = 0; i < 4; i++)
		if (!strcmp(name, names[i]))
			return i;
	return -1;
}

static int is_bidi_control(utf8proc_int32_t cp)
{
	return (cp >= 0x202a && cp <= 0x202e) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200e || cp == 0x200f ||
	       cp == 0x061c;
}

void ties_display__escape(ties_buf *out, const char *s)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;

	while (*p) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(p, -1, &cp);

		if (k <= 0) {
			ties_buf__printf(out, "\\x%02x", *p);
			p++;
			continue;
		}
		if (cp == '\n')
			ties_buf__puts(out, "\\n");
		else if (cp == '\r')
			ties_buf__puts(out, "\\r");
		else if (cp == '\t')
			ties_buf__puts(out, "\\t");
		else if (cp < 0x20 || cp == 0x7f)
			ties_buf__printf(out, "\\x%02x", (unsigned)cp);
		else if (is_bidi_control(cp))
			ties_buf__printf(out, "\\u{%04x}", (unsigned)cp);
		else
			ties_buf__add(out, (const char *)p, (size_t)k);
		p += k;
	}
}

size_t ties_display__width(const char *s)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	size_t w = 0;

	while (*p) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(p, -1, &cp);
		int cw;

		if (k <= 0) {
			w++;
			p++;
			continue;
		}
		cw = utf8proc_charwidth(cp);
		w += cw > 0 ? (size_t)cw : 0;
		p += k;
	}
	return w;
}

static int is_number(const struct cell *c)
{
	return c->type == TIES_INT || c->type == TIES_REAL;
}

static void pad(FILE *f, size_t n)
{
	while (n--)
		fputc(' ', f);
}

/* Aligned columns, indented by `indent` spaces. */
static void write_human(const ties_table *t, FILE *f, size_t indent)
{
	size_t *w = calloc(t->ncols ? t->ncols : 1, sizeof(*w));
	char **disp = calloc(t->nrows * t->ncols + 1, sizeof(char *));
	size_t r, c;

	if (!w || !disp) {
		free(w);
		free(disp);
		return;
	}
	for (c = 0; c < t->ncols; c++)
		w[c] = ties_display__width(t->names[c]);
	for (r = 0; r < t->nrows; r++)
		for (c = 0; c < t->ncols; c++) {
			const struct cell *x = ties_tb__cell(t, r, c);
			ties_buf b = TIES_BUF_INIT;
			size_t cw;

			if (x->text)
				ties_display__escape(&b, x->text);
			disp[r * t->ncols + c] = ties_buf__detach(&b);
			cw = ties_display__width(
				disp[r * t->ncols + c] ? disp[r * t->ncols + c]
						       : "");
			if (cw > w[c])
				w[c] = cw;
		}
	pad(f, indent);
	for (c = 0; c < t->ncols; c++) {
		fputs(t->names[c], f);
		if (c + 1 < t->ncols)
			pad(f, w[c] - ties_display__width(t->names[c]) + 2);
	}
	fputc('\n', f);
	for (r = 0; r < t->nrows; r++) {
		pad(f, indent);
		for (c = 0; c < t->ncols; c++) {
			const char *s = disp[r * t->ncols + c];
			size_t cw;

			s = s ? s : "";
			cw = ties_display__width(s);
			if (is_number(ties_tb__cell(t, r, c))) {
				pad(f, w[c] - cw);
				fputs(s, f);
			} else {
				fputs(s, f);
				if (c + 1 < t->ncols)
					pad(f, w[c] - cw);
			}
			if (c + 1 < t->ncols)
				fputs("  ", f);
		}
		fputc('\n', f);
	}
	for (r = 0; r < t->nrows * t->ncols; r++)
		free(disp[r]);
	free(disp);
	free(w);
}

static void csv_field(FILE *f, const char *s)
{
	if (!s)
		return;
	if (!strpbrk(s, ",\"\r\n") && *s != ' ' &&
	    (*s == '\0' || s[strlen(s) - 1] != ' ')) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

static void tsv_field(FILE *f, const char *s)
{
	if (!s)
		return;
	for (; *s; s++) {
		switch (*s) {
		case '\t':
			fputs("\\t", f);
			break;
		case '\n':
			fputs("\\n", f);
			break;
		case '\r':
			fputs("\\r", f);
			break;
		case '\\':
			fputs("\\\\", f);
			break;
		default:
			fputc(*s, f);
		}
	}
}

/* A text cell for a spreadsheet: one that begins with = + - @ (or a tab
 * or a carriage return before them) would be read as a formula; a ' before
 * it makes it text. */
static void csv_field_safe(FILE *f, const char *s)
{
	ties_buf b = TIES_BUF_INIT;

	if (!s || !strchr("=+-@\t\r", *s) || !*s) {
		csv_field(f, s);
		return;
	}
	ties_buf__putc(&b, '\'');
	ties_buf__puts(&b, s);
	csv_field(f, b.oom ? s : ties_buf__str(&b));
	ties_buf__release(&b);
}

/* CSV (mode 0), TSV (1), or CSV for a spreadsheet (2). */
static void write_sep(const ties_table *t, FILE *f, int mode)
{
	int tsv = mode == 1;
	size_t r, c;

	for (c = 0; c < t->ncols; c++) {
		if (c)
			fputc(tsv ? '\t' : ',', f);
		(tsv ? tsv_field : csv_field)(f, t->names[c]);
	}
	fputs(tsv ? "\n" : "\r\n", f);
	for (r = 0; r < t->nrows; r++) {
		for (c = 0; c < t->ncols; c++) {
			const struct cell *x = ties_tb__cell(t, r, c);

			if (c)
				fputc(tsv ? '\t' : ',', f);
			if (tsv)
				tsv_field(f, x->text);
			else if (mode == 2 && x->type == TIES_TEXT)
				csv_field_safe(f, x->text);
			else
				csv_field(f, x->text);
		}
		fputs(tsv ? "\n" : "\r\n", f);
	}
}

static json_t *cell_json(const struct cell *x)
{
	switch (x->type) {
	case TIES_INT:
		return json_integer(x->v.i);
	case TIES_REAL:
		return isfinite(x->v.r) ? json_real(x->v.r) : json_null();
	case TIES_TEXT:
		return json_string(x->text);
	default:
		return json_null();
	}
}

json_t *ties_table__json(const ties_table *t)
{
	json_t *arr = json_array();
	size_t r, c;

	if (!arr)
		return NULL;
	for (r = 0; r < t->nrows; r++) {
		json_t *o = json_object();

		if (!o || json_array_append_new(arr, o) < 0) {
			json_decref(arr);
			return NULL;
		}
		for (c = 0; c < t->ncols; c++)
			if (json_object_set_new(
				    o, t->names[c],
				    cell_json(ties_tb__cell(t, r, c))) < 0) {
				json_decref(arr);
				return NULL;
			}
	}
	return arr;
}

#define JSON_FLAGS                                                             \
	(JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15))

int ties_tb__json_dump_checked(json_t *v, FILE *f)
{
	int rc;

	if (!v)
		return TIES_ENOMEM;
	rc = json_dumpf(v, f, JSON_FLAGS);
	fputc('\n', f);
	return rc < 0 ? TIES_EIO : 0;
}

int ties_table_write(const ties_table *t, FILE *f, enum ties_format fmt)
{
	json_t *j;
	int rc = 0;

	assert(t && f);
	if (t->oom)
		return TIES_ENOMEM;
	switch (fmt) {
	case TIES_FORMAT_TABLE:
		write_human(t, f, 0);
		break;
	case TIES_FORMAT_CSV:
		write_sep(t, f, 0);
		break;
	case TIES_FORMAT_TSV:
		write_sep(t, f, 1);
		break;
	case TIES_FORMAT_CSV_EXCEL:
		write_sep(t, f, 2);
		break;
	case TIES_FORMAT_JSON:
		j = ties_table__json(t);
		rc = ties_tb__json_dump_checked(j, f);
		json_decref(j);
		break;
	default:
		return TIES_EINVALID;
	}
	if (rc == 0 && ferror(f))
		rc = TIES_EIO;
	return rc;
}
