/*
 * report.c — tables of typed cells and the writers every command shares:
 * aligned text for people, CSV (RFC 4180), TSV and JSON; and entity cards.
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

#include "ties_int.h"

struct cell {
	enum ties_type type;
	union {
		long long i;
		double r;
	} v;
	char *text;
};

struct ties_table {
	size_t ncols, nrows, cap;
	char **names;
	struct cell *cells; /* nrows * ncols */
	int oom;
};

/* ------------------------------------------------------------ tables --- */

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

static const struct cell *cell(const ties_table *t, size_t r, size_t c)
{
	assert(r < t->nrows && c < t->ncols);
	return &t->cells[r * t->ncols + c];
}

enum ties_type ties_table_type(const ties_table *t, size_t r, size_t c)
{
	return cell(t, r, c)->type;
}

const char *ties_table_text(const ties_table *t, size_t r, size_t c)
{
	return cell(t, r, c)->text;
}

long long ties_table_int(const ties_table *t, size_t r, size_t c)
{
	const struct cell *x = cell(t, r, c);

	return x->type == TIES_INT    ? x->v.i
	       : x->type == TIES_REAL ? (long long)x->v.r
	       : x->text	      ? strtoll(x->text, NULL, 10)
				      : 0;
}

double ties_table_real(const ties_table *t, size_t r, size_t c)
{
	const struct cell *x = cell(t, r, c);

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

/* ---------------------------------------------------- display escapes --- */

static int is_bidi_control(utf8proc_int32_t cp)
{
	return (cp >= 0x202a && cp <= 0x202e) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200e || cp == 0x200f ||
	       cp == 0x061c;
}

void ties_report__escape_display(ties_buf *out, const char *s)
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

size_t ties_report__width(const char *s)
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

/* ----------------------------------------------------------- writers --- */

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
		w[c] = ties_report__width(t->names[c]);
	for (r = 0; r < t->nrows; r++)
		for (c = 0; c < t->ncols; c++) {
			const struct cell *x = cell(t, r, c);
			ties_buf b = TIES_BUF_INIT;
			size_t cw;

			if (x->text)
				ties_report__escape_display(&b, x->text);
			disp[r * t->ncols + c] = ties_buf__detach(&b);
			cw = ties_report__width(disp[r * t->ncols + c]
							? disp[r * t->ncols + c]
							: "");
			if (cw > w[c])
				w[c] = cw;
		}
	pad(f, indent);
	for (c = 0; c < t->ncols; c++) {
		fputs(t->names[c], f);
		if (c + 1 < t->ncols)
			pad(f, w[c] - ties_report__width(t->names[c]) + 2);
	}
	fputc('\n', f);
	for (r = 0; r < t->nrows; r++) {
		pad(f, indent);
		for (c = 0; c < t->ncols; c++) {
			const char *s = disp[r * t->ncols + c];
			size_t cw;

			s = s ? s : "";
			cw = ties_report__width(s);
			if (is_number(cell(t, r, c))) {
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

static void write_sep(const ties_table *t, FILE *f, int tsv)
{
	size_t r, c;

	for (c = 0; c < t->ncols; c++) {
		if (c)
			fputc(tsv ? '\t' : ',', f);
		(tsv ? tsv_field : csv_field)(f, t->names[c]);
	}
	fputs(tsv ? "\n" : "\r\n", f);
	for (r = 0; r < t->nrows; r++) {
		for (c = 0; c < t->ncols; c++) {
			if (c)
				fputc(tsv ? '\t' : ',', f);
			(tsv ? tsv_field : csv_field)(f, cell(t, r, c)->text);
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
			if (json_object_set_new(o, t->names[c],
						cell_json(cell(t, r, c))) < 0) {
				json_decref(arr);
				return NULL;
			}
	}
	return arr;
}

/* Pretty JSON with keys in column order; reals with 15 significant
 * digits, which every double survives to 1e-15 relative and which reads
 * better than 17. */
#define JSON_FLAGS                                                             \
	(JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15))

static int json_dump_checked(json_t *v, FILE *f)
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
	case TIES_FORMAT_JSON:
		j = ties_table__json(t);
		rc = json_dump_checked(j, f);
		json_decref(j);
		break;
	default:
		return TIES_EINVALID;
	}
	if (rc == 0 && ferror(f))
		rc = TIES_EIO;
	return rc;
}

/* ------------------------------------------------------------- cards --- */

/* The card is defined in store_query.c; its layout is shared here. */
#include "util/card.h"

static void human_field(FILE *f, const char *label, const char *value)
{
	ties_buf b = TIES_BUF_INIT;

	if (!value)
		return;
	ties_report__escape_display(&b, value);
	fprintf(f, "  %-10s %s\n", label, ties_buf__str(&b));
	ties_buf__release(&b);
}

/* Text of a cell by column name; NULL when absent or empty. */
static const char *get(const ties_table *t, size_t r, const char *name)
{
	size_t c;

	for (c = 0; c < t->ncols; c++)
		if (!strcmp(t->names[c], name)) {
			const char *s = cell(t, r, c)->text;

			return s && *s ? s : NULL;
		}
	return NULL;
}

/* Append " · label: value" (or the value alone when label is NULL). */
static void detail(ties_buf *b, const char *label, const char *value)
{
	if (!value)
		return;
	if (b->len)
		ties_buf__puts(b, " · ");
	if (label)
		ties_buf__printf(b, "%s: ", label);
	ties_buf__puts(b, value);
}

void ties_report__escape_display_line(FILE *f, ties_buf *b,
				      const char *indent)
{
	ties_buf e = TIES_BUF_INIT;

	if (!b->len)
		return;
	ties_report__escape_display(&e, ties_buf__str(b));
	fprintf(f, "%s%s\n", indent, ties_buf__str(&e));
	ties_buf__release(&e);
	ties_buf__clear(b);
}

static void write_card_human(const ties_card *c, FILE *f)
{
	const ties_table *t;
	ties_buf b = TIES_BUF_INIT;
	size_t i;

	ties_buf__puts(&b, c->name);
	ties_report__escape_display_line(f, &b, "");
	human_field(f, "id", c->id);
	human_field(f, "kind", c->kind);
	if (c->country) {
		ties_buf__printf(&b, "%s (%s)", c->country,
				 c->country_name ? c->country_name : "");
		human_field(f, "country", ties_buf__str(&b));
		ties_buf__clear(&b);
	}
	if (c->aliases->nrows) {
		for (i = 0; i < c->aliases->nrows; i++) {
			if (i)
				ties_buf__puts(&b, " | ");
			ties_buf__puts(&b, ties_table_text(c->aliases, i, 0));
		}
		human_field(f, "aliases", ties_buf__str(&b));
		ties_buf__clear(&b);
	}
	for (i = 0; i < c->attributes->nrows; i++)
		human_field(f, ties_table_text(c->attributes, i, 0),
			    ties_table_text(c->attributes, i, 1));

	t = c->sections[CARD_RELATIONS];
	if (t->nrows)
		fprintf(f, "\nrelations (%zu)\n", t->nrows);
	for (i = 0; i < t->nrows; i++) {
		int out = !strcmp(get(t, i, "direction"), "out");
		const char *start = get(t, i, "start"), *end = get(t, i, "end");

		ties_buf__printf(&b, "%s %s %s (%s)", get(t, i, "kind"),
				 out ? "→" : "←", get(t, i, "other"),
				 get(t, i, "other_name"));
		ties_report__escape_display_line(f, &b, "  ");
		detail(&b, "role", get(t, i, "role"));
		if (start || end) {
			ties_buf d = TIES_BUF_INIT;

			ties_buf__printf(&d, "%s – %s", start ? start : "…",
					 end ? end : "…");
			detail(&b, "dates", ties_buf__str(&d));
			ties_buf__release(&d);
		}
		detail(&b, "source", get(t, i, "source"));
		ties_report__escape_display_line(f, &b, "      ");
	}

	t = c->sections[CARD_EVENTS];
	if (t->nrows)
		fprintf(f, "\nevents (%zu)\n", t->nrows);
	for (i = 0; i < t->nrows; i++) {
		const char *date = get(t, i, "date");

		ties_buf__printf(&b, "%s  %s  %s [%s]", date ? date : "????",
				 get(t, i, "kind"),
				 get(t, i, "title") ? get(t, i, "title") : "",
				 get(t, i, "event"));
		ties_report__escape_display_line(f, &b, "  ");
		detail(&b, "role", get(t, i, "role"));
		detail(&b, "at", get(t, i, "place"));
		detail(&b, "source", get(t, i, "source"));
		ties_report__escape_display_line(f, &b, "      ");
		detail(&b, "with", get(t, i, "with"));
		ties_report__escape_display_line(f, &b, "      ");
	}

	t = c->sections[CARD_SOURCES];
	if (t->nrows)
		fprintf(f, "\nsources (%zu)\n", t->nrows);
	for (i = 0; i < t->nrows; i++) {
		ties_buf__printf(&b, "[%s] %s", get(t, i, "id"),
				 get(t, i, "title") ? get(t, i, "title") : "");
		ties_report__escape_display_line(f, &b, "  ");
		detail(&b, NULL, get(t, i, "publisher"));
		detail(&b, NULL, get(t, i, "date"));
		detail(&b, NULL, get(t, i, "url"));
		ties_report__escape_display_line(f, &b, "      ");
	}
	ties_buf__release(&b);
}

static json_t *card_json(const ties_card *c)
{
	json_t *o = json_object(), *attrs = json_object(),
	       *aliases = json_array();
	size_t i;

	if (!o || !attrs || !aliases)
		goto oom;
	json_object_set_new(o, "id", json_string(c->id));
	json_object_set_new(o, "kind", json_string(c->kind));
	json_object_set_new(o, "name", json_string(c->name));
	json_object_set_new(o, "country",
			    c->country ? json_string(c->country) : json_null());
	json_object_set_new(o, "country_name",
			    c->country_name ? json_string(c->country_name)
					    : json_null());
	for (i = 0; i < c->aliases->nrows; i++)
		json_array_append_new(aliases, json_string(ties_table_text(
						       c->aliases, i, 0)));
	json_object_set_new(o, "aliases", aliases);
	aliases = NULL;
	for (i = 0; i < c->attributes->nrows; i++)
		json_object_set_new(
			attrs, ties_table_text(c->attributes, i, 0),
			json_string(ties_table_text(c->attributes, i, 1)));
	json_object_set_new(o, "attributes", attrs);
	attrs = NULL;
	for (i = 0; i < CARD_NSECTIONS; i++)
		json_object_set_new(o, card_section_names[i],
				    ties_table__json(c->sections[i]));
	return o;
oom:
	json_decref(o);
	json_decref(attrs);
	json_decref(aliases);
	return NULL;
}

int ties_card_write(const ties_card *c, FILE *f, enum ties_format fmt)
{
	ties_card *const one[1] = {(ties_card *)c};

	return ties_cards_write(one, 1, f, fmt);
}

int ties_cards_write(ties_card *const *cards, size_t n, FILE *f,
		     enum ties_format fmt)
{
	size_t i;
	int rc = 0;

	if (fmt == TIES_FORMAT_JSON) {
		json_t *arr = json_array();

		for (i = 0; arr && i < n; i++)
			if (json_array_append_new(arr, card_json(cards[i])) <
			    0) {
				json_decref(arr);
				arr = NULL;
			}
		rc = json_dump_checked(arr, f);
		json_decref(arr);
	} else if (fmt == TIES_FORMAT_TABLE) {
		for (i = 0; i < n; i++) {
			if (i)
				fputc('\n', f);
			write_card_human(cards[i], f);
		}
	} else {
		return TIES_EINVALID;
	}
	if (rc == 0 && ferror(f))
		rc = TIES_EIO;
	return rc;
}
