/*
 * mentions.c — ties extract, mentions: countries, institutions and their
 * acronyms at a token of a sentence, and the runs of capitalised words
 * their names are made of (people are in people.c, the words of names and
 * titles in names.c).
 */
#include <stdlib.h>
#include <string.h>

#include "extract_int.h"

int ties_xt__add_ment(struct scan *c, const struct ment *m)
{
	if (ties__grow(&c->S->m, &c->S->cap, c->S->n, sizeof(*m)) < 0)
		return ties_xt__oom(c->d);
	c->S->m[c->S->n++] = *m;
	return 0;
}

/* A person's pattern starts at i: a title, an honorific before a name, or
 * a demonym before either. */
static int person_starts(const struct scan *c, size_t i)
{
	size_t n;
	const char *cc;
	int adj;

	if (ties_xt__at_title(c, i))
		return 1;
	if (ties_xt__is_honor(c, i, &n) && ties_xt__name_word(c, i + n))
		return 1;
	if ((n = ties_xt__at_country(c, i, &cc, &adj)) && ties_xt__at_title(c, i + n))
		return 1;
	return 0;
}

/* Two or three name words at i that end a run of capitalised words. */
static int trailing_name(const struct scan *c, size_t i)
{
	size_t k = i;

	while (k < c->b && k - i < 4 && ties_xt__name_word(c, k))
		k++;
	/* "I.S. Leonova": initials, then a family name. */
	if (k == i && ties_xt__name_at(c, i) == 2)
		k = i + 2;
	return k - i >= 2 && k - i <= 3 &&
	       (k >= c->b || !(ties_xt__is_cap(c, k) ||
			       (c->T->v[k].f & T_ALLCAPS)));
}

/* A person's name at i with its title after a comma: "Naveed Malik, the
 * Rector of ...", "Vikas Gupta, registrar, University of Delhi"; the
 * name's tokens, or 0. */
size_t ties_xt__name_then_title(const struct scan *c, size_t i)
{
	size_t n = ties_xt__name_at(c, i), k = i + n + 1;

	if (n < 2 || !ties_xt__word_is(c, i + n, ","))
		return 0;
	k = ties_xt__skip_role_seg(c, k);
	k += ties_xt__word_is(c, k, "the");
	return ties_xt__at_title(c, k) ? n : 0;
}

/* At k, a short role before the title proper, ending in a title's word:
 * "Politburo member, Director of ...", "Party member, Acting Director
 * of ...": where the title starts after it, or k. */
size_t ties_xt__skip_role_seg(const struct scan *c, size_t k)
{
	for (size_t e = k + 1; e < c->b && e <= k + 3; e++)
		if (ties_xt__word_is(c, e, ",")) {
			if (!ties_xt__at_title(c, k) &&
			    ties_xt__at_title(c, e - 1) == 1 &&
			    ties_xt__at_title(c, e + 1))
				return e + 1;
			break;
		}
	return k;
}

/* ", Culture and Science", ", Economic, Scientific and Technical": single
 * capitalised words, no head words or countries, listed inside a name at
 * the comma j; the tokens up to the "and", or 0. */
/* An item of such a list at i: one to three capitalised words, no head
 * word or country among them ("Middle East"); its tokens, or 0. */
static size_t list_item(const struct scan *c, size_t i)
{
	size_t n = 0;
	const char *cc;
	int adj;

	while (n < 3 && ties_xt__is_cap(c, i + n) &&
	       !ties_xt__inst_head(c, i + n, NULL) &&
	       !ties_xt__at_country(c, i + n, &cc, &adj))
		n++;
	return ties_xt__is_cap(c, i + n) ? 0 : n;
}

static size_t inner_list(const struct scan *c, size_t j)
{
	size_t k = j, n;
	const char *cc;
	int adj;

	while (k + 2 < c->b && ties_xt__word_is(c, k, ",") &&
	       (n = list_item(c, k + 1))) {
		k += 1 + n;
		/* "Policy, Advocacy, and Governance": a comma before the
		 * "and" too. */
		if (ties_xt__word_is(c, k, ",") &&
		    ties_xt__word_is(c, k + 1, "and") && k + 2 < c->b &&
		    ties_xt__is_cap(c, k + 2) &&
		    !ties_xt__at_country(c, k + 2, &cc, &adj))
			return k + 1 - j;
		if (ties_xt__word_is(c, k, "and") && k + 1 < c->b &&
		    ties_xt__is_cap(c, k + 1) &&
		    !ties_xt__at_country(c, k + 1, &cc, &adj))
			return k - j;
	}
	return 0;
}

