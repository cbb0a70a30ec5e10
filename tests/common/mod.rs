//! Helpers shared by the integration tests.

use std::path::Path;

use assert_cmd::Command;

/// The `cdv` binary of this build.
pub fn cdv() -> Command {
    Command::cargo_bin("cdv").expect("binary built")
}

/// A file's text, or a panic naming it.
pub fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}
