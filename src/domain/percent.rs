//! Shares as percentages ("67", "12.5"), written with integer digits: Rust's float formatting
//! (`{:.1}` on an `f64`) costs the wasm 15.6 KB (7.6 KB gzip) that nothing else needs (issue 18, measured).

/// `share` (0.0 to 1.0; outside is clamped, NaN is 0) as a percentage rounded half up to
/// `decimals` digits after a `.` (0 to 3), without the `%` sign: `percent(2.0 / 3.0, 0)` is
/// "67", `percent(0.125, 1)` is "12.5".
pub fn percent(share: f64, decimals: u32) -> String {
    let decimals = decimals.min(3);
    let scale = 10u32.pow(decimals);
    let share = if share.is_nan() {
        0.0
    } else {
        share.clamp(0.0, 1.0)
    };
    // At most 100 * 1000: exact in a u32. `as` saturates, and the value is in range anyway.
    let scaled = (share * 100.0 * f64::from(scale)).round() as u32;
    let (whole, fraction) = (scaled / scale, scaled % scale);
    if decimals == 0 {
        whole.to_string()
    } else {
        format!("{whole}.{fraction:0width$}", width = decimals as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::percent;

    #[test]
    fn whole_percentages_round_half_up() {
        assert_eq!(percent(2.0 / 3.0, 0), "67");
        assert_eq!(percent(1.0 / 3.0, 0), "33");
        assert_eq!(percent(0.125, 0), "13", "a tie goes up, as people round");
        assert_eq!(percent(0.0, 0), "0");
        assert_eq!(percent(1.0, 0), "100");
    }

    #[test]
    fn decimals_keep_their_zeros() {
        assert_eq!(percent(0.125, 1), "12.5");
        assert_eq!(percent(0.5, 1), "50.0");
        assert_eq!(percent(0.01, 1), "1.0");
        assert_eq!(percent(0.0005, 2), "0.05");
        assert_eq!(percent(1.0 / 7.0, 3), "14.286");
        assert_eq!(percent(1.0 / 7.0, 9), "14.286", "at most three digits");
    }

    #[test]
    fn odd_shares_stay_between_0_and_100() {
        assert_eq!(percent(f64::NAN, 1), "0.0");
        assert_eq!(percent(-0.5, 0), "0");
        assert_eq!(percent(7.0, 1), "100.0");
        assert_eq!(percent(f64::INFINITY, 0), "100");
        assert_eq!(percent(f64::NEG_INFINITY, 0), "0");
    }

    #[test]
    fn agrees_with_float_formatting_away_from_ties() {
        for n in 0..=1000u32 {
            let share = f64::from(n) / 997.0;
            let share = share.min(1.0);
            assert_eq!(
                percent(share, 1),
                format!("{:.1}", share * 100.0),
                "{share}"
            );
        }
    }
}
