/*
 * countries.c — ties init: the world's countries seeded from ISO 3166-1
 * (Debian iso-codes).
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "store_int.h"

/* Everyday names that ISO 3166-1 does not give. */
static const struct {
	const char *alpha2;
	const char *alias;
} everyday[] = {
	{"ae", "UAE"},
	{"bn", "Brunei"},
	{"cd", "DR Congo"},
	{"cd", "DRC"},
	{"cd", "Democratic Republic of the Congo"},
	{"cg", "Republic of the Congo"},
	{"ci", "Ivory Coast"},
	{"cv", "Cape Verde"},
	{"cz", "Czech Republic"},
	{"fm", "Micronesia"},
	{"gb", "Britain"},
	{"gb", "Great Britain"},
	{"gb", "UK"},
	{"mk", "Macedonia"},
	{"mm", "Burma"},
	{"ps", "Palestine"},
	{"ru", "Russia"},
	{"sz", "Swaziland"},
	{"tl", "East Timor"},
	{"tr", "Turkey"},
	{"us", "USA"},
	{"us", "United States of America"},
	{"va", "Vatican"},
};

const char *ties_iso3166_path(void)
{
	return "/usr/share/iso-codes/json/iso_3166-1.json";
}

static const char *jstr(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

int ties_db_init(ties_db *db, const char *iso_json, long *seeded)
{
	json_t *root = NULL, *list;
	json_error_t jerr;
	sqlite3_stmt *exists = NULL;
	size_t i, j;
	long n = 0;
	int rc = 0;

	assert(db);
	if (seeded)
		*seeded = 0;
	if (!iso_json)
		iso_json = ties_iso3166_path();
	root = json_load_file(iso_json, 0, &jerr);
	if (!root)
		return ties_db__seterr(db, TIES_EIO, "%s:%d: %s", iso_json,
				       jerr.line, jerr.text);
	list = json_object_get(root, "3166-1");
	if (!json_is_array(list)) {
		json_decref(root);
		return ties_db__seterr(db, TIES_EINVALID,
				       "%s: no \"3166-1\" array", iso_json);
	}
	if ((rc = ties_db__begin(db)) < 0) {
		json_decref(root);
		return rc;
	}
	if (sqlite3_prepare_v2(db->sql, "SELECT 1 FROM entity WHERE id = ?1",
			       -1, &exists, NULL) != SQLITE_OK) {
		rc = ties_db__sqlerr(db);
		goto fail;
	}
	for (i = 0; i < json_array_size(list); i++) {
		json_t *c = json_array_get(list, i);
		const char *a2 = jstr(c, "alpha_2"), *a3 = jstr(c, "alpha_3");
		const char *name = jstr(c, "name");
		const char *common = jstr(c, "common_name");
		const char *official = jstr(c, "official_name");
		const char *aliases[8];
		char id[3];
		size_t na = 0;
		ties_entity_row row;
		sqlite3_int64 rowid;
		int have;

		if (!a2 || !a3 || !name || strlen(a2) != 2)
			continue;
		id[0] = (char)(a2[0] | 0x20);
		id[1] = (char)(a2[1] | 0x20);
		id[2] = 0;
		/* Never touch a country someone already has. */
		sqlite3_reset(exists);
		sqlite3_bind_text(exists, 1, id, 2, SQLITE_TRANSIENT);
		have = sqlite3_step(exists) == SQLITE_ROW;
		if (have)
			continue;
		aliases[na++] = a2;
		aliases[na++] = a3;
		if (common)
			aliases[na++] = name;
		if (official)
			aliases[na++] = official;
		for (j = 0; j < sizeof(everyday) / sizeof(everyday[0]) &&
			    na < sizeof(aliases) / sizeof(aliases[0]);
		     j++)
			if (!strcmp(everyday[j].alpha2, id))
				aliases[na++] = everyday[j].alias;
		memset(&row, 0, sizeof(row));
		row.id = id;
		row.kind = "country";
		row.name = common ? common : name;
		row.aliases = aliases;
		row.naliases = na;
		row.replace_aliases = row.replace_attrs = 1;
		if ((rc = ties_store__entity_put(db, &row, &rowid)) < 0 ||
		    (rc = ties_st__exec_rowid(
			     db,
			     "UPDATE entity SET seeded = 1 WHERE "
			     "rowid = ?1",
			     rowid)) < 0)
			goto fail;
		n++;
	}
	sqlite3_finalize(exists);
	json_decref(root);
	if ((rc = ties_db__commit(db)) < 0)
		return rc;
	if (seeded)
		*seeded = n;
	return 0;
fail:
	sqlite3_finalize(exists);
	json_decref(root);
	ties_db__rollback(db);
	return rc;
}
