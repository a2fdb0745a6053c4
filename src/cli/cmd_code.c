/*
 * cmd_code.c - `dyad code [FILE...]`: records in, events out.
 */
#include "cli.h"
#include "dyad/dyad.h"

int cmd_code(int argc, char **argv)
{
	(void)argc; (void)argv;
	cli_error("code: not yet");
	return CLI_ERROR;
}
