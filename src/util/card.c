/*
 * card.c — entity cards (ties show) written for people or as JSON; the
 * card is filled by store/query.c.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "table_int.h"

#include "util/card.h"

static void human_field(FILE *f, const char *label, const char *value)
{
	ties_buf b = TIES_BUF_INIT;

	if (!value)
		return;
	ties_display__escape(&b, value);
	fprintf(f, "  %-10s %s\n", label, ties_buf__str(&b));
	ties_buf__release(&b);
}

/* Text of a cell by column name; NULL when absent or empty. */
static const char *get(const ties_table *t, size_t r, const char *name)
{
	size_t c;

	for (c = 0; c < t->ncols; c++)
		if (!strcmp(t->names[c], name)) {
			const char *s = ties_tb__cell(t, r, c)->text;

			return s && *s ? s : NULL;
		}
	return NULL;
}

/* Append " · label: value" (or the value alone when label is NULL). */
static void detail(ties_buf *b, const char *label, const char *value)
{
	if (!value)
		return;
	if (b->len)
		ties_buf__puts(b, " · ");
	if (label)
		ties_buf__printf(b, "%s: ", label);
	ties_buf__puts(b, value);
}

void ties_display__escape_line(FILE *f, ties_buf *b, const char *indent)
{
	ties_buf e = TIES_BUF_INIT;

	if (!b->len)
		return;
	ties_display__escape(&e, ties_buf__str(b));
	fprintf(f, "%s%s\n", indent, ties_buf__str(&e));
	ties_buf__release(&e);
	ties_buf__clear(b);
}

static void write_card_human(const ties_card *c, FILE *f)
{
	const ties_table *t;
	ties_buf b = TIES_BUF_INIT;
	size_t i;

	ties_buf__puts(&b, c->name);
	ties_display__escape_line(f, &b, "");
	human_field(f, "id", c->id);
	human_field(f, "kind", c->kind);
	if (c->country) {
		ties_buf__printf(&b, "%s (%s)", c->country,
				 c->country_name ? c->country_name : "");
		human_field(f, "country", ties_buf__str(&b));
		ties_buf__clear(&b);
	}
	if (c->aliases->nrows) {
		for (i = 0; i < c->aliases->nrows; i++) {
			if (i)
				ties_buf__puts(&b, " | ");
			ties_buf__puts(&b, ties_table_text(c->aliases, i, 0));
		}
		human_field(f, "aliases", ties_buf__str(&b));
		ties_buf__clear(&b);
	}
	for (i = 0; i < c->attributes->nrows; i++)
		human_field(f, ties_table_text(c->attributes, i, 0),
			    ties_table_text(c->attributes, i, 1));

	t = c->sections[CARD_RELATIONS];
	if (t->nrows)
		fprintf(f, "\nrelations (%zu)\n", t->nrows);
	for (i = 0; i < t->nrows; i++) {
		int out = !strcmp(get(t, i, "direction"), "out");
		const char *start = get(t, i, "start"), *end = get(t, i, "end");

		ties_buf__printf(&b, "%s %s %s (%s)", get(t, i, "kind"),
				 out ? "→" : "←", get(t, i, "other"),
				 get(t, i, "other_name"));
		ties_display__escape_line(f, &b, "  ");
		detail(&b, "role", get(t, i, "role"));
		if (start || end) {
			ties_buf d = TIES_BUF_INIT;

			ties_buf__printf(&d, "%s – %s", start ? start : "…",
					 end ? end : "…");
			detail(&b, "dates", ties_buf__str(&d));
			ties_buf__release(&d);
		}
		detail(&b, "weight", get(t, i, "weight"));
		detail(&b, "source", get(t, i, "source"));
		ties_display__escape_line(f, &b, "      ");
	}

	t = c->sections[CARD_EVENTS];
	if (t->nrows)
		fprintf(f, "\nevents (%zu)\n", t->nrows);
	for (i = 0; i < t->nrows; i++) {
		const char *date = get(t, i, "date");

		ties_buf__printf(&b, "%s  %s  %s [%s]", date ? date : "????",
				 get(t, i, "kind"),
				 get(t, i, "title") ? get(t, i, "title") : "",
				 get(t, i, "event"));
		ties_display__escape_line(f, &b, "  ");
		detail(&b, "role", get(t, i, "role"));
		detail(&b, "weight", get(t, i, "weight"));
		detail(&b, "at", get(t, i, "place"));
		detail(&b, "source", get(t, i, "source"));
		ties_display__escape_line(f, &b, "      ");
		detail(&b, "with", get(t, i, "with"));
		ties_display__escape_line(f, &b, "      ");
	}

	t = c->sections[CARD_SOURCES];
	if (t->nrows)
		fprintf(f, "\nsources (%zu)\n", t->nrows);
	for (i = 0; i < t->nrows; i++) {
		ties_buf__printf(&b, "[%s] %s", get(t, i, "id"),
				 get(t, i, "title") ? get(t, i, "title") : "");
		ties_display__escape_line(f, &b, "  ");
		detail(&b, NULL, get(t, i, "publisher"));
		detail(&b, NULL, get(t, i, "date"));
		detail(&b, NULL, get(t, i, "url"));
		ties_display__escape_line(f, &b, "      ");
	}
	ties_buf__release(&b);
}

