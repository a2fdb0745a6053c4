/*
 * test_store.c - unit tests of the store: schema, exact and near
 * duplicates, idempotent re-adding, mention clustering into events.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <sqlite3.h>

#include "dyad/store.h"

static char db_path[64];

static dyad_store *open_fresh(void)
{
	snprintf(db_path, sizeof(db_path), "/tmp/dyad-test-store-%d.db", (int)getpid());
	char p[96];
	unlink(db_path);
	snprintf(p, sizeof(p), "%s-wal", db_path);
	unlink(p);
	snprintf(p, sizeof(p), "%s-shm", db_path);
	unlink(p);
	dyad_store *s = NULL;
	assert_int_equal(dyad_store_open(&s, db_path), 0);
	return s;
}

static void close_and_remove(dyad_store *s)
{
	dyad_store_free(s);
	unlink(db_path);
}

static int64_t scalar(dyad_store *s, const char *sql)
{
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(dyad_store_db(s), sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	int64_t v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static dyad_store_doc doc(const char *origin, const char *outlet, const char *text)
{
	dyad_store_doc d = { .origin = origin, .outlet = outlet, .text = text,
	                     .text_len = strlen(text), .language = "en" };
	return d;
}

static const char wire[] =
	"Algerian and Russian troops began a joint counter-terrorism exercise on Wednesday "
	"at the Hammaguir range in Bechar province, the defence ministry said. About 200 "
	"soldiers from each side take part in the drills, which run until November 28, "
	"according to a statement that also listed armoured vehicles and helicopters.";

static void test_schema_version(void **state)
{
	(void)state;
	dyad_store *s = open_fresh();
	assert_int_equal(dyad_store_schema_version(s), DYAD_STORE_SCHEMA_VERSION);
	assert_int_equal(scalar(s, "SELECT count(*) FROM migrations"), DYAD_STORE_SCHEMA_VERSION);
	dyad_store_free(s);
	/* Reopening applies nothing twice. */
	assert_int_equal(dyad_store_open(&s, db_path), 0);
	assert_int_equal(scalar(s, "SELECT count(*) FROM migrations"), DYAD_STORE_SCHEMA_VERSION);
	close_and_remove(s);
}

static void test_exact_duplicate_and_reingest(void **state)
{
	(void)state;
	dyad_store *s = open_fresh();
	assert_int_equal(dyad_store_begin(s), 0);
	int64_t id1, id2, id3;
	dyad_doc_status st;
	dyad_store_doc a = doc("a.txt", "APS", wire);
	assert_int_equal(dyad_store_add_document(s, &a, &id1, &st), 0);
	assert_int_equal(st, DYAD_DOC_NEW);
	/* Same text with other spacing, case and curly quotes, another outlet. */
	char copy[sizeof(wire) + 8];
	snprintf(copy, sizeof(copy), "  %s\n", wire);
	copy[2] = 'a';
	dyad_store_doc b = doc("b.txt", "TASS", copy);
	assert_int_equal(dyad_store_add_document(s, &b, &id2, &st), 0);
	assert_int_equal(st, DYAD_DOC_DUPLICATE);
	assert_true(id1 == id2);
	/* The same input again changes nothing. */
	assert_int_equal(dyad_store_add_document(s, &a, &id3, &st), 0);
	assert_int_equal(st, DYAD_DOC_SEEN);
	assert_int_equal(dyad_store_commit(s), 0);
	assert_int_equal(scalar(s, "SELECT count(*) FROM documents"), 1);
	assert_int_equal(scalar(s, "SELECT count(*) FROM document_sources"), 2);
	assert_int_equal(scalar(s, "SELECT n_sources FROM documents"), 2);
	close_and_remove(s);
}

