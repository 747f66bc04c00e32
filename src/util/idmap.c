/*
 * idmap.c — ids with a rowid each, for an import's own rows. Each slot
 * holds the key's hash and length, so that a probe compares the bytes of a
 * key only when its hash matches, and the key itself when it is short (most
 * ids: one memory access a probe), else its offset in one growing block of
 * keys (open addressing, FNV-1a, at most 5/8 full).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ties_int.h"

#define INLINE 16 /* keys up to this long are kept in the slot */

struct ties_idslot {
	uint32_t hash, len; /* len: the key's length + 1; 0 = empty */
	int64_t val;
	union {
		char in[INLINE];
		uint64_t off; /* the key's offset in the block */
	} key;
};

static const char *key_of(const ties_idmap *m, const struct ties_idslot *s)
{
	return s->len - 1 <= INLINE ? s->key.in : m->keys + s->key.off;
}

static uint32_t hash_of(const char *s, size_t len)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

static int grow(ties_idmap *m)
{
	size_t cap = m->cap ? m->cap * 2 : 1024, i, j;
	struct ties_idslot *slot = calloc(cap, sizeof(*slot));

	if (!slot)
		return TIES_ENOMEM;
	for (i = 0; i < m->cap; i++) {
		if (!m->slot[i].len)
			continue;
		for (j = m->slot[i].hash & (cap - 1); slot[j].len;
		     j = (j + 1) & (cap - 1))
			;
		slot[j] = m->slot[i];
	}
	free(m->slot);
	m->slot = slot;
	m->cap = cap;
	return 0;
}

/* The slot of key (len bytes, hash h): its own, or the empty one where it
 * would go. */
static size_t find(const ties_idmap *m, const char *key, size_t len,
		   uint32_t h)
{
	size_t j;

	for (j = h & (m->cap - 1); m->slot[j].len; j = (j + 1) & (m->cap - 1))
		if (m->slot[j].hash == h && m->slot[j].len == len + 1 &&
		    !memcmp(key_of(m, &m->slot[j]), key, len))
			break;
	return j;
}

int ties_idmap__put(ties_idmap *m, const char *key, int64_t val)
{
	size_t len = strlen(key), j;
	uint32_t h = hash_of(key, len);

	if ((m->n + 1) * 8 > m->cap * 5 && grow(m) < 0)
		return TIES_ENOMEM;
	j = find(m, key, len, h);
	if (m->slot[j].len) {
		m->slot[j].val = val;
		return 1;
	}
	if (len >= UINT32_MAX)
		return TIES_ENOMEM;
	if (len <= INLINE) {
		memcpy(m->slot[j].key.in, key, len);
	} else if (m->klen + len > m->kcap) {
		size_t kcap = m->kcap ? m->kcap : 65536;
		char *k;

		while (kcap < m->klen + len)
			kcap *= 2;
		if (!(k = realloc(m->keys, kcap)))
			return TIES_ENOMEM;
		m->keys = k;
		m->kcap = kcap;
	}
	if (len > INLINE) {
		memcpy(m->keys + m->klen, key, len);
		m->slot[j].key.off = m->klen;
		m->klen += len;
	}
	m->slot[j].hash = h;
	m->slot[j].len = (uint32_t)len + 1;
	m->slot[j].val = val;
	m->n++;
	return 0;
}

int ties_idmap__get(const ties_idmap *m, const char *key, int64_t *val)
{
	size_t len, j;

	if (!m->cap)
		return 0;
	len = strlen(key);
	j = find(m, key, len, hash_of(key, len));
	if (!m->slot[j].len)
		return 0;
	*val = m->slot[j].val;
	return 1;
}

void ties_idmap__release(ties_idmap *m)
{
	free(m->slot);
	free(m->keys);
	memset(m, 0, sizeof(*m));
}
