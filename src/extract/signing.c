/*
 * signing.c — ties extract, one document's agreement: its name, and who
 * signed it (signatories and parties), who was present, and who only
 * welcomed it, from a sentence with a signing verb.
 */
#include <string.h>

#include "extract_int.h"

/* The agreement's name in sentence s: "the ISSI-ICCA RAS MoU", "the
 * Artemis Accords". */
static void agreement_title(struct docstate *st, size_t s)
{
	ties_draft *d = st->d;
	struct xdoc *x = st->x;

	for (size_t q = s; q == s && !d->ev[st->agree].title; q++) {
		struct scan c2 = st->c0;

		c2.a = x->sent[q][0];
		c2.b = x->sent[q][1];
		for (size_t i = c2.a + 1; i < c2.b; i++) {
			size_t n, ns = i;
			int k = ties_xt__match_at(ties_xt__words(&c2, D_EVENT),
						  c2.T, i, c2.b, &n);

			if (k < 0 ||
			    !ties_xt__is_agreement_kind(
				    ties_xt__words(&c2, D_EVENT)->v[k].val))
				continue;
			while (ns > c2.a &&
			       (((c2.T->v[ns - 1].f & T_CAP) &&
				 !(c2.T->v[ns - 1].f & T_PUNCT)) ||
				ties_xt__word_is(&c2, ns - 1, "-")) &&
			       !ties_xt__word_is(&c2, ns - 1, "the"))
				ns--;
			if (ns < i && (int)q >= x->body_from &&
			    ties_xt__word_is(&c2, ns - 1, "the"))
				d->ev[st->agree].title =
					ties_xt__tok_text(d, x, ns, i + n);
			break;
		}
	}
}

/* A country named as a title's complement ("under the aegis of the
 * President of Azerbaijan") is no party of what is signed. */
static int title_of(const struct scan *c, const struct ment *m)
{
	size_t of = m->a - 1 -
		    (m->a >= 2 && ties_xt__word_is(c, m->a - 1, "the"));

	if (m->type != M_COUNTRY || m->a < 2 || of <= c->a ||
	    !ties_xt__word_is(c, of, "of"))
		return 0;
	for (size_t k = of > c->a + 4 ? of - 4 : c->a; k < of; k++)
		if (ties_xt__at_title(c, k) == of - k)
			return 1;
	return 0;
}

/* "in the presence of", "were present at", "witnessed by": the token of
 * the cue of who watched a signing, or 0. */
static size_t witness_cue(const struct scan *c, int *react)
{
	static const char *const w[] = {"presence", "present", "witnessed",
					"witnessing", "attended", "attending"};
	/* "X welcomed the signing": a reaction, not a presence. */
	static const char *const r[] = {"welcomed", "welcomes", "hailed",
					"hails",    "praised",	"applauded",
					"lauded",   "congratulated"};

	*react = 0;
	for (size_t i = c->a + 1; i < c->b; i++) {
		for (size_t k = 0; k < sizeof(w) / sizeof(*w); k++)
			if (ties_xt__word_is(c, i, w[k]))
				return i;
		for (size_t k = 0; k < sizeof(r) / sizeof(*r); k++)
			if (ties_xt__word_is(c, i, r[k]) &&
			    ties_xt__word_is(c, i + 1, "the") &&
			    ties_xt__word_is(c, i + 2, "signing")) {
				*react = 1;
				return i;
			}
	}
	return 0;
}

/* Mention m watched the signing whose verb is at vv, by the cue at w:
 * named after the cue ("in the presence of X"; before the verb, up to a
 * comma: "In the presence of X, A and B signed"), or before a cue that
 * precedes the verb ("X and Y were present at the signing"). */
static int watched(const struct scan *c, const struct ment *m, size_t w,
		   size_t vv)
{
	if (!w)
		return 0;
	if (w > vv)
		return m->a > w;
	if (m->b <= w)
		return 1;
	if (m->a >= vv)
		return 0;
	for (size_t i = w; i < m->a; i++)
		if (ties_xt__word_is(c, i, ","))
			return 0;
	return 1;
}

/* Who signed in sentence s, whose signing verb is at v: signatories and
 * parties. */
