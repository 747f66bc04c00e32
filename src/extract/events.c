/*
 * events.c — ties extract, one document: its meeting-like event and its
 * agreement, their dates, places, participants and roles, in passes over
 * the sentences.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract_int.h"

static int weak_trigger(const char *text)
{
	return !strcasecmp(text, "delegation") ||
	       !strcasecmp(text, "deliberations") ||
	       !strcasecmp(text, "welcomed") || !strcasecmp(text, "received") ||
	       !strcasecmp(text, "hosted");
}

/* The short name of an entity: its shortest alias in capitals, or its id. */
const char *ties_xt__short_name(ties_draft *d, long e)
{
	const struct xent *x = &d->e[e];
	const char *best = NULL;

	for (size_t i = 0; i < x->nalias; i++) {
		int caps = 1;

		for (const char *p = x->alias[i]; *p; p++)
			if (*p >= 'a' && *p <= 'z')
				caps = 0;
		if (caps && (!best || strlen(x->alias[i]) < strlen(best)))
			best = x->alias[i];
	}
	return best ? best : x->name;
}

/* The place of an event at token i of the scan: "held at ISSI", "at the
 * White House", "to Geneva". */
static long place_at(struct scan *c, size_t i)
{
	size_t j = i, n;
	int k;

	if (ties_xt__word_is(c, j, "the"))
		j++;
	for (size_t q = 0; q < c->S->n; q++)
		if (c->S->m[q].a == j && c->S->m[q].type == M_ORG)
			return c->S->m[q].ent;
	if (j < c->b &&
	    (k = ties_xt__match_at(ties_xt__words(c, D_PLACE), c->T, j, c->b,
				   &n)) >= 0 &&
	    ties_xt__is_cap(c, j)) {
		long e = ties_xt__ent_get(
			c->d, "place", ties_xt__span(c, j, j + n), 0.8,
			"a place in the dictionary", c->doc, c->s);

		if (e >= 0)
			ties_xt__set_country(
				c->d, e, ties_xt__words(c, D_PLACE)->v[k].val,
				0.9, "the dictionary of places", c->doc, c->s);
		return e;
	}
	return -1;
}

/* The sentence gives a date more than a month before the release's. */
static int past_sentence(ties_draft *d, struct scan *c)
{
	const char *ref = c->x->date;
	int y, m, dd = 1, ry, rm, rd;

	if (!ref || sscanf(ref, "%d-%d-%d", &ry, &rm, &rd) != 3)
		return 0;
	for (size_t i = c->a; i < c->b; i++) {
		const char *date;

		if (!ties_xt__parse_date(d, c->T, i, c->b, ref, &date) || !date)
			continue;
		if (sscanf(date, "%d-%d-%d", &y, &m, &dd) < 2)
			continue;
		return ties_xt__days_from_civil(y, (unsigned)m, (unsigned)dd) +
			       31 <
		       ties_xt__days_from_civil(ry, (unsigned)rm, (unsigned)rd);
	}
	return 0;
}

/* The scan of sentence s. */
static struct scan sent_scan(const struct docstate *st, size_t s)
{
	struct scan c = st->c0;

	c.s = (int)s;
	c.a = st->x->sent[s][0];
	c.b = st->x->sent[s][1];
	c.S = &st->S[s];
	return c;
}

/* Mentions: the body, then the title (whose surnames the body has named
 * in full). */
static int doc_mentions(struct docstate *st)
{
	struct xdoc *x = st->x;

	for (size_t k = 0; k < x->nsent; k++) {
		struct scan c =
			sent_scan(st, (k + (size_t)x->body_from) % x->nsent);

		if (ties_xt__scan_mentions(&c) < 0 ||
		    ties_xt__bare_names(&c) < 0 ||
		    ties_xt__named_subjects(&c) < 0)
			return -1;
	}
	return 0;
}

/* The event words of sentence s: candidates for the meeting-like event, and
 * agreements an intention refuses (`modal`, the modal phrase w). */
/* Words of a building or room after a trigger word ("Conference Hall",
 * "Summit Room"). */
static int venue_word(const char *w)
{
	static const char *const v[] = {
		"hall",	    "room",   "auditorium", "chamber",	"centre",
		"center",   "building", "venue",    "suite",	"house",
		"complex",  "palace", "pavilion",   "lounge",	NULL};

	for (size_t i = 0; v[i]; i++)
		if (!strcmp(w, v[i]))
			return 1;
	return 0;
}

