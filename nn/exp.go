package nn

import "math"

// exp is e^x computed the same way on every platform. The standard library's math.Exp uses
// assembly on amd64 and arm64 but portable Go under WebAssembly, and the two can differ in
// the last bit; over thousands of training steps that grows into different numbers, so the
// page (wasm) and `go run . train` (native) would not agree on a shared link. This is the
// standard library's portable algorithm (from FreeBSD's e_exp.c), used everywhere.
func exp(x float64) float64 {
	const (
		ln2Hi     = 6.93147180369123816490e-01
		ln2Lo     = 1.90821492927058770002e-10
		log2e     = 1.44269504088896338700e+00
		overflow  = 7.09782712893383973096e+02
		underflow = -7.45133219101941108420e+02
		nearZero  = 1.0 / (1 << 28)
	)
	switch {
	case math.IsNaN(x) || math.IsInf(x, 1):
		return x
	case x > overflow:
		return math.Inf(1)
	case x < underflow:
		return 0
	case -nearZero < x && x < nearZero:
		return 1 + x
	}
	// Reduce to r = hi − lo with |r| ≤ ln2/2, so that e^x = 2^k · e^r.
	var k int
	if x < 0 {
		k = int(log2e*x - 0.5)
	} else {
		k = int(log2e*x + 0.5)
	}
	hi := x - float64(k)*ln2Hi
	lo := float64(k) * ln2Lo
	const (
		p1 = 1.66666666666666657415e-01
		p2 = -2.77777777770155933842e-03
		p3 = 6.61375632143793436117e-05
		p4 = -1.65339022054652515390e-06
		p5 = 4.13813679705723846039e-08
	)
	r := hi - lo
	t := r * r
	c := r - t*(p1+t*(p2+t*(p3+t*(p4+t*p5))))
	y := 1 - ((lo - (r*c)/(2-c)) - hi)
	return math.Ldexp(y, k)
}

// tanh is the hyperbolic tangent through exp, for the same reason; written as
// sign(x)·(1 − 2/(e^{2|x|} + 1)), which neither overflows nor loses the sign.
func tanh(x float64) float64 {
	if x != x {
		return x
	}
	t := 1 - 2/(exp(2*math.Abs(x))+1)
	if x < 0 {
		return -t
	}
	return t
}
