/*
 * extract.c — ties extract: a reviewed, rule-based draft of entities,
 * relations and events from press releases.
 *
 * The pipeline, per file: read (UTF-8 checked, YAML front matter, Markdown
 * escapes, the dateline); tokenize, keeping each token's line; split into
 * sentences; find mentions in each sentence (people after an honorific or a
 * title, institutions around a head word or a defined acronym, countries,
 * demonyms and places); read the cues around them (roles, signing verbs,
 * delegations, "members of ... including"); then assemble the document's
 * events, their participants and dates. Every fact carries a confidence
 * and the sentence it came from; the draft is written as the CSV tables
 * ties import reads, with review.txt listing the facts, weakest first.
 *
 * Words come from dictionaries (data/extract, one file per list), compiled in and
 * extended at run time by --dict DIR. Mentions are resolved against the
 * draft first, then against the database (exact id, name or alias, folded),
 * so a known entity is reused, never duplicated.
 */
#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <utf8proc.h>

#include "ties_int.h"

struct ties_dict_file {
	const char *name, *text;
};
extern const struct ties_dict_file ties__dict_files[];

/* ------------------------------------------------------------- pools --- */

/* Every string of a draft lives in its pool, freed at once. */
struct pool {
	char **v;
	size_t n, cap;
	int oom;
};

static char *pool_keep(struct pool *p, char *s)
{
	char **v;

	if (!s) {
		p->oom = 1;
		return NULL;
	}
	if (p->n == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 256;
		if (!(v = realloc(p->v, p->cap * sizeof(*v)))) {
			free(s);
			p->oom = 1;
			return NULL;
		}
		p->v = v;
	}
	return p->v[p->n++] = s;
}

static char *pool_strndup(struct pool *p, const char *s, size_t n)
{
	return pool_keep(p, strndup(s, n));
}

static char *pool_strdup(struct pool *p, const char *s)
{
	return s ? pool_keep(p, strdup(s)) : NULL;
}

static char *pool_printf(struct pool *p, const char *fmt, ...)
	TIES_PRINTF(2, 3);
static char *pool_printf(struct pool *p, const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !(s = malloc((size_t)n + 1)))
		return pool_keep(p, NULL);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return pool_keep(p, s);
}

static void pool_release(struct pool *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->v[i]);
	free(p->v);
	memset(p, 0, sizeof(*p));
}

/* Grow array *v of *cap elements of size sz to hold n + 1. */
static int grow(void *vp, size_t *cap, size_t n, size_t sz)
{
	void **v = vp;
	void *nv;
	size_t nc;

	if (n < *cap)
		return 0;
	nc = *cap ? 2 * *cap : 16;
	if (!(nv = realloc(*v, nc * sz)))
		return -1;
	*v = nv;
	*cap = nc;
	return 0;
}

/* ------------------------------------------------------------ tokens --- */

enum {
	T_CAP = 1u << 0,     /* starts with an upper-case letter */
	T_ALLCAPS = 1u << 1, /* two or more letters, all upper case */
	T_POSS = 1u << 2,    /* a possessive 's or ' was cut off */
	T_PUNCT = 1u << 3,   /* one punctuation character */
	T_NUM = 1u << 4,     /* starts with a digit */
	T_PARA = 1u << 5,    /* first token of a paragraph */
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

static int32_t cp_at(const char *s, size_t n, size_t i, size_t *len)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t k;

	k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
			     (utf8proc_ssize_t)(n - i), &c);
	if (k <= 0) {
		*len = 1;
		return -1;
	}
	*len = (size_t)k;
	return c;
}

static int is_apos(int32_t c)
{
	return c == '\'' || c == 0x2019;
}

static int is_wordcp(int32_t c)
{
	utf8proc_category_t cat;

	if (c < 0)
		return 0;
	if (c < 128)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		       (c >= '0' && c <= '9');
	cat = utf8proc_category(c);
	return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LL ||
	       cat == UTF8PROC_CATEGORY_LT || cat == UTF8PROC_CATEGORY_LM ||
	       cat == UTF8PROC_CATEGORY_LO || cat == UTF8PROC_CATEGORY_MN ||
	       cat == UTF8PROC_CATEGORY_MC || cat == UTF8PROC_CATEGORY_ND;
}

static int is_upper(int32_t c)
{
	utf8proc_category_t cat = utf8proc_category(c);

	return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

static int is_lower(int32_t c)
{
	return utf8proc_category(c) == UTF8PROC_CATEGORY_LL;
}

/* Abbreviations whose period belongs to the word. */
static int abbrev(const char *s, size_t n)
{
	static const char *const list[] = {
		"Dr",	"Mr",  "Ms",  "Mrs", "Prof", "St",  "Lt", "Gen",
		"Col",	"Sen", "Rep", "Rev", "Jr",   "Sr",  "No", "Inc",
		"Ltd",	"Co",  "Corp", "Mt", "Adm",  "Capt", "Gov", "Amb",
		"vs",	"etc", "Hon", "Messrs", "Mmes", "Dept", "Univ", "Assn",
		"Bros", "Maj", "Sgt", "Ft", "Ave", "approx", NULL};

	for (size_t i = 0; list[i]; i++)
		if (strlen(list[i]) == n && !memcmp(list[i], s, n))
			return 1;
	return 0;
}

/* "U.S", "D.C", "H.E": letters separated by periods. */
static int dotted(const char *s, size_t n)
{
	size_t letters = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '.')
			continue;
		if (!((s[i] >= 'A' && s[i] <= 'Z') ||
		      (s[i] >= 'a' && s[i] <= 'z')))
			return 0;
		if (i + 1 < n && s[i + 1] != '.')
			return 0;
		letters++;
	}
	return letters >= 1;
}

static char *fold_word(struct pool *p, const char *s, size_t n)
{
	utf8proc_uint8_t *out = NULL;

	if (utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
			 &out,
			 UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE |
				 UTF8PROC_STABLE) < 0)
		return pool_strndup(p, s, n);
	/* One apostrophe. */
	for (char *q = (char *)out; (q = strstr(q, "\xe2\x80\x99"));) {
		*q = '\'';
		memmove(q + 1, q + 3, strlen(q + 3) + 1);
	}
	return pool_keep(p, (char *)out);
}

/*
 * Split text[0, n) into tokens. `lines`, when given, has the line of each
 * byte. A blank line starts a paragraph.
 */
static int tokenize(struct pool *p, const char *text, size_t n,
		    const int *lines, struct toks *out)
{
	size_t i = 0, len;
	int newlines = 2;

	while (i < n) {
		int32_t c = cp_at(text, n, i, &len);
		struct tok t;

		if (c == '\n') {
			newlines++;
			i++;
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\r' || c == 0xa0 ||
		    c == 0x202f || c == 0x2009) {
			i += len;
			continue;
		}
		memset(&t, 0, sizeof(t));
		t.s = i;
		if (is_wordcp(c)) {
			size_t j = i;

			for (;;) {
				size_t l2, l3;
				int32_t d = cp_at(text, n, j, &l2);

				if (j >= n)
					break;
				if (is_wordcp(d)) {
					j += l2;
					continue;
				}
				if ((d == '-' || is_apos(d) || d == '&') &&
				    j + l2 < n &&
				    is_wordcp(cp_at(text, n, j + l2, &l3))) {
					j += l2;
					continue;
				}
				break;
			}
			/* A period that belongs to the word. */
			if (j < n && text[j] == '.' &&
			    (abbrev(text + i, j - i) ||
			     dotted(text + i, j - i))) {
				j++;
				while (j + 1 < n && text[j] >= 'A' &&
				       text[j] <= 'Z' && text[j + 1] == '.')
					j += 2;
			}
			t.e = j;
			/* Possessive: ’s or s’. */
			if (j - i > 2 &&
			    (!memcmp(text + j - 2, "'s", 2) ||
			     (j - i > 4 &&
			      !memcmp(text + j - 4, "\xe2\x80\x99s", 4)))) {
				t.e = text[j - 2] == '\'' ? j - 2 : j - 4;
				t.f |= T_POSS;
			} else if (j < n && is_apos(cp_at(text, n, j, &len)) &&
				   text[j - 1] == 's') {
				t.f |= T_POSS;
				j += len;
			}
			{
				size_t k = i, letters = 0, upper = 0;
				int32_t first = cp_at(text, n, i, &len);

				if (is_upper(first))
					t.f |= T_CAP;
				if (first >= '0' && first <= '9')
					t.f |= T_NUM;
				while (k < t.e) {
					int32_t d = cp_at(text, n, k, &len);

					if (is_upper(d))
						letters++, upper++;
					else if (is_lower(d))
						letters++;
					k += len;
				}
				if (letters >= 2 && upper == letters)
					t.f |= T_ALLCAPS;
			}
			i = j;
		} else {
			t.e = i + len;
			t.f = T_PUNCT;
			i += len;
		}
		if (newlines >= 2)
			t.f |= T_PARA;
		newlines = 0;
		t.line = lines ? lines[t.s] : 0;
		if (!(t.low = fold_word(p, text + t.s, t.e - t.s)))
			return -1;
		if (grow(&out->v, &out->cap, out->n, sizeof(t)) < 0)
			return -1;
		out->v[out->n++] = t;
	}
	return 0;
}

/* ------------------------------------------------------ dictionaries --- */

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
	D_COUNT
};

static const char *const dict_names[D_COUNT] = {
	"honorifics.txt", "titles.txt",	      "title-modifiers.txt",
	"institutions.txt", "events.txt",     "signing.txt",
	"modality.txt",	  "roles.txt",	      "participation.txt",
	"topics.txt",	  "demonyms.txt",     "countries.txt",
	"places.txt",	  "not-names.txt",    "organizations.txt",
};

/* Fields: for these files the phrase is the second field. */
static int phrase_second(int d)
{
	return d == D_EVENT || d == D_ROLE || d == D_TOPIC;
}

static int plist_add(struct pool *p, struct plist *l, const char *text,
		     const char *val, int after)
{
	struct toks t = {0};
	struct phrase ph = {0};

	if (tokenize(p, text, strlen(text), NULL, &t) < 0)
		goto oom;
	if (t.n == 0) {
		free(t.v);
		return 0;
	}
	if (!(ph.w = malloc(t.n * sizeof(*ph.w))) ||
	    !pool_keep(p, (char *)ph.w))
		goto oom;
	for (size_t i = 0; i < t.n; i++)
		ph.w[i] = t.v[i].low;
	ph.n = t.n;
	ph.text = pool_strdup(p, text);
	ph.val = val ? pool_strdup(p, val) : NULL;
	ph.after = after;
	free(t.v);
	if (grow(&l->v, &l->cap, l->n, sizeof(ph)) < 0)
		return -1;
	l->v[l->n++] = ph;
	return 0;
oom:
	free(t.v);
	return -1;
}

/* Read one dictionary's text (file `where` for messages). */
static int dict_parse(ties_db *db, struct pool *p, struct plist *l, int d,
		      const char *text, const char *where)
{
	const char *line = text;
	int lineno = 0;

	while (*line) {
		const char *end = strchr(line, '\n');
		size_t n = end ? (size_t)(end - line) : strlen(line);
		char *s = pool_strndup(p, line, n), *tab, *a, *b;
		int after = 0;

		lineno++;
		line += n + (end ? 1 : 0);
		if (!s)
			return ties_db__seterr(db, TIES_ENOMEM, "out of memory");
		if (n && s[n - 1] == '\r')
			s[--n] = '\0';
		if (n == 0 || s[0] == '#')
			continue;
		if (ties_utf8__invalid(s, n))
			return ties_db__seterr(db, TIES_EINVALID,
					       "%s:%d: invalid UTF-8", where,
					       lineno);
		tab = strchr(s, '\t');
		a = s;
		b = NULL;
		if (tab) {
			*tab = '\0';
			b = tab + 1;
		}
		if (phrase_second(d)) {
			if (!b || !*b || !*a)
				return ties_db__seterr(
					db, TIES_EINVALID,
					"%s:%d: expected two fields separated "
					"by a tab",
					where, lineno);
			{
				char *t = a;

				a = b;
				b = t;
			}
			if (d == D_ROLE && !strncmp(a, "after:", 6)) {
				a += 6;
				after = 1;
			}
			if (d == D_TOPIC && !strncmp(a, "before:", 7)) {
				a += 7;
				after = 1;
			}
		} else if ((d == D_INST || d == D_DEMONYM || d == D_COUNTRY ||
			    d == D_PLACE) &&
			   (!b || !*b)) {
			return ties_db__seterr(db, TIES_EINVALID,
					       "%s:%d: expected two fields "
					       "separated by a tab",
					       where, lineno);
		}
		if (plist_add(p, l, a, b, after) < 0)
			return ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	}
	return 0;
}

static int read_file(const char *path, char **out, size_t *len)
{
	FILE *f = fopen(path, "rb");
	ties_buf b = TIES_BUF_INIT;
	char chunk[8192];
	size_t n;

	*out = NULL;
	if (!f)
		return -1;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		ties_buf__add(&b, chunk, n);
	if (ferror(f) || b.oom) {
		int e = ferror(f) ? errno : ENOMEM;

		fclose(f);
		ties_buf__release(&b);
		errno = e;
		return -1;
	}
	fclose(f);
	*len = b.len;
	*out = b.ptr ? ties_buf__detach(&b) : strdup("");
	return *out ? 0 : -1;
}

struct dicts {
	struct plist l[D_COUNT];
};

static int dicts_load(ties_db *db, struct pool *p, struct dicts *D,
		      const char *const *dirs, size_t ndirs)
{
	int rc;

	for (int d = 0; d < D_COUNT; d++) {
		for (size_t k = 0; ties__dict_files[k].name; k++)
			if (!strcmp(ties__dict_files[k].name, dict_names[d]) &&
			    (rc = dict_parse(db, p, &D->l[d], d,
					     ties__dict_files[k].text,
					     dict_names[d])) < 0)
				return rc;
		for (size_t k = 0; k < ndirs; k++) {
			char *path = pool_printf(p, "%s/%s", dirs[k],
						 dict_names[d]);
			char *text;
			size_t len;
			struct stat sb;

			if (!path)
				return ties_db__seterr(db, TIES_ENOMEM,
						       "out of memory");
			if (stat(dirs[k], &sb) < 0 || !S_ISDIR(sb.st_mode))
				return ties_db__seterr(
					db, TIES_EIO,
					"%s: not a directory of dictionaries",
					dirs[k]);
			if (read_file(path, &text, &len) < 0) {
				if (errno == ENOENT)
					continue;
				return ties_db__seterr(db, TIES_EIO, "%s: %s",
						       path, strerror(errno));
			}
			rc = dict_parse(db, p, &D->l[d], d, text, path);
			free(text);
			if (rc < 0)
				return rc;
		}
	}
	return 0;
}

