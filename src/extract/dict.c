/*
 * dict.c — ties extract, dictionaries: the word lists of data/extract,
 * compiled in and extended by --dict DIR, and phrase matching over tokens.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "extract_int.h"

extern const struct ties_dict_file ties__dict_files[];

static const char *const dict_names[D_COUNT] = {
	"honorifics.txt",   "titles.txt",    "title-modifiers.txt",
	"institutions.txt", "events.txt",    "signing.txt",
	"modality.txt",	    "roles.txt",     "participation.txt",
	"topics.txt",	    "demonyms.txt",  "countries.txt",
	"places.txt",	    "not-names.txt", "organizations.txt",
	"portfolios.txt",  "person-verbs.txt",
};

/* Fields: for these files the phrase is the second field. */
static int phrase_second(int d)
{
	return d == D_EVENT || d == D_ROLE || d == D_TOPIC;
}

int ties_xt__plist_add(struct pool *p, struct plist *l, const char *text,
		       const char *val, int after)
{
	struct toks t = {0};
	struct phrase ph = {0};

	if (ties_xt__tokenize(p, text, strlen(text), NULL, &t) < 0)
		goto oom;
	if (t.n == 0) {
		free(t.v);
		return 0;
	}
	if (!(ph.w = malloc(t.n * sizeof(*ph.w))) ||
	    !ties_xt__pool_keep(p, (char *)ph.w))
		goto oom;
	for (size_t i = 0; i < t.n; i++)
		ph.w[i] = t.v[i].low;
	ph.n = t.n;
	ph.text = ties_xt__pool_strdup(p, text);
	ph.val = val ? ties_xt__pool_strdup(p, val) : NULL;
	ph.after = after;
	free(t.v);
	if (ties__grow(&l->v, &l->cap, l->n, sizeof(ph)) < 0)
		return -1;
	l->v[l->n++] = ph;
	return 0;
oom:
	free(t.v);
	return -1;
}

/* Read one dictionary's text (file `where` for messages). */
static int dict_parse(ties_db *db, struct pool *p, struct plist *l, int d,
		      const char *text, const char *where)
{
	const char *line = text;
	int lineno = 0;

	while (*line) {
		const char *end = strchr(line, '\n');
		size_t n = end ? (size_t)(end - line) : strlen(line);
		char *s = ties_xt__pool_strndup(p, line, n), *tab, *a, *b;
		int after = 0;

		lineno++;
		line += n + (end ? 1 : 0);
		if (!s)
			return ties_db__seterr(db, TIES_ENOMEM,
					       "out of memory");
		if (n && s[n - 1] == '\r')
			s[--n] = '\0';
		if (n == 0 || s[0] == '#')
			continue;
		if (ties_utf8__invalid(s, n))
			return ties_db__seterr(db, TIES_EINVALID,
					       "%s:%d: invalid UTF-8", where,
					       lineno);
		tab = strchr(s, '\t');
		a = s;
		b = NULL;
		if (tab) {
			*tab = '\0';
			b = tab + 1;
		}
		if (phrase_second(d)) {
			if (!b || !*b || !*a)
				return ties_db__seterr(
					db, TIES_EINVALID,
					"%s:%d: expected two fields separated "
					"by a tab",
					where, lineno);
			{
				char *t = a;

				a = b;
				b = t;
			}
			if (d == D_ROLE && !strncmp(a, "after:", 6)) {
				a += 6;
				after = 1;
			}
			if (d == D_TOPIC && !strncmp(a, "before:", 7)) {
				a += 7;
				after = 1;
			}
		} else if ((d == D_INST || d == D_DEMONYM || d == D_COUNTRY ||
			    d == D_PLACE) &&
			   (!b || !*b)) {
			return ties_db__seterr(db, TIES_EINVALID,
					       "%s:%d: expected two fields "
					       "separated by a tab",
					       where, lineno);
		}
		if (ties_xt__plist_add(p, l, a, b, after) < 0)
			return ties_db__seterr(db, TIES_ENOMEM,
					       "out of memory");
	}
	return 0;
}

