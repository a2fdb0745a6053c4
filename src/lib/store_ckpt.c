/*
 * store_ckpt.c - WAL checkpoints on a thread of their own during a long
 * write run.
 *
 * Why: in WAL mode every committed page is written twice, once to the
 * WAL and once to the database by a checkpoint, which also syncs the
 * file. SQLite runs the checkpoint on the committing connection, so the
 * writer (the one thread that may write) spends its time copying pages
 * and waiting for the disk. A second connection may checkpoint while the
 * first writes (a PASSIVE checkpoint takes no lock a writer needs), so
 * the ingest hands that work to this thread: after each commit it is
 * woken and copies what was committed. Nothing changes for durability:
 * committed data is in the WAL either way, and a checkpoint interrupted
 * by a crash is redone by the next one.
 *
 * The WAL starts again from its beginning only when a writer opens a
 * transaction after a checkpoint has copied all of it; ours opens the
 * next one at once, before this thread is done. So once the log holds
 * RESTART_FRAMES, the writer waits after a commit for the checkpoint of
 * that commit (milliseconds, once per ~16 MB written); otherwise the WAL
 * would grow by every page of the run.
 */
#include "store_internal.h"
#include "util/alloc.h"
#include "util/error.h"

/* WAL frames (pages) after which the writer lets the log start again. */
#define RESTART_FRAMES 4096

struct store_ckpt {
	sqlite3        *db;          /* the thread's own connection */
	pthread_t       thread;
	pthread_mutex_t lock;
	pthread_cond_t  wake;        /* to the thread: a commit, or stop */
	pthread_cond_t  done;        /* from the thread: a checkpoint ended */
	unsigned long   commits;     /* commits signalled so far */
	unsigned long   served;      /* commits covered by the last checkpoint */
	int             log;         /* WAL frames at the last checkpoint */
	bool            stop;
};

static void *ckpt_main(void *arg)
{
	store_ckpt *c = arg;
	pthread_mutex_lock(&c->lock);
	for (;;) {
		while (!c->stop && c->commits == c->served)
			pthread_cond_wait(&c->wake, &c->lock);
		if (c->stop)
			break;
		unsigned long upto = c->commits;
		pthread_mutex_unlock(&c->lock);
		/* BUSY or an error: the next commit tries again, and the
		 * writer's close checkpoints what is left */
		int log = 0, copied = 0;
		sqlite3_wal_checkpoint_v2(c->db, NULL, SQLITE_CHECKPOINT_PASSIVE, &log, &copied);
		pthread_mutex_lock(&c->lock);
		c->served = upto;
		c->log = log;
		pthread_cond_broadcast(&c->done);
	}
	pthread_mutex_unlock(&c->lock);
	return NULL;
}

static void ckpt_free(store_ckpt *c)
{
	pthread_cond_destroy(&c->done);
	pthread_cond_destroy(&c->wake);
	pthread_mutex_destroy(&c->lock);
	sqlite3_close(c->db);
	dyad_free(c);
}

int store_ckpt_start(dyad_store *s)
{
	if (s->ckpt)
		return 0;
	const char *path = sqlite3_db_filename(s->db, "main");
	if (!path || !*path)
		return 0;   /* an in-memory or temporary store: nothing to hand over */
	store_ckpt *c = dyad_calloc(1, sizeof(*c));
	if (!c)
		return DYAD_ENOMEM;
	pthread_mutex_init(&c->lock, NULL);
	pthread_cond_init(&c->wake, NULL);
	pthread_cond_init(&c->done, NULL);
	if (sqlite3_open_v2(path, &c->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		int rc = dyad_error_set(DYAD_EDB, "store: checkpoint connection: %s",
		                        c->db ? sqlite3_errmsg(c->db) : "out of memory");
		ckpt_free(c);
		return rc;
	}
	sqlite3_busy_timeout(c->db, 100);
	/* a connection learns the journal mode on its first read: until then
	 * a checkpoint call finds no WAL and does nothing */
	sqlite3_exec(c->db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
	if (pthread_create(&c->thread, NULL, ckpt_main, c) != 0) {
		ckpt_free(c);
		return dyad_error_set(DYAD_ENOMEM, "store: cannot start the checkpoint thread");
	}
	s->ckpt = c;
	/* the writer no longer checkpoints after its commits */
	sqlite3_wal_autocheckpoint(s->db, 0);
	return 0;
}

void store_ckpt_committed(dyad_store *s)
{
	store_ckpt *c = s->ckpt;
	if (!c)
		return;
	pthread_mutex_lock(&c->lock);
	unsigned long mine = ++c->commits;
	pthread_cond_signal(&c->wake);
	if (c->log >= RESTART_FRAMES)   /* let the next transaction restart the log */
		while (c->served < mine)
			pthread_cond_wait(&c->done, &c->lock);
	pthread_mutex_unlock(&c->lock);
}

void store_ckpt_stop(dyad_store *s)
{
	store_ckpt *c = s->ckpt;
	if (!c)
		return;
	pthread_mutex_lock(&c->lock);
	c->stop = true;
	pthread_cond_signal(&c->wake);
	pthread_mutex_unlock(&c->lock);
	pthread_join(c->thread, NULL);
	ckpt_free(c);
	s->ckpt = NULL;
	sqlite3_wal_autocheckpoint(s->db, STORE_WAL_AUTOCHECKPOINT);
}
