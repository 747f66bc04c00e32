/*
 * between.c — ties between, countries and timeline: the events and
 * relations linking two countries, institutions or people, the ties
 * between countries, and events per year.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "explore_int.h"

static int on_between(void *ctx, const ties_evidence *ev)
{
	struct between_ctx *c = ctx;
	ties_table *t = c->t;
	ties_buf cit = TIES_BUF_INIT, title = TIES_BUF_INIT;
	int event = !strcmp(ev->type, "event"), rc = 0;

	if (event ? !ties_filter__event_ok(c->f, ev->kind, ev->date)
		  : !ties_filter__relation_ok(c->f, ev->kind, ev->date,
					      ev->end))
		return 0;
	ties_ex__cite(&cit, ev);
	if (event) {
		ties_buf__puts(&title, ties_ex__or_empty(ev->title));
	} else {
		ties_buf__puts(&title, ties_ex__or_empty(ev->role));
		if (ev->end && *ev->end)
			ties_buf__printf(&title, "%suntil %s",
					 title.len ? ", " : "", ev->end);
	}
	/* The citation without its brackets. */
	if (cit.len > 2 && cit.ptr[1] == '(') {
		memmove(cit.ptr, cit.ptr + 2, cit.len - 2);
		cit.len -= 3;
		cit.ptr[cit.len] = '\0';
	}
	if (ties_table__add_row(t) < 0 ||
	    ties_table__set_text(t, 0, ev->type) < 0 ||
	    ties_table__set_text(t, 1, ev->date) < 0 ||
	    ties_table__set_text(t, 2, ev->kind) < 0 ||
	    ties_table__set_text(t, 3, ev->id) < 0 ||
	    ties_table__set_text(
		    t, 4, title.len ? ties_buf__str(&title) : NULL) < 0 ||
	    ties_table__set_text(t, 5, ev->place) < 0 ||
	    ties_table__set_text(t, 6, ev->a_role) < 0 ||
	    ties_table__set_text(t, 7, ev->b_role) < 0 ||
	    ties_table__set_text(t, 8, ev->source_id) < 0 ||
	    ties_table__set_text(t, 9, cit.len ? ties_buf__str(&cit) : NULL) <
		    0)
		rc = ties_db__seterr(c->db, TIES_ENOMEM, "out of memory");
	ties_buf__release(&cit);
	ties_buf__release(&title);
	return rc;
}

/* Counts per year of a table with `date` in column dcol and `type` in
 * column tcol (NULL column: every row an event). */
static int per_year(ties_db *db, const ties_table *t, size_t dcol, long tcol,
		    ties_table **out)
{
	static const char *const cols[] = {"year", "events", "relations"};
	long lo = 99999, hi = -1, y, *ev = NULL, *rel = NULL;
	size_t r;
	ties_table *yt = ties_table__new(3, cols);

	*out = NULL;
	if (!yt)
		return ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	for (r = 0; r < ties_table_nrows(t); r++) {
		const char *d = ties_table_text(t, r, dcol);

		if (!d)
			continue;
		y = strtol(d, NULL, 10);
		lo = y < lo ? y : lo;
		hi = y > hi ? y : hi;
	}
	if (hi >= lo) {
		ev = calloc((size_t)(hi - lo + 1), sizeof(*ev));
		rel = calloc((size_t)(hi - lo + 1), sizeof(*rel));
		if (!ev || !rel) {
			free(ev);
			free(rel);
			ties_table_free(yt);
			return ties_db__seterr(db, TIES_ENOMEM,
					       "out of memory");
		}
		for (r = 0; r < ties_table_nrows(t); r++) {
			const char *d = ties_table_text(t, r, dcol);
			int is_rel =
				tcol >= 0 &&
				!strcmp(ties_table_text(t, r, (size_t)tcol),
					"relation");

			if (!d)
				continue;
			y = strtol(d, NULL, 10) - lo;
			(is_rel ? rel : ev)[y]++;
		}
		for (y = lo; y <= hi; y++)
			if (ties_table__add_row(yt) < 0 ||
			    ties_table__set_int(yt, 0, y) < 0 ||
			    ties_table__set_int(yt, 1, ev[y - lo]) < 0 ||
			    ties_table__set_int(yt, 2, rel[y - lo]) < 0) {
				free(ev);
				free(rel);
				ties_table_free(yt);
				return ties_db__seterr(db, TIES_ENOMEM,
						       "out of memory");
			}
	}
	free(ev);
	free(rel);
	*out = yt;
	return 0;
}

