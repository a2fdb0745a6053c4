/*
 * dyad/cameo.h - the CAMEO event codebook: for each event code its
 * label, Goldstein weight, QuadClass and PLOVER category.
 *
 * The table is data/cameo/codebook.tsv compiled into the library at
 * build time; no file is read at run time. QuadClass follows the Phoenix
 * convention (from the root code): 0 neutral (01-02), 1 verbal
 * cooperation (03-05), 2 material cooperation (06-08), 3 verbal conflict
 * (09-13, 16), 4 material conflict (14, 15, 17-20). PLOVER types follow
 * the 2021 CAMEO-to-PLOVER mapping (manual draft 0.8); PLOVER drops the
 * roots 01 and 02, whose `plover` is "".
 */
#ifndef DYAD_CAMEO_H
#define DYAD_CAMEO_H

#include "dyad/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** One codebook entry. All strings are static; "" when not applicable. */
typedef struct dyad_cameo_info {
	const char *code;            /**< "042" */
	const char *label;           /**< "Make a visit" */
	double      goldstein;       /**< -10 .. +10 */
	int         quad;            /**< QuadClass 0..4 (Phoenix convention) */
	char        root[3];         /**< first two digits: "04" */
	const char *plover;          /**< PLOVER event type: "CONSULT"; "" for 01, 02 */
	const char *plover_mode;     /**< PLOVER mode: "visit", or "" */
	const char *plover_context;  /**< PLOVER context: "military", or "" */
} dyad_cameo_info;

/**
 * The entry of a CAMEO code ("042", "19", "0211"), or NULL when the code
 * is not in the codebook. `code` must be NUL-terminated.
 */
const dyad_cameo_info *dyad_cameo_lookup(const char *code);

/** As dyad_cameo_lookup() for `len` bytes not necessarily NUL-terminated. */
const dyad_cameo_info *dyad_cameo_lookup_n(const char *code, size_t len);

/** Whether `code` is in the codebook. */
bool dyad_cameo_valid(const char *code);

/**
 * QuadClass of a code from its first two digits, even when the full code
 * is not in the codebook (e.g. a dictionary's local extension "0431");
 * -1 when the root is not 01..20.
 */
int dyad_cameo_root_quad(const char *code);

/** Name of a QuadClass: "neutral", "verbal cooperation" ...; "" if out of range. */
const char *dyad_cameo_quad_name(int quad);

/** Number of entries, and the i-th (in code order; NULL past the end). */
size_t dyad_cameo_count(void);
const dyad_cameo_info *dyad_cameo_at(size_t i);

#ifdef __cplusplus
}
#endif
#endif
