//! Stopping the server: SHUTDOWN and SIGTERM/SIGINT end the process the same way, with
//! Redis's log lines and exit code 0.
//!
//! There is nothing to flush yet (no persistence, no replicas), so a shutdown is: log, remove
//! the pid file, exit. SHUTDOWN SAVE cannot save — shardis has no snapshots yet — so it fails
//! as Redis fails when its final save fails (`-ERR Errors trying to SHUTDOWN. Check logs.`,
//! with the reason in the log), unless FORCE says to exit anyway. SHUTDOWN ABORT finds no
//! shutdown in progress, since a shutdown never waits.

use crate::serverlog;
use signal_hook::consts::{SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

/// The reply to a SHUTDOWN that could not stop the server.
pub const SHUTDOWN_FAILED: &str = "ERR Errors trying to SHUTDOWN. Check logs.";

/// What a SHUTDOWN asks for.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Request {
    /// SAVE: save a snapshot first (NOSAVE and no flag: don't, there are no save points).
    pub save: bool,
    /// FORCE: exit even if saving fails.
    pub force: bool,
}

/// Parses SHUTDOWN's arguments (after the command name): `Ok(None)` for ABORT, or the error
/// text. Redis 7.0's rules: any order, ABORT alone, not both SAVE and NOSAVE.
pub fn parse(args: &[&[u8]]) -> Result<Option<Request>, &'static str> {
    let (mut save, mut nosave, mut now, mut force, mut abort) = (false, false, false, false, false);
    for arg in args {
        let flag = match arg.to_ascii_lowercase().as_slice() {
            b"nosave" => &mut nosave,
            b"save" => &mut save,
            b"now" => &mut now,
            b"force" => &mut force,
            b"abort" => &mut abort,
            _ => return Err(shards::errors::SYNTAX),
        };
        *flag = true;
    }
    if (abort && (save || nosave || now || force)) || (save && nosave) {
        return Err(shards::errors::SYNTAX);
    }
    if abort {
        return Ok(None);
    }
    Ok(Some(Request { save, force }))
}

/// Shuts the server down: on success the process exits with status 0 and this never returns;
/// it returns only when the shutdown failed (and was logged), for SHUTDOWN to reply
/// [`SHUTDOWN_FAILED`].
pub fn shutdown(request: Request) {
    serverlog!(Warning, "User requested shutdown...");
    if request.save {
        serverlog!(
            Warning,
            "Snapshots are not supported yet (shardis has no persistence): nothing can be saved."
        );
        if !request.force {
            serverlog!(Warning, "Error trying to save the DB, can't exit.");
            serverlog!(
                Warning,
                "Errors trying to shut down the server. Check the logs for more information."
            );
            return;
        }
        serverlog!(Warning, "Error trying to save the DB. Exit anyway.");
    }
    let pidfile = crate::config::master()
        .lock()
        .map(|c| c.pidfile.clone())
        .unwrap_or_default();
    if !pidfile.is_empty() {
        serverlog!(Notice, "Removing the pid file.");
        let _ = std::fs::remove_file(&pidfile);
    }
    serverlog!(Warning, "shardis is now ready to exit, bye bye...");
    std::process::exit(0);
}

/// Starts a thread that turns SIGTERM and SIGINT into a shutdown, as Redis does.
pub fn handle_signals() -> Result<(), String> {
    let mut signals =
        Signals::new([SIGTERM, SIGINT]).map_err(|e| format!("cannot handle signals: {e}"))?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                let name = if signal == SIGINT {
                    "SIGINT"
                } else {
                    "SIGTERM"
                };
                crate::log::log_from_signal(&format!("Received {name} scheduling shutdown..."));
                shutdown(Request::default());
            }
        })
        .map_err(|e| format!("cannot start the signal thread: {e}"))?;
    Ok(())
}

/// Writes the process id to `path`, as Redis does when `pidfile` is set (a failure is logged,
/// not fatal).
pub fn write_pidfile(path: &str) {
    if path.is_empty() {
        return;
    }
    if let Err(e) = std::fs::write(path, format!("{}\n", std::process::id())) {
        serverlog!(
            Warning,
            "Failed to write PID file: {}",
            crate::config::os_error_text(&e)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_follow_redis() {
        assert_eq!(parse(&[]), Ok(Some(Request::default())));
        assert_eq!(
            parse(&[b"NOW", b"force", b"save"]),
            Ok(Some(Request {
                save: true,
                force: true
            }))
        );
        assert_eq!(parse(&[b"abort"]), Ok(None));
        assert_eq!(parse(&[b"abort", b"now"]), Err(shards::errors::SYNTAX));
        assert_eq!(parse(&[b"save", b"nosave"]), Err(shards::errors::SYNTAX));
        assert_eq!(parse(&[b"foo"]), Err(shards::errors::SYNTAX));
    }
}