/* "met Secretary James Mattis", "meets Prime Minister Li": "met" before a
 * name, a title or a body is a meeting, as "met the" is (the entry of
 * events.txt it counts as; -1 when it is not). */
static int met_someone(struct scan *c, size_t i)
{
	const struct plist *l = ties_xt__words(c, D_EVENT);

	/* "called on Foreign Minister Jilani", not "called on all parties
	 * to": a call on someone with a title is a meeting. */
	if ((ties_xt__word_is(c, i, "called") ||
	     ties_xt__word_is(c, i, "calls")) &&
	    ties_xt__word_is(c, i + 1, "on")) {
		size_t k = i + 2 + ties_xt__word_is(c, i + 2, "the");

		if (!ties_xt__at_title(c, k) && !ties_xt__is_honor(c, k, NULL))
			return -1;
	} else if (!(ties_xt__word_is(c, i, "met") ||
		     ties_xt__word_is(c, i, "meets")) ||
		   i + 1 >= c->b || !(c->T->v[i + 1].f & (T_CAP | T_ALLCAPS)) ||
		   (c->T->v[i + 1].f & T_PARA))
		return -1;
	for (size_t q = 0; q < l->n; q++)
		if (!strcmp(l->v[q].text, "met the"))
			return (int)q;
	return -1;
}

static int event_words(struct docstate *st, struct scan *c, size_t s, int modal,
		       int w)
{
	ties_draft *d = st->d;
	struct xdoc *x = st->x;
	int doc = st->doc;

	for (size_t i = c->a; i < c->b; i++) {
		size_t n;
		int k = ties_xt__match_at(ties_xt__words(c, D_EVENT), c->T, i,
					  c->b, &n);
		const char *kind;
		int score, named = 0;
		size_t ns = i;

		if (k < 0 && (k = met_someone(c, i)) >= 0)
			n = ties_xt__word_is(c, i + 1, "on") ? 2 : 1;
		if (k < 0)
			continue;
		kind = ties_xt__words(c, D_EVENT)->v[k].val;
		if (ties_xt__is_agreement_kind(kind)) {
			if (s == 0 && (int)s < x->body_from)
				st->title_agree = 1;
			if (modal &&
			    (ties_xt__fact(
				    d, 0.0, "rejected", doc, (int)s,
				    "no %s: the sentence "
				    "says '%s', an "
				    "intention",
				    kind,
				    ties_xt__words(c, D_MODAL)->v[w].text)) < 0)
				return -1;
			i += n - 1;
			continue;
		}
		if (modal)
			continue;
		/* A country's institution is no event: "US Congress". */
		if (c->T->v[i].f & T_CAP && i > c->a && n == 1 &&
		    ties_xt__match_at(ties_xt__words(c, D_INST), c->T, i, i + 1,
				      NULL) >= 0) {
			const char *cc;
			int adj;

			if (ties_xt__at_country(c, i - 1, &cc, &adj) == 1 ||
			    (i > c->a + 1 &&
			     ties_xt__at_country(c, i - 2, &cc, &adj) == 2))
				continue;
		}
		/* A room is no event: "the Senate Conference Hall". */
		if (c->T->v[i].f & T_CAP && i + n < c->b &&
		    ties_xt__is_cap(c, i + n) && venue_word(c->T->v[i + n].low))
			continue;
		/* A named event: "High-Level Security Dialogue". */
		if (c->T->v[i].f & T_CAP && i > c->a &&
		    ties_xt__is_cap(c, i - 1) && !(c->T->v[i].f & T_PARA)) {
			while (ns > c->a &&
			       (ties_xt__is_cap(c, ns - 1) ||
				(ns - 1 > c->a &&
				 ties_xt__connector(c->T->v[ns - 1].low) &&
				 ties_xt__is_cap(c, ns - 2))))
				ns--;
			while (ns > c->a + 1 &&
			       ties_xt__word_is(c, ns - 1, "-") &&
			       ties_xt__is_cap(c, ns - 2))
				ns -= 2;
			if (ns < i && ties_xt__word_is(c, ns, "the"))
				ns++;
			named = ns < i && (int)s >= x->body_from;
		}
		/* "meeting" as a noun: "the meeting", "a meeting", not
		 * "capable of meeting demand". */
		if (!strcmp(c->T->v[i].low, "meeting") &&
		    !(c->T->v[i].f & T_CAP) && i > c->a &&
		    !(c->T->v[i - 1].f & T_POSS) &&
		    !ties_xt__word_is(c, i - 1, "the") &&
		    !ties_xt__word_is(c, i - 1, "a") &&
		    !ties_xt__word_is(c, i - 1, "this") &&
		    !ties_xt__word_is(c, i - 1, "their") &&
		    !ties_xt__word_is(c, i - 1, "bilateral") &&
		    !ties_xt__word_is(c, i - 1, "first") &&
		    !ties_xt__word_is(c, i + 1, "with") &&
		    !ties_xt__word_is(c, i + 1, "of") &&
		    !ties_xt__word_is(c, i + 1, "between") &&
		    !ties_xt__word_is(c, i + 1, "held"))
			continue;
		score = (int)s < x->body_from ? 3
			: named		      ? 4
			: weak_trigger(ties_xt__words(c, D_EVENT)->v[k].text)
				? 1
				: 2;
		/* An event of the past the release looks back on
		 * ("follow the November 2023 Woodside Summit"). */
		if (past_sentence(d, c))
			score = 1;
		{
			size_t q;

			for (q = 0; q < st->ncand; q++)
				if (!strcmp(st->cand[q].kind, kind))
					break;
			if (q == st->ncand && st->ncand < 16) {
				memset(&st->cand[st->ncand], 0,
				       sizeof(st->cand[0]));
				st->cand[st->ncand++].kind = kind;
			}
			if (q < st->ncand) {
				st->cand[q].count++;
				if (score > st->cand[q].base) {
					st->cand[q].base = score;
					st->cand[q].sent = (int)s;
				}
				if (named && !st->cand[q].name)
					st->cand[q].name = ties_xt__tok_text(
						d, x, ns, i + n);
			}
		}
		i += n - 1;
	}
	return 0;
}

