/*
 * card.h — the layout of an entity card, shared by store/query.c (which
 * fills it) and util/card.c (which writes it). Private.
 */
#ifndef TIES_CARD_H
#define TIES_CARD_H

#include "ties_int.h"

enum { CARD_RELATIONS, CARD_EVENTS, CARD_SOURCES, CARD_NSECTIONS };

static const char *const card_section_names[CARD_NSECTIONS] = {
	"relations", "events", "sources"};

struct ties_card {
	char *id, *kind, *name, *country, *country_name;
	ties_table *aliases;	/* alias */
	ties_table *attributes; /* key, value */
	ties_table *sections[CARD_NSECTIONS];
};

#endif
