/*
 * draft.c — ties extract, the draft: facts with their confidence and
 * sentence, and the draft's entities (looked up in the draft, then in the
 * database), their ids, countries, parents and memberships.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "extract_int.h"

int ties_xt__oom(ties_draft *d)
{
	return ties_db__seterr(d->db, TIES_ENOMEM, "out of memory");
}

const char *ties_xt__tok_text(ties_draft *d, const struct xdoc *x, size_t a,
			      size_t b)
{
	const char *s = x->text + x->T.v[a].s;
	size_t n = x->T.v[b - 1].e - x->T.v[a].s;
	ties_buf o = TIES_BUF_INIT;

	/* Runs of white space become one space. */
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\n' || c == '\t' || c == '\r' || c == ' ') {
			if (o.len && o.ptr[o.len - 1] != ' ')
				ties_buf__putc(&o, ' ');
			continue;
		}
		ties_buf__putc(&o, (char)c);
	}
	if (o.oom) {
		ties_buf__release(&o);
		return NULL;
	}
	return ties_xt__pool_keep(&d->P,
				  o.ptr ? ties_buf__detach(&o) : strdup(""));
}

const char *ties_xt__sent_text(ties_draft *d, int doc, int sent)
{
	const struct xdoc *x = &d->docs[doc];

	if (sent < 0 || (size_t)sent >= x->nsent)
		return "";
	return ties_xt__tok_text(d, x, x->sent[sent][0], x->sent[sent][1]);
}

int ties_xt__fact(ties_draft *d, double conf, const char *type, int doc,
		  int sent, const char *fmt, ...)
{
	struct xfact f;
	va_list ap;
	int n;
	char *s;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !(s = malloc((size_t)n + 1)))
		return ties_xt__oom(d);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	if (!ties_xt__pool_keep(&d->P, s) ||
	    ties__grow(&d->f, &d->fcap, d->nf, sizeof(f)) < 0)
		return ties_xt__oom(d);
	f.conf = conf;
	f.type = type;
	f.text = s;
	f.doc = doc;
	f.sent = sent;
	f.seq = d->seq++;
	d->f[d->nf++] = f;
	return 0;
}

static const char *fold_key(ties_draft *d, const char *s)
{
	ties_buf b = TIES_BUF_INIT;

	if (ties_fold__buf(&b, s) < 0) {
		ties_buf__release(&b);
		return NULL;
	}
	return ties_xt__pool_keep(&d->P,
				  b.ptr ? ties_buf__detach(&b) : strdup(""));
}

long ties_xt__ent_lookup(ties_draft *d, const char *text)
{
	const char *k = fold_key(d, text);
	long v;

	if (k && *k && ties_strmap__get(&d->names, k, &v))
		return v;
	return -1;
}

int ties_xt__ent_key(ties_draft *d, long e, const char *text)
{
	const char *k = fold_key(d, text);
	long old;

	if (!k)
		return ties_xt__oom(d);
	if (!*k)
		return 0;
	return ties_strmap__put(&d->names, k, e, &old) < 0 ? ties_xt__oom(d)
							   : 0;
}

static const char *tail_key(ties_draft *d, int doc, const char *text)
{
	const char *k = text ? fold_key(d, text) : NULL;

	return k ? ties_xt__pool_printf(&d->P, "%d:%s", doc, k) : NULL;
}

long ties_xt__tail_lookup(ties_draft *d, int doc, const char *text)
{
	const char *k = tail_key(d, doc, text);
	long v;

	if (!k || !ties_strmap__get(&d->tails, k, &v))
		return -1;
	/* Two names share the tail: it names neither. */
	return ties_strmap__get(&d->tails, ties_xt__pool_printf(&d->P, "!%s", k),
				&(long){0})
		       ? -1
		       : v;
}

int ties_xt__tail_add(ties_draft *d, int doc, const char *text, long e)
{
	const char *k = tail_key(d, doc, text);
	long old;
	int r;

	if (!k)
		return ties_xt__oom(d);
	if ((r = ties_strmap__put(&d->tails, k, e, &old)) < 0)
		return ties_xt__oom(d);
	if (r == 1 && old != e &&
	    (!(k = ties_xt__pool_printf(&d->P, "!%s", k)) ||
	     ties_strmap__put(&d->tails, k, e, &old) < 0))
		return ties_xt__oom(d);
	return 0;
}

int ties_xt__ent_alias(ties_draft *d, long e, const char *alias)
{
	struct xent *x = &d->e[e];

	if (!alias || !*alias || !strcmp(alias, x->name))
		return 0;
	for (size_t i = 0; i < x->nalias; i++)
		if (!strcmp(x->alias[i], alias))
			return 0;
	if (x->nalias < sizeof(x->alias) / sizeof(x->alias[0]))
		x->alias[x->nalias++] = ties_xt__pool_strdup(&d->P, alias);
	return ties_xt__ent_key(d, e, alias);
}

