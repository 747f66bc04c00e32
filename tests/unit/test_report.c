/* Unit tests: the writers keep every byte of user text, each in its own
 * quoting, and the human table cannot be broken by a name. */
#include "helpers.h"
#include "ties_int.h"

static const char hostile[] = "Eve \"the\" <b>&amp; \\x\nline\ttab\r"
			      "\xe2\x80\xae"
			      "RTL";

static char *render(const ties_table *t, enum ties_format fmt)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	assert_int_equal(ties_table_write(t, f, fmt), 0);
	fclose(f);
	return buf;
}

static ties_table *sample(void)
{
	static const char *const cols[] = {"name", "n", "score", "none"};
	ties_table *t = ties_table__new(4, cols);

	assert_non_null(t);
	assert_int_equal(ties_table__add_row(t), 0);
	ties_table__set_text(t, 0, hostile);
	ties_table__set_int(t, 1, 42);
	ties_table__set_real(t, 2, 0.125);
	ties_table__set_text(t, 3, NULL);
	return t;
}

static void test_csv_quotes_and_doubles(void **state)
{
	ties_table *t = sample();
	char *s = render(t, TIES_FORMAT_CSV);

	(void)state;
	assert_string_equal(s, "name,n,score,none\r\n"
			       "\"Eve \"\"the\"\" <b>&amp; \\x\nline\ttab\r"
			       "\xe2\x80\xae"
			       "RTL\",42,0.125000,\r\n");
	free(s);
	ties_table_free(t);
}

static void test_tsv_escapes(void **state)
{
	ties_table *t = sample();
	char *s = render(t, TIES_FORMAT_TSV);

	(void)state;
	assert_string_equal(s, "name\tn\tscore\tnone\n"
			       "Eve \"the\" <b>&amp; \\\\x\\nline\\ttab\\r"
			       "\xe2\x80\xae"
			       "RTL\t42\t0.125000\t\n");
	free(s);
	ties_table_free(t);
}

static void test_json_types_and_escapes(void **state)
{
	ties_table *t = sample();
	char *s = render(t, TIES_FORMAT_JSON);

	(void)state;
	assert_non_null(strstr(s, "\"name\": \"Eve \\\"the\\\" <b>&amp; "
				  "\\\\x\\nline\\ttab\\r\xe2\x80\xae"
				  "RTL\""));
	assert_non_null(strstr(s, "\"n\": 42"));
	assert_non_null(strstr(s, "\"score\": 0.125"));
	assert_non_null(strstr(s, "\"none\": null"));
	assert_int_equal(s[0], '[');
	free(s);
	ties_table_free(t);
}

static void test_table_shows_controls_as_escapes(void **state)
{
	ties_table *t = sample();
	char *s = render(t, TIES_FORMAT_TABLE);

	(void)state;
	/* Header, one row, nothing else: the newline could not split it. */
	assert_string_equal(strchr(s, '\n') + 1,
			    "Eve \"the\" <b>&amp; \\x\\nline\\ttab\\r"
			    "\\u{202e}RTL  42  0.125000  \n");
	free(s);
	ties_table_free(t);
}

static void test_table_aligns_by_display_width(void **state)
{
	static const char *const cols[] = {"name", "k"};
	ties_table *t = ties_table__new(2, cols);
	char *s;

	(void)state;
	ties_table__add_row(t);
	ties_table__set_text(t, 0, "北京");
	ties_table__set_text(t, 1, "a");
	ties_table__add_row(t);
	ties_table__set_text(t, 0, "Ölga");
	ties_table__set_text(t, 1, "b");
	s = render(t, TIES_FORMAT_TABLE);
	assert_string_equal(s, "name  k\n北京  a\nÖlga  b\n");
	free(s);
	ties_table_free(t);
}

static void test_format_parse(void **state)
{
	(void)state;
	assert_int_equal(ties_format_parse("json"), TIES_FORMAT_JSON);
	assert_int_equal(ties_format_parse("table"), TIES_FORMAT_TABLE);
	assert_int_equal(ties_format_parse("JSON"), -1);
	assert_int_equal(ties_format_parse("xml"), -1);
}

static void test_typed_accessors(void **state)
{
	ties_table *t = sample();

	(void)state;
	assert_int_equal(ties_table_ncols(t), 4);
	assert_string_equal(ties_table_colname(t, 2), "score");
	assert_int_equal(ties_table_type(t, 0, 1), TIES_INT);
	assert_int_equal(ties_table_int(t, 0, 1), 42);
	assert_true(ties_table_real(t, 0, 2) == 0.125);
	assert_int_equal(ties_table_type(t, 0, 3), TIES_NULL);
	assert_null(ties_table_text(t, 0, 3));
	ties_table_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_quotes_and_doubles),
		cmocka_unit_test(test_tsv_escapes),
		cmocka_unit_test(test_json_types_and_escapes),
		cmocka_unit_test(test_table_shows_controls_as_escapes),
		cmocka_unit_test(test_table_aligns_by_display_width),
		cmocka_unit_test(test_format_parse),
		cmocka_unit_test(test_typed_accessors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
