//! The `dir` directive, which changes the process's working directory, and the OS error words
//! it (and every file writer of the server) reports.

use super::values::one;
use super::Config;

/// `dir`: changes the process's working directory, as Redis does, and keeps the absolute
/// path. (CONFIG SET restores the previous directory when a later pair fails.)
pub(super) fn change_dir(config: &mut Config, args: &[String]) -> Result<(), String> {
    let v = one(args)?;
    std::env::set_current_dir(v).map_err(|e| os_error_text(&e))?;
    config.dir = current_dir();
    Ok(())
}

/// The working directory, as CONFIG GET dir shows it.
pub fn current_dir() -> String {
    std::env::current_dir()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|_| ".".into())
}

/// An OS error as C's `strerror` words it ("No such file or directory"), without Rust's
/// " (os error 2)" suffix.
pub fn os_error_text(e: &std::io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}
