/*
 * extract_int.h — what the stages of ties extract share: the pool, tokens,
 * dictionaries, the draft and the scan of a sentence. Private to src/extract.
 */
#ifndef TIES_EXTRACT_EXTRACT_INT_H
#define TIES_EXTRACT_EXTRACT_INT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "ties_int.h"

struct ties_dict_file {
	const char *name, *text;
};

/* Every string of a draft lives in its pool, freed at once. */
struct pool {
	char **v;
	size_t n, cap;
	int oom;
};

enum {
	T_CAP = 1u << 0,     /* starts with an upper-case letter */
	T_ALLCAPS = 1u << 1, /* two or more letters, all upper case */
	T_POSS = 1u << 2,    /* a possessive 's or ' was cut off */
	T_PUNCT = 1u << 3,   /* one punctuation character */
	T_NUM = 1u << 4,     /* starts with a digit */
	T_PARA = 1u << 5,    /* first token of a paragraph */
	/* First token of a line after a short one (a heading, a dateline, a
	 * signature block's "Office of the Spokesman" over "Washington"):
	 * no name runs across it. */
	T_BREAK = 1u << 6,
};

struct tok {
	size_t s, e; /* bytes of the text */
	unsigned f;
	const char *low; /* case-folded form */
	int line;
};

struct toks {
	struct tok *v;
	size_t n, cap;
};

struct phrase {
	const char **w; /* folded words */
	size_t n;
	const char *text; /* as written */
	const char *val;  /* second field, or NULL */
	int after;	  /* roles.txt: the cue follows the person */
};

struct plist {
	struct phrase *v;
	size_t n, cap;
	/* An index by first word, made by match_at when phrases were added
	 * since: the first words' ids, the first phrase of each id, and the
	 * next phrase of the same first word (-1 ends). A cache. */
	ties_strmap first;
	long *head, *next;
	size_t indexed;
};

enum {
	D_HONOR,
	D_TITLE,
	D_TITLEMOD,
	D_INST,
	D_EVENT,
	D_SIGN,
	D_MODAL,
	D_ROLE,
	D_PARTIC,
	D_TOPIC,
	D_DEMONYM,
	D_COUNTRY,
	D_PLACE,
	D_NOTNAME,
	D_ORG,
	D_PORTFOLIO,
	D_PVERB,
	D_COUNT
};

struct dicts {
	struct plist l[D_COUNT];
};

struct xent {
	const char *id, *kind, *name, *honorific;
	const char *alias[8];
	size_t nalias;
	const char *country; /* alpha-2 id */
	double ccf;	     /* confidence of the country */
	const char *cwhy;
	int cdoc, csent;
	long parent;
	double pcf;
	const char *pwhy;
	int pdoc, psent;
	int known;	     /* in the database: referred to, not written */
	int nameless_parent; /* the name gets ", PARENT" when the parent is
			      * known */
	double conf;
	const char *why;
	int doc, sent;
	int side; /* entity on whose side a person was named (-1) */
};

struct xmember {
	long person, org;
	const char *role;
	double conf;
	const char *why;
	int doc, sent;
};

struct xpart {
	long ent;
	const char *role;
	int rank; /* stronger roles win */
	double conf;
	const char *why;
	int sent;
};

struct xevent {
	const char *id, *kind, *date, *title;
	long place;
	ties_buf topics, domains;
	double conf, dconf;
	const char *why, *dwhy;
	int doc, sent, dsent, named;
	struct xpart *p;
	size_t np, cap;
};

struct xfact {
	double conf;
	const char *type, *text;
	int doc, sent;
	size_t seq;
};

struct xdoc {
	const char *path;
	char *text;
	size_t len;
	int *lines;
	struct toks T;
	size_t (*sent)[2];
	size_t nsent, scap;
	const char *date, *title, *url, *publisher, *source_id, *place_city;
	int body_from; /* first sentence of the body (the title is 0) */
};

