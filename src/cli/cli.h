/*
 * cli.h — what the commands of the ties program share. The program sees
 * libties only through ties.h.
 */
#ifndef TIES_CLI_H
#define TIES_CLI_H

#include <limits.h>
#include <stdio.h>

#include "ties.h"

#if defined(__GNUC__)
#define CLI_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define CLI_PRINTF(f, a)
#endif

/* Command flags. */
enum cli_flags {
	CLI_NEEDS_DB = 1u << 0, /* open the database (it must exist) */
	CLI_CREATES = 1u << 1,	/* create and seed the database if missing */
};

struct cli_ctx {
	const char *db_path;
	ties_db *db;	   /* open when the command has CLI_NEEDS_DB */
	int progress;	   /* stderr is a terminal: show progress */
	int created;	   /* this run created the database */
	const char *name;  /* the command's name */
	const char *usage; /* the command's help text */
};

struct cli_cmd {
	const char *name;
	int (*fn)(int argc, char **argv, struct cli_ctx *ctx);
	unsigned flags;
	const char *summary;
	const char *usage;
};

/* Long-only options use values above CHAR_MAX. */
enum {
	OPT_FORMAT = CHAR_MAX + 1,
	OPT_GRAPH,
	OPT_KIND,
	OPT_COUNTRY,
	OPT_EVENT_KIND,
	OPT_RELATION_KIND,
	OPT_FROM,
	OPT_TO,
	OPT_MIN_WEIGHT,
	OPT_FIRST_FREE
};

/* The graph and filter options every analysis command takes. */
#define CLI_GRAPH_OPTIONS                                                      	{"graph", required_argument, NULL, OPT_GRAPH},                         		{"kind", required_argument, NULL, OPT_KIND},                   		{"country", required_argument, NULL, OPT_COUNTRY},             		{"event-kind", required_argument, NULL, OPT_EVENT_KIND},       		{"relation-kind", required_argument, NULL, OPT_RELATION_KIND}, 		{"from", required_argument, NULL, OPT_FROM},                   		{"to", required_argument, NULL, OPT_TO},                       		{"min-weight", required_argument, NULL, OPT_MIN_WEIGHT}

#define CLI_GRAPH_HELP                                                         	"Graph and filters (applied before projection):\n"                     	"  --graph G          entity (default), institution, country or\n"     	"                     bipartite\n"                                     	"  --kind K           only entities of kind K (repeat, or K1,K2)\n"    	"  --country C        only entities whose home country is C\n"         	"  --event-kind K     only events of kind K\n"                         	"  --relation-kind K  only relations of kind K\n"                      	"  --from DATE        only events and relations on or after DATE\n"    	"  --to DATE          only events and relations on or before DATE\n"   	"                     (partial dates are intervals: --to 2025\n"       	"                     includes 2025-04-08)\n"                          	"  --min-weight W     drop ties weaker than W\n"

/* The graph options as parsed. */
struct cli_graph {
	int projection;
	ties_filter filter;
	const char *lists[4][64]; /* kinds, countries, event, relation kinds */
	size_t nlists[4];
};

void cli_graph_init(struct cli_graph *g);
/* Take a graph option: 1 when `opt` was one, 0 when not, 2 on a usage
 * error (already reported). */
int cli_graph_option(struct cli_ctx *ctx, struct cli_graph *g, int opt,
		     char *arg);
/*
 * The options analysis commands share: the graph options (g), --format
 * (fmt; NULL when the command has none), -h, and getopt's reports of
 * unknown options and missing arguments. Returns CLI_OWN when `opt` is the
 * command's own, CLI_TAKEN when it was taken, else the status to return.
 */
enum { CLI_OWN = -1, CLI_TAKEN = -2 };
int cli_option(struct cli_ctx *ctx, struct cli_graph *g, int *fmt, int opt,
	       char **argv);
/* A usage error (2) when arguments remain after the options, else 0. */
int cli_no_args(struct cli_ctx *ctx, int argc, char **argv);

