/* Unit tests: folding, dates, UTF-8 checks, string maps. */
#include "helpers.h"
#include "ties_int.h"

static void fold_is(const char *in, const char *want)
{
	char *out = NULL;

	assert_int_equal(ties_fold(&out, in), 0);
	assert_string_equal(out, want);
	free(out);
}

static void test_fold_case_accents_and_space(void **state)
{
	(void)state;
	fold_is("Ölga", "olga");
	fold_is("OLGA", "olga");
	fold_is("  Kirill \t  Babaev ", "kirill babaev");
	fold_is("ﬁnance", "finance");		    /* NFKC ligature */
	fold_is("Straße", "strasse");		    /* full case folding */
	fold_is("Ｉｓｌａｍａｂａｄ", "islamabad"); /* full-width */
	fold_is("ISSI’s", "issi's");		    /* lumped apostrophe */
	fold_is("", "");
}

/* ASCII takes a path of its own: each ASCII character must fold as
 * utf8proc folds it, which a non-ASCII letter at the end ("ﬁ", folded to
 * "fi") makes the string take. */
static void test_fold_ascii_as_utf8proc(void **state)
{
	char in[16], *fast = NULL, *slow = NULL;
	int c;

	(void)state;
	for (c = 1; c < 0x80; c++) {
		snprintf(in, sizeof(in), "Ab%cZ", c);
		assert_int_equal(ties_fold(&fast, in), 0);
		snprintf(in, sizeof(in), "Ab%cZ\xef\xac\x81", c);
		assert_int_equal(ties_fold(&slow, in), 0);
		assert_int_equal(strlen(slow), strlen(fast) + 2);
		assert_memory_equal(slow, fast, strlen(fast));
		assert_string_equal(slow + strlen(fast), "fi");
		free(fast);
		free(slow);
	}
}

static void test_fold_rejects_invalid_utf8(void **state)
{
	char *out = NULL;

	(void)state;
	assert_int_equal(ties_fold(&out, "a\xff"), TIES_EINVALID);
	assert_null(out);
}

static void test_date_check_partial_and_calendar(void **state)
{
	(void)state;
	assert_int_equal(ties_date_check("2025"), 0);
	assert_int_equal(ties_date_check("2025-04"), 0);
	assert_int_equal(ties_date_check("2025-04-08"), 0);
	assert_int_equal(ties_date_check("2024-02-29"), 0);
	assert_int_equal(ties_date_check("2000-02-29"), 0);
	assert_int_equal(ties_date_check("1900-02-29"), TIES_EINVALID);
	assert_int_equal(ties_date_check("2025-02-29"), TIES_EINVALID);
	assert_int_equal(ties_date_check("2025-13-40"), TIES_EINVALID);
	assert_int_equal(ties_date_check("2025-04-31"), TIES_EINVALID);
	assert_int_equal(ties_date_check("2025-00"), TIES_EINVALID);
	assert_int_equal(ties_date_check("25"), TIES_EINVALID);
	assert_int_equal(ties_date_check("2025/04/08"), TIES_EINVALID);
	assert_int_equal(ties_date_check("2025-4-8"), TIES_EINVALID);
	assert_int_equal(ties_date_check("abcd"), TIES_EINVALID);
}

static void test_utf8_invalid_offsets(void **state)
{
	(void)state;
	assert_int_equal(ties_utf8__invalid("abc", 3), 0);
	assert_int_equal(ties_utf8__invalid("Ölga", 5), 0);
	assert_int_equal(ties_utf8__invalid("ab\xc3", 3), 3);
	assert_int_equal(ties_utf8__invalid("a\xed\xa0\x80", 4),
			 2);					/* surrogate */
	assert_int_equal(ties_utf8__invalid("\xc0\xaf", 2), 1); /* overlong */
}

static void test_strmap_finds_what_it_holds(void **state)
{
	ties_strmap m = {0};
	char key[32];
	long v = 0;
	int i;

	(void)state;
	for (i = 0; i < 5000; i++) {
		snprintf(key, sizeof(key), "k%d", i);
		assert_int_equal(ties_strmap__put(&m, key, i, NULL), 0);
	}
	for (i = 0; i < 5000; i += 7) {
		snprintf(key, sizeof(key), "k%d", i);
		assert_int_equal(ties_strmap__put(&m, key, -1, &v), 1);
		assert_int_equal(v, i);
	}
	assert_int_equal(m.n, 5000);
	ties_strmap__release(&m);
}

static void test_idmap_finds_what_it_holds(void **state)
{
	ties_idmap m = {0};
	char key[32];
	int64_t v = 0;
	int i;

	(void)state;
	assert_int_equal(ties_idmap__get(&m, "k1", &v), 0);
	/* Enough keys to grow the table and the block of keys many times;
	 * keys that are prefixes of others, and the empty key. */
	for (i = 0; i < 50000; i++) {
		snprintf(key, sizeof(key), "k%d", i);
		assert_int_equal(ties_idmap__put(&m, key, (int64_t)i * 3), 0);
	}
	assert_int_equal(ties_idmap__put(&m, "", 7), 0);
	/* Keys longer than a slot holds, in the block of keys. */
	for (i = 0; i < 3000; i++) {
		snprintf(key, sizeof(key), "a-much-longer-key-%d", i);
		assert_int_equal(ties_idmap__put(&m, key, -(int64_t)i), 0);
	}
	for (i = 0; i < 3000; i += 11) {
		snprintf(key, sizeof(key), "a-much-longer-key-%d", i);
		assert_int_equal(ties_idmap__get(&m, key, &v), 1);
		assert_int_equal(v, -(int64_t)i);
	}
	assert_int_equal(ties_idmap__get(&m, "a-much-longer-key-", &v), 0);
	for (i = 0; i < 50000; i += 13) {
		snprintf(key, sizeof(key), "k%d", i);
		assert_int_equal(ties_idmap__get(&m, key, &v), 1);
		assert_int_equal(v, (int64_t)i * 3);
	}
	assert_int_equal(ties_idmap__get(&m, "k50000", &v), 0);
	assert_int_equal(ties_idmap__get(&m, "k", &v), 0);
	assert_int_equal(ties_idmap__get(&m, "", &v), 1);
	assert_int_equal(v, 7);
	/* Put again: the value changes, the count does not. */
	assert_int_equal(ties_idmap__put(&m, "k42", -1), 1);
	assert_int_equal(ties_idmap__get(&m, "k42", &v), 1);
	assert_int_equal(v, -1);
	assert_int_equal(m.n, 53001);
	ties_idmap__release(&m);
	assert_int_equal(ties_idmap__get(&m, "k42", &v), 0);
}

static void test_strerror_covers_codes(void **state)
{
	(void)state;
	assert_string_equal(ties_strerror(TIES_ENOTFOUND), "not found");
	assert_string_equal(ties_strerror(TIES_EAMBIGUOUS),
			    "ambiguous reference");
	assert_string_equal(ties_strerror(12345), "error");
	assert_string_equal(ties_version(), TIES_VERSION);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold_case_accents_and_space),
		cmocka_unit_test(test_fold_ascii_as_utf8proc),
		cmocka_unit_test(test_fold_rejects_invalid_utf8),
		cmocka_unit_test(test_date_check_partial_and_calendar),
		cmocka_unit_test(test_utf8_invalid_offsets),
		cmocka_unit_test(test_strmap_finds_what_it_holds),
		cmocka_unit_test(test_idmap_finds_what_it_holds),
		cmocka_unit_test(test_strerror_covers_codes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
