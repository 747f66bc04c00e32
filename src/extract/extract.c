/*
 * extract.c — ties extract: a reviewed, rule-based draft of entities,
 * relations and events from press releases.
 *
 * The pipeline, per file: read (text.c: UTF-8 checked, YAML front matter,
 * Markdown escapes, the dateline); tokenize, keeping each token's line;
 * split into sentences; find mentions in each sentence (mentions.c,
 * sentence.c: people after an honorific or a title, institutions around a
 * head word or a defined acronym, countries, demonyms and places); read the
 * cues around them (events.c: roles, signing verbs, delegations, "members
 * of ... including"); then assemble the document's events, their
 * participants and dates (here). Every fact carries a confidence and the
 * sentence it came from (draft.c); the draft is written as the CSV tables
 * ties import reads, with review.txt listing the facts, weakest first.
 *
 * Words come from dictionaries (dict.c; data/extract, one file per list),
 * compiled in and extended at run time by --dict DIR. Mentions are
 * resolved against the draft first, then against the database (exact id,
 * name or alias, folded), so a known entity is reused, never duplicated.
 */
#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "extract_int.h"

/* The country a name says: the last country, demonym or place in it; for
 * a diplomatic post, the country before the post word ("the British
 * Embassy in Tashkent" is the United Kingdom's). */
static const char *country_in_name(ties_draft *d, const char *name)
{
	struct toks T = {0};
	struct xdoc x = {0};
	struct scan c = {0};
	const char *cc = NULL, *first = NULL;
	int about = 0;

	if (ties_xt__tokenize(&d->P, name, strlen(name), NULL, &T) < 0) {
		free(T.v);
		return NULL;
	}
	x.text = (char *)name;
	x.T = T;
	c.d = d;
	c.x = &x;
	c.T = &x.T;
	c.a = 0;
	c.b = T.n;
	for (size_t i = 0; i < T.n; i++) {
		const char *k;
		int adj, p;
		size_t n;

		if (first && (ties_xt__word_is(&c, i, "embassy") ||
			      ties_xt__word_is(&c, i, "consulate") ||
			      ties_xt__word_is(&c, i, "consulate-general") ||
			      ties_xt__word_is(&c, i, "mission") ||
			      ties_xt__word_is(&c, i, "delegation"))) {
			cc = first;
			break;
		}
		/* "Centre for Afghanistan, Middle East and Africa", "Commission
		 * on Russia": what the body is about, not where it is (unless
		 * "of" or "in" says so after). */
		if (ties_xt__word_is(&c, i, "for") || ties_xt__word_is(&c, i, "on"))
			about = 1;
		else if (ties_xt__word_is(&c, i, "of") ||
			 ties_xt__word_is(&c, i, "in"))
			about = 0;
		if (ties_xt__at_country(&c, i, &k, &adj)) {
			if (!first)
				first = k;
			if (!about)
				cc = k;
		} else if (ties_xt__is_cap(&c, i) &&
			 (p = ties_xt__match_at(ties_xt__words(&c, D_PLACE), &T,
						i, T.n, &n)) >= 0)
			cc = ties_xt__words(&c, D_PLACE)->v[p].val;
	}
	free(T.v);
	return cc;
}

