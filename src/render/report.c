/*
 * report.c — the report: one self-contained HTML file (or Markdown with
 * the diagram beside it) that puts together counts, centrality tables,
 * communities, the country ties, the ties between the strongest country
 * pairs, and the diagram.
 *
 * The HTML has no remote assets: the SVG is inline, and a few lines of
 * script sort the tables, search the diagram and pan and zoom it. Every
 * piece of user text is escaped for HTML (& < > " '); the SVG comes from
 * Graphviz, which escapes its own text.
 */
#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "graph/graph.h"
#include "render/render_int.h"
#include "ties_int.h"

/* ------------------------------------------------------------ escape --- */

static void html(FILE *f, const char *s)
{
	ties_rd__escape(f, s, 0);
}

/* A Markdown table cell: | and newlines escaped, HTML made inert. */
static void md(FILE *f, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '|':
			fputs("\\|", f);
			break;
		case '\n':
		case '\r':
			fputs("<br>", f);
			break;
		case '<':
			fputs("&lt;", f);
			break;
		case '>':
			fputs("&gt;", f);
			break;
		case '&':
			fputs("&amp;", f);
			break;
		case '\\':
		case '*':
		case '_':
		case '`':
		case '[':
		case ']':
			fputc('\\', f);
			fputc(*s, f);
			break;
		default:
			fputc(*s, f);
		}
	}
}

/* ------------------------------------------------------------ tables --- */

/* Column names as people read them. */
static const char *heading(const char *col)
{
	static const char *const names[][2] = {
		{"rank", "Rank"},	  {"id", "Id"},
		{"name", "Name"},	  {"kind", "Kind"},
		{"country", "Country"},	  {"score", "Score"},
		{"community", "Community"}, {"stability", "Stability"},
		{"country_a", "Country"}, {"country_b", "Country"},
		{"weight", "Weight"},	  {"events", "Events"},
		{"first", "First"},	  {"last", "Last"},
		{"x_side", "One side"},	  {"y_side", "The other side"},
		{"cite", "Source"},	  {"what", "What"},
		{"count", "Count"},	  {"date", "Date"},
		{"title", "Title"},	  {"directed", "Directed"}};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(col, names[i][0]))
			return names[i][1];
	return col;
}

/* A cell as people read it: a real that is whole as an integer, others
 * to 4 significant digits. */
static const char *cell_text(const ties_table *t, size_t r, size_t c,
			     char buf[40])
{
	double v;

	if (ties_table_type(t, r, c) != TIES_REAL)
		return ties_table_text(t, r, c);
	v = ties_table_real(t, r, c);
	if (v == floor(v) && fabs(v) < 1e15)
		snprintf(buf, 40, "%.0f", v);
	else
		snprintf(buf, 40, "%.4g", v);
	return buf;
}

/* The first `max` rows (all when 0), then a line saying how many more. */
static void html_table(FILE *f, const ties_table *t, const char *id,
		       size_t max)
{
	size_t r, c, n = ties_table_nrows(t);
	char buf[40];

	if (!max || max > n)
		max = n;
	fprintf(f, "<table class=\"sortable\" id=\"%s\">\n<thead><tr>", id);
	for (c = 0; c < ties_table_ncols(t); c++) {
		fputs("<th>", f);
		html(f, heading(ties_table_colname(t, c)));
		fputs("</th>", f);
	}
	fputs("</tr></thead>\n<tbody>\n", f);
	for (r = 0; r < max; r++) {
		fputs("<tr>", f);
		for (c = 0; c < ties_table_ncols(t); c++) {
			enum ties_type ty = ties_table_type(t, r, c);

			fputs(ty == TIES_INT || ty == TIES_REAL
				      ? "<td class=\"num\">"
				      : "<td>",
			      f);
			html(f, cell_text(t, r, c, buf));
			fputs("</td>", f);
		}
		fputs("</tr>\n", f);
	}
	fputs("</tbody></table>\n", f);
	if (max < n)
		fprintf(f, "<p class=\"more\">… and %zu more (ties with "
			   "--format csv gives them all).</p>\n",
			n - max);
}

