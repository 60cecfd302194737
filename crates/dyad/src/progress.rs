//! A progress bar on stderr when it is a terminal (documents, MB, rate, ETA); nothing
//! when stderr is a pipe or a file.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

/// Progress of one run.
pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A bar over `total` input bytes, or a spinner when the total is unknown.
    pub fn new(total: Option<u64>, quiet: bool) -> Progress {
        if quiet || !std::io::stderr().is_terminal() {
            return Progress { bar: None };
        }
        let bar = match total {
            Some(total) => ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr()).with_style(
                ProgressStyle::with_template("{bar:30} {bytes}/{total_bytes} read, {msg} ({bytes_per_sec}, ETA {eta})")
                    .expect("valid progress template"),
            ),
            None => ProgressBar::new_spinner()
                .with_style(ProgressStyle::with_template("{spinner} {msg} [{elapsed}]").expect("valid template")),
        };
        Progress { bar: Some(bar) }
    }

    /// Records how far the run has got.
    pub fn update(&self, documents: u64, text_bytes: u64, consumed: u64) {
        if let Some(bar) = &self.bar {
            bar.set_position(consumed);
            bar.set_message(format!("{documents} documents, {:.1} MB text", text_bytes as f64 / 1e6));
        }
    }

    /// Prints a line above the bar (or plainly, without one).
    pub fn message(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.println(line),
            None => eprintln!("{line}"),
        }
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
