/* TMX statistics: units, languages, words and characters, bead shapes,
   scores.  */

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>

#include "internal.h"
#include "tmx-internal.h"

/* The length of the UTF-8 sequence that starts with the byte B (1 for
   a stray byte).  */
static inline size_t
utf8_len (unsigned char b)
{
  return b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

/* What tmc_tmx_count_text makes of a byte: 0 nothing (ASCII
   punctuation, a continuation byte), 1 ASCII white space, 2 ASCII letter
   or digit, 3 a lead byte that may start a Unicode space (C2, E1, E2,
   E3), 4 another lead byte.  */
static const unsigned char count_class[256] = {
  0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0,
  0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0,
  0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  4, 4, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
  4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
  4, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
  4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
};

#define ONES 0x0101010101010101ULL
#define HIGH 0x8080808080808080ULL

/* The number of UTF-8 continuation bytes in the N bytes at S, eight at a
   time: a byte 10xxxxxx has bit 7 set and bit 6 clear.  The per-byte
   counts are summed every 31 words, before a byte can overflow.  */
static size_t
count_continuation (const unsigned char *s, size_t n)
{
  size_t c = 0, i = 0;
  while (i + 8 <= n)
    {
      uint64_t acc = 0;
      for (int k = 0; k < 31 && i + 8 <= n; k++, i += 8)
        {
          uint64_t x;
          memcpy (&x, s + i, 8);
          acc += (x & ~(x << 1) & HIGH) >> 7;
        }
      c += (size_t) ((acc * ONES) >> 56);
    }
  for (; i < n; i++)
    c += (s[i] & 0xC0) == 0x80;
  return c;
}

/* Flags (bit 7 of a byte) the bytes of X that may end a word: those below
   0x21, and the lead bytes C2 and E0 to E3.  The lowest flag is exact;
   flags above it may be false.  */
static inline uint64_t
stop_mask (uint64_t x)
{
  uint64_t low = (x - 0x21 * ONES) & ~x & HIGH;
  uint64_t e = (x & (0xFC * ONES)) ^ (0xE0 * ONES);
  uint64_t c = x ^ (0xC2 * ONES);
  return low | ((e - ONES) & ~e & HIGH) | ((c - ONES) & ~c & HIGH);
}

/* 1 when the character at S (N bytes left) is a word character (a
   letter, digit or mark) and 0 when not; *SPACE is set when it is white
   space.  *LEN is its length.  */
static int
classify_char (const unsigned char *s, size_t n, int *space, size_t *len)
{
  unsigned int c;
  *len = tmc_tmx_utf8_next (s, n, &c);
  if (*len == 0)
    {
      *len = 1;
      *space = 0;
      return 0;
    }
  *space = tmc_tmx_is_space (c);
  return !*space && (uc_is_alnum (c)
                     || uc_is_general_category (c, UC_CATEGORY_M));
}

void
tmc_tmx_count_text (const char *str, size_t n, size_t *words, size_t *chars)
{
  /* Characters are the bytes that do not continue a sequence.  A word is
     a run of characters between white space with a letter, digit or
     mark in it: once a run has one, only what may end it is looked at
     (ASCII white space and the lead bytes of the Unicode spaces).  */
  const unsigned char *s = (const unsigned char *) str;
  size_t w = 0, i = 0;
  while (i < n)
    {
      /* Between words: skip white space.  */
      unsigned k = count_class[s[i]];
      if (k == 1)
        {
          i++;
          continue;
        }
      int space = 0;
      size_t len = 1;
      if (k >= 3)
        {
          int wordy = classify_char (s + i, n - i, &space, &len);
          if (space)
            {
              i += len;
              continue;
            }
          k = wordy ? 2 : 0;
        }
      /* A run begins.  Until it has a word character, look at each.  */
      i += len;
      while (k != 2)
        {
          if (i >= n)
            goto done;
          k = count_class[s[i]];
          len = 1;
          if (k == 1)
            break;
          if (k >= 3)
            {
              int wordy = classify_char (s + i, n - i, &space, &len);
              if (space)
                break;
              k = wordy ? 2 : 0;
            }
          i += len;
        }
      if (k != 2)
        continue;  /* the run ended without a word character */
      w++;
      /* The rest of the word.  */
      for (;;)
        {
#if defined __BYTE_ORDER__ && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
          while (i + 8 <= n)
            {
              uint64_t x;
              memcpy (&x, s + i, 8);
              uint64_t m = stop_mask (x);
              if (m)
                {
                  i += (size_t) __builtin_ctzll (m) >> 3;
                  break;
                }
              i += 8;
            }
#endif
          while (i < n && s[i] > ' ' && s[i] != 0xC2
                 && (s[i] < 0xE0 || s[i] > 0xE3))
            i++;
          if (i >= n || count_class[s[i]] == 1)
            break;
          if (s[i] <= ' ')
            {
              i++;  /* a control character: part of the word */
              continue;
            }
          classify_char (s + i, n - i, &space, &len);
          if (space)
            break;
          i += len;
        }
    }
done:
  *words = w;
  *chars = n - count_continuation (s, n);
}

void
tmc_tmx_stats_init (struct tmc_tmx_stats *st)
{
  memset (st, 0, sizeof *st);
}

void
tmc_tmx_stats_destroy (struct tmc_tmx_stats *st)
{
  free (st->langs);
  for (size_t i = 0; i < st->n_shapes; i++)
    free (st->shapes[i].shape);
  free (st->shapes);
  tmc_tmx_stats_init (st);
}

static struct tmc_tmx_lang_stats *
stats_lang (struct tmc_tmx_stats *st, const char *tag)
{
  /* Most tags are written as they are kept.  */
  for (size_t i = 0; i < st->n_langs; i++)
    if (strcmp (st->langs[i].tag, tag) == 0)
      return &st->langs[i];
  char canon[TMC_TMX_TAG_MAX];
  tmc_tmx_lang_canonical (tag, NULL, canon, sizeof canon);
  for (size_t i = 0; i < st->n_langs; i++)
    if (strcmp (st->langs[i].tag, canon) == 0)
      return &st->langs[i];
  if (tmc_grow ((void **) &st->langs, &st->langs_cap, st->n_langs + 1,
                sizeof *st->langs) != 0)
    return NULL;
  struct tmc_tmx_lang_stats *l = &st->langs[st->n_langs++];
  memset (l, 0, sizeof *l);
  memcpy (l->tag, canon, sizeof l->tag);
  return l;
}

static int
stats_shape (struct tmc_tmx_stats *st, const char *shape, size_t count)
{
  for (size_t i = 0; i < st->n_shapes; i++)
    if ((shape == NULL && st->shapes[i].shape == NULL)
        || (shape && st->shapes[i].shape
            && strcmp (shape, st->shapes[i].shape) == 0))
      {
        st->shapes[i].units += count;
        return 0;
      }
  if (tmc_grow ((void **) &st->shapes, &st->shapes_cap, st->n_shapes + 1,
                sizeof *st->shapes) != 0)
    return -1;
  char *copy = NULL;
  if (shape && (copy = tmc_strdup (shape)) == NULL)
    return -1;
  st->shapes[st->n_shapes].shape = copy;
  st->shapes[st->n_shapes].units = count;
  st->n_shapes++;
  return 0;
}

enum tmc_status
tmc_tmx_stats_add (struct tmc_tmx_stats *st, const struct tmc_tu *tu,
                   struct tmc_error *err)
{
  st->units++;
  for (size_t i = 0; i < tu->n_tuvs; i++)
    {
      const struct tmc_tuv *v = &tu->tuvs[i];
      struct tmc_tmx_lang_stats *l = stats_lang (st, v->lang ? v->lang : "");
      if (l == NULL)
        return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                              _("out of memory"));
      size_t w, c;
      tmc_tmx_count_text (v->text, strlen (v->text), &w, &c);
      l->tuvs++;
      l->words += w;
      l->chars += c;
      st->tuvs++;
    }
  if (stats_shape (st, tmc_meta_prop (&tu->meta, TMC_TMX_PROP_BEAD), 1) != 0)
    return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));
  double score;
  int r = tmc_tmx_unit_score (tu, &score);
  if (r < 0 || (r > 0 && score > 1))
    st->bad_scores++;
  else if (r > 0)
    {
      int bin = (int) (score * TMC_TMX_SCORE_BINS);
      if (bin >= TMC_TMX_SCORE_BINS)
        bin = TMC_TMX_SCORE_BINS - 1;
      st->score_bins[bin]++;
      st->scored++;
    }
  return TMC_OK;
}

