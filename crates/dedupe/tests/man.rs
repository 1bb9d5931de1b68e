//! `man/dedupe.1` is generated from the clap definition; this fails when it is out of date
//! (`make man` writes it anew).

use clap::CommandFactory;
use dedupe::cli::Cli;

#[test]
fn man_page_is_current() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../man/dedupe.1");
    if let Err(e) = korpus_core::man::check(Cli::command(), &path) {
        panic!("{e}");
    }
}
