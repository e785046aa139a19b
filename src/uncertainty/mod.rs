//! How sure is a rank? Two analyses on top of the four stages, neither of which changes a
//! published figure:
//!
//! - [`bootstrap`]: confidence intervals from the surveys. Questionnaires are resampled within
//!   each unit, officials' answers within each unit and respondent group, and everything
//!   downstream (survey points, satisfaction index, PAR index, ranks) is recomputed; appraisal
//!   points and deductions are fixed, they are not a sample.
//! - [`sensitivity`]: how ranks move when the field maxima (the weights of the tree) are
//!   perturbed, in the manner of COINr's uncertainty analysis.
//!
//! Both are deterministic: every replicate draws from its own random stream, derived from the
//! seed, the replicate's number and the unit (or group) only, so that the same seed gives the
//! same bytes whatever the number of threads, the row order of the inputs or the `--group`
//! asked for. The generator is a local xoshiro256++ seeded by SplitMix64 (both public-domain
//! reference algorithms, a dozen lines here), so that no crate update can ever change a stream.

pub mod bootstrap;
pub mod sensitivity;

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use rust_decimal::Decimal;

use crate::error::Failure;
use crate::tr;

/// Default seed of both analyses: a run without `--seed` is reproducible too.
pub const DEFAULT_SEED: u64 = 1;

/// Most replicates a run may ask for (memory grows with replicates × units).
pub const MAX_REPLICATES: usize = 100_000;

/// The SplitMix64 output function: a bijective mix of 64 bits.
fn mix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// xoshiro256++ (Blackman & Vigna), a small, fast generator with a fixed, documented stream.
#[derive(Debug, Clone)]
pub struct Rng {
    s: [u64; 4],
}

impl Rng {
    /// The stream named by `key` (e.g. seed, replicate, unit, part): different keys give
    /// independent-looking streams; the same key always gives the same stream.
    pub fn stream(key: &[u64]) -> Rng {
        let mut h = 0x243F_6A88_85A3_08D3; // digits of π: any fixed start will do
        for &k in key {
            h = mix(h ^ k);
        }
        let mut s = [0u64; 4];
        for (i, x) in s.iter_mut().enumerate() {
            *x = mix(h.wrapping_add((i as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15)));
        }
        if s == [0; 4] {
            s[0] = 1;
        }
        Rng { s }
    }

    pub fn next_u64(&mut self) -> u64 {
        let s = &mut self.s;
        let result = s[0].wrapping_add(s[3]).rotate_left(23).wrapping_add(s[0]);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        result
    }

    /// A uniform integer in `[0, n)`, without bias (Lemire's method); `n` must be positive.
    pub fn below(&mut self, n: u32) -> u32 {
        debug_assert!(n > 0);
        let n64 = u64::from(n);
        let mut m = (self.next_u64() >> 32) * n64;
        if (m as u32) < n {
            let threshold = n.wrapping_neg() % n;
            while (m as u32) < threshold {
                m = (self.next_u64() >> 32) * n64;
            }
        }
        (m >> 32) as u32
    }
}

/// The `p`-quantile (0 ≤ p ≤ 1) of sorted values, interpolated between order statistics (R's
/// and numpy's default, "type 7"). `None` for no values.
pub fn quantile(sorted: &[f64], p: f64) -> Option<f64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    let h = (n - 1) as f64 * p.clamp(0.0, 1.0);
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(n - 1);
    let frac = h - lo as f64;
    Some(sorted[lo] + (sorted[hi] - sorted[lo]) * frac)
}

/// The `p`-quantile of sorted ranks as a rank: the smallest rank r such that at least a share
/// `p` of the replicates rank r or better (the inverse of the empirical distribution, "type 1").
pub fn rank_quantile(sorted: &[u32], p: f64) -> Option<u32> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    let k = ((n as f64 * p.clamp(0.0, 1.0)).ceil() as usize).clamp(1, n);
    Some(sorted[k - 1])
}

