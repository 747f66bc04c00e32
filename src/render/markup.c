/*
 * markup.c — text escaped for XML (GraphML, GEXF) and HTML (the report).
 */
#include <stdio.h>

#include "render/render_int.h"

void ties_rd__escape(FILE *f, const char *s, int xml)
{
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		switch (c) {
		case '&':
			fputs("&amp;", f);
			break;
		case '<':
			fputs("&lt;", f);
			break;
		case '>':
			fputs("&gt;", f);
			break;
		case '"':
			fputs("&quot;", f);
			break;
		case '\'':
			fputs(xml ? "&apos;" : "&#39;", f);
			break;
		case '\n':
		case '\t':
		case '\r':
			if (xml)
				fprintf(f, "&#%d;", c);
			else
				fputc(c, f);
			break;
		default:
			if (c >= 0x20 || !xml)
				fputc(c, f);
		}
	}
}