static int based_at(const struct scan *c, size_t i);

/* A possessive that is part of a name: "Peoples' Friendship University",
 * "Women's University", "People's Liberation Army" (not "China's
 * Ministry"). */
static int plural_poss(const struct scan *c, size_t i)
{
	static const char *const w[] = {"people", "peoples", "women",
					"workers", "children", "nations",
					"farmers", "veterans", "students"};
	const char *t = c->T->v[i].low;
	size_t n = strlen(t);

	/* The folded form may keep the apostrophe ("peoples'"). */
	if (n && (t[n - 1] == '\'' || (unsigned char)t[n - 1] == 0x99))
		n -= t[n - 1] == '\'' ? 1 : 3;
	if (!ties_xt__is_cap(c, i + 1))
		return 0;
	for (size_t k = 0; k < sizeof(w) / sizeof(*w); k++)
		if (strlen(w[k]) == n && !strncmp(t, w[k], n))
			return 1;
	return 0;
}

/* A run of capitalised words and connectors at i (no leading "the"); it
 * stops before an honorific, before a title once it has a head word, and
 * before an "and" that joins two institutions or starts a person; tokens
 * used. */
size_t ties_xt__capseq(const struct scan *c, size_t i)
{
	size_t j = i, last = i;
	int head = 0;

	while (j < c->b) {
		size_t n;

		if (j > i && (c->T->v[j].f & T_BREAK))
			break;
		if (ties_xt__is_cap(c, j) || (c->T->v[j].f & T_ALLCAPS)) {
			/* "New Delhi-based Population Council Institute":
			 * where it is ends the run before the name. */
			if (based_at(c, j))
				break;
			if (j > i && ties_xt__is_honor(c, j, &n) &&
			    ties_xt__name_word(c, j + n))
				break;
			if (j > i && head && ties_xt__at_title(c, j) &&
			    !ties_xt__word_is(c, j - 1, "of") &&
			    !(j >= i + 2 && ties_xt__word_is(c, j - 1, "the") &&
			      ties_xt__word_is(c, j - 2, "of")))
				break;
			/* "… Development Office Catherine West said", "the
			 * Academy of Sciences Anna Nowak", "the Ministry of
			 * Foreign Affairs Zoran Jankovic": a person's name
			 * after the head word, its "of" word or a portfolio
			 * is not the institution's. */
			if (j > i && head &&
			    (ties_xt__inst_head(c, j - 1, NULL) ||
			     (j >= i + 2 && ties_xt__word_is(c, j - 2, "of")) ||
			     ties_xt__match_at(ties_xt__words(c, D_PORTFOLIO),
					       c->T, j - 1, j, NULL) >= 0) &&
			    trailing_name(c, j))
				break;
			head |= ties_xt__inst_head(c, j, NULL);
			j++;
			last = j;
			if ((c->T->v[j - 1].f & T_POSS) && !plural_poss(c, j - 1))
				break;
			continue;
		}
		/* "Pakistan Research Centre for a Community With Shared
		 * Future". */
		if (head && ties_xt__word_is(c, j, "for") &&
		    (ties_xt__word_is(c, j + 1, "a") ||
		     ties_xt__word_is(c, j + 1, "an")) &&
		    ties_xt__is_cap(c, j + 2)) {
			j += 2;
			continue;
		}
		/* "Kazakh National University of Arts named after Kulyash
		 * Baiseitova": a name in full. */
		if (head && ties_xt__word_is(c, j, "named") &&
		    ties_xt__word_is(c, j + 1, "after") &&
		    ties_xt__is_cap(c, j + 2)) {
			j += 2;
			continue;
		}
		/* "in" joins a post to its city ("Embassy in Tashkent"),
		 * not a body to where it met ("AU Commission in Tokyo"). */
		if (ties_xt__word_is(c, j, "in") &&
		    !(ties_xt__word_is(c, j - 1, "embassy") ||
		      ties_xt__word_is(c, j - 1, "consulate") ||
		      ties_xt__word_is(c, j - 1, "consulate-general") ||
		      ties_xt__word_is(c, j - 1, "mission") ||
		      ties_xt__word_is(c, j - 1, "office")))
			break;
		/* "on" after a head word only: "Commission on Trade", not
		 * "Medal of Diplomacy on British Office Taipei". */
		if (ties_xt__word_is(c, j, "on") &&
		    !ties_xt__inst_head(c, j - 1, NULL))
			break;
		if (j > i && ties_xt__connector(c->T->v[j].low) &&
		    (ties_xt__is_cap(c, j + 1) ||
		     (ties_xt__word_is(c, j + 1, "the") &&
		      ties_xt__is_cap(c, j + 2)))) {
			/* "NSF and the Russian Ministry of Education": "and
			 * the" starts a second name. */
			if ((!strcmp(c->T->v[j].low, "and") ||
			     !strcmp(c->T->v[j].low, "&")) &&
			    ((j == i + 1 && (c->T->v[i].f & T_ALLCAPS)) ||
			     ties_xt__inst_head(c, j - 1, NULL) ||
			     ties_xt__inst_head(c, j + 1, NULL) ||
			     ties_xt__word_is(c, j + 1, "the") ||
			     person_starts(c, j + 1) ||
			     ties_xt__name_then_title(c, j + 1)))
				break;
			j++;
			continue;
		}
		if (j > i && (n = inner_list(c, j))) {
			j += n;
			continue;
		}
		/* "Joint EC - CERN Research Committee": a dash between
		 * capitals before the name has its head word. */
		if (j > i && !head && j + 1 < c->b &&
		    (!strcmp(c->T->v[j].low, "-") ||
		     !strcmp(c->T->v[j].low, "\xe2\x80\x93")) &&
		    (ties_xt__is_cap(c, j + 1) ||
		     (c->T->v[j + 1].f & T_ALLCAPS))) {
			j++;
			continue;
		}
		break;
	}
	return last - i;
}