int ties_between(ties_db *db, ties_table **out, ties_table **years,
		 const char *x, const char *y, const ties_filter *filter)
{
	static const char *const cols[] = {
		"type",	 "date",   "kind",   "id",     "title",
		"place", "x_side", "y_side", "source", "cite"};
	static const ties_filter none;
	struct between_ctx c;
	sqlite3_int64 rx, ry;
	int rc;

	assert(db && out && x && y);
	*out = NULL;
	if (years)
		*years = NULL;
	if ((rc = ties_store__resolve(db, x, &rx)) < 0 ||
	    (rc = ties_store__resolve(db, y, &ry)) < 0)
		return rc;
	if (rx == ry)
		return ties_db__seterr(db, TIES_EINVALID,
				       "'%s' and '%s' are the same entity", x,
				       y);
	memset(&c, 0, sizeof(c));
	c.db = db;
	c.f = filter ? filter : &none;
	if ((filter && filter->from &&
	     ties_check__date(db, "--from date", filter->from) < 0) ||
	    (filter && filter->to &&
	     ties_check__date(db, "--to date", filter->to) < 0))
		return TIES_EINVALID;
	if (!(c.t = ties_table__new(10, cols)))
		return ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	if ((rc = ties_store__between(db, rx, ry, on_between, &c)) != 0) {
		ties_table_free(c.t);
		return rc < 0 ? rc : TIES_ERROR;
	}
	if (years && (rc = per_year(db, c.t, 1, 0, years)) < 0) {
		ties_table_free(c.t);
		return rc;
	}
	*out = c.t;
	return 0;
}

/* The graph whose ties cmp_country_ties orders (one sort at a time). */
static const ties_graph *sort_graph;

/* Strongest first, then by the names of the two ends, then by tie. */
static int cmp_country_ties(const void *x, const void *y)
{
	const ties_graph *g = sort_graph;
	size_t p = *(const size_t *)x, q = *(const size_t *)y;
	int c;

	if (g->ew[p] != g->ew[q])
		return g->ew[p] > g->ew[q] ? -1 : 1;
	if ((c = strcmp(g->nodes[g->ea[p]].name, g->nodes[g->ea[q]].name)))
		return c;
	if ((c = strcmp(g->nodes[g->eb[p]].name, g->nodes[g->eb[q]].name)))
		return c;
	return p < q ? -1 : p > q;
}

