/*
 * text.c — ties extract, reading: the pool of a draft's strings, tokens
 * (with their lines), front matter, Markdown escapes, the dateline and
 * sentences.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "extract_int.h"

char *ties_xt__pool_keep(struct pool *p, char *s)
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

char *ties_xt__pool_strndup(struct pool *p, const char *s, size_t n)
{
	return ties_xt__pool_keep(p, strndup(s, n));
}

char *ties_xt__pool_strdup(struct pool *p, const char *s)
{
	return s ? ties_xt__pool_keep(p, strdup(s)) : NULL;
}

char *ties_xt__pool_printf(struct pool *p, const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !(s = malloc((size_t)n + 1)))
		return ties_xt__pool_keep(p, NULL);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return ties_xt__pool_keep(p, s);
}

void ties_xt__pool_release(struct pool *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->v[i]);
	free(p->v);
	memset(p, 0, sizeof(*p));
}

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

/* Abbreviations whose period belongs to the word; "Md." and "Mohd.",
 * abbreviated given names ("Mr. Md. Sabur Khan"). */
static int abbrev(const char *s, size_t n)
{
	static const char *const list[] = {
		"Dr",	"Mr",	"Ms",	  "Mrs",  "Prof", "St",	 "Lt",
		"Gen",	"Col",	"Sen",	  "Rep",  "Rev",  "Jr",	 "Sr",
		"No",	"Inc",	"Ltd",	  "Co",	  "Corp", "Mt",	 "Adm",
		"Capt", "Gov",	"Amb",	  "vs",	  "etc",  "Hon", "Messrs",
		"Mmes", "Dept", "Univ",	  "Assn", "Bros", "Maj", "Sgt",
		"Ft",	"Ave",	"approx", "Jan",  "Feb",  "Mar", "Apr",
		"Jun",	"Jul",	"Aug",	  "Sep",  "Sept", "Oct", "Nov",
		"Dec",	"Md",	"Mohd",	  "Muhd", "Brig", "Cdr", "Cdre",
		"Engr", "Asst", "Assoc",  NULL};

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

/* "Japan-U" before ".S.": the part after the last hyphen is one capital
 * letter and the text goes on with another and a period. */
static int dotted_after_hyphen(const char *s, size_t n, const char *rest,
			       size_t m)
{
	return n >= 3 && s[n - 2] == '-' && s[n - 1] >= 'A' &&
	       s[n - 1] <= 'Z' && m >= 3 && rest[1] >= 'A' && rest[1] <= 'Z' &&
	       rest[2] == '.';
}

static char *fold_word(struct pool *p, const char *s, size_t n)
{
	utf8proc_uint8_t *out = NULL;

	if (utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &out,
			 UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE |
				 UTF8PROC_STABLE) < 0)
		return ties_xt__pool_strndup(p, s, n);
	/* One apostrophe. */
	for (char *q = (char *)out; (q = strstr(q, "\xe2\x80\x99"));) {
		*q = '\'';
		memmove(q + 1, q + 3, strlen(q + 3) + 1);
	}
	return ties_xt__pool_keep(p, (char *)out);
}

/* The words of two or more capitals alone in text[0, n) ("CERN"), in
 * *caps: each found once, with one pass over the text. */
static int caps_words(const char *text, size_t n, ties_strmap *caps)
{
	size_t i = 0, j;
	char w[64];

	while (i < n) {
		if (text[i] < 'A' || text[i] > 'Z' ||
		    (i > 0 && isalnum((unsigned char)text[i - 1]))) {
			i++;
			continue;
		}
		for (j = i; j < n && text[j] >= 'A' && text[j] <= 'Z'; j++)
			;
		if (j - i >= 2 && j - i < sizeof(w) &&
		    (j == n || !isalnum((unsigned char)text[j]))) {
			memcpy(w, text + i, j - i);
			w[j - i] = '\0';
			if (ties_strmap__put(caps, w, 0, NULL) < 0)
				return -1;
		}
		i = j;
	}
	return 0;
}