int ties_xt__based_at(const struct scan *c, size_t i)
{
	return based_at(c, i);
}

/* Token i is "<place>-based". */
static int based_at(const struct scan *c, size_t i)
{
	const char *w = c->T->v[i].low;
	size_t n = strlen(w);

	return n > 6 && !strcmp(w + n - 6, "-based");
}

/* Text of tokens [a, b) without a leading "the". */
const char *ties_xt__span(struct scan *c, size_t a, size_t b)
{
	if (a < b && ties_xt__word_is(c, a, "the"))
		a++;
	return a < b ? ties_xt__tok_text(c->d, c->x, a, b) : NULL;
}

/* Read "(ACR)" at i for entity e named by [a, b): tokens used. */
size_t ties_xt__acronym_def(struct scan *c, long e, size_t a, size_t b, size_t i)
{
	size_t j, skip = 0;
	const char *acr;

	/* "the Institute of Strategic Studies, Islamabad (ISSI)". */
	if (ties_xt__word_is(c, i, ",") && i + 2 < c->b &&
	    ties_xt__is_cap(c, i + 1) && ties_xt__word_is(c, i + 2, "(") &&
	    ties_xt__match_at(ties_xt__words(c, D_PLACE), c->T, i + 1, i + 2,
			      NULL) >= 0)
		skip = 2;
	i += skip;
	j = i + 1;
	if (!ties_xt__word_is(c, i, "("))
		return 0;
	while (j < c->b && j - i < 5 &&
	       (c->T->v[j].f & T_ALLCAPS ||
		(ties_xt__is_cap(c, j) && j > i + 1)))
		j++;
	if (j == i + 1 || !ties_xt__word_is(c, j, ")"))
		return 0;
	acr = ties_xt__tok_text(c->d, c->x, i + 1, j);
	/* The place may give a letter: "Islamabad (ISSI)". */
	if (!acr || !(ties_xt__acronym_fits(c, a, b, acr) ||
		      (skip && ties_xt__acronym_fits(c, a, i, acr))))
		return 0;
	/* "Committee of ... of the Collective Security Treaty Organisation
	 * (CSTO)": the acronym of the parent the name ends in. */
	if (e >= 0 && c->d->e[e].parent >= 0)
		for (size_t k = b; k-- > a + 1;)
			if (ties_xt__is_cap(c, k) &&
			    (ties_xt__word_is(c, k - 1, "of") ||
			     (k > a + 2 && ties_xt__word_is(c, k - 1, "the") &&
			      ties_xt__word_is(c, k - 2, "of"))) &&
			    ties_xt__acronym_fits(c, k, b, acr)) {
				e = c->d->e[e].parent;
				break;
			}
	if (e >= 0) {
		struct xent *x = &c->d->e[e];

		if (ties_xt__ent_alias(c->d, e, acr) < 0)
			return 0;
		x->conf = x->conf < 0.95 ? 0.95 : x->conf;
		/* "ICCA RAS": the last part may be the parent's. */
		if (strchr(acr, ' ') && x->parent >= 0) {
			const char *last = strrchr(acr, ' ') + 1;

			ties_xt__ent_alias(c->d, x->parent, last);
		}
	}
	return j + 1 - i + skip;
}