static int finish(ties_draft *d)
{
	/* Countries: from names, parents, members and sides. */
	for (size_t e = 0; e < d->ne; e++) {
		struct xent *x = &d->e[e];
		const char *cc;

		if (x->known || ties_xt__is_person_kind(x->kind) ||
		    !strcmp(x->kind, "country"))
			continue;
		if ((cc = country_in_name(d, x->name)))
			ties_xt__set_country(d, (long)e, cc, 0.7,
					     "its name says so", x->doc,
					     x->sent);
	}
	for (int round = 0; round < 4; round++) {
		for (size_t e = 0; e < d->ne; e++) {
			struct xent *x = &d->e[e];

			if (x->parent >= 0 && d->e[x->parent].country)
				ties_xt__set_country(
					d, (long)e, d->e[x->parent].country,
					0.75, "its parent's country", x->pdoc,
					x->psent);
		}
		for (size_t i = 0; i < d->nm; i++) {
			struct xent *p = &d->e[d->m[i].person],
				    *o = &d->e[d->m[i].org];

			if (o->country)
				ties_xt__set_country(
					d, d->m[i].person, o->country, 0.8,
					"its institution's country",
					d->m[i].doc, d->m[i].sent);
			else if (p->country && p->ccf >= 0.7)
				ties_xt__set_country(d, d->m[i].org, p->country,
						     0.6, "a member's country",
						     d->m[i].doc, d->m[i].sent);
		}
		for (size_t e = 0; e < d->ne; e++) {
			struct xent *x = &d->e[e];

			if (x->side >= 0 && d->e[x->side].country)
				ties_xt__set_country(
					d, (long)e, d->e[x->side].country, 0.7,
					"named on its side", x->doc, x->sent);
		}
	}
	/* An official named with a title or honorific and nothing else that
	 * places them, in a release of a government ("Ministry of Foreign
	 * Affairs of Japan", "Press Information Bureau, Government of
	 * India"): that government's country, weakly. */
	{
		/* Once per release and per person, not per pair. */
		const char **pub = calloc(d->ndocs + 1, sizeof(*pub));
		char *placed = calloc(d->ne + 1, 1);

		if (!pub || !placed) {
			free(pub);
			free(placed);
			return ties_xt__oom(d);
		}
		for (size_t k = 0; k < d->ndocs; k++)
			if (d->docs[k].publisher)
				pub[k] = country_in_name(d, d->docs[k].publisher);
		for (size_t i = 0; i < d->nm; i++)
			placed[d->m[i].person] = 1;
		for (size_t e = 0; e < d->ne; e++) {
			struct xent *x = &d->e[e];

			if (x->known || x->country || placed[e] ||
			    !pub[x->doc] || !ties_xt__is_person_kind(x->kind) ||
			    !x->why ||
			    (strcmp(x->why, "named with a title") &&
			     strcmp(x->why, "named with an honorific")))
				continue;
			ties_xt__set_country(d, (long)e, pub[x->doc], 0.6,
					     "the country of the government "
					     "that published the release",
					     x->doc, x->sent);
		}
		free(pub);
		free(placed);
	}
	/* Units take their parent's name; kinds of units without a parent
	 * are institutions. Then the ids. */
	for (size_t e = 0; e < d->ne; e++) {
		struct xent *x = &d->e[e];
		int unit = !strcmp(x->kind, "department") ||
			   !strcmp(x->kind, "body");

		if (x->known)
			continue;
		if (unit && x->parent < 0) {
			x->kind = "institution";
		} else if (unit && x->parent >= 0 && !strchr(x->name, ',') &&
			   !strstr(x->name, d->e[x->parent].name)) {
			/* Not "Committee of the CSTO's name, CSTO". */
			const char *ps = ties_xt__short_name(d, x->parent);
			const char *old = x->name;

			x->name =
				ties_xt__pool_printf(&d->P, "%s, %s", old, ps);
			if (!x->name)
				return ties_xt__oom(d);
			ties_xt__ent_alias(d, (long)e, old);
			if (x->nameless_parent) {
				const char *a = ties_xt__pool_printf(
					&d->P, "%s %s", ps, old);
				char *lc = a ? ties_xt__pool_strdup(&d->P, a)
					     : NULL;

				if (lc) {
					size_t k = strlen(ps);

					if (lc[k + 1] >= 'A' &&
					    lc[k + 1] <= 'Z')
						lc[k + 1] =
							(char)(lc[k + 1] + 32);
					ties_xt__ent_alias(d, (long)e, lc);
				}
			}
		}
	}
	/* Names made here (a unit's "CSP, ISSI") or aliases learnt later
	 * may be the database's: reuse those entities. */
	for (size_t e = 0; e < d->ne; e++) {
		struct xent *x = &d->e[e];
		int r;

		if (x->known || !strcmp(x->kind, "country"))
			continue;
		for (size_t a = 0; a <= x->nalias && !x->known; a++) {
			ties_match m;
			int taken = 0;

			r = ties_store__match_name(
				d->db, a ? x->alias[a - 1] : x->name, &m);
			if (r < 0)
				return r;
			if (r != 1)
				continue;
			taken = ties_strmap__get(&d->ids, m.id, &(long){0});
			if (!taken &&
			    ties_xt__is_person_kind(m.kind) ==
				    ties_xt__is_person_kind(x->kind) &&
			    strcmp(m.kind, "country") &&
			    ties_xt__may_be_known(d, x->doc,
						  a ? x->alias[a - 1] : x->name,
						  m.country)) {
				x->id = ties_xt__pool_strdup(&d->P, m.id);
				x->name = ties_xt__pool_strdup(&d->P, m.name);
				x->kind = ties_xt__pool_strdup(&d->P, m.kind);
				x->known = 1;
				if (!x->id ||
				    ties_xt__id_claim(d, x->id, (long)e) < 0) {
					ties_match__release(&m);
					return ties_xt__oom(d);
				}
			}
			ties_match__release(&m);
		}
	}
	for (size_t e = 0; e < d->ne; e++) {
		struct xent *x = &d->e[e];
		const char *base;

		if (x->known || x->id)
			continue;
		if (x->parent >= 0 && (!strcmp(x->kind, "department") ||
				       !strcmp(x->kind, "body"))) {
			const char *acr = ties_xt__short_name(d, (long)e);
			const char *own = acr != x->name ? acr
					  : x->nalias	 ? x->alias[0]
							 : x->name;

			if (!d->e[x->parent].id &&
			    !(d->e[x->parent].id = ties_xt__unique_id(
				      d,
				      ties_xt__slug(d, ties_xt__short_name(
							       d, x->parent)))))
				return ties_xt__oom(d);
			base = ties_xt__pool_printf(&d->P, "%s-%s",
						    d->e[x->parent].id,
						    ties_xt__slug(d, own));
		} else {
			base = ties_xt__slug(d,
					     ties_xt__short_name(d, (long)e));
		}
		if (!base || !(x->id = ties_xt__unique_id(d, base)))
			return ties_xt__oom(d);
	}
	return 0;
}

