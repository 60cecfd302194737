//! `dyad actors`: look names up in the dictionaries and check a user's dictionary files.

use anyhow::Context;
use dyad_core::Published;
use dyad_extract::Actors;
use std::path::PathBuf;
use std::process::ExitCode;

/// Tools for the people who maintain dyad's actor dictionaries.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Subcommand)]
enum Command {
    Lookup(LookupArgs),
    Check(CheckArgs),
}

/// Every meaning of a name on a date: actor code, role, validity and the dictionary line.
///
///   dyad actors lookup "Lavrov" --date 2022-02-12
///
///   dyad actors lookup "Washington"
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
struct LookupArgs {
    /// The name, as it appears in a text.
    name: String,
    /// The date the name is resolved on [default: no date: every role is shown].
    #[arg(long, value_parser = Published::parse)]
    date: Option<Published>,
    /// A directory of your own dictionary files, added to the embedded ones.
    #[arg(long, value_name = "DIR")]
    lexicon: Option<PathBuf>,
}

/// Validate a directory of dictionary files: every error names its file and line.
///
///   dyad actors check my-lexicon/
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
struct CheckArgs {
    /// The directory of TSV files (same formats as lexicon/ in the repository).
    dir: PathBuf,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.command {
        Command::Lookup(a) => {
            let actors = match &a.lexicon {
                Some(dir) => Actors::with_user_dir(dir),
                None => Actors::embedded(),
            }
            .context("loading the dictionaries")?;
            let found = actors.lookup(&a.name, a.date.map(|p| p.date));
            if found.is_empty() {
                eprintln!("dyad: '{}' is not in the dictionaries", a.name);
                return Ok(ExitCode::from(1));
            }
            for l in found {
                println!(
                    "{:<10} {:<8} {:<4} {:<28} {:<34} {:<8} {:<23} {}",
                    l.code.as_deref().unwrap_or("-"),
                    l.kind,
                    l.label,
                    l.canonical,
                    l.role.as_deref().unwrap_or("-"),
                    l.status,
                    l.valid,
                    l.source
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Check(a) => match dyad_extract::check_dir(&a.dir) {
            Ok(stats) => {
                println!("{}: valid; {stats:?}", a.dir.display());
                Ok(ExitCode::SUCCESS)
            }
            Err(errors) => {
                for e in &errors {
                    eprintln!("dyad: {e}");
                }
                eprintln!("dyad: {} error(s) in {}", errors.len(), a.dir.display());
                Ok(ExitCode::from(1))
            }
        },
    }
}
