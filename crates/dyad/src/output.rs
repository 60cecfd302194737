//! Writing records to stdout: JSON Lines, a JSON value (an array when there are several
//! records), or plain text. Every write reports `false` once stdout is closed (a broken
//! pipe), so a run piped into `head` stops quietly.

use anyhow::Context;
use std::io::{BufWriter, Write};

/// How records are laid out.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// One record per line (records end with a newline).
    Lines,
    /// One record alone, or a JSON array of all of them.
    JsonArray,
    /// Records as they are, separated by a blank line.
    Text,
}

/// stdout, buffered.
pub struct Output {
    shape: Shape,
    writer: BufWriter<std::io::Stdout>,
    written: usize,
    held: Option<String>,
    closed: bool,
}

impl Output {
    pub fn new(shape: Shape) -> Output {
        Output {
            shape,
            writer: BufWriter::with_capacity(1 << 16, std::io::stdout()),
            written: 0,
            held: None,
            closed: false,
        }
    }

    pub fn write(&mut self, record: &str) -> anyhow::Result<bool> {
        let result = match self.shape {
            Shape::Lines => writeln!(self.writer, "{record}"),
            Shape::Text => {
                let sep = if self.written == 0 { "" } else { "\n" };
                writeln!(self.writer, "{sep}{record}")
            }
            // The first record is held back: only a second one tells whether an array is needed.
            Shape::JsonArray => match (self.written, self.held.take()) {
                (0, _) => {
                    self.held = Some(record.to_string());
                    Ok(())
                }
                (_, Some(first)) => write!(self.writer, "[\n{first},\n{record}"),
                (_, None) => write!(self.writer, ",\n{record}"),
            },
        };
        self.written += 1;
        self.check(result)
    }

    pub fn finish(&mut self) -> anyhow::Result<bool> {
        if self.closed {
            return Ok(false);
        }
        let result = match (self.shape, self.held.take()) {
            (Shape::JsonArray, Some(only)) => writeln!(self.writer, "{only}"),
            (Shape::JsonArray, None) if self.written > 1 => writeln!(self.writer, "\n]"),
            (Shape::JsonArray, None) => writeln!(self.writer, "[]"),
            _ => Ok(()),
        };
        let result = result.and_then(|_| self.writer.flush());
        self.check(result)
    }

    fn check(&mut self, result: std::io::Result<()>) -> anyhow::Result<bool> {
        match result {
            Ok(()) => Ok(!self.closed),
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(false)
            }
            Err(e) => Err(e).context("writing to standard output"),
        }
    }
}

/// The exit of a command that wrote its output: a closed pipe (`| head`) ends it quietly,
/// any other error is reported.
pub fn finish_output(result: anyhow::Result<()>) -> anyhow::Result<std::process::ExitCode> {
    match result {
        Err(e) if e.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) => {
            Ok(std::process::ExitCode::SUCCESS)
        }
        Err(e) => Err(e),
        Ok(()) => Ok(std::process::ExitCode::SUCCESS),
    }
}
