/*
 * draw_colour.c — the colours of a diagram: the categories (country,
 * region, community) of the drawn nodes by frequency, the first twelve
 * given ColorBrewer's Set3, the communities found for drawing, and each
 * node's rank by score (for its label).
 */
#include <stdlib.h>
#include <string.h>

#include "graph/graph.h"
#include "render/draw_int.h"

/*
 * The fills of the 12 most frequent categories drawn: ColorBrewer's
 * qualitative "Set3" of 12 classes (Cynthia Brewer, colorbrewer2.org),
 * pastels that keep black labels readable, its grey swapped for a light
 * khaki so that grey can mean "other". The rest share OTHER.
 */
const char *const ties_rd__palette[NPALETTE] = {
	"#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462",
	"#b3de69", "#fccde5", "#e5d8bd", "#bc80bd", "#ccebc5", "#ffed6f"};

/* The name of a node's country (a country's own name). */
const char *ties_rd__country_name(const struct ties_graph_node *n)
{
	if (!strcmp(n->kind, "country"))
		return n->name;
	return n->country_name ? n->country_name : n->country;
}

void ties_rd__kept_release(ties_graph *sub)
{
	free(sub->nodes);
	free(sub->ea);
	free(sub->eb);
	free(sub->ew);
	memset(sub, 0, sizeof(*sub));
}

int ties_rd__kept_graph(const ties_graph *g, const unsigned char *keep,
			ties_graph *sub)
{
	uint32_t *at = malloc((g->n + 1) * sizeof(*at));

	memset(sub, 0, sizeof(*sub));
	if (!at || !(sub->nodes = malloc((g->n + 1) * sizeof(*sub->nodes))) ||
	    !(sub->ea = malloc((g->m + 1) * sizeof(*sub->ea))) ||
	    !(sub->eb = malloc((g->m + 1) * sizeof(*sub->eb))) ||
	    !(sub->ew = malloc((g->m + 1) * sizeof(*sub->ew)))) {
		free(at);
		ties_rd__kept_release(sub);
		return TIES_ENOMEM;
	}
	sub->db = g->db;
	sub->projection = g->projection;
	for (size_t i = 0; i < g->n; i++)
		if (keep[i]) {
			at[i] = (uint32_t)sub->n;
			sub->nodes[sub->n++] = g->nodes[i];
		}
	for (size_t e = 0; e < g->m; e++)
		if (keep[g->ea[e]] && keep[g->eb[e]]) {
			sub->ea[sub->m] = at[g->ea[e]];
			sub->eb[sub->m] = at[g->eb[e]];
			sub->ew[sub->m++] = g->ew[e];
		}
	sub->capn = sub->n;
	sub->capm = sub->m;
	free(at);
	return 0;
}

/*
 * Each drawn node's community: the best of o->runs Leiden runs (10 unless
 * said), as `ties communities --runs` finds them, on the drawn nodes and
 * the ties among them (in the graph's order): what the picture shows, and
 * the same whether the graph is whole or a focus read from the snapshot.
 */
int ties_rd__node_communities(ties_db *db, const ties_graph *g,
			      const ties_draw_opts *o,
			      const unsigned char *keep, int **out)
{
	ties_community_opts co = {TIES_LEIDEN, 1.0, 1, 1, 1};
	ties_table *ct = NULL;
	int *community = calloc(g->n + 1, sizeof(*community));
	ties_graph sub;
	ties_strmap ids = {0};
	int rc = TIES_ENOMEM;

	*out = community;
	memset(&sub, 0, sizeof(sub));
	if (!community || ties_rd__kept_graph(g, keep, &sub) < 0)
		goto done;
	for (size_t i = 0; i < g->n; i++)
		if (keep[i] &&
		    ties_strmap__put(&ids, g->nodes[i].id, (long)i, NULL) < 0)
			goto done;
	co.runs = o->runs > 0 ? (int)o->runs : 10;
	if ((rc = ties_communities(db, &ct, &sub, &co, NULL)) < 0)
		goto done;
	for (size_t i = 0; i < ties_table_nrows(ct); i++) {
		long v = -1;

		if (ties_strmap__get(&ids, ties_table_text(ct, i, 0), &v))
			community[v] = (int)ties_table_int(ct, i, 4);
	}
	rc = 0;
done:
	if (rc == TIES_ENOMEM)
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	ties_strmap__release(&ids);
	ties_table_free(ct);
	ties_rd__kept_release(&sub);
	return rc;
}

/* The country of a node (a country its own), or NULL. */
const char *ties_rd__country_of(const struct ties_graph_node *nd)
{
	return !strcmp(nd->kind, "country") ? nd->id : nd->country;
}

/* Per node, its category of colour; categories by frequency among the
 * drawn nodes (then by label), so the same data give the same colours and
 * no two of the first NPALETTE share one. */
