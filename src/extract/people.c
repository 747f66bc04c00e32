/*
 * people.c — ties extract, a person at a token of a sentence: the title
 * before the name ([demonym] title [of|for ORG-or-portfolio] [to COUNTRY]),
 * the honorifics, the name, and the title and institution after it; a
 * family name alone as the person named in full before.
 */
#include <stdlib.h>
#include <string.h>

#include "extract_int.h"

/* Skip "(ACR)" at i. */
static size_t skip_parens(const struct scan *c, size_t i)
{
	size_t j = i;

	if (!ties_xt__word_is(c, j, "("))
		return 0;
	while (j < c->b && !ties_xt__word_is(c, j, ")") && j - i < 8)
		j++;
	return ties_xt__word_is(c, j, ")") ? j + 1 - i : 0;
}

/* ", Administrator of the ... (NASA), Bill Nelson": the title after the
 * comma is the next person's. */
static int appositive_is_next(const struct scan *c, size_t k)
{
	size_t e;

	if (ties_xt__word_is(c, k, "of") || ties_xt__word_is(c, k, "at") ||
	    ties_xt__word_is(c, k, "for"))
		k++;
	if (ties_xt__word_is(c, k, "the"))
		k++;
	e = k + ties_xt__capseq(c, k);
	{
		/* "..., Assistant Secretary for Western Hemisphere Affairs
		 * Brian Nichols, and ...": a name ends the run. */
		size_t words = 0;

		for (size_t q = k; q < e; q++)
			words += ties_xt__is_cap(c, q);
		if (words >= 3 && ties_xt__name_word(c, e - 1) &&
		    /* "V.B. Kazantsev": initials. */
		    (ties_xt__name_word(c, e - 2) ||
		     ties_xt__name_at(c, e - 2) == 2) &&
		    (ties_xt__word_is(c, e, ".") ||
		     ties_xt__word_is(c, e, "and") || e >= c->b ||
		     (ties_xt__word_is(c, e, ",") &&
		      (ties_xt__word_is(c, e + 1, "and") ||
		       ties_xt__at_title(c, e + 1) || ties_xt__name_at(c, e + 1) >= 2))))
			return 1;
	}
	e += skip_parens(c, e);
	/* Not in a list of "Name, Title, Name, Title": a name with its own
	 * title after it. */
	return e > k && ties_xt__word_is(c, e, ",") &&
	       ties_xt__name_at(c, e + 1) >= 2 &&
	       !ties_xt__name_then_title(c, e + 1);
}

/* An unknown unit in a title, tokens [os, oe) in capitals: "CSP", "BOG
 * ISSI" (the unit, then its institution); its entity, or -1. */
static long unit_in_title(struct scan *c, size_t os, size_t oe)
{
	const struct toks *T = c->T;
	long org = -1;

	size_t ue = os;
	long parent = -1;

	while (ue < oe && T->v[ue].f & T_ALLCAPS &&
	       ties_xt__ent_lookup(c->d, T->v[ue].low) < 0)
		ue++;
	if (ue < oe)
		ties_xt__at_org(c, ue, &parent);
	if (ue > os) {
		const char *u = ties_xt__tok_text(c->d, c->x, os, ue);

		org = ties_xt__ent_get(c->d, "department", u, 0.5,
				       "an unexplained "
				       "acronym in a title",
				       c->doc, c->s);
		if (org >= 0 && parent >= 0) {
			ties_xt__set_parent(c->d, org, parent, 0.7,
					    "named after it", c->doc, c->s);
			ties_xt__ent_alias(
				c->d, org,
				ties_xt__tok_text(c->d, c->x, os, oe));
		}
	}
	return org;
}

/* After a person's name ending at j, a title and its institution: ",
 * Director of ICCA RAS", ", Researcher at the Center ...", ", Chairman BOG
 * ISSI", ", Director CSP". Extends m, and sets *title and *orgp when found. */
