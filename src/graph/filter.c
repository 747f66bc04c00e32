/*
 * filter.c — the filters of a tie graph: kinds, countries, event and
 * relation kinds, and the date window (partial dates as intervals).
 */
#include <stdlib.h>
#include <string.h>

#include "graph_int.h"

int ties_gr__in_list(const char *s, const char *const *list, size_t n)
{
	size_t i;

	if (n == 0)
		return 1;
	for (i = 0; s && i < n; i++)
		if (!strcmp(s, list[i]))
			return 1;
	return 0;
}

static int date_in_window(const ties_filter *f, const char *date)
{
	char lo[11], hi[11], wlo[11], whi[11];

	if (!f->from && !f->to)
		return 1;
	if (!date || !*date)
		return 0;
	ties_date__lo(date, lo);
	ties_date__hi(date, hi);
	if (f->from) {
		ties_date__lo(f->from, wlo);
		if (strcmp(hi, wlo) < 0)
			return 0;
	}
	if (f->to) {
		ties_date__hi(f->to, whi);
		if (strcmp(lo, whi) > 0)
			return 0;
	}
	return 1;
}

/* A relation's [start, end] overlaps the window; undated is timeless. */
static int span_in_window(const ties_filter *f, const char *start,
			  const char *end)
{
	char lo[11], hi[11], w[11];

	if (start && *start && f->to) {
		ties_date__lo(start, lo);
		ties_date__hi(f->to, w);
		if (strcmp(lo, w) > 0)
			return 0;
	}
	if (end && *end && f->from) {
		ties_date__hi(end, hi);
		ties_date__lo(f->from, w);
		if (strcmp(hi, w) < 0)
			return 0;
	}
	return 1;
}

int ties_filter__event_ok(const ties_filter *f, const char *kind,
			  const char *date)
{
	char lo[11], at[11];

	if (f->at) {
		if (!date || !*date)
			return 0;
		ties_date__lo(date, lo);
		ties_date__hi(f->at, at);
		if (strcmp(lo, at) > 0)
			return 0;
	}
	return ties_gr__in_list(kind, f->event_kinds, f->nevent_kinds) &&
	       date_in_window(f, date);
}

int ties_filter__relation_ok(const ties_filter *f, const char *kind,
			     const char *start, const char *end)
{
	char x[11], at[11];

	/* In force on the snapshot's date: started by then, not ended. */
	if (f->at && start && *start) {
		ties_date__lo(start, x);
		ties_date__hi(f->at, at);
		if (strcmp(x, at) > 0)
			return 0;
	}
	if (f->at && end && *end) {
		ties_date__hi(end, x);
		ties_date__lo(f->at, at);
		if (strcmp(x, at) < 0)
			return 0;
	}
	return ties_gr__in_list(kind, f->relation_kinds, f->nrelation_kinds) &&
	       span_in_window(f, start, end);
}

int ties_gr__country_ok(struct build *b, sqlite3_int64 rowid,
			sqlite3_int64 country)
{
	size_t i;

	if (b->ncountries == 0)
		return 1;
	for (i = 0; i < b->ncountries; i++)
		if (b->countries[i] == country || b->countries[i] == rowid)
			return 1;
	return 0;
}