/* Split "X of the Y" where both X and Y have a head word: Y is the parent. */
static long parent_split(struct scan *c, size_t a, size_t b, size_t *cut)
{
	for (size_t i = b; i-- > a + 1;) {
		size_t y = i + 1;
		int hx = 0, hy = 0;

		if (!ties_xt__word_is(c, i, "of"))
			continue;
		if (ties_xt__word_is(c, y, "the"))
			y++;
		for (size_t k = a; k < i; k++)
			hx |= ties_xt__inst_head(c, k, NULL);
		/* "Academy of Politics and Public Administration": a head
		 * word only after an "and" ends a list of subjects. */
		for (size_t k = y; k < b && !ties_xt__word_is(c, k, "and"); k++)
			hy |= ties_xt__inst_head(c, k, NULL);
		if (hx && hy && y < b) {
			*cut = i;
			return ties_xt__org_from(c, y, b, 0.85, "named as its parent");
		}
	}
	return -1;
}

/*
 * The institution named by tokens [a, b): the draft's or the database's
 * when known; else new, its kind from its first head word, its parent
 * from "of the ...".
 */
long ties_xt__org_from(struct scan *c, size_t a, size_t b, double conf,
		     const char *why)
{
	const char *name, *kind = NULL;
	long e, parent;
	size_t cut = b;

	if (a < b && ties_xt__word_is(c, a, "the"))
		a++;
	if (!(name = ties_xt__span(c, a, b)))
		return -1;
	if ((e = ties_xt__ent_lookup(c->d, name)) >= 0 &&
	    !ties_xt__is_person_kind(c->d->e[e].kind))
		return e;
	/* "the Commission" after "the European Commission"; "the Ministry
	 * of Culture" after "the Ministry of Culture of Mongolia". */
	if (ties_xt__inst_head(c, a, NULL) &&
	    (e = ties_xt__tail_lookup(c->d, c->doc, name)) >= 0)
		return e;
	/* "the Virtual University" after "the Virtual University of
	 * Pakistan". */
	for (size_t i = a; i < b; i++)
		if (ties_xt__inst_head(c, i, NULL)) {
			if ((e = ties_xt__tail_lookup(
				     c->d, c->doc,
				     ties_xt__pool_printf(&c->d->P, "of %s",
							  name))) >= 0)
				return e;
			break;
		}
	/* "Director-General of the Organization": a body named before,
	 * which one the rules cannot tell; not a new one. */
	if (b - a == 1 && ties_xt__inst_head(c, a, NULL))
		return -1;
	/* "the U.S. Department of State" after "the Department of State":
	 * the same, its country said. */
	{
		const char *cc;
		int adj;
		size_t n = ties_xt__at_country(c, a, &cc, &adj);
		const char *rest = n && a + n < b ? ties_xt__span(c, a + n, b)
						  : NULL;

		if (rest && ties_xt__inst_head(c, a + n, NULL) &&
		    (e = ties_xt__ent_lookup(c->d, rest)) >= 0 &&
		    !ties_xt__is_person_kind(c->d->e[e].kind) &&
		    c->d->e[e].doc == c->doc) {
			if (ties_xt__ent_alias(c->d, e, name) < 0)
				return -1;
			ties_xt__set_country(c->d, e, cc, 0.7,
					     "its name says so", c->doc, c->s);
			return e;
		}
	}
	for (size_t i = a; i < b && !kind; i++)
		ties_xt__inst_head(c, i, &kind);
	if (!kind)
		kind = "institution";
	e = ties_xt__ent_get(c->d, kind, name, conf, why, c->doc, c->s);
	if (e < 0)
		return e;
	if (a > 0 && based_at(c, a - 1)) {
		const struct tok *t = &c->T->v[a - 1];
		const char *where = ties_xt__pool_strndup(
			&c->d->P, c->x->text + t->s, t->e - t->s - 6);
		ties_match m;

		if (where && ties_store__match_name(c->d->db, where, &m) == 1) {
			if (!strcmp(m.kind, "country"))
				ties_xt__set_country(
					c->d, e,
					ties_xt__pool_strdup(&c->d->P, m.id),
					0.8, "based there", c->doc, c->s);
			ties_match__release(&m);
		}
	}
	for (size_t i = a + 1; i < b; i++)
		if (ties_xt__inst_head(c, i, NULL) &&
		    ties_xt__tail_add(c->d, c->doc, ties_xt__span(c, i, b), e) <
			    0)
			return -1;
	/* "the Academy" after "the Academy of Sciences of IR Iran" (unless
	 * two academies were named). */
	if (a + 1 < b && ties_xt__inst_head(c, a, NULL) &&
	    (ties_xt__word_is(c, a + 1, "of") ||
	     ties_xt__word_is(c, a + 1, "for")) &&
	    ties_xt__tail_add(c->d, c->doc, ties_xt__span(c, a, a + 1), e) < 0)
		return -1;
	/* "X of [the] <country>": X names it too (registered as "of X"). */
	for (size_t i = a + 1; i + 1 < b; i++) {
		const char *cc;
		int adj;
		size_t k = i + 1 + ties_xt__word_is(c, i + 1, "the");

		if (ties_xt__word_is(c, i, "of") && k < b &&
		    ties_xt__at_country(c, k, &cc, &adj) == b - k && !adj &&
		    ties_xt__tail_add(
			    c->d, c->doc,
			    ties_xt__pool_printf(&c->d->P, "of %s",
						 ties_xt__span(c, a, i)),
			    e) < 0)
			return -1;
	}
	if (c->d->e[e].known)
		return e;
	parent = parent_split(c, a, b, &cut);
	if (parent >= 0)
		ties_xt__set_parent(c->d, e, parent, 0.85, "of the name",
				    c->doc, c->s);
	return e;
}