static int signing_parties(struct docstate *st, const struct scan *c, size_t s,
			   long v)
{
	int rc, react;
	ties_draft *d = st->d;
	struct xdoc *x = st->x;
	int doc = st->doc;

	size_t vv = (size_t)v, by = 0, from = c->a, to = vv,
	       wit = witness_cue(c, &react), ntheirs = 0;
	long theirs[8];
	int gerund_for = ties_xt__word_is(c, vv, "signing") && vv > c->a &&
			 ties_xt__word_is(c, vv - 1, "for");

	for (size_t i = vv; i < c->b; i++)
		if (ties_xt__word_is(c, i, "by")) {
			by = i;
			break;
		}
	size_t btw = 0, btw_end = 0;
	int btw_any;

	for (size_t i = c->a; i < vv; i++)
		if (ties_xt__word_is(c, i, ";"))
			from = i + 1;
	/* "... approved the signing of an MoU between A, B and C to ...":
	 * the parties are A, B and C, not the subject. */
	for (size_t i = vv + 1; i < c->b && !btw; i++)
		if (ties_xt__word_is(c, i, "between") ||
		    ties_xt__word_is(c, i, "among") ||
		    ties_xt__word_is(c, i, "amongst"))
			btw = i;
	for (btw_end = btw + 1; btw && btw_end < c->b; btw_end++) {
		const struct tok *t = &c->T->v[btw_end];

		if (!(t->f & (T_CAP | T_ALLCAPS | T_PUNCT | T_NUM)) &&
		    !ties_xt__connector(t->low) && strcmp(t->low, "s.a.") != 0)
			break;
	}
	/* "… exchange between both institutions": a "between" that names
	 * no one says nothing of the parties. */
	btw_any = btw != 0;
	if (btw) {
		size_t named = 0;

		for (size_t q = 0; q < st->S[s].n; q++)
			named += st->S[s].m[q].a > btw &&
				 st->S[s].m[q].a < btw_end;
		if (!named)
			btw = btw_end = 0;
	}
	if (by && (ties_xt__word_is(c, vv + 1, "by") ||
		   ties_xt__word_is(c, vv, "signing"))) {
		from = by + 1;
		to = c->b;
	}
	for (size_t q = 0; q < st->S[s].n; q++) {
		struct ment *m = &st->S[s].m[q];
		/* "with (the) (Nairobi-based) X". */
		size_t wa = m->a - (m->a > c->a &&
				    ties_xt__based_at(c, m->a - 1));
		int with = m->a > vv && wa >= 1 &&
			   (ties_xt__word_is(c, wa - 1, "with") ||
			    (wa >= 2 && ties_xt__word_is(c, wa - 1, "the") &&
			     ties_xt__word_is(c, wa - 2, "with")));
		int behalf = m->a >= 2 && ties_xt__word_is(c, m->a - 1, "of") &&
			     ties_xt__word_is(c, m->a - 2, "behalf");
		int in = m->a >= from && m->a < to;
		int among = btw && m->a > btw && m->a < btw_end;
		long e = m->ent;

		if (m->compound || m->adjective || title_of(c, m))
			continue;
		/* "HSE University, Russia": where the body is. */
		if (m->type == M_COUNTRY && q > 0 && m->a >= 1 &&
		    ties_xt__word_is(c, m->a - 1, ",") &&
		    st->S[s].m[q - 1].type == M_ORG &&
		    st->S[s].m[q - 1].b == m->a - 1) {
			if (st->S[s].m[q - 1].ent >= 0)
				ties_xt__set_country(d, st->S[s].m[q - 1].ent,
						     m->cc, 0.8,
						     "named after it", doc,
						     (int)s);
			continue;
		}
		if (watched(c, m, wit, vv)) {
			if (m->type == M_PERSON && !react &&
			    ties_xt__add_part(d, &d->ev[st->agree], e,
					      "attendee", 0.8,
					      "present at the signing",
					      (int)s) < 0)
				return -1;
			continue;
		}
		/* "X approved the signing of an MoU between A and B": X
		 * signed nothing. */
		if (btw_any && m->type == M_PERSON &&
		    ties_xt__word_is(c, vv, "signing"))
			continue;
		/* "The MoU was signed in a meeting between Director, CSSPR,
		 * Dr. Rabia Akhtar, and ...": who signed. */
		if (btw && m->type == M_PERSON && among && vv > c->a &&
		    (ties_xt__word_is(c, vv - 1, "was") ||
		     ties_xt__word_is(c, vv - 1, "were")))
			in = 1;
		if (btw && m->type != M_PERSON)
			in = among &&
			     /* "GRANTECAN, S.A. (GTC), Spain": where it is. */
			     !(m->type == M_COUNTRY && m->a >= 1 &&
			       ties_xt__word_is(c, m->a - 1, ","));
		if (m->type == M_COUNTRY)
			e = ties_xt__country_ent(d, m->cc);
		if (behalf && m->type == M_COUNTRY)
			for (size_t r = 0; r < st->S[s].n; r++)
				if (st->S[s].m[r].type == M_PERSON &&
				    st->S[s].m[r].a < m->a &&
				    st->S[s].m[r].a >= from)
					ties_xt__set_country(d,
							     st->S[s].m[r].ent,
							     m->cc, 0.85,
							     "signed on its "
							     "behalf",
							     doc, (int)s);
		if (m->type == M_PERSON && !in && !gerund_for &&
		    (int)s >= x->body_from &&
		    !ties_xt__word_is(c, vv + 1, "by")) {
			double rc2;

			if (!strcmp(ties_xt__role_of(c, m, &rc2), "signatory"))
				in = 1;
		}
		if (m->type == M_PERSON && in && !gerund_for)
			rc = ties_xt__add_part(d, &d->ev[st->agree], e,
					       "signatory", 0.85,
					       "the subject of the "
					       "signing",
					       (int)s);
		else if ((m->type == M_ORG || m->type == M_COUNTRY) &&
			 (in || with || behalf) && e >= 0 && m->a != m->b)
			rc = ties_xt__add_part(d, &d->ev[st->agree], e, "party",
					       0.85,
					       with	? "signed with"
					       : behalf ? "signed on its "
							  "behalf"
					       : among	? "named after "
							  "'between'"
							: "the subject of "
							  "the signing",
					       (int)s);
		else
			rc = 0;
		if (rc < 0)
			return -1;
		if (m->type == M_PERSON && in && !gerund_for && m->org >= 0 &&
		    ntheirs < sizeof(theirs) / sizeof(*theirs))
			theirs[ntheirs++] = m->org;
	}
	/* "signed by A, registrar, University of Pune and B, rector, Ural
	 * Federal University": with fewer than two parties named, the
	 * signatories' institutions are. */
	{
		const struct xevent *ev = &d->ev[st->agree];
		size_t parties = 0;

		for (size_t q = 0; q < ev->np; q++)
			parties += !strcmp(ev->p[q].role, "party");
		for (size_t q = 0; parties < 2 && q < ntheirs; q++)
			if (!ties_xt__is_person_kind(d->e[theirs[q]].kind) &&
			    ties_xt__add_part(d, &d->ev[st->agree], theirs[q],
					      "party", 0.75,
					      "a signatory's institution",
					      (int)s) < 0)
				return -1;
	}
	return 0;
}

/* Sentence s signs an agreement: the agreement (made at the first
 * signing), its name, and who signed. */
int ties_xt__signing_in(struct docstate *st, struct scan *c, size_t s, long v)
{
	ties_draft *d = st->d;
	struct xdoc *x = st->x;
	int doc = st->doc;

	st->signing[s] = 1;
	if (st->agree < 0) {
		const char *kind = "agreement";

		for (size_t q = 0; q < x->nsent && q <= s; q++)
			for (size_t i = x->sent[q][0]; i < x->sent[q][1]; i++) {
				int k = ties_xt__match_at(
					ties_xt__words(c, D_EVENT), c->T, i,
					x->sent[q][1], NULL);

				if (k >= 0 && !strcmp(ties_xt__words(c, D_EVENT)
							      ->v[k]
							      .val,
						      "mou"))
					kind = "mou";
			}
		if ((st->agree = ties_xt__new_event(d, kind, doc, (int)s)) < 0)
			return -1;
		d->ev[st->agree].conf = 0.85;
		d->ev[st->agree].why = "a signing verb with an agreement";
		ties_xt__event_date(d, &d->ev[st->agree], c);
	}
	agreement_title(st, s);
	return signing_parties(st, c, s, v);
}
