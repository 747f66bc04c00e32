/*
 * buf.c — growable byte buffers, and sets of strings with a number each
 * (open addressing, FNV-1a).
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ties_int.h"

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

/* Grow array *vp of *cap elements of size sz to hold n + 1 (doubling, from
 * 16); 0, or -1 when memory runs out (the array is left as it was). */
int ties__grow(void *vp, size_t *cap, size_t n, size_t sz)
{
	void **v = vp;
	void *nv;
	size_t nc;

	if (n < *cap)
		return 0;
	nc = *cap ? 2 * *cap : 16;
	if (nc > SIZE_MAX / sz || !(nv = realloc(*v, nc * sz)))
		return -1;
	*v = nv;
	*cap = nc;
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

void ties_buf__vprintf(ties_buf *b, const char *fmt, va_list ap)
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
	ties_buf__vprintf(b, fmt, ap);
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

/* The slot of `key`: its own, or the empty one where it would go (the map
 * has room). */
static size_t slot_of(const ties_strmap *m, const char *key)
{
	size_t j;

	for (j = fnv1a(key) & (m->cap - 1); m->keys[j];
	     j = (j + 1) & (m->cap - 1))
		if (!strcmp(m->keys[j], key))
			break;
	return j;
}

/* Put `key` (with val when new); its slot in *slot. */
static int put(ties_strmap *m, const char *key, long val, size_t *slot)
{
	size_t j;

	if ((m->n + 1) * 2 > m->cap && strmap_grow(m) < 0)
		return TIES_ENOMEM;
	*slot = j = slot_of(m, key);
	if (m->keys[j])
		return 1;
	if (!(m->keys[j] = strdup(key)))
		return TIES_ENOMEM;
	m->vals[j] = val;
	m->n++;
	return 0;
}

int ties_strmap__put(ties_strmap *m, const char *key, long val, long *old)
{
	size_t j;
	int rc = put(m, key, val, &j);

	if (rc == 1 && old)
		*old = m->vals[j];
	return rc;
}

int ties_strmap__intern(ties_strmap *m, const char *key, const char **out)
{
	size_t j;
	int rc = put(m, key, 0, &j);

	if (rc >= 0)
		*out = m->keys[j];
	return rc;
}

int ties_strmap__get(const ties_strmap *m, const char *key, long *val)
{
	size_t j;

	if (!m->cap)
		return 0;
	j = slot_of(m, key);
	if (!m->keys[j])
		return 0;
	*val = m->vals[j];
	return 1;
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