/* Mention m is what was visited: "visited (the) X", "a visit to X". */
static int visited(const struct scan *c, const struct ment *m)
{
	size_t k = m->a - (m->a > c->a && ties_xt__word_is(c, m->a - 1, "the"));

	return k > c->a && (ties_xt__word_is(c, k - 1, "visited") ||
			    (ties_xt__word_is(c, k - 1, "to") && k - 1 > c->a &&
			     ties_xt__word_is(c, k - 2, "visit")));
}

/* The person m[0] is the subject of "visited": the verb follows it before
 * any other mention of m[1..n). */
static int visitor(const struct scan *c, const struct ment *m, size_t n)
{
	size_t end = c->b;

	for (size_t q = 1; q < n; q++)
		if (m[q].b > m[q].a && m[q].a >= m->b && m[q].a < end)
			end = m[q].a;
	for (size_t i = m->b; i < end; i++)
		if (ties_xt__word_is(c, i, "visited"))
			return 1;
	return 0;
}

/* Triggers: the document's meeting-like event, and its signing. */
static int doc_triggers(struct docstate *st)
{
	struct xdoc *x = st->x;

	for (size_t s = 0; s < x->nsent; s++) {
		struct scan c = sent_scan(st, s);
		int modal, w = 0;
		long v;

		modal = ties_xt__find_in(ties_xt__words(&c, D_MODAL), c.T, c.a,
					 c.b, &w) >= 0;
		if (event_words(st, &c, s, modal, w) < 0)
			return -1;
		/* Signing. */
		if (modal || (v = ties_xt__find_in(ties_xt__words(&c, D_SIGN),
						   c.T, c.a, c.b, NULL)) < 0)
			continue;
		{
			int has = st->title_agree;

			for (size_t i = c.a; i < c.b && !has; i++) {
				int k = ties_xt__match_at(
					ties_xt__words(&c, D_EVENT), c.T, i,
					c.b, NULL);

				has = k >= 0 &&
				      ties_xt__is_agreement_kind(
					      ties_xt__words(&c, D_EVENT)
						      ->v[k]
						      .val);
			}
			/* "Vladimir Sahakyan signed on behalf of IIAP": the
			 * agreement a sentence before signed. */
			if (!has && st->agree >= 0 && (int)s >= x->body_from)
				has = 1;
			if (!has)
				continue;
		}
		if (ties_xt__signing_in(st, &c, s, v) < 0)
			return -1;
	}
	return 0;
}

