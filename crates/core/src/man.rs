//! Man pages from the clap definitions, so `--help` and `man/` can never disagree: each filter
//! has a test that renders its page and compares it with the committed `man/NAME.1`.

use std::path::Path;

/// The roff text of a command's man page.
pub fn render(cmd: clap::Command) -> Vec<u8> {
    let mut out = Vec::new();
    // Writing roff into a Vec cannot fail.
    let _ = clap_mangen::Man::new(cmd).render(&mut out);
    out
}

/// Compares the committed page with the rendered one; with `KORPUS_UPDATE_MAN=1` in the
/// environment, writes it instead. Returns what is wrong, for a test to fail with.
pub fn check(cmd: clap::Command, path: &Path) -> Result<(), String> {
    let fresh = render(cmd);
    if std::env::var_os("KORPUS_UPDATE_MAN").is_some() {
        return std::fs::write(path, &fresh).map_err(|e| format!("{}: {e}", path.display()));
    }
    match std::fs::read(path) {
        Ok(old) if old == fresh => Ok(()),
        Ok(_) => Err(format!(
            "{} is out of date: run `make man` and commit it",
            path.display()
        )),
        Err(e) => Err(format!("{}: {e}: run `make man`", path.display())),
    }
}
