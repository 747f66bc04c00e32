/*
 * sentence.c — ties extract, one sentence: its mentions in order, the bare
 * names of a list, each person's role, and topic lists.
 */
#include <stdlib.h>
#include <string.h>

#include "extract_int.h"

int ties_xt__scan_mentions(struct scan *c)
{
	size_t i = c->a;

	while (i < c->b) {
		struct ment m;
		size_t n;
		const char *cc;
		int adj;
		long e;

		if ((n = ties_xt__at_person(c, i, &m))) {
			if (ties_xt__add_ment(c, &m) < 0)
				return -1;
			if (m.org >= 0) {
				struct ment o = {0};

				o.type = M_ORG;
				o.ent = m.org;
				o.org = -1;
				o.a = o.b = m.b; /* inside the person's */
				if (ties_xt__add_ment(c, &o) < 0)
					return -1;
			}
			i += n;
			continue;
		}
		if (c->d->db && (n = ties_xt__at_country(c, i, &cc, &adj))) {
			/* A demonym or a country that starts an
			 * institution's name is the institution's ("Russian
			 * Academy of Sciences", "Iran National Science
			 * Foundation", "US Congress"). */
			if (!(ties_xt__at_org(c, i, &e) > n && e >= 0)) {
				memset(&m, 0, sizeof(m));
				m.type = M_COUNTRY;
				m.a = i;
				m.b = i + n;
				m.cc = cc;
				m.adjective = adj;
				m.ent = m.org = -1;
				/* "U.S.-Sweden": two countries joined. */
				if (c->S->n && i >= 2 &&
				    ties_xt__word_is(c, i - 1, "-") &&
				    c->S->m[c->S->n - 1].type == M_COUNTRY &&
				    c->S->m[c->S->n - 1].b == i - 1)
					m.compound =
						c->S->m[c->S->n - 1].compound =
							1;
				if (ties_xt__add_ment(c, &m) < 0)
					return -1;
				i += n;
				continue;
			}
		}
		if ((n = ties_xt__at_org(c, i, &e)) && e >= 0) {
			memset(&m, 0, sizeof(m));
			m.type = M_ORG;
			m.a = i;
			m.b = i + n;
			m.ent = e;
			m.org = -1;
			if (ties_xt__add_ment(c, &m) < 0)
				return -1;
			i += n;
			continue;
		}
		/* "Pakistan-Russia", "U.S.-Mexico": countries in a compound. */
		{
			const char *ccs[4];
			int parts = ties_xt__compound(c, i, ccs);

			for (int k = 0; k < parts; k++) {
				memset(&m, 0, sizeof(m));
				m.type = M_COUNTRY;
				m.a = i;
				m.b = i + 1;
				m.cc = ccs[k];
				m.compound = 1;
				m.ent = m.org = -1;
				if (ties_xt__add_ment(c, &m) < 0)
					return -1;
			}
		}
		i++;
	}
	return 0;
}

static int covered(const struct scan *c, size_t i)
{
	for (size_t k = 0; k < c->S->n; k++)
		if (i >= c->S->m[k].a && i < c->S->m[k].b)
			return 1;
	return 0;
}

/* The person named by tokens [i, i + n), without a title. */
static int add_name(struct scan *c, size_t i, size_t n, double conf,
		    const char *why)
{
	struct ment m;

	memset(&m, 0, sizeof(m));
	m.type = M_PERSON;
	m.a = i;
	m.b = i + n;
	m.org = -1;
	m.ent = ties_xt__ent_get(c->d, "person",
				 ties_xt__tok_text(c->d, c->x, i, i + n), conf,
				 why, c->doc, c->s);
	if (m.ent < 0)
		return -1;
	return ties_xt__add_ment(c, &m);
}

/* Names without a title in a list of people: "including Asadullah Khan,
 * Ms. Mahrukh Khan, Taimur Khan, and ...". */
int ties_xt__bare_names(struct scan *c)
{
	int persons = 0, cue = 0;

	if (c->s < c->x->body_from)
		return 0;
	for (size_t k = 0; k < c->S->n; k++)
		persons += c->S->m[k].type == M_PERSON;
	for (size_t i = c->a; i < c->b; i++)
		if (ties_xt__match_at(ties_xt__words(c, D_PARTIC), c->T, i,
				      c->b, NULL) >= 0)
			cue = 1;
	if (!persons || !cue)
		return 0;
	for (size_t i = c->a + 1; i < c->b; i++) {
		size_t n;
		const char *p = c->T->v[i - 1].low;

		if (covered(c, i) || !ties_xt__name_word(c, i))
			continue;
		if (strcmp(p, ",") && strcmp(p, "and") && strcmp(p, ";") &&
		    strcmp(p, "including") && strcmp(p, "included"))
			continue;
		n = ties_xt__name_at(c, i);
		if (n < 2 || n > 3)
			continue;
		{
			const char *nx =
				i + n < c->b ? c->T->v[i + n].low : ".";

			if (strcmp(nx, ",") && strcmp(nx, "and") &&
			    strcmp(nx, ".") && strcmp(nx, ";"))
				continue;
		}
		if (add_name(c, i, n, 0.6, "a name in a list of people") < 0)
			return -1;
		i += n;
	}
	return 0;
}

