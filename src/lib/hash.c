/* FNV-1a, 64 bits: the content hash of the batch's change detection.  */

#include "tmconv/hash.h"

#define FNV_PRIME UINT64_C (0x100000001b3)

uint64_t
tmc_hash_update (uint64_t h, const void *p, size_t n)
{
  const unsigned char *s = p;
  const unsigned char *end = s + n;
  /* Four bytes a round: the same result, fewer loop tests.  */
  while (end - s >= 4)
    {
      h = (h ^ s[0]) * FNV_PRIME;
      h = (h ^ s[1]) * FNV_PRIME;
      h = (h ^ s[2]) * FNV_PRIME;
      h = (h ^ s[3]) * FNV_PRIME;
      s += 4;
    }
  while (s < end)
    h = (h ^ *s++) * FNV_PRIME;
  return h;
}

uint64_t
tmc_hash_str (uint64_t h, const char *s)
{
  const unsigned char *p = (const unsigned char *) s;
  for (; *p; p++)
    h = (h ^ *p) * FNV_PRIME;
  return h * FNV_PRIME;  /* the NUL: h ^ 0 == h */
}

uint64_t
tmc_hash_u64 (uint64_t h, uint64_t v)
{
  unsigned char b[8];
  for (int i = 0; i < 8; i++)
    b[i] = (unsigned char) (v >> (8 * i));
  return tmc_hash_update (h, b, sizeof b);
}

uint64_t
tmc_hash_mix (uint64_t h)
{
  h ^= h >> 30;
  h *= UINT64_C (0xbf58476d1ce4e5b9);
  h ^= h >> 27;
  h *= UINT64_C (0x94d049bb133111eb);
  h ^= h >> 31;
  return h;
}

char *
tmc_hash_hex (uint64_t h, char buf[TMC_HASH_HEX_SIZE])
{
  static const char digits[] = "0123456789abcdef";
  for (int i = 15; i >= 0; i--)
    {
      buf[i] = digits[h & 0xf];
      h >>= 4;
    }
  buf[16] = '\0';
  return buf;
}

int
tmc_hash_parse (const char *s, uint64_t *h)
{
  uint64_t v = 0;
  for (int i = 0; i < 16; i++)
    {
      char c = s[i];
      unsigned d;
      if (c >= '0' && c <= '9')
        d = (unsigned) (c - '0');
      else if (c >= 'a' && c <= 'f')
        d = (unsigned) (c - 'a' + 10);
      else if (c >= 'A' && c <= 'F')
        d = (unsigned) (c - 'A' + 10);
      else
        return -1;
      v = (v << 4) | d;
    }
  *h = v;
  return 0;
}
