/*
 * date.c — ties extract, dates: "8th Apr, 2025", "April 8, 2025",
 * "December 13", today and yesterday, weekdays, as ISO dates; and the
 * date of an event, from its sentence or elsewhere in the release.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract_int.h"

long ties_xt__days_from_civil(long y, unsigned m, unsigned dd)
{
	long era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + dd - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long)doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *dd)
{
	long era;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*dd = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + (unsigned long)era * 400 + (*m <= 2));
}

const char *ties_xt__date_shift(ties_draft *d, const char *date, int by)
{
	int y, m, dd;

	if (!date || strlen(date) != 10)
		return NULL;
	if (sscanf(date, "%d-%d-%d", &y, &m, &dd) != 3)
		return NULL;
	civil_from_days(ties_xt__days_from_civil(y, (unsigned)m, (unsigned)dd) +
				by,
			&y, &m, &dd);
	return ties_xt__pool_printf(&d->P, "%04d-%02d-%02d", y, m, dd);
}

int ties_xt__month_of(const char *w)
{
	static const char *const names[] = {"january", "february", "march",
					    "april",   "may",	   "june",
					    "july",    "august",   "september",
					    "october", "november", "december"};
	size_t n = strlen(w);

	if (n && w[n - 1] == '.')
		n--;
	for (int i = 0; i < 12; i++)
		if (n >= 3 && n <= strlen(names[i]) &&
		    !strncmp(names[i], w, n) &&
		    (n == strlen(names[i]) || n == 3 || (i == 8 && n == 4)))
			return i + 1;
	return 0;
}

/* 1..31 with an optional st/nd/rd/th; a range of days ("10-12",
 * "10–12") is its first day. */
static int day_of(const char *w)
{
	char *end;
	long v = strtol(w, &end, 10);

	if (end == w || end - w > 2 || v < 1 || v > 31)
		return 0;
	if (*end == '-' || !strncmp(end, "\xe2\x80\x93", 3)) {
		const char *r = end + (*end == '-' ? 1 : 3);

		return *r >= '0' && *r <= '9' && day_of(r) > v ? (int)v : 0;
	}
	if (*end && strcmp(end, "st") && strcmp(end, "nd") &&
	    strcmp(end, "rd") && strcmp(end, "th"))
		return 0;
	return (int)v;
}

/* Monday 1 .. Sunday 7, by name or three-letter abbreviation. */
int ties_xt__weekday_of(const char *w)
{
	static const char *const names[] = {"monday", "tuesday", "wednesday",
					    "thursday", "friday", "saturday",
					    "sunday"};
	size_t n = strlen(w);

	if (n && w[n - 1] == '.')
		n--;
	for (int i = 0; i < 7; i++)
		if ((n == 3 || n == strlen(names[i])) &&
		    !strncmp(names[i], w, n))
			return i + 1;
	return 0;
}

/* Days since 1970-01-01 of "YYYY-MM-DD", or LONG_MIN. */
static long days_of(const char *date)
{
	if (!date || strlen(date) != 10)
		return LONG_MIN;
	return ties_xt__days_from_civil(atol(date), (unsigned)atoi(date + 5),
					(unsigned)atoi(date + 8));
}

const char *ties_xt__weekday_date(ties_draft *d, const char *ref, int wd,
				  int after)
{
	long z = days_of(ref);
	int y, m, dd;

	if (z == LONG_MIN || wd < 1 || wd > 7)
		return NULL;
	/* 1970-01-01 was a Thursday (4). */
	if (after) {
		do
			z++;
		while ((z % 7 + 7 + 3) % 7 + 1 != wd);
	} else {
		while ((z % 7 + 7 + 3) % 7 + 1 != wd)
			z--;
	}
	civil_from_days(z, &y, &m, &dd);
	return ties_xt__pool_printf(&d->P, "%04d-%02d-%02d", y, m, dd);
}

/* A day and month without a year: the year that puts it nearest `ref`
 * ("13 December" in a release of January 2024 is 2023-12-13). */
static int nearest_year(const char *ref, int m, int dd)
{
	long z = days_of(ref), best = LONG_MAX;
	int ry = ref ? atoi(ref) : 0, y = ry;

	if (z == LONG_MIN)
		return ry;
	for (int c = ry - 1; c <= ry + 1; c++) {
		long dz = labs(ties_xt__days_from_civil(c, (unsigned)m,
							 (unsigned)dd) -
			       z);

		if (dz < best)
			best = dz, y = c;
	}
	return y;
}

static int range_word(const char *w)
{
	return !strcmp(w, "and") || !strcmp(w, "to") || !strcmp(w, "-") ||
	       !strcmp(w, "\xe2\x80\x93");
}

static int year_of(const char *w)
{
	char *end;
	long v = strtol(w, &end, 10);

	return (*end == '\0' && end - w == 4 && v >= 1800 && v <= 2200) ? (int)v
									: 0;
}