static json_t *card_json(const ties_card *c)
{
	json_t *o = json_object(), *attrs = json_object(),
	       *aliases = json_array();
	size_t i;

	if (!o || !attrs || !aliases)
		goto oom;
	json_object_set_new(o, "id", json_string(c->id));
	json_object_set_new(o, "kind", json_string(c->kind));
	json_object_set_new(o, "name", json_string(c->name));
	json_object_set_new(o, "country",
			    c->country ? json_string(c->country) : json_null());
	json_object_set_new(o, "country_name",
			    c->country_name ? json_string(c->country_name)
					    : json_null());
	for (i = 0; i < c->aliases->nrows; i++)
		json_array_append_new(aliases, json_string(ties_table_text(
						       c->aliases, i, 0)));
	json_object_set_new(o, "aliases", aliases);
	aliases = NULL;
	for (i = 0; i < c->attributes->nrows; i++)
		json_object_set_new(
			attrs, ties_table_text(c->attributes, i, 0),
			json_string(ties_table_text(c->attributes, i, 1)));
	json_object_set_new(o, "attributes", attrs);
	attrs = NULL;
	for (i = 0; i < CARD_NSECTIONS; i++)
		json_object_set_new(o, card_section_names[i],
				    ties_table__json(c->sections[i]));
	return o;
oom:
	json_decref(o);
	json_decref(attrs);
	json_decref(aliases);
	return NULL;
}

int ties_card_write(const ties_card *c, FILE *f, enum ties_format fmt)
{
	ties_card *const one[1] = {(ties_card *)c};

	return ties_cards_write(one, 1, f, fmt);
}

int ties_cards_write(ties_card *const *cards, size_t n, FILE *f,
		     enum ties_format fmt)
{
	size_t i;
	int rc = 0;

	if (fmt == TIES_FORMAT_JSON) {
		json_t *arr = json_array();

		for (i = 0; arr && i < n; i++)
			if (json_array_append_new(arr, card_json(cards[i])) <
			    0) {
				json_decref(arr);
				arr = NULL;
			}
		rc = ties_tb__json_dump_checked(arr, f);
		json_decref(arr);
	} else if (fmt == TIES_FORMAT_TABLE) {
		for (i = 0; i < n; i++) {
			if (i)
				fputc('\n', f);
			write_card_human(cards[i], f);
		}
	} else {
		return TIES_EINVALID;
	}
	if (rc == 0 && ferror(f))
		rc = TIES_EIO;
	return rc;
}