static void title_after(struct scan *c, struct ment *m, size_t j,
			const char **title, long *orgp, const char **ccp)
{
	const struct toks *T = c->T;
	long org = *orgp;
	size_t n, t0 = ties_xt__skip_role_seg(c, j + 1);

	t0 += ties_xt__word_is(c, t0, "the");

	/* ", Director of ...", ", the Rector of ...". */
	if (!ties_xt__word_is(c, j, ",") || !(n = ties_xt__at_title(c, t0)) ||
	    ties_xt__name_at(c, t0 + n) >= 2 || appositive_is_next(c, t0 + n))
		return;
	{
		size_t k = t0 + n, os = 0, oe = 0;
		const char *t2 = ties_xt__tok_text(c->d, c->x, t0, k);

		if (ties_xt__word_is(c, k, "of") ||
		    ties_xt__word_is(c, k, "at") ||
		    ties_xt__word_is(c, k, "for"))
			k++;
		else if (ties_xt__word_is(c, k, ",") && j + 1 < c->b &&
			 !(T->v[j + 1].f & T_CAP)) {
			/* ", registrar, University of Delhi": a title in
			 * lower case, then the institution. */
			size_t q = k + 1, e = q + ties_xt__capseq(c, q);
			int head = 0;

			for (; q < e; q++)
				head |= ties_xt__inst_head(c, q, NULL);
			if (head && !ties_xt__is_honor(c, k + 1, NULL))
				k++;
		}
		if (ties_xt__word_is(c, k, "the"))
			k++;
		if (ties_xt__is_cap(c, k) || (T->v[k].f & T_ALLCAPS)) {
			os = k;
			oe = k + ties_xt__capseq(c, k);
		}
		if (oe > os) {
			int head = 0, known = 0;
			long ko = -1;
			size_t used = ties_xt__at_org(c, os, &ko);

			for (size_t q = os; q < oe; q++)
				head |= ties_xt__inst_head(c, q, NULL);
			known = ko >= 0 && used == oe - os;
			if (known || head) {
				org = known ? ko
					    : ties_xt__org_from(c, os, oe, 0.85,
						       "named in a title");
			} else if (T->v[os].f & T_ALLCAPS) {
				/* An unknown unit: "CSP", "BOG ISSI". */
				org = unit_in_title(c, os, oe);
			} else {
				/* A portfolio: part of the title, and the
				 * country it ends with ("Ambassador
				 * Extraordinary and Plenipotentiary of Egypt
				 * to Russia"). */
				t2 = ties_xt__tok_text(c->d, c->x, t0, oe);
				for (size_t q = os - 1; !*ccp && q + 1 < oe;
				     q++) {
					const char *kc;
					int adj;
					size_t r = q + 1 +
						   ties_xt__word_is(c, q + 1,
								    "the");

					if ((q < os ||
					     ties_xt__word_is(c, q, "of")) &&
					    ties_xt__at_country(c, r, &kc,
								&adj) ==
						    oe - r &&
					    !adj)
						*ccp = kc;
				}
			}
			if (org >= 0 || (!head && !(T->v[os].f & T_ALLCAPS)))
				m->b = oe + skip_parens(c, oe);
		} else {
			m->b = k;
		}
		if (!*title || org >= 0)
			*title = t2;
		*orgp = org;
	}
}

/* Words in capitals at i ("ISSI", "BOG ISSI"): how many. */
static size_t acronyms_at(const struct scan *c, size_t i)
{
	size_t n = 0;

	while (i + n < c->b && (c->T->v[i + n].f & T_ALLCAPS))
		n++;
	return n;
}

/* Past the honorifics at i ("H. E. Mr."): where the name after them
 * starts; the first of them, as written, into *first when it is NULL. */
static size_t past_honors(struct scan *c, size_t i, const char **first)
{
	size_t n;

	while (ties_xt__is_honor(c, i, &n) && n) {
		if (first && !*first)
			*first = ties_xt__tok_text(c->d, c->x, i, i + n);
		i += n;
	}
	return i;
}

/* After a title, at j: a unit with a head word, "at" or "," and its
 * institution, then a person's name (its honorifics may come between).
 * Sets the unit's tokens [*cs, *ce) and its institution; returns where
 * the honorifics or the name start, or j when the pattern is not there. */
