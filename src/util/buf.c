#include "util/buf.h"
#include "util/alloc.h"
#include "util/error.h"

#include <stdio.h>
#include <string.h>

int dyad_buf_grow(dyad_buf *b, size_t extra)
{
	size_t max = b->max ? b->max : DYAD_BUF_DEFAULT_MAX;
	if (extra > max || b->len + extra + 1 > max)
		return dyad_error_set(DYAD_ELIMIT, "buffer limit of %zu bytes reached", max);
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return 0;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap > max / 2 ? max : cap * 2;
	char *p = dyad_realloc(b->data, cap);
	if (!p)
		return DYAD_ENOMEM;
	b->data = p;
	b->cap = cap;
	return 0;
}

int dyad_buf_append(dyad_buf *b, const void *data, size_t len)
{
	int rc = dyad_buf_grow(b, len);
	if (rc)
		return rc;
	if (len)
		memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = '\0';
	return 0;
}

int dyad_buf_putc(dyad_buf *b, char c)
{
	return dyad_buf_append(b, &c, 1);
}

int dyad_buf_puts(dyad_buf *b, const char *s)
{
	return dyad_buf_append(b, s, strlen(s));
}

int dyad_buf_vprintf(dyad_buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return dyad_error_set(DYAD_EINVAL, "bad format string");
	int rc = dyad_buf_grow(b, (size_t)n);
	if (rc)
		return rc;
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return 0;
}

int dyad_buf_printf(dyad_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rc = dyad_buf_vprintf(b, fmt, ap);
	va_end(ap);
	return rc;
}

int dyad_buf_json_str(dyad_buf *b, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	int rc = dyad_buf_grow(b, len + 2);
	for (size_t i = 0; i < len && rc == 0; i++) {
		unsigned char c = (unsigned char)s[i];
		switch (c) {
		case '"':  rc = dyad_buf_append(b, "\\\"", 2); break;
		case '\\': rc = dyad_buf_append(b, "\\\\", 2); break;
		case '\n': rc = dyad_buf_append(b, "\\n", 2); break;
		case '\r': rc = dyad_buf_append(b, "\\r", 2); break;
		case '\t': rc = dyad_buf_append(b, "\\t", 2); break;
		default:
			if (c < 0x20) {
				char esc[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };
				rc = dyad_buf_append(b, esc, 6);
			} else {
				rc = dyad_buf_putc(b, (char)c);
			}
		}
	}
	return rc;
}

void dyad_buf_clear(dyad_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void dyad_buf_release(dyad_buf *b)
{
	dyad_free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

char *dyad_buf_detach(dyad_buf *b, size_t *len_out)
{
	char *p = b->data;
	if (len_out)
		*len_out = b->len;
	if (!p)
		p = dyad_strndup("", 0);
	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}
