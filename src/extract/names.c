/*
 * names.c — ties extract, the words at a token: the dictionaries' words,
 * countries and demonyms, connectors, honorifics, titles, head words of
 * institutions, and the words of a person's name (initials, particles,
 * family names in capitals).
 */
#include <stdio.h>
#include <stdlib.h>
#include <ctype.h>
#include <string.h>

#include "extract_int.h"

const struct plist *ties_xt__words(const struct scan *c, int d)
{
	return &c->d->D.l[d];
}

int ties_xt__word_is(const struct scan *c, size_t i, const char *w)
{
	return i < c->b && !strcmp(c->T->v[i].low, w);
}

int ties_xt__find_word(const struct scan *c, const char *w)
{
	for (size_t i = c->a; i < c->b; i++)
		if (!strcmp(c->T->v[i].low, w))
			return 1;
	return 0;
}

int ties_xt__title_mod(const struct scan *c, size_t i)
{
	return ties_xt__match_at(ties_xt__words(c, D_TITLEMOD), c->T, i, i + 1,
				 NULL) >= 0;
}

int ties_xt__is_cap(const struct scan *c, size_t i)
{
	return i < c->b && (c->T->v[i].f & (T_CAP | T_PUNCT)) == T_CAP;
}

/* A country name or demonym at i: tokens used, and the country. */
size_t ties_xt__at_country(const struct scan *c, size_t i, const char **cc,
			   int *adjective)
{
	size_t n1 = 0, n2 = 0;
	int k1, k2;

	if (!ties_xt__is_cap(c, i) && !(c->T->v[i].f & T_ALLCAPS))
		return 0;
	k1 = ties_xt__match_at(ties_xt__words(c, D_COUNTRY), c->T, i, c->b,
			       &n1);
	k2 = ties_xt__match_at(ties_xt__words(c, D_DEMONYM), c->T, i, c->b,
			       &n2);
	/* A code ("VU", "IN", "USA") counts only written in capitals: "Pham
	 * Vu Luan" is no Vanuatu, "In" no India. */
	if (k1 >= 0 && n1 == 1 && strlen(c->T->v[i].low) <= 3 &&
	    !(c->T->v[i].f & T_ALLCAPS) &&
	    ties_xt__words(c, D_COUNTRY)->v[k1].text &&
	    strlen(ties_xt__words(c, D_COUNTRY)->v[k1].text) <= 3) {
		int upper = 1;

		for (const char *p = ties_xt__words(c, D_COUNTRY)->v[k1].text;
		     *p; p++)
			upper &= !(*p >= 'a' && *p <= 'z');
		if (upper)
			k1 = -1;
	}
	/* A code of the database ("EC", "AU") is an acronym of something
	 * else unless the release names that country too; countries.txt's
	 * ("US", "UK") stand on their own. */
	if (k1 >= 0 && n1 == 1 && (size_t)k1 >= c->d->country_words &&
	    (c->T->v[i].f & T_ALLCAPS) && strlen(c->T->v[i].low) <= 3) {
		const char *name = ties_xt__country_name(
			c->d, ties_xt__words(c, D_COUNTRY)->v[k1].val);

		if (!name || strlen(name) <= 3 || !strstr(c->x->text, name))
			k1 = -1;
	}
	if (k1 < 0 && k2 < 0)
		return 0;
	if (k1 >= 0 && n1 >= n2) {
		*cc = ties_xt__words(c, D_COUNTRY)->v[k1].val;
		*adjective = 0;
		return n1;
	}
	*cc = ties_xt__words(c, D_DEMONYM)->v[k2].val;
	*adjective = 1;
	return n2;
}

/* Connectors inside names of institutions. */
int ties_xt__connector(const char *w)
{
	/* And those of names in other languages: "Instituto de Astrofísica
	 * de Canarias", "Institut für Weltwirtschaft", "Università della
	 * Svizzera italiana". */
	static const char *const other[] = {"für", "del", "della", "di",
					    "des", "du",  "da",	   "dos",
					    "das", "der", NULL};

	if (!strcmp(w, "of") || !strcmp(w, "the") || !strcmp(w, "and") ||
	    !strcmp(w, "for") || !strcmp(w, "on") || !strcmp(w, "&") ||
	    !strcmp(w, "de") || !strcmp(w, "in"))
		return 1;
	for (size_t i = 0; other[i]; i++)
		if (!strcmp(w, other[i]))
			return 1;
	return 0;
}

