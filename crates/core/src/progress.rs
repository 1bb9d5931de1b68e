//! A progress line on standard error for long work: shown when standard error is a terminal
//! and the run has taken more than a second (or always with `--progress`), never with `--quiet`.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

const FIRST: Duration = Duration::from_secs(1);
const EVERY: Duration = Duration::from_millis(250);

pub struct Progress {
    tool: &'static str,
    enabled: bool,
    forced: bool,
    start: Instant,
    last: Instant,
    records: u64,
    bytes: u64,
    shown: bool,
}

impl Progress {
    pub fn new(tool: &'static str, force: bool, quiet: bool) -> Self {
        let now = Instant::now();
        Progress {
            tool,
            enabled: force || (!quiet && std::io::stderr().is_terminal()),
            forced: force,
            start: now,
            last: now,
            records: 0,
            bytes: 0,
            shown: false,
        }
    }

    /// Counts one record of `bytes` input bytes; looks at the clock every 256 records only.
    #[inline]
    pub fn tick(&mut self, bytes: usize) {
        self.records += 1;
        self.bytes += bytes as u64;
        if self.enabled && self.records.is_multiple_of(256) {
            self.maybe_show();
        }
    }

    fn maybe_show(&mut self) {
        let now = Instant::now();
        let wait = if self.shown || self.forced {
            EVERY
        } else {
            FIRST
        };
        if now.duration_since(if self.shown { self.last } else { self.start }) >= wait {
            self.last = now;
            self.show("\r");
        }
    }

    fn show(&mut self, end: &str) {
        let secs = self.start.elapsed().as_secs_f64().max(1e-9);
        let mb = self.bytes as f64 / 1e6;
        let _ = write!(
            std::io::stderr().lock(),
            "\r{}: {} records, {:.1} MB, {:.1} MB/s{}",
            self.tool,
            self.records,
            mb,
            mb / secs,
            end
        );
        self.shown = true;
    }

    /// Ends the line: a final count when a line was shown (or progress was forced).
    pub fn finish(&mut self) {
        if self.enabled && (self.shown || self.forced) {
            self.show("\n");
        }
    }
}