static void dicts_release(struct dicts *D)
{
	for (int d = 0; d < D_COUNT; d++)
		free(D->l[d].v);
}

/* Longest phrase of `l` at token i (before `end`): its index, or -1. */
static int match_at(const struct plist *l, const struct toks *T, size_t i,
		    size_t end, size_t *len)
{
	int best = -1;
	size_t bl = 0;

	for (size_t k = 0; k < l->n; k++) {
		const struct phrase *ph = &l->v[k];
		size_t j;

		if (ph->n <= bl || i + ph->n > end)
			continue;
		for (j = 0; j < ph->n; j++)
			if (strcmp(ph->w[j], T->v[i + j].low))
				break;
		if (j == ph->n) {
			best = (int)k;
			bl = ph->n;
		}
	}
	if (len)
		*len = bl;
	return best;
}

/* The first phrase of `l` anywhere in [s, e): its token, or -1. */
static long find_in(const struct plist *l, const struct toks *T, size_t s,
		    size_t e, int *which)
{
	for (size_t i = s; i < e; i++) {
		int k = match_at(l, T, i, e, NULL);

		if (k >= 0) {
			if (which)
				*which = k;
			return (long)i;
		}
	}
	return -1;
}

/* ------------------------------------------------------------- draft --- */

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
	int known; /* in the database: referred to, not written */
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
};

static int oom(ties_draft *d)
{
	return ties_db__seterr(d->db, TIES_ENOMEM, "out of memory");
}

static const char *tok_text(ties_draft *d, const struct xdoc *x, size_t a,
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
	return pool_keep(&d->P, o.ptr ? ties_buf__detach(&o) : strdup(""));
}

static const char *sent_text(ties_draft *d, int doc, int sent)
{
	const struct xdoc *x = &d->docs[doc];

	if (sent < 0 || (size_t)sent >= x->nsent)
		return "";
	return tok_text(d, x, x->sent[sent][0], x->sent[sent][1]);
}

static int fact(ties_draft *d, double conf, const char *type, int doc,
		int sent, const char *fmt, ...) TIES_PRINTF(6, 7);
static int fact(ties_draft *d, double conf, const char *type, int doc,
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
		return oom(d);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	if (!pool_keep(&d->P, s) ||
	    grow(&d->f, &d->fcap, d->nf, sizeof(f)) < 0)
		return oom(d);
	f.conf = conf;
	f.type = type;
	f.text = s;
	f.doc = doc;
	f.sent = sent;
	f.seq = d->seq++;
	d->f[d->nf++] = f;
	return 0;
}

/* ------------------------------------------------------------- dates --- */

static long days_from_civil(long y, unsigned m, unsigned dd)
{
	long era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + dd - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long)doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *dd)
{
	long era;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*dd = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + (unsigned long)era * 400 + (*m <= 2));
}

static const char *date_shift(ties_draft *d, const char *date, int by)
{
	int y, m, dd;

	if (!date || strlen(date) != 10)
		return NULL;
	if (sscanf(date, "%d-%d-%d", &y, &m, &dd) != 3)
		return NULL;
	civil_from_days(days_from_civil(y, (unsigned)m, (unsigned)dd) + by, &y,
			&m, &dd);
	return pool_printf(&d->P, "%04d-%02d-%02d", y, m, dd);
}

static int month_of(const char *w)
{
	static const char *const names[] = {
		"january", "february", "march",	    "april",   "may",
		"june",	   "july",     "august",    "september", "october",
		"november", "december"};
	size_t n = strlen(w);

	if (n && w[n - 1] == '.')
		n--;
	for (int i = 0; i < 12; i++)
		if (n >= 3 && n <= strlen(names[i]) &&
		    !strncmp(names[i], w, n) && (n == strlen(names[i]) ||
						 n == 3 || (i == 8 && n == 4)))
			return i + 1;
	return 0;
}

/* 1..31 with an optional st/nd/rd/th. */
static int day_of(const char *w)
{
	char *end;
	long v = strtol(w, &end, 10);

	if (end == w || v < 1 || v > 31)
		return 0;
	if (*end && strcmp(end, "st") && strcmp(end, "nd") &&
	    strcmp(end, "rd") && strcmp(end, "th"))
		return 0;
	return (int)v;
}

static int year_of(const char *w)
{
	char *end;
	long v = strtol(w, &end, 10);

	return (*end == '\0' && end - w == 4 && v >= 1800 && v <= 2200)
		       ? (int)v
		       : 0;
}

/*
 * A date at token i: "8th Apr, 2025", "April 8, 2025", "December 13",
 * "November 2023", "2025-04-08"; a month alone only after "in". The year,
 * when missing, is the reference date's. Returns the tokens used (0: no
 * date) and the date in *out.
 */
static size_t parse_date(ties_draft *d, const struct toks *T, size_t i,
			 size_t end, const char *ref, const char **out)
{
	int y = 0, m = 0, dd = 0, ry = ref ? atoi(ref) : 0;
	size_t j = i;

	*out = NULL;
	if (T->v[i].f & T_NUM && strlen(T->v[i].low) == 10 &&
	    ties_date_check(T->v[i].low) == 0) {
		*out = pool_strdup(&d->P, T->v[i].low);
		return 1;
	}
	if ((dd = day_of(T->v[j].low)) && j + 1 < end &&
	    (m = month_of(T->v[j + 1].low)) && T->v[j + 1].f & T_CAP) {
		j += 2;
	} else if ((m = month_of(T->v[j].low)) && T->v[j].f & T_CAP &&
		   strcmp(T->v[j].low, "may") != 0 && j + 1 < end &&
		   (dd = day_of(T->v[j + 1].low))) {
		j += 2;
	} else if (m && T->v[j].f & T_CAP && j + 1 < end &&
		   (dd = day_of(T->v[j + 1].low))) {
		j += 2; /* "May 14" */
	} else if (m && T->v[j].f & T_CAP && j + 1 < end &&
		   (y = year_of(T->v[j + 1].low))) {
		*out = pool_printf(&d->P, "%04d-%02d", y, m);
		return 2;
	} else if (m && T->v[j].f & T_CAP && i > 0 &&
		   (!strcmp(T->v[i - 1].low, "in") ||
		    !strcmp(T->v[i - 1].low, "of")) &&
		   strcmp(T->v[j].low, "may") != 0 && ry) {
		*out = pool_printf(&d->P, "%04d-%02d", ry, m);
		return 1;
	} else {
		return 0;
	}
	if (j < end && !strcmp(T->v[j].low, ","))
		j++;
	if (j < end && (y = year_of(T->v[j].low)))
		j++;
	else {
		while (j > i && !strcmp(T->v[j - 1].low, ","))
			j--;
		y = ry;
	}
	if (!y)
		return 0;
	if (days_from_civil(y, (unsigned)m, (unsigned)dd) !=
	    days_from_civil(y, (unsigned)m, 1) + dd - 1)
		return 0;
	{
		int yy, mm, d2;

		civil_from_days(days_from_civil(y, (unsigned)m, (unsigned)dd),
				&yy, &mm, &d2);
		if (mm != m)
			return 0;
	}
	*out = pool_printf(&d->P, "%04d-%02d-%02d", y, m, dd);
	return j - i;
}

/* ---------------------------------------------------------- reading --- */

/* Append s[0,n) of line `line` to the clean text. */
static void put(ties_buf *b, int **lines, size_t *lcap, const char *s,
		size_t n, int line)
{
	size_t from = b->len;

	ties_buf__add(b, s, n);
	if (b->oom)
		return;
	if (b->len + 1 > *lcap) {
		size_t nc = *lcap ? *lcap : 1024;
		int *nl;

		while (nc < b->len + 1)
			nc *= 2;
		if (!(nl = realloc(*lines, nc * sizeof(int)))) {
			b->oom = 1;
			return;
		}
		*lines = nl;
		*lcap = nc;
	}
	for (size_t i = from; i < b->len; i++)
		(*lines)[i] = line;
}

/* One line of Markdown, cleaned: escapes, tags and entities. */
static void put_markdown(ties_buf *b, int **lines, size_t *lcap,
			 const char *s, size_t n, int line)
{
	static const struct {
		const char *ent, *ch;
	} ents[] = {{"&amp;", "&"},  {"&lt;", "<"},    {"&gt;", ">"},
		    {"&quot;", "\""}, {"&#39;", "'"},  {"&nbsp;", " "},
		    {"&rsquo;", "\xe2\x80\x99"}, {NULL, NULL}};
	size_t i = 0;

	while (i < n) {
		if (s[i] == '\\' && i + 1 < n) {
			if (s[i + 1] == '_')
				put(b, lines, lcap, " ", 1, line);
			else
				put(b, lines, lcap, s + i + 1, 1, line);
			i += 2;
			continue;
		}
		if (s[i] == '<') {
			size_t j = i + 1;

			while (j < n && s[j] != '>' && s[j] != '<')
				j++;
			if (j < n && s[j] == '>' && j > i + 1 &&
			    (s[i + 1] == '/' ||
			     (s[i + 1] >= 'a' && s[i + 1] <= 'z'))) {
				i = j + 1;
				continue;
			}
		}
		if (s[i] == '&') {
			int k;

			for (k = 0; ents[k].ent; k++)
				if (n - i >= strlen(ents[k].ent) &&
				    !memcmp(s + i, ents[k].ent,
					    strlen(ents[k].ent)))
					break;
			if (ents[k].ent) {
				put(b, lines, lcap, ents[k].ch,
				    strlen(ents[k].ch), line);
				i += strlen(ents[k].ent);
				continue;
			}
		}
		if ((s[i] == '*' || s[i] == '_') && i + 1 < n && s[i + 1] == s[i]) {
			i += 2;
			continue;
		}
		put(b, lines, lcap, s + i, 1, line);
		i++;
	}
}

/* A YAML scalar, unquoted and unescaped (the forms front matter uses). */
static char *yaml_value(struct pool *p, const char *raw)
{
	ties_buf o = TIES_BUF_INIT;
	size_t n = strlen(raw);
	const char *s = raw;

	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n >= 2 && s[0] == '"' && s[n - 1] == '"') {
		for (size_t i = 1; i + 1 < n; i++) {
			if (s[i] != '\\' || i + 2 >= n) {
				ties_buf__putc(&o, s[i]);
				continue;
			}
			i++;
			switch (s[i]) {
			case 'n':
			case 't':
			case '_':
			case ' ':
				ties_buf__putc(&o, ' ');
				break;
			case 'u': {
				unsigned v = 0;
				int k;
				utf8proc_uint8_t u[4];
				utf8proc_ssize_t l;

				for (k = 1; k <= 4 && i + (size_t)k < n; k++) {
					char c = s[i + (size_t)k];

					v = v * 16 +
					    (unsigned)(c >= '0' && c <= '9'
							       ? c - '0'
						       : c >= 'a' && c <= 'f'
							       ? c - 'a' + 10
						       : c >= 'A' && c <= 'F'
							       ? c - 'A' + 10
							       : 0);
				}
				i += 4;
				if (v == 0xa0)
					v = ' ';
				if ((l = utf8proc_encode_char(
					     (utf8proc_int32_t)v, u)) > 0)
					ties_buf__add(&o, (const char *)u,
						      (size_t)l);
				break;
			}
			default:
				ties_buf__putc(&o, s[i]);
			}
		}
	} else if (n >= 2 && s[0] == '\'' && s[n - 1] == '\'') {
		for (size_t i = 1; i + 1 < n; i++) {
			ties_buf__putc(&o, s[i]);
			if (s[i] == '\'' && s[i + 1] == '\'')
				i++;
		}
	} else {
		ties_buf__add(&o, s, n);
	}
	if (o.oom) {
		ties_buf__release(&o);
		return NULL;
	}
	return pool_keep(p, o.ptr ? ties_buf__detach(&o) : strdup(""));
}

static int bad(ties_draft *d, const char *path, int line, const char *what)
{
	return ties_db__seterr(d->db, TIES_EINVALID, "%s:%d: %s", path, line,
			       what);
}

/*
 * The front matter: "key: value" lines between two "---" lines; a value
 * goes on over indented lines (a double-quoted one may end a line with a
 * backslash).
 */
static int front_matter(ties_draft *d, struct xdoc *x, const char *raw,
			size_t len, size_t *body, int *bodyline)
{
	size_t i = 0;
	int line = 1, closed = 0;
	ties_buf key = TIES_BUF_INIT, val = TIES_BUF_INIT;
	int rc = 0;

	*body = 0;
	*bodyline = 1;
	if (len < 4 || memcmp(raw, "---", 3) ||
	    (raw[3] != '\n' && raw[3] != '\r'))
		return 0;
	i = raw[3] == '\r' ? 5 : 4;
	line = 2;
	while (i < len) {
		const char *s = raw + i, *nl = memchr(s, '\n', len - i);
		size_t n = nl ? (size_t)(nl - s) : len - i;
		int cont = n > 0 && (s[0] == ' ' || s[0] == '\t');

		if (n && s[n - 1] == '\r')
			n--;
		if (!cont && key.len) {
			char *v = yaml_value(&d->P, ties_buf__str(&val));
			const char *k = ties_buf__str(&key);

			if (!v)
				goto nomem;
			if (!strcmp(k, "date") && *v)
				x->date = v;
			else if (!strcmp(k, "published_time") && !x->date &&
				 strlen(v) >= 10)
				x->date = pool_strndup(&d->P, v, 10);
			else if (!strcmp(k, "title"))
				x->title = v;
			else if (!strcmp(k, "source_url") || !strcmp(k, "url"))
				x->url = v;
			else if (!strcmp(k, "publisher"))
				x->publisher = v;
			ties_buf__clear(&key);
			ties_buf__clear(&val);
		}
		if (n == 3 && !memcmp(s, "---", 3)) {
			closed = 1;
			i += (nl ? (size_t)(nl - s) + 1 : len - i);
			line++;
			break;
		}
		if (cont) {
			size_t k = 0;

			while (k < n && (s[k] == ' ' || s[k] == '\t'))
				k++;
			if (val.len && val.ptr[val.len - 1] == '\\') {
				val.ptr[--val.len] = '\0';
				if (k < n && s[k] == '\\' && k + 1 < n &&
				    s[k + 1] == ' ')
					k++;
			} else if (val.len) {
				ties_buf__putc(&val, ' ');
			}
			ties_buf__add(&val, s + k, n - k);
		} else if (n > 0 && s[0] != '#') {
			const char *colon = memchr(s, ':', n);
			size_t k;

			if (!colon) {
				rc = bad(d, x->path, line,
					 "front matter line is not 'key: "
					 "value'");
				goto done;
			}
			ties_buf__add(&key, s, (size_t)(colon - s));
			k = (size_t)(colon - s) + 1;
			while (k < n && s[k] == ' ')
				k++;
			ties_buf__add(&val, s + k, n - k);
		}
		i += nl ? (size_t)(nl - s) + 1 : len - i;
		line++;
	}
	if (!closed) {
		rc = bad(d, x->path, 1, "front matter not closed by '---'");
		goto done;
	}
	if (key.oom || val.oom)
		goto nomem;
	if (x->date && ties_date_check(x->date) < 0) {
		rc = ties_db__seterr(d->db, TIES_EINVALID,
				     "%s: front matter date '%s' is not a "
				     "date (YYYY-MM-DD)",
				     x->path, x->date);
		goto done;
	}
	*body = i;
	*bodyline = line;
	goto done;
nomem:
	rc = oom(d);
done:
	ties_buf__release(&key);
	ties_buf__release(&val);
	return rc;
}

