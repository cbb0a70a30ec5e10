//! The `cdv` binary: see `cdv --help`.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