int ties_countries(ties_db *db, ties_table **out, const ties_graph *g,
		   int matrix)
{
	static const char *const cols[] = {"country_a", "country_b", "weight",
					   "events",	"first",     "last"};
	ties_table *t = NULL;
	size_t *order = NULL, i, j, e;
	double *m = NULL;
	int rc = 0;

	assert(db && out && g);
	*out = NULL;
	if (g->projection != TIES_GRAPH_COUNTRY)
		return ties_db__seterr(db, TIES_EINVALID,
				       "country ties need the country graph");
	if (!matrix) {
		if (!(order = malloc((g->m + 1) * sizeof(*order))) ||
		    !(t = ties_table__new(6, cols))) {
			rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
			goto done;
		}
		for (e = 0; e < g->m; e++)
			order[e] = e;
		/* Strongest first, then by the names. */
		sort_graph = g;
		qsort(order, g->m, sizeof(*order), cmp_country_ties);
		for (i = 0; i < g->m; i++) {
			size_t x = order[i];
			const char *a = g->nodes[g->ea[x]].name;
			const char *b = g->nodes[g->eb[x]].name;

			/* The pair in name order (an arc: from, to). */
			if (!g->directed && strcmp(a, b) > 0) {
				const char *s = a;
				a = b;
				b = s;
			}
			if (ties_table__add_row(t) < 0 ||
			    ties_table__set_text(t, 0, a) < 0 ||
			    ties_table__set_text(t, 1, b) < 0 ||
			    ties_table__set_real(t, 2, g->ew[x]) < 0 ||
			    ties_table__set_int(t, 3, g->events[x]) < 0 ||
			    ties_table__set_text(t, 4,
						 *g->first[x] ? g->first[x]
							      : NULL) < 0 ||
			    ties_table__set_text(t, 5,
						 *g->last[x] ? g->last[x]
							     : NULL) < 0) {
				rc = ties_db__seterr(db, TIES_ENOMEM,
						     "out of memory");
				goto done;
			}
		}
	} else {
		const char **names = malloc((g->n + 1) * sizeof(*names));
		size_t n = g->n;

		m = calloc(n * n + 1, sizeof(*m));
		if (!names || !m) {
			free(names);
			rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
			goto done;
		}
		names[0] = "country";
		for (i = 0; i < n; i++)
			names[i + 1] = g->nodes[i].id;
		t = ties_table__new(n + 1, names);
		free(names);
		if (!t) {
			rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
			goto done;
		}
		/* Rows from, columns to (symmetric unless directed). */
		for (e = 0; e < g->m; e++) {
			m[g->ea[e] * n + g->eb[e]] = g->ew[e];
			if (!g->directed)
				m[g->eb[e] * n + g->ea[e]] = g->ew[e];
		}
		for (i = 0; i < n; i++) {
			if (ties_table__add_row(t) < 0 ||
			    ties_table__set_text(t, 0, g->nodes[i].name) < 0) {
				rc = ties_db__seterr(db, TIES_ENOMEM,
						     "out of memory");
				goto done;
			}
			for (j = 0; j < n; j++)
				if (ties_table__set_real(t, j + 1,
							 m[i * n + j]) < 0) {
					rc = ties_db__seterr(db, TIES_ENOMEM,
							     "out of memory");
					goto done;
				}
		}
	}
	*out = t;
	t = NULL;
done:
	ties_table_free(t);
	free(order);
	free(m);
	return rc;
}

static int on_timeline_event(void *ctx, const ties_evidence *ev)
{
	struct timeline_ctx *c = ctx;

	if (strcmp(ev->type, "event") ||
	    !ties_filter__event_ok(c->f, ev->kind, ev->date))
		return 0;
	if (ties_table__add_row(c->t) < 0 ||
	    ties_table__set_text(c->t, 0, ev->type) < 0 ||
	    ties_table__set_text(c->t, 1, ev->date) < 0)
		return ties_db__seterr(c->db, TIES_ENOMEM, "out of memory");
	return 0;
}

