;; Multi-literal search (the "Teddy" algorithm of Hyperscan and Rust's aho-corasick, slim
;; form): 16 bytes at a time, each word's 3-byte fingerprint is looked up by nibble in
;; shuffle tables that give, per position, the set of 8 buckets it may belong to; a lane
;; whose three positions agree on a bucket is a candidate, verified against that bucket's
;; words. Built by scripts/build-teddy-wasm.mjs into teddy-wasm.ts; multi-search.ts plans
;; the tables. No allocation, no imports: the host writes tables and data into memory.
;;
;; A table region at $base (16 KiB, laid out by multi-search.ts):
;;   base+0    lo0 hi0 lo1 hi1 lo2 hi2   six 16-byte nibble tables (bit b = bucket b)
;;   base+96   16-byte scratch
;;   base+128  8 buckets x (first record, record count), i32 each
;;   base+256  records, 32 bytes each: needle offset, length, fingerprint offset in the
;;             word, word id, fingerprint bytes (little-endian), fingerprint byte mask
;;   base+6656 4096-bit set of hashes of the 3-byte fingerprints (hash3 below)
;;   base+7168 the same for the 2-byte fingerprints of 2-byte words; base+7680: any such word
;;   base+8192 one "found" byte per word id (mode all)
(module
  (memory (export "memory") 2)
  (global $pos (export "pos") (mut i32) (i32.const 0))

  ;; Whether the $len bytes at $s equal those at $n.
  (func $eq (param $s i32) (param $n i32) (param $len i32) (result i32)
    (local $k i32)
    (block $no
      (loop $more
        (if (i32.ge_u (local.get $k) (local.get $len)) (then (return (i32.const 1))))
        (br_if $no (i32.ne
          (i32.load8_u (i32.add (local.get $s) (local.get $k)))
          (i32.load8_u (i32.add (local.get $n) (local.get $k)))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $more)))
    (i32.const 0))

  ;; Bit $h of the 4096-bit set at $set (0 or 1).
  (func $has (param $set i32) (param $h i32) (result i32)
    (i32.and
      (i32.shr_u
        (i32.load8_u (i32.add (local.get $set) (i32.shr_u (local.get $h) (i32.const 3))))
        (i32.and (local.get $h) (i32.const 7)))
      (i32.const 1)))

  ;; Scans [$i, $end) for fingerprints (words may start at or after $start). Mode any ($all
  ;; = 0): returns the id of the first word found and sets $pos to its fingerprint's
  ;; position; -1 when none. Mode all: marks every word found at base+8192+id, returns 0
  ;; when it found any, else -1.
  (func (export "find") (param $base i32) (param $i i32) (param $start i32) (param $end i32)
    (param $all i32) (result i32)
    (local $lo0 v128) (local $hi0 v128) (local $lo1 v128) (local $hi1 v128)
    (local $lo2 v128) (local $hi2 v128) (local $k15 v128)
    (local $c0 v128) (local $c1 v128) (local $c2 v128) (local $m v128)
    (local $bits i32) (local $j i32) (local $p i32) (local $bm i32) (local $b i32)
    (local $r i32) (local $rend i32) (local $rec i32) (local $s i32) (local $len i32)
    (local $w i32) (local $wild i32) (local $hit i32)
    (local.set $wild (i32.load8_u offset=7680 (local.get $base)))
    (local.set $lo0 (v128.load (local.get $base)))
    (local.set $hi0 (v128.load offset=16 (local.get $base)))
    (local.set $lo1 (v128.load offset=32 (local.get $base)))
    (local.set $hi1 (v128.load offset=48 (local.get $base)))
    (local.set $lo2 (v128.load offset=64 (local.get $base)))
    (local.set $hi2 (v128.load offset=80 (local.get $base)))
    (local.set $k15 (i8x16.splat (i32.const 15)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $c0 (v128.load (local.get $i)))
        (local.set $c1 (v128.load offset=1 (local.get $i)))
        (local.set $c2 (v128.load offset=2 (local.get $i)))
        (local.set $m
          (v128.and
            (v128.and
              (v128.and
                (i8x16.swizzle (local.get $lo0) (v128.and (local.get $c0) (local.get $k15)))
                (i8x16.swizzle (local.get $hi0) (i8x16.shr_u (local.get $c0) (i32.const 4))))
              (v128.and
                (i8x16.swizzle (local.get $lo1) (v128.and (local.get $c1) (local.get $k15)))
                (i8x16.swizzle (local.get $hi1) (i8x16.shr_u (local.get $c1) (i32.const 4)))))
            (v128.and
              (i8x16.swizzle (local.get $lo2) (v128.and (local.get $c2) (local.get $k15)))
              (i8x16.swizzle (local.get $hi2) (i8x16.shr_u (local.get $c2) (i32.const 4))))))
        (if (v128.any_true (local.get $m))
          (then
            (v128.store offset=96 (local.get $base) (local.get $m))
            (local.set $bits (i8x16.bitmask (i8x16.ne (local.get $m) (v128.const i64x2 0 0))))
            (loop $lane
              (local.set $j (i32.ctz (local.get $bits)))
              (local.set $p (i32.add (local.get $i) (local.get $j)))
              (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
              (local.set $bm (i32.load8_u offset=96 (i32.add (local.get $base) (local.get $j))))
              ;; Most candidates are nibble-class coincidences: drop those whose bytes are no
              ;; fingerprint at all before walking the buckets.
              (local.set $w (i32.load (local.get $p)))
              (if (i32.eqz (i32.or
                    (call $has (i32.add (local.get $base) (i32.const 6656))
                      (i32.shr_u (i32.mul (i32.and (local.get $w) (i32.const 0xffffff)) (i32.const 0x9e3779b1)) (i32.const 20)))
                    (i32.and (local.get $wild)
                      (call $has (i32.add (local.get $base) (i32.const 7168))
                        (i32.shr_u (i32.mul (i32.and (local.get $w) (i32.const 0xffff)) (i32.const 0x9e3779b1)) (i32.const 20))))))
                (then (local.set $bm (i32.const 0))))
              (if (local.get $bm) (then (loop $bucket
                (local.set $b (i32.add (local.get $base) (i32.shl (i32.ctz (local.get $bm)) (i32.const 3))))
                (local.set $r (i32.load offset=128 (local.get $b)))
                (local.set $rend (i32.add (local.get $r) (i32.load offset=132 (local.get $b))))
                (block $recs_done
                  (loop $record
                    (br_if $recs_done (i32.ge_u (local.get $r) (local.get $rend)))
                    (local.set $rec (i32.add (local.get $base) (i32.shl (local.get $r) (i32.const 5))))
                    ;; Cheap reject first: the fingerprint's own bytes.
                    (if (i32.eq
                          (i32.and (local.get $w) (i32.load offset=276 (local.get $rec)))
                          (i32.load offset=272 (local.get $rec)))
                      (then
                        (local.set $s (i32.sub (local.get $p) (i32.load offset=264 (local.get $rec))))
                        (local.set $len (i32.load offset=260 (local.get $rec)))
                        (if (i32.and
                              (i32.ge_s (local.get $s) (local.get $start))
                              (i32.le_s (i32.add (local.get $s) (local.get $len)) (local.get $end)))
                          (then
                            (if (call $eq (local.get $s) (i32.load offset=256 (local.get $rec)) (local.get $len))
                              (then
                                (if (i32.eqz (local.get $all))
                                  (then
                                    (global.set $pos (local.get $p))
                                    (return (i32.load offset=268 (local.get $rec)))))
                                (i32.store8 offset=8192
                                  (i32.add (local.get $base) (i32.load offset=268 (local.get $rec)))
                                  (i32.const 1))
                                (local.set $hit (i32.const 1))))))))
                    (local.set $r (i32.add (local.get $r) (i32.const 1)))
                    (br $record)))
                (local.set $bm (i32.and (local.get $bm) (i32.sub (local.get $bm) (i32.const 1))))
                (br_if $bucket (local.get $bm)))))
              (local.set $bits (i32.and (local.get $bits) (i32.sub (local.get $bits) (i32.const 1))))
              (br_if $lane (local.get $bits)))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next)))
    (i32.sub (local.get $hit) (i32.const 1)))

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
