/*
 * options.c — the options the analysis commands share, in one table: the
 * tie graph and its filters, --format and --help. Each row says the
 * option's name, its argument, its help and where its value goes; the
 * parser, the getopt tables and the help's "Graph and filters" section are
 * all made from it, so a new filter is one row here (and a field of
 * ties_filter).
 */
#include <assert.h>
#include <getopt.h>
#include <limits.h>
#include <stddef.h>
#include <string.h>

#include "cli.h"

/* Where a shared option's value goes. */
enum dest {
	TO_PROJECTION, /* cli_graph.projection, by name */
	TO_LIST,       /* one of the filter's lists; commas split it */
	TO_ONE,	       /* one of the filter's lists, one value a time */
	TO_DATE,       /* a date field of ties_filter (YYYY[-MM[-DD]]) */
	TO_NUMBER,     /* a number field of ties_filter, at least 0 */
	TO_FORMAT,     /* the output format */
	TO_HELP,       /* print the help */
	TO_EXCEL,      /* CSV made safe for spreadsheets */
	TO_FLAG,       /* an int field of ties_filter, set to 1 */
	TO_WEIGHT,     /* ties_filter.weight, by name */
};

struct shared_opt {
	unsigned bit;	  /* CLI_OPT_* */
	const char *name; /* long name */
	const char *arg;  /* its argument, NULL for none */
	const char *help; /* help text; \n continues it on the next line */
	enum dest dest;
	int list;   /* TO_LIST, TO_ONE: the list; else unused */
	int fold;   /* TO_LIST, TO_ONE: values in lower case */
	size_t off; /* TO_DATE, TO_NUMBER: offset in ties_filter */
};

static const struct shared_opt shared[] = {
	{CLI_OPT_GRAPH, "graph", "G",
	 "entity (default), institution, country or\nbipartite", TO_PROJECTION,
	 0, 0, 0},
	{CLI_OPT_KIND, "kind", "K",
	 "only entities of kind K (repeat, or K1,K2)", TO_LIST, CLI_LIST_KINDS,
	 1, 0},
	{CLI_OPT_COUNTRY, "country", "C",
	 "only entities whose home country is C", TO_ONE, CLI_LIST_COUNTRIES, 0,
	 0},
	{CLI_OPT_EVENT_KIND, "event-kind", "K", "only events of kind K",
	 TO_LIST, CLI_LIST_EVENT_KINDS, 1, 0},
	{CLI_OPT_RELATION_KIND, "relation-kind", "K",
	 "only relations of kind K", TO_LIST, CLI_LIST_RELATION_KINDS, 1, 0},
	{CLI_OPT_FROM, "from", "DATE",
	 "only events and relations on or after DATE", TO_DATE, 0, 0,
	 offsetof(ties_filter, from)},
	{CLI_OPT_TO, "to", "DATE",
	 "only events and relations on or before DATE\n(partial dates are "
	 "intervals: --to 2025\nincludes 2025-04-08)",
	 TO_DATE, 0, 0, offsetof(ties_filter, to)},
	{CLI_OPT_MIN_WEIGHT, "min-weight", "W", "drop ties weaker than W",
	 TO_NUMBER, 0, 0, offsetof(ties_filter, min_weight)},
	{CLI_OPT_DIRECTED, "directed", NULL,
	 "a directed graph: arcs along directed relation\nkinds and role pairs "
	 "('ties kind'), a pair of\narcs for every other tie",
	 TO_FLAG, 0, 0, offsetof(ties_filter, directed)},
	{CLI_OPT_ROLE, "weight", "MODE",
	 "a tie's weight from its evidence: evidence\n(the number of events "
	 "and "
	 "relations, default),\nsum or mean of their weights",
	 TO_WEIGHT, 0, 0, 0},
	{CLI_OPT_ROLE, "role", "R",
	 "only participations in role R make ties\n(repeat, or R1,R2; events "
	 "only)",
	 TO_LIST, CLI_LIST_ROLES, 0, 0},
	{CLI_OPT_ROLE, "same-role", NULL,
	 "tie two participants of an event only when\nthey hold the same role "
	 "in it (voting alike;\nevents only)",
	 TO_FLAG, 0, 0, offsetof(ties_filter, same_role)},
	{CLI_OPT_ROLE, "share", NULL,
	 "with --same-role or --role: a tie's weight is\nthe share of the "
	 "events both took part in\n(agreement, 0 to 1)",
	 TO_FLAG, 0, 0, offsetof(ties_filter, share)},
	{CLI_OPT_FORMAT, "format", "F", "table, csv, tsv or json", TO_FORMAT, 0,
	 0, 0},
	{CLI_OPT_HELP, "help", NULL, "show this help", TO_HELP, 0, 0, 0},
	{CLI_OPT_FORMAT, "excel-safe", NULL,
	 "with --format csv: a text cell that begins with\n"
	 "= + - @ gets a ' before it, so that a spreadsheet\n"
	 "does not run it as a formula (CSV for people; the\n"
	 "plain CSV is the one to import again)",
	 TO_EXCEL, 0, 0, 0},
};

