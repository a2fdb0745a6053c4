/*
 * cmd_serve.c - `dyad serve`: the analyst's page and its JSON API over a
 * store, read-only, on 127.0.0.1 unless told otherwise. Stops cleanly on
 * SIGINT or SIGTERM (in-flight requests finish, connections close).
 */
#include "cli.h"
#include "server/server.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#ifndef DYAD_WEB_DIR
#define DYAD_WEB_DIR "web"
#endif

static const char usage_line[] = "[--db FILE] [--port N] [--bind ADDR] [--web DIR] [--threads N]";
static const char description[] =
	"Serves the page of web/ and the JSON API of docs/api.md over the store,\n"
	"opened read-only. Listens on 127.0.0.1 unless --bind says otherwise\n"
	"(--port 0 picks a free port). Prints the address, then serves until\n"
	"SIGINT (Ctrl-C) or SIGTERM.";

static int stop_pipe[2] = { -1, -1 };

static void on_stop(int sig)
{
	unsigned char c = (unsigned char)sig;
	ssize_t n = write(stop_pipe[1], &c, 1);   /* a full pipe already says stop */
	(void)n;
}

int cmd_serve(int argc, char **argv)
{
	const char *db = "dyad.db", *bind = "127.0.0.1", *web = DYAD_WEB_DIR;
	long port = 8080, threads = sysconf(_SC_NPROCESSORS_ONLN);
	/* one worker (and database connection) per core: the work is CPU-bound */
	threads = threads < 2 ? 2 : threads > 16 ? 16 : threads;
	const cli_opt opts[] = {
		{ "db", 0, CLI_STRING, &db, "FILE", "event store (default ./dyad.db), opened read-only" },
		{ "port", 'p', CLI_INT, &port, "N", "TCP port (default 8080; 0: any free port)" },
		{ "bind", 0, CLI_STRING, &bind, "ADDR", "address to listen on (default 127.0.0.1)" },
		{ "web", 0, CLI_STRING, &web, "DIR", "directory of the page (default: the source tree's web/)" },
		{ "threads", 0, CLI_INT, &threads, "N", "worker threads and database connections (default: one per core, 2-16)" },
		{ NULL, 0, 0, NULL, NULL, NULL }
	};
	int npos, rc = cli_parse(argc, argv, opts, usage_line, description, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos != 0) {
		cli_error("serve: no arguments expected (see 'dyad serve --help')");
		return CLI_USAGE;
	}
	if (port < 0 || port > 65535 || threads < 1 || threads > 64) {
		cli_error("serve: --port must be 0-65535 and --threads 1-64");
		return CLI_USAGE;
	}
	/* The stop signals only write their number to a pipe that this thread
	 * waits on (async-signal-safe; works whichever thread takes them). */
	if (pipe(stop_pipe) != 0) {
		cli_error("serve: cannot create a pipe");
		return CLI_ERROR;
	}
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	srv_config cfg = { .db_path = db, .bind = bind, .port = port, .web_dir = web, .threads = threads };
	srv_server *srv = NULL;
	long bound = 0;
	if (srv_start(&srv, &cfg, &bound)) {
		close(stop_pipe[0]);
		close(stop_pipe[1]);
		return CLI_ERROR;
	}
	bool v6 = strchr(bind, ':') != NULL;
	fprintf(stderr, "dyad: serving %s on http://%s%s%s:%ld/ (Ctrl-C stops)\n", db, v6 ? "[" : "", bind,
	        v6 ? "]" : "", bound);
	unsigned char sig = 0;
	while (read(stop_pipe[0], &sig, 1) < 0 && errno == EINTR)
		continue;
	fprintf(stderr, "dyad: %s: stopping\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
	srv_stop(srv);
	close(stop_pipe[0]);
	close(stop_pipe[1]);
	return CLI_OK;
}
