/*
 * cmd_extract.c — ties extract: press releases to a reviewed draft.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

const char cmd_extract_usage[] =
	"usage: ties extract [options] FILE...\n"
	"\n"
	"Read press releases (plain text or Markdown, with or without a YAML\n"
	"front matter giving date, title and source_url) and draft what they\n"
	"say: people with their honorifics, titles and institutions;\n"
	"institutions with their acronyms and parent bodies; countries (by\n"
	"name, code or adjective); events (MoU, agreement, meeting, visit,\n"
	"dialogue, conference, summit) with their date, place, participants\n"
	"and roles (party, signatory, host, delegation, head_of_delegation,\n"
	"chair, attendee), topics and domains. A sentence that states an\n"
	"intention (\"intent to sign\") proposes no event. Every mention is\n"
	"first resolved against the database (id, name or alias, folded), and\n"
	"runs of capitalised words are looked up in it, so a known entity is\n"
	"reused (an imported registry is a gazetteer); new ones get ids made\n"
	"from their names.\n"
	"Every fact cites its release as the source.\n"
	"\n"
	"Without -o or --apply, the facts are printed (confidence, type,\n"
	"fact, FILE:LINE), weakest first, and nothing is written. With -o,\n"
	"the draft is written to DIR as the CSV files that 'ties import DIR'\n"
	"reads, with review.txt: every fact, its confidence and its\n"
	"sentence; a short summary is printed. A fact less sure than\n"
	"--min-confidence goes to review.txt only, not to the CSV files.\n"
	"With --apply, the draft is imported in one transaction (the only\n"
	"way extract writes to the database, or creates it; without it a\n"
	"missing database is not made). The words the rules use are\n"
	"dictionaries (see --dict).\n"
	"\n"
	"Options:\n"
	"  -o, --output DIR   write the draft and review.txt into DIR\n"
	"  --apply            import the draft into the database\n"
	"  --min-confidence C keep in the draft only facts at least this\n"
	"                     sure, 0 to 1 (default 0.50)\n"
	"  --date DATE        publication date (YYYY-MM-DD) when a file has\n"
	"                     none; resolves 'today' and 'yesterday'\n"
	"  --source-url URL   the releases' address\n"
	"  --publisher P      the releases' publisher\n"
	"  --dict DIR         add the dictionaries in DIR (files named as in\n"
	"                     share/ties/extract: titles.txt, events.txt, ...)\n"
	"  --format F         table, csv, tsv or json\n"
	"  -q, --quiet        print no facts and no summary\n";

enum {
	OPT_APPLY = OPT_FIRST_FREE,
	OPT_DATE,
	OPT_URL,
	OPT_PUBLISHER,
	OPT_DICT,
	OPT_MIN_CONF,
};

/* The default --min-confidence (see docs/extract.md for how it was
 * chosen). */
#define MIN_CONFIDENCE 0.50

static void remove_draft(char **paths, int n, const char *dir)
{
	char review[4096];

	for (int i = 0; i < n; i++)
		unlink(paths[i]);
	snprintf(review, sizeof(review), "%s/review.txt", dir);
	unlink(review);
	rmdir(dir);
}

/*
 * The database the mentions are resolved against: the one named, created
 * only to --apply the draft; else read-only, or when there is none (or an
 * empty file) one in memory with the world's countries, so that nothing
 * is written.
 */
static int open_db(struct cli_ctx *ctx, int apply)
{
	ties_db *db = NULL;
	int rc;

	if (apply)
		return cli_open_db(ctx, CLI_CREATES);
	if (access(ctx->db_path, F_OK) == 0) {
		rc = ties_db_open(&ctx->db, ctx->db_path, TIES_OPEN_READONLY);
		if (rc != TIES_ENOTFOUND)
			return rc < 0 ? cli_db_error(ctx) : 0;
		ties_db_close(ctx->db);
		ctx->db = NULL;
	}
	rc = ties_db_open(&db, ":memory:", TIES_OPEN_CREATE);
	if (rc == 0)
		rc = ties_db_init(db, NULL, NULL);
	ctx->db = db;
	return rc < 0 ? cli_db_error(ctx) : 0;
}

static int print_summary(ties_draft *d, const ties_extract_opts *o,
			 const char *outdir)
{
	ties_draft_summary s;

	if (ties_draft_summarize(d, &s) < 0)
		return -1;
	printf("%zu release%s: %zu %s, %zu institution%s, %zu event%s with "
	       "%zu participation%s, %zu relation%s",
	       s.releases, s.releases == 1 ? "" : "s", s.people,
	       s.people == 1 ? "person" : "people", s.institutions,
	       s.institutions == 1 ? "" : "s", s.events,
	       s.events == 1 ? "" : "s", s.participations,
	       s.participations == 1 ? "" : "s", s.relations,
	       s.relations == 1 ? "" : "s");
	if (s.known)
		printf("; %zu known entit%s reused", s.known,
		       s.known == 1 ? "y" : "ies");
	printf("\n%zu fact%s", s.facts, s.facts == 1 ? "" : "s");
	if (s.review_only)
		printf(", of which %zu below %.2f are in review.txt only",
		       s.review_only, o->min_confidence);
	printf("\n");
	if (outdir)
		printf("draft in %s: check review.txt, edit the CSV files, then "
		       "'ties import %s'\n",
		       outdir, outdir);
	return 0;
}