#define NSHARED (sizeof(shared) / sizeof(shared[0]))
/* getopt codes of the shared options: CLI_OPT_CODE + their row, or
 * CLI_OPT_REFUSED + their row for those the command does not take. */
#define CLI_OPT_CODE	(CHAR_MAX + 1)
#define CLI_OPT_REFUSED (CHAR_MAX + 1 + 24)

void cli_graph_init(struct cli_graph *g)
{
	memset(g, 0, sizeof(*g));
	g->projection = TIES_GRAPH_ENTITY;
}

void cli_graph_filter(struct cli_graph *g)
{
	g->filter.kinds = g->lists[CLI_LIST_KINDS];
	g->filter.nkinds = g->nlists[CLI_LIST_KINDS];
	g->filter.countries = g->lists[CLI_LIST_COUNTRIES];
	g->filter.ncountries = g->nlists[CLI_LIST_COUNTRIES];
	g->filter.event_kinds = g->lists[CLI_LIST_EVENT_KINDS];
	g->filter.nevent_kinds = g->nlists[CLI_LIST_EVENT_KINDS];
	g->filter.relation_kinds = g->lists[CLI_LIST_RELATION_KINDS];
	g->filter.nrelation_kinds = g->nlists[CLI_LIST_RELATION_KINDS];
	g->filter.roles = g->lists[CLI_LIST_ROLES];
	g->filter.nroles = g->nlists[CLI_LIST_ROLES];
}

int cli_graph_given(struct cli_graph *g)
{
	cli_graph_filter(g);
	return g->projection != TIES_GRAPH_ENTITY || g->filter.nkinds ||
	       g->filter.ncountries || g->filter.nevent_kinds ||
	       g->filter.nrelation_kinds || g->filter.from || g->filter.to ||
	       g->filter.min_weight > 0 || g->filter.nroles ||
	       g->filter.same_role || g->filter.share || g->filter.directed ||
	       g->filter.weight != TIES_WEIGHT_EVIDENCE;
}

int cli_graph_build(struct cli_ctx *ctx, struct cli_graph *g, ties_graph **out)
{
	cli_graph_filter(g);
	if (ties_graph_build(ctx->db, out, (enum ties_projection)g->projection,
			     &g->filter) < 0)
		return cli_db_error(ctx);
	return 0;
}

/* Add the values of arg to list k: comma-separated unless one. */
static int add_list(struct cli_ctx *ctx, struct cli_graph *g,
		    const struct shared_opt *o, char *arg)
{
	char *p = arg;

	while (p) {
		char *comma = o->dest == TO_ONE ? NULL : strchr(p, ',');

		if (comma)
			*comma = '\0';
		if (!*p)
			return cli_usage_error(ctx, "--%s wants a value",
					       o->name);
		if (g->nlists[o->list] == CLI_LIST_MAX)
			return cli_usage_error(ctx, "too many --%s values",
					       o->name);
		if (o->fold)
			for (char *c = p; *c; c++)
				if (*c >= 'A' && *c <= 'Z')
					*c = (char)(*c + 32);
		g->lists[o->list][g->nlists[o->list]++] = p;
		p = comma ? comma + 1 : NULL;
	}
	return 0;
}

/* Put the value of shared option o where it goes; 0 or a status. */
static int take(struct cli_parse *p, const struct shared_opt *o, char *arg)
{
	struct cli_ctx *ctx = p->ctx;
	struct cli_graph *g = p->graph;
	char opt[32];

	switch (o->dest) {
	case TO_PROJECTION:
		if ((g->projection = ties_projection_parse(arg)) < 0)
			return cli_usage_error(ctx,
					       "unknown graph '%s' (entity, "
					       "institution, country or "
					       "bipartite)",
					       arg);
		return 0;
	case TO_LIST:
	case TO_ONE:
		return add_list(ctx, g, o, arg);
	case TO_DATE:
		if (ties_date_check(arg) < 0)
			return cli_usage_error(ctx,
					       "--%s '%s' is not a date "
					       "(YYYY, YYYY-MM or YYYY-MM-DD)",
					       o->name, arg);
		*(const char **)((char *)&g->filter + o->off) = arg;
		return 0;
	case TO_NUMBER:
		snprintf(opt, sizeof(opt), "--%s", o->name);
		return cli_double(ctx, opt, arg, 0,
				  (double *)((char *)&g->filter + o->off));
	case TO_FORMAT:
		return cli_format(ctx, arg, p->format);
	case TO_HELP:
		cli_help(ctx);
		return -1;
	case TO_EXCEL:
		p->excel = 1;
		return 0;
	case TO_FLAG:
		*(int *)((char *)&g->filter + o->off) = 1;
		return 0;
	case TO_WEIGHT: {
		int m = ties_weight_mode_parse(arg);

		if (m < 0)
			return cli_usage_error(
				ctx,
				"unknown --weight '%s' (evidence, "
				"sum or mean)",
				arg);
		g->filter.weight = (enum ties_weight_mode)m;
		return 0;
	}
	}
	return 0;
}

