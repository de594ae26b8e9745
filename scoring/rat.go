package scoring

import "math/big"

// zero returns a new 0: minRat, maxRat and clamp may return their argument,
// so a shared zero could be changed through a result.
func zero() *big.Rat { return new(big.Rat) }

func hundred() *big.Rat { return big.NewRat(100, 1) }

// Round2 rounds r half away from zero to two decimals, exactly.
func Round2(r *big.Rat) *big.Rat {
	x := new(big.Rat).Mul(r, hundred())
	num, den := x.Num(), x.Denom()
	q, m := new(big.Int).QuoRem(num, den, new(big.Int))
	// |2m| ≥ den → away from zero.
	m2 := new(big.Int).Abs(m)
	m2.Lsh(m2, 1)
	if m2.Cmp(den) >= 0 {
		if num.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	return new(big.Rat).SetFrac(q, big.NewInt(100))
}

// Float returns the float64 nearest to r, for JSON and display; the value
// has already been rounded where it matters.
func Float(r *big.Rat) float64 {
	if r == nil {
		return 0
	}
	f, _ := r.Float64()
	return f
}

func minRat(a, b *big.Rat) *big.Rat {
	if a.Cmp(b) <= 0 {
		return a
	}
	return b
}

func maxRat(a, b *big.Rat) *big.Rat {
	if a.Cmp(b) >= 0 {
		return a
	}
	return b
}

func clamp(r, lo, hi *big.Rat) *big.Rat { return minRat(maxRat(r, lo), hi) }

func ratInt(n int) *big.Rat { return new(big.Rat).SetInt64(int64(n)) }

func add(a, b *big.Rat) *big.Rat { return new(big.Rat).Add(a, b) }
func sub(a, b *big.Rat) *big.Rat { return new(big.Rat).Sub(a, b) }
func mul(a, b *big.Rat) *big.Rat { return new(big.Rat).Mul(a, b) }
func quo(a, b *big.Rat) *big.Rat { return new(big.Rat).Quo(a, b) }
