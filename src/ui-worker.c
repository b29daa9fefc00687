/* ui-worker.c: what the reader's worker threads share.
 *
 * The article fetcher (ui-fetch.c) and the downloads (ui-dl.c) each run
 * one thread with a store connection of its own, woken through a
 * condition variable, holding the newest snapshot of the config, and
 * telling the loop about its news through a self-pipe that the loop
 * polls beside the terminal. Their start, snapshot, wake-up and stop are
 * the same, and live here.
 */

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <unistd.h>

#include "config.h"
#include "ui-int.h"

int
ui_worker_init(struct ui_worker *w, const struct ui *ui)
{
	if (pipe2(w->pipe, O_CLOEXEC | O_NONBLOCK) == -1)
		return (-1);
	pthread_mutex_init(&w->lock, NULL);
	pthread_cond_init(&w->cond, NULL);
	w->db_path = ui->db_path;
	w->cfg = config_hold(ui->snap);
	return (0);
}

int
ui_worker_start(struct ui_worker *w, void *(*fn)(void *), void *arg)
{
	sigset_t	 every, old;
	int		 error;

	if (w->started)
		return (0);
	/* Signals are for the loop's thread, to interrupt its poll(). */
	sigfillset(&every);
	pthread_sigmask(SIG_SETMASK, &every, &old);
	error = pthread_create(&w->thread, NULL, fn, arg);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (error == 0)
		w->started = 1;
	return (error);
}

void
ui_worker_config(struct ui_worker *w, const struct ui *ui)
{
	struct config	*old;

	pthread_mutex_lock(&w->lock);
	old = w->cfg;
	w->cfg = config_hold(ui->snap);
	pthread_mutex_unlock(&w->lock);
	config_drop(old);
}

void
ui_worker_poke(struct ui_worker *w)
{
	ssize_t	 n;

	/* A full pipe wakes the loop already. */
	n = write(w->pipe[1], "", 1);
	(void)n;
}

void
ui_worker_drain(struct ui_worker *w)
{
	char	 drain[256];

	while (read(w->pipe[0], drain, sizeof drain) > 0)
		;
}

void
ui_worker_stop(struct ui_worker *w)
{
	if (w->started) {
		pthread_mutex_lock(&w->lock);
		w->quit = 1;
		atomic_store(&w->stop, 1);
		pthread_cond_signal(&w->cond);
		pthread_mutex_unlock(&w->lock);
		pthread_join(w->thread, NULL);
		w->started = 0;
	}
	close(w->pipe[0]);
	close(w->pipe[1]);
	pthread_cond_destroy(&w->cond);
	pthread_mutex_destroy(&w->lock);
	config_drop(w->cfg);
	w->cfg = NULL;
}
