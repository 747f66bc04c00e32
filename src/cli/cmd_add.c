/*
 * cmd_add.c — ties add entity|relation|event|source: hand entry.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

const char cmd_add_usage[] =
	"usage: ties add entity ID --kind KIND --name NAME [--country REF]\n"
	"                [--alias ALIAS]... [--attr KEY=VALUE]...\n"
	"       ties add relation SOURCE TARGET --kind KIND [--role ROLE]\n"
	"                [--start DATE] [--end DATE] [--source-id ID]\n"
	"                [--attr KEY=VALUE]...\n"
	"       ties add event ID --kind KIND [--date DATE] [--title TITLE]\n"
	"                [--place REF] [--source-id ID] [--attr KEY=VALUE]...\n"
	"                [ROLE=ENTITY]...\n"
	"       ties add source ID [--title T] [--url U] [--publisher P]\n"
	"                [--date DATE] [--attr KEY=VALUE]...\n"
	"\n"
	"Add one thing, or update the one with the same id (for a relation:\n"
	"the same source, target, kind, role and start). An entity keeps the\n"
	"aliases and attributes it had and gains the ones given; an event\n"
	"gains the participants given, each as ROLE=ENTITY (party=issi,\n"
	"signatory='Kirill Babaev'). Kinds and roles are lower-case words.\n"
	"Dates are YYYY, YYYY-MM or YYYY-MM-DD. The database is created (with\n"
	"the countries) if it does not exist.\n";

enum {
	O_KIND = OPT_FIRST_FREE,
	O_NAME,
	O_COUNTRY,
	O_ALIAS,
	O_ATTR,
	O_ROLE,
	O_START,
	O_END,
	O_SOURCE_ID,
	O_DATE,
	O_TITLE,
	O_PLACE,
	O_URL,
	O_PUBLISHER,
};

struct add_args {
	const char *kind, *name, *country, *role, *start, *end, *source_id,
		*date, *title, *place, *url, *publisher;
	const char **aliases;
	size_t naliases;
	ties_attr *attrs;
	size_t nattrs;
	unsigned seen; /* bit (opt - O_KIND) for each option given */
};

static void lower_ascii(char *s)
{
	for (; s && *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s + 32);
}

/* Options that each kind of thing takes. */
static const struct {
	const char *what;
	unsigned allowed;
	int nargs; /* positional arguments before ROLE=ENTITY */
} things[] = {
#define B(o) (1u << ((o)-O_KIND))
	{"entity",
	 B(O_KIND) | B(O_NAME) | B(O_COUNTRY) | B(O_ALIAS) | B(O_ATTR), 1},
	{"relation",
	 B(O_KIND) | B(O_ROLE) | B(O_START) | B(O_END) | B(O_SOURCE_ID) |
		 B(O_ATTR),
	 2},
	{"event",
	 B(O_KIND) | B(O_DATE) | B(O_TITLE) | B(O_PLACE) | B(O_SOURCE_ID) |
		 B(O_ATTR),
	 1},
	{"source",
	 B(O_TITLE) | B(O_URL) | B(O_PUBLISHER) | B(O_DATE) | B(O_ATTR), 1},
#undef B
};