/// Ranks of `values` (highest first; equal values share a rank: 1, 2, 2, 4), written to
/// `ranks`; `None` values get rank 0. `values` must be totally ordered (no NaN).
pub fn rank_into<T: PartialOrd + Copy>(values: &[Option<T>], ranks: &mut [u32]) {
    let mut order: Vec<(T, usize)> = values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.map(|v| (v, i)))
        .collect();
    order.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap_or(std::cmp::Ordering::Equal));
    ranks.fill(0);
    let mut first = 0;
    for pos in 0..order.len() {
        // A new value starts a new rank: 1 + how many rank strictly higher.
        if pos > 0 && order[pos - 1].0 > order[pos].0 {
            first = pos;
        }
        ranks[order[pos].1] = first as u32 + 1;
    }
}

/// A published figure from a replicate statistic: `decimals` places, half away from zero.
pub fn published(value: f64, decimals: u32) -> Option<Decimal> {
    use rust_decimal::prelude::FromPrimitive;
    Decimal::from_f64(value).map(|d| crate::decimal::publish(d, decimals))
}

/// Parses a percentage given on the command line (`95`, `99.5`, `95%`), strictly between
/// `min` (inclusive when `min_inclusive`) and `max` (exclusive).
pub fn parse_percent_arg(
    text: &str,
    min: Decimal,
    min_inclusive: bool,
    max: Decimal,
) -> Result<Decimal, String> {
    let value = crate::decimal::parse_percent(text)
        .ok_or_else(|| tr!("uncertainty-not-percent", value = text))?;
    let above = if min_inclusive {
        value >= min
    } else {
        value > min
    };
    if !above || value >= max {
        let (value, min, max) = (value.normalize(), min.normalize(), max.normalize());
        return Err(if min_inclusive {
            tr!(
                "uncertainty-percent-range-from",
                value = value,
                min = min,
                max = max
            )
        } else {
            tr!(
                "uncertainty-percent-range-above",
                value = value,
                min = min,
                max = max
            )
        });
    }
    Ok(value.normalize())
}

/// Parses `--ci LEVEL`: a confidence level in percent, strictly between 0 and 100.
pub fn parse_level(text: &str) -> Result<Decimal, String> {
    parse_percent_arg(text, Decimal::ZERO, false, Decimal::ONE_HUNDRED)
        .map_err(|e| tr!("uncertainty-level", reason = e))
}

/// Checks a replicate count given on the command line.
pub fn parse_replicates(text: &str) -> Result<usize, String> {
    let n: usize = text
        .trim()
        .parse()
        .map_err(|_| tr!("uncertainty-replicates-not-whole", value = text))?;
    if n == 0 || n > MAX_REPLICATES {
        return Err(tr!(
            "uncertainty-replicates-range",
            count = n,
            max = MAX_REPLICATES
        ));
    }
    Ok(n)
}

/// Fails with a usage error when `n` is out of range (for callers of the library).
pub fn check_replicates(n: usize) -> Result<(), Failure> {
    if n == 0 || n > MAX_REPLICATES {
        return Err(Failure::Usage(tr!(
            "uncertainty-replicates-range",
            count = n,
            max = MAX_REPLICATES
        )));
    }
    Ok(())
}

/// A progress bar on standard error, shown only when stderr is a terminal and the work has
/// taken longer than a second; invisible otherwise (pipes, CI, tests).
pub struct Progress {
    bar: indicatif::ProgressBar,
    start: Instant,
    terminal: bool,
    shown: AtomicBool,
}