/* A name without a title as the subject of a verb of person-verbs.txt:
 * "Vladimir Putin held a meeting", "Deputy Colm Burke asked": two to four
 * name words after a word that is not capitalised (or at the start of the
 * sentence), right before the verb. */
int ties_xt__named_subjects(struct scan *c)
{
	for (size_t i = c->a; i < c->b; i++) {
		size_t n;

		if (covered(c, i) || !ties_xt__name_word(c, i) ||
		    (i > c->a && (c->T->v[i - 1].f & T_CAP) &&
		     !ties_xt__word_is(c, i - 1, ",")))
			continue;
		n = ties_xt__name_at(c, i);
		if (n < 2 || i + n >= c->b || covered(c, i + n - 1) ||
		    (c->T->v[i + n - 1].f & T_POSS) ||
		    ties_xt__match_at(ties_xt__words(c, D_PVERB), c->T, i + n,
				      c->b, NULL) < 0)
			continue;
		if (add_name(c, i, n, 0.7, "a name before a verb of persons") <
		    0)
			return -1;
		i += n;
	}
	return 0;
}

/* The longest role cue of list r at token i, ending by `end`, among the
 * cues before the person (after 0) or after it (after 1): its index, or
 * -1. */
static int role_cue(const struct scan *c, const struct plist *r, size_t i,
		    size_t end, int after)
{
	size_t n = 0;
	int k = -1;

	for (size_t q = 0; q < r->n; q++) {
		size_t j;

		if (r->v[q].after != after || i + r->v[q].n > end)
			continue;
		for (j = 0; j < r->v[q].n; j++)
			if (strcmp(r->v[q].w[j], c->T->v[i + j].low))
				break;
		if (j == r->v[q].n && (k < 0 || r->v[q].n > n)) {
			k = (int)q;
			n = r->v[q].n;
		}
	}
	return k;
}

/* The role cue nearest a person: before it, else after it. */
const char *ties_xt__role_of(const struct scan *c, const struct ment *m,
			     double *conf)
{
	const struct plist *r = ties_xt__words(c, D_ROLE);
	int k;

	for (size_t i = m->a; i-- > c->a;) {
		if ((k = role_cue(c, r, i, m->a, 0)) >= 0) {
			*conf = 0.85;
			return r->v[k].val;
		}
		if (ties_xt__word_is(c, i, ";"))
			break;
	}
	for (size_t i = m->b; i < c->b && i < m->b + 16; i++) {
		if (ties_xt__word_is(c, i, ";") || ties_xt__word_is(c, i, "."))
			break;
		if ((k = role_cue(c, r, i, c->b, 1)) >= 0) {
			*conf = 0.8;
			return r->v[k].val;
		}
	}
	*conf = 0.7;
	return "attendee";
}

static int role_rank(const char *role)
{
	static const char *const order[] = {"attendee",	 "delegation",
					    "signatory", "host",
					    "chair",	 "head_of_delegation"};

	for (int i = 5; i >= 0; i--)
		if (!strcmp(role, order[i]))
			return i + 1;
	return 1;
}

int ties_xt__add_part(ties_draft *d, struct xevent *ev, long ent,
		      const char *role, double conf, const char *why, int sent)
{
	struct xpart p = {ent, role, role_rank(role), conf, why, sent};

	if (ent < 0)
		return 0;
	for (size_t i = 0; i < ev->np; i++)
		if (ev->p[i].ent == ent) {
			if (p.rank > ev->p[i].rank)
				ev->p[i] = p;
			return 0;
		}
	if (ties__grow(&ev->p, &ev->cap, ev->np, sizeof(p)) < 0)
		return ties_xt__oom(d);
	ev->p[ev->np++] = p;
	return 0;
}

/* A list after a cue, to the end of the sentence: items split at ';', or
 * at ',' when there is none; stops at an item that starts with an -ing
 * word. */
void ties_xt__topic_list(struct scan *c, size_t from, size_t to, ties_buf *out)
{
	int semi = 0;
	size_t a = from;

	for (size_t i = from; i < to; i++)
		semi |= ties_xt__word_is(c, i, ";");
	while (a < to) {
		size_t b = a;
		const char *t;
		size_t tl;

		while (b < to && !ties_xt__word_is(c, b, semi ? ";" : ",") &&
		       !ties_xt__word_is(c, b, "."))
			b++;
		if (ties_xt__word_is(c, a, "and"))
			a++;
		if (ties_xt__word_is(c, a, "the") ||
		    ties_xt__word_is(c, a, "a"))
			a++;
		if (ties_xt__word_is(c, a, "issues") &&
		    ties_xt__word_is(c, a + 1, "of"))
			a += 2;
		if (a < b) {
			tl = strlen(c->T->v[a].low);
			if (a > from + 1 && tl > 4 &&
			    !strcmp(c->T->v[a].low + tl - 3, "ing"))
				break;
			t = ties_xt__tok_text(c->d, c->x, a, b);
			if (t && *t) {
				if (out->len)
					ties_buf__putc(out, '|');
				for (const char *p = t; *p; p++)
					ties_buf__putc(out,
						       *p == '|' ? '/' : *p);
			}
		}
		if (b < to && ties_xt__word_is(c, b, "."))
			break;
		a = b + 1;
	}
}
