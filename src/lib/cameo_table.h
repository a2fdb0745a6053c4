/*
 * cameo_table.h - the codebook table generated at build time from
 * data/cameo/codebook.tsv by data/cameo/gen-codebook.sh (see
 * CMakeLists.txt). Entries are sorted by code (byte order).
 */
#ifndef DYAD_CAMEO_TABLE_H
#define DYAD_CAMEO_TABLE_H

#include "dyad/cameo.h"

extern const dyad_cameo_info dyad_cameo_table[];
extern const size_t dyad_cameo_table_len;

#endif