/* Whether text[s, s + k) is an acronym with a footnote's mark ("CERN1"):
 * capitals, then one digit, and the capitals alone a word elsewhere in
 * the text ("G7", "C40" are names: their letters are no word of their
 * own there). The words of capitals are gathered on the first such
 * token: -1 when out of memory. */
static int footnoted(const char *text, size_t n, size_t s, size_t k,
		     ties_strmap *caps, int *have_caps)
{
	const char *w = text + s;
	char bare[64];
	long v;

	if (k < 3 || k > sizeof(bare) || w[k - 1] < '1' || w[k - 1] > '9')
		return 0;
	for (size_t i = 0; i + 1 < k; i++)
		if (w[i] < 'A' || w[i] > 'Z')
			return 0;
	if (!*have_caps) {
		if (caps_words(text, n, caps) < 0)
			return -1;
		*have_caps = 1;
	}
	memcpy(bare, w, k - 1);
	bare[k - 1] = '\0';
	return ties_strmap__get(caps, bare, &v);
}

/*
 * Split text[0, n) into tokens. `lines`, when given, has the line of each
 * byte. A blank line starts a paragraph.
 */
#define SHORT_LINE 50 /* bytes */

int ties_xt__tokenize(struct pool *p, const char *text, size_t n,
		      const int *lines, struct toks *out)
{
	size_t i = 0, len, line_start = 0, short_line = 0;
	int newlines = 2, have_caps = 0, fn;
	ties_strmap caps = {0};

	while (i < n) {
		int32_t c = cp_at(text, n, i, &len);
		struct tok t;

		if (c == '\n') {
			/* A line shorter than a wrapped paragraph's. */
			short_line = i - line_start < SHORT_LINE;
			line_start = i + 1;
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
			     dotted(text + i, j - i) ||
			     dotted_after_hyphen(text + i, j - i, text + j,
						 n - j))) {
				j++;
				while (j + 1 < n && text[j] >= 'A' &&
				       text[j] <= 'Z' && text[j + 1] == '.')
					j += 2;
			}
			t.e = j;
			/* A footnote's mark is no part of the word. */
			if ((fn = footnoted(text, n, i, j - i, &caps,
					    &have_caps)) < 0)
				goto oom;
			if (fn)
				t.e = j - 1;
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
		else if (newlines == 1 && short_line)
			t.f |= T_BREAK;
		newlines = 0;
		t.line = lines ? lines[t.s] : 0;
		if (!(t.low = fold_word(p, text + t.s, t.e - t.s)) ||
		    ties__grow(&out->v, &out->cap, out->n, sizeof(t)) < 0)
			goto oom;
		out->v[out->n++] = t;
	}
	ties_strmap__release(&caps);
	return 0;
oom:
	ties_strmap__release(&caps);
	return -1;
}