impl Progress {
    pub fn new(len: u64, what: &str) -> Progress {
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(len),
            indicatif::ProgressDrawTarget::hidden(),
        );
        // indicatif's own placeholders, {eta} placed as the language puts it
        let template = format!(
            "{{msg}} [{{bar:30}}] {{pos}}/{{len}} ({{elapsed}}, {})",
            tr!("uncertainty-eta", eta = "{eta}")
        );
        if let Ok(style) = indicatif::ProgressStyle::with_template(&template) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(what.to_string());
        Progress {
            bar,
            start: Instant::now(),
            terminal: std::io::stderr().is_terminal(),
            shown: AtomicBool::new(false),
        }
    }

    /// One replicate done.
    pub fn tick(&self) {
        self.bar.inc(1);
        if self.terminal
            && !self.shown.load(Ordering::Relaxed)
            && self.start.elapsed() > Duration::from_secs(1)
            && !self.shown.swap(true, Ordering::Relaxed)
        {
            self.bar
                .set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_are_fixed_and_distinct() {
        let a: Vec<u64> = {
            let mut r = Rng::stream(&[1, 2, 3]);
            (0..4).map(|_| r.next_u64()).collect()
        };
        let b: Vec<u64> = {
            let mut r = Rng::stream(&[1, 2, 3]);
            (0..4).map(|_| r.next_u64()).collect()
        };
        let c: Vec<u64> = {
            let mut r = Rng::stream(&[1, 2, 4]);
            (0..4).map(|_| r.next_u64()).collect()
        };
        assert_eq!(a, b);
        assert_ne!(a, c);
        // Pinned: a change here changes every published interval of every year.
        assert_eq!(Rng::stream(&[1]).next_u64(), PINNED_FIRST_DRAW);
    }

    const PINNED_FIRST_DRAW: u64 = 9_303_402_236_073_606_200;

    #[test]
    fn generators_match_their_reference_vectors() {
        // SplitMix64 from state 0 (Vigna's splitmix64.c).
        assert_eq!(mix(0), 0xE220_A839_7B1D_CDAF);
        // xoshiro256++ from state [1, 2, 3, 4] (the reference implementation's first outputs).
        let mut r = Rng { s: [1, 2, 3, 4] };
        let first: Vec<u64> = (0..4).map(|_| r.next_u64()).collect();
        assert_eq!(
            first,
            [
                41_943_041,
                58_720_359,
                3_588_806_011_781_223,
                3_591_011_842_654_386
            ]
        );
    }

    #[test]
    fn below_is_in_range_and_roughly_uniform() {
        let mut r = Rng::stream(&[7]);
        let mut counts = [0u32; 10];
        for _ in 0..100_000 {
            counts[r.below(10) as usize] += 1;
        }
        for c in counts {
            assert!((9_500..10_500).contains(&c), "{counts:?}");
        }
        assert_eq!(r.below(1), 0);
    }

    #[test]
    fn quantiles() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(quantile(&v, 0.0), Some(1.0));
        assert_eq!(quantile(&v, 0.5), Some(3.0));
        assert_eq!(quantile(&v, 0.125), Some(1.5));
        assert_eq!(quantile(&v, 1.0), Some(5.0));
        assert_eq!(quantile(&[], 0.5), None);
        let r = [1, 1, 2, 2, 2, 3, 3, 3, 3, 4];
        assert_eq!(rank_quantile(&r, 0.05), Some(1));
        assert_eq!(rank_quantile(&r, 0.2), Some(1));
        assert_eq!(rank_quantile(&r, 0.21), Some(2));
        assert_eq!(rank_quantile(&r, 0.5), Some(2));
        assert_eq!(rank_quantile(&r, 0.95), Some(4));
    }

    #[test]
    fn ranks_share_on_ties() {
        let mut ranks = [0; 5];
        rank_into(
            &[Some(90.0), Some(85.5), None, Some(85.5), Some(80.0)],
            &mut ranks,
        );
        assert_eq!(ranks, [1, 2, 0, 2, 4]);
        // As the stages rank: 1 + how many are strictly higher, whatever the order given.
        let mut r = Rng::stream(&[3]);
        for _ in 0..200 {
            let values: Vec<Option<u32>> = (0..12)
                .map(|_| (r.below(5) > 0).then(|| r.below(6)))
                .collect();
            let mut ranks = [0; 12];
            rank_into(&values, &mut ranks);
            for (i, v) in values.iter().enumerate() {
                let expected = v.map_or(0, |v| {
                    1 + values.iter().flatten().filter(|&&w| w > v).count() as u32
                });
                assert_eq!(ranks[i], expected, "{values:?}");
            }
        }
    }

    #[test]
    fn percent_arguments() {
        let p = |t| parse_percent_arg(t, Decimal::ZERO, false, Decimal::ONE_HUNDRED);
        assert_eq!(p("95").unwrap(), Decimal::from(95));
        assert_eq!(p("99,5%").unwrap().to_string(), "99.5");
        assert!(p("0").is_err());
        assert!(p("100").is_err());
        assert!(p("abc").is_err());
        let s = |t| parse_percent_arg(t, Decimal::ZERO, true, Decimal::ONE_HUNDRED);
        assert_eq!(s("0").unwrap(), Decimal::ZERO);
        assert!(parse_replicates("0").is_err());
        assert!(parse_replicates("100001").is_err());
        assert_eq!(parse_replicates("2000"), Ok(2000));
    }
}
