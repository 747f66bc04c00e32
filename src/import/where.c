/*
 * where.c — the line of a thing named in an import error, for the formats
 * whose parsers keep no positions (jansson's values, cgraph's nodes,
 * igraph's GraphML vertices): the file is read again, only when there is
 * an error, and scanned for the row or the node. 0 when not found.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ties_int.h"
#include "import_int.h"

/* Past the JSON string that opens at s[i] ('"'), counting its lines. */
static size_t skip_string(const char *s, size_t n, size_t i, long *line)
{
	for (i++; i < n && s[i] != '"'; i++)
		if (s[i] == '\\' && i + 1 < n)
			i++;
		else if (s[i] == '\n')
			(*line)++;
	return i < n ? i + 1 : n;
}

long ties_imp__json_line(const char *path, const char *table, size_t index)
{
	size_t n = 0, i = 0, elem = 0, tl = strlen(table);
	char *s = NULL;
	long line = 1, found = 0;
	int depth = 0, matched = 0, in_table = 0, expect = 0;

	if (ties_file__read(path, &s, &n) < 0)
		return 0;
	while (i < n && !found) {
		char c = s[i];

		if (c == '\n')
			line++;
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
			i++;
			continue;
		}
		if (in_table && depth == 2 && expect && c != ']') {
			if (elem == index)
				found = line;
			expect = 0;
		}
		if (c == '"') {
			size_t start = i + 1, end = skip_string(s, n, i, &line);
			size_t j = end;

			while (j < n && strchr(" \t\r\n", s[j]))
				j++;
			if (depth == 1 && j < n && s[j] == ':')
				matched = end - start - 1 == tl &&
					  !memcmp(s + start, table, tl);
			i = end;
			continue;
		}
		if (c == '[' || c == '{') {
			depth++;
			if (c == '[' && depth == 2 && matched) {
				in_table = expect = 1;
				elem = 0;
			}
		} else if (c == ']' || c == '}') {
			depth--;
			if (depth < 2)
				in_table = matched = 0;
		} else if (c == ',' && depth == 2 && in_table) {
			elem++;
			expect = 1;
		}
		i++;
	}
	free(s);
	return found;
}

/* A character of a bare DOT ID: letter, digit, '_', '.', or not ASCII. */
static int idch(char c)
{
	unsigned char u = (unsigned char)c;

	return u >= 0x80 || u == '_' || u == '.' || (u >= '0' && u <= '9') ||
	       ((u | 32) >= 'a' && (u | 32) <= 'z');
}

/* The next DOT ID of line s[*i..to) that is not an attribute's value
 * (label="a", country=a): its start and length; 0 at the end. */
static int next_id(const char *s, size_t *i, size_t to, size_t *at,
		   size_t *len)
{
	int value = 0;

	while (*i < to) {
		char c = s[*i];

		if (c == '"' || idch(c)) {
			size_t b = *i + (c == '"'), e = b;

			if (c == '"')
				while (e < to && s[e] != '"')
					e += s[e] == '\\' && e + 1 < to ? 2 : 1;
			else
				while (e < to && idch(s[e]))
					e++;
			*i = e + (c == '"' && e < to);
			if (value) {
				value = 0;
				continue;
			}
			*at = b;
			*len = e - b;
			return 1;
		}
		if (c == '=')
			value = 1;
		else if (c != ' ' && c != '\t')
			value = 0;
		(*i)++;
	}
	return 0;
}

/* Whether s[from..to) holds attr="value". */
static int has_attr(const char *s, size_t from, size_t to, const char *attr,
		    const char *value)
{
	size_t la = strlen(attr), lv = strlen(value);

	for (size_t i = from; i + la + lv + 3 <= to; i++)
		if (!memcmp(s + i, attr, la) && s[i + la] == '=' &&
		    s[i + la + 1] == '"' && !memcmp(s + i + la + 2, value, lv) &&
		    s[i + la + 2 + lv] == '"' &&
		    (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t'))
			return 1;
	return 0;
}

/* Whether line s[from..to) names `a` (and `b` after it) as DOT IDs, or,
 * with xml, is the element id="a" (or source="a" target="b"). */
static int names(const char *s, size_t from, size_t to, const char *a,
		 const char *b, int xml)
{
	size_t la = strlen(a), lb = b ? strlen(b) : 0;

	if (xml)
		return b ? (has_attr(s, from, to, "source", a) &&
			    has_attr(s, from, to, "target", b)) ||
				   (has_attr(s, from, to, "source", b) &&
				    has_attr(s, from, to, "target", a))
			 : has_attr(s, from, to, "id", a);
	int seen_a = 0;
	size_t i = from, at, len;

	while (next_id(s, &i, to, &at, &len)) {
		if (seen_a && len == lb && !memcmp(s + at, b, lb))
			return 1;
		if (len == la && !memcmp(s + at, a, la)) {
			if (!b)
				return 1;
			seen_a = 1;
		}
	}
	return 0;
}

long ties_imp__name_line(const char *path, const char *a, const char *b,
			 int xml)
{
	size_t n = 0, off = 0;
	char *s = NULL;
	long line = 1, found = 0;

	if (ties_file__read(path, &s, &n) < 0)
		return 0;
	while (off < n && !found) {
		const char *nl = memchr(s + off, '\n', n - off);
		size_t end = nl ? (size_t)(nl - s) : n;

		if (names(s, off, end, a, b, xml))
			found = line;
		off = end + 1;
		line++;
	}
	free(s);
	return found;
}