static void md_table(FILE *f, const ties_table *t, size_t max)
{
	size_t r, c, n = ties_table_nrows(t);
	char buf[40];

	if (!max || max > n)
		max = n;
	fputc('|', f);
	for (c = 0; c < ties_table_ncols(t); c++) {
		fputc(' ', f);
		md(f, heading(ties_table_colname(t, c)));
		fputs(" |", f);
	}
	fputs("\n|", f);
	for (c = 0; c < ties_table_ncols(t); c++) {
		enum ties_type ty = ties_table_nrows(t)
					    ? ties_table_type(t, 0, c)
					    : TIES_TEXT;

		fputs(ty == TIES_INT || ty == TIES_REAL ? " ---: |" : " --- |",
		      f);
	}
	fputc('\n', f);
	for (r = 0; r < max; r++) {
		fputc('|', f);
		for (c = 0; c < ties_table_ncols(t); c++) {
			fputc(' ', f);
			md(f, cell_text(t, r, c, buf));
			fputs(" |", f);
		}
		fputc('\n', f);
	}
	if (max < n)
		fprintf(f, "\n… and %zu more.\n", n - max);
	fputc('\n', f);
}

/* Keep some columns of a table, by name; NULL-terminated list. */
static ties_table *project(const ties_table *t, const char *const *names)
{
	size_t n = 0, r, c, k, map[32];
	ties_table *out;

	while (names[n])
		n++;
	for (k = 0; k < n; k++)
		for (map[k] = (size_t)-1, c = 0; c < ties_table_ncols(t); c++)
			if (!strcmp(ties_table_colname(t, c), names[k]))
				map[k] = c;
	if (!(out = ties_table__new(n, names)))
		return NULL;
	for (r = 0; r < ties_table_nrows(t); r++) {
		if (ties_table__add_row(out) < 0)
			goto oom;
		for (k = 0; k < n; k++) {
			size_t src = map[k];
			int rc = 0;

			if (src == (size_t)-1)
				continue;
			switch (ties_table_type(t, r, src)) {
			case TIES_INT:
				rc = ties_table__set_int(
					out, k, ties_table_int(t, r, src));
				break;
			case TIES_REAL:
				rc = ties_table__set_real(
					out, k, ties_table_real(t, r, src));
				break;
			default:
				rc = ties_table__set_text(
					out, k, ties_table_text(t, r, src));
			}
			if (rc < 0)
				goto oom;
		}
	}
	return out;
oom:
	ties_table_free(out);
	return NULL;
}

/* ------------------------------------------------------------- parts --- */

enum {
	SEC_COUNTS,
	SEC_DEGREE,
	SEC_BETWEENNESS,
	SEC_PAGERANK,
	SEC_COMMUNITIES,
	SEC_COUNTRIES,
	SEC_N
};

struct parts {
	ties_table *sec[SEC_N];
	ties_table *pairs[3]; /* between the strongest country pairs */
	char *pair_title[3];
	double modularity;
	char *svg;
	size_t nnodes, nedges;
	const char *graph; /* "entity graph", or "directed entity graph" */
	ties_graph *cg; /* the country graph: countries' names by id */
	ties_buf title;	/* the default title */
};

static void parts_release(struct parts *p)
{
	int i;

	for (i = 0; i < SEC_N; i++)
		ties_table_free(p->sec[i]);
	ties_graph_free(p->cg);
	ties_buf__release(&p->title);
	for (i = 0; i < 3; i++) {
		ties_table_free(p->pairs[i]);
		free(p->pair_title[i]);
	}
	ties_free(p->svg);
}

