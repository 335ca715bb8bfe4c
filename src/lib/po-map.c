/* A string map for message keys.  */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "internal.h"
#include "po-internal.h"

static size_t
hash_str (const char *s)
{
  uint64_t h = 1469598103934665603ULL;
  for (; *s; s++)
    {
      h ^= (unsigned char) *s;
      h *= 1099511628211ULL;
    }
  return (size_t) h;
}

int
tmc_po_map_init (struct tmc_po_map *m, int owns)
{
  m->cap = 256;
  m->n = 0;
  m->owns = owns;
  m->keys = calloc (m->cap, sizeof *m->keys);
  m->vals = calloc (m->cap, sizeof *m->vals);
  if (m->keys == NULL || m->vals == NULL)
    {
      free (m->keys);
      free (m->vals);
      m->keys = NULL;
      m->vals = NULL;
      m->cap = 0;
      return -1;
    }
  return 0;
}

void
tmc_po_map_destroy (struct tmc_po_map *m)
{
  if (m->owns && m->keys)
    for (size_t i = 0; i < m->cap; i++)
      free (m->keys[i]);
  free (m->keys);
  free (m->vals);
  memset (m, 0, sizeof *m);
}

static size_t
slot (const struct tmc_po_map *m, const char *key)
{
  size_t mask = m->cap - 1;
  size_t i = hash_str (key) & mask;
  while (m->keys[i] && strcmp (m->keys[i], key) != 0)
    i = (i + 1) & mask;
  return i;
}

size_t *
tmc_po_map_get (const struct tmc_po_map *m, const char *key)
{
  if (m->cap == 0)
    return NULL;
  size_t i = slot (m, key);
  return m->keys[i] ? &m->vals[i] : NULL;
}

static int
grow (struct tmc_po_map *m)
{
  size_t cap = m->cap * 2;
  char **keys = calloc (cap, sizeof *keys);
  size_t *vals = calloc (cap, sizeof *vals);
  if (keys == NULL || vals == NULL)
    {
      free (keys);
      free (vals);
      return -1;
    }
  for (size_t i = 0; i < m->cap; i++)
    if (m->keys[i])
      {
        size_t j = hash_str (m->keys[i]) & (cap - 1);
        while (keys[j])
          j = (j + 1) & (cap - 1);
        keys[j] = m->keys[i];
        vals[j] = m->vals[i];
      }
  free (m->keys);
  free (m->vals);
  m->keys = keys;
  m->vals = vals;
  m->cap = cap;
  return 0;
}

size_t *
tmc_po_map_put (struct tmc_po_map *m, const char *key, size_t val,
                int *added)
{
  *added = 0;
  if (m->cap == 0)
    return NULL;
  if (m->n + 1 > m->cap / 2 && grow (m) != 0)
    return NULL;
  size_t i = slot (m, key);
  if (m->keys[i])
    return &m->vals[i];
  char *k = m->owns ? tmc_strdup (key) : (char *) key;
  if (k == NULL)
    return NULL;
  m->keys[i] = k;
  m->vals[i] = val;
  m->n++;
  *added = 1;
  return &m->vals[i];
}

const char *
tmc_po_message_key (po_message_t m, struct tmc_buf *b)
{
  tmc_buf_reset (b);
  const char *ctxt = po_message_msgctxt (m);
  if (ctxt && (tmc_buf_puts (b, ctxt) != 0 || tmc_buf_putc (b, '\004') != 0))
    return NULL;
  if (tmc_buf_puts (b, po_message_msgid (m)) != 0)
    return NULL;
  return b->data ? b->data : "";
}