/* "ISLAMABAD, (UrduPoint / Pakistan Point News - 8th Apr, 2025)": the
 * publisher and date; the dateline is blanked out of the text. */
static int dateline(ties_draft *d, struct xdoc *x)
{
	struct toks *T = &x->T;
	size_t i = 0, open, close;

	while (i < T->n && T->v[i].f & T_ALLCAPS && !(T->v[i].f & T_PUNCT))
		i++;
	if (i == 0 || i >= T->n || strcmp(T->v[i].low, ","))
		return 0;
	{
		const char *city = tok_text(d, x, 0, i);

		for (size_t k = 0; city && k < d->D.l[D_PLACE].n; k++)
			if (!strcasecmp(d->D.l[D_PLACE].v[k].text, city))
				x->place_city = d->D.l[D_PLACE].v[k].text;
	}
	open = i + 1;
	if (open >= T->n || strcmp(T->v[open].low, "("))
		return 0;
	for (close = open + 1; close < T->n && strcmp(T->v[close].low, ")");
	     close++)
		;
	if (close >= T->n)
		return 0;
	/* The date is the last thing in the parentheses. */
	for (size_t k = open + 1; k < close; k++) {
		const char *date;
		size_t used = parse_date(d, T, k, close, NULL, &date);

		if (used && date && strlen(date) == 10) {
			size_t pe = k;

			while (pe > open + 1 && (T->v[pe - 1].f & T_PUNCT) &&
			       strcmp(T->v[pe - 1].low, ")"))
				pe--;
			if (!x->date)
				x->date = date;
			if (!x->publisher && pe > open + 1)
				x->publisher = tok_text(d, x, open + 1, pe);
			break;
		}
	}
	/* Drop the dateline's tokens. */
	memmove(T->v, T->v + close + 1, (T->n - close - 1) * sizeof(*T->v));
	T->n -= close + 1;
	while (T->n && (!strcmp(T->v[0].low, "-") ||
			!strcmp(T->v[0].low, "\xe2\x80\x93") ||
			!strcmp(T->v[0].low, "\xe2\x80\x94") ||
			!strcmp(T->v[0].low, ":"))) {
		memmove(T->v, T->v + 1, (T->n - 1) * sizeof(*T->v));
		T->n--;
	}
	if (T->n)
		T->v[0].f |= T_PARA;
	return 0;
}

static int add_sent(struct xdoc *x, size_t a, size_t b)
{
	if (a >= b)
		return 0;
	if (grow(&x->sent, &x->scap, x->nsent, sizeof(*x->sent)) < 0)
		return -1;
	x->sent[x->nsent][0] = a;
	x->sent[x->nsent][1] = b;
	x->nsent++;
	return 0;
}

/* Sentences end at a paragraph, or at . ! ? before a capital, a quote or
 * the end. The title, when there is one, is sentence 0. */
static int split_sentences(struct xdoc *x, size_t title_toks)
{
	struct toks *T = &x->T;
	size_t a = 0;

	if (title_toks) {
		if (add_sent(x, 0, title_toks) < 0)
			return -1;
		a = title_toks;
	}
	x->body_from = (int)x->nsent;
	for (size_t i = a; i < T->n; i++) {
		const char *w = T->v[i].low;

		if (i > a && T->v[i].f & T_PARA) {
			if (add_sent(x, a, i) < 0)
				return -1;
			a = i;
		}
		if ((!strcmp(w, ".") || !strcmp(w, "!") || !strcmp(w, "?")) &&
		    (i + 1 == T->n || T->v[i + 1].f & (T_CAP | T_NUM | T_PARA) ||
		     T->v[i + 1].f & T_PUNCT)) {
			if (add_sent(x, a, i + 1) < 0)
				return -1;
			a = i + 1;
		}
	}
	return add_sent(x, a, T->n);
}

static int read_doc(ties_draft *d, const char *path)
{
	struct xdoc *x;
	char *raw = NULL;
	size_t len = 0, body, lcap = 0, title_toks = 0;
	int bodyline, line, rc, markdown;
	ties_buf b = TIES_BUF_INIT;

	if (grow(&d->docs, &d->dcap, d->ndocs, sizeof(*x)) < 0)
		return oom(d);
	x = &d->docs[d->ndocs];
	memset(x, 0, sizeof(*x));
	x->path = path;
	if (read_file(path, &raw, &len) < 0)
		return ties_db__seterr(d->db, TIES_EIO, "%s: %s", path,
				       strerror(errno));
	d->ndocs++; /* owned from here on */
	line = 1;
	for (size_t i = 0; i < len; i++) {
		if (raw[i] == '\0') {
			rc = bad(d, path, line, "NUL byte (not a text file)");
			goto done;
		}
		if (raw[i] == '\n')
			line++;
	}
	{
		size_t off = ties_utf8__invalid(raw, len);

		if (off) {
			line = 1;
			for (size_t i = 0; i + 1 < off; i++)
				line += raw[i] == '\n';
			rc = bad(d, path, line, "invalid UTF-8");
			goto done;
		}
	}
	if ((rc = front_matter(d, x, raw, len, &body, &bodyline)) < 0)
		goto done;
	{
		/* Markdown: by extension, or a front matter. */
		const char *dot = strrchr(path, '.');

		markdown = body > 0 ||
			   (dot && (!strcasecmp(dot, ".md") ||
				    !strcasecmp(dot, ".markdown")));
	}
	if (d->opts && d->opts->date)
		x->date = d->opts->date;
	if (d->opts && d->opts->source_url)
		x->url = d->opts->source_url;
	if (d->opts && d->opts->publisher)
		x->publisher = d->opts->publisher;
	/* The title first, as its own paragraph. */
	if (x->title) {
		put_markdown(&b, &x->lines, &lcap, x->title, strlen(x->title),
			     1);
		put(&b, &x->lines, &lcap, "\n\n", 2, 1);
	}
	{
		size_t tlen = b.len;
		struct toks tt = {0};

		if (tlen) {
			if (tokenize(&d->P, b.ptr, tlen, x->lines, &tt) < 0) {
				free(tt.v);
				goto nomem;
			}
			title_toks = tt.n;
			free(tt.v);
		}
	}
	line = bodyline;
	for (size_t i = body; i < len;) {
		const char *s = raw + i, *nl = memchr(s, '\n', len - i);
		size_t n = nl ? (size_t)(nl - s) : len - i, k = 0;

		if (n && s[n - 1] == '\r')
			n--;
		while (k < n && (s[k] == ' ' || s[k] == '\t'))
			k++;
		if (!markdown) {
			put(&b, &x->lines, &lcap, s, n, line);
		} else if ((n - k == 4 && !memcmp(s + k, "\\###", 4)) ||
		    (n - k == 3 && !memcmp(s + k, "###", 3))) {
			/* an end mark */
		} else if (k < n && s[k] == '#') {
			while (k < n && s[k] == '#')
				k++;
			put(&b, &x->lines, &lcap, "\n\n", 2, line);
			put_markdown(&b, &x->lines, &lcap, s + k, n - k, line);
			put(&b, &x->lines, &lcap, "\n\n", 2, line);
		} else if (k + 1 < n && (s[k] == '-' || s[k] == '*') &&
			   (s[k + 1] == ' ' || s[k + 1] == '\t')) {
			k++;
			put(&b, &x->lines, &lcap, "\n\n", 2, line);
			put_markdown(&b, &x->lines, &lcap, s + k, n - k, line);
		} else {
			put_markdown(&b, &x->lines, &lcap, s, n, line);
		}
		put(&b, &x->lines, &lcap, "\n", 1, line);
		i += nl ? (size_t)(nl - s) + 1 : len - i;
		line++;
	}
	if (b.oom)
		goto nomem;
	x->len = b.len;
	x->text = b.ptr ? ties_buf__detach(&b) : strdup("");
	if (!x->text || !pool_keep(&d->P, x->text))
		goto nomem;
	if (!x->lines && !(x->lines = calloc(1, sizeof(int))))
		goto nomem;
	if (tokenize(&d->P, x->text, x->len, x->lines, &x->T) < 0)
		goto nomem;
	if (!title_toks && (rc = dateline(d, x)) < 0)
		goto done;
	if (split_sentences(x, title_toks) < 0)
		goto nomem;
	rc = 0;
	goto done;
nomem:
	rc = oom(d);
done:
	ties_buf__release(&b);
	free(raw);
	return rc;
}

/* ---------------------------------------------------------- entities --- */

static const char *fold_key(ties_draft *d, const char *s)
{
	ties_buf b = TIES_BUF_INIT;

	if (ties_fold__buf(&b, s) < 0) {
		ties_buf__release(&b);
		return NULL;
	}
	return pool_keep(&d->P, b.ptr ? ties_buf__detach(&b) : strdup(""));
}

static long ent_lookup(ties_draft *d, const char *text)
{
	const char *k = fold_key(d, text);
	long v;

	if (k && *k && ties_strmap__get(&d->names, k, &v))
		return v;
	return -1;
}

static int ent_key(ties_draft *d, long e, const char *text)
{
	const char *k = fold_key(d, text);
	long old;

	if (!k)
		return oom(d);
	if (!*k)
		return 0;
	return ties_strmap__put(&d->names, k, e, &old) < 0 ? oom(d) : 0;
}

static int ent_alias(ties_draft *d, long e, const char *alias)
{
	struct xent *x = &d->e[e];

	if (!alias || !*alias || !strcmp(alias, x->name))
		return 0;
	for (size_t i = 0; i < x->nalias; i++)
		if (!strcmp(x->alias[i], alias))
			return 0;
	if (x->nalias < sizeof(x->alias) / sizeof(x->alias[0]))
		x->alias[x->nalias++] = pool_strdup(&d->P, alias);
	return ent_key(d, e, alias);
}

/* An id of lower-case ASCII words joined by '-'. */
static char *slug(ties_draft *d, const char *s)
{
	utf8proc_uint8_t *f = NULL;
	ties_buf b = TIES_BUF_INIT;

	if (utf8proc_map((const utf8proc_uint8_t *)s, -1, &f,
			 UTF8PROC_NULLTERM | UTF8PROC_CASEFOLD |
				 UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
				 UTF8PROC_STABLE) < 0)
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
	return pool_keep(&d->P, ties_buf__detach(&b));
}

static int id_taken(ties_draft *d, const char *id)
{
	for (size_t i = 0; i < d->ne; i++)
		if (d->e[i].id && !strcmp(d->e[i].id, id))
			return 1;
	for (size_t i = 0; i < d->nev; i++)
		if (d->ev[i].id && !strcmp(d->ev[i].id, id))
			return 1;
	return ties_store__id_exists(d->db, id) == 1;
}

static const char *unique_id(ties_draft *d, const char *base)
{
	const char *id = base;

	for (int n = 2; id && id_taken(d, id); n++)
		id = pool_printf(&d->P, "%s-%d", base, n);
	return id;
}

static int is_person_kind(const char *k)
{
	return k && !strcmp(k, "person");
}

/*
 * The entity named `name`: the draft's, else the database's (an exact id,
 * name or alias of a compatible kind), else a new one.
 */
static long ent_get(ties_draft *d, const char *kind, const char *name,
		    double conf, const char *why, int doc, int sent)
{
	struct xent *x;
	ties_match m;
	long e = ent_lookup(d, name);
	int n;

	if (!name)
		return oom(d), -1;
	if (e >= 0) {
		if (is_person_kind(d->e[e].kind) == is_person_kind(kind))
			return e;
	}
	if (grow(&d->e, &d->ecap, d->ne, sizeof(*x)) < 0)
		return oom(d), -1;
	e = (long)d->ne;
	x = &d->e[e];
	memset(x, 0, sizeof(*x));
	x->parent = -1;
	x->side = -1;
	x->kind = kind;
	x->name = pool_strdup(&d->P, name);
	x->conf = conf;
	x->why = why;
	x->doc = doc;
	x->sent = sent;
	n = ties_store__match_name(d->db, name, &m);
	if (n < 0)
		return -1;
	if (n == 1 && is_person_kind(m.kind) == is_person_kind(kind) &&
	    (strcmp(m.kind, "country") != 0) == (strcmp(kind, "country") != 0)) {
		x->id = pool_strdup(&d->P, m.id);
		x->kind = pool_strdup(&d->P, m.kind);
		x->name = pool_strdup(&d->P, m.name);
		x->country = pool_strdup(&d->P, m.country);
		x->ccf = 1;
		x->known = 1;
		x->conf = 1;
		ties_match__release(&m);
		/* The same entity may already be in the draft by its id. */
		for (size_t i = 0; i < d->ne; i++)
			if (d->e[i].id && !strcmp(d->e[i].id, x->id)) {
				if (ent_key(d, (long)i, name) < 0)
					return -1;
				return (long)i;
			}
	} else if (n >= 1) {
		ties_match__release(&m);
	}
	d->ne++;
	if (ent_key(d, e, name) < 0 ||
	    (x->known && ent_key(d, e, x->name) < 0))
		return -1;
	return e;
}