static size_t unit_after_title(struct scan *c, size_t j, size_t *cs,
			       size_t *ce, long *parent)
{
	size_t ue, k, n, k2 = 0, on = 0;
	int head = 0;
	long o = -1;

	if (!ties_xt__is_cap(c, j) || !(ue = j + ties_xt__capseq(c, j)) || ue == j)
		return j;
	for (size_t q = j; q < ue; q++)
		head |= ties_xt__inst_head(c, q, NULL);
	if (!head)
		return j;
	k = ue + skip_parens(c, ue);
	if (ties_xt__word_is(c, k, "at") || ties_xt__word_is(c, k, ",")) {
		k2 = k + 1 + ties_xt__word_is(c, k + 1, "the");
		if (ties_xt__is_cap(c, k2) &&
		    ties_xt__match_at(ties_xt__words(c, D_PLACE), c->T, k2,
				      c->b, &n) >= 0) {
			/* "Institute of Strategic Studies, Islamabad (ISSI)" */
			k = k2 + n + skip_parens(c, k2 + n);
		} else if (!ties_xt__is_honor(c, k2, NULL) &&
			   ((on = acronyms_at(c, k2)) ||
			    (on = ties_xt__capseq(c, k2)))) {
			/* "at ISSI": an institution, or an acronym the
			 * release leaves unsaid. */
			k = k2 + on + skip_parens(c, k2 + on);
		}
	}
	k += ties_xt__word_is(c, k, ",");
	if (ties_xt__name_at(c, past_honors(c, k, NULL)) < 2)
		return j;
	/* The shape is there: only now is the institution looked up (and
	 * drafted). */
	if (on && ties_xt__at_org(c, k2, &o) != on)
		o = -1;
	*cs = j;
	*ce = j + ties_xt__capseq(c, j);
	*parent = o;
	return k;
}

/*
 * A person at i: [demonym] [title [of|for ORG-or-portfolio]] [honorifics]
 * Name [of COUNTRY] [, title [of|at] ORG]. A title or an honorific is
 * needed. Fills *m; returns the tokens used.
 */