static int gather(ties_db *db, const ties_filter *f, struct parts *p)
{
	static const char *const rank_cols[] = {
		"rank", "id", "name", "kind", "country", "score", NULL};
	static const char *const between_cols[] = {
		"date", "kind", "title", "x_side", "y_side", "cite", NULL};
	ties_graph *g = NULL, *cg = NULL;
	ties_rank_opts ro = {TIES_DEGREE, 0, 0, 0, 10};
	ties_community_opts co = {TIES_LEIDEN, 1.0, 1, 10, 1};
	ties_draw_opts dopt;
	ties_table *t = NULL;
	size_t i;
	int rc;

	if ((rc = ties_rd__step(db, 0, 8, "report: counts")) < 0 ||
	    (rc = ties_stats(db, &p->sec[SEC_COUNTS])) < 0 ||
	    (rc = ties_rd__step(db, 1, 8, "report: the graph")) < 0 ||
	    (rc = ties_graph_build(db, &g, TIES_GRAPH_ENTITY, f)) < 0)
		goto done;
	p->nnodes = ties_graph_nnodes(g);
	p->nedges = ties_graph_nedges(g);
	p->graph = g->directed ? "directed entity graph" : "entity graph";
	for (i = 0; i < 3; i++) {
		ro.measure = i == 0   ? TIES_DEGREE
			     : i == 1 ? TIES_BETWEENNESS
				      : TIES_PAGERANK;
		if ((rc = ties_rd__step(db, 2 + (int)i, 8,
			       i == 0	? "report: degree"
			       : i == 1 ? "report: betweenness"
					: "report: pagerank")) < 0 ||
		    (rc = ties_rank(db, &t, g, &ro)) < 0)
			goto done;
		p->sec[SEC_DEGREE + i] = project(t, rank_cols);
		ties_table_free(t);
		t = NULL;
	}
	if ((rc = ties_rd__step(db, 5, 8, "report: communities")) < 0 ||
	    (rc = ties_communities(db, &p->sec[SEC_COMMUNITIES], g, &co,
				   &p->modularity)) < 0)
		goto done;
	if ((rc = ties_rd__step(db, 6, 8, "report: countries")) < 0 ||
	    (rc = ties_graph_build(db, &cg, TIES_GRAPH_COUNTRY, f)) < 0 ||
	    (rc = ties_countries(db, &p->sec[SEC_COUNTRIES], cg, 0)) < 0)
		goto done;
	/* The ties between the three strongest country pairs. */
	for (i = 0; i < 3 && i < cg->m; i++) {
		const ties_table *ct = p->sec[SEC_COUNTRIES];
		const char *a = ties_table_text(ct, i, 0);
		const char *b = ties_table_text(ct, i, 1);
		ties_buf title = TIES_BUF_INIT;
		size_t k, ia = 0, ib = 0;

		/* The countries by id: names may be ambiguous. */
		for (k = 0; k < cg->n; k++) {
			if (!strcmp(cg->nodes[k].name, a))
				ia = k;
			if (!strcmp(cg->nodes[k].name, b))
				ib = k;
		}
		if ((rc = ties_between(db, &t, NULL, cg->nodes[ia].id,
				       cg->nodes[ib].id, f)) < 0)
			goto done;
		p->pairs[i] = project(t, between_cols);
		ties_table_free(t);
		t = NULL;
		ties_buf__printf(&title, "%s — %s", a, b);
		p->pair_title[i] = ties_buf__detach(&title);
	}
	/* The diagram: the 150 most central when the network is big, all
	 * the labels when it is small. */
	ties_draw_opts_init(&dopt);
	dopt.labels = TIES_LABELS_ALL;
	if (p->nnodes > 150)
		dopt.top = 150;
	if (p->nnodes > 60)
		dopt.labels = TIES_LABELS_TOP;
	if ((rc = ties_rd__step(db, 7, 8, "report: diagram")) < 0 ||
	    (rc = ties_draw_svg(db, g, &dopt, &p->svg, NULL)) < 0)
		goto done;
	rc = ties_rd__step(db, 8, 8, "report");
done:
	ties_table_free(t);
	ties_graph_free(g);
	p->cg = cg;
	return rc;
}

/* ----------------------------------------------------------- summary --- */

/* Column c of table t by name, or (size_t)-1. */
static size_t col_of(const ties_table *t, const char *name)
{
	for (size_t c = 0; t && c < ties_table_ncols(t); c++)
		if (!strcmp(ties_table_colname(t, c), name))
			return c;
	return (size_t)-1;
}

