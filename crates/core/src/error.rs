//! The contract's errors and exit codes: a bad line is reported and skipped (exit 1), an
//! unreadable file or a failed write is fatal for that input (exit 2), a closed pipe is a quiet 0.

use std::fmt;
use std::process::ExitCode;

/// What is wrong with one input line, in the user's words; the loop adds `FILTER: FILE:LINE:`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem(pub String);

impl Problem {
    pub fn new(msg: impl Into<String>) -> Self {
        Problem(msg.into())
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<String> for Problem {
    fn from(s: String) -> Self {
        Problem(s)
    }
}

impl From<&str> for Problem {
    fn from(s: &str) -> Self {
        Problem(s.to_string())
    }
}

/// How a run went, turned into the exit status at the end.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Status {
    /// Lines reported as bad (not JSON, missing field, invalid UTF-8, ...).
    pub bad_lines: u64,
    /// A file could not be read or the output could not be written.
    pub fatal: bool,
}

impl Status {
    /// 0: all well; 1: some lines were bad; 2: a file or the output failed.
    pub fn code(&self) -> u8 {
        if self.fatal {
            2
        } else if self.bad_lines > 0 {
            1
        } else {
            0
        }
    }

    pub fn exit_code(&self) -> ExitCode {
        ExitCode::from(self.code())
    }
}

/// Why a record could not be handled: the line is bad (report it, go on) or the output failed.
#[derive(Debug)]
pub enum Failure {
    Bad(Problem),
    Write(std::io::Error),
}

impl From<Problem> for Failure {
    fn from(p: Problem) -> Self {
        Failure::Bad(p)
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        Failure::Write(e)
    }
}

/// Writes one message line to standard error; a closed standard error is ignored, never a panic.
pub fn report(tool: &str, msg: impl fmt::Display) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "{tool}: {msg}");
}
