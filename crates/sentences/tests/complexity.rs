//! Time is linear in the input: ten times the input takes at most fifteen times the time, on the
//! shapes that make naive segmenters quadratic (a paragraph without a terminator, one enormous
//! dotted number, a token glued together from thousands of sentences, a run of abbreviations).
//! Each size is timed several times, the two in turn, and the fastest run counts, so the ratio
//! holds on a busy machine; no absolute time is asserted.

use std::time::Instant;

use sentences::{Lang, Segmenter};

fn time(seg: &Segmenter, text: &str, spans: &mut Vec<std::ops::Range<usize>>) -> f64 {
    spans.clear();
    let t = Instant::now();
    seg.split_into(text, Lang::De, spans);
    std::hint::black_box(&spans);
    t.elapsed().as_secs_f64()
}

fn assert_linear(name: &str, unit: &str, small: usize) {
    let seg = Segmenter::new();
    let a = unit.repeat(small);
    let b = unit.repeat(small * 10);
    // The two sizes in turn, so that a spell of load on the machine slows both alike.
    let mut spans = Vec::new();
    let (mut ta, mut tb) = (f64::INFINITY, f64::INFINITY);
    for _ in 0..7 {
        ta = ta.min(time(&seg, &a, &mut spans));
        tb = tb.min(time(&seg, &b, &mut spans));
    }
    // Below a millisecond the clock says little; a floor keeps the ratio meaningful.
    let ratio = tb / ta.max(1e-4);
    assert!(
        ratio <= 15.0,
        "{name}: {} bytes took {ta:.5} s, {} bytes {tb:.5} s (×{ratio:.1})",
        a.len(),
        b.len()
    );
}

/// One test, the cases in turn: timed tests running side by side would disturb each other.
#[test]
fn time_is_linear_on_hostile_shapes() {
    // ~100 KB against ~1 MB of a paragraph without a terminator.
    assert_linear("no terminator", "und dann noch ein Wort ", 4_500);
    // 1,000 against 10,000 digit groups; 10,000 against 100,000 dots between digits.
    assert_linear("dotted number", "123.", 250);
    assert_linear("dotted number", "1.", 10_000);
    assert_linear("glued", "Ab.Cd.", 20_000);
    assert_linear("abbreviations", "z. B. u. a. „[ ", 10_000);
    assert_linear("open brackets", "a. [a. ", 10_000);
    assert_linear("lines", "Kurz\n", 20_000);
}
