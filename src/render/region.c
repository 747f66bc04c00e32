/*
 * region.c — the world region of a country, for colouring diagrams of
 * countries: the UN M49 sub-regions (Western Africa, Central America,
 * Western Europe, …) as CLDR's territory containment gives them (Debian
 * unicode-cldr-core: supplementalData.xml, and en.xml for their names).
 * Read once a process; a machine without CLDR has no regions.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/render_int.h"

#define CLDR "/usr/share/unicode/cldr/common/"

struct region {
	char code[8];	/* M49, "011" */
	char name[48];	/* "Western Africa" */
};

static struct {
	int loaded;
	struct region r[64];
	size_t nr;
	char country[32 * 32][3]; /* alpha-2, lower case */
	unsigned char of[32 * 32];  /* index into r */
	size_t nc;
} cldr;

/* The value of attribute `name` in the tag at p (up to its '>'). */
static int attr(const char *p, const char *name, char *out, size_t cap)
{
	const char *end = strchr(p, '>'), *a;
	size_t n = strlen(name);

	for (a = p; a && a < end && (a = strstr(a, name)); a += n)
		if (a < end && a[n] == '=' && a[n + 1] == '"' &&
		    isspace((unsigned char)a[-1])) {
			const char *v = a + n + 2, *q = strchr(v, '"');

			if (!q || q > end || (size_t)(q - v) >= cap)
				return 0;
			memcpy(out, v, (size_t)(q - v));
			out[q - v] = '\0';
			return 1;
		}
	return 0;
}

/* The sub-regions: groups whose members are countries (two letters), not
 * "grouping" nor "deprecated" ones. */
static void load(void)
{
	char *sup, *en, *p, type[8], contains[512], flag[32];
	size_t len;
	const char *end;

	cldr.loaded = 1;
	if (ties_file__read(CLDR "supplemental/supplementalData.xml", &sup,
			    &len) < 0)
		return;
	if (ties_file__read(CLDR "main/en.xml", &en, &len) < 0)
		en = NULL;
	p = strstr(sup, "<territoryContainment>");
	end = p ? strstr(p, "</territoryContainment>") : NULL;
	for (; p && (p = strstr(p, "<group ")) && (!end || p < end); p++) {
		const char *tok;
		struct region *r;

		if (!attr(p, "type", type, sizeof(type)) ||
		    !attr(p, "contains", contains, sizeof(contains)) ||
		    attr(p, "status", flag, sizeof(flag)) ||
		    attr(p, "grouping", flag, sizeof(flag)) ||
		    !isupper((unsigned char)contains[0]) ||
		    !isdigit((unsigned char)type[0]) ||
		    cldr.nr == sizeof(cldr.r) / sizeof(cldr.r[0]))
			continue;
		r = &cldr.r[cldr.nr];
		snprintf(r->code, sizeof(r->code), "%s", type);
		snprintf(r->name, sizeof(r->name), "region %s", type);
		if (en) {
			char want[64], *q;

			snprintf(want, sizeof(want), "<territory type=\"%s\">",
				 type);
			if ((q = strstr(en, want))) {
				char *e = strchr(q += strlen(want), '<');

				if (e && e - q < (long)sizeof(r->name))
					snprintf(r->name, sizeof(r->name),
						 "%.*s", (int)(e - q), q);
			}
		}
		for (tok = strtok(contains, " "); tok; tok = strtok(NULL, " "))
			if (strlen(tok) == 2 &&
			    cldr.nc < sizeof(cldr.of) / sizeof(cldr.of[0])) {
				cldr.country[cldr.nc][0] =
					(char)tolower((unsigned char)tok[0]);
				cldr.country[cldr.nc][1] =
					(char)tolower((unsigned char)tok[1]);
				cldr.country[cldr.nc][2] = '\0';
				cldr.of[cldr.nc++] = (unsigned char)cldr.nr;
			}
		cldr.nr++;
	}
	free(sup);
	free(en);
}

const char *ties_rd__region(const char *country)
{
	if (!cldr.loaded)
		load();
	for (size_t i = 0; country && i < cldr.nc; i++)
		if (!strcmp(cldr.country[i], country))
			return cldr.r[cldr.of[i]].name;
	return NULL;
}
