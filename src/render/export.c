/*
 * export.c — the store and the tie graph in the formats other tools open:
 * GraphML and GEXF (Gephi, Cytoscape, NetworkX, igraph), DOT (the styled
 * diagram source), and CSV and JSON (the whole store, importable again).
 *
 * XML is written by hand: every attribute value and text goes through
 * xml(), which escapes & < > " ' and drops the control characters XML 1.0
 * cannot carry (a newline stays, as &#10; in attributes).
 */
#include <assert.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "graph/graph.h"
#include "render/render_int.h"
#include "ties_int.h"

int ties_export_format_parse(const char *name)
{
	static const char *const names[] = {"dot", "graphml", "gexf",
					    "csv", "json",    "edgelist"};
	int i;

	for (i = 0; i < 6; i++)
		if (!strcmp(name, names[i]))
			return i;
	return -1;
}

/* ---------------------------------------------------------------- XML --- */

static void xml(FILE *f, const char *s)
{
	ties_rd__escape(f, s, 1);
}

/* Evidence behind tie e: its weight, or for countries its events. */
static long evidence(const ties_graph *g, size_t e)
{
	if (g->events)
		return g->events[e];
	return (long)(g->ew[e] + 0.5);
}

static void write_graphml(const ties_graph *g, FILE *f)
{
	size_t i;

	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
	      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
	      "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
	      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
	      "  <key id=\"label\" for=\"node\" attr.name=\"label\" "
	      "attr.type=\"string\"/>\n"
	      "  <key id=\"kind\" for=\"node\" attr.name=\"kind\" "
	      "attr.type=\"string\"/>\n"
	      "  <key id=\"country\" for=\"node\" attr.name=\"country\" "
	      "attr.type=\"string\"/>\n"
	      "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" "
	      "attr.type=\"double\"/>\n"
	      "  <key id=\"evidence\" for=\"edge\" attr.name=\"evidence\" "
	      "attr.type=\"long\"/>\n"
	      "  <key id=\"first\" for=\"edge\" attr.name=\"first\" "
	      "attr.type=\"string\"/>\n"
	      "  <key id=\"last\" for=\"edge\" attr.name=\"last\" "
	      "attr.type=\"string\"/>\n",
	      f);
	fprintf(f, "  <graph id=\"ties\" edgedefault=\"%s\">\n",
		g->directed ? "directed" : "undirected");
	for (i = 0; i < g->n; i++) {
		const struct ties_graph_node *n = &g->nodes[i];

		fputs("    <node id=\"", f);
		xml(f, n->id);
		fputs("\">\n      <data key=\"label\">", f);
		xml(f, n->name);
		fputs("</data>\n      <data key=\"kind\">", f);
		xml(f, n->kind);
		fputs("</data>\n", f);
		if (n->country) {
			fputs("      <data key=\"country\">", f);
			xml(f, n->country);
			fputs("</data>\n", f);
		}
		fputs("    </node>\n", f);
	}
	for (i = 0; i < g->m; i++) {
		const char *first, *last;

		fputs("    <edge source=\"", f);
		xml(f, g->nodes[g->ea[i]].id);
		fputs("\" target=\"", f);
		xml(f, g->nodes[g->eb[i]].id);
		fprintf(f,
			"\">\n      <data key=\"weight\">%.17g</data>\n"
			"      <data key=\"evidence\">%ld</data>\n",
			g->ew[i], evidence(g, i));
		if (ties_graph_edge_dates(g, i, &first, &last))
			fprintf(f,
				"      <data key=\"first\">%s</data>\n"
				"      <data key=\"last\">%s</data>\n",
				first, last);
		fputs("    </edge>\n", f);
	}
	fputs("  </graph>\n</graphml>\n", f);
}

