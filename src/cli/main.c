/*
 * main.c — the ties program: global options, the command table, opening
 * the database for the commands that need it, and the one exit.
 *
 * Commands return a status (0 success, 1 error, 2 usage); only main exits,
 * after flushing stdout and treating a failed write as an error.
 */
#include <errno.h>
#include <getopt.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "cli.h"

static int cmd_help(int argc, char **argv, struct cli_ctx *ctx);

static const char cmd_help_usage[] =
	"usage: ties help [COMMAND]\n"
	"\n"
	"Show the list of commands, or the help of one command (the same as\n"
	"'ties COMMAND --help').\n";

/* Sorted by name; feeds dispatch and `ties help`. */
static const struct cli_cmd commands[] = {
	{"add", cmd_add, CLI_NEEDS_DB | CLI_CREATES,
	 CLI_OPT_HELP,
	 "add or update an entity, relation, event or source by hand",
	 cmd_add_usage},
	{"between", cmd_between, CLI_NEEDS_DB,
	 CLI_OPT_EVENT_KIND | CLI_OPT_RELATION_KIND | CLI_OPT_FROM |
		 CLI_OPT_TO | CLI_OPT_FORMAT | CLI_OPT_HELP,
	 "everything that links two countries, institutions or people",
	 cmd_between_usage},
	{"brokers", cmd_brokers, CLI_NEEDS_DB,
	 CLI_OPT_ANALYSIS | CLI_OPT_HELP,
	 "who brokers between two countries or communities",
	 cmd_brokers_usage},
	{"communities", cmd_communities, CLI_NEEDS_DB,
	 CLI_OPT_ANALYSIS | CLI_OPT_HELP,
	 "communities by modularity, with stability across seeds",
	 cmd_communities_usage},
	{"components", cmd_components, CLI_NEEDS_DB,
	 CLI_OPT_ANALYSIS | CLI_OPT_DIRECTED | CLI_OPT_HELP,
	 "connected components of the tie graph", cmd_components_usage},
	{"countries", cmd_countries, CLI_NEEDS_DB,
	 (CLI_OPT_ANALYSIS & ~CLI_OPT_GRAPH) | CLI_OPT_DIRECTED | CLI_OPT_HELP,
	 "the ties between countries", cmd_countries_usage},
	{"diff", cmd_diff, CLI_NEEDS_DB,
	 CLI_OPT_ANALYSIS | CLI_OPT_HELP,
	 "what changed in the network between two dates", cmd_diff_usage},
	{"draw", cmd_draw, CLI_NEEDS_DB,
	 CLI_OPT_GRAPH_ALL | CLI_OPT_DIRECTED | CLI_OPT_HELP,
	 "network diagrams: DOT, SVG, PNG, PDF through Graphviz",
	 cmd_draw_usage},
	{"export", cmd_export, CLI_NEEDS_DB,
	 CLI_OPT_GRAPH_ALL | CLI_OPT_DIRECTED | CLI_OPT_HELP,
	 "GraphML, GEXF, DOT, CSV or JSON for other tools",
	 cmd_export_usage},
	{"extract", cmd_extract, 0,
	 CLI_OPT_FORMAT | CLI_OPT_HELP,
	 "draft entities and events from press releases", cmd_extract_usage},
	{"find", cmd_find, CLI_NEEDS_DB,
	 CLI_OPT_FORMAT | CLI_OPT_HELP, "find entities by name or alias",
	 cmd_find_usage},
	{"help", cmd_help, 0,
	 0, "show help for a command", cmd_help_usage},
	{"import", cmd_import, CLI_NEEDS_DB | CLI_CREATES,
	 CLI_OPT_HELP,
	 "import CSV, JSON, DOT or GraphML in one transaction",
	 cmd_import_usage},
	{"init", cmd_init, 0,
	 CLI_OPT_HELP, "create a database and seed the countries",
	 cmd_init_usage},
	{"kind", cmd_kind, CLI_NEEDS_DB,
	 CLI_OPT_FORMAT | CLI_OPT_HELP,
	 "which relation kinds and role pairs are directed", cmd_kind_usage},
	{"list", cmd_list, CLI_NEEDS_DB,
	 CLI_OPT_FORMAT | CLI_OPT_HELP, "list entities, by kind or country",
	 cmd_list_usage},
	{"neighbors", cmd_neighbors, CLI_NEEDS_DB,
	 CLI_OPT_ANALYSIS | CLI_OPT_DIRECTED | CLI_OPT_HELP,
	 "the ego network of an entity", cmd_neighbors_usage},
	{"path", cmd_path, CLI_NEEDS_DB,
	 CLI_OPT_ANALYSIS | CLI_OPT_DIRECTED | CLI_OPT_HELP,
	 "how A is connected to B, each hop with its evidence",
	 cmd_path_usage},
	{"rank", cmd_rank, CLI_NEEDS_DB,
	 CLI_OPT_ANALYSIS | CLI_OPT_DIRECTED | CLI_OPT_HELP,
	 "rank entities by centrality: degree, betweenness, pagerank, …",
	 cmd_rank_usage},
	{"remove", cmd_remove, CLI_NEEDS_DB,
	 CLI_OPT_HELP,
	 "remove an entity, event or source", cmd_remove_usage},
	{"report", cmd_report, CLI_NEEDS_DB,
	 CLI_OPT_GRAPH_ALL | CLI_OPT_DIRECTED | CLI_OPT_HELP,
	 "a self-contained HTML or Markdown report", cmd_report_usage},
	{"show", cmd_show, CLI_NEEDS_DB,
	 CLI_OPT_FORMAT | CLI_OPT_HELP,
	 "show entity cards: relations, events, sources", cmd_show_usage},
	{"stats", cmd_stats, CLI_NEEDS_DB,
	 CLI_OPT_FORMAT | CLI_OPT_HELP,
	 "count entities, events and relations by kind", cmd_stats_usage},
	{"timeline", cmd_timeline, CLI_NEEDS_DB,
	 CLI_OPT_EVENT_KIND | CLI_OPT_FROM | CLI_OPT_TO |
		 CLI_OPT_FORMAT | CLI_OPT_HELP,
	 "events per year of an entity, a country or a pair",
	 cmd_timeline_usage},
};
#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static const char main_usage[] =
	"usage: ties [--db FILE] COMMAND [OPTIONS] [ARGS]\n"
	"       ties --help | --version\n"
	"\n"
	"ties is a graph database and analyzer of institution networks.\n"
	"\n"
	"Global options:\n"
	"  --db FILE    the database (default: $TIES_DB, else ./ties.db)\n"
	"  -h, --help   show this help\n"
	"  -V, --version\n"
	"               show the version\n";