static const char *role_word(const char *role)
{
	return role ? role : "";
}

/* Ids of events and sources, titles, and the facts of the review. */
static int name_events(ties_draft *d)
{
	for (size_t k = 0; k < d->nev; k++) {
		struct xevent *ev = &d->ev[k];
		ties_buf who = TIES_BUF_INIT;
		const char *base;
		int orgs = 0;
		size_t first = 0; /* the length of the first part */

		for (int pass = 0; pass < 3 && !who.len; pass++)
			for (size_t q = 0; q < ev->np; q++) {
				const struct xent *x = &d->e[ev->p[q].ent];
				int org = !ties_xt__is_person_kind(x->kind) &&
					  strcmp(x->kind, "country");

				if (pass == 0 && org && orgs == 3)
					continue;
				if ((pass == 0 && org) ||
				    (pass == 1 &&
				     !strcmp(x->kind, "country")) ||
				    (pass == 2 &&
				     ties_xt__is_person_kind(x->kind) &&
				     !who.len)) {
					if (who.len)
						ties_buf__putc(&who, '-');
					ties_buf__puts(
						&who,
						pass == 1
							? x->id
							: ties_xt__slug(
								  d,
								  ties_xt__short_name(
									  d,
									  ev->p[q].ent)));
					orgs += pass == 0;
					if (!first)
						first = who.len;
				}
			}
		if (who.oom)
			return ties_xt__oom(d);
		/* Long names: the first alone. */
		if (who.len > 40)
			who.ptr[who.len = first] = '\0';
		base = ties_xt__pool_printf(
			&d->P, "%s%s%s%s%s", who.len ? ties_buf__str(&who) : "",
			who.len ? "-" : "", ev->kind, ev->date ? "-" : "",
			ev->date ? ev->date : "");
		ties_buf__release(&who);
		if (!base || !(ev->id = ties_xt__unique_id(d, base)))
			return ties_xt__oom(d);
		if (!ev->title) {
			ties_buf t = TIES_BUF_INIT;
			int n = 0;

			ties_buf__puts(&t,
				       !strcmp(ev->kind, "mou")
					       ? "Memorandum of Understanding"
				       : !strcmp(ev->kind, "agreement")
					       ? "Agreement"
					       : ev->kind);
			if (t.len && t.ptr[0] >= 'a' && t.ptr[0] <= 'z')
				t.ptr[0] = (char)(t.ptr[0] - 32);
			/* "Visit of the delegation to the host"; "Meeting
			 * of A and B". */
			int visit = !strcmp(ev->kind, "visit"), h = 0;

			for (int pass = 0; pass < 1 + visit; pass++)
				for (size_t q = 0; q < ev->np; q++) {
					const struct xent *x =
						&d->e[ev->p[q].ent];
					const char *r = ev->p[q].role;

					if (ties_xt__is_person_kind(x->kind) ||
					    !(!strcmp(r, "party") ||
					      !strcmp(r, "host") ||
					      !strcmp(r, "delegation")) ||
					    (visit &&
					     (strcmp(r, "host") == 0) != pass))
						continue;
					ties_buf__puts(
						&t, pass ? (h ? " and " : " to ")
						: n == 0 ? " of "
							 : " and ");
					ties_buf__puts(&t,
						       ties_xt__short_name(
							       d, ev->p[q].ent));
					n += !pass;
					h += pass;
				}
			if (t.oom ||
			    !(ev->title = ties_xt__pool_strdup(&d->P, t.ptr)))
				return ties_xt__oom(d);
			ties_buf__release(&t);
		}
	}
	for (size_t k = 0; k < d->ndocs; k++) {
		struct xdoc *x = &d->docs[k];
		const char *who = x->publisher;
		char *host = NULL;

		if (!who && x->url) {
			const char *p = strstr(x->url, "://");

			p = p ? p + 3 : x->url;
			if (!strncmp(p, "www.", 4))
				p += 4;
			host = ties_xt__pool_strndup(&d->P, p,
						     strcspn(p, "./"));
			who = host;
		}
		if (!who) {
			const char *b = strrchr(x->path, '/');

			who = b ? b + 1 : x->path;
		}
		{
			char *first = ties_xt__pool_strndup(&d->P, who,
							    strcspn(who, " /"));
			const char *base =
				first ? ties_xt__pool_printf(
						&d->P, "%s%s%s",
						ties_xt__slug(d, first),
						x->date ? "-" : "",
						x->date ? x->date : "")
				      : NULL;

			if (!base ||
			    !(x->source_id = ties_xt__unique_id(d, base)))
				return ties_xt__oom(d);
			/* Unique among this draft's sources too. */
			for (size_t q = 0; q < k; q++)
				if (!strcmp(d->docs[q].source_id, x->source_id))
					x->source_id = ties_xt__pool_printf(
						&d->P, "%s-%zu", base, k + 1);
		}
	}
	return 0;
}