/*
 * A date at token i: "8th Apr, 2025", "April 8, 2025", "December 13",
 * "November 2023", "2025-04-08"; a month alone only after "in". The year,
 * when missing, is the reference date's. Returns the tokens used (0: no
 * date) and the date in *out.
 */
size_t ties_xt__parse_date(ties_draft *d, const struct toks *T, size_t i,
			   size_t end, const char *ref, const char **out)
{
	int y = 0, m = 0, dd = 0, ry = ref ? atoi(ref) : 0;
	size_t j = i;

	*out = NULL;
	/* "Friday 28 February", "Thursday, December 14, 2017". */
	if (ties_xt__weekday_of(T->v[i].low) && T->v[i].f & T_CAP) {
		size_t k = i + 1, n;

		if (k < end && !strcmp(T->v[k].low, ","))
			k++;
		if (k < end && !ties_xt__weekday_of(T->v[k].low) &&
		    (n = ties_xt__parse_date(d, T, k, end, ref, out)))
			return k - i + n;
		return 0;
	}
	if (T->v[i].f & T_NUM && strlen(T->v[i].low) == 10 &&
	    ties_date_check(T->v[i].low) == 0) {
		*out = ties_xt__pool_strdup(&d->P, T->v[i].low);
		return 1;
	}
	if ((dd = day_of(T->v[j].low)) && j + 1 < end &&
	    (m = ties_xt__month_of(T->v[j + 1].low)) && T->v[j + 1].f & T_CAP) {
		j += 2;
	} else if (dd && j + 3 < end && range_word(T->v[j + 1].low) &&
		   day_of(T->v[j + 2].low) > dd &&
		   (m = ties_xt__month_of(T->v[j + 3].low)) &&
		   T->v[j + 3].f & T_CAP) {
		j += 4; /* "8th and 9th April": the first day */
	} else if ((m = ties_xt__month_of(T->v[j].low)) && T->v[j].f & T_CAP &&
		   strcmp(T->v[j].low, "may") != 0 && j + 1 < end &&
		   (dd = day_of(T->v[j + 1].low))) {
		j += 2;
	} else if (m && T->v[j].f & T_CAP && j + 1 < end &&
		   (dd = day_of(T->v[j + 1].low))) {
		j += 2; /* "May 14" */
	} else if (m && T->v[j].f & T_CAP && j + 1 < end &&
		   (y = year_of(T->v[j + 1].low))) {
		*out = ties_xt__pool_printf(&d->P, "%04d-%02d", y, m);
		return 2;
	} else if (m && T->v[j].f & T_CAP && i > 0 &&
		   (!strcmp(T->v[i - 1].low, "in") ||
		    !strcmp(T->v[i - 1].low, "of")) &&
		   strcmp(T->v[j].low, "may") != 0 && ry) {
		*out = ties_xt__pool_printf(&d->P, "%04d-%02d", ry, m);
		return 1;
	} else {
		return 0;
	}
	if (j < end && !strcmp(T->v[j].low, ","))
		j++;
	if (j < end && (y = year_of(T->v[j].low)))
		j++;
	else {
		while (j > i && !strcmp(T->v[j - 1].low, ","))
			j--;
		y = nearest_year(ref, m, dd);
	}
	if (!y)
		return 0;
	if (ties_xt__days_from_civil(y, (unsigned)m, (unsigned)dd) !=
	    ties_xt__days_from_civil(y, (unsigned)m, 1) + dd - 1)
		return 0;
	{
		int yy, mm, d2;

		civil_from_days(
			ties_xt__days_from_civil(y, (unsigned)m, (unsigned)dd),
			&yy, &mm, &d2);
		if (mm != m)
			return 0;
	}
	*out = ties_xt__pool_printf(&d->P, "%04d-%02d-%02d", y, m, dd);
	return j - i;
}

/* A date in tokens [a, b) of x: an explicit one, today/yesterday/tomorrow,
 * or a weekday alone ("on Wednesday": the last one on or before the
 * publication date, the next one after it where the sentence says "will"
 * or "next"), with why and how sure; or NULL. */
