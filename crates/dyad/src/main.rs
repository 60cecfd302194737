//! The `dyad` command: argument parsing and dispatch. Each subcommand is a thin
//! caller of the library crates.

mod actors;
mod article;
mod bench;
mod drive;
mod explain;
mod extract;
mod inputs;
mod output;
mod progress;
mod store_cmds;
mod syntax;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// dyad turns news into political event data: who did what to whom, when, where, and
/// according to whom.
#[derive(Parser)]
#[command(name = "dyad", version, about, long_about = None, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Run(store_cmds::RunArgs),
    Extract(extract::Args),
    Article(article::Args),
    Ingest(store_cmds::IngestArgs),
    Query(store_cmds::QueryArgs),
    Export(store_cmds::ExportArgs),
    Explain(explain::Args),
    Actors(actors::Args),
    Parse(syntax::ParseArgs),
    Train(syntax::TrainArgs),
    Bench(bench::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Run(args) => store_cmds::run(args),
        Command::Extract(args) => extract::run(args),
        Command::Ingest(args) => store_cmds::ingest(args),
        Command::Query(args) => store_cmds::query(args),
        Command::Export(args) => store_cmds::export(args),
        Command::Article(args) => article::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Actors(args) => actors::run(args),
        Command::Parse(args) => syntax::parse(args),
        Command::Train(args) => syntax::train(args),
        Command::Bench(args) => bench::run(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("dyad: {e:#}");
            ExitCode::from(2)
        }
    }
}