/* Edit distance of two short words (Levenshtein; transpositions cost 2,
 * which "rnak" for "rank" still passes). */
static size_t distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), row[32], i, j;

	if (la >= 31 || lb >= 31)
		return 99;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		size_t diag = row[0];

		row[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t up = row[j], best = diag + (a[i - 1] != b[j - 1]);

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			diag = up;
			row[j] = best;
		}
	}
	return row[lb];
}

/* The command nearest `name` ("rnak": rank), or NULL when none is near. */
static const char *nearest_command(const char *name)
{
	const char *best = NULL;
	size_t d, bestd = strlen(name) < 5 ? 2 : 3;

	for (size_t i = 0; i < NCOMMANDS; i++)
		if ((d = distance(name, commands[i].name)) < bestd ||
		    (!best && d == bestd)) {
			best = commands[i].name;
			bestd = d;
		}
	return best;
}

static void list_commands(FILE *f)
{
	size_t i;

	fputs(main_usage, f);
	fputs("\nCommands:\n", f);
	for (i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  %-12s %s\n", commands[i].name,
			commands[i].summary);
	fputs("\nSee 'ties help COMMAND' or 'man ties' for more.\n", f);
}

static const struct cli_cmd *find_command(const char *name)
{
	size_t i;

	for (i = 0; i < NCOMMANDS; i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

static int cmd_help(int argc, char **argv, struct cli_ctx *ctx)
{
	const struct cli_cmd *c;

	if (argc > 1 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")))
		return cli_help(ctx);
	if (argc < 2) {
		list_commands(stdout);
		return 0;
	}
	if (argc > 2)
		return cli_usage_error(ctx, "too many arguments");
	if (!(c = find_command(argv[1]))) {
		const char *near = nearest_command(argv[1]);

		fprintf(stderr, "ties help: no command '%s'.", argv[1]);
		if (near)
			fprintf(stderr, " Did you mean '%s'?", near);
		fprintf(stderr, " 'ties help' lists them.\n");
		return 2;
	}
	fputs(c->usage, stdout);
	cli_shared_help(stdout, c->opts);
	return 0;
}

/* Progress on stderr, for a terminal only: one line, rewritten ("\r",
 * then erase to its end), ended when the work is done. */
static int progress(const char *what, long long done, long long total,
		    void *payload)
{
	(void)payload;
	if (total > 0)
		fprintf(stderr, "\r\033[K%s: %3d%%", what,
			(int)(100.0 * (double)done / (double)total));
	else
		fprintf(stderr, "\r\033[K%s: %lld", what, done);
	if (total > 0 && done >= total)
		fputc('\n', stderr);
	fflush(stderr);
	return 0;
}

/* Remove a database this run created, with its WAL files. */
static void remove_created(struct cli_ctx *ctx)
{
	char path[4096];

	ties_db_close(ctx->db);
	ctx->db = NULL;
	unlink(ctx->db_path);
	snprintf(path, sizeof(path), "%s-wal", ctx->db_path);
	unlink(path);
	snprintf(path, sizeof(path), "%s-shm", ctx->db_path);
	unlink(path);
}

int cli_open_db(struct cli_ctx *ctx, unsigned flags)
{
	struct stat sb;
	int exists = stat(ctx->db_path, &sb) == 0;
	int rc;

	if (!exists && !(flags & CLI_CREATES))
		return cli_error("no database '%s'; create one with 'ties "
				 "init' or 'ties import'",
				 ctx->db_path);
	if (exists) {
		rc = ties_db_open(&ctx->db, ctx->db_path, 0);
		/* An empty file, or an SQLite file with nothing in it (a
		 * database whose making was cut short): a command that creates
		 * makes it anew; any other says so. */
		if (rc == TIES_ENOTFOUND && (flags & CLI_CREATES)) {
			ties_db_close(ctx->db);
			ctx->db = NULL;
			exists = 0;
		} else if (rc < 0) {
			return cli_db_error(ctx);
		}
	}
	if (!exists) {
		long n = 0;

		/* Made whole under another name, then renamed into place. */
		if (ties_db_create(&ctx->db, ctx->db_path, NULL, &n) < 0)
			return cli_db_error(ctx);
		ctx->created = 1;
		ctx->ncountries = n;
	}
	if (ctx->progress)
		ties_db_set_progress(ctx->db, progress, NULL);
	return 0;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"db", required_argument, NULL, 'd'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	struct cli_ctx ctx;
	const struct cli_cmd *c;
	int opt, rc;

#ifdef __GLIBC__
	/* A fixed threshold for mmap'd allocations (glibc otherwise moves it
	 * with the sizes freed so far): Graphviz's force-directed layouts
	 * depend on where the heap puts their objects, and the same diagram
	 * must come out of the same data whatever ran before it. */
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
#endif
	/* The program keeps no count of SQLite's memory: without the count
	 * each allocation goes without a global mutex (an import makes tens
	 * of millions). */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	memset(&ctx, 0, sizeof(ctx));
	ctx.name = "";
	ctx.usage = main_usage;
	ctx.db_path = getenv("TIES_DB");
	if (!ctx.db_path || !*ctx.db_path)
		ctx.db_path = "ties.db";
	ctx.progress = isatty(STDERR_FILENO);

	opterr = 0;
	while ((opt = getopt_long(argc, argv, "+:hV", longopts, NULL)) != -1) {
		switch (opt) {
		case 'd':
			ctx.db_path = optarg;
			break;
		case 'h':
			list_commands(stdout);
			return 0;
		case 'V':
			printf("ties %s\n", ties_version());
			return fflush(stdout) == 0 ? 0 : 1;
		default:
			return cli_bad_option(&ctx, opt, argv);
		}
	}
	if (optind >= argc) {
		list_commands(stderr);
		return 2;
	}
	if (!(c = find_command(argv[optind]))) {
		const char *near = nearest_command(argv[optind]);

		fprintf(stderr, "ties: '%s' is not a ties command.",
			argv[optind]);
		if (near)
			fprintf(stderr, " Did you mean '%s'?", near);
		fprintf(stderr, " See 'ties --help'.\n");
		return 2;
	}
	ctx.name = c->name;
	ctx.usage = c->usage;
	ctx.opts = c->opts;
	argc -= optind;
	argv += optind;

	/* --help needs no database. */
	if ((c->flags & CLI_NEEDS_DB) &&
	    !(argc > 1 &&
	      (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")))) {
		if ((rc = cli_open_db(&ctx, c->flags)) != 0) {
			if (ctx.created)
				remove_created(&ctx);
			ties_db_close(ctx.db);
			return rc;
		}
	}
	rc = c->fn(argc, argv, &ctx);
	/* What the library noticed on the way (a damaged cache rebuilt). */
	for (const char *n = ties_notice(ctx.db), *nl; n && *n; n = nl + 1) {
		if (!(nl = strchr(n, '\n')))
			nl = n + strlen(n) - 1;
		fprintf(stderr, "ties: %.*s\n", (int)(nl - n), n);
	}
	/* A command that failed on the database it created leaves none; one
	 * that succeeded says it made it. */
	if (rc != 0 && ctx.created)
		remove_created(&ctx);
	else if (ctx.created)
		fprintf(stderr, "ties: created '%s' with %ld countries\n",
			ctx.db_path, ctx.ncountries);
	ties_db_close(ctx.db);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "ties: write error: %s\n", strerror(errno));
		return 1;
	}
	return rc;
}