int ties_rd__categories(const ties_graph *g, struct scene *sc)
{
	ties_strmap idx = {0};
	size_t n = g->n;
	char num[32];
	int rc = TIES_ENOMEM;

	if (!(sc->cat = malloc((n + 1) * sizeof(*sc->cat))) ||
	    !(sc->ckey = calloc(n + 1, sizeof(*sc->ckey))) ||
	    !(sc->clabel = calloc(n + 1, sizeof(*sc->clabel))) ||
	    !(sc->ccount = calloc(n + 1, sizeof(*sc->ccount))))
		goto done;
	for (size_t i = 0; i < n; i++) {
		const struct ties_graph_node *nd = &g->nodes[i];
		const char *key = NULL, *label = NULL;
		long c;
		int had;

		sc->cat[i] = -1;
		if (!sc->keep[i] || sc->color_by == TIES_COLOR_NONE)
			continue;
		if (sc->color_by == TIES_COLOR_COMMUNITY) {
			snprintf(num, sizeof(num), "community %d",
				 sc->community[i]);
			key = label = num;
		} else if (sc->color_by == TIES_COLOR_REGION) {
			key = label = ties_rd__region(ties_rd__country_of(nd));
		} else if ((key = ties_rd__country_of(nd))) {
			label = ties_rd__country_name(nd);
		}
		if (!key)
			continue;
		if ((had = ties_strmap__put(&idx, key, (long)sc->ncat, &c)) < 0)
			goto done;
		if (!had) {
			c = (long)sc->ncat++;
			if (!(sc->ckey[c] = strdup(key)) ||
			    !(sc->clabel[c] = strdup(label ? label : key)))
				goto done;
		}
		sc->ccount[c]++;
		sc->cat[i] = c;
	}
	/* Rank the categories: most nodes first, then by label. */
	{
		size_t k = sc->ncat;
		long *order = malloc((k + 1) * sizeof(*order));
		long *place = malloc((k + 1) * sizeof(*place));
		char **key2 = malloc((k + 1) * sizeof(*key2));
		char **lab2 = malloc((k + 1) * sizeof(*lab2));
		long *cnt2 = malloc((k + 1) * sizeof(*cnt2));

		if (!order || !place || !key2 || !lab2 || !cnt2) {
			free(order);
			free(place);
			free(key2);
			free(lab2);
			free(cnt2);
			goto done;
		}
		for (size_t i = 0; i < k; i++)
			order[i] = (long)i;
		/* Insertion by (count desc, label): k is small. */
		for (size_t i = 1; i < k; i++)
			for (size_t j = i; j > 0; j--) {
				long x = order[j - 1], y = order[j];

				if (sc->ccount[x] > sc->ccount[y] ||
				    (sc->ccount[x] == sc->ccount[y] &&
				     strcmp(sc->clabel[x], sc->clabel[y]) <= 0))
					break;
				order[j - 1] = y;
				order[j] = x;
			}
		for (size_t i = 0; i < k; i++) {
			place[order[i]] = (long)i;
			key2[i] = sc->ckey[order[i]];
			lab2[i] = sc->clabel[order[i]];
			cnt2[i] = sc->ccount[order[i]];
		}
		for (size_t i = 0; i < k; i++) {
			sc->ckey[i] = key2[i];
			sc->clabel[i] = lab2[i];
			sc->ccount[i] = cnt2[i];
		}
		for (size_t i = 0; i < n; i++)
			if (sc->cat[i] >= 0)
				sc->cat[i] = place[sc->cat[i]];
		free(order);
		free(place);
		free(key2);
		free(lab2);
		free(cnt2);
	}
	rc = 0;
done:
	ties_strmap__release(&idx);
	return rc;
}

void ties_rd__categories_release(struct scene *sc)
{
	for (size_t k = 0; k < sc->ncat; k++) {
		free(sc->ckey[k]);
		free(sc->clabel[k]);
	}
	free(sc->ckey);
	free(sc->clabel);
	free(sc->ccount);
	free(sc->cat);
	sc->ckey = sc->clabel = NULL;
	sc->ccount = sc->cat = NULL;
	sc->ncat = 0;
}

const char *ties_rd__fill_of(const struct scene *sc, size_t i)
{
	long c = sc->cat[i];

	return c >= 0 && (size_t)c < NPALETTE ? ties_rd__palette[c] : OTHER;
}

/* Each drawn node's place by score (0 the highest), ties by node order. */
int ties_rd__ranks(const ties_graph *g, struct scene *sc)
{
	struct ties_scored *idx = malloc((g->n + 1) * sizeof(*idx));
	size_t k = 0;

	if (!idx || !(sc->rank = malloc((g->n + 1) * sizeof(*sc->rank)))) {
		free(idx);
		return TIES_ENOMEM;
	}
	for (size_t i = 0; i < g->n; i++) {
		sc->rank[i] = -1;
		if (sc->keep[i]) {
			idx[k].s = sc->score[i];
			idx[k++].i = i;
		}
	}
	qsort(idx, k, sizeof(*idx), ties_scored__cmp);
	for (size_t r = 0; r < k; r++)
		sc->rank[idx[r].i] = (long)r;
	free(idx);
	return 0;
}