/* Point the filter at the parsed lists (cli_graph_build does it too). */
void cli_graph_filter(struct cli_graph *g);
/* Build the graph; returns 0 or 1 (reported). */
int cli_graph_build(struct cli_ctx *ctx, struct cli_graph *g,
		    ties_graph **out);
/* Parse a number into *out; returns 0 or the usage error's status. */
int cli_double(struct cli_ctx *ctx, const char *opt, const char *arg,
	       double min, double *out);

/* "ties CMD: message", then "Try 'ties CMD --help'."; returns 2. */
int cli_usage_error(struct cli_ctx *ctx, const char *fmt, ...) CLI_PRINTF(2, 3);
/* "ties: message"; returns 1. */
int cli_error(const char *fmt, ...) CLI_PRINTF(1, 2);
/* "ties: " and the handle's message; returns 1. */
int cli_db_error(struct cli_ctx *ctx);
/* Print the command's help to stdout; returns 0. */
int cli_help(struct cli_ctx *ctx);
/* Parse --format; returns 0 or the usage error's status. */
int cli_format(struct cli_ctx *ctx, const char *arg, int *fmt);
/* Write a table to stdout and free it; returns 0 or 1. */
int cli_print_table(struct cli_ctx *ctx, ties_table *t, int fmt);
/* Parse a whole number into *out; returns 0 or the usage error's status. */
int cli_long(struct cli_ctx *ctx, const char *opt, const char *arg, long min,
	     long *out);
/* Report getopt's '?' (unknown option) or ':' (missing argument); option
 * strings start with ":" (or "+:") so that getopt tells them apart. */
int cli_bad_option(struct cli_ctx *ctx, int opt, char **argv);

int cmd_add(int argc, char **argv, struct cli_ctx *ctx);
int cmd_between(int argc, char **argv, struct cli_ctx *ctx);
int cmd_brokers(int argc, char **argv, struct cli_ctx *ctx);
int cmd_communities(int argc, char **argv, struct cli_ctx *ctx);
int cmd_countries(int argc, char **argv, struct cli_ctx *ctx);
int cmd_diff(int argc, char **argv, struct cli_ctx *ctx);
int cmd_draw(int argc, char **argv, struct cli_ctx *ctx);
int cmd_export(int argc, char **argv, struct cli_ctx *ctx);
/* "imported N rows: ..." on standard error. */
void cli_import_summary(const ties_import_stats *st);
int cmd_extract(int argc, char **argv, struct cli_ctx *ctx);
int cmd_report(int argc, char **argv, struct cli_ctx *ctx);
int cmd_neighbors(int argc, char **argv, struct cli_ctx *ctx);
int cmd_path(int argc, char **argv, struct cli_ctx *ctx);
int cmd_timeline(int argc, char **argv, struct cli_ctx *ctx);
int cmd_components(int argc, char **argv, struct cli_ctx *ctx);
int cmd_rank(int argc, char **argv, struct cli_ctx *ctx);
int cmd_find(int argc, char **argv, struct cli_ctx *ctx);
int cmd_import(int argc, char **argv, struct cli_ctx *ctx);
int cmd_init(int argc, char **argv, struct cli_ctx *ctx);
int cmd_list(int argc, char **argv, struct cli_ctx *ctx);
int cmd_remove(int argc, char **argv, struct cli_ctx *ctx);
int cmd_show(int argc, char **argv, struct cli_ctx *ctx);
int cmd_stats(int argc, char **argv, struct cli_ctx *ctx);

extern const char cmd_between_usage[], cmd_brokers_usage[],
	cmd_countries_usage[], cmd_diff_usage[], cmd_draw_usage[],
	cmd_report_usage[], cmd_export_usage[], cmd_extract_usage[],
	cmd_neighbors_usage[],
	cmd_path_usage[], cmd_timeline_usage[];
extern const char cmd_add_usage[], cmd_communities_usage[],
	cmd_components_usage[], cmd_rank_usage[], cmd_find_usage[],
	cmd_import_usage[],
	cmd_init_usage[], cmd_list_usage[], cmd_remove_usage[],
	cmd_show_usage[], cmd_stats_usage[];

#endif