/* An id of lower-case ASCII words joined by '-' (dashes and spaces of
 * every kind, lumped by utf8proc, join them too). */
char *ties_xt__slug(ties_draft *d, const char *s)
{
	utf8proc_uint8_t *f = NULL;
	ties_buf b = TIES_BUF_INIT;

	if (utf8proc_map((const utf8proc_uint8_t *)s, -1, &f,
			 UTF8PROC_NULLTERM | UTF8PROC_CASEFOLD |
				 UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
				 UTF8PROC_LUMP | UTF8PROC_STABLE) < 0)
		f = (utf8proc_uint8_t *)strdup(s);
	if (!f)
		return NULL;
	for (const char *p = (const char *)f; *p; p++) {
		char c = *p;

		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			ties_buf__putc(&b, c);
		else if ((unsigned char)c < 0x80 && c != '\'' && b.len &&
			 b.ptr[b.len - 1] != '-')
			ties_buf__putc(&b, '-');
	}
	free(f);
	while (b.len && b.ptr[b.len - 1] == '-')
		b.ptr[--b.len] = '\0';
	if (!b.len)
		ties_buf__puts(&b, "x");
	if (b.oom) {
		ties_buf__release(&b);
		return NULL;
	}
	return ties_xt__pool_keep(&d->P, ties_buf__detach(&b));
}

int ties_xt__id_claim(ties_draft *d, const char *id, long e)
{
	return ties_strmap__put(&d->ids, id, e, &(long){0}) < 0
		       ? ties_xt__oom(d)
		       : 0;
}

static int id_taken(ties_draft *d, const char *id)
{
	return ties_strmap__get(&d->ids, id, &(long){0}) ||
	       ties_store__id_exists(d->db, id) == 1;
}

/* An id made from `base` that neither the draft nor the database uses;
 * the draft keeps it as used. */
const char *ties_xt__unique_id(ties_draft *d, const char *base)
{
	const char *id = base;

	for (int n = 2; id && id_taken(d, id); n++)
		id = ties_xt__pool_printf(&d->P, "%s-%d", base, n);
	if (id && ties_xt__id_claim(d, id, -1) < 0)
		return NULL;
	return id;
}

int ties_xt__is_person_kind(const char *k)
{
	return k && !strcmp(k, "person");
}

/* A word of `l` on its own ("Ministry", "Education"). */
static int one_word_of(const struct plist *l, const char *w)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].n == 1 && !strcmp(l->v[i].w[0], w))
			return 1;
	return 0;
}

/*
 * Whether `name`, found in the database as an institution of country `cc`,
 * may be that one here. A name of only head words, portfolios and
 * connectors ("Ministry of Education") is borne by many countries' bodies:
 * it is the database's only where the release names its country.
 */
int ties_xt__may_be_known(ties_draft *d, int doc, const char *name,
			  const char *cc)
{
	const char *k = fold_key(d, name), *cn;
	char *w, *save = NULL, *copy;
	int generic = 1;

	if (!k || !(copy = strdup(k)))
		return 1;
	for (w = strtok_r(copy, " ,", &save); w && generic;
	     w = strtok_r(NULL, " ,", &save))
		generic = ties_xt__connector(w) ||
			  one_word_of(&d->D.l[D_INST], w) ||
			  one_word_of(&d->D.l[D_PORTFOLIO], w);
	free(copy);
	if (!generic)
		return 1;
	cn = cc ? ties_xt__country_name(d, cc) : NULL;
	return cn && strcmp(cn, cc) && strstr(d->docs[doc].text, cn);
}

/*
 * The entity named `name`: the draft's, else the database's (an exact id,
 * name or alias of a compatible kind), else a new one.
 */
static int name_parts(ties_draft *d, int doc, long e);

