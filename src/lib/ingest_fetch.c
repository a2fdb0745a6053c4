/*
 * ingest_fetch.c - GET a URL with libcurl: http(s) only, redirects
 * followed up to a limit, connect and total timeouts, a size cap.
 */
#include "dyad/ingest.h"
#include "util/buf.h"
#include "util/error.h"

#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>

typedef struct sink {
	dyad_buf buf;
	bool     too_big;
} sink;

static size_t on_data(char *p, size_t size, size_t n, void *ctx)
{
	sink *s = ctx;
	if (dyad_buf_append(&s->buf, p, size * n)) {
		s->too_big = true;
		return 0;    /* aborts the transfer */
	}
	return size * n;
}

static bool curl_ready;

int dyad_fetch(const char *url, const dyad_fetch_opts *opts, char **body, size_t *len)
{
	*body = NULL;
	*len = 0;
	if (strncmp(url, "http://", 7) != 0 && strncmp(url, "https://", 8) != 0)
		return dyad_error_set(DYAD_EINVAL, "%s: only http and https URLs are fetched", url);
	if (!curl_ready) {
		curl_global_init(CURL_GLOBAL_DEFAULT);
		curl_ready = true;
	}
	long timeout = opts && opts->timeout_s ? opts->timeout_s : 20;
	long redirects = opts && opts->max_redirects ? opts->max_redirects : 5;
	sink s = { DYAD_BUF_INIT, false };
	s.buf.max = opts && opts->max_bytes ? opts->max_bytes : (size_t)8 << 20;
	CURL *c = curl_easy_init();
	if (!c)
		return dyad_error_set(DYAD_ENOMEM, "%s: cannot start a transfer", url);
	char err[CURL_ERROR_SIZE] = "";
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(c, CURLOPT_MAXREDIRS, redirects);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, timeout < 10 ? timeout : 10L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, timeout);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_USERAGENT, "dyad/" DYAD_VERSION_STRING " (event data ingest)");
	curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &s);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, err);
	CURLcode cc = curl_easy_perform(c);
	long status = 0;
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
	curl_easy_cleanup(c);
	int rc = 0;
	if (s.too_big)
		rc = dyad_error_set(DYAD_EIO, "%s: larger than %zu bytes", url, s.buf.max);
	else if (cc != CURLE_OK)
		rc = dyad_error_set(DYAD_EIO, "%s: %s", url, err[0] ? err : curl_easy_strerror(cc));
	else if (status >= 400)
		rc = dyad_error_set(DYAD_EIO, "%s: HTTP status %ld", url, status);
	if (rc) {
		dyad_buf_release(&s.buf);
		return rc;
	}
	if (!s.buf.data && dyad_buf_puts(&s.buf, "")) {
		return DYAD_ENOMEM;
	}
	*body = dyad_buf_detach(&s.buf, len);
	return 0;
}
