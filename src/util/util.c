/*
 * util.c — the small pieces every module needs: growable buffers, error
 * messages on the handle, Unicode folding for name look-up, UTF-8 and date
 * validation.
 *
 * Folding is the one definition of "the same name" in ties: NFKC, case
 * folding, combining marks stripped and look-alike punctuation lumped by
 * utf8proc, then runs of white space collapsed to one space and trimmed.
 * Every key stored in name_key went through ties_fold__buf(), so changing it
 * needs a schema migration that rebuilds the keys.
 */
#include <assert.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "ties_int.h"

/* ------------------------------------------------------------ buffers --- */

static int buf_grow(ties_buf *b, size_t extra)
{
	size_t need, cap;
	char *p;

	if (b->oom)
		return -1;
	need = b->len + extra + 1;
	if (need <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap *= 2;
	p = realloc(b->ptr, cap);
	if (!p) {
		b->oom = 1;
		return -1;
	}
	b->ptr = p;
	b->cap = cap;
	return 0;
}

void ties_buf__add(ties_buf *b, const char *s, size_t n)
{
	if (buf_grow(b, n) < 0)
		return;
	if (n)
		memcpy(b->ptr + b->len, s, n);
	b->len += n;
	b->ptr[b->len] = '\0';
}

void ties_buf__puts(ties_buf *b, const char *s)
{
	ties_buf__add(b, s, strlen(s));
}

void ties_buf__putc(ties_buf *b, char c)
{
	ties_buf__add(b, &c, 1);
}

static void buf_vprintf(ties_buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0 || buf_grow(b, (size_t)n) < 0)
		return;
	vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void ties_buf__printf(ties_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void ties_buf__clear(ties_buf *b)
{
	b->len = 0;
	b->oom = 0;
	if (b->ptr)
		b->ptr[0] = '\0';
}

void ties_buf__release(ties_buf *b)
{
	free(b->ptr);
	b->ptr = NULL;
	b->len = b->cap = 0;
	b->oom = 0;
}

const char *ties_buf__str(const ties_buf *b)
{
	return b->ptr ? b->ptr : "";
}

char *ties_buf__detach(ties_buf *b)
{
	char *p = b->ptr;

	if (!p)
		p = calloc(1, 1);
	b->ptr = NULL;
	b->len = b->cap = 0;
	b->oom = 0;
	return p;
}

/* ------------------------------------------------------------ strmaps --- */

static size_t fnv1a(const char *s)
{
	size_t h = (size_t)14695981039346656037ULL;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= (size_t)1099511628211ULL;
	}
	return h;
}

static int strmap_grow(ties_strmap *m)
{
	size_t cap = m->cap ? m->cap * 2 : 1024, i, j;
	char **keys = calloc(cap, sizeof(*keys));
	long *vals = calloc(cap, sizeof(*vals));

	if (!keys || !vals) {
		free(keys);
		free(vals);
		return TIES_ENOMEM;
	}
	for (i = 0; i < m->cap; i++) {
		if (!m->keys[i])
			continue;
		for (j = fnv1a(m->keys[i]) & (cap - 1); keys[j];
		     j = (j + 1) & (cap - 1))
			;
		keys[j] = m->keys[i];
		vals[j] = m->vals[i];
	}
	free(m->keys);
	free(m->vals);
	m->keys = keys;
	m->vals = vals;
	m->cap = cap;
	return 0;
}

int ties_strmap__put(ties_strmap *m, const char *key, long val, long *old)
{
	size_t j;

	if ((m->n + 1) * 2 > m->cap && strmap_grow(m) < 0)
		return TIES_ENOMEM;
	for (j = fnv1a(key) & (m->cap - 1); m->keys[j];
	     j = (j + 1) & (m->cap - 1))
		if (!strcmp(m->keys[j], key)) {
			if (old)
				*old = m->vals[j];
			return 1;
		}
	if (!(m->keys[j] = strdup(key)))
		return TIES_ENOMEM;
	m->vals[j] = val;
	m->n++;
	return 0;
}

int ties_strmap__get(const ties_strmap *m, const char *key, long *val)
{
	size_t j;

	if (!m->cap)
		return 0;
	for (j = fnv1a(key) & (m->cap - 1); m->keys[j];
	     j = (j + 1) & (m->cap - 1))
		if (!strcmp(m->keys[j], key)) {
			*val = m->vals[j];
			return 1;
		}
	return 0;
}

void ties_strmap__release(ties_strmap *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof(*m));
}