static void write_gexf(const ties_graph *g, FILE *f, int v13)
{
	size_t i;

	fprintf(f,
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<gexf xmlns=\"%s\" version=\"%s\">\n"
		"  <meta>\n    <creator>ties %s</creator>\n  </meta>\n"
		"  <graph mode=\"dynamic\" defaultedgetype=\"%s\" "
		"timeformat=\"date\">\n"
		"    <attributes class=\"node\">\n"
		"      <attribute id=\"kind\" title=\"kind\" "
		"type=\"string\"/>\n"
		"      <attribute id=\"country\" title=\"country\" "
		"type=\"string\"/>\n"
		"    </attributes>\n"
		"    <attributes class=\"edge\">\n"
		"      <attribute id=\"evidence\" title=\"evidence\" "
		"type=\"long\"/>\n"
		"    </attributes>\n"
		"    <nodes>\n",
		v13 ? "http://gexf.net/1.3" : "http://www.gexf.net/1.2draft",
		v13 ? "1.3" : "1.2", TIES_VERSION,
		g->directed ? "directed" : "undirected");
	for (i = 0; i < g->n; i++) {
		const struct ties_graph_node *n = &g->nodes[i];

		fputs("      <node id=\"", f);
		xml(f, n->id);
		fputs("\" label=\"", f);
		xml(f, n->name);
		fputs("\">\n        <attvalues>\n"
		      "          <attvalue for=\"kind\" value=\"",
		      f);
		xml(f, n->kind);
		fputs("\"/>\n", f);
		if (n->country) {
			fputs("          <attvalue for=\"country\" value=\"",
			      f);
			xml(f, n->country);
			fputs("\"/>\n", f);
		}
		fputs("        </attvalues>\n      </node>\n", f);
	}
	fputs("    </nodes>\n    <edges>\n", f);
	for (i = 0; i < g->m; i++) {
		const char *first, *last;

		fprintf(f, "      <edge id=\"%zu\" source=\"", i);
		xml(f, g->nodes[g->ea[i]].id);
		fputs("\" target=\"", f);
		xml(f, g->nodes[g->eb[i]].id);
		fprintf(f, "\" weight=\"%.17g\"", g->ew[i]);
		/* The first and last evidence: Gephi's timeline. */
		if (ties_graph_edge_dates(g, i, &first, &last))
			fprintf(f, " start=\"%s\" end=\"%s\"", first, last);
		fprintf(f,
			">\n        <attvalues>\n          <attvalue "
			"for=\"evidence\" value=\"%ld\"/>\n        "
			"</attvalues>\n      </edge>\n",
			evidence(g, i));
	}
	fputs("    </edges>\n  </graph>\n</gexf>\n", f);
}

/* ----------------------------------------------------------- CSV, JSON --- */

static const struct {
	enum ties_table_kind kind;
	const char *name;
} tables[] = {
	{TIES_TABLE_SOURCES, "sources"},
	{TIES_TABLE_ENTITIES, "entities"},
	{TIES_TABLE_EVENTS, "events"},
	{TIES_TABLE_RELATIONS, "relations"},
	{TIES_TABLE_PARTICIPANTS, "participants"},
};
#define NTABLES 5

static int export_csv(ties_db *db, const char *dir, int excel)
{
	struct stat sb;
	size_t i;
	int rc = 0;

	if (stat(dir, &sb) < 0) {
		if (errno != ENOENT || mkdir(dir, 0777) < 0)
			return ties_db__seterr(db, TIES_EIO,
					       "cannot make '%s': %s", dir,
					       strerror(errno));
	} else if (!S_ISDIR(sb.st_mode)) {
		return ties_db__seterr(db, TIES_EIO, "'%s' is not a directory",
				       dir);
	}
	for (i = 0; i < NTABLES && rc == 0; i++) {
		ties_table *t = NULL;
		ties_buf path = TIES_BUF_INIT;
		char *tmp = NULL;
		FILE *f;

		if ((rc = ties_store__dump(db, tables[i].kind, &t)) < 0)
			break;
		ties_buf__printf(&path, "%s/%s.csv", dir, tables[i].name);
		if (!(f = ties_rd__out_begin(db, ties_buf__str(&path), &tmp))) {
			rc = TIES_EIO;
		} else {
			rc = ties_table_write(t, f,
					      excel ? TIES_FORMAT_CSV_EXCEL
						    : TIES_FORMAT_CSV);
			rc = ties_rd__out_end(
				db, f, tmp, ties_buf__str(&path),
				rc < 0 ? ties_db__seterr(db, TIES_EIO,
							 "write error")
				       : 0);
		}
		ties_buf__release(&path);
		ties_table_free(t);
	}
	return rc;
}

/* The known columns of each table in JSON; the rest are attributes. */
static int known_column(enum ties_table_kind k, const char *col)
{
	static const char *const known[][8] = {
		[TIES_TABLE_SOURCES] = {"id", "title", "url", "publisher",
					"date"},
		[TIES_TABLE_ENTITIES] = {"id", "kind", "name", "country",
					 "aliases"},
		[TIES_TABLE_EVENTS] = {"id", "kind", "date", "title", "place",
				       "source_id"},
		[TIES_TABLE_RELATIONS] = {"source", "target", "kind", "role",
					  "start", "end", "source_id",
					  "weight"},
		[TIES_TABLE_PARTICIPANTS] = {"event", "entity", "role",
					     "weight"},
	};
	size_t i;

	for (i = 0; i < 8 && known[k][i]; i++)
		if (!strcmp(known[k][i], col))
			return 1;
	return 0;
}

