//! The server log, in Redis's format and levels, so tools and eyes used to Redis logs read
//! it as they are:
//!
//! ```text
//! 4242:M 25 Nov 2026 16:20:01.123 * Ready to accept connections
//! ```
//!
//! process id, role (`C` while the configuration loads, `M` once the server runs), the time
//! with milliseconds, a mark for the level (`.` debug, `-` verbose, `*` notice, `#` warning)
//! and the message. Lines go to standard output, or are appended to `logfile` (opened for
//! each line, as Redis does, so a rotated file is picked up). The level may change at run
//! time (CONFIG SET loglevel); the file may not (`logfile` is immutable, as in Redis).
//!
//! The state is process-wide: a level and a role in atomics, the file name set once at start.
//! Logging is rare (start, stop, errors), so writing takes a lock to keep lines whole.

use std::io::Write;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Mutex, OnceLock};

/// A log level, least to most severe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// `.`: much detail.
    Debug = 0,
    /// `-`: detail.
    Verbose = 1,
    /// `*`: what an operator wants to see (the default).
    Notice = 2,
    /// `#`: problems and the server's life events.
    Warning = 3,
}

impl Level {
    /// The level a `loglevel` value names (unknown names: notice).
    pub fn from_name(name: &str) -> Level {
        match name {
            "debug" => Level::Debug,
            "verbose" => Level::Verbose,
            "warning" => Level::Warning,
            _ => Level::Notice,
        }
    }

    fn mark(self) -> char {
        match self {
            Level::Debug => '.',
            Level::Verbose => '-',
            Level::Notice => '*',
            Level::Warning => '#',
        }
    }
}

static LEVEL: AtomicU8 = AtomicU8::new(Level::Notice as u8);
static ROLE: AtomicU8 = AtomicU8::new(b'C');
static FILE: OnceLock<String> = OnceLock::new();
static WRITING: Mutex<()> = Mutex::new(());

/// Sets the least severe level written (CONFIG SET loglevel, and at start).
pub fn set_level(level: Level) {
    LEVEL.store(level as u8, Ordering::Relaxed);
}

/// Marks the server as running: lines from now on carry the role `M`.
pub fn set_running() {
    ROLE.store(b'M', Ordering::Relaxed);
}

/// Sends the log to `path` (empty: standard output) from now on, once checking that the file
/// can be opened; the error is `strerror`'s text.
pub fn set_file(path: &str) -> Result<(), String> {
    if !path.is_empty() {
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .map_err(|e| crate::config::os_error_text(&e))?;
    }
    let _ = FILE.set(path.to_string());
    Ok(())
}

/// Whether lines of `level` are written now.
pub fn enabled(level: Level) -> bool {
    level as u8 >= LEVEL.load(Ordering::Relaxed)
}

/// Writes one line at `level`, in Redis's format.
pub fn log(level: Level, message: &str) {
    if !enabled(level) {
        return;
    }
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let role = ROLE.load(Ordering::Relaxed) as char;
    let line = format!(
        "{}:{role} {} {} {message}\n",
        std::process::id(),
        format_time(now.as_secs() as i64, now.subsec_millis()),
        level.mark()
    );
    write_line(&line);
}

/// Writes a line as Redis's signal handler does: `pid:signal-handler (unix-seconds) message`.
pub fn log_from_signal(message: &str) {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs();
    write_line(&format!(
        "{}:signal-handler ({secs}) {message}\n",
        std::process::id()
    ));
}

fn write_line(line: &str) {
    let _guard = WRITING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    match FILE.get().map(String::as_str) {
        Some(path) if !path.is_empty() => {
            if let Ok(mut file) = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(path)
            {
                let _ = file.write_all(line.as_bytes());
            }
        }
        _ => {
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(line.as_bytes());
            let _ = out.flush();
        }
    }
}

/// `25 Nov 2026 16:20:01.123` for a Unix time, in UTC (Redis prints local time; servers and
/// containers usually run in UTC, and this needs no time zone database).
pub fn format_time(secs: i64, millis: u32) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let days = secs.div_euclid(86_400);
    let of_day = secs.rem_euclid(86_400);
    // Howard Hinnant's days-to-civil algorithm.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{day:02} {} {year} {:02}:{:02}:{:02}.{millis:03}",
        MONTHS[(month - 1) as usize],
        of_day / 3600,
        of_day % 3600 / 60,
        of_day % 60
    )
}

/// Logs a formatted line: `serverlog!(Notice, "port={}", port)`.
#[macro_export]
macro_rules! serverlog {
    ($level:ident, $($arg:tt)*) => {
        if $crate::log::enabled($crate::log::Level::$level) {
            $crate::log::log($crate::log::Level::$level, &format!($($arg)*));
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_as_redis_prints_them() {
        assert_eq!(format_time(0, 0), "01 Jan 1970 00:00:00.000");
        // 2026-11-25 16:20:01 UTC
        assert_eq!(format_time(1_795_623_601, 123), "25 Nov 2026 16:20:01.123");
        // a leap day
        assert_eq!(format_time(951_782_400, 5), "29 Feb 2000 00:00:00.005");
    }

    #[test]
    fn levels_filter() {
        set_level(Level::Warning);
        assert!(!enabled(Level::Notice));
        assert!(enabled(Level::Warning));
        set_level(Level::Notice);
        assert!(enabled(Level::Notice));
        assert!(!enabled(Level::Verbose));
    }
}