/* The most frequent value of column c among the rows of community k. */
static const char *most_in(const ties_table *t, size_t ccom, long k, size_t c,
			   long *count)
{
	size_t nr = ties_table_nrows(t), nv = 0;
	ties_strmap slot = {0};
	long *n = calloc(nr + 1, sizeof(*n));
	const char **val = calloc(nr + 1, sizeof(*val));
	const char *best = NULL;

	*count = 0;
	/* Count each value of community k in one pass, in the order first
	 * seen: the earliest of equally frequent values wins. */
	for (size_t r = 0; n && val && r < nr; r++) {
		const char *v = ties_table_text(t, r, c);
		long s = (long)nv;
		int had;

		if (ties_table_int(t, r, ccom) != k || !v || !*v)
			continue;
		if ((had = ties_strmap__put(&slot, v, s, &s)) < 0)
			break;
		if (!had)
			val[nv++] = v;
		n[s]++;
	}
	for (size_t s = 0; n && val && s < nv; s++)
		if (n[s] > *count) {
			*count = n[s];
			best = val[s];
		}
	ties_strmap__release(&slot);
	free(n);
	free(val);
	return best;
}

/* v with thousands separated by commas, as English prose writes it:
 * "51,591". */
static const char *grouped(long long v, char buf[32])
{
	char digits[32];
	int n = snprintf(digits, sizeof(digits), "%lld", v < 0 ? -v : v);
	int o = 0;

	if (v < 0)
		buf[o++] = '-';
	for (int i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = digits[i];
	}
	buf[o] = '\0';
	return buf;
}

/*
 * The summary in words, made from the tables it sums up (and so checked
 * against them by the tests): the size of the network, the most central,
 * the communities and what marks the largest, the strongest country pair
 * and the span of the dates.
 */