/* The meeting: the candidate of the best score, then the most frequent;
 * its date. */
static int doc_meeting(struct docstate *st)
{
	ties_draft *d = st->d;
	struct xdoc *x = st->x;
	int doc = st->doc;
	int best_score = 0;
	const char *best_kind = NULL, *best_name = NULL;

	for (size_t q = 0; q < st->ncand; q++)
		if (st->cand[q].base * 1000 + st->cand[q].count > best_score) {
			best_score =
				st->cand[q].base * 1000 + st->cand[q].count;
			best_kind = st->cand[q].kind;
			st->best_sent = st->cand[q].sent;
			best_name = st->cand[q].name;
		}
	if (best_kind) {
		struct scan c = st->c0;

		if ((st->meet = ties_xt__new_event(d, best_kind, doc, st->best_sent)) <
		    0)
			return -1;
		best_score /= 1000;
		d->ev[st->meet].conf = best_score >= 3	 ? 0.9
				       : best_score == 2 ? 0.8
							 : 0.5;
		d->ev[st->meet].why =
			best_score == 4	  ? "a named event"
			: best_score == 3 ? "a trigger in the title"
			: best_score == 2 ? "a trigger phrase"
					  : "a weak trigger phrase";
		d->ev[st->meet].named = best_name != NULL;
		d->ev[st->meet].title = best_name;
		c.s = st->best_sent;
		c.a = x->sent[st->best_sent][0];
		c.b = x->sent[st->best_sent][1];
		c.S = &st->S[st->best_sent];
		ties_xt__event_date(d, &d->ev[st->meet], &c);
		/* A trigger in the title: the date is in the body's first
		 * sentence that tells who took part. */
		for (size_t s = (size_t)x->body_from;
		     st->best_sent < x->body_from &&
		     d->ev[st->meet].dconf < 0.85 && s < x->nsent;
		     s++) {
			c.s = (int)s;
			c.a = x->sent[s][0];
			c.b = x->sent[s][1];
			c.S = &st->S[s];
			if (ties_xt__find_in(ties_xt__words(&c, D_PARTIC), c.T,
					     c.a, c.b, NULL) < 0)
				continue;
			d->ev[st->meet].date = NULL;
			ties_xt__event_date(d, &d->ev[st->meet], &c);
			break;
		}
	}
	return 0;
}

/* "members of ISSI's research faculty including ...": the unit and its
 * members. */
static int member_units(struct docstate *st, const struct scan *c, size_t s)
{
	ties_draft *d = st->d;
	struct xdoc *x = st->x;
	int doc = st->doc;

	for (size_t i = c->a; i + 2 < c->b; i++) {
		size_t j, u;
		long org = -1, unit = -1;

		if (!(ties_xt__word_is(c, i, "members") ||
		      ties_xt__word_is(c, i, "member")) ||
		    !ties_xt__word_is(c, i + 1, "of"))
			continue;
		for (size_t q = 0; q < st->S[s].n; q++)
			if (st->S[s].m[q].a ==
				    i + 2 + ties_xt__word_is(c, i + 2, "the") &&
			    st->S[s].m[q].type == M_ORG)
				org = st->S[s].m[q].ent, j = st->S[s].m[q].b;
		if (org < 0)
			continue;
		for (u = j; u < c->b && !(c->T->v[u].f & (T_CAP | T_PUNCT)) &&
			    !ties_xt__word_is(c, u, "including");
		     u++)
			;
		/* The unit's words end at "including"; "members of the ISSI
		 * delegation included Ms. ..." names none. */
		if (u > j && !ties_xt__word_is(c, u, "including"))
			continue;
		unit = org;
		if (u > j) {
			const char *words = ties_xt__tok_text(d, x, j, u);
			char *nm;

			if (!words)
				return -1;
			nm = ties_xt__pool_printf(&d->P, "%s", words);
			if (!nm)
				return -1;
			nm[0] = (char)(nm[0] >= 'a' && nm[0] <= 'z' ? nm[0] - 32
								    : nm[0]);
			unit = ties_xt__ent_get(d, "department", nm, 0.8,
						"members of a unit", doc,
						(int)s);
			if (unit < 0)
				return -1;
			ties_xt__set_parent(d, unit, org, 0.8, "a possessive",
					    doc, (int)s);
			d->e[unit].nameless_parent = 1;
		}
		for (size_t q = 0; q < st->S[s].n; q++)
			if (st->S[s].m[q].type == M_PERSON &&
			    st->S[s].m[q].a > u &&
			    ties_xt__add_member(
				    d, st->S[s].m[q].ent, unit, "member", 0.8,
				    "listed as a member", doc, (int)s) < 0)
				return -1;
	}
	return 0;
}

