/*
 * acronym.c — ties extract, acronyms a release uses as names: "CERN and
 * ESA signed a framework agreement" names two institutions that the
 * release never spells out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract_int.h"

/* Acronym `acr` ("ICCA RAS") fits the initials of `name`. */
int ties_xt__acronym_fits(const struct scan *c, size_t a, size_t b,
			  const char *acr)
{
	char letters[64];
	size_t n = 0, k = 0;

	for (const char *p = acr; *p && n < sizeof(letters) - 1; p++)
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'))
			letters[n++] = (char)(*p & ~0x20);
	letters[n] = '\0';
	if (n < 2)
		return 0;
	if (a < b && ties_xt__word_is(c, a, "the"))
		a++;
	/* Each letter is the initial of a word (or of a part after '-'), in
	 * order; the first letter that of the first word. */
	for (size_t i = a; i < b && k < n && k != (size_t)-1; i++) {
		const char *w = c->x->text + c->T->v[i].s;
		size_t wl = c->T->v[i].e - c->T->v[i].s;

		for (size_t j = 0; j < wl && k < n; j++) {
			if (j > 0 && w[j - 1] != '-')
				continue;
			if ((w[j] & ~0x20) == letters[k]) {
				k++;
			} else if (i == a && k == 0) {
				k = (size_t)-1; /* not in order */
				break;
			}
		}
	}
	if (k == n)
		return 1;
	/* The acronym of the name in another language, its words in
	 * another order ("International University of Libreville (UIL)"):
	 * the same initials of the capitalised words, in any order. */
	{
		int want[26] = {0}, have = 0, got[26] = {0};

		for (size_t q = 0; q < n; q++)
			want[letters[q] - 'A']++;
		for (size_t i = a; i < b; i++) {
			char l = c->x->text[c->T->v[i].s];

			if (l >= 'A' && l <= 'Z') {
				got[l - 'A']++;
				have++;
			}
		}
		if ((size_t)have != n)
			return 0;
		for (int q = 0; q < 26; q++)
			if (want[q] != got[q])
				return 0;
		return 1;
	}
}