static void summary(const struct parts *p, ties_buf *out)
{
	const ties_table *cnt = p->sec[SEC_COUNTS], *pr = p->sec[SEC_PAGERANK];
	const ties_table *cm = p->sec[SEC_COMMUNITIES];
	const ties_table *ct = p->sec[SEC_COUNTRIES];
	size_t r, ncom = 0, big = 0;
	const char *sep = " (";
	char g1[32], g2[32];

	long total = 0;

	for (r = 0; cnt && r < ties_table_nrows(cnt); r++)
		if (!strcmp(ties_table_text(cnt, r, 0), "entity") &&
		    strcmp(ties_table_text(cnt, r, 1), "total"))
			total += ties_table_int(cnt, r, 2);
	ties_buf__printf(out, "The store holds %s entities",
			 grouped(total, g1));
	for (r = 0; cnt && r < ties_table_nrows(cnt); r++)
		if (!strcmp(ties_table_text(cnt, r, 0), "entity") &&
		    strcmp(ties_table_text(cnt, r, 1), "total")) {
			ties_buf__printf(out, "%s%s %s", sep,
					 ties_table_text(cnt, r, 1),
					 grouped(ties_table_int(cnt, r, 2), g1));
			sep = ", ";
		}
	ties_buf__printf(out,
			 "%s; the %s ties %s of them with %s "
			 "ties. ",
			 *sep == ',' ? ")" : "", p->graph,
			 grouped((long long)p->nnodes, g1),
			 grouped((long long)p->nedges, g2));
	if (pr && ties_table_nrows(pr)) {
		size_t sc = col_of(pr, "score"), nr = ties_table_nrows(pr);
		double top = ties_table_real(pr, 0, sc);
		double low = ties_table_real(pr, nr - 1, sc);

		if (nr > 2 && fabs(top - low) <= 1e-6 * fabs(top))
			ties_buf__printf(out,
					 "PageRank tells none of the first %zu "
					 "apart (%.4g each): the ties are too "
					 "even for it. ",
					 nr, top);
		else {
			ties_buf__puts(out, "The most central by PageRank: ");
			for (r = 0; r < 3 && r < nr; r++)
				ties_buf__printf(
					out, "%s%s",
					r == 0 ? ""
					: r + 1 == (nr < 3 ? nr : 3) ? " and "
								     : ", ",
					ties_table_text(pr, r, 2));
			ties_buf__puts(out, ". ");
		}
	}
	if (cm && ties_table_nrows(cm)) {
		size_t cc = col_of(cm, "community");
		long n = 0, in_country, in_kind;
		const char *country, *kind;

		for (r = 0; r < ties_table_nrows(cm); r++) {
			if ((size_t)ties_table_int(cm, r, cc) > ncom)
				ncom = (size_t)ties_table_int(cm, r, cc);
			n += ties_table_int(cm, r, cc) == 1;
		}
		big = (size_t)n;
		country = most_in(cm, cc, 1, col_of(cm, "country"), &in_country);
		kind = most_in(cm, cc, 1, col_of(cm, "kind"), &in_kind);
		ties_buf__printf(out,
				 "%s communit%s (modularity %.3f); the largest, "
				 "community 1, has %s members",
				 grouped((long long)ncom, g1),
				 ncom == 1 ? "y" : "ies", p->modularity,
				 grouped((long long)big, g2));
		for (r = 0; country && p->cg && r < p->cg->n; r++)
			if (!strcmp(p->cg->nodes[r].id, country)) {
				country = p->cg->nodes[r].name;
				break;
			}
		if (country)
			ties_buf__printf(out, ", %s of them in %s",
					 grouped(in_country, g1), country);
		if (kind)
			ties_buf__printf(out, ", %s of kind %s",
					 grouped(in_kind, g1), kind);
		ties_buf__puts(out, ". ");
	}
	if (ct && ties_table_nrows(ct)) {
		const char *lo = NULL, *hi = NULL;

		ties_buf__printf(out,
				 "The strongest tie between countries is %s — "
				 "%s, of weight %.0f",
				 ties_table_text(ct, 0, 0),
				 ties_table_text(ct, 0, 1),
				 ties_table_real(ct, 0, 2));
		if (ties_table_int(ct, 0, 3) > 0)
			ties_buf__printf(out, ", over %lld shared events",
					 ties_table_int(ct, 0, 3));
		for (r = 0; r < ties_table_nrows(ct); r++) {
			const char *f = ties_table_text(ct, r, 4);
			const char *l = ties_table_text(ct, r, 5);

			if (f && *f && (!lo || strcmp(f, lo) < 0))
				lo = f;
			if (l && *l && (!hi || strcmp(l, hi) > 0))
				hi = l;
		}
		ties_buf__puts(out, ". ");
		if (lo && hi && !strcmp(lo, hi))
			ties_buf__printf(out,
					 "Ties between countries are all "
					 "dated %s.",
					 lo);
		else if (lo && hi)
			ties_buf__printf(out,
					 "Ties between countries are dated "
					 "from %s to %s.",
					 lo, hi);
	}
}

/* The headings of the sections, in the order of their tables. */
static const char *const headings[SEC_N] = {
	"Counts",		       "Top entities by degree",
	"Top entities by betweenness", "Top entities by PageRank",
	"Communities",		       "Ties between countries"};

/* -------------------------------------------------------------- HTML --- */

static const char html_style[] =
	"body{font:14px/1.45 system-ui,Helvetica,Arial,sans-serif;margin:0;"
	"color:#222;background:#fafafa}"
	"header{background:#243447;color:#fff;padding:14px 24px}"
	"header h1{margin:0;font-size:20px}main{padding:8px 24px 40px}"
	"section{margin:22px 0}h2{font-size:17px;border-bottom:1px solid #ccc}"
	"table{border-collapse:collapse;margin:6px 0;background:#fff;"
	"display:block;overflow-x:auto;max-width:100%}"
	"th,td{border:1px solid #ddd;padding:3px 8px;vertical-align:top}"
	"th{background:#eef1f4;cursor:pointer;user-select:none}"
	"th.asc:after{content:' \\25B2'}th.desc:after{content:' \\25BC'}"
	"td.num{text-align:right;font-variant-numeric:tabular-nums}"
	".more{color:#666;font-style:italic}#summary{max-width:60em}"
	".grid{display:flex;flex-wrap:wrap;gap:18px}"
	".grid>*{min-width:0;max-width:100%}"
	"#diagram{border:1px solid #ccc;background:#fff;height:70vh;"
	"overflow:hidden;cursor:grab;position:relative}"
	"#diagram svg{width:100%;height:100%}"
	"#search{font-size:14px;padding:4px 8px;width:22em;max-width:90%}"
	"@media(max-width:600px){main{padding:8px 10px}"
	"header{padding:10px}}"
	".hit polygon,.hit ellipse,.hit path{stroke:#e0245e!important;"
	"stroke-width:4px!important}"
	".dim{opacity:.25}#status{color:#666;margin-left:8px}";

