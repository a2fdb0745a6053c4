/*
 * cli/cli_store.h - helpers the store commands share (cli_store.c).
 */
#ifndef DYAD_CLI_STORE_H
#define DYAD_CLI_STORE_H

#include "dyad/event.h"
#include "dyad/store.h"

/** Open an existing store; a message and non-zero when there is none. */
int cli_open_store(dyad_store **out, const char *path);

/** "DZA,RUS" into two codes; a message and non-zero when malformed. */
int cli_split_dyad(const char *s, char a[DYAD_CODE_MAX], char b[DYAD_CODE_MAX]);

/** Parse an optional date option value (NULL leaves *out zero). */
int cli_parse_date(const char *opt, const char *s, dyad_date *out);

/** Print one mention with its sentence and marked spans (cmd_why.c). */
int cli_print_mention(void *ctx, const dyad_mention_row *m);

#endif
