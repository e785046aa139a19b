//! Exact fractions for the quotients of the method — a question's mean answer, a survey score,
//! a satisfaction index, the PAR index — so that every figure is computed exactly and rounded
//! once: to a 28-digit decimal when it is stored, which is the exact value whenever that value
//! has a finite decimal expansion (6.425 stays 6.425, and publishes as 6.43, where summing
//! quotients already rounded to 28 digits gives 6.4249999…9 and publishes as 6.42).
//!
//! Fractions are pairs of `i128`; one that would overflow becomes an arbitrary-precision
//! fraction (num-rational), so that no year is too large to be computed exactly.

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{Signed, ToPrimitive, Zero};
use rust_decimal::Decimal;

/// An exact rational number.
#[derive(Debug, Clone)]
pub enum Exact {
    /// `num / den` with `den > 0`, not necessarily reduced.
    Small(i128, i128),
    /// Past `i128`.
    Big(BigRational),
}

impl Exact {
    pub const ZERO: Exact = Exact::Small(0, 1);

    /// `num / den`; `None` when `den` is 0.
    pub fn ratio(num: i128, den: i128) -> Option<Exact> {
        match den.cmp(&0) {
            Ordering::Greater => Some(Exact::Small(num, den)),
            Ordering::Less => match (num.checked_neg(), den.checked_neg()) {
                (Some(n), Some(d)) => Some(Exact::Small(n, d)),
                _ => Some(Exact::Big(BigRational::new(num.into(), den.into()))),
            },
            Ordering::Equal => None,
        }
    }

    /// A whole number.
    pub fn int(n: i128) -> Exact {
        Exact::Small(n, 1)
    }

    /// The value of a decimal, exactly.
    pub fn from_decimal(d: Decimal) -> Exact {
        Exact::Small(d.mantissa(), 10i128.pow(d.scale()))
    }

    fn big(&self) -> BigRational {
        match self {
            Exact::Small(n, d) => BigRational::new(BigInt::from(*n), BigInt::from(*d)),
            Exact::Big(r) => r.clone(),
        }
    }

    /// Reduced (numerator and denominator without a common factor), and back to `i128`
    /// where it fits: taken where a fraction is summed with others over other denominators,
    /// so that their sum stays small.
    pub fn reduced(&self) -> Exact {
        match self {
            Exact::Small(n, d) => {
                let g = n.gcd(d).max(1);
                Exact::Small(n / g, d / g)
            }
            Exact::Big(r) => match (r.numer().to_i128(), r.denom().to_i128()) {
                (Some(n), Some(d)) => Exact::Small(n, d),
                _ => Exact::Big(r.clone()),
            },
        }
    }

    pub fn add(&self, other: &Exact) -> Exact {
        if let (Exact::Small(a, b), Exact::Small(c, d)) = (self, other) {
            if *a == 0 {
                return other.clone();
            }
            if *c == 0 {
                return self.clone();
            }
            if b == d {
                // the common case: fractions over the same count
                if let Some(n) = a.checked_add(*c) {
                    return Exact::Small(n, *b);
                }
            } else if let Some(s) = small_add(*a, *b, *c, *d) {
                return s;
            } else if let (Exact::Small(a, b), Exact::Small(c, d)) =
                (self.reduced(), other.reduced())
            {
                // over the least common denominator
                let g = b.gcd(&d);
                if let Some(s) = small_add(a, b / g, c, d / g).and_then(|s| s.scale_den(g)) {
                    return s;
                }
            }
        }
        Exact::Big(self.big() + other.big()).reduced()
    }

    pub fn neg(&self) -> Exact {
        match self {
            Exact::Small(n, d) => match n.checked_neg() {
                Some(n) => Exact::Small(n, *d),
                None => Exact::Big(-self.big()),
            },
            Exact::Big(r) => Exact::Big(-r.clone()),
        }
    }

    pub fn sub(&self, other: &Exact) -> Exact {
        self.add(&other.neg())
    }

    pub fn mul(&self, other: &Exact) -> Exact {
        if let (Exact::Small(a, b), Exact::Small(c, d)) = (self, other)
            && let (Some(n), Some(m)) = (a.checked_mul(*c), b.checked_mul(*d))
        {
            return Exact::Small(n, m);
        }
        if let (Exact::Small(a, b), Exact::Small(c, d)) = (self.reduced(), other.reduced()) {
            // cross-reduced before multiplying
            let (g1, g2) = (a.gcd(&d).max(1), c.gcd(&b).max(1));
            if let (Some(n), Some(m)) = ((a / g1).checked_mul(c / g2), (b / g2).checked_mul(d / g1))
            {
                return Exact::Small(n, m);
            }
        }
        Exact::Big(self.big() * other.big()).reduced()
    }

    /// `self / other`; `None` when `other` is 0.
    pub fn div(&self, other: &Exact) -> Option<Exact> {
        let inverse = match other {
            Exact::Small(n, d) => Exact::ratio(*d, *n)?,
            Exact::Big(r) if r.is_zero() => return None,
            Exact::Big(r) => Exact::Big(r.recip()),
        };
        Some(self.mul(&inverse))
    }

    pub fn is_zero(&self) -> bool {
        match self {
            Exact::Small(n, _) => *n == 0,
            Exact::Big(r) => r.is_zero(),
        }
    }

    pub fn is_negative(&self) -> bool {
        match self {
            Exact::Small(n, _) => *n < 0,
            Exact::Big(r) => r.is_negative(),
        }
    }