int ties_xt__is_honor(const struct scan *c, size_t i, size_t *n)
{
	const struct plist *l = ties_xt__words(c, D_HONOR);
	size_t len;
	int k = ties_xt__match_at(l, c->T, i, c->b, &len);

	if (n)
		*n = len;
	if (k < 0 || ties_xt__is_cap(c, i))
		return k >= 0;
	/* An honorific written in lower case in honorifics.txt may be so in
	 * the text ("academician Ashot Saghyan"); the others need a
	 * capital. */
	for (size_t q = 0; q < l->n; q++) {
		size_t j;

		if (l->v[q].n != len || !islower((unsigned char)l->v[q].text[0]))
			continue;
		for (j = 0; j < len; j++)
			if (strcmp(l->v[q].w[j], c->T->v[i + j].low))
				break;
		if (j == len)
			return 1;
	}
	return 0;
}

/* A title at i: [modifiers] head; tokens used. */
size_t ties_xt__at_title(const struct scan *c, size_t i)
{
	size_t j = i, n;

	while (j < c->b &&
	       ties_xt__match_at(ties_xt__words(c, D_TITLEMOD), c->T, j, c->b,
				 &n) >= 0 &&
	       ties_xt__match_at(ties_xt__words(c, D_TITLE), c->T, j, c->b,
				 NULL) < 0)
		j += n;
	if (ties_xt__match_at(ties_xt__words(c, D_TITLE), c->T, j, c->b, &n) <
	    0)
		return 0;
	j += n;
	/* "Director General", "Deputy National Security Advisor": a second
	 * head after the first. */
	while (j < c->b && c->T->v[j].f & T_CAP &&
	       ties_xt__match_at(ties_xt__words(c, D_TITLE), c->T, j, c->b,
				 &n) >= 0 &&
	       ties_xt__match_at(ties_xt__words(c, D_HONOR), c->T, j, c->b,
				 NULL) < 0)
		j += n;
	return j - i;
}

int ties_xt__inst_head(const struct scan *c, size_t i, const char **kind)
{
	int k;

	if (!ties_xt__is_cap(c, i))
		return 0;
	k = ties_xt__match_at(ties_xt__words(c, D_INST), c->T, i, c->b, NULL);
	if (k < 0 || !strcmp(ties_xt__words(c, D_INST)->v[k].val, "thing"))
		return 0;
	if (kind)
		*kind = ties_xt__words(c, D_INST)->v[k].val;
	return 1;
}

/* The word of list dd that is w[0, l) as a whole, or NULL. */
static const char *one_word_of(const struct scan *c, int dd, const char *w,
			       size_t l)
{
	const struct plist *L = ties_xt__words(c, dd);

	for (size_t k = 0; k < L->n; k++)
		if (L->v[k].n == 1 && strlen(L->v[k].w[0]) == l &&
		    !memcmp(L->v[k].w[0], w, l))
			return L->v[k].val;
	return NULL;
}

int ties_xt__compound(const struct scan *c, size_t i, const char *ccs[4])
{
	const char *p = c->T->v[i].low;
	int parts = 0;

	if (!strchr(p, '-') || !(c->T->v[i].f & T_CAP))
		return 0;
	while (*p && parts < 4) {
		const char *q = strchr(p, '-');
		size_t l = q ? (size_t)(q - p) : strlen(p);
		const char *cc = one_word_of(c, D_DEMONYM, p, l);

		if (!cc && !(cc = one_word_of(c, D_COUNTRY, p, l)))
			return 0;
		ccs[parts++] = cc;
		if (!q)
			break;
		p = q + 1;
	}
	return parts >= 2 ? parts : 0;
}

size_t ties_xt__thing_at(const struct scan *c, size_t i)
{
	size_t n;
	int k;

	if (!ties_xt__is_cap(c, i))
		return 0;
	k = ties_xt__match_at(ties_xt__words(c, D_INST), c->T, i, c->b, &n);
	return k >= 0 && !strcmp(ties_xt__words(c, D_INST)->v[k].val, "thing")
		       ? n
		       : 0;
}

/* The plural of a title's last word ("Ministers", "Generals",
 * "Secretaries"). */
int ties_xt__plural_title(const struct scan *c, size_t k)
{
	const struct plist *l = ties_xt__words(c, D_TITLE);
	const char *w = c->T->v[k].low;
	size_t n = strlen(w);
	char one[64];

	if (n < 4 || n >= sizeof(one) || w[n - 1] != 's')
		return 0;
	if (n > 4 && !strcmp(w + n - 3, "ies"))
		snprintf(one, sizeof(one), "%.*sy", (int)(n - 3), w);
	else
		snprintf(one, sizeof(one), "%.*s", (int)(n - 1), w);
	for (size_t q = 0; q < l->n; q++)
		if (!strcmp(l->v[q].w[l->v[q].n - 1], one))
			return 1;
	return 0;
}

/* A word that can be part of a person's name. */
/* A word that can be part of a person's name; `inner`: not its first word,
 * where the words that never begin a name ("Key") may stand ("John
 * Key"). */