static int review_facts(ties_draft *d)
{
	for (size_t e = 0; e < d->ne; e++) {
		const struct xent *x = &d->e[e];

		if (!strcmp(x->kind, "country"))
			continue;
		/* The database's: referred to by its id, not written. */
		if (x->known) {
			if (ties_xt__fact(d, 1, x->kind, x->doc, x->sent,
					  "%s [%s] (in the database)", x->name,
					  x->id) < 0)
				return -1;
			continue;
		}
		if (ties_xt__fact(d, x->conf, x->kind, x->doc, x->sent,
				  "%s [%s] (%s)", x->name, x->id,
				  x->why ? x->why : "") < 0)
			return -1;
		if (x->country &&
		    ties_xt__fact(d, x->ccf, "country", x->cdoc, x->csent,
				  "%s is of %s (%s)", x->name,
				  ties_xt__country_name(d, x->country),
				  x->cwhy ? x->cwhy : "") < 0)
			return -1;
		if (x->parent >= 0 &&
		    ties_xt__fact(d, x->pcf, "part_of", x->pdoc, x->psent,
				  "%s is part of %s (%s)", x->name,
				  d->e[x->parent].name,
				  x->pwhy ? x->pwhy : "") < 0)
			return -1;
	}
	for (size_t i = 0; i < d->nm; i++)
		if (ties_xt__fact(d, d->m[i].conf, "member_of", d->m[i].doc,
				  d->m[i].sent, "%s is %s of %s (%s)",
				  d->e[d->m[i].person].name,
				  d->m[i].role ? d->m[i].role : "a member",
				  d->e[d->m[i].org].name, d->m[i].why) < 0)
			return -1;
	for (size_t k = 0; k < d->nev; k++) {
		const struct xevent *ev = &d->ev[k];

		if (ties_xt__fact(d, ev->conf, "event", ev->doc, ev->sent,
				  "%s: %s [%s] (%s)", ev->kind, ev->title,
				  ev->id, ev->why) < 0 ||
		    (ev->date &&
		     ties_xt__fact(d, ev->dconf, "date", ev->doc, ev->dsent,
				   "%s on %s (%s)", ev->id, ev->date,
				   ev->dwhy) < 0) ||
		    (ev->place >= 0 &&
		     ties_xt__fact(d, 0.75, "place", ev->doc, ev->sent,
				   "%s at %s", ev->id,
				   d->e[ev->place].name) < 0))
			return -1;
		for (size_t q = 0; q < ev->np; q++)
			if (ties_xt__fact(d, ev->p[q].conf, "role", ev->doc,
					  ev->p[q].sent, "%s in %s as %s (%s)",
					  d->e[ev->p[q].ent].name, ev->id,
					  ev->p[q].role, ev->p[q].why) < 0)
				return -1;
		if (ev->topics.len &&
		    ties_xt__fact(d, 0.6, "topics", ev->doc, ev->sent, "%s: %s",
				  ev->id, ev->topics.ptr) < 0)
			return -1;
		if (ev->domains.len &&
		    ties_xt__fact(d, 0.6, "domains", ev->doc, ev->sent,
				  "%s: %s", ev->id, ev->domains.ptr) < 0)
			return -1;
	}
	return 0;
}