static void test_near_duplicate_linked(void **state)
{
	(void)state;
	dyad_store *s = open_fresh();
	int64_t id1, id2, id3;
	dyad_doc_status st;
	dyad_store_doc a = doc("a.txt", "APS", wire);
	assert_int_equal(dyad_store_add_document(s, &a, &id1, &st), 0);
	/* Republished with one word changed and a credit line added. */
	char edited[sizeof(wire) + 64];
	snprintf(edited, sizeof(edited), "%s (Reporting by staff)", wire);
	char *p = strstr(edited, "Wednesday");
	memcpy(p, "Thursday ", 9);
	dyad_store_doc b = doc("b.txt", "Echorouk", edited);
	assert_int_equal(dyad_store_add_document(s, &b, &id2, &st), 0);
	assert_int_equal(st, DYAD_DOC_NEAR_DUPLICATE);
	assert_true(id2 != id1);
	char sql[96];
	snprintf(sql, sizeof(sql), "SELECT near_duplicate_of FROM documents WHERE id = %lld", (long long)id2);
	assert_int_equal(scalar(s, sql), id1);
	/* An unrelated text is new. */
	dyad_store_doc c = doc("c.txt", "APS",
		"Algeria recalled its ambassador from Madrid after Spain changed its position on "
		"Western Sahara, and later suspended the 2002 treaty of friendship between the countries.");
	assert_int_equal(dyad_store_add_document(s, &c, &id3, &st), 0);
	assert_int_equal(st, DYAD_DOC_NEW);
	close_and_remove(s);
}

static dyad_event mention(const char *src, const char *tgt, const char *code, int day, bool sym)
{
	dyad_event ev;
	dyad_event_init(&ev);
	snprintf(ev.source, sizeof(ev.source), "%s", src);
	snprintf(ev.target, sizeof(ev.target), "%s", tgt);
	snprintf(ev.cameo, sizeof(ev.cameo), "%s", code);
	ev.date.year = 2022;
	ev.date.month = 11;
	ev.date.day = (uint8_t)day;
	ev.date_precision = DYAD_PREC_DAY;
	ev.flags = sym ? DYAD_EVF_SYMMETRIC : 0;
	ev.pattern = "* HOLD JOINT EXERCISE";
	return ev;
}

static void test_mentions_cluster_into_events(void **state)
{
	(void)state;
	dyad_store *s = open_fresh();
	assert_int_equal(dyad_store_begin(s), 0);
	int64_t d1, d2;
	dyad_doc_status st;
	dyad_store_doc a = doc("a.txt", "APS", wire);
	dyad_store_doc b = doc("b.txt", "TASS", "Russian and Algerian units held drills in the desert of Bechar.");
	assert_int_equal(dyad_store_add_document(s, &a, &d1, &st), 0);
	assert_int_equal(dyad_store_add_document(s, &b, &d2, &st), 0);
	int64_t e1, e2, e3, e4, e5;
	dyad_event m1 = mention("DZAMIL", "RUSMIL", "0611", 16, true);
	m1.source_span.start = 0;
	m1.source_span.end = 8;
	dyad_event m2 = mention("RUSMIL", "DZAMIL", "0611", 17, true);  /* other order, next day */
	dyad_event m3 = mention("DZAMIL", "RUSMIL", "0611", 28, true);  /* outside the window */
	dyad_event m4 = mention("DZAMIL", "RUSMIL", "042", 16, false);   /* other root */
	dyad_event m5 = mention("RUSMIL", "DZAMIL", "042", 16, false);   /* directed: other event */
	assert_int_equal(dyad_store_add_mention(s, d1, &m1, wire, strlen(wire), NULL, "v1", &e1), 0);
	assert_int_equal(dyad_store_add_mention(s, d2, &m2, b.text, b.text_len, NULL, "v1", &e2), 0);
	assert_int_equal(dyad_store_add_mention(s, d1, &m3, wire, strlen(wire), NULL, "v1", &e3), 0);
	assert_int_equal(dyad_store_add_mention(s, d1, &m4, wire, strlen(wire), NULL, "v1", &e4), 0);
	assert_int_equal(dyad_store_add_mention(s, d1, &m5, wire, strlen(wire), NULL, "v1", &e5), 0);
	assert_int_equal(dyad_store_commit(s), 0);
	assert_true(e1 == e2);
	assert_true(e3 != e1 && e4 != e1 && e5 != e4);
	char sql[128];
	snprintf(sql, sizeof(sql), "SELECT n_mentions * 100 + n_articles * 10 + n_sources FROM events WHERE id = %lld", (long long)e1);
	assert_int_equal(scalar(s, sql), 222);
	assert_int_equal(scalar(s, "SELECT count(*) FROM events"), 4);
	assert_int_equal(scalar(s, "SELECT count(*) FROM mentions WHERE source_text = 'Algerian'"), 1);
	assert_int_equal(scalar(s, "SELECT n_mentions FROM actors WHERE code = 'DZAMIL'"), 5);
	assert_int_equal(scalar(s, "SELECT quad FROM events WHERE cameo = '0611' LIMIT 1"), 2);
	/* An exact duplicate from a third outlet is credited as one more source. */
	dyad_store_doc c = doc("c.txt", "Xinhua", wire);
	int64_t d3;
	assert_int_equal(dyad_store_add_document(s, &c, &d3, &st), 0);
	assert_int_equal(st, DYAD_DOC_DUPLICATE);
	snprintf(sql, sizeof(sql), "SELECT n_sources FROM events WHERE id = %lld", (long long)e1);
	assert_int_equal(scalar(s, sql), 3);
	/* Merged at country level, and 062 is mutual: RUS-DZAGOV joins DZAMIL-RUSMIL
	 * of two days before; a directed code (112 accuse) keeps its direction. */
	int64_t e6, e7, e8;
	dyad_event m6 = mention("RUS", "DZAGOV", "062", 18, false);
	dyad_event m7 = mention("DZA", "RUS", "112", 18, false);
	dyad_event m8 = mention("RUSGOV", "DZAMIL", "112", 18, false);
	assert_int_equal(dyad_store_add_mention(s, d2, &m6, b.text, b.text_len, NULL, "v1", &e6), 0);
	assert_int_equal(dyad_store_add_mention(s, d2, &m7, b.text, b.text_len, NULL, "v1", &e7), 0);
	assert_int_equal(dyad_store_add_mention(s, d2, &m8, b.text, b.text_len, NULL, "v1", &e8), 0);
	assert_true(e6 == e1);
	assert_true(e7 != e8);
	close_and_remove(s);
}