enum tmc_status
tmc_tmx_stats_merge (struct tmc_tmx_stats *to,
                     const struct tmc_tmx_stats *from, struct tmc_error *err)
{
  to->units += from->units;
  to->tuvs += from->tuvs;
  for (size_t i = 0; i < from->n_langs; i++)
    {
      struct tmc_tmx_lang_stats *l = stats_lang (to, from->langs[i].tag);
      if (l == NULL)
        return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                              _("out of memory"));
      l->tuvs += from->langs[i].tuvs;
      l->words += from->langs[i].words;
      l->chars += from->langs[i].chars;
    }
  for (size_t i = 0; i < from->n_shapes; i++)
    if (stats_shape (to, from->shapes[i].shape, from->shapes[i].units) != 0)
      return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0,
                            _("out of memory"));
  to->scored += from->scored;
  to->bad_scores += from->bad_scores;
  for (int i = 0; i < TMC_TMX_SCORE_BINS; i++)
    to->score_bins[i] += from->score_bins[i];
  return TMC_OK;
}


/* ------------------------------------------------------------------ */
/* A whole file, without building units.

   The reader's light callbacks append records to a batch: a variant
   (its language as an index into a small table of the tags seen, and its
   text) or the end of a unit (its x-bead and x-score).  Full batches go
   to a second thread that counts them, through a queue of at most
   QUEUE_LEN batches, so that counting overlaps with parsing and memory
   stays flat.  Without a thread, the batches are counted at once.  */

