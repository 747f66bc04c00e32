/*
 * render_int.h — what the writers of src/render share. Private.
 */
#ifndef TIES_RENDER_RENDER_INT_H
#define TIES_RENDER_RENDER_INT_H

#include <stdio.h>

/* Write s with & < > " ' as entities. With xml, ' is &apos;, newlines,
 * tabs and returns are character references (an attribute keeps them) and
 * the other control characters, which XML 1.0 cannot carry, are dropped;
 * else ' is &#39; and the rest is written as it is. */
void ties_rd__escape(FILE *f, const char *s, int xml);

#endif
