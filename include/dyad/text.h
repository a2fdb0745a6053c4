/*
 * dyad/text.h - the first stage: outside bytes -> a document of valid
 * UTF-8 -> sentences -> tokens.
 *
 * Offsets: every span in libdyad is a half-open byte range [start, end)
 * into the document text returned by dyad_doc_text(), i.e. the input
 * decoded to valid UTF-8 (Latin-1 transcoded or invalid bytes replaced by
 * U+FFFD, BOM and NUL bytes removed, line endings left as they were).
 * Later stages highlight these spans in that text.
 *
 * Matching uses normalized token forms (NFC, lower case, typographic
 * quotes and dashes mapped to ASCII); the spans still point at the text.
 */
#ifndef DYAD_TEXT_H
#define DYAD_TEXT_H

#include "dyad/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A half-open byte range [start, end) in a document's text. */
typedef struct dyad_span {
	uint32_t start;
	uint32_t end;
} dyad_span;

/** What reading a document found and repaired. */
typedef struct dyad_read_stats {
	size_t bytes_in;        /**< bytes given to the reader */
	size_t repaired;        /**< invalid UTF-8 sequences replaced by U+FFFD */
	size_t nul_bytes;       /**< NUL bytes removed */
	bool   latin1;          /**< whole input was not UTF-8: read as Latin-1 */
	bool   bom;             /**< a UTF-8 byte-order mark was removed */
	bool   binary;          /**< input looks binary (many control bytes) */
	size_t lines;           /**< lines (LF, CRLF or CR terminated) */
	size_t longest_line;    /**< bytes in the longest line */
} dyad_read_stats;

/** A document: decoded text plus its sentences, computed once. Opaque. */
typedef struct dyad_doc dyad_doc;

/**
 * Decode `len` bytes into a document named `name` (a path or record id,
 * used in diagnostics; copied). Repairs are reported once to `diag`
 * (may be NULL) with their count. Empty input gives an empty document.
 */
int dyad_doc_from_bytes(dyad_doc **out, const char *name,
                        const void *bytes, size_t len, dyad_diag *diag);

/** Read and decode a whole file ("-" is standard input). */
int dyad_doc_from_file(dyad_doc **out, const char *path, dyad_diag *diag);

/** Free a document; NULL is ignored. */
void dyad_doc_free(dyad_doc *doc);

/** The document's name as given. Borrowed. */
const char *dyad_doc_name(const dyad_doc *doc);

/** The decoded text (NUL-terminated) and its length in bytes. Borrowed. */
const char *dyad_doc_text(const dyad_doc *doc, size_t *len_out);

/** What the reader repaired. Borrowed. */
const dyad_read_stats *dyad_doc_stats(const dyad_doc *doc);

/* ------------------------------------------------------------------ */
/* Sentences                                                           */

/** Sentence flags. */
enum dyad_sentence_flag {
	DYAD_SENT_HEADLINE  = 1u << 0, /**< a line without final stop before a blank line */
	DYAD_SENT_DATELINE  = 1u << 1, /**< a dateline ("ALGIERS (Reuters) -") or date/time stamp,
	                                    split off as its own sentence before the text */
	DYAD_SENT_BULLET    = 1u << 2, /**< an item of a bulleted list */
	DYAD_SENT_QUOTE     = 1u << 3, /**< wholly inside quotation marks */
	DYAD_SENT_TRUNCATED = 1u << 4  /**< cut at the hard sentence length limit */
};

/** Hard limit of a sentence in bytes: longer runs are cut (at a space
 *  where possible) into pieces flagged DYAD_SENT_TRUNCATED. */
#define DYAD_SENTENCE_MAX_BYTES 4096

/** One sentence: its span (trimmed of surrounding space) and paragraph. */
typedef struct dyad_sentence {
	dyad_span span;
	uint32_t  paragraph;   /**< 0-based paragraph (blank-line separated) */
	uint32_t  flags;       /**< dyad_sentence_flag bits */
} dyad_sentence;

/**
 * The document's sentences, segmented on first call. `*n_out` receives
 * their number. Borrowed; NULL only when out of memory (then *n_out is 0
 * and dyad_error_last() says so).
 */
const dyad_sentence *dyad_doc_sentences(dyad_doc *doc, size_t *n_out);

/* ------------------------------------------------------------------ */
/* Tokens                                                              */

/** Token kinds. */
typedef enum dyad_token_kind {
	DYAD_TOK_WORD,    /**< letters (any script), with inner ' . - as in U.S., al-Qaeda */
	DYAD_TOK_NUMBER,  /**< digits with inner , . : / - (3.5, 1,200, 02.08.2023, 15:19) */
	DYAD_TOK_PUNCT,   /**< one punctuation mark (, . ; : ! ? " ' ( ) ...) */
	DYAD_TOK_SYMBOL,  /**< currency and other symbols ($, %, EUR sign) */
	DYAD_TOK_POSS     /**< possessive clitic 's or ' split off its word */
} dyad_token_kind;

/** Token flags (shape of the original). */
enum dyad_token_flag {
	DYAD_TOKF_CAP      = 1u << 0, /**< first letter upper case */
	DYAD_TOKF_ALLCAPS  = 1u << 1, /**< all letters upper case (2+ letters) */
	DYAD_TOKF_ACRONYM  = 1u << 2, /**< letters with periods: U.S., U.N. */
	DYAD_TOKF_HYPHEN   = 1u << 3, /**< hyphenated compound: Algerian-Russian */
	DYAD_TOKF_NONLATIN = 1u << 4, /**< contains letters outside Latin script */
	DYAD_TOKF_SPACE    = 1u << 5, /**< preceded by white space (or start) */
	DYAD_TOKF_ABBREV   = 1u << 6  /**< known abbreviation with its period: Gen., Jan. */
};

/** One token. `norm` is borrowed from the dyad_tokens that holds it. */
typedef struct dyad_token {
	dyad_span   span;     /**< in the document text (base offset applied) */
	const char *norm;     /**< normalized form, NUL-terminated */
	uint32_t    norm_len;
	uint16_t    kind;     /**< dyad_token_kind */
	uint16_t    flags;    /**< dyad_token_flag bits */
} dyad_token;

/** A reusable token buffer (one per thread; reuse across sentences). */
typedef struct dyad_tokens dyad_tokens;

/** Create an empty token buffer. */
int dyad_tokens_new(dyad_tokens **out);

/** Free a token buffer; NULL is ignored. */
void dyad_tokens_free(dyad_tokens *toks);

/**
 * Tokenize `len` bytes of valid UTF-8 `text`, replacing the buffer's
 * previous contents. Spans are `base` + offset into `text`, so passing a
 * sentence's text and its start gives document offsets.
 */
int dyad_tokenize(dyad_tokens *toks, const char *text, size_t len, uint32_t base);

/** Number of tokens in the buffer. */
size_t dyad_tokens_count(const dyad_tokens *toks);

/** The tokens as an array of dyad_tokens_count() items. Borrowed. */
const dyad_token *dyad_tokens_array(const dyad_tokens *toks);

#ifdef __cplusplus
}
#endif
#endif
