//! Reading inputs: JSON Lines from files or standard input, one line at a time into a reused
//! buffer, with the file's display name and line number kept for messages.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

const BUFFER: usize = 256 * 1024;

/// The name a message gives an input: its path as typed, or `<stdin>`.
pub fn display_name(path: &Path) -> String {
    if is_stdin(path) {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
}

fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// The inputs named on the command line; none means standard input.
pub fn inputs(files: &[PathBuf]) -> Vec<PathBuf> {
    if files.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        files.to_vec()
    }
}

/// Opens an input for buffered reading; `-` is standard input.
pub fn open(path: &Path) -> io::Result<Box<dyn BufRead>> {
    if is_stdin(path) {
        Ok(Box::new(BufReader::with_capacity(BUFFER, io::stdin())))
    } else {
        let file = File::open(path)?;
        if file.metadata()?.is_dir() {
            return Err(io::Error::other("is a directory"));
        }
        Ok(Box::new(BufReader::with_capacity(BUFFER, file)))
    }
}

/// Reads a whole input as bytes (for plain-text documents).
pub fn read_all(path: &Path) -> io::Result<Vec<u8>> {
    let mut reader = open(path)?;
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Lines of one input, numbered from 1, each without its `\n` (and without a `\r` before it).
pub struct Lines {
    reader: Box<dyn BufRead>,
    buf: Vec<u8>,
    number: u64,
}

impl Lines {
    pub fn new(reader: Box<dyn BufRead>) -> Self {
        Lines {
            reader,
            buf: Vec::with_capacity(64 * 1024),
            number: 0,
        }
    }

    /// The next line and its number; `Ok(None)` at the end. The slice lives until the next call.
    pub fn next_line(&mut self) -> io::Result<Option<(u64, &[u8], usize)>> {
        let mut buf = std::mem::take(&mut self.buf);
        buf.clear();
        let next = self.append_line(&mut buf);
        self.buf = buf;
        Ok(next?.map(|(number, read)| (number, &self.buf[..], read)))
    }

    /// Appends the next line to `to`, and gives its number and how many bytes it took of the
    /// input (with its end); `Ok(None)` at the end. For lines gathered end to end, with no
    /// copy between.
    pub fn append_line(&mut self, to: &mut Vec<u8>) -> io::Result<Option<(u64, usize)>> {
        let start = to.len();
        let read = self.reader.read_until(b'\n', to)?;
        if read == 0 {
            return Ok(None);
        }
        self.number += 1;
        if to[start..].ends_with(b"\n") {
            to.pop();
        }
        if to[start..].ends_with(b"\r") {
            to.pop();
        }
        Ok(Some((self.number, read)))
    }
}