/* The meeting's place, and the topics and domains of sentence s. */
static void place_and_topics(struct docstate *st, struct scan *c, int cue,
			     int trig)
{
	ties_draft *d = st->d;

	/* The place. */
	if (st->meet >= 0 && d->ev[st->meet].place < 0 && (trig || cue)) {
		for (size_t i = c->a; i < c->b; i++) {
			long p;

			if (!(ties_xt__word_is(c, i, "at") ||
			      ties_xt__word_is(c, i, "in") ||
			      (ties_xt__word_is(c, i, "to") &&
			       strcmp(d->ev[st->meet].kind, "meeting"))))
				continue;
			if ((p = place_at(c, i + 1)) >= 0) {
				d->ev[st->meet].place = p;
				break;
			}
		}
	}
	/* Topics and domains. */
	{
		int w;
		long t = ties_xt__find_in(ties_xt__words(c, D_TOPIC), c->T,
					  c->a, c->b, &w);

		if (t >= 0) {
			const struct phrase *ph =
				&ties_xt__words(c, D_TOPIC)->v[w];
			long target = !strcmp(ph->val, "domains") ? st->agree
								  : st->meet;

			if (target >= 0 && ph->after)
				ties_xt__topic_list(
					c, c->a, (size_t)t,
					!strcmp(ph->val, "domains")
						? &d->ev[target].domains
						: &d->ev[target].topics);
			else if (target >= 0)
				ties_xt__topic_list(
					c, (size_t)t + ph->n, c->b,
					!strcmp(ph->val, "domains")
						? &d->ev[target].domains
						: &d->ev[target].topics);
		}
	}
}