void cli_parse_init(struct cli_parse *p, struct cli_ctx *ctx, int argc,
		    char **argv, const char *shortopts,
		    const struct option *own, struct cli_graph *graph,
		    int *format)
{
	size_t n = 0;

	memset(p, 0, sizeof(*p));
	p->ctx = ctx;
	p->argc = argc;
	p->argv = argv;
	p->shortopts = shortopts;
	p->graph = graph;
	p->format = format;
	if (graph)
		cli_graph_init(graph);
	for (; own && own->name; own++) {
		assert(n + NSHARED <
		       sizeof(p->longopts) / sizeof(p->longopts[0]));
		p->longopts[n++] = *own;
	}
	for (size_t i = 0; i < NSHARED; i++) {
		unsigned bit = shared[i].bit;
		int takes = (ctx->opts & bit) &&
			    !((bit & (CLI_OPT_GRAPH_ALL | CLI_OPT_DIRECTED)) &&
			      !graph) &&
			    !(bit == CLI_OPT_FORMAT && !format);

		/* A command that takes some of the graph's options knows the
		 * others, to say they do not apply to it. */
		if (!takes && !((bit & CLI_OPT_GRAPH_ALL) && graph &&
				(ctx->opts & CLI_OPT_GRAPH_ALL)))
			continue;
		p->longopts[n].name = shared[i].name;
		p->longopts[n].has_arg =
			shared[i].arg ? required_argument : no_argument;
		p->longopts[n].flag = NULL;
		p->longopts[n].val =
			(takes ? CLI_OPT_CODE : CLI_OPT_REFUSED) + (int)i;
		n++;
	}
	memset(&p->longopts[n], 0, sizeof(p->longopts[n]));
	optind = 0;
}

int cli_parse_next(struct cli_parse *p)
{
	int opt;

	while ((opt = getopt_long(p->argc, p->argv, p->shortopts, p->longopts,
				  NULL)) != -1) {
		int rc;

		if (opt >= CLI_OPT_CODE && opt < CLI_OPT_CODE + (int)NSHARED) {
			rc = take(p, &shared[opt - CLI_OPT_CODE], optarg);
		} else if (opt >= CLI_OPT_REFUSED &&
			   opt < CLI_OPT_REFUSED + (int)NSHARED) {
			rc = cli_usage_error(p->ctx,
					     "--%s does not apply to 'ties %s'",
					     shared[opt - CLI_OPT_REFUSED].name,
					     p->ctx->name);
		} else if (opt == 'h') {
			cli_help(p->ctx);
			rc = -1;
		} else if (opt == '?' || opt == ':') {
			rc = cli_bad_option(p->ctx, opt, p->argv);
		} else {
			return opt;
		}
		if (rc != 0) {
			/* --help stops with success. */
			p->status = rc < 0 ? 0 : rc;
			return CLI_STOP;
		}
	}
	if (p->excel) {
		if (!p->format || *p->format != TIES_FORMAT_CSV) {
			p->status =
				cli_usage_error(p->ctx, "--excel-safe goes "
							"with --format csv");
			return CLI_STOP;
		}
		*p->format = TIES_FORMAT_CSV_EXCEL;
	}
	return -1;
}

void cli_shared_help(FILE *f, unsigned opts)
{
	int first = 1;

	for (size_t i = 0; i < NSHARED; i++) {
		const char *h = shared[i].help;

		if (shared[i].dest != TO_EXCEL || !(opts & shared[i].bit))
			continue;
		fprintf(f, "\nOutput:\n  --%-17s", shared[i].name);
		for (const char *nl; (nl = strchr(h, '\n')); h = nl + 1)
			fprintf(f, "%.*s\n%21s", (int)(nl - h), h, "");
		fprintf(f, "%s\n", h);
	}

	for (size_t i = 0; i < NSHARED; i++) {
		const char *h = shared[i].help;
		char left[32];

		if (!(shared[i].bit & (CLI_OPT_GRAPH_ALL | CLI_OPT_DIRECTED) &
		      opts))
			continue;
		if (first)
			fputs(opts & CLI_OPT_GRAPH
				      ? "\nGraph and filters (applied before "
					"projection):\n"
				      : "\nFilters:\n",
			      f);
		first = 0;
		snprintf(left, sizeof(left), "--%s %s", shared[i].name,
			 shared[i].arg ? shared[i].arg : "");
		fprintf(f, "  %-19s", left);
		for (const char *nl; (nl = strchr(h, '\n')); h = nl + 1)
			fprintf(f, "%.*s\n%21s", (int)(nl - h), h, "");
		fprintf(f, "%s\n", h);
	}
}

int cli_parse_shared(struct cli_ctx *ctx, int argc, char **argv,
		     struct cli_graph *graph, int *format)
{
	struct cli_parse p;
	int opt;

	cli_parse_init(&p, ctx, argc, argv, ":h", NULL, graph, format);
	while ((opt = cli_parse_next(&p)) != -1)
		if (opt == CLI_STOP)
			return p.status ? p.status : -1;
	return 0;
}