static int name_word_at(const struct scan *c, size_t i, int inner)
{
	const char *cc;
	int adj;

	if (!ties_xt__is_cap(c, i) || c->T->v[i].f & T_ALLCAPS)
		return 0;
	if (strlen(c->T->v[i].low) < 2 || c->T->v[i].f & T_NUM)
		return 0;
	if ((!inner || strlen(c->T->v[i].low) < 3) &&
	    ties_xt__match_at(ties_xt__words(c, D_NOTNAME), c->T, i, c->b,
			      NULL) >= 0)
		return 0;
	/* A title's modifier begins no name: "Deputy Colm Burke" (the
	 * Dáil's form of address) is Colm Burke. */
	if (!inner && ties_xt__title_mod(c, i))
		return 0;
	if (
	    ties_xt__inst_head(c, i, NULL) || ties_xt__at_country(c, i, &cc, &adj) ||
	    ties_xt__match_at(ties_xt__words(c, D_TITLE), c->T, i, c->b,
			      NULL) >= 0 ||
	    ties_xt__match_at(ties_xt__words(c, D_HONOR), c->T, i, c->b,
			      NULL) >= 0 ||
	    ties_xt__match_at(ties_xt__words(c, D_PLACE), c->T, i, c->b,
			      NULL) >= 0 ||
	    ties_xt__match_at(ties_xt__words(c, D_PORTFOLIO), c->T, i, c->b,
			      NULL) >= 0 ||
	    ties_xt__month_of(c->T->v[i].low) ||
	    /* "Monday", not "Sun" (a family name). */
	    (strlen(c->T->v[i].low) > 4 && ties_xt__weekday_of(c->T->v[i].low)) ||
	    ties_xt__plural_title(c, i))
		return 0;
	return 1;
}

int ties_xt__name_word(const struct scan *c, size_t i)
{
	return name_word_at(c, i, 0);
}

/* A name word in capitals, as family names are written in some house
 * styles ("MOTEGI Toshimitsu", "Christopher LLEWELLYN SMITH"): four letters
 * or more, and nothing the dictionaries or the database know. */
int ties_xt__caps_name_word(const struct scan *c, size_t i)
{
	const struct tok *t;
	const char *cc;
	int adj;

	if (i >= c->b)
		return 0;
	t = &c->T->v[i];
	if (!(t->f & T_ALLCAPS) || (t->f & T_NUM) || strlen(t->low) < 4)
		return 0;
	for (const char *p = t->low; *p; p++)
		if (*p == '.' || *p == '&' || (*p >= '0' && *p <= '9'))
			return 0;
	return ties_xt__match_at(ties_xt__words(c, D_ORG), c->T, i, c->b,
				 NULL) < 0 &&
	       ties_xt__match_at(ties_xt__words(c, D_NOTNAME), c->T, i, c->b,
				 NULL) < 0 &&
	       ties_xt__match_at(ties_xt__words(c, D_PORTFOLIO), c->T, i,
				 c->b, NULL) < 0 &&
	       ties_xt__match_at(ties_xt__words(c, D_TITLE), c->T, i, c->b,
				 NULL) < 0 &&
	       !ties_xt__inst_head(c, i, NULL) && !ties_xt__at_country(c, i, &cc, &adj) &&
	       ties_xt__ent_lookup(c->d, t->low) < 0;
}

/* A lower-case particle inside a name: "António Manuel de Oliveira
 * Guterres", "Ludwig van Beethoven", "Faisal bin Ahmed". */
static int name_particle(const char *w)
{
	static const char *const p[] = {"de",  "da",  "do",    "dos", "das",
					"del", "della", "di",  "van", "von",
					"der", "den", "bin",   "binti", "bint",
					"ibn", "al",  "el",    "la",  "le"};

	for (size_t k = 0; k < sizeof(p) / sizeof(*p); k++)
		if (!strcmp(w, p[k]))
			return 1;
	return 0;
}

/* Up to four name words at i, with particles between them; a word in
 * capitals counts when a name word in mixed case is next to it. */
/* An initial inside a name: "G", "G." ("Ian G Campbell", "G D Sharma");
 * "A" and "I" only with their full stop. */
static int initial(const struct scan *c, size_t i)
{
	const char *w = c->T->v[i].low;

	if (i >= c->b || !(c->T->v[i].f & T_CAP) || w[0] < 'a' || w[0] > 'z')
		return 0;
	if (w[1] == '.' && w[2] == '\0')
		return 1;
	/* "E.V. Chuprunov", "A.M. Pakhomov": two or three initials. */
	if (w[1] == '.' && w[2] >= 'a' && w[2] <= 'z' && w[3] == '.' &&
	    (w[4] == '\0' ||
	     (w[4] >= 'a' && w[4] <= 'z' && w[5] == '.' && w[6] == '\0')))
		return 1;
	return w[1] == '\0' && w[0] != 'a' && w[0] != 'i';
}

