/* tmconv: a 64-bit content hash for change detection.

   The batch keeps a hash of every input file and option set, so that a
   re-run redoes only the reports that changed.  The hash is FNV-1a with
   64 bits (Fowler, Noll, Vo; the variant and constants of
   http://www.isthe.com/chongo/tech/comp/fnv/, also in RFC draft
   draft-eastlake-fnv): small, well known, fast enough on a few megabytes,
   and good at telling changed files apart.  It is NOT a cryptographic hash:
   it does not resist someone who crafts a collision on purpose.  */

#ifndef TMCONV_HASH_H
#define TMCONV_HASH_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The FNV-1a 64-bit offset basis: the hash of no bytes.  */
#define TMC_HASH_INIT UINT64_C (0xcbf29ce484222325)

/* Length of a hash as text (16 hex digits) with its NUL.  */
#define TMC_HASH_HEX_SIZE 17

/* Continue hash H over the N bytes at P and return the new hash.  Hashing
   data in pieces gives the same result as hashing it in one go.  */
uint64_t tmc_hash_update (uint64_t h, const void *p, size_t n);

/* The hash of the NUL-terminated string S followed by a NUL byte, on top
   of H: a sequence of strings hashed this way cannot be confused with
   another that joins or splits them ("ab","c" vs "a","bc").  */
uint64_t tmc_hash_str (uint64_t h, const char *s);

/* The hash of the 64-bit number V (little-endian bytes) on top of H.  */
uint64_t tmc_hash_u64 (uint64_t h, uint64_t v);

/* A well-mixed 64-bit value from H (the splitmix64 finalizer), for uses
   that take the low bits of a hash, such as a modulus.  */
uint64_t tmc_hash_mix (uint64_t h);

/* Write H as 16 lowercase hex digits and a NUL into BUF and return BUF.  */
char *tmc_hash_hex (uint64_t h, char buf[TMC_HASH_HEX_SIZE]);

/* Parse 16 hex digits at S (upper or lower case) into *H.  Returns 0, or
   -1 when S does not start with 16 hex digits.  */
int tmc_hash_parse (const char *s, uint64_t *h);

#ifdef __cplusplus
}
#endif

#endif /* TMCONV_HASH_H */
