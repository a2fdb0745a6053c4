/*
 * fuzz_jsonw.c - the server's hot-path JSON writer (src/server/jsonw.c,
 * compiled in here since the server is not part of the library): any
 * bytes written as a JSON string must parse back with jansson, and valid
 * UTF-8 without NUL must come back unchanged.
 */
#include "server/jsonw.c"

#include <jansson.h>
#include <stdlib.h>

static bool valid_utf8(const uint8_t *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		if (s[i] == 0)
			return false;
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		size_t len = utf8_len(s + i, n - i);
		if (!len)
			return false;
		i += len;
	}
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	dyad_buf b = DYAD_BUF_INIT;
	dyad_buf_puts(&b, "[");
	jw_str(&b, (const char *)data, size);
	dyad_buf_puts(&b, ",");
	jw_real(&b, size ? (double)(int8_t)data[0] / 3.0 : 0.0);
	dyad_buf_puts(&b, ",");
	jw_int(&b, size ? -(int64_t)data[0] * 1000003 : 0);
	double d = 0;
	if (size >= sizeof(d))
		memcpy(&d, data, sizeof(d));
	dyad_buf_puts(&b, ",");
	jw_fixed3(&b, d);
	dyad_buf_puts(&b, "]");
	json_error_t err;
	json_t *j = json_loadb(b.data, b.len, JSON_ALLOW_NUL, &err);
	if (!j)
		abort();   /* the writer produced invalid JSON */
	json_t *s = json_array_get(j, 0);
	json_t *f3 = json_array_get(j, 3);
	if (!json_is_string(s) || !json_is_number(json_array_get(j, 1)) || !json_is_integer(json_array_get(j, 2)) ||
	    !(json_is_number(f3) || (json_is_null(f3) && !isfinite(d))))
		abort();
	if (json_is_real(f3) && fabs(d) <= 1e12 && fabs(json_real_value(f3) - d) > 0.0005 + 1e-9 * fabs(d))
		abort();   /* rounded to 3 decimals, no more */
	if (valid_utf8(data, size) &&
	    (json_string_length(s) != size || memcmp(json_string_value(s), data, size) != 0))
		abort();   /* valid text must survive unchanged */
	json_decref(j);
	dyad_buf_release(&b);
	return 0;
}
