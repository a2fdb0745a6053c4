/*
 * static.c - the page's files: web/ (the --web directory) and the two
 * vendor libraries Debian installs (Chart.js, Leaflet) under /vendor/.
 *
 * A path is served only when (1) no segment is empty, "." or ".." or
 * starts with a dot, and (2) the realpath of the file lies under the
 * realpath of its root: symlinks out of the root and decoded "%2e%2e"
 * are both caught. Only regular files are sent.
 */
#define _XOPEN_SOURCE 700  /* realpath */
#include "server.h"

#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef DYAD_VENDOR_CHARTJS
#define DYAD_VENDOR_CHARTJS "/usr/share/javascript/chart.js"
#endif
#ifndef DYAD_VENDOR_LEAFLET
#define DYAD_VENDOR_LEAFLET "/usr/share/javascript/leaflet"
#endif

static const struct mount {
	const char *prefix;   /* URL prefix, ending in '/' */
	const char *dir;
} mounts[] = {
	{ "/vendor/chart.js/", DYAD_VENDOR_CHARTJS },
	{ "/vendor/leaflet/", DYAD_VENDOR_LEAFLET },
};

static const struct mime {
	const char *ext, *type;
} mimes[] = {
	{ ".html", "text/html; charset=utf-8" },
	{ ".css", "text/css; charset=utf-8" },
	{ ".js", "text/javascript; charset=utf-8" },
	{ ".json", "application/json" },
	{ ".geojson", "application/geo+json" },
	{ ".png", "image/png" },
	{ ".svg", "image/svg+xml" },
	{ ".ico", "image/x-icon" },
	{ ".txt", "text/plain; charset=utf-8" },
	{ ".map", "application/json" },
};

static const char *mime_of(const char *path)
{
	const char *dot = strrchr(path, '.');
	if (dot && !strchr(dot, '/'))
		for (size_t i = 0; i < sizeof(mimes) / sizeof(mimes[0]); i++)
			if (strcmp(dot, mimes[i].ext) == 0)
				return mimes[i].type;
	return NULL;
}

/* Every segment of `rel` a plain name: no "", ".", "..", ".hidden", no backslash. */
static bool safe_relative(const char *rel)
{
	if (*rel == '\0')
		return false;
	const char *p = rel;
	while (*p) {
		const char *slash = strchr(p, '/');
		size_t n = slash ? (size_t)(slash - p) : strlen(p);
		if (n == 0 || p[0] == '.')
			return false;
		for (size_t i = 0; i < n; i++)
			if (p[i] == '\\' || (unsigned char)p[i] < 0x20)
				return false;
		p += n;
		if (*p == '/')
			p++;
		else
			break;
		if (*p == '\0')
			return false;   /* trailing slash: a directory */
	}
	return true;
}

static int send_file(const char *root, const char *rel, srv_resp *out)
{
	char joined[PATH_MAX];
	int n = snprintf(joined, sizeof(joined), "%s/%s", root, rel);
	if (n < 0 || (size_t)n >= sizeof(joined))
		return srv_error(out, 404, "not found");
	char *real = realpath(joined, NULL);
	char *real_root = realpath(root, NULL);
	int rc = -1;
	if (!real || !real_root) {
		srv_error(out, 404, "not found");
		goto done;
	}
	size_t rl = strlen(real_root);
	if (strncmp(real, real_root, rl) != 0 || real[rl] != '/') {
		srv_error(out, 403, "forbidden: outside the web directory");
		goto done;
	}
	const char *type = mime_of(real);
	int fd = type ? open(real, O_RDONLY | O_CLOEXEC | O_NOFOLLOW) : -1;
	struct stat sb;
	if (fd < 0 || fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		if (fd >= 0)
			close(fd);
		srv_error(out, 404, "not found");
		goto done;
	}
	out->fd = fd;
	out->fd_size = (uint64_t)sb.st_size;
	out->type = type;
	out->status = 200;
	rc = 0;
done:
	free(real);
	free(real_root);
	return rc;
}

int srv_static(const char *web_root, srv_req *r, srv_resp *out)
{
	const char *path = r->path;
	if (path[0] != '/')
		return srv_error(out, 400, "bad path");
	if (strcmp(path, "/") == 0)
		path = "/index.html";
	for (size_t i = 0; i < sizeof(mounts) / sizeof(mounts[0]); i++) {
		size_t n = strlen(mounts[i].prefix);
		if (strncmp(path, mounts[i].prefix, n) == 0) {
			if (!safe_relative(path + n))
				return srv_error(out, 403, "forbidden path");
			return send_file(mounts[i].dir, path + n, out);
		}
	}
	if (!safe_relative(path + 1))
		return srv_error(out, 403, "forbidden path");
	/* the page's build tools (and their node_modules) are not the page */
	if (strncmp(path, "/tools/", 7) == 0 || strstr(path, "/node_modules/"))
		return srv_error(out, 404, "not found");
	return send_file(web_root, path + 1, out);
}