static void test_sentences_fts(void **state)
{
	(void)state;
	dyad_store *s = open_fresh();
	int64_t d1;
	dyad_doc_status st;
	dyad_store_doc a = doc("a.txt", "APS", wire);
	assert_int_equal(dyad_store_add_document(s, &a, &d1, &st), 0);
	/* sentences are spans of the document text: 0-151 and 152-316 */
	assert_int_equal(dyad_store_add_sentence(s, d1, 0, 0, 151, wire, 151, false), 0);
	assert_int_equal(dyad_store_add_sentence(s, d1, 1, 152, 316, wire + 152, 164, true), 0);
	assert_int_equal(dyad_store_add_sentence(s, d1, 0, 0, 151, wire, 151, false), 0);
	/* a text that is not the span is refused */
	assert_int_equal(dyad_store_add_sentence(s, d1, 2, 152, 316, wire, 10, false), DYAD_EINVAL);
	assert_int_equal(scalar(s, "SELECT count(*) FROM sentences"), 2);
	/* the view gives each sentence's text, cut from the document */
	assert_int_equal(scalar(s, "SELECT count(*) FROM sentences WHERE idx = 0 AND text LIKE"
	                           " 'Algerian and Russian%the defence ministry said.'"), 1);
	assert_int_equal(scalar(s, "SELECT count(*) FROM sentences WHERE idx = 1 AND text LIKE"
	                           " 'About 200 soldiers%and helicopters.'"), 1);
	assert_int_equal(scalar(s, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH '\"joint counter\"'"), 1);
	/* the repeated sentence is not indexed */
	assert_int_equal(scalar(s, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'soldiers'"), 0);
	assert_int_equal(scalar(s, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'hammaguir'"
	                           " AND highlight(sentences_fts, 0, '[', ']') LIKE '%the [Hammaguir] range%'"), 1);
	assert_int_equal(dyad_store_reject(s, "x.html", "3", "bad"), 0);
	dyad_store_counts c;
	assert_int_equal(dyad_store_counts_get(s, &c), 0);
	assert_int_equal(c.rejected, 1);
	assert_int_equal(c.sentences, 2);
	close_and_remove(s);
}

/* The in-memory document index: built from what is committed, topped up
 * with another connection's documents at the next batch. */
static void test_index_across_connections(void **state)
{
	(void)state;
	dyad_store *s1 = open_fresh();
	int64_t id1, id2, id3, id4;
	dyad_doc_status st;
	dyad_store_doc a = doc("a.txt", "APS", wire);
	assert_int_equal(dyad_store_begin(s1), 0);
	assert_int_equal(dyad_store_add_document(s1, &a, &id1, &st), 0);
	assert_int_equal(st, DYAD_DOC_NEW);
	assert_int_equal(dyad_store_commit(s1), 0);
	/* a second connection finds the first one's document */
	dyad_store *s2 = NULL;
	assert_int_equal(dyad_store_open(&s2, db_path), 0);
	char edited[sizeof(wire) + 64];
	snprintf(edited, sizeof(edited), "%s (Reporting by staff)", wire);
	memcpy(strstr(edited, "Wednesday"), "Thursday ", 9);
	dyad_store_doc b = doc("b.txt", "Echorouk", edited);
	dyad_store_doc a2 = doc("a2.txt", "TASS", wire);
	assert_int_equal(dyad_store_begin(s2), 0);
	assert_int_equal(dyad_store_add_document(s2, &a2, &id2, &st), 0);
	assert_int_equal(st, DYAD_DOC_DUPLICATE);
	assert_true(id2 == id1);
	assert_int_equal(dyad_store_add_document(s2, &b, &id3, &st), 0);
	assert_int_equal(st, DYAD_DOC_NEAR_DUPLICATE);
	assert_int_equal(dyad_store_commit(s2), 0);
	dyad_store_free(s2);
	/* the first connection, whose index was built before, sees it too */
	dyad_store_doc b2 = doc("b2.txt", "Xinhua", edited);
	assert_int_equal(dyad_store_begin(s1), 0);
	assert_int_equal(dyad_store_add_document(s1, &b2, &id4, &st), 0);
	assert_int_equal(st, DYAD_DOC_DUPLICATE);
	assert_true(id4 == id3);
	assert_int_equal(dyad_store_commit(s1), 0);
	assert_int_equal(scalar(s1, "SELECT count(*) FROM documents"), 2);
	assert_int_equal(scalar(s1, "SELECT count(*) FROM document_keys"), 2);
	close_and_remove(s1);
}

/* A rolled-back batch leaves nothing behind, in the tables or in memory. */
static void test_rollback_forgets(void **state)
{
	(void)state;
	dyad_store *s = open_fresh();
	int64_t id1, id2, id3;
	dyad_doc_status st;
	dyad_store_doc a = doc("a.txt", "APS", wire);
	assert_int_equal(dyad_store_begin(s), 0);
	assert_int_equal(dyad_store_add_document(s, &a, &id1, &st), 0);
	assert_int_equal(dyad_store_add_sentence(s, id1, 0, 0, 151, wire, 151, false), 0);
	dyad_event m = mention("DZAMIL", "RUSMIL", "0611", 16, true);
	assert_int_equal(dyad_store_add_mention(s, id1, &m, wire, strlen(wire), NULL, "v1", NULL), 0);
	assert_int_equal(dyad_store_rollback(s), 0);
	assert_int_equal(scalar(s, "SELECT count(*) FROM documents"), 0);
	assert_int_equal(scalar(s, "SELECT count(*) FROM actors"), 0);
	assert_int_equal(dyad_store_begin(s), 0);
	assert_int_equal(dyad_store_add_document(s, &a, &id2, &st), 0);
	assert_int_equal(st, DYAD_DOC_NEW);
	dyad_store_doc a2 = doc("a2.txt", "TASS", wire);
	assert_int_equal(dyad_store_add_document(s, &a2, &id3, &st), 0);
	assert_int_equal(st, DYAD_DOC_DUPLICATE);
	assert_true(id3 == id2);
	assert_int_equal(dyad_store_commit(s), 0);
	assert_int_equal(scalar(s, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'joint'"), 0);
	assert_int_equal(scalar(s, "SELECT count(*) FROM actors"), 0);
	close_and_remove(s);
}

static int64_t text_is(dyad_store *s, const char *sql, const char *want)
{
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(dyad_store_db(s), sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	const char *v = (const char *)sqlite3_column_text(st, 0);
	int64_t same = want ? v && strcmp(v, want) == 0 : v == NULL;
	sqlite3_finalize(st);
	return same;
}

/* Actor and dyad counts are written at commit with the rule of one
 * update per mention: dates min/max, an undated mention clears them. */
static void test_actor_counts_per_batch(void **state)
{
	(void)state;
	dyad_store *s = open_fresh();
	int64_t d1;
	dyad_doc_status st;
	dyad_store_doc a = doc("a.txt", "APS", wire);
	assert_int_equal(dyad_store_begin(s), 0);
	assert_int_equal(dyad_store_add_document(s, &a, &d1, &st), 0);
	dyad_event m1 = mention("DZA", "RUS", "112", 5, false);
	dyad_event m2 = mention("DZA", "RUS", "112", 20, false);
	dyad_event m3 = mention("DZA", "FRA", "112", 9, false);
	m2.date.year = m2.date.month = m2.date.day = 0;   /* undated */
	m2.sentence = 1;
	m3.sentence = 2;
	assert_int_equal(dyad_store_add_mention(s, d1, &m1, wire, strlen(wire), NULL, "v1", NULL), 0);
	assert_int_equal(dyad_store_add_mention(s, d1, &m2, wire, strlen(wire), NULL, "v1", NULL), 0);
	assert_int_equal(dyad_store_add_mention(s, d1, &m3, wire, strlen(wire), NULL, "v1", NULL), 0);
	/* a query in the open batch sees the counts */
	dyad_store_counts c;
	assert_int_equal(dyad_store_counts_get(s, &c), 0);
	assert_int_equal(c.actors, 3);
	assert_int_equal(dyad_store_commit(s), 0);
	assert_int_equal(scalar(s, "SELECT n_mentions FROM actors WHERE code = 'DZA'"), 3);
	assert_true(text_is(s, "SELECT first_date FROM actors WHERE code = 'DZA'", "2022-11-09"));
	assert_true(text_is(s, "SELECT last_date FROM actors WHERE code = 'DZA'", "2022-11-09"));
	assert_true(text_is(s, "SELECT first_date FROM actors WHERE code = 'RUS'", NULL));
	assert_int_equal(scalar(s, "SELECT n_events * 10 + n_mentions FROM dyads WHERE actor_a = 'DZA' AND actor_b = 'RUS'"), 22);
	/* next batch: dated mentions extend the range */
	dyad_event m4 = mention("DZA", "RUS", "112", 1, false);
	m4.sentence = 3;
	assert_int_equal(dyad_store_begin(s), 0);
	assert_int_equal(dyad_store_add_mention(s, d1, &m4, wire, strlen(wire), NULL, "v1", NULL), 0);
	assert_int_equal(dyad_store_commit(s), 0);
	assert_true(text_is(s, "SELECT first_date FROM actors WHERE code = 'DZA'", "2022-11-01"));
	assert_true(text_is(s, "SELECT last_date FROM actors WHERE code = 'DZA'", "2022-11-09"));
	assert_true(text_is(s, "SELECT first_date FROM actors WHERE code = 'RUS'", "2022-11-01"));
	assert_int_equal(scalar(s, "SELECT n_mentions FROM actors WHERE code = 'RUS'"), 3);
	close_and_remove(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_schema_version),
		cmocka_unit_test(test_exact_duplicate_and_reingest),
		cmocka_unit_test(test_near_duplicate_linked),
		cmocka_unit_test(test_mentions_cluster_into_events),
		cmocka_unit_test(test_sentences_fts),
		cmocka_unit_test(test_index_across_connections),
		cmocka_unit_test(test_rollback_forgets),
		cmocka_unit_test(test_actor_counts_per_batch),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
