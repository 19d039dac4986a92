;; Multi-literal search (the "Teddy" algorithm of Hyperscan and Rust's aho-corasick, slim
;; form): each word's 3-byte fingerprint is looked up by nibble in shuffle tables that give,
;; per fingerprint position, the set of 8 buckets a byte may belong to; a position whose three
;; bytes agree on a bucket is a candidate, checked against the exact fingerprints through a
;; hash table, then against the words having that fingerprint. Built by
;; scripts/build-teddy-wasm.mjs into teddy-wasm.ts; multi-search.ts plans the tables. No
;; allocation, no imports: the host writes tables and data into memory.
;;
;; A table region at $base (32 KiB, laid out by multi-search.ts):
;;   base+0     lo0 hi0 lo1 hi1 lo2 hi2   six 16-byte nibble tables (bit b = bucket b)
;;   base+96    sixteen 0x0f bytes (the nibble mask: loaded once, not rebuilt in the loop)
;;   base+112   i32: whether any fingerprint is 2 bytes (a 2-byte word's)
;;   base+256   records 1..200 at base+224+32r: needle address, length, fingerprint offset
;;              in the word, record number (r - 1), fingerprint (little-endian), next record
;;              with the same fingerprint hash (0: none)
;;   base+6656  4096 chain heads (first record, u8), by hash of 3-byte fingerprints
;;   base+10752 the same for 2-byte fingerprints
;;   base+14848 one "found" byte per record number (mode all)
;;   base+15104 candidate list of a 4 KiB batch: 128 x (lane bits, round address)
;;   base+16128 the words' bytes
(module
  (memory (export "memory") 2)

  ;; Whether the $len bytes at $s equal those at $n, 16 at a time (both may be read up to 15
  ;; bytes past their end: the host pads the data and the needle area).
  (func $eq (param $s i32) (param $n i32) (param $len i32) (result i32)
    (local $same i32)
    (loop $more
      (local.set $same
        (i8x16.bitmask (i8x16.eq (v128.load (local.get $s)) (v128.load (local.get $n)))))
      (if (i32.le_s (local.get $len) (i32.const 16))
        (then
          (return (i32.eqz (i32.and
            (i32.xor (local.get $same) (i32.const -1))
            (i32.sub (i32.shl (i32.const 1) (local.get $len)) (i32.const 1)))))))
      (if (i32.ne (local.get $same) (i32.const 0xffff)) (then (return (i32.const 0))))
      (local.set $s (i32.add (local.get $s) (i32.const 16)))
      (local.set $n (i32.add (local.get $n) (i32.const 16)))
      (local.set $len (i32.sub (local.get $len) (i32.const 16)))
      (br $more))
    (unreachable))

  ;; Walks the hash chain from record $r for words whose fingerprint $key starts at $p and
  ;; that lie within [$start, $end). Mode any: the first such word's record number, -1 when
  ;; none. Mode all: marks every such word found; whether any (0), else -1.
  (func $chain (param $base i32) (param $r i32) (param $key i32) (param $p i32)
    (param $start i32) (param $end i32) (param $all i32) (result i32)
    (local $rec i32) (local $s i32) (local $len i32) (local $hit i32)
    (local.set $hit (i32.const -1))
    (loop $next
      (local.set $rec (i32.add (local.get $base) (i32.add (i32.const 224)
        (i32.shl (local.get $r) (i32.const 5)))))
      (if (i32.eq (local.get $key) (i32.load offset=16 (local.get $rec)))
        (then
          (local.set $s (i32.sub (local.get $p) (i32.load offset=8 (local.get $rec))))
          (local.set $len (i32.load offset=4 (local.get $rec)))
          (if (i32.and
                (i32.ge_s (local.get $s) (local.get $start))
                (i32.le_s (i32.add (local.get $s) (local.get $len)) (local.get $end)))
            (then
              (if (call $eq (local.get $s) (i32.load (local.get $rec)) (local.get $len))
                (then
                  (if (i32.eqz (local.get $all))
                    (then (return (i32.load offset=12 (local.get $rec)))))
                  (i32.store8 offset=14848
                    (i32.add (local.get $base) (i32.load offset=12 (local.get $rec)))
                    (i32.const 1))
                  (local.set $hit (i32.const 0))))))))
      (local.set $r (i32.load offset=20 (local.get $rec)))
      (br_if $next (local.get $r)))
    (local.get $hit))

  ;; Scans [$i, $end) for words (which must start at or after $start). Mode any ($all = 0):
  ;; the record number of a word found, -1 when none. Mode all: marks every word found at
  ;; base+14848+record; 0 when it found any, else -1.
  ;;
  ;; 32 bytes a round, as two 16-byte blocks. Each block's bytes are looked up once per
  ;; fingerprint position (t0, t1, t2: may this byte be a fingerprint's first, second, third
  ;; byte); a fingerprint ending at lane j needs t2[j], t1[j-1] and t0[j-2], the last two
  ;; shifted in from the previous block (i8x16.shuffle of two blocks: one palignr). Rounds
  ;; note their candidate lanes in a list without branching (one round in five has some, at
  ;; random: a branch per round would be mispredicted as often), and the list is checked
  ;; after every 4 KiB, away from the loop that keeps the tables in registers.
  (func (export "find") (param $base i32) (param $i i32) (param $start i32) (param $end i32)
    (param $all i32) (result i32)
    (local $lo0 v128) (local $hi0 v128) (local $lo1 v128) (local $hi1 v128)
    (local $lo2 v128) (local $hi2 v128) (local $k15 v128)
    (local $c v128) (local $nl v128) (local $nh v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128)
    (local $b0 v128) (local $b1 v128) (local $b2 v128)
    (local $p0 v128) (local $p1 v128) (local $ma v128) (local $mb v128)
    (local $bits i32) (local $p i32) (local $w i32) (local $r i32) (local $f i32)
    (local $hit i32) (local $wild i32) (local $stop i32) (local $bend i32) (local $q i32)
    (local $e i32) (local $j i32)
    (local.set $wild (i32.load offset=112 (local.get $base)))
    (local.set $lo0 (v128.load (local.get $base)))
    (local.set $hi0 (v128.load offset=16 (local.get $base)))
    (local.set $lo1 (v128.load offset=32 (local.get $base)))
    (local.set $hi1 (v128.load offset=48 (local.get $base)))
    (local.set $lo2 (v128.load offset=64 (local.get $base)))
    (local.set $hi2 (v128.load offset=80 (local.get $base)))
    (local.set $k15 (v128.load offset=96 (local.get $base)))
    (local.set $hit (i32.const -1))
    ;; A fingerprint starting at end - 1 (a 2-byte word's) ends at end + 1.
    (local.set $stop (i32.add (local.get $end) (i32.const 2)))
    (block $done
      (loop $batch
        (local.set $bend (i32.add (local.get $i) (i32.const 4096)))
        (if (i32.gt_u (local.get $bend) (local.get $stop)) (then (local.set $bend (local.get $stop))))
        (local.set $q (i32.add (local.get $base) (i32.const 15104)))
        (block $scanned
          (loop $round
            (br_if $scanned (i32.ge_u (local.get $i) (local.get $bend)))
            (local.set $c (v128.load (local.get $i)))
            (local.set $nl (v128.and (local.get $c) (local.get $k15)))
            (local.set $nh (v128.and (i16x8.shr_u (local.get $c) (i32.const 4)) (local.get $k15)))
            (local.set $a0 (v128.and (i8x16.swizzle (local.get $lo0) (local.get $nl))
                                     (i8x16.swizzle (local.get $hi0) (local.get $nh))))
            (local.set $a1 (v128.and (i8x16.swizzle (local.get $lo1) (local.get $nl))
                                     (i8x16.swizzle (local.get $hi1) (local.get $nh))))
            (local.set $a2 (v128.and (i8x16.swizzle (local.get $lo2) (local.get $nl))
                                     (i8x16.swizzle (local.get $hi2) (local.get $nh))))
            (local.set $ma (v128.and (local.get $a2) (v128.and
              (i8x16.shuffle 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30
                (local.get $p1) (local.get $a1))
              (i8x16.shuffle 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29
                (local.get $p0) (local.get $a0)))))
            (local.set $c (v128.load offset=16 (local.get $i)))
            (local.set $nl (v128.and (local.get $c) (local.get $k15)))
            (local.set $nh (v128.and (i16x8.shr_u (local.get $c) (i32.const 4)) (local.get $k15)))
            (local.set $b0 (v128.and (i8x16.swizzle (local.get $lo0) (local.get $nl))
                                     (i8x16.swizzle (local.get $hi0) (local.get $nh))))
            (local.set $b1 (v128.and (i8x16.swizzle (local.get $lo1) (local.get $nl))
                                     (i8x16.swizzle (local.get $hi1) (local.get $nh))))
            (local.set $b2 (v128.and (i8x16.swizzle (local.get $lo2) (local.get $nl))
                                     (i8x16.swizzle (local.get $hi2) (local.get $nh))))
            (local.set $mb (v128.and (local.get $b2) (v128.and
              (i8x16.shuffle 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30
                (local.get $a1) (local.get $b1))
              (i8x16.shuffle 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29
                (local.get $a0) (local.get $b0)))))
            (local.set $p0 (local.get $b0))
            (local.set $p1 (local.get $b1))
            (local.set $bits (i32.xor (i32.const -1) (i32.or
              (i8x16.bitmask (i8x16.eq (local.get $ma) (v128.const i64x2 0 0)))
              (i32.shl (i8x16.bitmask (i8x16.eq (local.get $mb) (v128.const i64x2 0 0)))
                (i32.const 16)))))
            (i32.store (local.get $q) (local.get $bits))
            (i32.store offset=4 (local.get $q) (local.get $i))
            (local.set $q (i32.add (local.get $q) (i32.shl (i32.ne (local.get $bits) (i32.const 0)) (i32.const 3))))
            (local.set $i (i32.add (local.get $i) (i32.const 32)))
            (br $round)))
        (local.set $e (i32.add (local.get $base) (i32.const 15104)))
        (block $checked
          (loop $entry
            (br_if $checked (i32.ge_u (local.get $e) (local.get $q)))
            (local.set $bits (i32.load (local.get $e)))
            (local.set $j (i32.load offset=4 (local.get $e)))
            (loop $lane
              (local.set $p (i32.add (local.get $j)
                (i32.sub (i32.ctz (local.get $bits)) (i32.const 2))))
              (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
              (local.set $w (i32.load (local.get $p)))
              (local.set $r (i32.load8_u offset=6656 (i32.add (local.get $base)
                (i32.shr_u (i32.mul (i32.and (local.get $w) (i32.const 0xffffff))
                  (i32.const 0x9e3779b1)) (i32.const 20)))))
              (if (local.get $r)
                (then
                  (local.set $f (call $chain (local.get $base) (local.get $r)
                    (i32.and (local.get $w) (i32.const 0xffffff)) (local.get $p)
                    (local.get $start) (local.get $end) (local.get $all)))
                  (if (i32.ge_s (local.get $f) (i32.const 0))
                    (then
                      (if (i32.eqz (local.get $all)) (then (return (local.get $f))))
                      (local.set $hit (i32.const 0))))))
              (if (local.get $wild)
                (then
                  (local.set $r (i32.load8_u offset=10752 (i32.add (local.get $base)
                    (i32.shr_u (i32.mul (i32.and (local.get $w) (i32.const 0xffff))
                      (i32.const 0x9e3779b1)) (i32.const 20)))))
                  (if (local.get $r)
                    (then
                      (local.set $f (call $chain (local.get $base) (local.get $r)
                        (i32.and (local.get $w) (i32.const 0xffff)) (local.get $p)
                        (local.get $start) (local.get $end) (local.get $all)))
                      (if (i32.ge_s (local.get $f) (i32.const 0))
                        (then
                          (if (i32.eqz (local.get $all)) (then (return (local.get $f))))
                          (local.set $hit (i32.const 0))))))))
              (local.set $bits (i32.and (local.get $bits) (i32.sub (local.get $bits) (i32.const 1))))
              (br_if $lane (local.get $bits)))
            (local.set $e (i32.add (local.get $e) (i32.const 8)))
            (br $entry)))
        (br_if $batch (i32.lt_u (local.get $i) (local.get $stop)))))
    (local.get $hit))

  ;; ASCII letters in [$i, $end) to lower case, in place (for case-insensitive searches).
  (func (export "lower") (param $i i32) (param $end i32)
    (local $c v128)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $c (v128.load (local.get $i)))
        (v128.store (local.get $i)
          (v128.or (local.get $c)
            (v128.and
              (v128.and
                (i8x16.gt_u (local.get $c) (i8x16.splat (i32.const 64)))
                (i8x16.lt_u (local.get $c) (i8x16.splat (i32.const 91))))
              (i8x16.splat (i32.const 32)))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next))))
)