/* Sorting, search and pan/zoom, in plain script. */
static const char html_script[] =
	"(function(){\n"
	"'use strict';\n"
	"function key(td){var t=td.textContent.trim();var n=parseFloat(t);"
	"return td.className==='num'&&!isNaN(n)?n:t.toLowerCase();}\n"
	"document.querySelectorAll('table.sortable th').forEach(function(th,i){"
	"th.addEventListener('click',function(){var tb=th.closest('table')."
	"tBodies[0];var asc=!th.classList.contains('asc');"
	"th.parentNode.querySelectorAll('th').forEach(function(h){h.classList."
	"remove('asc','desc');});th.classList.add(asc?'asc':'desc');"
	"var rows=Array.prototype.slice.call(tb.rows);rows.sort(function(a,b){"
	"var x=key(a.cells[i]),y=key(b.cells[i]);return (x<y?-1:x>y?1:0)*(asc?"
	"1:-1);});rows.forEach(function(r){tb.appendChild(r);});});});\n"
	"var box=document.getElementById('diagram');"
	"var svg=box?box.querySelector('svg'):null;\n"
	"if(svg){svg.removeAttribute('width');svg.removeAttribute('height');"
	"var vb=svg.viewBox.baseVal;var "
	"v={x:vb.x,y:vb.y,w:vb.width,h:vb.height};\n"
	/* The box takes the diagram's shape, up to 85% of the window's
	 * height: the diagram fills it at any width. */
	"function fit(){if(v.w>0)box.style.height=Math.max(200,Math.min("
	"window.innerHeight*0.85,box.clientWidth*vb.height/vb.width))+'px';}"
	"fit();window.addEventListener('resize',fit);\n"
	"function show(){svg.setAttribute('viewBox',v.x+' '+v.y+' '+v.w+' '+"
	"v.h);}\n"
	"box.addEventListener('wheel',function(e){e.preventDefault();"
	"var r=svg.getBoundingClientRect();var f=e.deltaY<0?0.85:1/0.85;"
	"var px=v.x+(e.clientX-r.left)/r.width*v.w,py=v.y+(e.clientY-r.top)/"
	"r.height*v.h;v.w*=f;v.h*=f;v.x=px-(px-v.x)*f;v.y=py-(py-v.y)*f;show();"
	"},{passive:false});\n"
	"var drag=null;box.addEventListener('mousedown',function(e){drag={x:e."
	"clientX,y:e.clientY};box.style.cursor='grabbing';});"
	"window.addEventListener('mouseup',function(){drag=null;box.style."
	"cursor='grab';});"
	"window.addEventListener('mousemove',function(e){if(!drag)return;"
	"var r=svg.getBoundingClientRect();v.x-=(e.clientX-drag.x)/r.width*v.w;"
	"v.y-=(e.clientY-drag.y)/r.height*v.h;drag={x:e.clientX,y:e.clientY};"
	"show();});}\n"
	"var input=document.getElementById('search');"
	"var status=document.getElementById('status');\n"
	"if(input&&svg){input.addEventListener('input',function(){"
	"var q=input.value.trim().toLowerCase();var n=0;"
	"svg.querySelectorAll('g.node').forEach(function(g){"
	"var t=(g.querySelector('title')||{}).textContent||'';"
	"var a=g.querySelector('a');var tip=a?(a.getAttribute('xlink:title')||"
	"a.getAttribute('title')||''):'';tip=tip.split(' \\u2014 ')[0];"
	"var "
	"hit=q&&(t.toLowerCase().indexOf(q)>=0||tip.toLowerCase().indexOf(q)"
	">=0);g.classList.toggle('hit',!!hit);g.classList.toggle('dim',!!q&&!"
	"hit);"
	"if(hit)n++;});status.textContent=q?n+' found':'';});\n"
	"var m=/^#find=(.*)$/.exec(location.hash);if(m){input.value="
	"decodeURIComponent(m[1]);input.dispatchEvent(new Event('input'));}}\n"
	"document.body.setAttribute('data-ready','1');\n"
	"})();\n";