static int country_name_cb(void *ctx, const char *id, const char *name)
{
	ties_draft *d = ctx;

	return ties_xt__plist_add(&d->P, &d->D.l[D_COUNTRY], name, id, 0) < 0
		       ? ties_xt__oom(d)
		       : 0;
}

static int cmp_fact(const void *a, const void *b)
{
	const struct xfact *x = a, *y = b;

	if (x->conf != y->conf)
		return x->conf < y->conf ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

int ties_extract(ties_db *db, ties_draft **out, const char *const *paths,
		 size_t npaths, const ties_extract_opts *opts)
{
	ties_draft *d;
	int rc;

	assert(db && out);
	*out = NULL;
	if (opts && opts->date && ties_date_check(opts->date) < 0)
		return ties_db__seterr(db, TIES_EINVALID,
				       "--date '%s' is not a date (YYYY-MM-DD)",
				       opts->date);
	if (!(d = calloc(1, sizeof(*d))))
		return ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	d->db = db;
	d->opts = opts;
	if ((rc = ties_xt__dicts_load(db, &d->P, &d->D,
				      opts ? opts->dict_dirs : NULL,
				      opts ? opts->ndict_dirs : 0)) < 0)
		goto fail;
	if ((rc = ties_store__has_others(db)) < 0)
		goto fail;
	d->db_others = rc;
	d->country_words = d->D.l[D_COUNTRY].n;
	/* The database's names of countries join the dictionary. */
	if ((rc = ties_store__country_names(db, country_name_cb, d)) < 0)
		goto fail;
	for (size_t i = 0; i < npaths; i++) {
		if ((rc = ties_xt__read_doc(d, paths[i])) < 0 ||
		    (rc = ties_xt__analyze_doc(d, (int)d->ndocs - 1)) < 0)
			goto fail;
	}
	if ((rc = finish(d)) < 0 || (rc = name_events(d)) < 0 ||
	    (rc = review_facts(d)) < 0)
		goto fail;
	if (d->P.oom) {
		rc = ties_xt__oom(d);
		goto fail;
	}
	if (d->nf)
		qsort(d->f, d->nf, sizeof(*d->f), cmp_fact);
	*out = d;
	return 0;
fail:
	ties_draft_free(d);
	return rc;
}

void ties_draft_free(ties_draft *d)
{
	if (!d)
		return;
	for (size_t k = 0; k < d->nev; k++) {
		free(d->ev[k].p);
		ties_buf__release(&d->ev[k].topics);
		ties_buf__release(&d->ev[k].domains);
	}
	for (size_t k = 0; k < d->ndocs; k++) {
		free(d->docs[k].lines);
		free(d->docs[k].T.v);
		free(d->docs[k].sent);
	}
	free(d->docs);
	free(d->e);
	free(d->m);
	free(d->ev);
	free(d->f);
	ties_xt__dicts_release(&d->D);
	ties_strmap__release(&d->names);
	ties_strmap__release(&d->ids);
	ties_strmap__release(&d->tails);
	ties_strmap__release(&d->acr);
	free(d->acr_uses);
	ties_xt__pool_release(&d->P);
	free(d);
}

static double min_conf(const ties_draft *d)
{
	return d->opts ? d->opts->min_confidence : 0;
}

/* An entity the draft keeps: one of the database's, or sure enough. */
static int kept(const ties_draft *d, long e)
{
	return e >= 0 && (d->e[e].known || d->e[e].conf >= min_conf(d));
}

/* The tables of the draft, in the importer's layout: what is at least as
 * sure as --min-confidence (the rest is in review.txt only). */
static int draft_tables(ties_draft *d, ties_table *t[5])
{
	static const char *const ecols[] = {"id",	"kind",	   "name",
					    "country",	"aliases", "honorific",
					    "source_id"};
	static const char *const rcols[] = {"source",	"target", "kind",
					    "role",	"start",  "end",
					    "source_id"};
	static const char *const vcols[] = {"id",     "kind",	"date",
					    "title",  "place",	"source_id",
					    "topics", "domains"};
	static const char *const pcols[] = {"event", "entity", "role"};
	static const char *const scols[] = {"id", "title", "url", "publisher",
					    "date"};
	int ok = 1;

	t[0] = ties_table__new(7, ecols);
	t[1] = ties_table__new(7, rcols);
	t[2] = ties_table__new(8, vcols);
	t[3] = ties_table__new(3, pcols);
	t[4] = ties_table__new(5, scols);
	for (int i = 0; i < 5; i++)
		ok &= t[i] != NULL;
	if (!ok)
		return ties_xt__oom(d);
	for (size_t k = 0; k < d->ndocs; k++) {
		const struct xdoc *x = &d->docs[k];
		const char *b = strrchr(x->path, '/');

		ok &= ties_table__add_row(t[4]) == 0 &&
		      ties_table__set_text(t[4], 0, x->source_id) == 0 &&
		      ties_table__set_text(t[4], 1,
					   x->title ? x->title
						    : (b ? b + 1 : x->path)) ==
			      0 &&
		      ties_table__set_text(t[4], 2, x->url) == 0 &&
		      ties_table__set_text(t[4], 3, x->publisher) == 0 &&
		      ties_table__set_text(t[4], 4, x->date) == 0;
	}
	for (size_t e = 0; e < d->ne; e++) {
		const struct xent *x = &d->e[e];
		ties_buf al = TIES_BUF_INIT;

		if (x->known || !strcmp(x->kind, "country") ||
		    !kept(d, (long)e))
			continue;
		for (size_t i = 0; i < x->nalias; i++) {
			if (i)
				ties_buf__putc(&al, '|');
			ties_buf__puts(&al, x->alias[i]);
		}
		ok &= !al.oom && ties_table__add_row(t[0]) == 0 &&
		      ties_table__set_text(t[0], 0, x->id) == 0 &&
		      ties_table__set_text(t[0], 1, x->kind) == 0 &&
		      ties_table__set_text(t[0], 2, x->name) == 0 &&
		      ties_table__set_text(t[0], 3,
					   x->ccf >= min_conf(d) ? x->country
								 : NULL) == 0 &&
		      ties_table__set_text(t[0], 4, al.len ? al.ptr : NULL) ==
			      0 &&
		      ties_table__set_text(t[0], 5, x->honorific) == 0 &&
		      ties_table__set_text(t[0], 6,
					   d->docs[x->doc].source_id) == 0;
		ties_buf__release(&al);
		if (x->parent >= 0 && !x->known && kept(d, x->parent) &&
		    x->pcf >= min_conf(d))
			ok &= ties_table__add_row(t[1]) == 0 &&
			      ties_table__set_text(t[1], 0, x->id) == 0 &&
			      ties_table__set_text(t[1], 1,
						   d->e[x->parent].id) == 0 &&
			      ties_table__set_text(t[1], 2, "part_of") == 0 &&
			      ties_table__set_text(
				      t[1], 6, d->docs[x->pdoc].source_id) == 0;
	}
	for (size_t i = 0; i < d->nm; i++) {
		if (d->m[i].conf < min_conf(d) || !kept(d, d->m[i].person) ||
		    !kept(d, d->m[i].org))
			continue;
		ok &= ties_table__add_row(t[1]) == 0 &&
		      ties_table__set_text(t[1], 0, d->e[d->m[i].person].id) ==
			      0 &&
		      ties_table__set_text(t[1], 1, d->e[d->m[i].org].id) ==
			      0 &&
		      ties_table__set_text(t[1], 2, "member_of") == 0 &&
		      ties_table__set_text(t[1], 3, d->m[i].role) == 0 &&
		      ties_table__set_text(t[1], 6,
					   d->docs[d->m[i].doc].source_id) == 0;
	}
	for (size_t k = 0; k < d->nev; k++) {
		const struct xevent *ev = &d->ev[k];

		if (ev->conf < min_conf(d))
			continue;

		ok &= ties_table__add_row(t[2]) == 0 &&
		      ties_table__set_text(t[2], 0, ev->id) == 0 &&
		      ties_table__set_text(t[2], 1, ev->kind) == 0 &&
		      ties_table__set_text(t[2], 2,
					   ev->dconf >= min_conf(d) ? ev->date
								    : NULL) ==
			      0 &&
		      ties_table__set_text(t[2], 3, ev->title) == 0 &&
		      ties_table__set_text(t[2], 4,
					   kept(d, ev->place)
						   ? d->e[ev->place].id
						   : NULL) == 0 &&
		      ties_table__set_text(t[2], 5,
					   d->docs[ev->doc].source_id) == 0 &&
		      ties_table__set_text(t[2], 6,
					   ev->topics.len ? ev->topics.ptr
							  : NULL) == 0 &&
		      ties_table__set_text(t[2], 7,
					   ev->domains.len ? ev->domains.ptr
							   : NULL) == 0;
		for (size_t q = 0; q < ev->np; q++) {
			if (ev->p[q].conf < min_conf(d) ||
			    !kept(d, ev->p[q].ent))
				continue;
			ok &= ties_table__add_row(t[3]) == 0 &&
			      ties_table__set_text(t[3], 0, ev->id) == 0 &&
			      ties_table__set_text(
				      t[3], 1, d->e[ev->p[q].ent].id) == 0 &&
			      ties_table__set_text(
				      t[3], 2, role_word(ev->p[q].role)) == 0;
		}
	}
	return ok ? 0 : ties_xt__oom(d);
}

static const char *const table_files[5] = {"entities.csv", "relations.csv",
					   "events.csv", "participants.csv",
					   "sources.csv"};

int ties_draft_write(ties_draft *d, const char *dir)
{
	ties_table *t[5] = {0};
	int rc;
	char *path = NULL;
	FILE *f;

	if (mkdir(dir, 0777) < 0 && errno != EEXIST)
		return ties_db__seterr(d->db, TIES_EIO, "%s: %s", dir,
				       strerror(errno));
	if ((rc = draft_tables(d, t)) < 0)
		goto done;
	for (int i = 0; i < 6; i++) {
		if (!(path = ties_xt__pool_printf(&d->P, "%s/%s", dir,
						  i < 5 ? table_files[i]
							: "review.txt"))) {
			rc = ties_xt__oom(d);
			goto done;
		}
		if (!(f = fopen(path, "w"))) {
			rc = ties_db__seterr(d->db, TIES_EIO, "%s: %s", path,
					     strerror(errno));
			goto done;
		}
		if (i < 5)
			rc = ties_table_write(t[i], f, TIES_FORMAT_CSV);
		else
			rc = ties_draft_review(d, f);
		if (fclose(f) != 0 && rc == 0)
			rc = TIES_EIO;
		if (rc < 0) {
			ties_db__seterr(d->db, TIES_EIO, "%s: %s", path,
					strerror(errno));
			goto done;
		}
	}
done:
	for (int i = 0; i < 5; i++)
		ties_table_free(t[i]);
	return rc;
}

int ties_draft_summarize(ties_draft *d, ties_draft_summary *out)
{
	ties_table *t[5] = {0};
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = draft_tables(d, t)) == 0) {
		for (size_t r = 0; r < ties_table_nrows(t[0]); r++) {
			const char *k = ties_table_text(t[0], r, 1);

			if (ties_xt__is_person_kind(k))
				out->people++;
			else
				out->institutions++;
		}
		out->relations = ties_table_nrows(t[1]);
		out->events = ties_table_nrows(t[2]);
		out->participations = ties_table_nrows(t[3]);
		out->releases = d->ndocs;
		for (size_t e = 0; e < d->ne; e++)
			out->known += d->e[e].known &&
				      strcmp(d->e[e].kind, "country") != 0;
		out->facts = d->nf;
		for (size_t i = 0; i < d->nf; i++)
			out->review_only += d->f[i].conf < min_conf(d);
	}
	for (int i = 0; i < 5; i++)
		ties_table_free(t[i]);
	return rc;
}