/* ------------------------------------------------------------- errors --- */

const char *ties_strerror(int code)
{
	switch (code) {
	case TIES_OK:
		return "success";
	case TIES_ENOTFOUND:
		return "not found";
	case TIES_EAMBIGUOUS:
		return "ambiguous reference";
	case TIES_EINVALID:
		return "invalid input";
	case TIES_EEXISTS:
		return "already exists";
	case TIES_ENOMEM:
		return "out of memory";
	case TIES_EIO:
		return "input/output error";
	case TIES_EDB:
		return "database error";
	default:
		return "error";
	}
}

void ties_free(void *p)
{
	free(p);
}

const char *ties_version(void)
{
	return TIES_VERSION;
}

/*
 * Messages are one line whatever the user's text holds: control characters
 * that came in through names are shown as escapes.
 */
static void oneline(ties_buf *b)
{
	ties_buf out = TIES_BUF_INIT;
	size_t i;

	for (i = 0; i < b->len; i++) {
		unsigned char c = (unsigned char)b->ptr[i];

		if (c == '\n')
			ties_buf__puts(&out, "\\n");
		else if (c == '\r')
			ties_buf__puts(&out, "\\r");
		else if (c == '\t')
			ties_buf__puts(&out, "\\t");
		else if (c < 0x20 || c == 0x7f)
			ties_buf__printf(&out, "\\x%02x", c);
		else
			ties_buf__putc(&out, (char)c);
	}
	ties_buf__release(b);
	*b = out;
}

int ties_db__seterr(ties_db *db, int code, const char *fmt, ...)
{
	va_list ap;

	assert(db);
	ties_buf__clear(&db->err);
	va_start(ap, fmt);
	buf_vprintf(&db->err, fmt, ap);
	va_end(ap);
	oneline(&db->err);
	return code;
}

void ties_db__prefix_err(ties_db *db, const char *fmt, ...)
{
	ties_buf pre = TIES_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&pre, fmt, ap);
	va_end(ap);
	ties_buf__puts(&pre, ties_buf__str(&db->err));
	ties_buf__release(&db->err);
	db->err = pre;
	/* A prefix names files and nodes: user text too. */
	oneline(&db->err);
}

void ties_db__clearerr(ties_db *db)
{
	ties_buf__clear(&db->err);
}

const char *ties_errmsg(const ties_db *db)
{
	if (!db)
		return "out of memory";
	return ties_buf__str(&db->err);
}

/* ------------------------------------------------------------ strings --- */

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

int ties_fold__buf(ties_buf *out, const char *s)
{
	utf8proc_uint8_t *mapped = NULL;
	utf8proc_ssize_t n;
	const char *p;
	int space = 0, any = 0;

	n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &mapped,
			 UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPAT |
				 UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
				 UTF8PROC_STRIPMARK | UTF8PROC_LUMP |
				 UTF8PROC_IGNORE);
	if (n < 0)
		return n == UTF8PROC_ERROR_NOMEM ? TIES_ENOMEM : TIES_EINVALID;
	for (p = (const char *)mapped; *p; p++) {
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
		ties_buf__putc(out, (char)c);
	}
	if (!any)
		ties_buf__add(out, "", 0);
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

/* -------------------------------------------------------------- dates --- */

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
		 n == 4 ? "-01-01" : n == 7 ? "-01" : "");
}

void ties_date__hi(const char *date, char *out)
{
	size_t n = strlen(date);

	/* Day 31 of any month sorts after every real day of it. */
	snprintf(out, 11, "%s%s", date,
		 n == 4 ? "-12-31" : n == 7 ? "-31" : "");
}

/* --------------------------------------------------------- validation --- */

int ties_check__text(ties_db *db, const char *what, const char *s)
{
	size_t bad = ties_utf8__invalid(s, strlen(s));

	if (bad)
		return ties_db__seterr(db, TIES_EINVALID,
				       "invalid UTF-8 in %s at byte %zu", what,
				       bad);
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