/* An organisation of the dictionary: its full name, `as` an alias. */
static long org_from_name(struct scan *c, const char *full, const char *as)
{
	long e = ties_xt__ent_lookup(c->d, full);

	if (e < 0 || ties_xt__is_person_kind(c->d->e[e].kind))
		e = ties_xt__ent_get(c->d, "institution", full, 0.9,
				     "a known organisation", c->doc, c->s);
	if (e >= 0 && as && ties_xt__ent_alias(c->d, e, as) < 0)
		return -1;
	return e;
}

/* People in the plural at i or i + 1 ("Heads of Government of the Union",
 * "Foreign Ministers of the European Union"): the run names people, not an
 * institution. */
static int collective(const struct scan *c, size_t i)
{
	for (size_t k = i; k < i + 2 && k < c->b; k++)
		if (ties_xt__is_cap(c, k) && ties_xt__plural_title(c, k))
			return 1;
	return 0;
}

/* A body's name follows at i, without a connector: "UN Security Council",
 * "CERN Council" name an organ of the organisation before them. */
static int organ_follows(const struct scan *c, size_t i)
{
	size_t n;

	if (i >= c->b || !ties_xt__is_cap(c, i) ||
	    (c->T->v[i - 1].f & T_POSS))
		return 0;
	n = ties_xt__capseq(c, i);
	for (size_t k = i; k < i + n; k++)
		if (ties_xt__inst_head(c, k, NULL))
			return 1;
	return 0;
}