/* People, sides, places and topics of sentence s. */
static int sentence_people(struct docstate *st, size_t s)
{
	ties_draft *d = st->d;
	struct xdoc *x = st->x;
	int doc = st->doc;

	struct scan c = sent_scan(st, s);
	const char *side_cc = NULL, *side_why = NULL;
	long side_org = -1, head_org = -1;
	size_t side_at = c.T->n, other_at = c.T->n;
	int cue, trig;

	cue = ties_xt__find_in(ties_xt__words(&c, D_PARTIC), c.T, c.a, c.b,
			       NULL) >= 0;
	trig = st->meet >= 0 && (int)s == st->best_sent;
	/* "the Russian delegation", "On the ISSI side". */
	for (size_t q = 0; q < st->S[s].n; q++) {
		struct ment *m = &st->S[s].m[q];

		if (m->b <= m->a || m->compound)
			continue;
		if (ties_xt__word_is(&c, m->b, "delegation") ||
		    ties_xt__word_is(&c, m->b, "side") ||
		    (ties_xt__word_is(&c, m->b, "interagency") &&
		     ties_xt__word_is(&c, m->b + 1, "delegation"))) {
			if (m->type == M_COUNTRY) {
				side_cc = m->cc;
				side_why = "named as the country's "
					   "delegation or side";
			} else if (m->type == M_ORG) {
				side_org = m->ent;
				side_why = "named on the institution's "
					   "side";
			}
			side_at = m->a;
		}
		/* "a delegation comprised of the heads of Ukrainian
		 * institutions". */
		if (m->type == M_COUNTRY && m->adjective && !side_cc &&
		    m->a >= c.a + 1) {
			for (size_t k = m->a; k-- > c.a && k + 8 > m->a;)
				if (ties_xt__word_is(&c, k, "delegation")) {
					side_cc = m->cc;
					side_at = k;
					side_why = "named as the "
						   "delegation's";
					break;
				}
		}
	}
	/* Roles, and the delegation's institution. */
	for (size_t q = 0; q < st->S[s].n; q++) {
		struct ment *m = &st->S[s].m[q];
		double rconf;
		const char *role;

		if (m->type == M_ORG && m->a < m->b && st->meet >= 0 &&
		    !st->signing[s] && (cue || trig)) {
			/* "with representatives from the Department of
			 * Defense, ...". */
			int host = visited(&c, m);

			role = ties_xt__role_of(&c, m, &rconf);
			/* "visited the Institute": the host. */
			if (host) {
				role = "host";
				rconf = 0.8;
			}
			/* "… (IICA) hosted a roundtable": the host; not a
			 * body that "welcomed the agreement". */
			if ((!strcmp(role, "delegation") ||
			     (!strcmp(role, "host") &&
			      (host || ties_xt__find_word(&c, "hosted") ||
			       ties_xt__find_word(&c, "hosts")))) &&
			    ties_xt__add_part(d, &d->ev[st->meet], m->ent, role,
					      rconf, "named with a cue",
					      (int)s) < 0)
				return -1;
			continue;
		}
		if (m->type != M_PERSON)
			continue;
		role = ties_xt__role_of(&c, m, &rconf);
		if (!strcmp(role, "head_of_delegation") && m->org >= 0)
			head_org = m->org;
		/* "The Rector of X, Professor Y, visited Z": X visits. */
		if (m->org >= 0 && st->meet >= 0 && !st->signing[s] &&
		    visitor(&c, st->S[s].m + q, st->S[s].n - q) &&
		    ties_xt__add_part(d, &d->ev[st->meet], m->org,
				      "delegation", 0.75,
				      "the institution of a visitor",
				      (int)s) < 0)
			return -1;
		if (st->meet >= 0 && !st->signing[s] &&
		    (cue || (trig && (int)s >= x->body_from)))
			if (ties_xt__add_part(
				    d, &d->ev[st->meet], m->ent,
				    !strcmp(role, "signatory") ? "attendee"
							       : role,
				    rconf, "named with a cue", (int)s) < 0)
				return -1;
	}
	if (side_cc)
		st->last_side_cc = side_cc;
	else if (st->last_side_cc &&
		 ties_xt__find_in(ties_xt__words(&c, D_PARTIC), c.T, c.a, c.b,
				  NULL) >= 0) {
		for (size_t i = c.a; i + 1 < c.b; i++)
			if (ties_xt__word_is(&c, i, "the") &&
			    ties_xt__word_is(&c, i + 1, "delegation")) {
				side_cc = st->last_side_cc;
				side_at = c.a;
				side_why = "named in the country's "
					   "delegation";
			}
	}
	if (side_org < 0)
		side_org = head_org;
	/* "the ISSI delegation also held meetings with …": who comes after
	 * the "with" is the other side ("along with" is not). */
	for (size_t i = side_at; i < c.b; i++)
		if (ties_xt__word_is(&c, i, "with") &&
		    !(i > c.a && (ties_xt__word_is(&c, i - 1, "along") ||
				  ties_xt__word_is(&c, i - 1, "together")))) {
			other_at = i;
			break;
		}
	for (size_t q = 0; q < st->S[s].n; q++) {
		struct ment *m = &st->S[s].m[q];

		if (m->type == M_PERSON && (m->a < side_at || m->a > other_at))
			continue;
		if (m->type == M_PERSON) {
			if (side_cc)
				ties_xt__set_country(d, m->ent, side_cc, 0.7,
						     side_why, doc, (int)s);
			if (side_org >= 0 && m->org < 0 &&
			    ties_xt__member_org(d, m->ent) < 0 && m->title &&
			    ties_xt__add_member(d, m->ent, side_org, m->title,
						0.6,
						"named with a title on the "
						"institution's side",
						doc, (int)s) < 0)
				return -1;
			if (side_org >= 0 && d->e[m->ent].side < 0)
				d->e[m->ent].side = side_org;
		} else if (m->type == M_ORG && side_org >= 0 &&
			   m->ent != side_org &&
			   (!strcmp(d->e[m->ent].kind, "department") ||
			    !strcmp(d->e[m->ent].kind, "body"))) {
			ties_xt__set_parent(d, m->ent, side_org, 0.5,
					    "named within the institution's "
					    "delegation",
					    doc, (int)s);
		}
	}
	if (member_units(st, &c, s) < 0)
		return -1;
	place_and_topics(st, &c, cue, trig);
	return 0;
}