    /// The value as a decimal: exact when it has at most 28 decimals and fits, else rounded
    /// once to the 28 or so significant digits a decimal holds.
    pub fn to_decimal(&self) -> Decimal {
        let quotient = |n: i128, d: i128| {
            let n = Decimal::try_from_i128_with_scale(n, 0).ok()?;
            let d = Decimal::try_from_i128_with_scale(d, 0).ok()?;
            n.checked_div(d)
        };
        if let Exact::Small(n, d) = *self {
            // reduced only when too large for a decimal: the quotient is the same
            if let Some(q) = quotient(n, d) {
                return q;
            }
            if let Exact::Small(n, d) = self.reduced()
                && let Some(q) = quotient(n, d)
            {
                return q;
            }
        }
        big_to_decimal(&self.big())
    }

    /// `den × by` in the denominator.
    fn scale_den(self, by: i128) -> Option<Exact> {
        match self {
            Exact::Small(n, d) => Some(Exact::Small(n, d.checked_mul(by)?)),
            Exact::Big(_) => None,
        }
    }
}

/// `a/b + c/d` over `b × d`, if nothing overflows.
fn small_add(a: i128, b: i128, c: i128, d: i128) -> Option<Exact> {
    let n = a.checked_mul(d)?.checked_add(c.checked_mul(b)?)?;
    Some(Exact::Small(n, b.checked_mul(d)?))
}

/// A big fraction rounded (half away from zero) to the most decimals a `Decimal` holds.
fn big_to_decimal(r: &BigRational) -> Decimal {
    if r.is_zero() {
        return Decimal::ZERO;
    }
    let limit = BigInt::from(1u128 << 96);
    let (n, d) = (r.numer().abs(), r.denom().clone());
    for scale in (0..=28u32).rev() {
        let scaled: BigInt = &n * BigInt::from(10u8).pow(scale);
        let q: BigInt = (scaled * 2u8 + &d) / (&d * 2u8);
        if q < limit {
            let q = q.to_i128().unwrap_or(0);
            let q = if r.is_negative() { -q } else { q };
            return Decimal::try_from_i128_with_scale(q, scale).unwrap_or(Decimal::ZERO);
        }
    }
    if r.is_negative() {
        Decimal::MIN
    } else {
        Decimal::MAX
    }
}

impl PartialEq for Exact {
    fn eq(&self, other: &Exact) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Exact {}

impl PartialOrd for Exact {
    fn partial_cmp(&self, other: &Exact) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Exact {
    fn cmp(&self, other: &Exact) -> Ordering {
        if let (Exact::Small(a, b), Exact::Small(c, d)) = (self, other)
            && let (Some(x), Some(y)) = (a.checked_mul(*d), c.checked_mul(*b))
        {
            return x.cmp(&y);
        }
        self.big().cmp(&other.big())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn thirds_add_up_exactly() {
        // 1/3 + 1/3 + 1/3 = 1, where 0.333…3 × 3 is 0.999…9
        let third = Exact::ratio(1, 3).unwrap();
        assert_eq!(third.add(&third).add(&third).to_decimal(), Decimal::ONE);
        // 257/40 = 6.425 exactly, from parts that do not terminate
        let a = Exact::ratio(257, 120).unwrap();
        let total = a.add(&a).add(&a);
        assert_eq!(total.to_decimal(), d("6.425"));
        assert_eq!(crate::decimal::publish(total.to_decimal(), 2), d("6.43"));
    }

    #[test]
    fn overflow_goes_big_and_comes_back() {
        let big = Exact::ratio(10i128.pow(38), 7).unwrap();
        let sum = big.add(&big);
        assert!(matches!(sum, Exact::Big(_)));
        let back = sum.sub(&big);
        assert_eq!(back, big);
        assert!(matches!(back.reduced(), Exact::Small(..)));
        let tiny = Exact::ratio(1, i128::MAX).unwrap();
        assert_eq!(tiny.mul(&tiny).mul(&Exact::int(i128::MAX)), tiny);
    }

    #[test]
    fn decimals_round_trip() {
        for s in ["0", "1", "-2.5", "8.15", "0.0000000001", "1000000"] {
            assert_eq!(Exact::from_decimal(d(s)).to_decimal(), d(s));
        }
        assert_eq!(
            Exact::ratio(2, 3).unwrap().to_decimal(),
            Decimal::TWO / d("3")
        );
        assert_eq!(Exact::ratio(1, -4).unwrap().to_decimal(), d("-0.25"));
        assert!(Exact::ratio(1, 0).is_none());
        // zero is written 0 whichever way it was held
        assert_eq!(
            Exact::ratio(0, i128::MIN).unwrap().to_decimal().to_string(),
            "0"
        );
        assert!(Exact::int(1).div(&Exact::ZERO).is_none());
    }

    proptest! {
        /// Sums and products agree with num-rational's, whatever the path taken, and the
        /// decimal is the value rounded once (within half a unit of its last place).
        #[test]
        fn agrees_with_big_fractions(
            parts in proptest::collection::vec((-10i128.pow(30)..10i128.pow(30), 1i128..10i128.pow(20)), 1..12)
        ) {
            let mut exact = Exact::ZERO;
            let mut product = Exact::int(1);
            let mut big = BigRational::zero();
            let mut big_product = BigRational::from_integer(1.into());
            for &(n, den) in &parts {
                let x = Exact::ratio(n, den).unwrap();
                exact = exact.add(&x);
                product = product.mul(&x);
                big += BigRational::new(n.into(), den.into());
                big_product *= BigRational::new(n.into(), den.into());
            }
            prop_assert_eq!(exact.big(), big.clone());
            prop_assert_eq!(product.big(), big_product);
            let decimal = exact.to_decimal();
            let back = Exact::from_decimal(decimal).big();
            let ulp = BigRational::new(1.into(), BigInt::from(10u8).pow(decimal.scale()));
            prop_assert!((back - big).abs() * BigRational::from_integer(2.into()) <= ulp, "{decimal}");
        }
    }
}
