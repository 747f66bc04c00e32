/*
 * cli.c — helpers shared by the commands: messages, help, formats, numbers.
 */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cli_usage_error(struct cli_ctx *ctx, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "ties %s: ", ctx->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'ties %s%s--help'.\n", ctx->name,
		*ctx->name ? " " : "");
	return 2;
}

int cli_error(const char *fmt, ...)
{
	va_list ap;

	fputs("ties: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return 1;
}

int cli_db_error(struct cli_ctx *ctx)
{
	return cli_error("%s", ties_errmsg(ctx->db));
}

int cli_help(struct cli_ctx *ctx)
{
	fputs(ctx->usage, stdout);
	return 0;
}

int cli_format(struct cli_ctx *ctx, const char *arg, int *fmt)
{
	int f = ties_format_parse(arg);

	if (f < 0)
		return cli_usage_error(ctx,
				       "unknown format '%s' (table, csv, tsv "
				       "or json)",
				       arg);
	*fmt = f;
	return 0;
}

int cli_print_table(struct cli_ctx *ctx, ties_table *t, int fmt)
{
	int rc = ties_table_write(t, stdout, (enum ties_format)fmt);

	(void)ctx;
	ties_table_free(t);
	if (rc < 0)
		return cli_error("write error: %s", ties_strerror(rc));
	return 0;
}

int cli_long(struct cli_ctx *ctx, const char *opt, const char *arg, long min,
	     long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno || end == arg || *end || v < min)
		return cli_usage_error(ctx,
				       "%s wants a whole number of at least "
				       "%ld, not '%s'",
				       opt, min, arg);
	*out = v;
	return 0;
}

int cli_bad_option(struct cli_ctx *ctx, int opt, char **argv)
{
	const char *arg = optind > 0 ? argv[optind - 1] : "";

	if (opt == ':')
		return cli_usage_error(ctx, "option '%s' needs an argument",
				       arg);
	if (optopt)
		return cli_usage_error(ctx, "unknown option '-%c'", optopt);
	return cli_usage_error(ctx, "unknown option '%s'", arg);
}

int cli_double(struct cli_ctx *ctx, const char *opt, const char *arg,
	       double min, double *out)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(arg, &end);
	if (errno || end == arg || *end || !(v >= min) || v != v ||
	    v > 1e300)
		return cli_usage_error(ctx,
				       "%s wants a number of at least %g, not "
				       "'%s'",
				       opt, min, arg);
	*out = v;
	return 0;
}

void cli_graph_init(struct cli_graph *g)
{
	memset(g, 0, sizeof(*g));
	g->projection = TIES_GRAPH_ENTITY;
}

/* Split a comma list into list k. */
static int add_list(struct cli_ctx *ctx, struct cli_graph *g, int k,
		    const char *opt, char *arg, int lower)
{
	char *p = arg;

	while (p) {
		char *comma = k == 1 ? NULL : strchr(p, ',');

		if (comma)
			*comma = '\0';
		if (!*p)
			return cli_usage_error(ctx, "%s wants a value", opt);
		if (g->nlists[k] == 64)
			return cli_usage_error(ctx, "too many %s values", opt);
		if (lower) {
			char *c;

			for (c = p; *c; c++)
				if (*c >= 'A' && *c <= 'Z')
					*c = (char)(*c + 32);
		}
		g->lists[k][g->nlists[k]++] = p;
		p = comma ? comma + 1 : NULL;
	}
	return 0;
}

int cli_graph_option(struct cli_ctx *ctx, struct cli_graph *g, int opt,
		     char *arg)
{
	int rc = 0;

	switch (opt) {
	case OPT_GRAPH:
		g->projection = ties_projection_parse(arg);
		if (g->projection < 0)
			return cli_usage_error(ctx,
					       "unknown graph '%s' (entity, "
					       "institution, country or "
					       "bipartite)",
					       arg);
		break;
	case OPT_KIND:
		rc = add_list(ctx, g, 0, "--kind", arg, 1);
		break;
	case OPT_COUNTRY:
		rc = add_list(ctx, g, 1, "--country", arg, 0);
		break;
	case OPT_EVENT_KIND:
		rc = add_list(ctx, g, 2, "--event-kind", arg, 1);
		break;
	case OPT_RELATION_KIND:
		rc = add_list(ctx, g, 3, "--relation-kind", arg, 1);
		break;
	case OPT_FROM:
		g->filter.from = arg;
		break;
	case OPT_TO:
		g->filter.to = arg;
		break;
	case OPT_MIN_WEIGHT:
		rc = cli_double(ctx, "--min-weight", arg, 0,
				&g->filter.min_weight);
		break;
	default:
		return 0;
	}
	return rc ? 2 : 1;
}

int cli_graph_build(struct cli_ctx *ctx, struct cli_graph *g,
		    ties_graph **out)
{
	cli_graph_filter(g);
	if (ties_graph_build(ctx->db, out, (enum ties_projection)g->projection,
			     &g->filter) < 0)
		return cli_db_error(ctx);
	return 0;
}

void cli_graph_filter(struct cli_graph *g)
{
	g->filter.kinds = g->lists[0];
	g->filter.nkinds = g->nlists[0];
	g->filter.countries = g->lists[1];
	g->filter.ncountries = g->nlists[1];
	g->filter.event_kinds = g->lists[2];
	g->filter.nevent_kinds = g->nlists[2];
	g->filter.relation_kinds = g->lists[3];
	g->filter.nrelation_kinds = g->nlists[3];
}

int cli_option(struct cli_ctx *ctx, struct cli_graph *g, int *fmt, int opt,
	       char **argv)
{
	int rc;

	if (g && (rc = cli_graph_option(ctx, g, opt, optarg)) != 0)
		return rc == 1 ? CLI_TAKEN : 2;
	switch (opt) {
	case OPT_FORMAT:
		if (!fmt)
			return CLI_OWN;
		rc = cli_format(ctx, optarg, fmt);
		return rc ? rc : CLI_TAKEN;
	case 'h':
		return cli_help(ctx);
	case '?':
	case ':':
		return cli_bad_option(ctx, opt, argv);
	default:
		return CLI_OWN;
	}
}

int cli_no_args(struct cli_ctx *ctx, int argc, char **argv)
{
	if (optind < argc)
		return cli_usage_error(ctx, "unexpected argument '%s'",
				       argv[optind]);
	return 0;
}