/* An institution at i: a known name or acronym, or a run of capitalised
 * words with a head word. Tokens used; the entity in *e. */
/* "Joint Research Committee": a title's modifier that never opens a
 * person's name opens a body's when a head word follows in its run. */
static int modifier_opens_body(const struct scan *c, size_t i)
{
	size_t n;

	if (!ties_xt__title_mod(c, i))
		return 0;
	n = ties_xt__capseq(c, i);
	for (size_t k = i + 1; k < i + n; k++)
		if (ties_xt__inst_head(c, k, NULL))
			return 1;
	return 0;
}

size_t ties_xt__at_org(struct scan *c, size_t i, long *e)
{
	size_t n, best = 0;
	int head = 0, k0;

	*e = -1;
	if (!ties_xt__is_cap(c, i) && !(c->T->v[i].f & T_ALLCAPS))
		return 0;
	/* "Gabon-based International University": where it is, not its
	 * name (org_from reads the country). */
	if (based_at(c, i) ||
	    (ties_xt__word_is(c, i, "the") && i + 1 < c->b && based_at(c, i + 1)))
		return 0;
	/* "The President of the CERN Council" is a person's title; "the
	 * Government of Mongolia" is the country. */
	{
		size_t g = i + ties_xt__word_is(c, i, "the");
		const char *cc;
		int adj;

		if ((g > i && ties_xt__at_title(c, g)) || collective(c, g))
			return 0;
		if (ties_xt__word_is(c, g, "government") &&
		    ties_xt__word_is(c, g + 1, "of") &&
		    ties_xt__at_country(c, g + 2, &cc, &adj))
			return 0;
	}
	/* "The Inaugural Asia Pacific Council": the name begins after
	 * the words that never begin one. */
	{
		size_t w = i + ties_xt__word_is(c, i, "the");

		if (w < c->b &&
		    (w == i || (ties_xt__is_cap(c, w) &&
				!ties_xt__inst_head(c, w, NULL))) &&
		    !(c->T->v[w].f & T_ALLCAPS) &&
		    ties_xt__match_at(ties_xt__words(c, D_NOTNAME), c->T, w,
				      c->b, NULL) >= 0 &&
		    !modifier_opens_body(c, w))
			return 0;
	}
	if (ties_xt__at_title(c, i))
		return 0;
	/* A well-known organisation ("NATO", "World Bank"). */
	if ((k0 = ties_xt__match_at(ties_xt__words(c, D_ORG), c->T, i, c->b,
				    &n)) >= 0 &&
	    (c->T->v[i].f & (T_CAP | T_ALLCAPS)) && !organ_follows(c, i + n)) {
		const char *name = ties_xt__span(c, i, i + n);
		const char *full = ties_xt__words(c, D_ORG)->v[k0].val;

		*e = full ? org_from_name(c, full, name)
			  : ties_xt__org_from(c, i, i + n, 0.9, "a known organisation");
		if (*e >= 0)
			return n;
	}
	/* Known: the longest span that names one. */
	for (size_t j = i + 1; j <= c->b && j - i <= 8; j++) {
		const char *t;
		long k;

		if (!(ties_xt__is_cap(c, j - 1) ||
		      (c->T->v[j - 1].f & T_ALLCAPS) ||
		      ties_xt__connector(c->T->v[j - 1].low)))
			break;
		if (!(t = ties_xt__tok_text(c->d, c->x, i, j)))
			return 0;
		k = ties_xt__ent_lookup(c->d, t);
		if (k >= 0 && !ties_xt__is_person_kind(c->d->e[k].kind) &&
		    strcmp(c->d->e[k].kind, "country")) {
			*e = k;
			best = j - i;
		}
		if (c->T->v[j - 1].f & T_POSS)
			break;
	}
	n = ties_xt__capseq(c, i);
	/* "Deputy Division Director": a title, not a division (but the
	 * "National Security Council Senior Director"'s council is one). */
	if (n && i + n < c->b && ties_xt__title_mod(c, i) &&
	    ties_xt__at_title(c, i + n)) {
		int unit_only = 1;

		for (size_t k = i; k < i + n; k++) {
			const char *kind = NULL;

			if (ties_xt__inst_head(c, k, &kind) &&
			    strcmp(kind, "department"))
				unit_only = 0;
		}
		if (unit_only)
			return best;
	}
	/* "the Japan-U.S. Alliance", "the Japan U.S. Alliance" are a
	 * relation of two countries; "the UK Government" is the country. */
	if (n >= 2 && (ties_xt__word_is(c, i + n - 1, "alliance") ||
		       ties_xt__word_is(c, i + n - 1, "partnership") ||
		       ties_xt__word_is(c, i + n - 1, "government"))) {
		size_t k = i + ties_xt__word_is(c, i, "the"), m;
		int countries = 0;
		const char *ccs[4], *cc;
		int adj, parts;

		/* "Japan U.S. Alliance" read from "U.S.". */
		if (k == i && i > c->a) {
			if ((parts = ties_xt__compound(c, i - 1, ccs)) > 0)
				countries += parts;
			else if (ties_xt__at_country(c, i - 1, &cc, &adj) == 1)
				countries++;
		}

		while (k < i + n - 1) {
			if ((parts = ties_xt__compound(c, k, ccs)) > 0)
				countries += parts, k++;
			else if ((m = ties_xt__at_country(c, k, &cc, &adj)) > 0)
				countries++, k += m;
			else
				break;
		}
		if (k == i + n - 1 &&
		    countries >= (ties_xt__word_is(c, k, "government") ? 1 : 2))
			return best;
	}
	/* "UN General Assembly Resolution" names the Assembly; "Strategic
	 * Research Alliance Joint Projects", "Fulbright Program" no
	 * institution. */
	for (size_t k = i + n; k-- > i;) {
		size_t s = k;
		int before = 0;

		if (ties_xt__inst_head(c, k, NULL))
			break; /* "Collective Security Treaty Organisation" */
		if (!ties_xt__thing_at(c, k))
			continue;
		/* "Office of National Drug Control Policy": the thing is
		 * what the body before "of" works on. */
		while (s > i && !ties_xt__connector(c->T->v[s - 1].low))
			s--;
		for (size_t q = i; q < s; q++)
			before |= ties_xt__inst_head(c, q, NULL);
		if (before)
			break;
		if (k == i || !ties_xt__inst_head(c, k - 1, NULL))
			return best;
		n = k - i;
		break;
	}
	for (size_t k = i; k < i + n; k++)
		head |= ties_xt__inst_head(c, k, NULL);
	if (c->d->db_others && (k0 = ties_xt__known_span(c, i, best, head ? n : 2, e)))
		return (size_t)k0;
	if (best && best >= n)
		return best;
	/* "Strategic Consultative Group", "Space Forum": an event's name. */
	for (size_t k = i; head && k < i + n; k++) {
		size_t m;

		if (ties_xt__match_at(ties_xt__words(c, D_EVENT), c->T, k,
				      i + n, &m) >= 0 &&
		    k + m == i + n)
			return best;
	}
	/* One word is not a name ("the Department"). */
	if (head && n - ties_xt__word_is(c, i, "the") < 2)
		return best;
	if (!head) {
		/* An acronym the database knows. */
		if (!best && c->T->v[i].f & T_ALLCAPS) {
			ties_match m;
			const char *t = ties_xt__tok_text(c->d, c->x, i, i + 1);
			int r = t ? ties_store__match_name(c->d->db, t, &m)
				  : -1;

			if (r == 1) {
				if (strcmp(m.kind, "person") &&
				    strcmp(m.kind, "country")) {
					*e = ties_xt__ent_get(
						c->d, m.kind, m.name, 1,
						"known", c->doc, c->s);
					ties_match__release(&m);
					if (*e >= 0) {
						ties_xt__ent_key(c->d, *e, t);
						return 1;
					}
					return 0;
				}
				ties_match__release(&m);
			}
			if (n == 1 && (*e = ties_xt__release_acronym(c, i)) >= 0)
				return 1;
		}
		return best;
	}
	/* A run that ends in a place or country-less person name is cut
	 * by the caller; here the run is the name. */
	*e = ties_xt__org_from(c, i, i + n, 0.85, "a name with a head word");
	if (*e < 0)
		return 0;
	n += ties_xt__acronym_def(c, *e, i, i + n, i + n);
	return n;
}
