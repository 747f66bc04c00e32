/*
 * error.c — error codes and their names, and the message kept on the
 * handle: one line, whatever the text it quotes.
 */
#include <assert.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "ties_int.h"

const char *ties_strerror(int code)
{
	switch (code) {
	case TIES_OK:
		return "success";
	case TIES_ENOTFOUND:
		return "not found";
	case TIES_EAMBIGUOUS:
		return "ambiguous reference";
	case TIES_EINVALID:
		return "invalid input";
	case TIES_EEXISTS:
		return "already exists";
	case TIES_ENOMEM:
		return "out of memory";
	case TIES_EIO:
		return "input/output error";
	case TIES_EDB:
		return "database error";
	default:
		return "error";
	}
}

void ties_free(void *p)
{
	free(p);
}

const char *ties_version(void)
{
	return TIES_VERSION;
}

/*
 * Messages are one line whatever the user's text holds: control characters
 * that came in through names are shown as escapes.
 */
static void oneline(ties_buf *b)
{
	ties_buf out = TIES_BUF_INIT;
	size_t i;

	for (i = 0; i < b->len; i++) {
		unsigned char c = (unsigned char)b->ptr[i];

		if (c == '\n')
			ties_buf__puts(&out, "\\n");
		else if (c == '\r')
			ties_buf__puts(&out, "\\r");
		else if (c == '\t')
			ties_buf__puts(&out, "\\t");
		else if (c < 0x20 || c == 0x7f)
			ties_buf__printf(&out, "\\x%02x", c);
		else
			ties_buf__putc(&out, (char)c);
	}
	ties_buf__release(b);
	*b = out;
}

int ties_db__seterr(ties_db *db, int code, const char *fmt, ...)
{
	va_list ap;

	assert(db);
	ties_buf__clear(&db->err);
	va_start(ap, fmt);
	ties_buf__vprintf(&db->err, fmt, ap);
	va_end(ap);
	oneline(&db->err);
	return code;
}

void ties_db__prefix_err(ties_db *db, const char *fmt, ...)
{
	ties_buf pre = TIES_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	ties_buf__vprintf(&pre, fmt, ap);
	va_end(ap);
	ties_buf__puts(&pre, ties_buf__str(&db->err));
	ties_buf__release(&db->err);
	db->err = pre;
	/* A prefix names files and nodes: user text too. */
	oneline(&db->err);
}

void ties_db__clearerr(ties_db *db)
{
	ties_buf__clear(&db->err);
}

const char *ties_errmsg(const ties_db *db)
{
	if (!db)
		return "out of memory";
	return ties_buf__str(&db->err);
}

void ties_db__notice(ties_db *db, const char *fmt, ...)
{
	ties_buf line = TIES_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	ties_buf__vprintf(&line, fmt, ap);
	va_end(ap);
	if (!line.oom && !strstr(ties_buf__str(&db->notice), ties_buf__str(&line))) {
		ties_buf__puts(&db->notice, ties_buf__str(&line));
		ties_buf__putc(&db->notice, '\n');
	}
	ties_buf__release(&line);
}

const char *ties_notice(const ties_db *db)
{
	return db ? ties_buf__str(&db->notice) : "";
}

void ties_notice_clear(ties_db *db)
{
	if (db)
		ties_buf__clear(&db->notice);
}
