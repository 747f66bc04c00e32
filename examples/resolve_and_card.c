/*
 * resolve_and_card.c — a small program that uses libties through ties.h
 * alone: create a database, add two institutions, an MoU between them with
 * its signatories, resolve a reference and print a card.
 *
 *   cc resolve_and_card.c $(pkg-config --cflags --libs ties) -o example
 *   ./example example.db
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "ties.h"

/* Print the handle's message and fail. */
static int die(ties_db *db, const char *what)
{
	fprintf(stderr, "example: %s: %s\n", what, ties_errmsg(db));
	ties_db_close(db);
	return 1;
}

int main(int argc, char **argv)
{
	static const char *const issi_aliases[] = {"ISSI"};
	static const char *const icca_aliases[] = {"ICCA RAS"};
	const ties_participant_spec parties[] = {
		{.entity = "ISSI", .role = "party"},
		{.entity = "ICCA RAS", .role = "party"},
		{.entity = "Sohail Mahmood", .role = "signatory"},
		{.entity = "Kirill Babaev", .role = "signatory"},
	};
	const char *path = argc > 1 ? argv[1] : "example.db";
	ties_entity_spec e = {0};
	ties_event_spec mou = {0};
	ties_card *card = NULL;
	ties_db *db = NULL;
	const char *id = NULL;

	unlink(path);
	if (ties_db_open(&db, path, TIES_OPEN_CREATE) < 0)
		return die(db, "open");
	if (ties_db_init(db, NULL, NULL) < 0)
		return die(db, "init");

	e.kind = "institution";
	e.id = "issi";
	e.name = "Institute of Strategic Studies Islamabad";
	e.country = "Pakistan";
	e.aliases = issi_aliases;
	e.naliases = 1;
	if (ties_entity_put(db, &e) < 0)
		return die(db, "add issi");
	e.id = "icca-ras";
	e.name = "Institute of China and Contemporary Asia";
	e.country = "RUS";
	e.aliases = icca_aliases;
	if (ties_entity_put(db, &e) < 0)
		return die(db, "add icca-ras");
	e.kind = "person";
	e.aliases = NULL;
	e.naliases = 0;
	e.id = "sohail-mahmood";
	e.name = "Sohail Mahmood";
	e.country = "pk";
	if (ties_entity_put(db, &e) < 0)
		return die(db, "add person");
	e.id = "kirill-babaev";
	e.name = "Kirill Babaev";
	e.country = "Russia";
	if (ties_entity_put(db, &e) < 0)
		return die(db, "add person");

	mou.id = "mou-1";
	mou.kind = "mou";
	mou.date = "2025-04-08";
	mou.title = "ISSI-ICCA RAS MoU";
	mou.participants = parties;
	mou.nparticipants = 4;
	if (ties_event_put(db, &mou) < 0)
		return die(db, "add mou");

	/* A reference by one word of a name. */
	if (ties_entity_resolve(db, "Babaev", &id) < 0)
		return die(db, "resolve");
	printf("'Babaev' is %s\n", id);
	/* An ambiguous one is an error with the candidates. */
	if (ties_entity_resolve(db, "institute", &id) != TIES_EAMBIGUOUS)
		return die(db, "'institute' should be ambiguous");
	printf("%s\n", ties_errmsg(db));

	if (ties_card_get(db, &card, "ICCA RAS") < 0)
		return die(db, "card");
	ties_card_write(card, stdout, TIES_FORMAT_TABLE);
	ties_card_free(card);
	ties_db_close(db);
	return 0;
}