int ties_xt__dicts_load(ties_db *db, struct pool *p, struct dicts *D,
			const char *const *dirs, size_t ndirs)
{
	int rc;

	for (int d = 0; d < D_COUNT; d++) {
		for (size_t k = 0; ties__dict_files[k].name; k++)
			if (!strcmp(ties__dict_files[k].name, dict_names[d]) &&
			    (rc = dict_parse(db, p, &D->l[d], d,
					     ties__dict_files[k].text,
					     dict_names[d])) < 0)
				return rc;
		for (size_t k = 0; k < ndirs; k++) {
			char *path = ties_xt__pool_printf(p, "%s/%s", dirs[k],
							  dict_names[d]);
			char *text;
			size_t len;
			struct stat sb;

			if (!path)
				return ties_db__seterr(db, TIES_ENOMEM,
						       "out of memory");
			if (stat(dirs[k], &sb) < 0 || !S_ISDIR(sb.st_mode))
				return ties_db__seterr(
					db, TIES_EIO,
					"%s: not a directory of dictionaries",
					dirs[k]);
			if (ties_file__read(path, &text, &len) < 0) {
				if (errno == ENOENT)
					continue;
				return ties_db__seterr(db, TIES_EIO, "%s: %s",
						       path, strerror(errno));
			}
			rc = dict_parse(db, p, &D->l[d], d, text, path);
			free(text);
			if (rc < 0)
				return rc;
		}
	}
	return 0;
}

void ties_xt__dicts_release(struct dicts *D)
{
	for (int d = 0; d < D_COUNT; d++) {
		ties_strmap__release(&D->l[d].first);
		free(D->l[d].head);
		free(D->l[d].next);
	}
	for (int d = 0; d < D_COUNT; d++)
		free(D->l[d].v);
}

/* Longest phrase of `l` at token i (before `end`): its index, or -1. */
/* Index l by first word (see struct plist); 0, or -1 when out of memory
 * (then match_at scans). */
static int plist_index(struct plist *l)
{
	long w = 0;

	if (l->indexed == l->n && l->head)
		return 0;
	ties_strmap__release(&l->first);
	free(l->head);
	free(l->next);
	l->head = malloc((l->n + 1) * sizeof(*l->head));
	l->next = malloc((l->n + 1) * sizeof(*l->next));
	l->indexed = 0;
	if (!l->head || !l->next)
		return -1;
	/* From the last phrase back, so that each chain runs in order. */
	for (size_t k = l->n; k-- > 0;) {
		long id;
		int had;

		if (l->v[k].n == 0) {
			l->next[k] = -1;
			continue;
		}
		if ((had = ties_strmap__put(&l->first, l->v[k].w[0], w, &id)) <
		    0)
			return -1;
		if (!had) {
			id = w++;
			l->head[id] = -1;
		}
		l->next[k] = l->head[id];
		l->head[id] = (long)k;
	}
	l->indexed = l->n;
	return 0;
}

int ties_xt__match_at(const struct plist *l, const struct toks *T, size_t i,
		      size_t end, size_t *len)
{
	/* The index is a cache of the list: made here, whatever the const. */
	struct plist *li = (struct plist *)l;
	int best = -1, indexed = i < end && plist_index(li) == 0;
	size_t bl = 0;
	long id = -1, k;

	if (indexed && !ties_strmap__get(&li->first, T->v[i].low, &id)) {
		if (len)
			*len = 0;
		return -1;
	}
	for (k = indexed ? li->head[id] : 0; k >= 0 && (size_t)k < l->n;
	     k = indexed ? li->next[k] : k + 1) {
		const struct phrase *ph = &l->v[k];
		size_t j;

		if (ph->n <= bl || i + ph->n > end)
			continue;
		for (j = 0; j < ph->n; j++)
			if (strcmp(ph->w[j], T->v[i + j].low))
				break;
		if (j == ph->n) {
			best = (int)k;
			bl = ph->n;
		}
	}
	if (len)
		*len = bl;
	return best;
}

/* The first phrase of `l` anywhere in [s, e): its token, or -1. */
long ties_xt__find_in(const struct plist *l, const struct toks *T, size_t s,
		      size_t e, int *which)
{
	for (size_t i = s; i < e; i++) {
		int k = ties_xt__match_at(l, T, i, e, NULL);

		if (k >= 0) {
			if (which)
				*which = k;
			return (long)i;
		}
	}
	return -1;
}