static long country_ent(ties_draft *d, const char *cc)
{
	ties_match m;
	long e;
	int n;

	for (size_t i = 0; i < d->ne; i++)
		if (!strcmp(d->e[i].kind, "country") && d->e[i].id &&
		    !strcmp(d->e[i].id, cc))
			return (long)i;
	n = ties_store__match_name(d->db, cc, &m);
	if (n != 1)
		return -1;
	if (strcmp(m.kind, "country")) {
		ties_match__release(&m);
		return -1;
	}
	e = ent_get(d, "country", m.name, 1, "country", 0, -1);
	ties_match__release(&m);
	return e;
}

/* The name of a country id, for messages; adds nothing to the draft (a
 * caller may hold a pointer into it). */
static const char *country_name(ties_draft *d, const char *cc)
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
		name = pool_strdup(&d->P, m.name);
		ties_match__release(&m);
	}
	return name ? name : cc;
}

static void set_country(ties_draft *d, long e, const char *cc, double conf,
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

static void set_parent(ties_draft *d, long e, long parent, double conf,
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

static int add_member(ties_draft *d, long person, long org, const char *role,
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
	if (grow(&d->m, &d->mcap, d->nm, sizeof(m)) < 0)
		return oom(d);
	d->m[d->nm++] = m;
	return 0;
}

static long member_org(ties_draft *d, long person)
{
	for (size_t i = 0; i < d->nm; i++)
		if (d->m[i].person == person)
			return d->m[i].org;
	return -1;
}

/* ---------------------------------------------------------- mentions --- */

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

static int add_ment(struct scan *c, const struct ment *m)
{
	if (grow(&c->S->m, &c->S->cap, c->S->n, sizeof(*m)) < 0)
		return oom(c->d);
	c->S->m[c->S->n++] = *m;
	return 0;
}

static const struct plist *L(const struct scan *c, int d)
{
	return &c->d->D.l[d];
}

static int word_is(const struct scan *c, size_t i, const char *w)
{
	return i < c->b && !strcmp(c->T->v[i].low, w);
}

static int is_cap(const struct scan *c, size_t i)
{
	return i < c->b && (c->T->v[i].f & (T_CAP | T_PUNCT)) == T_CAP;
}

/* A country name or demonym at i: tokens used, and the country. */
static size_t at_country(const struct scan *c, size_t i, const char **cc,
			 int *adjective)
{
	size_t n1 = 0, n2 = 0;
	int k1, k2;

	if (!is_cap(c, i) && !(c->T->v[i].f & T_ALLCAPS))
		return 0;
	k1 = match_at(L(c, D_COUNTRY), c->T, i, c->b, &n1);
	k2 = match_at(L(c, D_DEMONYM), c->T, i, c->b, &n2);
	if (k1 < 0 && k2 < 0)
		return 0;
	if (k1 >= 0 && n1 >= n2) {
		*cc = L(c, D_COUNTRY)->v[k1].val;
		*adjective = 0;
		return n1;
	}
	*cc = L(c, D_DEMONYM)->v[k2].val;
	*adjective = 1;
	return n2;
}

/* Connectors inside names of institutions. */
static int connector(const char *w)
{
	return !strcmp(w, "of") || !strcmp(w, "the") || !strcmp(w, "and") ||
	       !strcmp(w, "for") || !strcmp(w, "on") || !strcmp(w, "&") ||
	       !strcmp(w, "de") || !strcmp(w, "in");
}

static int is_honor(const struct scan *c, size_t i, size_t *n)
{
	return is_cap(c, i) && match_at(L(c, D_HONOR), c->T, i, c->b, n) >= 0;
}

/* A title at i: [modifiers] head; tokens used. */
static size_t at_title(const struct scan *c, size_t i)
{
	size_t j = i, n;

	while (j < c->b && match_at(L(c, D_TITLEMOD), c->T, j, c->b, &n) >= 0 &&
	       match_at(L(c, D_TITLE), c->T, j, c->b, NULL) < 0)
		j += n;
	if (match_at(L(c, D_TITLE), c->T, j, c->b, &n) < 0)
		return 0;
	j += n;
	/* "Director General", "Deputy National Security Advisor": a second
	 * head after the first. */
	while (j < c->b && c->T->v[j].f & T_CAP &&
	       match_at(L(c, D_TITLE), c->T, j, c->b, &n) >= 0 &&
	       match_at(L(c, D_HONOR), c->T, j, c->b, NULL) < 0)
		j += n;
	return j - i;
}

static int inst_head(const struct scan *c, size_t i, const char **kind)
{
	int k;

	if (!is_cap(c, i))
		return 0;
	k = match_at(L(c, D_INST), c->T, i, c->b, NULL);
	if (k < 0)
		return 0;
	if (kind)
		*kind = L(c, D_INST)->v[k].val;
	return 1;
}

/* A word that can be part of a person's name. */
static int name_word(const struct scan *c, size_t i)
{
	const char *cc;
	int adj;

	if (!is_cap(c, i) || c->T->v[i].f & T_ALLCAPS)
		return 0;
	if (strlen(c->T->v[i].low) < 2 || c->T->v[i].f & T_NUM)
		return 0;
	if (match_at(L(c, D_NOTNAME), c->T, i, c->b, NULL) >= 0 ||
	    inst_head(c, i, NULL) || at_country(c, i, &cc, &adj) ||
	    match_at(L(c, D_TITLE), c->T, i, c->b, NULL) >= 0 ||
	    match_at(L(c, D_HONOR), c->T, i, c->b, NULL) >= 0 ||
	    match_at(L(c, D_PLACE), c->T, i, c->b, NULL) >= 0 ||
	    month_of(c->T->v[i].low))
		return 0;
	return 1;
}

/* Up to four name words at i. */
static size_t name_at(const struct scan *c, size_t i)
{
	size_t j = i;

	while (j < c->b && j - i < 4 && name_word(c, j)) {
		j++;
		if (c->T->v[j - 1].f & T_POSS)
			break;
	}
	return j - i;
}

static size_t at_title(const struct scan *c, size_t i);
static int name_word(const struct scan *c, size_t i);
static size_t at_country(const struct scan *c, size_t i, const char **cc,
			 int *adjective);

/* A person's pattern starts at i: a title, an honorific before a name, or
 * a demonym before either. */
static int person_starts(const struct scan *c, size_t i)
{
	size_t n;
	const char *cc;
	int adj;

	if (at_title(c, i))
		return 1;
	if (is_honor(c, i, &n) && name_word(c, i + n))
		return 1;
	if ((n = at_country(c, i, &cc, &adj)) && at_title(c, i + n))
		return 1;
	return 0;
}

/* A run of capitalised words and connectors at i (no leading "the"); it
 * stops before an honorific, before a title once it has a head word, and
 * before an "and" that joins two institutions or starts a person; tokens
 * used. */
static size_t capseq(const struct scan *c, size_t i)
{
	size_t j = i, last = i;
	int head = 0;

	while (j < c->b) {
		size_t n;

		if (is_cap(c, j) || (c->T->v[j].f & T_ALLCAPS)) {
			if (j > i && is_honor(c, j, &n) &&
			    name_word(c, j + n))
				break;
			if (j > i && head && at_title(c, j) &&
			    !word_is(c, j - 1, "of") &&
			    !(j >= i + 2 && word_is(c, j - 1, "the") &&
			      word_is(c, j - 2, "of")))
				break;
			head |= inst_head(c, j, NULL);
			j++;
			last = j;
			if (c->T->v[j - 1].f & T_POSS)
				break;
			continue;
		}
		if (j > i && connector(c->T->v[j].low) &&
		    (is_cap(c, j + 1) ||
		     (word_is(c, j + 1, "the") && is_cap(c, j + 2)))) {
			if (!strcmp(c->T->v[j].low, "and") &&
			    (inst_head(c, j - 1, NULL) ||
			     inst_head(c, j + 1, NULL) ||
			     person_starts(c, j + 1)))
				break;
			j++;
			continue;
		}
		break;
	}
	return last - i;
}

/* Acronym `acr` ("ICCA RAS") fits the initials of `name`. */
static int acronym_fits(const struct scan *c, size_t a, size_t b,
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
	if (a < b && word_is(c, a, "the"))
		a++;
	/* Each letter is the initial of a word (or of a part after '-'), in
	 * order; the first letter that of the first word. */
	for (size_t i = a; i < b && k < n; i++) {
		const char *w = c->x->text + c->T->v[i].s;
		size_t wl = c->T->v[i].e - c->T->v[i].s;

		for (size_t j = 0; j < wl && k < n; j++) {
			if (j > 0 && w[j - 1] != '-')
				continue;
			if ((w[j] & ~0x20) == letters[k])
				k++;
			else if (i == a && k == 0)
				return 0;
		}
	}
	return k == n;
}

/* Text of tokens [a, b) without a leading "the". */
static const char *span(struct scan *c, size_t a, size_t b)
{
	if (a < b && word_is(c, a, "the"))
		a++;
	return a < b ? tok_text(c->d, c->x, a, b) : NULL;
}

static long org_from(struct scan *c, size_t a, size_t b, double conf,
		     const char *why);

/* Read "(ACR)" at i for entity e named by [a, b): tokens used. */
static size_t acronym_def(struct scan *c, long e, size_t a, size_t b,
			  size_t i)
{
	size_t j = i + 1;
	const char *acr;

	if (!word_is(c, i, "("))
		return 0;
	while (j < c->b && j - i < 5 && (c->T->v[j].f & T_ALLCAPS ||
					 (is_cap(c, j) && j > i + 1)))
		j++;
	if (j == i + 1 || !word_is(c, j, ")"))
		return 0;
	acr = tok_text(c->d, c->x, i + 1, j);
	if (!acr || !acronym_fits(c, a, b, acr))
		return 0;
	if (e >= 0) {
		struct xent *x = &c->d->e[e];

		if (ent_alias(c->d, e, acr) < 0)
			return 0;
		x->conf = x->conf < 0.95 ? 0.95 : x->conf;
		/* "ICCA RAS": the last part may be the parent's. */
		if (strchr(acr, ' ') && x->parent >= 0) {
			const char *last = strrchr(acr, ' ') + 1;

			ent_alias(c->d, x->parent, last);
		}
	}
	return j + 1 - i;
}

/* Split "X of the Y" where both X and Y have a head word: Y is the parent. */
static long parent_split(struct scan *c, size_t a, size_t b, size_t *cut)
{
	for (size_t i = b; i-- > a + 1;) {
		size_t y = i + 1;
		int hx = 0, hy = 0;

		if (!word_is(c, i, "of"))
			continue;
		if (word_is(c, y, "the"))
			y++;
		for (size_t k = a; k < i; k++)
			hx |= inst_head(c, k, NULL);
		for (size_t k = y; k < b; k++)
			hy |= inst_head(c, k, NULL);
		if (hx && hy && y < b) {
			*cut = i;
			return org_from(c, y, b, 0.85, "named as its parent");
		}
	}
	return -1;
}

/*
 * The institution named by tokens [a, b): the draft's or the database's
 * when known; else new, its kind from its first head word, its parent
 * from "of the ...".
 */
static long org_from(struct scan *c, size_t a, size_t b, double conf,
		     const char *why)
{
	const char *name, *kind = NULL;
	long e, parent;
	size_t cut = b;

	if (a < b && word_is(c, a, "the"))
		a++;
	if (!(name = span(c, a, b)))
		return -1;
	if ((e = ent_lookup(c->d, name)) >= 0 &&
	    !is_person_kind(c->d->e[e].kind))
		return e;
	for (size_t i = a; i < b && !kind; i++)
		inst_head(c, i, &kind);
	if (!kind)
		kind = "institution";
	e = ent_get(c->d, kind, name, conf, why, c->doc, c->s);
	if (e < 0 || c->d->e[e].known)
		return e;
	parent = parent_split(c, a, b, &cut);
	if (parent >= 0)
		set_parent(c->d, e, parent, 0.85, "of the name", c->doc, c->s);
	return e;
}

/* An organisation of the dictionary: its full name, `as` an alias. */
static long org_from_name(struct scan *c, const char *full, const char *as)
{
	long e = ent_lookup(c->d, full);

	if (e < 0 || is_person_kind(c->d->e[e].kind))
		e = ent_get(c->d, "institution", full, 0.9,
			    "a known organisation", c->doc, c->s);
	if (e >= 0 && as && ent_alias(c->d, e, as) < 0)
		return -1;
	return e;
}

/* An institution at i: a known name or acronym, or a run of capitalised
 * words with a head word. Tokens used; the entity in *e. */
static size_t at_org(struct scan *c, size_t i, long *e)
{
	size_t n, best = 0;
	int head = 0, k0;

	*e = -1;
	if (!is_cap(c, i) && !(c->T->v[i].f & T_ALLCAPS))
		return 0;
	if (at_title(c, i) ||
	    (!word_is(c, i, "the") && !(c->T->v[i].f & T_ALLCAPS) &&
	     match_at(L(c, D_NOTNAME), c->T, i, c->b, NULL) >= 0))
		return 0;
	/* A well-known organisation ("NATO", "World Bank"). */
	if ((k0 = match_at(L(c, D_ORG), c->T, i, c->b, &n)) >= 0 &&
	    (c->T->v[i].f & (T_CAP | T_ALLCAPS))) {
		const char *name = span(c, i, i + n);
		const char *full = L(c, D_ORG)->v[k0].val;

		*e = full ? org_from_name(c, full, name) : org_from(c, i, i + n, 0.9, "a known organisation");
		if (*e >= 0)
			return n;
	}
	/* Known: the longest span that names one. */
	for (size_t j = i + 1; j <= c->b && j - i <= 8; j++) {
		const char *t;
		long k;

		if (!(is_cap(c, j - 1) || (c->T->v[j - 1].f & T_ALLCAPS) ||
		      connector(c->T->v[j - 1].low)))
			break;
		if (!(t = tok_text(c->d, c->x, i, j)))
			return 0;
		k = ent_lookup(c->d, t);
		if (k >= 0 && !is_person_kind(c->d->e[k].kind) &&
		    strcmp(c->d->e[k].kind, "country")) {
			*e = k;
			best = j - i;
		}
		if (c->T->v[j - 1].f & T_POSS)
			break;
	}
	n = capseq(c, i);
	for (size_t k = i; k < i + n; k++)
		head |= inst_head(c, k, NULL);
	if (best && best >= n)
		return best;
	/* "Strategic Consultative Group", "Space Forum": an event's name. */
	for (size_t k = i; head && k < i + n; k++) {
		size_t m;

		if (match_at(L(c, D_EVENT), c->T, k, i + n, &m) >= 0 &&
		    k + m == i + n)
			return best;
	}
	/* One word is not a name ("the Department"). */
	if (head && n - word_is(c, i, "the") < 2)
		return best;
	if (!head) {
		/* An acronym the database knows. */
		if (!best && c->T->v[i].f & T_ALLCAPS) {
			ties_match m;
			const char *t = tok_text(c->d, c->x, i, i + 1);
			int r = t ? ties_store__match_name(c->d->db, t, &m) : -1;

			if (r == 1) {
				if (strcmp(m.kind, "person") &&
				    strcmp(m.kind, "country")) {
					*e = ent_get(c->d, m.kind, m.name, 1,
						     "known", c->doc, c->s);
					ties_match__release(&m);
					if (*e >= 0) {
						ent_key(c->d, *e, t);
						return 1;
					}
					return 0;
				}
				ties_match__release(&m);
			}
		}
		return best;
	}
	/* A run that ends in a place or country-less person name is cut
	 * by the caller; here the run is the name. */
	*e = org_from(c, i, i + n, 0.85, "a name with a head word");
	if (*e < 0)
		return 0;
	n += acronym_def(c, *e, i, i + n, i + n);
	return n;
}

/* Skip "(ACR)" at i. */
static size_t skip_parens(const struct scan *c, size_t i)
{
	size_t j = i;

	if (!word_is(c, j, "("))
		return 0;
	while (j < c->b && !word_is(c, j, ")") && j - i < 8)
		j++;
	return word_is(c, j, ")") ? j + 1 - i : 0;
}

/* ", Administrator of the ... (NASA), Bill Nelson": the title after the
 * comma is the next person's. */
static int appositive_is_next(const struct scan *c, size_t k)
{
	size_t e;

	if (word_is(c, k, "of") || word_is(c, k, "at") || word_is(c, k, "for"))
		k++;
	if (word_is(c, k, "the"))
		k++;
	e = k + capseq(c, k);
	{
		/* "..., Assistant Secretary for Western Hemisphere Affairs
		 * Brian Nichols, and ...": a name ends the run. */
		size_t words = 0;

		for (size_t q = k; q < e; q++)
			words += is_cap(c, q);
		if (words >= 3 && name_word(c, e - 1) && name_word(c, e - 2) &&
		    (word_is(c, e, ".") || word_is(c, e, "and") ||
		     e >= c->b ||
		     (word_is(c, e, ",") &&
		      (word_is(c, e + 1, "and") || at_title(c, e + 1) ||
		       name_at(c, e + 1) >= 2))))
			return 1;
	}
	e += skip_parens(c, e);
	return e > k && word_is(c, e, ",") && name_at(c, e + 1) >= 2;
}

/* The single known person whose last name is the word at i. */
static long by_surname(struct scan *c, size_t i)
{
	long found = -1;

	for (size_t k = 0; k < c->d->ne; k++) {
		const char *n = c->d->e[k].name, *sp;
		const char *w = c->x->text + c->T->v[i].s;
		size_t wl = c->T->v[i].e - c->T->v[i].s;

		if (!is_person_kind(c->d->e[k].kind))
			continue;
		sp = strrchr(n, ' ');
		sp = sp ? sp + 1 : n;
		if (strlen(sp) == wl && !memcmp(sp, w, wl)) {
			if (found >= 0)
				return -1;
			found = (long)k;
		}
	}
	return found;
}

/* "Secretary of Homeland Security Alejandro Mayorkas": the name that ends
 * the run [cs, *ce) of a title's complement; moves *ce back to the name's
 * start and returns its length, or 0. */
static size_t name_ends_run(struct scan *c, size_t cs, size_t *ce)
{
	const struct toks *T = c->T;
	size_t words = 0, take;

	for (size_t k = cs; k < *ce; k++)
		words += is_cap(c, k);
	take = words >= 3 ? 2 : words == 2 ? 1 : 0;
	if (*ce < c->b && (word_is(c, *ce, "of") || word_is(c, *ce, "for") ||
			   word_is(c, *ce, "the") || word_is(c, *ce, "(")))
		take = 0;
	if (take && (name_word(c, *ce - 1) ||
		     (words >= 4 && is_cap(c, *ce - 1) &&
		      !(T->v[*ce - 1].f & T_ALLCAPS))) &&
	    (take == 1 || name_word(c, *ce - 2) || is_cap(c, *ce - 2))) {
		*ce -= take;
		return take;
	}
	return 0;
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
		       ent_lookup(c->d, T->v[ue].low) < 0)
			ue++;
		if (ue < oe)
			at_org(c, ue, &parent);
		if (ue > os) {
			const char *u =
				tok_text(c->d, c->x, os, ue);

			org = ent_get(c->d, "department", u,
				      0.5,
				      "an unexplained "
				      "acronym in a title",
				      c->doc, c->s);
			if (org >= 0 && parent >= 0) {
				set_parent(c->d, org, parent,
					   0.7,
					   "named after it",
					   c->doc, c->s);
				ent_alias(c->d, org,
					  tok_text(c->d, c->x,
						   os, oe));
			}
		}
	return org;
}

/* After a person's name ending at j, a title and its institution: ",
 * Director of ICCA RAS", ", Researcher at the Center ...", ", Chairman BOG
 * ISSI", ", Director CSP". Extends m, and sets *title and *orgp when found. */
static void title_after(struct scan *c, struct ment *m, size_t j,
			const char **title, long *orgp)
{
	const struct toks *T = c->T;
	long org = *orgp;
	size_t n;

	if (!word_is(c, j, ",") || !(n = at_title(c, j + 1)) ||
	    name_at(c, j + 1 + n) >= 2 || appositive_is_next(c, j + 1 + n))
		return;
	{
		size_t k = j + 1 + n, os = 0, oe = 0;
		const char *t2 = tok_text(c->d, c->x, j + 1, k);

		if (word_is(c, k, "of") || word_is(c, k, "at") ||
		    word_is(c, k, "for"))
			k++;
		if (word_is(c, k, "the"))
			k++;
		if (is_cap(c, k) || (T->v[k].f & T_ALLCAPS)) {
			os = k;
			oe = k + capseq(c, k);
		}
		if (oe > os) {
			int head = 0, known = 0;
			long ko = -1;
			size_t used = at_org(c, os, &ko);

			for (size_t q = os; q < oe; q++)
				head |= inst_head(c, q, NULL);
			known = ko >= 0 && used == oe - os;
			if (known || head) {
				org = known ? ko
					    : org_from(c, os, oe, 0.85,
						       "named in a title");
			} else if (T->v[os].f & T_ALLCAPS) {
				/* An unknown unit: "CSP", "BOG ISSI". */
				org = unit_in_title(c, os, oe);
			} else {
				/* A portfolio: part of the title. */
				t2 = tok_text(c->d, c->x, j + 1, oe);
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

/*
 * A person at i: [demonym] [title [of|for ORG-or-portfolio]] [honorifics]
 * Name [of COUNTRY] [, title [of|at] ORG]. A title or an honorific is
 * needed. Fills *m; returns the tokens used.
 */
static size_t at_person(struct scan *c, size_t i, struct ment *m)
{
	const struct toks *T = c->T;
	size_t j = i, n, ts, te, cs = 0, ce = 0, ns = 0, nn = 0;
	const char *cc = NULL, *honor = NULL, *title = NULL;
	int adj, has_honor = 0;
	long org = -1;
	double conf;

	memset(m, 0, sizeof(*m));
	m->ent = m->org = -1;
	/* "Czech Prime Minister", "U.S. Deputy ...". */
	if ((n = at_country(c, j, &cc, &adj)) &&
	    (at_title(c, j + n) || is_honor(c, j + n, NULL)))
		j += n;
	else
		cc = NULL;
	ts = te = j;
	if ((n = at_title(c, j)) && !is_honor(c, j, NULL)) {
		j += n;
		te = j;
		if ((word_is(c, j, "of") || word_is(c, j, "for")) &&
		    (is_cap(c, j + 1) ||
		     (word_is(c, j + 1, "the") && is_cap(c, j + 2)))) {
			cs = j + 1 + word_is(c, j + 1, "the");
			ce = cs + capseq(c, cs);
			for (size_t k = cs + 1; k + 1 < ce; k++)
				if (word_is(c, k, "and") &&
				    inst_head(c, k + 1, NULL)) {
					ce = k;
					break;
				}
			j = ce;
		}
	}
	while (is_honor(c, j, &n)) {
		if (!honor)
			honor = tok_text(c->d, c->x, j, j + n);
		has_honor = 1;
		j += n;
	}
	if (te == ts && !has_honor) {
		/* "Francis Ngabo, CEO of Rwanda Space Agency, signed": a name
		 * with a title after it. */
		if (cc || c->s < c->x->body_from || (nn = name_at(c, j)) < 2 ||
		    !word_is(c, j + nn, ",") || !at_title(c, j + nn + 1) ||
		    (j > c->a && (c->T->v[j - 1].f & T_CAP)))
			return 0;
		ns = j;
		goto named;
	}
	ns = j;
	nn = name_at(c, j);
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
	if (nn == 0 && ce > cs && j == ce && (nn = name_ends_run(c, cs, &ce)))
		ns = ce;
	if (nn == 0 && ce > cs) {
		/* "Administrator of the ... (NASA), Bill Nelson". */
		size_t k = ce + skip_parens(c, ce);

		if (word_is(c, k, ",") && (n = name_at(c, k + 1)) >= 2) {
			ns = k + 1;
			nn = n;
		}
	}
	if (nn == 0)
		return 0;
named:
	conf = has_honor && te > ts ? 0.9 : has_honor ? 0.85 : te > ts ? 0.8
									: 0.75;
	m->type = M_PERSON;
	m->a = i;
	m->b = ns + nn;
	if (te > ts)
		title = tok_text(c->d, c->x, ts, te);
	/* The complement of the title: an institution, or a portfolio. */
	if (ce > cs) {
		int head = 0;

		for (size_t k = cs; k < ce; k++)
			head |= inst_head(c, k, NULL);
		if (head) {
			org = org_from(c, cs, ce, 0.85, "named in a title");
			if (org >= 0)
				acronym_def(c, org, cs, ce, ce);
		} else {
			title = tok_text(c->d, c->x, ts, ce);
		}
	}
	{
		const char *name = tok_text(c->d, c->x, ns, ns + nn);
		long e = -1;

		if (!name)
			return oom(c->d), 0;
		if (nn == 1 && (e = by_surname(c, ns)) >= 0)
			;
		else
			e = ent_get(c->d, "person", name, nn == 1 ? 0.5 : conf,
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
	/* "... of Sweden". */
	if (word_is(c, j, "of") && (n = at_country(c, j + 1, &cc, &adj)) &&
	    !adj) {
		j += 1 + n;
		m->b = j;
	}
	title_after(c, m, j, &title, &org);
	m->title = title;
	m->org = org;
	m->cc = cc;
	if (org >= 0 && c->d->e[org].kind &&
	    !is_person_kind(c->d->e[org].kind))
		add_member(c->d, m->ent, org, title, conf - 0.05,
			   "named with the person", c->doc, c->s);
	if (cc)
		set_country(c->d, m->ent, cc, 0.9, "named with the person",
			    c->doc, c->s);
	return m->b - i;
}

/* --------------------------------------------------------- sentences --- */

static int scan_mentions(struct scan *c)
{
	size_t i = c->a;

	while (i < c->b) {
		struct ment m;
		size_t n;
		const char *cc;
		int adj;
		long e;

		if ((n = at_person(c, i, &m))) {
			if (add_ment(c, &m) < 0)
				return -1;
			if (m.org >= 0) {
				struct ment o = {0};

				o.type = M_ORG;
				o.ent = m.org;
				o.org = -1;
				o.a = o.b = m.b; /* inside the person's */
				if (add_ment(c, &o) < 0)
					return -1;
			}
			i += n;
			continue;
		}
		if (c->d->db && (n = at_country(c, i, &cc, &adj))) {
			/* A demonym that starts an institution's name is
			 * the institution's ("Russian Academy of Sciences"). */
			if (!(adj && at_org(c, i, &e) > n && e >= 0)) {
				memset(&m, 0, sizeof(m));
				m.type = M_COUNTRY;
				m.a = i;
				m.b = i + n;
				m.cc = cc;
				m.adjective = adj;
				m.ent = m.org = -1;
				/* "U.S.-Sweden": two countries joined. */
				if (c->S->n && i >= 2 && word_is(c, i - 1, "-") &&
				    c->S->m[c->S->n - 1].type == M_COUNTRY &&
				    c->S->m[c->S->n - 1].b == i - 1)
					m.compound = c->S->m[c->S->n - 1].compound =
						1;
				if (add_ment(c, &m) < 0)
					return -1;
				i += n;
				continue;
			}
		}
		if ((n = at_org(c, i, &e)) && e >= 0) {
			memset(&m, 0, sizeof(m));
			m.type = M_ORG;
			m.a = i;
			m.b = i + n;
			m.ent = e;
			m.org = -1;
			if (add_ment(c, &m) < 0)
				return -1;
			i += n;
			continue;
		}
		/* "Pakistan-Russia", "U.S.-Mexico": countries in a compound. */
		if (strchr(c->T->v[i].low, '-') && c->T->v[i].f & T_CAP) {
			const char *w = c->T->v[i].low;
			const char *p = w;
			int all = 1, parts = 0;
			const char *ccs[4];

			while (*p && parts < 4) {
				const char *q = strchr(p, '-');
				size_t l = q ? (size_t)(q - p) : strlen(p);
				int hit = 0;

				for (int dd = D_DEMONYM; dd <= D_COUNTRY && !hit;
				     dd++)
					for (size_t k = 0; k < L(c, dd)->n; k++)
						if (L(c, dd)->v[k].n == 1 &&
						    strlen(L(c, dd)->v[k].w[0]) ==
							    l &&
						    !memcmp(L(c, dd)->v[k].w[0],
							    p, l)) {
							ccs[parts] =
								L(c, dd)->v[k].val;
							hit = 1;
							break;
						}
				all &= hit;
				parts++;
				p = q ? q + 1 : p + l;
				if (!q)
					break;
			}
			if (all && parts >= 2) {
				for (int k = 0; k < parts; k++) {
					memset(&m, 0, sizeof(m));
					m.type = M_COUNTRY;
					m.a = i;
					m.b = i + 1;
					m.cc = ccs[k];
					m.compound = 1;
					m.ent = m.org = -1;
					if (add_ment(c, &m) < 0)
						return -1;
				}
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

/* Names without a title in a list of people: "including Asadullah Khan,
 * Ms. Mahrukh Khan, Taimur Khan, and ...". */
static int bare_names(struct scan *c)
{
	int persons = 0, cue = 0;

	if (c->s < c->x->body_from)
		return 0;
	for (size_t k = 0; k < c->S->n; k++)
		persons += c->S->m[k].type == M_PERSON;
	for (size_t i = c->a; i < c->b; i++)
		if (match_at(L(c, D_PARTIC), c->T, i, c->b, NULL) >= 0)
			cue = 1;
	if (!persons || !cue)
		return 0;
	for (size_t i = c->a + 1; i < c->b; i++) {
		size_t n;
		const char *p = c->T->v[i - 1].low;
		struct ment m;

		if (covered(c, i) || !name_word(c, i))
			continue;
		if (strcmp(p, ",") && strcmp(p, "and") && strcmp(p, ";") &&
		    strcmp(p, "including") && strcmp(p, "included"))
			continue;
		n = name_at(c, i);
		if (n < 2 || n > 3)
			continue;
		{
			const char *nx = i + n < c->b ? c->T->v[i + n].low : ".";

			if (strcmp(nx, ",") && strcmp(nx, "and") &&
			    strcmp(nx, ".") && strcmp(nx, ";"))
				continue;
		}
		memset(&m, 0, sizeof(m));
		m.type = M_PERSON;
		m.a = i;
		m.b = i + n;
		m.org = -1;
		m.ent = ent_get(c->d, "person", tok_text(c->d, c->x, i, i + n),
				0.6, "a name in a list of people", c->doc,
				c->s);
		if (m.ent < 0)
			return -1;
		if (add_ment(c, &m) < 0)
			return -1;
		i += n;
	}
	return 0;
}

/* The role cue nearest a person: before it, else after it. */
static const char *role_of(const struct scan *c, const struct ment *m,
			   double *conf)
{
	const struct plist *r = L(c, D_ROLE);

	for (size_t i = m->a; i-- > c->a;) {
		size_t n = 0;
		int k = -1;

		for (size_t q = 0; q < r->n; q++) {
			size_t j;

			if (r->v[q].after || i + r->v[q].n > m->a)
				continue;
			for (j = 0; j < r->v[q].n; j++)
				if (strcmp(r->v[q].w[j], c->T->v[i + j].low))
					break;
			if (j == r->v[q].n && (k < 0 || r->v[q].n > n)) {
				k = (int)q;
				n = r->v[q].n;
			}
		}
		if (k >= 0) {
			*conf = 0.85;
			return r->v[k].val;
		}
		if (word_is(c, i, ";"))
			break;
	}
	for (size_t i = m->b; i < c->b && i < m->b + 16; i++) {
		size_t n = 0;
		int k = -1;

		if (word_is(c, i, ";") || word_is(c, i, "."))
			break;
		for (size_t q = 0; q < r->n; q++) {
			size_t j;

			if (!r->v[q].after || i + r->v[q].n > c->b)
				continue;
			for (j = 0; j < r->v[q].n; j++)
				if (strcmp(r->v[q].w[j], c->T->v[i + j].low))
					break;
			if (j == r->v[q].n && (k < 0 || r->v[q].n > n)) {
				k = (int)q;
				n = r->v[q].n;
			}
		}
		if (k >= 0) {
			*conf = 0.8;
			return r->v[k].val;
		}
	}
	*conf = 0.7;
	return "attendee";
}

static int role_rank(const char *role)
{
	static const char *const order[] = {"attendee", "delegation",
					    "signatory", "host", "chair",
					    "head_of_delegation"};

	for (int i = 5; i >= 0; i--)
		if (!strcmp(role, order[i]))
			return i + 1;
	return 1;
}

static int add_part(ties_draft *d, struct xevent *ev, long ent,
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
	if (grow(&ev->p, &ev->cap, ev->np, sizeof(p)) < 0)
		return oom(d);
	ev->p[ev->np++] = p;
	return 0;
}

/* A list after a cue, to the end of the sentence: items split at ';', or
 * at ',' when there is none; stops at an item that starts with an -ing
 * word. */
static void topic_list(struct scan *c, size_t from, size_t to, ties_buf *out)
{
	int semi = 0;
	size_t a = from;

	for (size_t i = from; i < to; i++)
		semi |= word_is(c, i, ";");
	while (a < to) {
		size_t b = a;
		const char *t;
		size_t tl;

		while (b < to && !word_is(c, b, semi ? ";" : ",") &&
		       !word_is(c, b, "."))
			b++;
		if (word_is(c, a, "and"))
			a++;
		if (word_is(c, a, "the") || word_is(c, a, "a"))
			a++;
		if (word_is(c, a, "issues") && word_is(c, a + 1, "of"))
			a += 2;
		if (a < b) {
			tl = strlen(c->T->v[a].low);
			if (a > from + 1 && tl > 4 &&
			    !strcmp(c->T->v[a].low + tl - 3, "ing"))
				break;
			t = tok_text(c->d, c->x, a, b);
			if (t && *t) {
				if (out->len)
					ties_buf__putc(out, '|');
				for (const char *p = t; *p; p++)
					ties_buf__putc(out, *p == '|' ? '/'
								      : *p);
			}
		}
		if (b < to && word_is(c, b, "."))
			break;
		a = b + 1;
	}
}

/* ---------------------------------------------------------- documents --- */

static int is_agreement_kind(const char *k)
{
	return !strcmp(k, "mou") || !strcmp(k, "agreement");
}

static int weak_trigger(const char *text)
{
	return !strcasecmp(text, "delegation") ||
	       !strcasecmp(text, "deliberations") ||
	       !strcasecmp(text, "welcomed") || !strcasecmp(text, "received") ||
	       !strcasecmp(text, "hosted");
}

static long new_event(ties_draft *d, const char *kind, int doc, int sent)
{
	struct xevent *ev;

	if (grow(&d->ev, &d->evcap, d->nev, sizeof(*ev)) < 0)
		return oom(d), -1;
	ev = &d->ev[d->nev];
	memset(ev, 0, sizeof(*ev));
	ev->kind = kind;
	ev->place = -1;
	ev->doc = doc;
	ev->sent = sent;
	return (long)d->nev++;
}

/* The date said in sentence s, or today/yesterday, else the document's. */
static void event_date(ties_draft *d, struct xevent *ev, struct scan *c)
{
	for (size_t i = c->a; i < c->b; i++) {
		const char *date;

		if (parse_date(d, c->T, i, c->b, c->x->date, &date) && date) {
			ev->date = date;
			ev->dconf = 0.9;
			ev->dwhy = "the date in the sentence";
			ev->dsent = c->s;
			return;
		}
		if (c->x->date && (word_is(c, i, "today") ||
				   word_is(c, i, "yesterday") ||
				   word_is(c, i, "tomorrow"))) {
			int by = word_is(c, i, "today")	      ? 0
				 : word_is(c, i, "yesterday") ? -1
							      : 1;

			ev->date = date_shift(d, c->x->date, by);
			ev->dconf = 0.85;
			ev->dwhy = "said relative to the publication date";
			ev->dsent = c->s;
			return;
		}
	}
	if (!ev->date && c->x->date) {
		ev->date = c->x->date;
		ev->dconf = 0.6;
		ev->dwhy = "the publication date";
		ev->dsent = -1;
	}
}

/* The short name of an entity: its shortest alias in capitals, or its id. */
static const char *short_name(ties_draft *d, long e)
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

	if (word_is(c, j, "the"))
		j++;
	for (size_t q = 0; q < c->S->n; q++)
		if (c->S->m[q].a == j && c->S->m[q].type == M_ORG)
			return c->S->m[q].ent;
	if (j < c->b && (k = match_at(L(c, D_PLACE), c->T, j, c->b, &n)) >= 0 &&
	    is_cap(c, j)) {
		long e = ent_get(c->d, "place", span(c, j, j + n), 0.8,
				 "a place in the dictionary", c->doc, c->s);

		if (e >= 0)
			set_country(c->d, e, L(c, D_PLACE)->v[k].val, 0.9,
				    "the dictionary of places", c->doc, c->s);
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

		if (!parse_date(d, c->T, i, c->b, ref, &date) || !date)
			continue;
		if (sscanf(date, "%d-%d-%d", &y, &m, &dd) < 2)
			continue;
		return days_from_civil(y, (unsigned)m, (unsigned)dd) + 31 <
		       days_from_civil(ry, (unsigned)rm, (unsigned)rd);
	}
	return 0;
}

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
		struct scan c = sent_scan(st, (k + (size_t)x->body_from) % x->nsent);

		if (scan_mentions(&c) < 0 || bare_names(&c) < 0)
			return -1;
	}
	return 0;
}

/* The event words of sentence s: candidates for the meeting-like event, and
 * agreements an intention refuses (`modal`, the modal phrase w). */
static int event_words(struct docstate *st, struct scan *c, size_t s,
		       int modal, int w)
{
	ties_draft *d = st->d;
	struct xdoc *x = st->x;
	int doc = st->doc;

	for (size_t i = c->a; i < c->b; i++) {
		size_t n;
		int k = match_at(L(c, D_EVENT), c->T, i, c->b, &n);
		const char *kind;
		int score, named = 0;
		size_t ns = i;

		if (k < 0)
			continue;
		kind = L(c, D_EVENT)->v[k].val;
		if (is_agreement_kind(kind)) {
			if (s == 0 && (int)s < x->body_from)
				st->title_agree = 1;
			if (modal && (fact(d, 0.0, "rejected", doc,
						(int)s,
						"no %s: the sentence "
						"says '%s', an "
						"intention",
						kind,
						L(c, D_MODAL)
							->v[w]
							.text)) < 0)
				return -1;
			i += n - 1;
			continue;
		}
		if (modal)
			continue;
		/* A named event: "High-Level Security Dialogue". */
		if (c->T->v[i].f & T_CAP && i > c->a && is_cap(c, i - 1) &&
		    !(c->T->v[i].f & T_PARA)) {
			while (ns > c->a && (is_cap(c, ns - 1) ||
					    (ns - 1 > c->a &&
					     connector(c->T->v[ns - 1].low) &&
					     is_cap(c, ns - 2))))
				ns--;
			while (ns > c->a + 1 && word_is(c, ns - 1, "-") &&
			       is_cap(c, ns - 2))
				ns -= 2;
			if (ns < i && word_is(c, ns, "the"))
				ns++;
			named = ns < i && (int)s >= x->body_from;
		}
		/* "meeting" as a noun: "the meeting", "a meeting", not
		 * "capable of meeting demand". */
		if (!strcmp(c->T->v[i].low, "meeting") &&
		    !(c->T->v[i].f & T_CAP) && i > c->a &&
		    !(c->T->v[i - 1].f & T_POSS) &&
		    !word_is(c, i - 1, "the") && !word_is(c, i - 1, "a") &&
		    !word_is(c, i - 1, "this") &&
		    !word_is(c, i - 1, "their") &&
		    !word_is(c, i - 1, "bilateral") &&
		    !word_is(c, i - 1, "first") &&
		    !word_is(c, i + 1, "with") &&
		    !word_is(c, i + 1, "of") &&
		    !word_is(c, i + 1, "between") &&
		    !word_is(c, i + 1, "held"))
			continue;
		score = (int)s < x->body_from
				? 3
			: named ? 4
			: weak_trigger(L(c, D_EVENT)->v[k].text)
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
				memset(&st->cand[st->ncand], 0, sizeof(st->cand[0]));
				st->cand[st->ncand++].kind = kind;
			}
			if (q < st->ncand) {
				st->cand[q].count++;
				if (score > st->cand[q].base) {
					st->cand[q].base = score;
					st->cand[q].sent = (int)s;
				}
				if (named && !st->cand[q].name)
					st->cand[q].name =
						tok_text(d, x, ns, i + n);
			}
		}
		i += n - 1;
	}
	return 0;
}

/* The agreement's name in sentence s: "the ISSI-ICCA RAS MoU", "the
 * Artemis Accords". */
static void agreement_title(struct docstate *st, size_t s)
{
	ties_draft *d = st->d;
	struct xdoc *x = st->x;

	for (size_t q = s; q == s && !d->ev[st->agree].title;
	     q++) {
		struct scan c2 = st->c0;

		c2.a = x->sent[q][0];
		c2.b = x->sent[q][1];
		for (size_t i = c2.a + 1; i < c2.b; i++) {
			size_t n, ns = i;
			int k = match_at(L(&c2, D_EVENT), c2.T, i,
					 c2.b, &n);

			if (k < 0 || !is_agreement_kind(
					     L(&c2, D_EVENT)
						     ->v[k]
						     .val))
				continue;
			while (ns > c2.a &&
			       (((c2.T->v[ns - 1].f & T_CAP) &&
				 !(c2.T->v[ns - 1].f & T_PUNCT)) ||
				word_is(&c2, ns - 1, "-")) &&
			       !word_is(&c2, ns - 1, "the"))
				ns--;
			if (ns < i && (int)q >= x->body_from &&
			    word_is(&c2, ns - 1, "the"))
				d->ev[st->agree].title =
					tok_text(d, x, ns, i + n);
			break;
		}
	}
}

/* Who signed in sentence s, whose signing verb is at v: signatories and
 * parties. */
static int signing_parties(struct docstate *st, const struct scan *c,
			   size_t s, long v)
{
	int rc;
	ties_draft *d = st->d;
	struct xdoc *x = st->x;
	int doc = st->doc;

		size_t vv = (size_t)v, by = 0, from = c->a, to = vv;
		int gerund_for = word_is(c, vv, "signing") &&
				 vv > c->a && word_is(c, vv - 1, "for");

		for (size_t i = vv; i < c->b; i++)
			if (word_is(c, i, "by")) {
				by = i;
				break;
			}
		for (size_t i = c->a; i < vv; i++)
			if (word_is(c, i, ";"))
				from = i + 1;
		if (by && (word_is(c, vv + 1, "by") ||
			   word_is(c, vv, "signing"))) {
			from = by + 1;
			to = c->b;
		}
		for (size_t q = 0; q < st->S[s].n; q++) {
			struct ment *m = &st->S[s].m[q];
			int with = m->a > vv && m->a >= 1 &&
				   (word_is(c, m->a - 1, "with") ||
				    (word_is(c, m->a - 1, "the") &&
				     word_is(c, m->a - 2, "with")));
			int behalf = m->a >= 2 &&
				     word_is(c, m->a - 1, "of") &&
				     word_is(c, m->a - 2, "behalf");
			int in = m->a >= from && m->a < to;
			long e = m->ent;

			if (m->compound || m->adjective)
				continue;
			if (m->type == M_COUNTRY)
				e = country_ent(d, m->cc);
			if (behalf && m->type == M_COUNTRY)
				for (size_t r = 0; r < st->S[s].n; r++)
					if (st->S[s].m[r].type == M_PERSON &&
					    st->S[s].m[r].a < m->a &&
					    st->S[s].m[r].a >= from)
						set_country(
							d, st->S[s].m[r].ent,
							m->cc, 0.85,
							"signed on its "
							"behalf",
							doc, (int)s);
			if (m->type == M_PERSON && !in && !gerund_for &&
			    (int)s >= x->body_from &&
			    !word_is(c, vv + 1, "by")) {
				double rc2;

				if (!strcmp(role_of(c, m, &rc2),
					    "signatory"))
					in = 1;
			}
			if (m->type == M_PERSON && in && !gerund_for)
				rc = add_part(d, &d->ev[st->agree], e,
					      "signatory", 0.85,
					      "the subject of the "
					      "signing",
					      (int)s);
			else if ((m->type == M_ORG ||
				  m->type == M_COUNTRY) &&
				 (in || with || behalf) && e >= 0 &&
				 m->a != m->b)
				rc = add_part(d, &d->ev[st->agree], e,
					      "party", 0.85,
					      with ? "signed with"
					      : behalf
						      ? "signed on its "
							"behalf"
						      : "the subject of "
							"the signing",
					      (int)s);
			else
				rc = 0;
			if (rc < 0)
				return -1;
		}
	return 0;
}

/* Sentence s signs an agreement: the agreement (made at the first
 * signing), its name, and who signed. */
static int signing_in(struct docstate *st, struct scan *c, size_t s,
		      long v)
{
	ties_draft *d = st->d;
	struct xdoc *x = st->x;
	int doc = st->doc;

	st->signing[s] = 1;
	if (st->agree < 0) {
		const char *kind = "agreement";

		for (size_t q = 0; q < x->nsent && q <= s; q++)
			for (size_t i = x->sent[q][0]; i < x->sent[q][1];
			     i++) {
				int k = match_at(L(c, D_EVENT), c->T, i,
						 x->sent[q][1], NULL);

				if (k >= 0 &&
				    !strcmp(L(c, D_EVENT)->v[k].val,
					    "mou"))
					kind = "mou";
			}
		if ((st->agree = new_event(d, kind, doc, (int)s)) < 0)
			return -1;
		d->ev[st->agree].conf = 0.85;
		d->ev[st->agree].why = "a signing verb with an agreement";
		event_date(d, &d->ev[st->agree], c);
	}
	agreement_title(st, s);
	return signing_parties(st, c, s, v);
}

/* Triggers: the document's meeting-like event, and its signing. */
static int doc_triggers(struct docstate *st)
{
	struct xdoc *x = st->x;

	for (size_t s = 0; s < x->nsent; s++) {
		struct scan c = sent_scan(st, s);
		int modal, w = 0;
		long v;

		modal = find_in(L(&c, D_MODAL), c.T, c.a, c.b, &w) >= 0;
		if (event_words(st, &c, s, modal, w) < 0)
			return -1;
		/* Signing. */
		if (modal || (v = find_in(L(&c, D_SIGN), c.T, c.a, c.b, NULL)) < 0)
			continue;
		{
			int has = st->title_agree;

			for (size_t i = c.a; i < c.b && !has; i++) {
				int k = match_at(L(&c, D_EVENT), c.T, i, c.b,
						 NULL);

				has = k >= 0 &&
				      is_agreement_kind(L(&c, D_EVENT)->v[k].val);
			}
			if (!has)
				continue;
		}
		if (signing_in(st, &c, s, v) < 0)
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
			best_score = st->cand[q].base * 1000 + st->cand[q].count;
			best_kind = st->cand[q].kind;
			st->best_sent = st->cand[q].sent;
			best_name = st->cand[q].name;
		}
	if (best_kind) {
		struct scan c = st->c0;

		if ((st->meet = new_event(d, best_kind, doc, st->best_sent)) < 0)
			return -1;
		best_score /= 1000;
		d->ev[st->meet].conf = best_score >= 3 ? 0.9 : best_score == 2 ? 0.8
									    : 0.5;
		d->ev[st->meet].why = best_score == 4   ? "a named event"
				  : best_score == 3 ? "a trigger in the title"
				  : best_score == 2 ? "a trigger phrase"
						    : "a weak trigger phrase";
		d->ev[st->meet].named = best_name != NULL;
		d->ev[st->meet].title = best_name;
		c.s = st->best_sent;
		c.a = x->sent[st->best_sent][0];
		c.b = x->sent[st->best_sent][1];
		c.S = &st->S[st->best_sent];
		event_date(d, &d->ev[st->meet], &c);
		/* A trigger in the title: the date is in the body's first
		 * sentence that tells who took part. */
		for (size_t s = (size_t)x->body_from;
		     st->best_sent < x->body_from && d->ev[st->meet].dconf < 0.85 &&
		     s < x->nsent;
		     s++) {
			c.s = (int)s;
			c.a = x->sent[s][0];
			c.b = x->sent[s][1];
			c.S = &st->S[s];
			if (find_in(L(&c, D_PARTIC), c.T, c.a, c.b, NULL) < 0)
				continue;
			d->ev[st->meet].date = NULL;
			event_date(d, &d->ev[st->meet], &c);
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

		if (!(word_is(c, i, "members") || word_is(c, i, "member")) ||
		    !word_is(c, i + 1, "of"))
			continue;
		for (size_t q = 0; q < st->S[s].n; q++)
			if (st->S[s].m[q].a == i + 2 + word_is(c, i + 2, "the") &&
			    st->S[s].m[q].type == M_ORG)
				org = st->S[s].m[q].ent, j = st->S[s].m[q].b;
		if (org < 0)
			continue;
		for (u = j; u < c->b && !(c->T->v[u].f & (T_CAP | T_PUNCT)) &&
			    !word_is(c, u, "including");
		     u++)
			;
		unit = org;
		if (u > j) {
			const char *words = tok_text(d, x, j, u);
			char *nm;

			if (!words)
				return -1;
			nm = pool_printf(&d->P, "%s", words);
			if (!nm)
				return -1;
			nm[0] = (char)(nm[0] >= 'a' && nm[0] <= 'z'
					       ? nm[0] - 32
					       : nm[0]);
			unit = ent_get(d, "department", nm, 0.8,
				       "members of a unit", doc,
				       (int)s);
			if (unit < 0)
				return -1;
			set_parent(d, unit, org, 0.8, "a possessive",
				   doc, (int)s);
			d->e[unit].nameless_parent = 1;
		}
		for (size_t q = 0; q < st->S[s].n; q++)
			if (st->S[s].m[q].type == M_PERSON &&
			    st->S[s].m[q].a > u &&
			    add_member(d, st->S[s].m[q].ent, unit, "member",
				       0.8,
				       "listed as a member", doc,
				       (int)s) < 0)
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

			if (!(word_is(c, i, "at") || word_is(c, i, "in") ||
			      (word_is(c, i, "to") &&
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
		long t = find_in(L(c, D_TOPIC), c->T, c->a, c->b, &w);

		if (t >= 0) {
			const struct phrase *ph = &L(c, D_TOPIC)->v[w];
			long target = !strcmp(ph->val, "domains") ? st->agree
								  : st->meet;

			if (target >= 0 && ph->after)
				topic_list(c, c->a, (size_t)t,
					   !strcmp(ph->val, "domains")
						   ? &d->ev[target].domains
						   : &d->ev[target].topics);
			else if (target >= 0)
				topic_list(c, (size_t)t + ph->n, c->b,
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
	size_t side_at = c.T->n;
	int cue, trig;

	cue = find_in(L(&c, D_PARTIC), c.T, c.a, c.b, NULL) >= 0;
	trig = st->meet >= 0 && (int)s == st->best_sent;
	/* "the Russian delegation", "On the ISSI side". */
	for (size_t q = 0; q < st->S[s].n; q++) {
		struct ment *m = &st->S[s].m[q];

		if (m->b <= m->a || m->compound)
			continue;
		if (word_is(&c, m->b, "delegation") ||
		    word_is(&c, m->b, "side") ||
		    (word_is(&c, m->b, "interagency") &&
		     word_is(&c, m->b + 1, "delegation"))) {
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
				if (word_is(&c, k, "delegation")) {
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
			role = role_of(&c, m, &rconf);
			if (!strcmp(role, "delegation") &&
			    add_part(d, &d->ev[st->meet], m->ent, role, rconf,
				     "named with a cue", (int)s) < 0)
				return -1;
			continue;
		}
		if (m->type != M_PERSON)
			continue;
		role = role_of(&c, m, &rconf);
		if (!strcmp(role, "head_of_delegation") && m->org >= 0)
			head_org = m->org;
		if (st->meet >= 0 && !st->signing[s] &&
		    (cue || (trig && (int)s >= x->body_from)))
			if (add_part(d, &d->ev[st->meet], m->ent,
				     !strcmp(role, "signatory")
					     ? "attendee"
					     : role,
				     rconf, "named with a cue",
				     (int)s) < 0)
				return -1;
	}
	if (side_cc)
		st->last_side_cc = side_cc;
	else if (st->last_side_cc &&
		 find_in(L(&c, D_PARTIC), c.T, c.a, c.b, NULL) >= 0) {
		for (size_t i = c.a; i + 1 < c.b; i++)
			if (word_is(&c, i, "the") &&
			    word_is(&c, i + 1, "delegation")) {
				side_cc = st->last_side_cc;
				side_at = c.a;
				side_why = "named in the country's "
					   "delegation";
			}
	}
	if (side_org < 0)
		side_org = head_org;
	for (size_t q = 0; q < st->S[s].n; q++) {
		struct ment *m = &st->S[s].m[q];

		if (m->type == M_PERSON && m->a < side_at)
			continue;
		if (m->type == M_PERSON) {
			if (side_cc)
				set_country(d, m->ent, side_cc, 0.7,
					    side_why, doc, (int)s);
			if (side_org >= 0 && m->org < 0 &&
			    member_org(d, m->ent) < 0 && m->title &&
			    add_member(d, m->ent, side_org, m->title,
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
			set_parent(d, m->ent, side_org, 0.5,
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
			for (size_t q = 0; st->signing[s] && q < st->S[s].n; q++)
				if (st->S[s].m[q].compound &&
				    add_part(d, &d->ev[st->agree],
					     country_ent(d, st->S[s].m[q].cc),
					     "party", 0.6,
					     "named in the agreement's name",
					     (int)s) < 0)
					return -1;
	}
	/* An agreement signed at the meeting took place where it did. */
	if (st->meet >= 0 && st->agree >= 0 && d->ev[st->agree].place < 0)
		d->ev[st->agree].place = d->ev[st->meet].place;
	/* Institutions at the meeting: the host, the delegations. */
	if (st->meet >= 0) {
		struct xevent *ev = &d->ev[st->meet];
		long host = ev->place >= 0 && strcmp(d->e[ev->place].kind, "place") &&
				    strcmp(d->e[ev->place].kind, "city")
				    ? ev->place
				    : -1;

		if (host >= 0 && add_part(d, ev, host, "host", 0.8,
					  "the place of the meeting",
					  ev->sent) < 0)
			return -1;
		for (size_t q = 0; q < ev->np; q++) {
			long o;

			if (strcmp(ev->p[q].role, "head_of_delegation") ||
			    (o = member_org(d, ev->p[q].ent)) < 0 || o == host)
				continue;
			if (add_part(d, ev, o, "delegation", 0.75,
				     "the institution of a head of "
				     "delegation",
				     ev->p[q].sent) < 0)
				return -1;
		}
	}
	return 0;
}

static int analyze_doc(ties_draft *d, int doc)
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
		return oom(d);
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

/* ---------------------------------------------------------- assembly --- */

/* The country a name says: the last country, demonym or place in it. */
static const char *country_in_name(ties_draft *d, const char *name)
{
	struct toks T = {0};
	struct xdoc x = {0};
	struct scan c = {0};
	const char *cc = NULL;

	if (tokenize(&d->P, name, strlen(name), NULL, &T) < 0) {
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

		if (at_country(&c, i, &k, &adj))
			cc = k;
		else if (is_cap(&c, i) &&
			 (p = match_at(L(&c, D_PLACE), &T, i, T.n, &n)) >= 0)
			cc = L(&c, D_PLACE)->v[p].val;
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

		if (x->known || is_person_kind(x->kind) ||
		    !strcmp(x->kind, "country"))
			continue;
		if ((cc = country_in_name(d, x->name)))
			set_country(d, (long)e, cc, 0.7, "its name says so",
				    x->doc, x->sent);
	}
	for (int round = 0; round < 4; round++) {
		for (size_t e = 0; e < d->ne; e++) {
			struct xent *x = &d->e[e];

			if (x->parent >= 0 && d->e[x->parent].country)
				set_country(d, (long)e, d->e[x->parent].country,
					    0.75, "its parent's country",
					    x->pdoc, x->psent);
		}
		for (size_t i = 0; i < d->nm; i++) {
			struct xent *p = &d->e[d->m[i].person],
				    *o = &d->e[d->m[i].org];

			if (o->country)
				set_country(d, d->m[i].person, o->country, 0.8,
					    "its institution's country",
					    d->m[i].doc, d->m[i].sent);
			else if (p->country && p->ccf >= 0.7)
				set_country(d, d->m[i].org, p->country, 0.6,
					    "a member's country", d->m[i].doc,
					    d->m[i].sent);
		}
		for (size_t e = 0; e < d->ne; e++) {
			struct xent *x = &d->e[e];

			if (x->side >= 0 && d->e[x->side].country)
				set_country(d, (long)e, d->e[x->side].country,
					    0.7, "named on its side", x->doc,
					    x->sent);
		}
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
		} else if (unit && x->parent >= 0 &&
			   !strchr(x->name, ',')) {
			const char *ps = short_name(d, x->parent);
			const char *old = x->name;

			x->name = pool_printf(&d->P, "%s, %s", old, ps);
			if (!x->name)
				return oom(d);
			ent_alias(d, (long)e, old);
			if (x->nameless_parent) {
				const char *a = pool_printf(&d->P, "%s %s", ps,
							    old);
				char *lc = a ? pool_strdup(&d->P, a) : NULL;

				if (lc) {
					size_t k = strlen(ps);

					if (lc[k + 1] >= 'A' && lc[k + 1] <= 'Z')
						lc[k + 1] =
							(char)(lc[k + 1] + 32);
					ent_alias(d, (long)e, lc);
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

			r = ties_store__match_name(d->db,
						   a ? x->alias[a - 1] : x->name,
						   &m);
			if (r < 0)
				return r;
			if (r != 1)
				continue;
			for (size_t k = 0; k < d->ne; k++)
				taken |= d->e[k].id && !strcmp(d->e[k].id, m.id);
			if (!taken && is_person_kind(m.kind) ==
					      is_person_kind(x->kind) &&
			    strcmp(m.kind, "country")) {
				x->id = pool_strdup(&d->P, m.id);
				x->name = pool_strdup(&d->P, m.name);
				x->kind = pool_strdup(&d->P, m.kind);
				x->known = 1;
			}
			ties_match__release(&m);
		}
	}
	for (size_t e = 0; e < d->ne; e++) {
		struct xent *x = &d->e[e];
		const char *base;

		if (x->known || x->id)
			continue;
		if (x->parent >= 0 &&
		    (!strcmp(x->kind, "department") || !strcmp(x->kind, "body"))) {
			const char *acr = short_name(d, (long)e);
			const char *own = acr != x->name ? acr
					  : x->nalias   ? x->alias[0]
							: x->name;

			if (!d->e[x->parent].id &&
			    !(d->e[x->parent].id = unique_id(
				      d, slug(d, short_name(d, x->parent)))))
				return oom(d);
			base = pool_printf(&d->P, "%s-%s", d->e[x->parent].id,
					   slug(d, own));
		} else {
			base = slug(d, short_name(d, (long)e));
		}
		if (!base || !(x->id = unique_id(d, base)))
			return oom(d);
	}
	return 0;
}

/* ------------------------------------------------------------ output --- */

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
				int org = !is_person_kind(x->kind) &&
					  strcmp(x->kind, "country");

				if (pass == 0 && org && orgs == 3)
					continue;
				if ((pass == 0 && org) ||
				    (pass == 1 && !strcmp(x->kind, "country")) ||
				    (pass == 2 && is_person_kind(x->kind) &&
				     !who.len)) {
					if (who.len)
						ties_buf__putc(&who, '-');
					ties_buf__puts(
						&who,
						pass == 1 ? x->id
							  : slug(d, short_name(
									 d,
									 ev->p[q].ent)));
					orgs += pass == 0;
					if (!first)
						first = who.len;
				}
			}
		if (who.oom)
			return oom(d);
		/* Long names: the first alone. */
		if (who.len > 40)
			who.ptr[who.len = first] = '\0';
		base = pool_printf(&d->P, "%s%s%s%s%s",
				   who.len ? ties_buf__str(&who) : "", who.len ? "-" : "",
				   ev->kind, ev->date ? "-" : "",
				   ev->date ? ev->date : "");
		ties_buf__release(&who);
		if (!base || !(ev->id = unique_id(d, base)))
			return oom(d);
		if (!ev->title) {
			ties_buf t = TIES_BUF_INIT;
			int n = 0;

			ties_buf__puts(&t, !strcmp(ev->kind, "mou")
						   ? "Memorandum of Understanding"
					   : !strcmp(ev->kind, "agreement")
						   ? "Agreement"
						   : ev->kind);
			if (t.len && t.ptr[0] >= 'a' && t.ptr[0] <= 'z')
				t.ptr[0] = (char)(t.ptr[0] - 32);
			for (size_t q = 0; q < ev->np; q++) {
				const struct xent *x = &d->e[ev->p[q].ent];

				if (is_person_kind(x->kind) ||
				    !(!strcmp(ev->p[q].role, "party") ||
				      !strcmp(ev->p[q].role, "host") ||
				      !strcmp(ev->p[q].role, "delegation")))
					continue;
				ties_buf__puts(&t, n == 0 ? " of " : " and ");
				ties_buf__puts(&t, short_name(d, ev->p[q].ent));
				n++;
			}
			if (t.oom || !(ev->title = pool_strdup(&d->P, t.ptr)))
				return oom(d);
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
			host = pool_strndup(&d->P, p, strcspn(p, "./"));
			who = host;
		}
		if (!who) {
			const char *b = strrchr(x->path, '/');

			who = b ? b + 1 : x->path;
		}
		{
			char *first = pool_strndup(&d->P, who, strcspn(who, " /"));
			const char *base = first
						   ? pool_printf(&d->P, "%s%s%s",
								 slug(d, first),
								 x->date ? "-" : "",
								 x->date ? x->date
									 : "")
						   : NULL;

			if (!base || !(x->source_id = unique_id(d, base)))
				return oom(d);
			/* Unique among this draft's sources too. */
			for (size_t q = 0; q < k; q++)
				if (!strcmp(d->docs[q].source_id, x->source_id))
					x->source_id = pool_printf(
						&d->P, "%s-%zu", base, k + 1);
		}
	}
	return 0;
}

static int review_facts(ties_draft *d)
{
	for (size_t e = 0; e < d->ne; e++) {
		const struct xent *x = &d->e[e];

		if (x->known || !strcmp(x->kind, "country"))
			continue;
		if (fact(d, x->conf, x->kind, x->doc, x->sent, "%s [%s] (%s)",
			 x->name, x->id, x->why ? x->why : "") < 0)
			return -1;
		if (x->country &&
		    fact(d, x->ccf, "country", x->cdoc, x->csent,
			 "%s is of %s (%s)", x->name, country_name(d, x->country),
			 x->cwhy ? x->cwhy : "") < 0)
			return -1;
		if (x->parent >= 0 &&
		    fact(d, x->pcf, "part_of", x->pdoc, x->psent,
			 "%s is part of %s (%s)", x->name, d->e[x->parent].name,
			 x->pwhy ? x->pwhy : "") < 0)
			return -1;
	}
	for (size_t i = 0; i < d->nm; i++)
		if (fact(d, d->m[i].conf, "member_of", d->m[i].doc, d->m[i].sent,
			 "%s is %s of %s (%s)", d->e[d->m[i].person].name,
			 d->m[i].role ? d->m[i].role : "a member",
			 d->e[d->m[i].org].name, d->m[i].why) < 0)
			return -1;
	for (size_t k = 0; k < d->nev; k++) {
		const struct xevent *ev = &d->ev[k];

		if (fact(d, ev->conf, "event", ev->doc, ev->sent,
			 "%s: %s [%s] (%s)", ev->kind, ev->title, ev->id,
			 ev->why) < 0 ||
		    (ev->date &&
		     fact(d, ev->dconf, "date", ev->doc, ev->dsent,
			  "%s on %s (%s)", ev->id, ev->date, ev->dwhy) < 0) ||
		    (ev->place >= 0 &&
		     fact(d, 0.75, "place", ev->doc, ev->sent, "%s at %s",
			  ev->id, d->e[ev->place].name) < 0))
			return -1;
		for (size_t q = 0; q < ev->np; q++)
			if (fact(d, ev->p[q].conf, "role", ev->doc, ev->p[q].sent,
				 "%s in %s as %s (%s)", d->e[ev->p[q].ent].name,
				 ev->id, ev->p[q].role, ev->p[q].why) < 0)
				return -1;
		if (ev->topics.len &&
		    fact(d, 0.6, "topics", ev->doc, ev->sent, "%s: %s", ev->id,
			 ev->topics.ptr) < 0)
			return -1;
		if (ev->domains.len &&
		    fact(d, 0.6, "domains", ev->doc, ev->sent, "%s: %s", ev->id,
			 ev->domains.ptr) < 0)
			return -1;
	}
	return 0;
}

static int country_name_cb(void *ctx, const char *id, const char *name)
{
	ties_draft *d = ctx;

	return plist_add(&d->P, &d->D.l[D_COUNTRY], name, id, 0) < 0 ? oom(d)
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
	if ((rc = dicts_load(db, &d->P, &d->D, opts ? opts->dict_dirs : NULL,
			     opts ? opts->ndict_dirs : 0)) < 0)
		goto fail;
	/* The database's names of countries join the dictionary. */
	if ((rc = ties_store__country_names(db, country_name_cb, d)) < 0)
		goto fail;
	for (size_t i = 0; i < npaths; i++) {
		if ((rc = read_doc(d, paths[i])) < 0 ||
		    (rc = analyze_doc(d, (int)d->ndocs - 1)) < 0)
			goto fail;
	}
	if ((rc = finish(d)) < 0 || (rc = name_events(d)) < 0 ||
	    (rc = review_facts(d)) < 0)
		goto fail;
	if (d->P.oom) {
		rc = oom(d);
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
	dicts_release(&d->D);
	ties_strmap__release(&d->names);
	pool_release(&d->P);
	free(d);
}

/* The tables of the draft, in the importer's layout. */
static int draft_tables(ties_draft *d, ties_table *t[5])
{
	static const char *const ecols[] = {"id",      "kind",	    "name",
					    "country", "aliases",   "honorific",
					    "source_id"};
	static const char *const rcols[] = {"source", "target", "kind", "role",
					    "start",  "end",	"source_id"};
	static const char *const vcols[] = {"id",	 "kind",   "date",
					    "title",	 "place",  "source_id",
					    "topics",	 "domains"};
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
		return oom(d);
	for (size_t k = 0; k < d->ndocs; k++) {
		const struct xdoc *x = &d->docs[k];
		const char *b = strrchr(x->path, '/');

		ok &= ties_table__add_row(t[4]) == 0 &&
		      ties_table__set_text(t[4], 0, x->source_id) == 0 &&
		      ties_table__set_text(t[4], 1,
					   x->title ? x->title
						    : (b ? b + 1 : x->path)) == 0 &&
		      ties_table__set_text(t[4], 2, x->url) == 0 &&
		      ties_table__set_text(t[4], 3, x->publisher) == 0 &&
		      ties_table__set_text(t[4], 4, x->date) == 0;
	}
	for (size_t e = 0; e < d->ne; e++) {
		const struct xent *x = &d->e[e];
		ties_buf al = TIES_BUF_INIT;

		if (x->known || !strcmp(x->kind, "country"))
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
		      ties_table__set_text(t[0], 3, x->country) == 0 &&
		      ties_table__set_text(t[0], 4, al.len ? al.ptr : NULL) == 0 &&
		      ties_table__set_text(t[0], 5, x->honorific) == 0 &&
		      ties_table__set_text(t[0], 6,
					   d->docs[x->doc].source_id) == 0;
		ties_buf__release(&al);
		if (x->parent >= 0 && !x->known)
			ok &= ties_table__add_row(t[1]) == 0 &&
			      ties_table__set_text(t[1], 0, x->id) == 0 &&
			      ties_table__set_text(t[1], 1,
						   d->e[x->parent].id) == 0 &&
			      ties_table__set_text(t[1], 2, "part_of") == 0 &&
			      ties_table__set_text(
				      t[1], 6, d->docs[x->pdoc].source_id) == 0;
	}
	for (size_t i = 0; i < d->nm; i++)
		ok &= ties_table__add_row(t[1]) == 0 &&
		      ties_table__set_text(t[1], 0, d->e[d->m[i].person].id) == 0 &&
		      ties_table__set_text(t[1], 1, d->e[d->m[i].org].id) == 0 &&
		      ties_table__set_text(t[1], 2, "member_of") == 0 &&
		      ties_table__set_text(t[1], 3, d->m[i].role) == 0 &&
		      ties_table__set_text(t[1], 6,
					   d->docs[d->m[i].doc].source_id) == 0;
	for (size_t k = 0; k < d->nev; k++) {
		const struct xevent *ev = &d->ev[k];

		ok &= ties_table__add_row(t[2]) == 0 &&
		      ties_table__set_text(t[2], 0, ev->id) == 0 &&
		      ties_table__set_text(t[2], 1, ev->kind) == 0 &&
		      ties_table__set_text(t[2], 2, ev->date) == 0 &&
		      ties_table__set_text(t[2], 3, ev->title) == 0 &&
		      ties_table__set_text(t[2], 4,
					   ev->place >= 0 ? d->e[ev->place].id
							  : NULL) == 0 &&
		      ties_table__set_text(t[2], 5,
					   d->docs[ev->doc].source_id) == 0 &&
		      ties_table__set_text(t[2], 6,
					   ev->topics.len ? ev->topics.ptr
							  : NULL) == 0 &&
		      ties_table__set_text(t[2], 7,
					   ev->domains.len ? ev->domains.ptr
							   : NULL) == 0;
		for (size_t q = 0; q < ev->np; q++)
			ok &= ties_table__add_row(t[3]) == 0 &&
			      ties_table__set_text(t[3], 0, ev->id) == 0 &&
			      ties_table__set_text(t[3], 1,
						   d->e[ev->p[q].ent].id) == 0 &&
			      ties_table__set_text(t[3], 2,
						   role_word(ev->p[q].role)) == 0;
	}
	return ok ? 0 : oom(d);
}

static const char *const table_files[5] = {
	"entities.csv", "relations.csv", "events.csv", "participants.csv",
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
		if (!(path = pool_printf(&d->P, "%s/%s", dir,
					 i < 5 ? table_files[i]
					       : "review.txt"))) {
			rc = oom(d);
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
	fprintf(f, "# ties extract: %zu facts, weakest first. Each names the "
		   "sentence it came from.\n# Edit the CSV files beside this "
		   "one, then: ties import DIR\n",
		d->nf);
	for (size_t i = 0; i < d->nf; i++) {
		const struct xfact *x = &d->f[i];
		const struct xdoc *doc = &d->docs[x->doc];
		int line = x->sent >= 0 && (size_t)x->sent < doc->nsent
				   ? doc->T.v[doc->sent[x->sent][0]].line
				   : 0;

		fprintf(f, "\n%.2f  %-10s %s\n", x->conf, x->type, x->text);
		if (x->sent >= 0)
			fprintf(f, "      %s:%d: %s\n", doc->path, line,
				sent_text((ties_draft *)d, x->doc, x->sent));
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
			snprintf(where, sizeof(where), "%s:%d", doc->path, line);
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