#define BATCH_BYTES ((size_t) 1 << 20)
#define QUEUE_LEN 4

enum { REC_VARIANT = 'V', REC_UNIT = 'U' };

struct fs_batch {
  struct tmc_buf data;
};

struct file_stats {
  struct tmc_tmx_stats *st;
  /* The languages seen, by the tag as written (reader side).  */
  char (*tags)[TMC_TMX_TAG_MAX];
  size_t n_tags, tags_cap;
  size_t last;                 /* index of the last variant's tag */
  /* The unit being read (reader side).  */
  char shape[64];
  int has_shape;
  int score_state;  /* 0 none, 1 valid, -1 not a number */
  double score;
  struct fs_batch cur;
  /* The counting thread.  */
  int threaded;
  pthread_t thread;
  pthread_mutex_t lock;
  pthread_cond_t changed;
  struct fs_batch queue[QUEUE_LEN];
  size_t head, count;
  int done;
  int failed;                  /* out of memory while counting */
  /* Counter side: the stats entry of each tag index.  */
  size_t *entry;
  size_t n_entry, entry_cap;
};

/* Count the records of B into FS->st (the counting thread, or the
   reader without one).  */
static void
fs_count (struct file_stats *fs, struct fs_batch *b)
{
  const char *p = b->data.data, *end = p + b->data.len;
  while (p < end && !fs->failed)
    {
      char kind = *p++;
      if (kind == REC_VARIANT)
        {
          size_t tag, len;
          memcpy (&tag, p, sizeof tag);
          p += sizeof tag;
          memcpy (&len, p, sizeof len);
          p += sizeof len;
          struct tmc_tmx_lang_stats *l;
          if (tag < fs->n_entry && fs->entry[tag] != (size_t) -1)
            l = &fs->st->langs[fs->entry[tag]];
          else
            {
              /* The tag text follows, the first time.  */
              l = stats_lang (fs->st, p + len + 1);
              if (l == NULL
                  || tmc_grow ((void **) &fs->entry, &fs->entry_cap, tag + 1,
                               sizeof *fs->entry) != 0)
                {
                  fs->failed = 1;
                  break;
                }
              while (fs->n_entry <= tag)
                fs->entry[fs->n_entry++] = (size_t) -1;
              fs->entry[tag] = (size_t) (l - fs->st->langs);
            }
          size_t w, c;
          tmc_tmx_count_text (p, len, &w, &c);
          p += len + 1;
          p += strlen (p) + 1;  /* the tag text, or "" */
          l->tuvs++;
          l->words += w;
          l->chars += c;
          fs->st->tuvs++;
        }
      else
        {
          int state;
          double score;
          memcpy (&state, p, sizeof state);
          p += sizeof state;
          memcpy (&score, p, sizeof score);
          p += sizeof score;
          const char *shape = *p ? p : NULL;
          p += strlen (p) + 1;
          fs->st->units++;
          if (stats_shape (fs->st, shape, 1) != 0)
            {
              fs->failed = 1;
              break;
            }
          if (state < 0 || (state > 0 && score > 1))
            fs->st->bad_scores++;
          else if (state > 0)
            {
              int bin = (int) (score * TMC_TMX_SCORE_BINS);
              if (bin >= TMC_TMX_SCORE_BINS)
                bin = TMC_TMX_SCORE_BINS - 1;
              fs->st->score_bins[bin]++;
              fs->st->scored++;
            }
        }
    }
  tmc_buf_reset (&b->data);
}

