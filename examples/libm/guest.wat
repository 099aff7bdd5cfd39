;; The libm guest: a few computations over imports that are plain libm functions.
(module
  (import "math" "hypot" (func $hypot (param f64 f64) (result f64)))
  (import "math" "cbrt" (func $cbrt (param f64) (result f64)))
  (import "math" "pow" (func $pow (param f64 f64) (result f64)))
  (import "math" "hypotf" (func $hypotf (param f32 f32) (result f32)))

  ;; distance(x1, y1, x2, y2): the Euclidean distance between two points.
  (func (export "distance") (param $x1 f64) (param $y1 f64) (param $x2 f64) (param $y2 f64) (result f64)
    (call $hypot
      (f64.sub (local.get $x2) (local.get $x1))
      (f64.sub (local.get $y2) (local.get $y1))))

  ;; cube_side(volume): the side of a cube of that volume.
  (func (export "cube_side") (param $v f64) (result f64)
    (call $cbrt (local.get $v)))

  ;; compound(principal, rate, years): principal * (1 + rate)^years.
  (func (export "compound") (param $p f64) (param $rate f64) (param $years f64) (result f64)
    (f64.mul (local.get $p)
      (call $pow (f64.add (f64.const 1) (local.get $rate)) (local.get $years))))

  ;; distance_f32(x, y): the length of (x, y) in single precision.
  (func (export "distance_f32") (param f32 f32) (result f32)
    (call $hypotf (local.get 0) (local.get 1)))
)