static int write_html(const struct parts *p, FILE *f, const char *title,
		      size_t rows)
{
	char g1[32], g2[32];
	ties_buf sum = TIES_BUF_INIT;
	static const char *const ids[SEC_N] = {"counts",      "degree",
					       "betweenness", "pagerank",
					       "communities", "countries"};
	const char *svg = p->svg ? strstr(p->svg, "<svg") : NULL;
	int i;

	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta "
	      "charset=\"utf-8\">\n<meta name=\"viewport\" "
	      "content=\"width=device-width,initial-scale=1\">\n<title>",
	      f);
	html(f, title);
	fprintf(f, "</title>\n<style>%s</style>\n</head>\n<body>\n<header><h1>",
		html_style);
	html(f, title);
	fprintf(f,
		"</h1><div>%s entities and %s ties in the %s; "
		"made by ties %s</div></header>\n<main>\n",
		grouped((long long)p->nnodes, g1),
		grouped((long long)p->nedges, g2), p->graph, TIES_VERSION);
	summary(p, &sum);
	fputs("<section><h2>Summary</h2><p id=\"summary\">", f);
	html(f, ties_buf__str(&sum));
	fputs("</p></section>\n", f);
	ties_buf__release(&sum);
	fputs("<section><h2>Diagram</h2><input id=\"search\" type=\"search\" "
	      "placeholder=\"Find an entity in the diagram\" "
	      "aria-label=\"Find an entity in the diagram\"><span "
	      "id=\"status\"></span>\n<p>Scroll to zoom, drag to pan.</p>"
	      "<div id=\"diagram\">\n",
	      f);
	if (svg)
		fputs(svg, f);
	fputs("</div></section>\n", f);
	fputs("<div class=\"grid\">\n", f);
	for (i = 0; i < SEC_N; i++) {
		if (i == SEC_COMMUNITIES)
			fputs("</div>\n", f);
		fprintf(f, "<section><h2>%s</h2>\n", headings[i]);
		if (i == SEC_COMMUNITIES)
			fprintf(f,
				"<p>Leiden, best of 10 seeds, modularity "
				"%.4f. Stability: the share of runs that "
				"grouped an entity with its community.</p>\n",
				p->modularity);
		html_table(f, p->sec[i], ids[i], rows);
		fputs("</section>\n", f);
	}
	for (i = 0; i < 3; i++) {
		char id[16];

		if (!p->pairs[i])
			continue;
		fputs("<section><h2>Ties between ", f);
		html(f, p->pair_title[i]);
		fputs("</h2>\n", f);
		snprintf(id, sizeof(id), "pair%d", i + 1);
		html_table(f, p->pairs[i], id, rows);
		fputs("</section>\n", f);
	}
	fprintf(f, "</main>\n<script>\n%s</script>\n</body>\n</html>\n",
		html_script);
	return ferror(f) ? TIES_EIO : 0;
}

/* ---------------------------------------------------------- Markdown --- */

