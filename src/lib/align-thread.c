/* Running a few independent tasks of the aligner on several threads.  */

#include <pthread.h>
#include <stdlib.h>

#include "align-internal.h"

struct pool {
  void (*fn) (void *);
  void *const *arg;
  size_t n;
  size_t next;
  pthread_mutex_t lock;
};

static void *
worker (void *data)
{
  struct pool *p = data;
  for (;;)
    {
      pthread_mutex_lock (&p->lock);
      size_t k = p->next++;
      pthread_mutex_unlock (&p->lock);
      if (k >= p->n)
        return NULL;
      p->fn (p->arg[k]);
    }
}

void
tmc_run_tasks (void (*fn) (void *), void *const *arg, size_t n,
               unsigned threads)
{
  if (threads <= 1 || n <= 1)
    {
      for (size_t k = 0; k < n; k++)
        fn (arg[k]);
      return;
    }
  struct pool p = { fn, arg, n, 0, PTHREAD_MUTEX_INITIALIZER };
  size_t extra = (threads < n ? threads : n) - 1;
  pthread_t tid[16];
  if (extra > 16)
    extra = 16;
  size_t started = 0;
  for (size_t t = 0; t < extra; t++)
    if (pthread_create (&tid[started], NULL, worker, &p) == 0)
      started++;
  /* The caller works too; when no thread could start, it does it all.  */
  worker (&p);
  for (size_t t = 0; t < started; t++)
    pthread_join (tid[t], NULL);
  pthread_mutex_destroy (&p.lock);
}
