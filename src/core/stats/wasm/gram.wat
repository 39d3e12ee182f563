;; G += C' diag(w) C for a chunk C of rows held column by column (see ../gram.ts, whose
;; JavaScript gramAccumulate is the unweighted fallback): the cost centre of least squares,
;; glm's IRLS (X'WX without first scaling the rows by sqrt(w)) and Cox's collinearity check.
;; WebAssembly SIMD takes two rows per instruction (f64x2), which plain JavaScript cannot.
;;
;; gram(c, stride, rows, k, g, w): C's column j holds `rows` doubles at byte c + 8 j stride;
;; G (k x k doubles, row-major, upper triangle only) at byte g; the row weights (`rows`
;; doubles; ones for C'C: measured only ~5% slower than a kernel without weights) at byte w.
;; k and rows must be even (the caller pads with a zero column / a zero-weight row). Two
;; columns against four at a time: eight f64x2 sums in registers, seven loads per sixteen
;; multiply-adds.
(module
  (memory (export "memory") 1)
  (func (export "gram") (param $c i32) (param $stride i32) (param $rows i32) (param $k i32) (param $g i32) (param $w i32)
    (local $wt v128)
    (local $sb i32) (local $end i32) (local $a i32) (local $b i32) (local $t i32)
    (local $oa0 i32) (local $oa1 i32) (local $ob0 i32) (local $ob1 i32) (local $ob2 i32) (local $ob3 i32)
    (local $ga i32) (local $gb i32)
    (local $xa0 v128) (local $xa1 v128)
    (local $s00 v128) (local $s01 v128) (local $s02 v128) (local $s03 v128)
    (local $s10 v128) (local $s11 v128) (local $s12 v128) (local $s13 v128)
    (local.set $sb (i32.shl (local.get $stride) (i32.const 3)))
    (local.set $end (i32.shl (local.get $rows) (i32.const 3)))
    (local.set $a (i32.const 0))
    (block $a_done
      (loop $a_loop
        (br_if $a_done (i32.ge_u (local.get $a) (local.get $k)))
        (local.set $oa0 (i32.add (local.get $c) (i32.mul (local.get $a) (local.get $sb))))
        (local.set $oa1 (i32.add (local.get $oa0) (local.get $sb)))
        (local.set $b (local.get $a))
        ;; four columns b..b+3 against a, a+1
        (block $b4_done
          (loop $b4_loop
            (br_if $b4_done (i32.gt_u (i32.add (local.get $b) (i32.const 4)) (local.get $k)))
            (local.set $ob0 (i32.add (local.get $c) (i32.mul (local.get $b) (local.get $sb))))
            (local.set $ob1 (i32.add (local.get $ob0) (local.get $sb)))
            (local.set $ob2 (i32.add (local.get $ob1) (local.get $sb)))
            (local.set $ob3 (i32.add (local.get $ob2) (local.get $sb)))
            (local.set $s00 (v128.const i64x2 0 0)) (local.set $s01 (v128.const i64x2 0 0))
            (local.set $s02 (v128.const i64x2 0 0)) (local.set $s03 (v128.const i64x2 0 0))
            (local.set $s10 (v128.const i64x2 0 0)) (local.set $s11 (v128.const i64x2 0 0))
            (local.set $s12 (v128.const i64x2 0 0)) (local.set $s13 (v128.const i64x2 0 0))
            (local.set $t (i32.const 0))
            (block $t_done
              (loop $t_loop
                (br_if $t_done (i32.ge_u (local.get $t) (local.get $end)))
                (local.set $wt (v128.load (i32.add (local.get $w) (local.get $t))))
                (local.set $xa0 (f64x2.mul (local.get $wt) (v128.load (i32.add (local.get $oa0) (local.get $t)))))
                (local.set $xa1 (f64x2.mul (local.get $wt) (v128.load (i32.add (local.get $oa1) (local.get $t)))))
                (local.set $s00 (f64x2.add (local.get $s00) (f64x2.mul (local.get $xa0) (v128.load (i32.add (local.get $ob0) (local.get $t))))))
                (local.set $s10 (f64x2.add (local.get $s10) (f64x2.mul (local.get $xa1) (v128.load (i32.add (local.get $ob0) (local.get $t))))))
                (local.set $s01 (f64x2.add (local.get $s01) (f64x2.mul (local.get $xa0) (v128.load (i32.add (local.get $ob1) (local.get $t))))))
                (local.set $s11 (f64x2.add (local.get $s11) (f64x2.mul (local.get $xa1) (v128.load (i32.add (local.get $ob1) (local.get $t))))))
                (local.set $s02 (f64x2.add (local.get $s02) (f64x2.mul (local.get $xa0) (v128.load (i32.add (local.get $ob2) (local.get $t))))))
                (local.set $s12 (f64x2.add (local.get $s12) (f64x2.mul (local.get $xa1) (v128.load (i32.add (local.get $ob2) (local.get $t))))))
                (local.set $s03 (f64x2.add (local.get $s03) (f64x2.mul (local.get $xa0) (v128.load (i32.add (local.get $ob3) (local.get $t))))))
                (local.set $s13 (f64x2.add (local.get $s13) (f64x2.mul (local.get $xa1) (v128.load (i32.add (local.get $ob3) (local.get $t))))))
                (local.set $t (i32.add (local.get $t) (i32.const 16)))
                (br $t_loop)))
            ;; G[a][b..b+3] and G[a+1][b..b+3]; (a+1, a) lies below the diagonal when b = a
            (local.set $ga (i32.add (local.get $g) (i32.shl (i32.add (i32.mul (local.get $a) (local.get $k)) (local.get $b)) (i32.const 3))))
            (local.set $gb (i32.add (local.get $ga) (i32.shl (local.get $k) (i32.const 3))))
            (call $add_to (local.get $ga) (local.get $s00))
            (call $add_to (i32.add (local.get $ga) (i32.const 8)) (local.get $s01))
            (call $add_to (i32.add (local.get $ga) (i32.const 16)) (local.get $s02))
            (call $add_to (i32.add (local.get $ga) (i32.const 24)) (local.get $s03))
            (if (i32.gt_u (local.get $b) (local.get $a))
              (then (call $add_to (local.get $gb) (local.get $s10))))
            (call $add_to (i32.add (local.get $gb) (i32.const 8)) (local.get $s11))
            (call $add_to (i32.add (local.get $gb) (i32.const 16)) (local.get $s12))
            (call $add_to (i32.add (local.get $gb) (i32.const 24)) (local.get $s13))
            (local.set $b (i32.add (local.get $b) (i32.const 4)))
            (br $b4_loop)))
        ;; the last two columns, when fewer than four remain
        (if (i32.lt_u (local.get $b) (local.get $k))
          (then
            (local.set $ob0 (i32.add (local.get $c) (i32.mul (local.get $b) (local.get $sb))))
            (local.set $ob1 (i32.add (local.get $ob0) (local.get $sb)))
            (local.set $s00 (v128.const i64x2 0 0)) (local.set $s01 (v128.const i64x2 0 0))
            (local.set $s10 (v128.const i64x2 0 0)) (local.set $s11 (v128.const i64x2 0 0))
            (local.set $t (i32.const 0))
            (block $u_done
              (loop $u_loop
                (br_if $u_done (i32.ge_u (local.get $t) (local.get $end)))
                (local.set $wt (v128.load (i32.add (local.get $w) (local.get $t))))
                (local.set $xa0 (f64x2.mul (local.get $wt) (v128.load (i32.add (local.get $oa0) (local.get $t)))))
                (local.set $xa1 (f64x2.mul (local.get $wt) (v128.load (i32.add (local.get $oa1) (local.get $t)))))
                (local.set $s00 (f64x2.add (local.get $s00) (f64x2.mul (local.get $xa0) (v128.load (i32.add (local.get $ob0) (local.get $t))))))
                (local.set $s10 (f64x2.add (local.get $s10) (f64x2.mul (local.get $xa1) (v128.load (i32.add (local.get $ob0) (local.get $t))))))
                (local.set $s01 (f64x2.add (local.get $s01) (f64x2.mul (local.get $xa0) (v128.load (i32.add (local.get $ob1) (local.get $t))))))
                (local.set $s11 (f64x2.add (local.get $s11) (f64x2.mul (local.get $xa1) (v128.load (i32.add (local.get $ob1) (local.get $t))))))
                (local.set $t (i32.add (local.get $t) (i32.const 16)))
                (br $u_loop)))
            (local.set $ga (i32.add (local.get $g) (i32.shl (i32.add (i32.mul (local.get $a) (local.get $k)) (local.get $b)) (i32.const 3))))
            (local.set $gb (i32.add (local.get $ga) (i32.shl (local.get $k) (i32.const 3))))
            (call $add_to (local.get $ga) (local.get $s00))
            (call $add_to (i32.add (local.get $ga) (i32.const 8)) (local.get $s01))
            (if (i32.gt_u (local.get $b) (local.get $a))
              (then (call $add_to (local.get $gb) (local.get $s10))))
            (call $add_to (i32.add (local.get $gb) (i32.const 8)) (local.get $s11))))
        (local.set $a (i32.add (local.get $a) (i32.const 2)))
        (br $a_loop))))
  ;; G[at] += lane 0 + lane 1
  (func $add_to (param $at i32) (param $s v128)
    (f64.store (local.get $at)
      (f64.add (f64.load (local.get $at))
        (f64.add (f64x2.extract_lane 0 (local.get $s)) (f64x2.extract_lane 1 (local.get $s)))))))