/* What the whole document settles: the parties of an agreement named in
 * its title, its place, and the institutions at the meeting. */
static int doc_finish(struct docstate *st)
{
	ties_draft *d = st->d;
	struct xdoc *x = st->x;

	/* An agreement with no party named: the countries of its name
	 * ("the U.S.-Sweden Defense Cooperation Agreement"). */
	if (st->agree >= 0) {
		int parties = 0;

		for (size_t q = 0; q < d->ev[st->agree].np; q++)
			parties += !strcmp(d->ev[st->agree].p[q].role, "party");
		for (size_t s = 0; !parties && s < x->nsent; s++)
			for (size_t q = 0; st->signing[s] && q < st->S[s].n;
			     q++)
				if (st->S[s].m[q].compound &&
				    ties_xt__add_part(
					    d, &d->ev[st->agree],
					    ties_xt__country_ent(
						    d, st->S[s].m[q].cc),
					    "party", 0.6,
					    "named in the agreement's name",
					    (int)s) < 0)
					return -1;
		/* "Following the meeting, the parties signed ...": the
		 * bodies that met. */
		for (size_t q = 0; !parties && st->meet >= 0 &&
				   q < d->ev[st->meet].np;
		     q++) {
			const struct xpart *p = &d->ev[st->meet].p[q];

			if (!ties_xt__is_person_kind(d->e[p->ent].kind) &&
			    strcmp(p->role, "attendee") &&
			    ties_xt__add_part(d, &d->ev[st->agree], p->ent,
					      "party", 0.65,
					      "a body of the meeting where it "
					      "was signed",
					      d->ev[st->agree].sent) < 0)
				return -1;
		}
	}
	/* An agreement signed at the meeting took place where it did. */
	if (st->meet >= 0 && st->agree >= 0 && d->ev[st->agree].place < 0)
		d->ev[st->agree].place = d->ev[st->meet].place;
	/* Institutions at the meeting: the host, the delegations. */
	if (st->meet >= 0) {
		struct xevent *ev = &d->ev[st->meet];
		long host =
			ev->place >= 0 &&
					strcmp(d->e[ev->place].kind, "place") &&
					strcmp(d->e[ev->place].kind, "city")
				? ev->place
				: -1;

		if (host >= 0 &&
		    ties_xt__add_part(d, ev, host, "host", 0.8,
				      "the place of the meeting", ev->sent) < 0)
			return -1;
		for (size_t q = 0; q < ev->np; q++) {
			long o;

			if (strcmp(ev->p[q].role, "head_of_delegation") ||
			    (o = ties_xt__member_org(d, ev->p[q].ent)) < 0 ||
			    o == host)
				continue;
			if (ties_xt__add_part(d, ev, o, "delegation", 0.75,
					      "the institution of a head of "
					      "delegation",
					      ev->p[q].sent) < 0)
				return -1;
		}
	}
	return 0;
}

int ties_xt__analyze_doc(ties_draft *d, int doc)
{
	struct xdoc *x = &d->docs[doc];
	struct docstate st = {0};
	int rc = -1;

	st.d = d;
	st.x = x;
	st.doc = doc;
	st.c0.d = d;
	st.c0.x = x;
	st.c0.T = &x->T;
	st.c0.doc = doc;
	st.meet = st.agree = -1;
	st.best_sent = -1;
	st.S = calloc(x->nsent ? x->nsent : 1, sizeof(*st.S));
	st.signing = calloc(x->nsent ? x->nsent : 1, sizeof(int));
	if (!st.S || !st.signing) {
		free(st.S);
		free(st.signing);
		return ties_xt__oom(d);
	}
	if (doc_mentions(&st) < 0 || doc_triggers(&st) < 0 ||
	    doc_meeting(&st) < 0)
		goto done;
	for (size_t s = 0; s < x->nsent; s++)
		if (sentence_people(&st, s) < 0)
			goto done;
	if (doc_finish(&st) < 0)
		goto done;
	rc = 0;
done:
	for (size_t s = 0; s < x->nsent; s++)
		free(st.S[s].m);
	free(st.S);
	free(st.signing);
	return rc;
}