struct ties_draft {
	ties_db *db;
	struct pool P;
	struct dicts D;
	ties_strmap names; /* folded name or alias -> entity */
	ties_strmap ids;   /* every id the draft uses -> entity, or -1 */
	ties_strmap tails; /* "DOC:tail of a name from a head word" ->
			    * entity, or -1 when two share it */
	struct xent *e;
	size_t ne, ecap;
	struct xmember *m;
	size_t nm, mcap;
	struct xevent *ev;
	size_t nev, evcap;
	struct xfact *f;
	size_t nf, fcap;
	struct xdoc *docs;
	size_t ndocs, dcap;
	const ties_extract_opts *opts;
	size_t seq;
	int db_others; /* the database knows more than the countries */
	size_t country_words; /* D_COUNTRY's entries from countries.txt; the
			       * database's names and codes follow */
	ties_strmap acr; /* the acronyms of document acr_doc - 1 -> slot */
	long *acr_uses;	 /* per slot: how often the document uses it */
	size_t acr_n, acr_cap;
	int acr_doc;
};

enum { M_PERSON = 1, M_ORG, M_COUNTRY, M_PLACE };

struct ment {
	size_t a, b; /* tokens */
	int type;
	long ent;
	const char *cc;	   /* country of a country mention or demonym */
	int adjective;	   /* a demonym */
	int compound;	   /* part of "Pakistan-Russia" */
	const char *title; /* a person's title as written */
	long org;	   /* the institution named with the person */
};

struct sent {
	struct ment *m;
	size_t n, cap;
};

struct scan {
	ties_draft *d;
	struct xdoc *x;
	const struct toks *T;
	int doc, s;
	size_t a, b; /* the sentence's tokens */
	struct sent *S;
};

/* A candidate for the document's meeting-like event: per kind of trigger,
 * its best score, the sentence of that score, and how often it occurs. */
struct cand {
	const char *kind, *name;
	int base, count, sent;
};

/* What the passes of analyze_doc share. */
struct docstate {
	ties_draft *d;
	struct xdoc *x;
	int doc;
	struct scan c0;
	struct sent *S;	  /* the mentions of each sentence */
	int *signing;	  /* per sentence: it signs the agreement */
	int title_agree;  /* the title names an agreement */
	long meet, agree; /* the document's events, or -1 */
	int best_sent;	  /* the sentence of the meeting's trigger */
	const char *last_side_cc;
	struct cand cand[16];
	size_t ncand;
};

/* text.c */
char *ties_xt__pool_keep(struct pool *p, char *s);
char *ties_xt__pool_strndup(struct pool *p, const char *s, size_t n);
char *ties_xt__pool_strdup(struct pool *p, const char *s);
char *ties_xt__pool_printf(struct pool *p, const char *fmt, ...)
	TIES_PRINTF(2, 3);
void ties_xt__pool_release(struct pool *p);
int ties_xt__tokenize(struct pool *p, const char *text, size_t n,
		      const int *lines, struct toks *out);
int ties_xt__read_doc(ties_draft *d, const char *path);
/* dict.c */
int ties_xt__plist_add(struct pool *p, struct plist *l, const char *text,
		       const char *val, int after);
int ties_xt__dicts_load(ties_db *db, struct pool *p, struct dicts *D,
			const char *const *dirs, size_t ndirs);
void ties_xt__dicts_release(struct dicts *D);
int ties_xt__match_at(const struct plist *l, const struct toks *T, size_t i,
		      size_t end, size_t *len);
long ties_xt__find_in(const struct plist *l, const struct toks *T, size_t s,
		      size_t e, int *which);
/* date.c */
long ties_xt__days_from_civil(long y, unsigned m, unsigned dd);
const char *ties_xt__date_shift(ties_draft *d, const char *date, int by);
int ties_xt__month_of(const char *w);
int ties_xt__weekday_of(const char *w);
/* The weekday `wd` (1 Monday .. 7 Sunday) on or before `ref`, or with
 * `after` the first after it; NULL without a reference date. */