static void *
fs_thread (void *data)
{
  struct file_stats *fs = data;
  for (;;)
    {
      pthread_mutex_lock (&fs->lock);
      while (fs->count == 0 && !fs->done)
        pthread_cond_wait (&fs->changed, &fs->lock);
      if (fs->count == 0)
        {
          pthread_mutex_unlock (&fs->lock);
          return NULL;
        }
      struct fs_batch b = fs->queue[fs->head];
      fs->head = (fs->head + 1) % QUEUE_LEN;
      fs->count--;
      pthread_mutex_unlock (&fs->lock);
      fs_count (fs, &b);
      tmc_buf_destroy (&b.data);
      pthread_mutex_lock (&fs->lock);
      pthread_cond_broadcast (&fs->changed);
      pthread_mutex_unlock (&fs->lock);
    }
}

/* Hand the current batch to the counter.  */
static void
fs_flush (struct file_stats *fs)
{
  if (fs->cur.data.len == 0)
    return;
  if (!fs->threaded)
    {
      fs_count (fs, &fs->cur);
      return;
    }
  pthread_mutex_lock (&fs->lock);
  while (fs->count == QUEUE_LEN)
    pthread_cond_wait (&fs->changed, &fs->lock);
  fs->queue[(fs->head + fs->count) % QUEUE_LEN] = fs->cur;
  fs->count++;
  pthread_cond_broadcast (&fs->changed);
  pthread_mutex_unlock (&fs->lock);
  tmc_buf_init (&fs->cur.data);
}

static enum tmc_status
fs_nomem (struct tmc_error *err)
{
  return tmc_error_set (err, TMC_ERR_NOMEM, NULL, 0, 0, _("out of memory"));
}

static enum tmc_status
fs_variant (void *data, const char *lang, const char *text, size_t len,
            struct tmc_error *err)
{
  struct file_stats *fs = data;
  /* The tag's index: the last one, most of the time.  */
  size_t tag = fs->last;
  int first = 0;
  if (tag >= fs->n_tags || strcmp (fs->tags[tag], lang) != 0)
    {
      for (tag = 0; tag < fs->n_tags; tag++)
        if (strcmp (fs->tags[tag], lang) == 0)
          break;
      if (tag == fs->n_tags)
        {
          if (tmc_grow ((void **) &fs->tags, &fs->tags_cap, fs->n_tags + 1,
                        sizeof *fs->tags) != 0)
            return fs_nomem (err);
          snprintf (fs->tags[tag], TMC_TMX_TAG_MAX, "%s", lang);
          fs->n_tags++;
          first = 1;
        }
      fs->last = tag;
    }
  /* V, tag, len, text NUL, and the tag text NUL the first time (else an
     empty string).  */
  struct tmc_buf *b = &fs->cur.data;
  size_t lang_len = first ? strlen (lang) : 0;
  size_t need = 1 + sizeof tag + sizeof len + len + 1 + lang_len + 1;
  if (tmc_buf_reserve (b, need) != 0)
    return fs_nomem (err);
  char *p = b->data + b->len;
  *p++ = REC_VARIANT;
  memcpy (p, &tag, sizeof tag);
  p += sizeof tag;
  memcpy (p, &len, sizeof len);
  p += sizeof len;
  memcpy (p, text, len);
  p += len;
  *p++ = '\0';
  memcpy (p, lang, lang_len);
  p += lang_len;
  *p++ = '\0';
  b->len += need;
  if (b->len >= BATCH_BYTES)
    fs_flush (fs);
  return TMC_OK;
}

