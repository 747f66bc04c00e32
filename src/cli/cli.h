/*
 * cli.h — what the commands of the ties program share. The program sees
 * libties only through ties.h.
 */
#ifndef TIES_CLI_H
#define TIES_CLI_H

#include <getopt.h>
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
	long ncountries;   /* ... with this many countries */
	const char *name;  /* the command's name */
	const char *usage; /* the command's help text */
	unsigned opts;	   /* the shared options it takes (CLI_OPT_*) */
};

struct cli_cmd {
	const char *name;
	int (*fn)(int argc, char **argv, struct cli_ctx *ctx);
	unsigned flags;
	unsigned opts; /* the shared options it takes (CLI_OPT_*) */
	const char *summary;
	const char *usage;
};

/* The shared options (options.c), as bits: a command takes those its row
 * in the command table names. */
enum cli_opt_bits {
	CLI_OPT_GRAPH = 1u << 0,
	CLI_OPT_KIND = 1u << 1,
	CLI_OPT_COUNTRY = 1u << 2,
	CLI_OPT_EVENT_KIND = 1u << 3,
	CLI_OPT_RELATION_KIND = 1u << 4,
	CLI_OPT_FROM = 1u << 5,
	CLI_OPT_TO = 1u << 6,
	CLI_OPT_MIN_WEIGHT = 1u << 7,
	CLI_OPT_FORMAT = 1u << 8,
	CLI_OPT_HELP = 1u << 9,
	CLI_OPT_ROLE = 1u << 10, /* --role, --same-role, --share */
	CLI_OPT_DIRECTED = 1u << 11, /* --directed (rank, export) */
	CLI_OPT_GRAPH_ALL = ((1u << 8) - 1) | CLI_OPT_ROLE,
	/* What an analysis command takes. */
	CLI_OPT_ANALYSIS = CLI_OPT_GRAPH_ALL | CLI_OPT_FORMAT,
};

/* A command's own long options have getopt codes from OPT_FIRST_FREE on,
 * above the shared ones'. */
enum { OPT_FIRST_FREE = CHAR_MAX + 64 };

/* The filter's lists, as parsed. */
enum {
	CLI_LIST_KINDS,
	CLI_LIST_COUNTRIES,
	CLI_LIST_EVENT_KINDS,
	CLI_LIST_RELATION_KINDS,
	CLI_LIST_ROLES,
	CLI_NLISTS
};
#define CLI_LIST_MAX 64

/* The graph options as parsed. */
struct cli_graph {
	int projection;
	ties_filter filter;
	const char *lists[CLI_NLISTS][CLI_LIST_MAX];
	size_t nlists[CLI_NLISTS];
};

/* The option parser of one command: getopt over the command's own long
 * options and the shared ones it takes. */
struct cli_parse {
	struct cli_ctx *ctx;
	int argc;
	char **argv;
	const char *shortopts; /* starting with ':' */
	struct cli_graph *graph;
	int *format;
	struct option longopts[48];
	int excel;  /* --excel-safe */
	int status; /* after CLI_STOP: the status to return */
};

enum { CLI_STOP = -2 };

/* Start parsing argv with the command's own long options `own` (ended by
 * a zeroed row), the graph options into *graph (NULL: none) and --format
 * into *format (NULL: none), as far as the command takes them. */
void cli_parse_init(struct cli_parse *p, struct cli_ctx *ctx, int argc,
		    char **argv, const char *shortopts,
		    const struct option *own, struct cli_graph *graph,
		    int *format);
/* The next of the command's own options (getopt's optarg holds its
 * argument); -1 at the end of the options; CLI_STOP when the command
 * stops with p->status (--help: 0; a usage error, reported: 2). */
int cli_parse_next(struct cli_parse *p);
/* Parse a command that has no options of its own: 0 to go on, -1 when it
 * stops with success (--help), else the status to return. */
int cli_parse_shared(struct cli_ctx *ctx, int argc, char **argv,
		     struct cli_graph *graph, int *format);
/* The "Graph and filters" section of the help for the options `opts`. */
void cli_shared_help(FILE *f, unsigned opts);

void cli_graph_init(struct cli_graph *g);
/* A usage error (2) when arguments remain after the options, else 0. */
int cli_no_args(struct cli_ctx *ctx, int argc, char **argv);

/* Whether any graph option was given (the filter's lists filled in). */
int cli_graph_given(struct cli_graph *g);
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
/* Open ctx->db_path into ctx->db as a command with `flags` (CLI_CREATES:
 * create and seed it when missing, and set ctx->created); 0 or the exit
 * status after an error was printed. */
int cli_open_db(struct cli_ctx *ctx, unsigned flags);
/* Print the command's help to stdout; returns 0. */
int cli_help(struct cli_ctx *ctx);
/* Parse --format; returns 0 or the usage error's status. */
int cli_format(struct cli_ctx *ctx, const char *arg, int *fmt);
/* Write a table to stdout and free it; returns 0 or 1. */
int cli_print_table(struct cli_ctx *ctx, ties_table *t, int fmt);
/* Parse a whole number into *out; returns 0 or the usage error's status. */
int cli_long(struct cli_ctx *ctx, const char *opt, const char *arg, long min,
	     long *out);
/* A usage error (2) unless the extension of `path` is one of exts (NULL
 * ended), which the message lists. */
int cli_output_ext(struct cli_ctx *ctx, const char *path,
		   const char *const *exts);
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
int cmd_kind(int argc, char **argv, struct cli_ctx *ctx);

extern const char cmd_between_usage[], cmd_brokers_usage[],
	cmd_countries_usage[], cmd_diff_usage[], cmd_draw_usage[],
	cmd_report_usage[], cmd_export_usage[], cmd_extract_usage[],
	cmd_neighbors_usage[],
	cmd_path_usage[], cmd_timeline_usage[];
extern const char cmd_add_usage[], cmd_communities_usage[],
	cmd_components_usage[], cmd_rank_usage[], cmd_find_usage[],
	cmd_import_usage[],
	cmd_init_usage[], cmd_list_usage[], cmd_remove_usage[],
	cmd_show_usage[], cmd_stats_usage[], cmd_kind_usage[];

#endif