static int write_md(const struct parts *p, FILE *f, const char *title,
		    const char *svgname, size_t rows)
{
	char g1[32], g2[32];
	ties_buf sum = TIES_BUF_INIT;
	int i;

	fputs("# ", f);
	md(f, title);
	fprintf(f,
		"\n\n%s entities and %s ties in the %s; made by "
		"ties %s.\n\n",
		grouped((long long)p->nnodes, g1),
		grouped((long long)p->nedges, g2), p->graph, TIES_VERSION);
	summary(p, &sum);
	fputs("## Summary\n\n", f);
	md(f, ties_buf__str(&sum));
	fputs("\n\n", f);
	ties_buf__release(&sum);
	if (svgname) {
		fputs("![The network](", f);
		md(f, svgname);
		fputs(")\n\n", f);
	}
	for (i = 0; i < SEC_N; i++) {
		fprintf(f, "## %s\n\n", headings[i]);
		if (i == SEC_COMMUNITIES)
			fprintf(f,
				"Leiden, best of 10 seeds, modularity "
				"%.4f.\n\n",
				p->modularity);
		md_table(f, p->sec[i], rows);
	}
	for (i = 0; i < 3; i++) {
		if (!p->pairs[i])
			continue;
		fputs("## Ties between ", f);
		md(f, p->pair_title[i]);
		fputs("\n\n", f);
		md_table(f, p->pairs[i], rows);
	}
	return ferror(f) ? TIES_EIO : 0;
}

int ties_report(ties_db *db, const ties_filter *filter, const char *path,
		const char *title, long rows)
{
	struct parts p;
	const char *ext;
	FILE *f = NULL;
	char *tmp = NULL;
	int rc, is_md;

	assert(db && path);
	ext = strrchr(path, '/');
	ext = strrchr(ext ? ext : path, '.');
	if (!ext ||
	    (strcmp(ext, ".html") && strcmp(ext, ".htm") && strcmp(ext, ".md")))
		return ties_db__seterr(db, TIES_EINVALID,
				       "'%s': a report is .html or .md", path);
	is_md = !strcmp(ext, ".md");
	memset(&p, 0, sizeof(p));
	if ((rc = gather(db, filter, &p)) < 0)
		goto done;
	/* The default title names the data: "ror: network report". */
	if (!title) {
		const char *file = ties_store__filename(db), *slash, *dot;

		if (file && *file) {
			slash = strrchr(file, '/');
			file = slash ? slash + 1 : file;
			dot = strrchr(file, '.');
			ties_buf__printf(&p.title, "%.*s: network report",
					 dot && dot > file ? (int)(dot - file)
							   : (int)strlen(file),
					 file);
			title = ties_buf__str(&p.title);
		} else {
			title = "Network report";
		}
	}
	if (is_md) {
		/* The diagram as an .svg beside the Markdown. */
		ties_buf svgpath = TIES_BUF_INIT;
		const char *base;
		FILE *s;

		ties_buf__add(&svgpath, path, (size_t)(ext - path));
		ties_buf__puts(&svgpath, ".svg");
		if (!(s = ties_rd__out_begin(db, ties_buf__str(&svgpath),
					     &tmp))) {
			rc = TIES_EIO;
			ties_buf__release(&svgpath);
			goto done;
		}
		fputs(p.svg ? p.svg : "", s);
		if ((rc = ties_rd__out_end(db, s, tmp, ties_buf__str(&svgpath),
					   0)) < 0) {
			ties_buf__release(&svgpath);
			goto done;
		}
		base = strrchr(ties_buf__str(&svgpath), '/');
		base = base ? base + 1 : ties_buf__str(&svgpath);
		if (!(f = ties_rd__out_begin(db, path, &tmp))) {
			rc = TIES_EIO;
			ties_buf__release(&svgpath);
			goto done;
		}
		rc = write_md(&p, f, title, base, rows > 0 ? (size_t)rows : 25);
		ties_buf__release(&svgpath);
	} else {
		if (!(f = ties_rd__out_begin(db, path, &tmp))) {
			rc = TIES_EIO;
			goto done;
		}
		rc = write_html(&p, f, title, rows > 0 ? (size_t)rows : 25);
	}
	rc = ties_rd__out_end(db, f, tmp, path,
			      rc < 0 ? ties_db__seterr(db, rc, "write error")
				     : 0);
	f = NULL;
done:
	parts_release(&p);
	return rc;
}