static enum tmc_status
fs_prop (void *data, const char *type, const char *value,
         struct tmc_error *err)
{
  struct file_stats *fs = data;
  (void) err;
  if (!fs->has_shape && strcmp (type, TMC_TMX_PROP_BEAD) == 0)
    {
      size_t n = strlen (value);
      if (n >= sizeof fs->shape)
        n = sizeof fs->shape - 1;
      memcpy (fs->shape, value, n);
      fs->shape[n] = '\0';
      fs->has_shape = 1;
    }
  else if (fs->score_state == 0 && strcmp (type, TMC_TMX_PROP_SCORE) == 0)
    fs->score_state = tmc_tmx_parse_score (value, &fs->score) == 0 ? 1 : -1;
  return TMC_OK;
}

static enum tmc_status
fs_unit_end (void *data, struct tmc_error *err)
{
  struct file_stats *fs = data;
  struct tmc_buf *b = &fs->cur.data;
  double score = fs->score_state > 0 ? fs->score : 0;
  /* U, score state, score, shape NUL (empty: none).  */
  size_t shape_len = fs->has_shape ? strlen (fs->shape) : 0;
  size_t need = 1 + sizeof fs->score_state + sizeof score + shape_len + 1;
  if (tmc_buf_reserve (b, need) != 0)
    return fs_nomem (err);
  char *p = b->data + b->len;
  *p++ = REC_UNIT;
  memcpy (p, &fs->score_state, sizeof fs->score_state);
  p += sizeof fs->score_state;
  memcpy (p, &score, sizeof score);
  p += sizeof score;
  memcpy (p, fs->shape, shape_len);
  p += shape_len;
  *p = '\0';
  b->len += need;
  fs->has_shape = 0;
  fs->score_state = 0;
  if (b->len >= BATCH_BYTES)
    fs_flush (fs);
  return TMC_OK;
}

enum tmc_status
tmc_tmx_stats_file (const char *path, struct tmc_tmx_stats *stats,
                    const struct tmc_warn_handler *warn,
                    struct tmc_error *err)
{
  struct file_stats fs;
  memset (&fs, 0, sizeof fs);
  fs.st = stats;
  tmc_buf_init (&fs.cur.data);
  pthread_mutex_init (&fs.lock, NULL);
  pthread_cond_init (&fs.changed, NULL);
  fs.threaded = pthread_create (&fs.thread, NULL, fs_thread, &fs) == 0;
  struct tmc_tmx_read_opts o;
  tmc_tmx_read_opts_init (&o);
  o.variant = fs_variant;
  o.unit_prop = fs_prop;
  o.unit_end = fs_unit_end;
  o.data = &fs;
  o.warn = warn;
  o.flags = TMC_TMX_READ_NO_POSITIONS;
  enum tmc_status st = tmc_tmx_read_stream (path, &o, NULL, err);
  /* Units read before an error are counted too.  */
  fs_flush (&fs);
  if (fs.threaded)
    {
      pthread_mutex_lock (&fs.lock);
      fs.done = 1;
      pthread_cond_broadcast (&fs.changed);
      pthread_mutex_unlock (&fs.lock);
      pthread_join (fs.thread, NULL);
    }
  tmc_buf_destroy (&fs.cur.data);
  free (fs.tags);
  free (fs.entry);
  pthread_mutex_destroy (&fs.lock);
  pthread_cond_destroy (&fs.changed);
  if (st == TMC_OK && fs.failed)
    st = fs_nomem (err);
  return st;
}