/* Letters and digits only, three to eight, starting with a letter. */
static int acronym_shape(const struct tok *t)
{
	size_t n = t->e - t->s;

	if (!(t->f & T_ALLCAPS) || n < 3 || n > 8)
		return 0;
	for (const char *p = t->low; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')))
			return 0;
	return t->low[0] >= 'a' && t->low[0] <= 'z';
}

/* How often document c->doc uses the acronym at token i: counted once per
 * document (d->acr maps an acronym to its slot in d->acr_uses). */
static long uses(struct scan *c, size_t i)
{
	ties_draft *d = c->d;
	long slot;

	if (d->acr_doc != c->doc + 1) {
		ties_strmap__release(&d->acr);
		memset(&d->acr, 0, sizeof(d->acr));
		d->acr_n = 0;
		d->acr_doc = c->doc + 1;
		for (size_t j = 0; j < c->x->T.n; j++) {
			const struct tok *t = &c->x->T.v[j];
			int r;

			if (!acronym_shape(t))
				continue;
			if ((r = ties_strmap__put(&d->acr, t->low, (long)d->acr_n,
						  &slot)) < 0 ||
			    (r == 0 && ties__grow(&d->acr_uses, &d->acr_cap,
						  d->acr_n,
						  sizeof(*d->acr_uses)) < 0))
				return ties_xt__oom(d), 0;
			if (r == 0)
				d->acr_uses[slot = (long)d->acr_n++] = 0;
			d->acr_uses[slot]++;
		}
	}
	return ties_strmap__get(&d->acr, c->T->v[i].low, &slot)
		       ? d->acr_uses[slot]
		       : 0;
}

/* A word of the dictionaries, a country or a title is not an acronym of
 * an institution ("MOU", "USA", "MP"). */
static int other_word(struct scan *c, size_t i)
{
	static const int lists[] = {D_EVENT,	D_SIGN,	     D_COUNTRY,
				    D_DEMONYM,	D_NOTNAME,   D_HONOR,
				    D_TITLE,	D_PORTFOLIO, D_TOPIC,
				    D_PLACE,	D_ROLE,	     D_PARTIC};
	const char *cc;
	int adj;

	for (size_t k = 0; k < sizeof(lists) / sizeof(lists[0]); k++)
		if (ties_xt__match_at(ties_xt__words(c, lists[k]), c->T, i,
				      i + 1, NULL) >= 0)
			return 1;
	return ties_xt__at_country(c, i, &cc, &adj) > 0;
}

/* The phrase before the "(" at p is a name, not a common phrase ("free
 * trade agreement (FTA)") or an event's ("Strategic Consultative Group
 * (SCG)"). */
static int defines_a_name(struct scan *c, size_t p)
{
	size_t n;

	if (!(c->T->v[p - 1].f & (T_CAP | T_ALLCAPS)))
		return 0;
	for (size_t k = p > 6 ? p - 6 : 0; k < p; k++)
		if (ties_xt__match_at(ties_xt__words(c, D_EVENT), c->T, k, p,
				      &n) >= 0 &&
		    k + n == p)
			return 0;
	return 1;
}

/*
 * The document's uses of the acronym at i say it is not an institution's:
 * defined in parentheses after a phrase that named none ("Strategic
 * Consultative Group (SCG)"), or a family name in capitals beside a given
 * name ("Antonio RUBERTI", "MOTEGI Toshimitsu").
 */
static int used_otherwise(struct scan *c, size_t i)
{
	const struct toks *T = &c->x->T;
	const char *w = c->T->v[i].low;
	struct scan all = *c; /* the whole document */

	all.a = 0;
	all.b = T->n;
	c = &all;
	for (size_t j = 0; j < T->n; j++) {
		int prev_name, next_name;

		if (strcmp(T->v[j].low, w))
			continue;
		if (j > 1 && j + 1 < T->n && !strcmp(T->v[j - 1].low, "(") &&
		    !strcmp(T->v[j + 1].low, ")") && !defines_a_name(c, j - 1))
			return 1;
		/* Neighbours in the same paragraph only. */
		prev_name = j > 0 && !(T->v[j].f & T_PARA) &&
			    (T->v[j - 1].f & T_CAP) &&
			    !(T->v[j - 1].f & T_ALLCAPS) &&
			    ties_xt__name_word(c, j - 1);
		/* "MOTEGI Toshimitsu," but not "SKAO Director General". */
		next_name = j + 1 < T->n && !(T->v[j].f & T_POSS) &&
			    !(T->v[j + 1].f & T_PARA) &&
			    (T->v[j + 1].f & T_CAP) &&
			    !(T->v[j + 1].f & T_ALLCAPS) &&
			    ties_xt__name_word(c, j + 1) &&
			    (j + 2 >= T->n || !(T->v[j + 2].f & T_CAP));
		if (prev_name || next_name)
			return 1;
	}
	return 0;
}

/* The name the release defines the acronym at i by, anywhere in it
 * ("the Square Kilometre Array Observatory (SKAO)"), or NULL. */
/* The name [q, p) that fits an acronym, or the longer name drafted
 * already that ends with it, unless the fit starts after "of (the)" (a
 * body of its own): "Marta Abreu Central University of Las Villas (UCLV)"
 * is one university, "Committee of … of the Collective Security Treaty
 * Organisation (CSTO)" two bodies. */
static const char *drafted_whole(struct scan *c, size_t s, size_t q,
				 size_t p)
{
	const struct toks *T = &c->x->T;

	if (q > 0 && (!strcmp(T->v[q - 1].low, "of") ||
		      (q > 1 && !strcmp(T->v[q - 1].low, "the") &&
		       !strcmp(T->v[q - 2].low, "of"))))
		return ties_xt__tok_text(c->d, c->x, q, p);
	for (size_t k = s; k < q; k++) {
		const char *t = ties_xt__tok_text(c->d, c->x, k, p);
		long e = t ? ties_xt__ent_lookup(c->d, t) : -1;

		if (e >= 0 && !ties_xt__is_person_kind(c->d->e[e].kind) &&
		    strcmp(c->d->e[e].kind, "country"))
			return t;
	}
	return ties_xt__tok_text(c->d, c->x, q, p);
}

static const char *defined_as(struct scan *c, size_t i)
{
	const struct toks *T = &c->x->T;
	struct scan all = *c;

	all.a = 0;
	all.b = T->n;
	for (size_t j = 2; j + 1 < T->n; j++) {
		size_t p = j - 1, s = p, fit = p;

		if (strcmp(T->v[j].low, c->T->v[i].low) ||
		    strcmp(T->v[p].low, "(") || strcmp(T->v[j + 1].low, ")"))
			continue;
		/* "Institute of Strategic Studies, Islamabad (ISSI)": the
		 * name before the place, whose initial may be in it. */
		if (s > 2 && !strcmp(T->v[s - 2].low, ",") &&
		    ties_xt__match_at(ties_xt__words(c, D_PLACE), T, s - 1, s,
				      NULL) >= 0)
			s -= 2, p -= 2;
		while (s > 0 && p - s < 10 &&
		       ((T->v[s - 1].f & (T_CAP | T_ALLCAPS)) ||
			ties_xt__connector(T->v[s - 1].low)))
			s--;
		/* The shortest name that fits: "Committee of Security
		 * Council Secretaries of the Collective Security Treaty
		 * Organisation (CSTO)" defines the Organisation's. */
		for (size_t q = p - 1; q > s; q--)
			if ((T->v[q - 1].f & T_CAP) &&
			    (ties_xt__acronym_fits(&all, q - 1, p,
						   T->v[j].low) ||
			     ties_xt__acronym_fits(&all, q - 1, fit,
						   T->v[j].low)))
				return drafted_whole(c, s, q - 1, p);
	}
	return NULL;
}

long ties_xt__release_acronym(struct scan *c, size_t i)
{
	const char *t, *full;
	long e;

	if (!acronym_shape(&c->T->v[i]) || uses(c, i) < 2)
		return -1;
	if (other_word(c, i) || used_otherwise(c, i)) {
		long slot;

		/* Judged once per document. */
		if (ties_strmap__get(&c->d->acr, c->T->v[i].low, &slot))
			c->d->acr_uses[slot] = 0;
		return -1;
	}
	if (!(t = ties_xt__tok_text(c->d, c->x, i, i + 1)))
		return ties_xt__oom(c->d), -1;
	/* Named in full further on: that name, the acronym its alias. */
	if ((full = defined_as(c, i))) {
		e = ties_xt__ent_get(c->d, "institution", full, 0.9,
				     "an acronym the release defines", c->doc,
				     c->s);
		if (e >= 0 && ties_xt__ent_alias(c->d, e, t) < 0)
			return -1;
		return e;
	}
	return ties_xt__ent_get(c->d, "institution", t, 0.6,
				"an acronym the release repeats", c->doc, c->s);
}