static const struct option own[] = {
	{"kind", required_argument, NULL, O_KIND},
	{"name", required_argument, NULL, O_NAME},
	{"country", required_argument, NULL, O_COUNTRY},
	{"alias", required_argument, NULL, O_ALIAS},
	{"attr", required_argument, NULL, O_ATTR},
	{"role", required_argument, NULL, O_ROLE},
	{"start", required_argument, NULL, O_START},
	{"end", required_argument, NULL, O_END},
	{"source-id", required_argument, NULL, O_SOURCE_ID},
	{"date", required_argument, NULL, O_DATE},
	{"title", required_argument, NULL, O_TITLE},
	{"place", required_argument, NULL, O_PLACE},
	{"url", required_argument, NULL, O_URL},
	{"publisher", required_argument, NULL, O_PUBLISHER},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

static const char *optname(int o)
{
	size_t i;

	for (i = 0; own[i].name; i++)
		if (own[i].val == o)
			return own[i].name;
	return "?";
}

static int run(struct cli_ctx *ctx, int which, struct add_args *a, char **pos,
	       int npos)
{
	int rc = 0, i;

	switch (which) {
	case 0: {
		ties_entity_spec s;

		memset(&s, 0, sizeof(s));
		s.id = pos[0];
		s.kind = a->kind;
		s.name = a->name;
		s.country = a->country;
		s.aliases = a->aliases;
		s.naliases = a->naliases;
		s.attrs = a->attrs;
		s.nattrs = a->nattrs;
		rc = ties_entity_put(ctx->db, &s);
		break;
	}
	case 1: {
		ties_relation_spec s;

		memset(&s, 0, sizeof(s));
		s.source = pos[0];
		s.target = pos[1];
		s.kind = a->kind;
		s.role = a->role;
		s.start = a->start;
		s.end = a->end;
		s.source_id = a->source_id;
		s.attrs = a->attrs;
		s.nattrs = a->nattrs;
		rc = ties_relation_put(ctx->db, &s);
		break;
	}
	case 2: {
		ties_event_spec s;
		ties_participant_spec *ps =
			calloc((size_t)npos + 1, sizeof(*ps));

		if (!ps)
			return cli_error("out of memory");
		memset(&s, 0, sizeof(s));
		for (i = 1; i < npos; i++) {
			char *eq = strchr(pos[i], '=');

			if (!eq || eq == pos[i] || !eq[1]) {
				free(ps);
				return cli_usage_error(
					ctx,
					"participant '%s' is not ROLE=ENTITY",
					pos[i]);
			}
			*eq = '\0';
			lower_ascii(pos[i]);
			ps[i - 1].role = pos[i];
			ps[i - 1].entity = eq + 1;
		}
		s.id = pos[0];
		s.kind = a->kind;
		s.date = a->date;
		s.title = a->title;
		s.place = a->place;
		s.source_id = a->source_id;
		s.attrs = a->attrs;
		s.nattrs = a->nattrs;
		s.participants = ps;
		s.nparticipants = (size_t)(npos - 1);
		rc = ties_event_put(ctx->db, &s);
		free(ps);
		break;
	}
	default: {
		ties_source_spec s;

		memset(&s, 0, sizeof(s));
		s.id = pos[0];
		s.title = a->title;
		s.url = a->url;
		s.publisher = a->publisher;
		s.date = a->date;
		s.attrs = a->attrs;
		s.nattrs = a->nattrs;
		rc = ties_source_put(ctx->db, &s);
	}
	}
	return rc < 0 ? cli_db_error(ctx) : 0;
}

int cmd_add(int argc, char **argv, struct cli_ctx *ctx)
{
	struct add_args a;
	struct cli_parse p;
	int opt, which = -1, rc, npos;
	size_t i;

	memset(&a, 0, sizeof(a));
	a.aliases = calloc((size_t)argc + 1, sizeof(*a.aliases));
	a.attrs = calloc((size_t)argc + 1, sizeof(*a.attrs));
	if (!a.aliases || !a.attrs) {
		rc = cli_error("out of memory");
		goto done;
	}
	cli_parse_init(&p, ctx, argc, argv, ":h", own, NULL, NULL);
	while ((opt = cli_parse_next(&p)) != -1) {
		if (opt == CLI_STOP) {
			rc = p.status;
			goto done;
		}
		if (opt >= O_KIND && opt <= O_PUBLISHER)
			a.seen |= 1u << (opt - O_KIND);
		switch (opt) {
		case O_KIND:
			lower_ascii(optarg);
			a.kind = optarg;
			break;
		case O_NAME:
			a.name = optarg;
			break;
		case O_COUNTRY:
			a.country = optarg;
			break;
		case O_ALIAS:
			a.aliases[a.naliases++] = optarg;
			break;
		case O_ATTR: {
			char *eq = strchr(optarg, '=');

			if (!eq || eq == optarg) {
				rc = cli_usage_error(
					ctx, "--attr wants KEY=VALUE, not '%s'",
					optarg);
				goto done;
			}
			*eq = '\0';
			a.attrs[a.nattrs].key = optarg;
			a.attrs[a.nattrs].value = eq + 1;
			a.nattrs++;
			break;
		}
		case O_ROLE:
			a.role = optarg;
			break;
		case O_START:
			a.start = optarg;
			break;
		case O_END:
			a.end = optarg;
			break;
		case O_SOURCE_ID:
			a.source_id = optarg;
			break;
		case O_DATE:
			a.date = optarg;
			break;
		case O_TITLE:
			a.title = optarg;
			break;
		case O_PLACE:
			a.place = optarg;
			break;
		case O_URL:
			a.url = optarg;
			break;
		case O_PUBLISHER:
			a.publisher = optarg;
			break;
		default:
			break;
		}
	}
	if (optind >= argc) {
		rc = cli_usage_error(
			ctx, "add what? (entity, relation, event or source)");
		goto done;
	}
	for (i = 0; i < sizeof(things) / sizeof(things[0]); i++)
		if (!strcmp(argv[optind], things[i].what))
			which = (int)i;
	if (which < 0) {
		rc = cli_usage_error(ctx,
				     "cannot add '%s' (entity, relation, "
				     "event or source)",
				     argv[optind]);
		goto done;
	}
	for (opt = O_KIND; opt <= O_PUBLISHER; opt++)
		if ((a.seen & (1u << (opt - O_KIND))) &&
		    !(things[which].allowed & (1u << (opt - O_KIND)))) {
			rc = cli_usage_error(ctx, "'add %s' takes no --%s",
					     things[which].what, optname(opt));
			goto done;
		}
	npos = argc - optind - 1;
	if (npos < things[which].nargs ||
	    (which != 2 && npos > things[which].nargs)) {
		rc = cli_usage_error(ctx, "%s wants %s", things[which].what,
				     which == 1 ? "SOURCE and TARGET"
						: "one ID");
		goto done;
	}
	if (which != 3 && !a.kind) {
		rc = cli_usage_error(ctx, "'add %s' needs --kind",
				     things[which].what);
		goto done;
	}
	if (which == 0 && !a.name) {
		rc = cli_usage_error(ctx, "'add entity' needs --name");
		goto done;
	}
	rc = run(ctx, which, &a, argv + optind + 1, npos);
done:
	free((void *)a.aliases);
	free(a.attrs);
	return rc;
}