static const char *date_in(ties_draft *d, const struct xdoc *x, size_t a,
			   size_t b, int after_on, const char **why,
			   double *conf)
{
	const struct toks *T = &x->T;
	int future = 0;

	for (size_t i = a; i < b; i++)
		future |= !strcmp(T->v[i].low, "will") ||
			  !strcmp(T->v[i].low, "next");
	const char *dateline = NULL;

	for (size_t i = a; i < b; i++) {
		const char *date;
		int wd;
		size_t n;

		if ((!after_on || (i > a && !strcmp(T->v[i - 1].low, "on"))) &&
		    (n = ties_xt__parse_date(d, T, i, b, x->date, &date)) &&
		    date) {
			/* "MINSK, 11 July (BelTA) - Tehran hosted ... on 10
			 * July": the dateline's date is the release's; the
			 * event's is the next one, when the sentence has one. */
			if (!dateline && i == a + 2 && !strcmp(T->v[a + 1].low, ",") &&
			    i + n < b &&
			    (!strcmp(T->v[i + n].low, "(") ||
			     !strcmp(T->v[i + n].low, "-") ||
			     !strcmp(T->v[i + n].low, "\xe2\x80\x93") ||
			     !strcmp(T->v[i + n].low, ":"))) {
				dateline = date;
				i += n - 1;
				continue;
			}
			*why = "the date in the sentence";
			*conf = 0.9;
			return date;
		}
		if (!x->date || after_on)
			continue;
		if (!strcmp(T->v[i].low, "today") ||
		    !strcmp(T->v[i].low, "yesterday") ||
		    !strcmp(T->v[i].low, "tomorrow")) {
			*why = "said relative to the publication date";
			*conf = 0.85;
			return ties_xt__date_shift(
				d, x->date,
				!strcmp(T->v[i].low, "today")	      ? 0
				: !strcmp(T->v[i].low, "yesterday") ? -1
								     : 1);
		}
		/* "on Wednesday", "last Friday", and without a word
		 * before it as news agencies write ("was held, here
		 * Tuesday", "met Tuesday"), less sure. */
		if ((wd = ties_xt__weekday_of(T->v[i].low)) &&
		    T->v[i].f & T_CAP) {
			int cue = i > a && (!strcmp(T->v[i - 1].low, "on") ||
					    !strcmp(T->v[i - 1].low, "last") ||
					    !strcmp(T->v[i - 1].low, "next"));

			*why = "a weekday counted from the publication date";
			*conf = cue ? 0.8 : 0.7;
			return ties_xt__weekday_date(d, x->date, wd, future);
		}
	}
	if (dateline) {
		*why = "the date in the sentence";
		*conf = 0.9;
	}
	return dateline;
}

/* A sentence that dates an event: it names one ("meeting", "signed") or
 * opens with "On". */
static int dates_an_event(ties_draft *d, const struct xdoc *x, size_t a,
			  size_t b)
{
	return !strcmp(x->T.v[a].low, "on") ||
	       ties_xt__find_in(&d->D.l[D_EVENT], &x->T, a, b, NULL) >= 0 ||
	       ties_xt__find_in(&d->D.l[D_SIGN], &x->T, a, b, NULL) >= 0;
}

/* Tokens [a, b) say the event happened at some time before the release
 * without saying when ("Recently, Ambassador Hoza visited", "at a recent
 * meeting", "earlier this year"): the publication date is not its. */
static int vague_time(const struct xdoc *x, size_t a, size_t b)
{
	static const char *const cues[] = {"recently", "recent", "earlier",
					   "previously", "formerly", NULL};

	for (size_t i = a; i < b; i++)
		for (size_t k = 0; cues[k]; k++)
			if (!strcmp(x->T.v[i].low, cues[k]))
				return 1;
	return 0;
}

/*
 * The date of an event triggered in sentence c->s: the one said there;
 * else the first day that a later sentence of the body gives for an
 * event, else an earlier one; else the first day in the body's opening
 * sentences; else the publication date, unless the sentence says the
 * event was some time before it.
 */
void ties_xt__event_date(ties_draft *d, struct xevent *ev, struct scan *c)
{
	const struct xdoc *x = c->x;
	const char *why, *date;
	double conf;
	size_t from = (size_t)x->body_from;

	if ((date = date_in(d, x, c->a, c->b, 0, &why, &conf))) {
		ev->date = date, ev->dconf = conf, ev->dwhy = why;
		ev->dsent = c->s;
		return;
	}
	for (int pass = 0; pass < 2; pass++)
		for (size_t s = pass ? from : (size_t)c->s + 1;
		     s < (pass ? (size_t)c->s : x->nsent); s++) {
			size_t a = x->sent[s][0], b = x->sent[s][1];

			if (s < from || a >= b || !dates_an_event(d, x, a, b) ||
			    !(date = date_in(d, x, a, b, 0, &why, &conf)) ||
			    strlen(date) != 10)
				continue;
			ev->date = date;
			ev->dconf = conf - 0.1;
			ev->dwhy = pass ? "a date of an event earlier in the "
					  "release"
					: "a date of an event later in the "
					  "release";
			ev->dsent = (int)s;
			return;
		}
	/* An event's "on <date>" before a dateline's date. */
	for (int on = 1; on >= 0; on--)
		for (size_t s = from; s < x->nsent && s < from + 3; s++) {
			if (!(date = date_in(d, x, x->sent[s][0],
					     x->sent[s][1], on, &why, &conf)) ||
			    strlen(date) != 10)
				continue;
			ev->date = date;
			ev->dconf = 0.65;
			ev->dwhy = "the first date of the release";
			ev->dsent = (int)s;
			return;
		}
	if (!ev->date && x->date && !vague_time(x, c->a, c->b)) {
		ev->date = x->date;
		ev->dconf = 0.6;
		ev->dwhy = "the publication date";
		ev->dsent = -1;
	}
}