long ties_xt__ent_get(ties_draft *d, const char *kind, const char *name,
		      double conf, const char *why, int doc, int sent)
{
	struct xent *x;
	ties_match m;
	long e = ties_xt__ent_lookup(d, name), old;
	int n;

	if (!name)
		return ties_xt__oom(d), -1;
	if (e >= 0) {
		if (ties_xt__is_person_kind(d->e[e].kind) ==
		    ties_xt__is_person_kind(kind))
			return e;
	}
	if (ties__grow(&d->e, &d->ecap, d->ne, sizeof(*x)) < 0)
		return ties_xt__oom(d), -1;
	e = (long)d->ne;
	x = &d->e[e];
	memset(x, 0, sizeof(*x));
	x->parent = -1;
	x->side = -1;
	x->kind = kind;
	x->name = ties_xt__pool_strdup(&d->P, name);
	x->conf = conf;
	x->why = why;
	x->doc = doc;
	x->sent = sent;
	n = ties_store__match_name(d->db, name, &m);
	if (n < 0)
		return -1;
	if (n == 1 &&
	    ties_xt__is_person_kind(m.kind) == ties_xt__is_person_kind(kind) &&
	    (strcmp(m.kind, "country") != 0) ==
		    (strcmp(kind, "country") != 0) &&
	    (!strcmp(kind, "country") ||
	     ties_xt__may_be_known(d, doc, name, m.country))) {
		x->id = ties_xt__pool_strdup(&d->P, m.id);
		x->kind = ties_xt__pool_strdup(&d->P, m.kind);
		x->name = ties_xt__pool_strdup(&d->P, m.name);
		x->country = ties_xt__pool_strdup(&d->P, m.country);
		x->ccf = 1;
		x->known = 1;
		x->conf = 1;
		ties_match__release(&m);
		/* The same entity may already be in the draft by its id. */
		if (!x->id)
			return ties_xt__oom(d), -1;
		if (ties_strmap__get(&d->ids, x->id, &old) && old >= 0)
			return ties_xt__ent_key(d, old, name) < 0 ? -1 : old;
		if (ties_xt__id_claim(d, x->id, e) < 0)
			return -1;
	} else if (n >= 1) {
		ties_match__release(&m);
	}
	d->ne++;
	if (ties_xt__ent_key(d, e, name) < 0 ||
	    (x->known && ties_xt__ent_key(d, e, x->name) < 0))
		return -1;
	if (ties_xt__is_person_kind(d->e[e].kind) && name_parts(d, doc, e) < 0)
		return -1;
	return e;
}

/* The parts of person e's name by which it is named alone, in the map of
 * tails: its last word and its first (any document: "Malik", "Li"), and
 * its last two words when it has more (document doc: "Davari Ardakani"). */
static int name_parts(ties_draft *d, int doc, long e)
{
	const char *n = d->e[e].name, *last = strrchr(n, ' '), *p = last;

	if (!last)
		return 0;
	if (ties_xt__tail_add(d, -1, ties_xt__pool_printf(&d->P, "~l %s",
							  last + 1),
			      e) < 0 ||
	    ties_xt__tail_add(d, -1, ties_xt__pool_printf(&d->P, "~f %.*s",
							  (int)(last - n), n),
			      e) < 0)
		return -1;
	while (p > n && p[-1] != ' ')
		p--;
	if (p > n + 1 &&
	    ties_xt__tail_add(d, doc, ties_xt__pool_printf(&d->P, "~%s", p),
			      e) < 0)
		return -1;
	return 0;
}

/* The person drafted under `part` in document doc: -1 when none is, -2
 * when two are. */
static long by_part(ties_draft *d, int doc, const char *part)
{
	const char *k = tail_key(d, doc, part);
	long v;

	if (!k)
		return ties_xt__oom(d), -2;
	if (!ties_strmap__get(&d->tails, k, &v))
		return -1;
	return ties_strmap__get(&d->tails,
				ties_xt__pool_printf(&d->P, "!%s", k),
				&(long){0})
		       ? -2
		       : v;
}

long ties_xt__by_last_words(ties_draft *d, int doc, const char *name)
{
	long e = by_part(d, doc, ties_xt__pool_printf(&d->P, "~%s", name));

	return e < 0 ? -1 : e;
}

long ties_xt__by_family_name(ties_draft *d, const char *w)
{
	long e = by_part(d, -1, ties_xt__pool_printf(&d->P, "~l %s", w));

	if (e == -1)
		e = by_part(d, -1, ties_xt__pool_printf(&d->P, "~f %s", w));
	return e < 0 ? -1 : e;
}

long ties_xt__country_ent(ties_draft *d, const char *cc)
{
	ties_match m;
	long e;
	int n;

	if (ties_strmap__get(&d->ids, cc, &e) && e >= 0 &&
	    !strcmp(d->e[e].kind, "country"))
		return e;
	n = ties_store__match_name(d->db, cc, &m);
	if (n != 1)
		return -1;
	if (strcmp(m.kind, "country")) {
		ties_match__release(&m);
		return -1;
	}
	e = ties_xt__ent_get(d, "country", m.name, 1, "country", 0, -1);
	ties_match__release(&m);
	return e;
}

/* The name of a country id, for messages; adds nothing to the draft (a
 * caller may hold a pointer into it). */