const char *ties_xt__weekday_date(ties_draft *d, const char *ref, int wd,
				  int after);
/* The date of event ev triggered in sentence c->s (see date.c). */
void ties_xt__event_date(ties_draft *d, struct xevent *ev, struct scan *c);
size_t ties_xt__parse_date(ties_draft *d, const struct toks *T, size_t i,
			   size_t end, const char *ref, const char **out);
/* draft.c */
int ties_xt__oom(ties_draft *d);
const char *ties_xt__tok_text(ties_draft *d, const struct xdoc *x, size_t a,
			      size_t b);
const char *ties_xt__sent_text(ties_draft *d, int doc, int sent);
int ties_xt__fact(ties_draft *d, double conf, const char *type, int doc,
		  int sent, const char *fmt, ...) TIES_PRINTF(6, 7);
long ties_xt__ent_lookup(ties_draft *d, const char *text);
int ties_xt__ent_key(ties_draft *d, long e, const char *text);
/* The institution of document `doc` whose name ends with `text`, a tail
 * from a head word ("the Commission", "the Academy of Sciences"), or -1;
 * ties_xt__tail_add() registers the tails of a name. */
long ties_xt__tail_lookup(ties_draft *d, int doc, const char *text);
int ties_xt__tail_add(ties_draft *d, int doc, const char *text, long e);
/* The single person of document `doc` whose name of three words or more
 * ends with `name`, two words ("Davari Ardakani"), or -1. */
long ties_xt__by_last_words(ties_draft *d, int doc, const char *name);
/* The single person drafted whose last name is w; else, as family names
 * come first in Chinese, Korean, Vietnamese or Hungarian names ("Premier
 * Li" after "Li Keqiang"), whose first name is; or -1. */
long ties_xt__by_family_name(ties_draft *d, const char *w);
int ties_xt__ent_alias(ties_draft *d, long e, const char *alias);
char *ties_xt__slug(ties_draft *d, const char *s);
const char *ties_xt__unique_id(ties_draft *d, const char *base);
int ties_xt__id_claim(ties_draft *d, const char *id, long e);
int ties_xt__may_be_known(ties_draft *d, int doc, const char *name,
			  const char *cc);
int ties_xt__known_span(struct scan *c, size_t i, size_t best, size_t min,
			long *e);
/* acronym.c: an acronym the release uses at least twice as a name, not a
 * word of the dictionaries ("CERN and ESA signed"): its entity, or -1. */
long ties_xt__release_acronym(struct scan *c, size_t i);
/* Acronym `acr` ("ICCA RAS") fits the initials of tokens [a, b). */
int ties_xt__acronym_fits(const struct scan *c, size_t a, size_t b,
			  const char *acr);
int ties_xt__is_person_kind(const char *k);
long ties_xt__ent_get(ties_draft *d, const char *kind, const char *name,
		      double conf, const char *why, int doc, int sent);
long ties_xt__country_ent(ties_draft *d, const char *cc);
const char *ties_xt__country_name(ties_draft *d, const char *cc);
void ties_xt__set_country(ties_draft *d, long e, const char *cc, double conf,
			  const char *why, int doc, int sent);
void ties_xt__set_parent(ties_draft *d, long e, long parent, double conf,
			 const char *why, int doc, int sent);
int ties_xt__add_member(ties_draft *d, long person, long org, const char *role,
			double conf, const char *why, int doc, int sent);
