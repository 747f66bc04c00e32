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
	cli_shared_help(stdout, ctx->opts);
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

int cli_no_args(struct cli_ctx *ctx, int argc, char **argv)
{
	if (optind < argc)
		return cli_usage_error(ctx, "unexpected argument '%s'",
				       argv[optind]);
	return 0;
}

int cli_output_ext(struct cli_ctx *ctx, const char *path,
		   const char *const *exts)
{
	const char *base = strrchr(path, '/');
	const char *ext = strrchr(base ? base : path, '.');
	char list[128] = "";

	for (size_t i = 0; exts[i]; i++) {
		if (ext && !strcmp(ext, exts[i]))
			return 0;
		snprintf(list + strlen(list), sizeof(list) - strlen(list),
			 "%s%s", i ? (exts[i + 1] ? ", " : " or ") : "",
			 exts[i]);
	}
	if (!ext)
		return cli_usage_error(ctx,
				       "'%s': say the format with the "
				       "extension (%s)",
				       path, list);
	return cli_usage_error(ctx, "'%s': unknown format '%s' (%s)", path,
			       ext, list);
}
