/*
 * text.c — text and dates: UTF-8 validity, Unicode folding for name
 * look-up, partial dates as intervals, and the checks of ids, kinds, dates
 * and text shared by the store and the importers.
 *
 * Folding is the one definition of "the same name" in ties: NFKC, case
 * folding, combining marks stripped and look-alike punctuation lumped by
 * utf8proc, then runs of white space collapsed to one space and trimmed.
 * Every key stored in name_key went through ties_fold__buf(), so changing it
 * needs a schema migration that rebuilds the keys.
 */
#include <assert.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "ties_int.h"

int ties_str__empty(const char *s)
{
	return !s || !*s;
}

size_t ties_utf8__invalid(const char *s, size_t n)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	size_t i = 0;

	while (i < n) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k;

		if (p[i] < 0x80) {
			i++;
			continue;
		}
		k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
		if (k < 0)
			return i + 1;
		i += (size_t)k;
	}
	return 0;
}

/* Append `s` to `out` with runs of white space collapsed to one space and
 * trimmed; lower-case ASCII letters when `lower`. */
static void collapse(ties_buf *out, const char *s, int lower)
{
	const char *p;
	int space = 0, any = 0;

	for (p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		    c == '\f' || c == '\v') {
			space = any;
			continue;
		}
		if (space)
			ties_buf__putc(out, ' ');
		space = 0;
		any = 1;
		if (lower && c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		ties_buf__putc(out, (char)c);
	}
	if (!any)
		ties_buf__add(out, "", 0);
}

int ties_fold__buf(ties_buf *out, const char *s)
{
	utf8proc_uint8_t *mapped = NULL;
	utf8proc_ssize_t n;
	const unsigned char *a;

	/* ASCII folds to itself with its letters in lower case: NFKC, case
	 * folding, mark stripping and lumping change no other ASCII
	 * character (a unit test compares every one with utf8proc). Most
	 * names are ASCII, and utf8proc's tables cost a third of an import's
	 * entities. */
	for (a = (const unsigned char *)s; *a && *a < 0x80; a++)
		;
	if (!*a) {
		collapse(out, s, 1);
		return out->oom ? TIES_ENOMEM : 0;
	}
	n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &mapped,
			 UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPAT |
				 UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
				 UTF8PROC_STRIPMARK | UTF8PROC_LUMP |
				 UTF8PROC_IGNORE);
	if (n < 0)
		return n == UTF8PROC_ERROR_NOMEM ? TIES_ENOMEM : TIES_EINVALID;
	collapse(out, (const char *)mapped, 0);
	free(mapped);
	return out->oom ? TIES_ENOMEM : 0;
}

int ties_fold(char **out, const char *s)
{
	ties_buf b = TIES_BUF_INIT;
	int rc;

	assert(out && s);
	*out = NULL;
	rc = ties_fold__buf(&b, s);
	if (rc < 0) {
		ties_buf__release(&b);
		return rc;
	}
	*out = ties_buf__detach(&b);
	return *out ? 0 : TIES_ENOMEM;
}

static int digits(const char *s, int n)
{
	int i, v = 0;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int ties_date_check(const char *d)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30,
				    31, 31, 30, 31, 30, 31};
	size_t n = strlen(d);
	int y, m, day, max;

	if (n != 4 && n != 7 && n != 10)
		return TIES_EINVALID;
	y = digits(d, 4);
	if (y < 0)
		return TIES_EINVALID;
	if (n == 4)
		return 0;
	if (d[4] != '-' || (m = digits(d + 5, 2)) < 1 || m > 12)
		return TIES_EINVALID;
	if (n == 7)
		return 0;
	if (d[7] != '-' || (day = digits(d + 8, 2)) < 1)
		return TIES_EINVALID;
	max = mdays[m - 1];
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		max = 29;
	return day <= max ? 0 : TIES_EINVALID;
}

void ties_date__lo(const char *date, char *out)
{
	size_t n = strlen(date);

	snprintf(out, 11, "%s%s", date,
		 n == 4	  ? "-01-01"
		 : n == 7 ? "-01"
			  : "");
}

void ties_date__hi(const char *date, char *out)
{
	size_t n = strlen(date);

	/* Day 31 of any month sorts after every real day of it. */
	snprintf(out, 11, "%s%s", date,
		 n == 4	  ? "-12-31"
		 : n == 7 ? "-31"
			  : "");
}

int ties_check__text(ties_db *db, const char *what, const char *s)
{
	size_t bad = ties_utf8__invalid(s, strlen(s));

	if (bad)
		return ties_db__seterr(db, TIES_EINVALID,
				       "invalid UTF-8 in %s at byte %zu", what,
				       bad);
	/* Control characters (BEL, ESC, …) have no place in a name and make
	 * invalid XML; tab, newline and carriage return are text. */
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') ||
		    *p == 0x7f)
			return ties_db__seterr(
				db, TIES_EINVALID,
				"control character 0x%02x in %s at byte %zu",
				*p, what, (size_t)(p - (const unsigned char *)s) + 1);
	return 0;
}

int ties_check__id(ties_db *db, const char *what, const char *id)
{
	const unsigned char *p;
	int rc;

	if (ties_str__empty(id))
		return ties_db__seterr(db, TIES_EINVALID, "empty %s", what);
	if ((rc = ties_check__text(db, what, id)) < 0)
		return rc;
	if (strlen(id) > 200)
		return ties_db__seterr(db, TIES_EINVALID,
				       "%s is longer than 200 bytes", what);
	for (p = (const unsigned char *)id; *p; p++)
		if (*p <= ' ' || *p == 0x7f)
			return ties_db__seterr(
				db, TIES_EINVALID,
				"%s '%s' contains white space or a control "
				"character",
				what, id);
	return 0;
}

int ties_check__kind(ties_db *db, const char *what, const char *kind)
{
	const char *p;

	if (ties_str__empty(kind))
		return ties_db__seterr(db, TIES_EINVALID, "empty %s", what);
	for (p = kind; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		      ((*p == '_' || *p == '-') && p != kind)))
			return ties_db__seterr(
				db, TIES_EINVALID,
				"%s '%s' is not a lower-case word (a-z, 0-9, "
				"_ and -)",
				what, kind);
	return 0;
}

int ties_check__date(ties_db *db, const char *what, const char *date)
{
	if (ties_str__empty(date))
		return 0;
	if (ties_date_check(date) < 0)
		return ties_db__seterr(db, TIES_EINVALID,
				       "bad %s '%s' (want YYYY, YYYY-MM or "
				       "YYYY-MM-DD)",
				       what, date);
	return 0;
}

int ties_check__weight(ties_db *db, const char *text, double *out)
{
	char *end;
	double w;

	*out = 1;
	if (ties_str__empty(text))
		return 0;
	errno = 0;
	w = strtod(text, &end);
	while (*end == ' ')
		end++;
	if (end == text || *end || errno || !isfinite(w) || w <= 0)
		return ties_db__seterr(db, TIES_EINVALID,
				       "bad weight '%s' (want a positive "
				       "number)",
				       text);
	*out = w;
	return 0;
}