int cmd_extract(int argc, char **argv, struct cli_ctx *ctx)
{
	static const struct option own[] = {
		{"output", required_argument, NULL, 'o'},
		{"apply", no_argument, NULL, OPT_APPLY},
		{"date", required_argument, NULL, OPT_DATE},
		{"source-url", required_argument, NULL, OPT_URL},
		{"publisher", required_argument, NULL, OPT_PUBLISHER},
		{"dict", required_argument, NULL, OPT_DICT},
		{"min-confidence", required_argument, NULL, OPT_MIN_CONF},
		{"quiet", no_argument, NULL, 'q'},
		{NULL, 0, NULL, 0},
	};
	struct cli_parse p;
	ties_extract_opts o = {.min_confidence = MIN_CONFIDENCE};
	const char *dicts[32], *outdir = NULL;
	char tmpdir[] = "/tmp/ties-extract-XXXXXX";
	ties_draft *d = NULL;
	ties_table *facts = NULL;
	char **paths = NULL;
	int opt, apply = 0, quiet = 0, fmt = TIES_FORMAT_TABLE, rc = 1, np = 0;
	size_t ndicts = 0;

	cli_parse_init(&p, ctx, argc, argv, ":ho:q", own, NULL, &fmt);
	while ((opt = cli_parse_next(&p)) != -1) {
		if (opt == CLI_STOP)
			return p.status;
		switch (opt) {
		case 'o':
			outdir = optarg;
			break;
		case OPT_APPLY:
			apply = 1;
			break;
		case OPT_DATE:
			if (ties_date_check(optarg) < 0 || strlen(optarg) != 10)
				return cli_usage_error(
					ctx, "--date '%s' is not YYYY-MM-DD",
					optarg);
			o.date = optarg;
			break;
		case OPT_URL:
			o.source_url = optarg;
			break;
		case OPT_PUBLISHER:
			o.publisher = optarg;
			break;
		case OPT_DICT:
			if (ndicts == sizeof(dicts) / sizeof(dicts[0]))
				return cli_usage_error(ctx,
						       "too many --dict options");
			dicts[ndicts++] = optarg;
			break;
		case OPT_MIN_CONF:
			if ((rc = cli_double(ctx, "--min-confidence", optarg, 0,
					     &o.min_confidence)) != 0)
				return rc;
			if (o.min_confidence > 1)
				return cli_usage_error(
					ctx, "--min-confidence wants a number "
					     "from 0 to 1, not '%s'",
					optarg);
			rc = 1;
			break;
		case 'q':
			quiet = 1;
			break;
		default:
			break;
		}
	}
	if (optind >= argc)
		return cli_usage_error(ctx, "no file to read");
	o.dict_dirs = dicts;
	o.ndict_dirs = ndicts;
	if ((rc = open_db(ctx, apply)) != 0)
		return rc;
	rc = 1;
	if (ties_extract(ctx->db, &d, (const char *const *)argv + optind,
			 (size_t)(argc - optind), &o) < 0)
		return cli_db_error(ctx);
	if (!quiet && !outdir && !apply) {
		if (ties_draft_facts(d, &facts) < 0)
			goto dberr;
		if (ties_table_write(facts, stdout, (enum ties_format)fmt) < 0 ||
		    fflush(stdout) != 0) {
			fprintf(stderr, "ties: writing the facts: %s\n",
				strerror(errno));
			goto done;
		}
	}
	if (apply && !outdir) {
		if (!mkdtemp(tmpdir)) {
			fprintf(stderr, "ties: %s: %s\n", tmpdir,
				strerror(errno));
			goto done;
		}
	}
	if (outdir || apply) {
		const char *dir = outdir ? outdir : tmpdir;

		if (ties_draft_write(d, dir) < 0)
			goto dberr;
		if (!quiet && print_summary(d, &o, outdir) < 0)
			goto dberr;
		if (apply) {
			ties_import_stats st;

			if ((np = ties_draft_paths(d, dir, &paths)) < 0) {
				fprintf(stderr, "ties: out of memory\n");
				goto done;
			}
			if (ties_import(ctx->db, (const char *const *)paths,
					(size_t)np, TIES_IMPORT_CSV,
					TIES_TABLE_AUTO, &st) < 0) {
				if (!outdir)
					remove_draft(paths, np, dir);
				goto dberr;
			}
			cli_import_summary(&st);
			if (!outdir)
				remove_draft(paths, np, dir);
		}
	}
	rc = 0;
	goto done;
dberr:
	rc = cli_db_error(ctx);
done:
	if (paths) {
		for (int i = 0; i < np; i++)
			free(paths[i]);
		free(paths);
	}
	ties_table_free(facts);
	ties_draft_free(d);
	return rc;
}