size_t ties_xt__at_person(struct scan *c, size_t i, struct ment *m)
{
	const struct toks *T = c->T;
	size_t j = i, n, hn = 0, ts, te, cs = 0, ce = 0, ns = 0, nn = 0;
	const char *cc = NULL, *honor = NULL, *title = NULL;
	long unit_parent = -1, given_org = -1;
	int adj, has_honor = 0;
	long org = -1;
	double conf;

	memset(m, 0, sizeof(*m));
	m->ent = m->org = -1;
	/* "Czech Prime Minister", "U.S. Deputy ...". */
	if ((n = ties_xt__at_country(c, j, &cc, &adj)) &&
	    (ties_xt__at_title(c, j + n) || ties_xt__is_honor(c, j + n, NULL) ||
	     (adj && ties_xt__word_is(c, j + n, "counterpart"))))
		j += n;
	else
		cc = NULL;
	ts = te = j;
	/* "his Chinese counterpart Wang Yi": a title in lower case. */
	if (!(n = ties_xt__at_title(c, j)) && cc && ties_xt__word_is(c, j, "counterpart"))
		n = 1;
	/* "Ambassador Extraordinary and Plenipotentiary": a title longer
	 * than the honorific it starts with. */
	if (n && (!(ties_xt__is_honor(c, j, &hn) && hn >= n) ||
		  ties_xt__word_is(c, j + n, "of") ||
		  ties_xt__word_is(c, j + n, "for") ||
		  ties_xt__word_is(c, j + n, "to"))) {
		j += n;
		te = j;
		if ((ties_xt__word_is(c, j, "of") ||
		     ties_xt__word_is(c, j, "for")) &&
		    (ties_xt__is_cap(c, j + 1) ||
		     (ties_xt__word_is(c, j + 1, "the") &&
		      ties_xt__is_cap(c, j + 2)))) {
			cs = j + 1 + ties_xt__word_is(c, j + 1, "the");
			ce = cs + ties_xt__capseq(c, cs);
			for (size_t k = cs + 1; k + 1 < ce; k++)
				if (ties_xt__word_is(c, k, "and") &&
				    ties_xt__inst_head(c, k + 1, NULL)) {
					ce = k;
					break;
				}
			j = ce;
		}
		/* "... of Armenia to Greece Tigran Mkrtchyan", "Ambassador
		 * to Iran, H. E. Asif Durrani": where the post is. */
		{
			const char *kc;
			int kadj;
			size_t q;

			size_t t = j + 1 + ties_xt__word_is(c, j + 1, "the");

			/* "... in the United Mexican States E.R. Malayan" */
			if ((ties_xt__word_is(c, j, "to") ||
			     ties_xt__word_is(c, j, "in")) &&
			    (q = ties_xt__at_country(c, t, &kc, &kadj)) &&
			    !kadj) {
				j = t + q;
				if (ce == cs)
					te = j;
			}
		}
		/* "Director China-Pakistan Study Centre at ISSI Dr Talat
		 * Shabbir": the unit, its institution, then the name. */
		if (ce == cs && j == te)
			j = unit_after_title(c, j, &cs, &ce, &unit_parent);
		/* "Director, CSSPR, Dr. Rabia Akhtar": the body between
		 * commas. */
		if (ce == cs && j == te && ties_xt__word_is(c, j, ",") &&
		    !ties_xt__is_honor(c, j + 1, NULL)) {
			long o = -1;
			size_t n2 = ties_xt__capseq(c, j + 1),
			       h = past_honors(c, j + 2 + n2, NULL);

			/* Looked up (and drafted) only when the shape is
			 * there. */
			if (n2 && ties_xt__word_is(c, j + 1 + n2, ",") &&
			    ties_xt__name_at(c, h) >= 2 &&
			    ties_xt__at_org(c, j + 1, &o) == n2 && o >= 0) {
				given_org = o;
				cs = j + 1;
				ce = j + 1 + n2;
				j = j + 2 + n2;
			}
		}
	}
	n = past_honors(c, j, &honor);
	has_honor = n > j;
	j = n;
	if (te == ts && !has_honor) {
		/* "Francis Ngabo, CEO of Rwanda Space Agency, signed": a name
		 * with a title after it. */
		if (cc || c->s < c->x->body_from ||
		    !(nn = ties_xt__name_then_title(c, j)) ||
		    (j > c->a && (c->T->v[j - 1].f & T_CAP)))
			return 0;
		ns = j;
		goto named;
	}
	ns = j;
	nn = ties_xt__name_at(c, j);
	/* After an honorific or title, a short word that is otherwise no
	 * name starts one when name words follow ("Dr. He Wei"). */
	if (nn == 0 && ties_xt__is_cap(c, j) && !(T->v[j].f & T_ALLCAPS) &&
	    strlen(T->v[j].low) <= 3 && (n = ties_xt__name_at(c, j + 1)) >= 1 &&
	    n <= 2)
		nn = n + 1;
	/* Initials in capitals after an honorific: "Dr NT Rikam". */
	if (nn == 0 && has_honor && j < c->b && (T->v[j].f & T_ALLCAPS) &&
	    strlen(T->v[j].low) <= 3 && ties_xt__name_word(c, j + 1) &&
	    (n = ties_xt__name_at(c, j + 1)) >= 1 && n <= 2 &&
	    ties_xt__ent_lookup(c->d, T->v[j].low) < 0)
		nn = n + 1;
	/* A one-word title or honorific inside a name after an honorific
	 * ("Dato' Lim King Hock,"): kept when a name word follows and ends
	 * the run. */
	if (nn >= 1 && has_honor &&
	    (ties_xt__at_title(c, j + nn) == 1 ||
	     (ties_xt__is_honor(c, j + nn, &n) && n == 1))) {
		size_t k = ties_xt__name_at(c, j + nn + 1);

		if (k >= 1 && k <= 2 && !ties_xt__is_cap(c, j + nn + 1 + k))
			nn += 1 + k;
	}
	if (c->s < c->x->body_from) {
		/* Title case: "Adrienne Watson Welcoming the Agreement". */
		for (size_t k = 0; k < nn; k++) {
			size_t l = strlen(T->v[j + k].low);

			if (k >= 2 && l > 4 &&
			    !strcmp(T->v[j + k].low + l - 3, "ing")) {
				nn = k;
				break;
			}
		}
	}
	if (nn == 0 && ce > cs && j == ce) {
		size_t ce0 = ce;

		/* Not "... University named after Kulyash Baiseitova". */
		if ((nn = ties_xt__name_ends_run(c, cs, &ce)) &&
		    ties_xt__word_is(c, ce - 1, "after") &&
		    ties_xt__word_is(c, ce - 2, "named")) {
			nn = 0;
			ce = ce0;
		}
		if (nn)
			ns = ce;
	}
	if (nn == 0 && (ce > cs || (te > ts && !has_honor))) {
		/* "Administrator of the ... (NASA), Bill Nelson"; "The
		 * Japanese Foreign Minister, Taro Aso, said". */
		size_t k = ce > cs ? ce + skip_parens(c, ce) : te, h = 0;

		/* "..., academician Ashot Saghyan": honorifics first. */
		if (ties_xt__word_is(c, k, ","))
			h = past_honors(c, k + 1, &honor) - (k + 1);
		if (ties_xt__word_is(c, k, ",") &&
		    (n = ties_xt__name_at(c, k + 1 + h)) >= 2 &&
		    (h || !ties_xt__name_then_title(c, k + 1)) &&
		    (ce > cs || ties_xt__word_is(c, k + 1 + h + n, ",") ||
		     ties_xt__word_is(c, k + 1 + h + n, ";") ||
		     ties_xt__word_is(c, k + 1 + h + n, "."))) {
			ns = k + 1 + h;
			nn = n;
			has_honor |= h > 0;
		}
	}
	/* "Director China-Pakistan Study Centre at ISSI Dr Talat Shabbir":
	 * words before a head word name a unit, not a person. */
	if (nn == 0 || (ns + nn < c->b && ties_xt__is_cap(c, ns + nn) &&
			 ties_xt__inst_head(c, ns + nn, NULL)))
		return 0;
named:
	conf = has_honor && te > ts ? 0.9
	       : has_honor	    ? 0.85
	       : te > ts	    ? 0.8
				    : 0.75;
	m->type = M_PERSON;
	m->a = i;
	m->b = ns + nn;
	if (te > ts)
		title = ties_xt__tok_text(c->d, c->x, ts, te);
	/* The complement of the title: an institution, or a portfolio. */
	if (ce > cs && given_org >= 0) {
		org = given_org;
	} else if (ce > cs) {
		int head = 0;

		for (size_t k = cs; k < ce; k++)
			head |= ties_xt__inst_head(c, k, NULL);
		if (head) {
			org = ties_xt__org_from(c, cs, ce, 0.85, "named in a title");
			if (org >= 0)
				ties_xt__acronym_def(c, org, cs, ce, ce);
			if (org >= 0 && unit_parent >= 0 && unit_parent != org)
				ties_xt__set_parent(c->d, org, unit_parent, 0.75,
						    "named after it in a title",
						    c->doc, c->s);
		} else {
			title = ties_xt__tok_text(c->d, c->x, ts, ce);
			/* "Deputy Minister of Foreign Affairs of the Russian
			 * Federation": the country that ends the portfolio. */
			for (size_t k = cs - 1; !cc && k + 1 < ce; k++) {
				size_t q = k + 1 + ties_xt__word_is(c, k + 1,
								    "the");
				const char *kc;

				/* k = cs - 1: "Ambassador of Japan". */
				if ((k < cs || ties_xt__word_is(c, k, "of")) &&
				    ties_xt__at_country(c, q, &kc, &adj) ==
					    ce - q &&
				    !adj)
					cc = kc;
			}
		}
	}
	{
		const char *name = ties_xt__tok_text(c->d, c->x, ns, ns + nn);
		long e = -1;

		if (!name)
			return ties_xt__oom(c->d), 0;
		if (nn == 1 && (e = ties_xt__by_family_name(c->d, name)) >= 0)
			;
		else if (nn == 2 && (e = ties_xt__by_last_words(c->d, c->doc, name)) >= 0)
			;
		else
			e = ties_xt__ent_get(
				c->d, "person", name, nn == 1 ? 0.5 : conf,
				has_honor ? "named with an honorific"
					  : "named with a title",
				c->doc, c->s);
		if (e < 0)
			return 0;
		m->ent = e;
		if (honor && !c->d->e[e].honorific && !c->d->e[e].known)
			c->d->e[e].honorific = honor;
	}
	j = m->b;
	/* "... of Sweden", "... of the Czech Republic". */
	{
		size_t q = j + 1 + ties_xt__word_is(c, j + 1, "the");
		const char *kc;

		if (ties_xt__word_is(c, j, "of") &&
		    (n = ties_xt__at_country(c, q, &kc, &adj)) && !adj) {
			cc = kc;
			j = q + n;
			m->b = j;
		}
	}
	title_after(c, m, j, &title, &org, &cc);
	m->title = title;
	m->org = org;
	m->cc = cc;
	if (org >= 0 && c->d->e[org].kind &&
	    !ties_xt__is_person_kind(c->d->e[org].kind))
		ties_xt__add_member(c->d, m->ent, org, title, conf - 0.05,
				    "named with the person", c->doc, c->s);
	if (cc)
		ties_xt__set_country(c->d, m->ent, cc, 0.9,
				     "named with the person", c->doc, c->s);
	return m->b - i;
}