size_t ties_xt__name_at(const struct scan *c, size_t i)
{
	size_t j = i, words = 0;
	int mixed = 0;

	while (j < c->b && words < 4) {
		/* "Ms. Cao Qian Deputy Division Director": a title's
		 * modifier before more capitalised words ends the name. */
		if (words >= 2 && j + 1 < c->b && ties_xt__is_cap(c, j + 1) &&
		    ties_xt__title_mod(c, j))
			break;
		if (name_word_at(c, j, words > 0)) {
			mixed = 1;
		} else if (initial(c, j) && j + 1 < c->b &&
			   (ties_xt__name_word(c, j + 1) ||
			    (initial(c, j + 1) && ties_xt__name_word(c, j + 2)))) {
			;
		} else if (ties_xt__caps_name_word(c, j) &&
			   (mixed || ties_xt__name_word(c, j + 1) ||
			    (ties_xt__caps_name_word(c, j + 1) &&
			     ties_xt__name_word(c, j + 2)))) {
			;
		} else if (words && name_particle(c->T->v[j].low) &&
			   !(c->T->v[j].f & T_CAP) &&
			   ties_xt__name_word(c, j + 1)) {
			j++;
			continue;
		} else {
			break;
		}
		j++;
		/* "Mohammad Hamad Khalifa Al Kaabi": a particle in
		 * capitals is no word of the four. */
		if (!(words && name_particle(c->T->v[j - 1].low) &&
		      ties_xt__name_word(c, j)))
			words++;
		if (c->T->v[j - 1].f & T_POSS)
			break;
	}
	return j - i;
}

/* "Secretary of Homeland Security Alejandro Mayorkas": the name that ends
 * the run [cs, *ce) of a title's complement; moves *ce back to the name's
 * start and returns its length, or 0. */
size_t ties_xt__name_ends_run(struct scan *c, size_t cs, size_t *ce)
{
	size_t words = 0, k = *ce, take = 0;
	int initials = 0; /* "Judith A. McHale": a name with initials */

	/* The run goes on after it ("of the …", "for Africa"); not "for
	 * his farewell call". */
	if (*ce < c->b &&
	    (((ties_xt__word_is(c, *ce, "of") ||
	       ties_xt__word_is(c, *ce, "for")) &&
	      (ties_xt__is_cap(c, *ce + 1) ||
	       (*ce + 1 < c->b && (c->T->v[*ce + 1].f & T_ALLCAPS)) ||
	       ties_xt__word_is(c, *ce + 1, "the"))) ||
	     ties_xt__word_is(c, *ce, "the") || ties_xt__word_is(c, *ce, "(")))
		return 0;
	/* "of the Russian Federation": a country's name, no person's. */
	{
		const char *cc;
		int adj;

		if (ties_xt__at_country(c, cs, &cc, &adj) == *ce - cs)
			return 0;
	}
	for (size_t q = cs; q < *ce; q++)
		words += ties_xt__is_cap(c, q);
	/* The name words that end the run, leaving at least one word of the
	 * complement before them: "of Education and Training Pham Vu Luan". */
	while (k > cs + 1 && take < 4 &&
	       (ties_xt__name_word(c, k - 1) || ties_xt__caps_name_word(c, k - 1) ||
		(take > 0 && initial(c, k - 1)))) {
		k--;
		take++;
		initials += initial(c, k);
	}
	/* Beyond two words, only short ones, as the syllables of Vietnamese
	 * or Chinese names are ("Pham Vu Luan", "Vo Thi Anh Xuan"); a long
	 * one belongs to the complement ("the Western Hemisphere Juan
	 * Gonzalez"). */
	while (take > 2 && !initials && strlen(c->T->v[k].low) > 5) {
		k++;
		take--;
	}
	/* A name whose last word is also a word of institutions: "Special
	 * Envoy for Critical and Emerging Technologies Seth Center". */
	if (take < 2 && words >= 4 && ties_xt__is_cap(c, *ce - 1) &&
	    !(c->T->v[*ce - 1].f & T_ALLCAPS) && ties_xt__inst_head(c, *ce - 1, NULL) &&
	    ties_xt__name_word(c, *ce - 2)) {
		k = *ce - 2;
		take = 2;
	}
	/* No name follows "the" or "of": "of the International Department"
	 * is the complement's. */
	if (take == 0 || (take == 1 && words != 2) ||
	    (k > cs && ties_xt__connector(c->T->v[k - 1].low)))
		return 0;
	*ce = k;
	return take;
}