/* The rows of a dumped table as JSON objects. */
static json_t *rows_json(const ties_table *t, enum ties_table_kind k)
{
	json_t *arr = json_array();
	size_t r, c;

	for (r = 0; arr && r < ties_table_nrows(t); r++) {
		json_t *o = json_object(), *attrs = json_object();

		for (c = 0; c < ties_table_ncols(t); c++) {
			const char *name = ties_table_colname(t, c);
			const char *v = ties_table_text(t, r, c);

			if (k == TIES_TABLE_ENTITIES &&
			    !strcmp(name, "aliases")) {
				json_t *al = json_array();
				const char *p = v;

				while (p && *p) {
					size_t n = strcspn(p, "|");

					json_array_append_new(
						al, json_stringn(p, n));
					p += n;
					if (*p)
						p++;
				}
				json_object_set_new(o, "aliases", al);
			} else if (!strcmp(name, "weight") && v) {
				/* A number, and only when not the default. */
				double w = strtod(v, NULL);

				if (w != 1)
					json_object_set_new(
						o, name,
						w == (double)(json_int_t)w
							? json_integer(
								  (json_int_t)w)
							: json_real(w));
			} else if (known_column(k, name)) {
				json_object_set_new(o, name,
						    v ? json_string(v)
						      : json_null());
			} else if (v) {
				json_object_set_new(attrs, name,
						    json_string(v));
			}
		}
		if (k != TIES_TABLE_PARTICIPANTS)
			json_object_set_new(o, "attributes", attrs);
		else
			json_decref(attrs);
		json_array_append_new(arr, o);
	}
	return arr;
}

static int export_json(ties_db *db, FILE *f)
{
	json_t *doc = json_object();
	size_t i;
	int rc = 0;

	json_object_set_new(doc, "format", json_string("ties"));
	json_object_set_new(doc, "schema", json_integer(TIES_SCHEMA_VERSION));
	for (i = 0; i < NTABLES && rc == 0; i++) {
		ties_table *t = NULL;

		if ((rc = ties_store__dump(db, tables[i].kind, &t)) < 0)
			break;
		json_object_set_new(doc, tables[i].name,
				    rows_json(t, tables[i].kind));
		ties_table_free(t);
	}
	if (rc == 0 &&
	    json_dumpf(doc, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER) < 0)
		rc = ties_db__seterr(db, TIES_EIO, "write error");
	if (rc == 0)
		fputc('\n', f);
	json_decref(doc);
	return rc;
}

/* --------------------------------------------------------- edge list --- */

static void write_edgelist(const ties_graph *g, FILE *f)
{
	for (size_t i = 0; i < g->m; i++)
		fprintf(f, "%s\t%s\t%.17g\n", g->nodes[g->ea[i]].id,
			g->nodes[g->eb[i]].id, g->ew[i]);
}

/* ------------------------------------------------------------ export --- */

int ties_export(ties_db *db, enum ties_export_format fmt, const char *path,
		FILE *out, enum ties_projection p, const ties_filter *filter,
		int gexf13)
{
	ties_graph *g = NULL;
	ties_filter f;
	FILE *file = out;
	char *tmp = NULL;
	int rc = 0;

	assert(db);
	if (fmt == TIES_EXPORT_CSV || fmt == TIES_EXPORT_CSV_EXCEL) {
		if (!path)
			return ties_db__seterr(db, TIES_EINVALID,
					       "CSV export needs a directory "
					       "(-o DIR)");
		return export_csv(db, path, fmt == TIES_EXPORT_CSV_EXCEL);
	}
	if (path && !(file = ties_rd__out_begin(db, path, &tmp)))
		return TIES_EIO;
	if (fmt == TIES_EXPORT_JSON) {
		rc = export_json(db, file);
	} else if (fmt == TIES_EXPORT_EDGELIST) {
		if ((rc = ties_graph_build(db, &g, p, filter)) == 0)
			write_edgelist(g, file);
	} else if (fmt == TIES_EXPORT_DOT) {
		ties_draw_opts o;

		ties_draw_opts_init(&o);
		o.labels = TIES_LABELS_ALL;
		if ((rc = ties_graph_build(db, &g, p, filter)) == 0)
			rc = ties_draw(db, g, &o, NULL, file, NULL);
	} else {
		memset(&f, 0, sizeof(f));
		if (filter)
			f = *filter;
		f.with_dates = 1;
		if ((rc = ties_graph_build(db, &g, p, &f)) == 0) {
			if (fmt == TIES_EXPORT_GRAPHML)
				write_graphml(g, file);
			else
				write_gexf(g, file, gexf13);
		}
	}
	ties_graph_free(g);
	if (path)
		return ties_rd__out_end(db, file, tmp, path, rc);
	if (rc == 0 && ferror(file))
		rc = ties_db__seterr(db, TIES_EIO, "write error");
	return rc;
}
