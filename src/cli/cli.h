/*
 * cli/cli.h - the command-line front end: command table, option tables
 * that drive both parsing and --help, exit codes and messages.
 *
 * Exit codes: 0 ok, 1 error, 2 usage. Messages: "dyad: message".
 */
#ifndef DYAD_CLI_H
#define DYAD_CLI_H

#include <stdbool.h>
#include <stddef.h>

enum { CLI_OK = 0, CLI_ERROR = 1, CLI_USAGE = 2 };

/** Kinds of option value. */
typedef enum cli_opt_kind {
	CLI_FLAG,      /**< bool, no value */
	CLI_STRING,    /**< const char * */
	CLI_INT,       /**< long */
	CLI_LIST       /**< repeated string option, collected into a cli_list */
} cli_opt_kind;

/** Values of a repeated option. */
typedef struct cli_list {
	const char **items;
	size_t n;
} cli_list;

/** One option: its long name, optional short letter, value and help. */
typedef struct cli_opt {
	const char  *name;     /**< "format" for --format */
	char         shortc;   /**< 'f' for -f, or 0 */
	cli_opt_kind kind;
	void        *value;    /**< bool *, const char **, long * or cli_list * */
	const char  *metavar;  /**< "FMT" in the help text */
	const char  *help;
} cli_opt;

/** A command: `dyad NAME ...`. */
typedef struct cli_command {
	const char *name;
	const char *summary;                        /**< one line for `dyad --help` */
	int (*run)(int argc, char **argv);          /**< argv[0] is the command name */
} cli_command;

/**
 * Parse argv[1..] against `opts` (terminated by a {NULL} entry). Options
 * may appear anywhere; "--" ends them. Positional arguments are moved to
 * the front of argv and counted in *npos (argv[1..npos]).
 * Prints help and returns -1 on --help (caller exits 0), prints an error
 * and returns CLI_USAGE on a bad option, else 0.
 */
int cli_parse(int argc, char **argv, const cli_opt *opts, const char *usage,
              const char *description, int *npos);

/** Print the help of a command built from its option table. */
void cli_help(const char *cmd, const cli_opt *opts, const char *usage,
              const char *description);

/** Print "dyad: message" to stderr. */
void cli_error(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2)))
#endif
	;

/** Free the storage of a cli_list. */
void cli_list_free(cli_list *l);

/* Commands (one cmd_<name>.c each). */
int cmd_sentences(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
int cmd_events(int argc, char **argv);
int cmd_search(int argc, char **argv);
int cmd_timeline(int argc, char **argv);
int cmd_actors(int argc, char **argv);
int cmd_why(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_code(int argc, char **argv);
int cmd_serve(int argc, char **argv);

#endif