int ties_draft_paths(const ties_draft *d, const char *dir, char ***out)
{
	char **v = calloc(6, sizeof(*v));

	(void)d;
	if (!v)
		return TIES_ENOMEM;
	for (int i = 0; i < 5; i++) {
		size_t n = strlen(dir) + strlen(table_files[i]) + 2;

		if (!(v[i] = malloc(n))) {
			for (int k = 0; k < i; k++)
				free(v[k]);
			free(v);
			return TIES_ENOMEM;
		}
		snprintf(v[i], n, "%s/%s", dir, table_files[i]);
	}
	*out = v;
	return 5;
}

int ties_draft_review(const ties_draft *d, FILE *f)
{
	size_t below = 0;

	for (size_t i = 0; i < d->nf; i++)
		below += d->f[i].conf < min_conf(d);
	fprintf(f,
		"# ties extract: %zu facts, weakest first. Each names the "
		"sentence it came from.\n",
		d->nf);
	if (below)
		fprintf(f,
			"# The %zu below %.2f (--min-confidence) are here "
			"only, marked 'review only': not in the draft.\n",
			below, min_conf(d));
	fprintf(f, "# Edit the CSV files beside this one, then: ties import "
		   "DIR\n");
	for (size_t i = 0; i < d->nf; i++) {
		const struct xfact *x = &d->f[i];
		const struct xdoc *doc = &d->docs[x->doc];
		int line = x->sent >= 0 && (size_t)x->sent < doc->nsent
				   ? doc->T.v[doc->sent[x->sent][0]].line
				   : 0;

		fprintf(f, "\n%.2f  %-10s %s%s\n", x->conf, x->type, x->text,
			x->conf < min_conf(d) ? "  (review only)" : "");
		if (x->sent >= 0)
			fprintf(f, "      %s:%d: %s\n", doc->path, line,
				ties_xt__sent_text((ties_draft *)d, x->doc,
						   x->sent));
		else
			fprintf(f, "      %s\n", doc->path);
	}
	return ferror(f) ? TIES_EIO : 0;
}

int ties_draft_facts(const ties_draft *d, ties_table **out)
{
	static const char *const cols[] = {"confidence", "type", "fact",
					   "where"};
	ties_table *t = ties_table__new(4, cols);
	int ok = t != NULL;

	for (size_t i = 0; ok && i < d->nf; i++) {
		const struct xfact *x = &d->f[i];
		const struct xdoc *doc = &d->docs[x->doc];
		char where[512];
		int line = x->sent >= 0 && (size_t)x->sent < doc->nsent
				   ? doc->T.v[doc->sent[x->sent][0]].line
				   : 0;

		if (line)
			snprintf(where, sizeof(where), "%s:%d", doc->path,
				 line);
		else
			snprintf(where, sizeof(where), "%s", doc->path);
		ok = ties_table__add_row(t) == 0 &&
		     ties_table__set_real(t, 0, x->conf) == 0 &&
		     ties_table__set_text(t, 1, x->type) == 0 &&
		     ties_table__set_text(t, 2, x->text) == 0 &&
		     ties_table__set_text(t, 3, where) == 0;
	}
	if (!ok) {
		ties_table_free(t);
		return ties_db__seterr(d->db, TIES_ENOMEM, "out of memory");
	}
	*out = t;
	return 0;
}
