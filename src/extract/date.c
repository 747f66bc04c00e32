/*
 * date.c — ties extract, dates: "8th Apr, 2025", "April 8, 2025",
 * "December 13", today and yesterday, as ISO dates.
 */
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

/* 1..31 with an optional st/nd/rd/th. */
static int day_of(const char *w)
{
	char *end;
	long v = strtol(w, &end, 10);

	if (end == w || v < 1 || v > 31)
		return 0;
	if (*end && strcmp(end, "st") && strcmp(end, "nd") &&
	    strcmp(end, "rd") && strcmp(end, "th"))
		return 0;
	return (int)v;
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
	if (T->v[i].f & T_NUM && strlen(T->v[i].low) == 10 &&
	    ties_date_check(T->v[i].low) == 0) {
		*out = ties_xt__pool_strdup(&d->P, T->v[i].low);
		return 1;
	}
	if ((dd = day_of(T->v[j].low)) && j + 1 < end &&
	    (m = ties_xt__month_of(T->v[j + 1].low)) && T->v[j + 1].f & T_CAP) {
		j += 2;
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
		y = ry;
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