const char *ties_xt__country_name(ties_draft *d, const char *cc)
{
	ties_match m;
	const char *name = NULL;

	if (!cc)
		return "?";
	for (size_t i = 0; i < d->ne; i++)
		if (!strcmp(d->e[i].kind, "country") && d->e[i].id &&
		    !strcmp(d->e[i].id, cc))
			return d->e[i].name;
	if (ties_store__match_name(d->db, cc, &m) == 1) {
		name = ties_xt__pool_strdup(&d->P, m.name);
		ties_match__release(&m);
	}
	return name ? name : cc;
}

void ties_xt__set_country(ties_draft *d, long e, const char *cc, double conf,
			  const char *why, int doc, int sent)
{
	struct xent *x = &d->e[e];

	if (!cc || x->known || (x->country && x->ccf >= conf))
		return;
	x->country = cc;
	x->ccf = conf;
	x->cwhy = why;
	x->cdoc = doc;
	x->csent = sent;
}

void ties_xt__set_parent(ties_draft *d, long e, long parent, double conf,
			 const char *why, int doc, int sent)
{
	struct xent *x = &d->e[e];

	if (parent < 0 || parent == e || x->known ||
	    (x->parent >= 0 && x->pcf >= conf))
		return;
	/* No cycles. */
	for (long p = parent; p >= 0; p = d->e[p].parent)
		if (p == e)
			return;
	x->parent = parent;
	x->pcf = conf;
	x->pwhy = why;
	x->pdoc = doc;
	x->psent = sent;
}

int ties_xt__add_member(ties_draft *d, long person, long org, const char *role,
			double conf, const char *why, int doc, int sent)
{
	struct xmember m = {person, org, role, conf, why, doc, sent};

	if (person < 0 || org < 0)
		return 0;
	for (size_t i = 0; i < d->nm; i++)
		if (d->m[i].person == person && d->m[i].org == org) {
			if (!d->m[i].role && role)
				d->m[i].role = role;
			return 0;
		}
	/* A person has one institution here: the surest. */
	for (size_t i = 0; i < d->nm; i++)
		if (d->m[i].person == person) {
			if (d->m[i].conf >= conf)
				return 0;
			if (!role)
				m.role = d->m[i].role;
			d->m[i] = m;
			return 0;
		}
	if (ties__grow(&d->m, &d->mcap, d->nm, sizeof(m)) < 0)
		return ties_xt__oom(d);
	d->m[d->nm++] = m;
	return 0;
}

long ties_xt__member_org(ties_draft *d, long person)
{
	for (size_t i = 0; i < d->nm; i++)
		if (d->m[i].person == person)
			return d->m[i].org;
	return -1;
}

/*
 * The database as gazetteer: the longest span at i, of at least `min`
 * words (two or more) and longer than the draft's `best`, that names one
 * institution of the database; its length, with *e, or 0. A generic name
 * is the database's only where the release names its country.
 */
int ties_xt__known_span(struct scan *c, size_t i, size_t best, size_t min,
		      long *e)
{
	size_t end = i;

	if (min < 2)
		min = 2;
	while (end < c->b && end - i < 8 &&
	       (ties_xt__is_cap(c, end) || (c->T->v[end].f & T_ALLCAPS) ||
		(end > i && ties_xt__connector(c->T->v[end].low)))) {
		end++;
		if (c->T->v[end - 1].f & T_POSS)
			break;
	}
	for (size_t j = end; j >= i + min && j > i + best; j--) {
		ties_match m;
		const char *t;
		int r;

		if (ties_xt__connector(c->T->v[j - 1].low))
			continue;
		if (!(t = ties_xt__tok_text(c->d, c->x, i, j)) ||
		    (r = ties_store__match_name(c->d->db, t, &m)) < 0)
			return 0;
		if (r != 1)
			continue;
		if (ties_xt__is_person_kind(m.kind) ||
		    !strcmp(m.kind, "country") ||
		    !ties_xt__may_be_known(c->d, c->doc, t, m.country)) {
			ties_match__release(&m);
			continue;
		}
		*e = ties_xt__ent_get(c->d, m.kind, m.name, 1, "known", c->doc,
				      c->s);
		ties_match__release(&m);
		if (*e < 0 || ties_xt__ent_key(c->d, *e, t) < 0)
			return 0;
		return (int)(j - i);
	}
	return 0;
}

int ties_xt__is_agreement_kind(const char *k)
{
	return !strcmp(k, "mou") || !strcmp(k, "agreement");
}

long ties_xt__new_event(ties_draft *d, const char *kind, int doc, int sent)
{
	struct xevent *ev;

	if (ties__grow(&d->ev, &d->evcap, d->nev, sizeof(*ev)) < 0)
		return ties_xt__oom(d), -1;
	ev = &d->ev[d->nev];
	memset(ev, 0, sizeof(*ev));
	ev->kind = kind;
	ev->place = -1;
	ev->doc = doc;
	ev->sent = sent;
	return (long)d->nev++;
}
