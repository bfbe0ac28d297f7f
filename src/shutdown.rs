//! Stopping the server: SHUTDOWN and SIGTERM/SIGINT end the process the same way, with
//! Redis's log lines and exit code 0.
//!
//! As Redis: the final snapshot is saved when SHUTDOWN SAVE asks for it, or when save points
//! are configured and NOSAVE was not given; if that save fails the server keeps running
//! (SHUTDOWN replies `-ERR Errors trying to SHUTDOWN. Check logs.`) unless FORCE says to exit
//! anyway. The append-only file is always flushed and fsynced first. A signal is handed to
//! shard 0, which runs the same shutdown. SHUTDOWN ABORT finds no shutdown in progress,
//! since a shutdown never waits for replicas.

use crate::server::ShardCtx;
use crate::serverlog;
use signal_hook::consts::{SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

/// The reply to a SHUTDOWN that could not stop the server.
pub const SHUTDOWN_FAILED: &str = "ERR Errors trying to SHUTDOWN. Check logs.";

/// What a SHUTDOWN asks for.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Request {
    /// SAVE: save a snapshot first, even without save points.
    pub save: bool,
    /// NOSAVE: don't save, even with save points.
    pub nosave: bool,
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
    Ok(Some(Request {
        save,
        nosave,
        force,
    }))
}

/// Shuts the server down: on success the process exits with status 0 and this never returns;
/// it returns only when the shutdown failed (and was logged), for SHUTDOWN to reply
/// [`SHUTDOWN_FAILED`].
pub async fn shutdown(ctx: &std::rc::Rc<ShardCtx>, request: Request) {
    serverlog!(Warning, "User requested shutdown...");
    crate::persistence::aof::flush_all(ctx).await;
    let save = request.save || (!request.nosave && !ctx.config().save_rules.is_empty());
    if save {
        serverlog!(Notice, "Saving the final RDB snapshot before exiting.");
        let saved = match crate::persistence::snapshot::start(ctx).await {
            Ok(done) => crate::persistence::snapshot::finish(ctx, done, false).await,
            Err(_) => {
                serverlog!(
                    Warning,
                    "A save is already running: it cannot be the final one."
                );
                false
            }
        };
        if !saved {
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

/// Signals waiting for shard 0 to shut down.
fn signaled() -> &'static (
    crossbeam_channel::Sender<()>,
    crossbeam_channel::Receiver<()>,
) {
    static CHANNEL: std::sync::OnceLock<(
        crossbeam_channel::Sender<()>,
        crossbeam_channel::Receiver<()>,
    )> = std::sync::OnceLock::new();
    CHANNEL.get_or_init(crossbeam_channel::unbounded)
}

/// On shard 0, called every tick: runs the shutdown a signal asked for.
pub async fn on_tick(ctx: &std::rc::Rc<ShardCtx>) {
    if signaled().1.try_recv().is_ok() {
        shutdown(ctx, Request::default()).await;
    }
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
                let _ = signaled().0.send(());
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
                nosave: false,
                force: true
            }))
        );
        assert_eq!(parse(&[b"abort"]), Ok(None));
        assert_eq!(parse(&[b"abort", b"now"]), Err(shards::errors::SYNTAX));
        assert_eq!(parse(&[b"save", b"nosave"]), Err(shards::errors::SYNTAX));
        assert_eq!(parse(&[b"foo"]), Err(shards::errors::SYNTAX));
    }
}