/* Append s[0,n) of line `line` to the clean text. */
static void put(ties_buf *b, int **lines, size_t *lcap, const char *s, size_t n,
		int line)
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
static void put_markdown(ties_buf *b, int **lines, size_t *lcap, const char *s,
			 size_t n, int line)
{
	static const struct {
		const char *ent, *ch;
	} ents[] = {{"&amp;", "&"},
		    {"&lt;", "<"},
		    {"&gt;", ">"},
		    {"&quot;", "\""},
		    {"&#39;", "'"},
		    {"&nbsp;", " "},
		    {"&rsquo;", "\xe2\x80\x99"},
		    {NULL, NULL}};
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
		if ((s[i] == '*' || s[i] == '_') && i + 1 < n &&
		    s[i + 1] == s[i]) {
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
	return ties_xt__pool_keep(p, o.ptr ? ties_buf__detach(&o) : strdup(""));
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
				x->date = ties_xt__pool_strndup(&d->P, v, 10);
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
	rc = ties_xt__oom(d);
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
		const char *city = ties_xt__tok_text(d, x, 0, i);

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
		size_t used = ties_xt__parse_date(d, T, k, close, NULL, &date);

		if (used && date && strlen(date) == 10) {
			size_t pe = k;

			while (pe > open + 1 && (T->v[pe - 1].f & T_PUNCT) &&
			       strcmp(T->v[pe - 1].low, ")"))
				pe--;
			if (!x->date)
				x->date = date;
			if (!x->publisher && pe > open + 1)
				x->publisher =
					ties_xt__tok_text(d, x, open + 1, pe);
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
	if (ties__grow(&x->sent, &x->scap, x->nsent, sizeof(*x->sent)) < 0)
		return -1;
	x->sent[x->nsent][0] = a;
	x->sent[x->nsent][1] = b;
	x->nsent++;
	return 0;
}

/* Sentences end at a paragraph, or at . ! ? before a capital, a quote or
 * the end. The title, when there is one, is sentence 0. */
/* The longest sentence, in tokens: longer runs (a text without full stops)
 * are cut, so that the work per sentence stays bounded and the whole is
 * linear in the text. Real sentences, lists of delegates included, stay
 * well below it. */
#define MAX_SENT 250

/* Sentences of [a, b), cut every MAX_SENT tokens. */
static int add_sents(struct xdoc *x, size_t a, size_t b)
{
	for (; b - a > MAX_SENT; a += MAX_SENT)
		if (add_sent(x, a, a + MAX_SENT) < 0)
			return -1;
	return add_sent(x, a, b);
}

static int split_sentences(struct xdoc *x, size_t title_toks)
{
	struct toks *T = &x->T;
	size_t a = 0;

	if (title_toks) {
		if (add_sents(x, 0, title_toks) < 0)
			return -1;
		a = title_toks;
	}
	x->body_from = (int)x->nsent;
	for (size_t i = a; i < T->n; i++) {
		const char *w = T->v[i].low;

		if ((i > a && T->v[i].f & T_PARA) || i - a == MAX_SENT) {
			if (add_sent(x, a, i) < 0)
				return -1;
			a = i;
		}
		/* "EXAMPLE.COM": a full stop with no space after it ends
		 * nothing. */
		if ((!strcmp(w, ".") || !strcmp(w, "!") || !strcmp(w, "?")) &&
		    !(i + 1 < T->n && T->v[i + 1].s == T->v[i].e) &&
		    (i + 1 == T->n ||
		     T->v[i + 1].f & (T_CAP | T_NUM | T_PARA) ||
		     T->v[i + 1].f & T_PUNCT)) {
			if (add_sent(x, a, i + 1) < 0)
				return -1;
			a = i + 1;
		}
	}
	return add_sent(x, a, T->n);
}

int ties_xt__read_doc(ties_draft *d, const char *path)
{
	struct xdoc *x;
	char *raw = NULL;
	size_t len = 0, body, lcap = 0, title_toks = 0;
	int bodyline, line, rc, markdown;
	ties_buf b = TIES_BUF_INIT;

	if (ties__grow(&d->docs, &d->dcap, d->ndocs, sizeof(*x)) < 0)
		return ties_xt__oom(d);
	x = &d->docs[d->ndocs];
	memset(x, 0, sizeof(*x));
	x->path = path;
	if (ties_file__read(path, &raw, &len) < 0)
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

		markdown = body > 0 || (dot && (!strcasecmp(dot, ".md") ||
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
			if (ties_xt__tokenize(&d->P, b.ptr, tlen, x->lines,
					      &tt) < 0) {
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
	if (!x->text || !ties_xt__pool_keep(&d->P, x->text))
		goto nomem;
	if (!x->lines && !(x->lines = calloc(1, sizeof(int))))
		goto nomem;
	if (ties_xt__tokenize(&d->P, x->text, x->len, x->lines, &x->T) < 0)
		goto nomem;
	if (!title_toks && (rc = dateline(d, x)) < 0)
		goto done;
	if (split_sentences(x, title_toks) < 0)
		goto nomem;
	rc = 0;
	goto done;
nomem:
	rc = ties_xt__oom(d);
done:
	ties_buf__release(&b);
	free(raw);
	return rc;
}