int ties_timeline(ties_db *db, ties_table **out, const char *ref,
		  const char *ref2, const ties_filter *filter,
		  const char **spark)
{
	static const char *const cols[] = {"type", "date"};
	static const char *const tcols[] = {"year", "events", "bar"};
	static const char *const ticks[] = {"▁", "▂", "▃", "▄",
					    "▅", "▆", "▇", "█"};
	static const ties_filter none;
	struct timeline_ctx c;
	sqlite3_int64 rx, ry = 0;
	ties_table *years = NULL, *t = NULL;
	long max = 0;
	size_t r;
	int rc;

	assert(db && out && ref);
	*out = NULL;
	if (spark)
		*spark = NULL;
	if ((rc = ties_store__resolve(db, ref, &rx)) < 0 ||
	    (ref2 && (rc = ties_store__resolve(db, ref2, &ry)) < 0))
		return rc;
	memset(&c, 0, sizeof(c));
	c.db = db;
	c.f = filter ? filter : &none;
	if (!(c.t = ties_table__new(2, cols)))
		return ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	rc = ref2 ? ties_store__between(db, rx, ry, on_timeline_event, &c)
		  : ties_store__entity_events(db, rx, on_timeline_event, &c);
	if (rc == 0)
		rc = per_year(db, c.t, 1, -1, &years);
	ties_table_free(c.t);
	if (rc != 0)
		return rc < 0 ? rc : TIES_ERROR;
	for (r = 0; r < ties_table_nrows(years); r++)
		if (ties_table_int(years, r, 1) > max)
			max = (long)ties_table_int(years, r, 1);
	if (!(t = ties_table__new(3, tcols))) {
		ties_table_free(years);
		return ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	}
	ties_buf__clear(&db->scratch);
	for (r = 0; r < ties_table_nrows(years); r++) {
		long n = (long)ties_table_int(years, r, 1), k;
		ties_buf bar = TIES_BUF_INIT;
		long width = max ? (n * 40 + max - 1) / max : 0;

		for (k = 0; k < width; k++)
			ties_buf__puts(&bar, "█");
		ties_buf__puts(&db->scratch,
			       n == 0 ? " " : ticks[max ? (n * 7) / max : 0]);
		rc = ties_table__add_row(t);
		if (rc == 0)
			rc = ties_table__set_int(t, 0,
						 ties_table_int(years, r, 0));
		if (rc == 0)
			rc = ties_table__set_int(t, 1, n);
		if (rc == 0)
			rc = ties_table__set_text(t, 2, ties_buf__str(&bar));
		ties_buf__release(&bar);
		if (rc < 0) {
			ties_table_free(years);
			ties_table_free(t);
			return ties_db__seterr(db, TIES_ENOMEM,
					       "out of memory");
		}
	}
	ties_table_free(years);
	if (spark)
		*spark = ties_buf__str(&db->scratch);
	*out = t;
	return 0;
}

int ties_between_write(const ties_table *t, const ties_table *years, FILE *f,
		       enum ties_format fmt, const char *xname,
		       const char *yname)
{
	size_t r;
	int rc;

	if (fmt != TIES_FORMAT_TABLE)
		return ties_table_write(t, f, fmt);
	for (r = 0; r < ties_table_nrows(t); r++) {
		ties_buf b = TIES_BUF_INIT;

		ties_buf__printf(
			&b, "%s  %s  %s",
			*ties_ex__cell(t, r, 1) ? ties_ex__cell(t, r, 1)
						: "undated",
			ties_ex__cell(t, r, 2), ties_ex__cell(t, r, 4));
		if (*ties_ex__cell(t, r, 5))
			ties_buf__printf(&b, " (at %s)",
					 ties_ex__cell(t, r, 5));
		if (*ties_ex__cell(t, r, 3))
			ties_buf__printf(&b, " [%s]", ties_ex__cell(t, r, 3));
		ties_display__escape_line(f, &b, "");
		ties_buf__printf(&b, "%s: %s", xname, ties_ex__cell(t, r, 6));
		ties_display__escape_line(f, &b, "    ");
		ties_buf__printf(&b, "%s: %s", yname, ties_ex__cell(t, r, 7));
		ties_display__escape_line(f, &b, "    ");
		if (*ties_ex__cell(t, r, 9))
			ties_buf__printf(&b, "source: %s",
					 ties_ex__cell(t, r, 9));
		ties_display__escape_line(f, &b, "    ");
		ties_buf__release(&b);
	}
	if (ties_table_nrows(t) == 0)
		fprintf(f, "nothing links them\n");
	if (years && ties_table_nrows(years)) {
		fputc('\n', f);
		if ((rc = ties_table_write(years, f, fmt)) < 0)
			return rc;
	}
	return ferror(f) ? TIES_EIO : 0;
}