long ties_xt__member_org(ties_draft *d, long person);
int ties_xt__is_agreement_kind(const char *k);
/* A new event of the document, without date or participants. */
long ties_xt__new_event(ties_draft *d, const char *kind, int doc, int sent);
/* mentions.c */
int ties_xt__add_ment(struct scan *c, const struct ment *m);
const struct plist *ties_xt__words(const struct scan *c, int d);
int ties_xt__word_is(const struct scan *c, size_t i, const char *w);
/* Token i is a word of title-modifiers.txt (Deputy, Senior, Acting …). */
int ties_xt__title_mod(const struct scan *c, size_t i);
/* The sentence of c has the word w (folded). */
int ties_xt__find_word(const struct scan *c, const char *w);
int ties_xt__is_cap(const struct scan *c, size_t i);
size_t ties_xt__at_country(const struct scan *c, size_t i, const char **cc,
			   int *adjective);
int ties_xt__connector(const char *w);
/* names.c: the tokens of a person's title at i ("Deputy Foreign
 * Minister"), or 0; an honorific at i (its tokens in *n); a head word of
 * institutions (its kind in *kind); the plural of a title's last word; a
 * family name in capitals; the name that ends a title's complement. */
size_t ties_xt__at_title(const struct scan *c, size_t i);
int ties_xt__is_honor(const struct scan *c, size_t i, size_t *n);
int ties_xt__inst_head(const struct scan *c, size_t i, const char **kind);
/* A word that ends a name of what is not an institution ("Programme",
 * "Resolution", "Medal"; kind "thing" in institutions.txt) at i: tokens. */
size_t ties_xt__thing_at(const struct scan *c, size_t i);
/* The countries of a compound at i ("Pakistan-Russia", "U.S.-Mexico"):
 * their codes in ccs, how many (two to four), or 0. */
int ties_xt__compound(const struct scan *c, size_t i, const char *ccs[4]);
int ties_xt__plural_title(const struct scan *c, size_t k);
int ties_xt__caps_name_word(const struct scan *c, size_t i);
size_t ties_xt__name_ends_run(struct scan *c, size_t cs, size_t *ce);
int ties_xt__name_word(const struct scan *c, size_t i);
size_t ties_xt__name_at(const struct scan *c, size_t i);
const char *ties_xt__span(struct scan *c, size_t a, size_t b);
size_t ties_xt__at_org(struct scan *c, size_t i, long *e);
size_t ties_xt__skip_role_seg(const struct scan *c, size_t k);
/* Token i is "<place>-based" ("Nairobi-based"). */
int ties_xt__based_at(const struct scan *c, size_t i);
/* A run of capitalised words and connectors at i (mentions.c): tokens. */
size_t ties_xt__capseq(const struct scan *c, size_t i);
/* The institution named by tokens [a, b), drafted when new. */
long ties_xt__org_from(struct scan *c, size_t a, size_t b, double conf,
		       const char *why);
/* "(ACR)" after a name [a, b) at i defines its acronym: tokens used. */
size_t ties_xt__acronym_def(struct scan *c, long e, size_t a, size_t b,
			    size_t i);
/* "Naveed Malik, the Rector of ...": the name's tokens, or 0. */
size_t ties_xt__name_then_title(const struct scan *c, size_t i);
/* people.c */
size_t ties_xt__at_person(struct scan *c, size_t i, struct ment *m);
/* sentence.c */
int ties_xt__scan_mentions(struct scan *c);
int ties_xt__bare_names(struct scan *c);
int ties_xt__named_subjects(struct scan *c);
const char *ties_xt__role_of(const struct scan *c, const struct ment *m,
			     double *conf);
int ties_xt__add_part(ties_draft *d, struct xevent *ev, long ent,
		      const char *role, double conf, const char *why, int sent);
void ties_xt__topic_list(struct scan *c, size_t from, size_t to, ties_buf *out);
/* events.c */
const char *ties_xt__short_name(ties_draft *d, long e);
/* signing.c: sentence s signs an agreement, its signing verb at v: the
 * document's agreement (made at the first signing), its name, who signed
 * and who was present. */
int ties_xt__signing_in(struct docstate *st, struct scan *c, size_t s, long v);
int ties_xt__analyze_doc(ties_draft *d, int doc);

#endif
