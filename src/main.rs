//! shardis: a Redis-compatible, sharded, thread-per-core in-memory data store.
//!
//! `shardis [config-file] [--directive value ...]`, like redis-server. The modules, in the
//! order a request meets them: `server` (executors and the shard mesh), `connection`
//! (reading, routing, replying), `protocol` (RESP parsing), `command_table` (what each command
//! is and how it runs), the shard engine crate `shards` (the data). Around them: `config` (the
//! directives, CONFIG GET/SET/REWRITE), `log` (Redis-format logging) and
//! `shutdown` (SHUTDOWN and signals).
#![warn(missing_debug_implementations, rust_2018_idioms)]

mod auth;
mod blocking;
mod clients;
mod command_meta;
mod command_table;
mod config;
mod connection;
mod hop;
mod info;
mod locks;
mod log;
mod memory;
mod memory_report;
mod monitor;
mod moves;
mod persistence;
mod protocol;
mod pubsub;
mod reactor;
mod reply_parse;
mod scripting;
mod server;
mod shutdown;
mod stats;
#[cfg(test)]
mod test_shards;

use clap::{ArgAction, Parser};
use config::LoadError;

/// jemalloc, as Redis uses: its size classes fit small keys and values with no per-allocation
/// header (glibc's malloc adds 8-16 bytes to each), which is most of the memory per key.
/// Wrapped by a per-thread counter so `used_memory` (and so `maxmemory`) costs a few loads.
#[global_allocator]
static ALLOCATOR: memory::CountingJemalloc = memory::CountingJemalloc;

/// The Redis version shardis answers as (HELLO, INFO): client libraries gate features on it.
pub const REDIS_VERSION: &str = "7.0.15";

/// The command line, as redis-server's. clap handles `--help` and `--version`; everything
/// else is redis-server's own grammar (`--name value...` pairs become config lines), which
/// `config::command_line_text` reads, so any directive works on the command line.
#[derive(Parser, Debug)]
#[command(
    name = "shardis",
    version,
    about = "A Redis-compatible, sharded, thread-per-core in-memory data store",
    disable_version_flag = true,
    override_usage = "shardis [/path/to/redis.conf] [--directive value ...]\n       shardis - (read the config from standard input)\n\nExamples:\n       shardis (run with the default configuration)\n       shardis /etc/shardis/redis.conf\n       shardis --port 7777 --shards 4\n       shardis /etc/shardis/redis.conf --loglevel verbose --requirepass secret"
)]
struct Cli {
    /// Print the version.
    #[arg(short = 'v', long = "version", action = ArgAction::Version)]
    version: Option<bool>,
    /// A redis.conf-style config file, then any directive as `--name value...`.
    #[arg(
        value_name = "ARGS",
        num_args = 0..,
        allow_hyphen_values = true,
        trailing_var_arg = true
    )]
    args: Vec<String>,
}

/// Reads the configuration from the config file, standard input (`-`) and the command line,
/// in that order, as one text (so line numbers in errors count as redis-server counts them).
fn load_config(args: &[String]) -> Result<config::Config, LoadError> {
    let mut text = String::new();
    let mut rest = args;
    let mut config_file = None;
    if let Some(first) = args.first().filter(|a| !a.starts_with('-')) {
        text = config::read_config_file(first)?;
        config_file = Some(
            std::path::absolute(first)
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_else(|_| first.clone()),
        );
        rest = &args[1..];
    }
    let stdin_at = |i: usize| rest.get(i).is_some_and(|a| a == "-");
    if !rest.is_empty() && (stdin_at(0) || stdin_at(rest.len() - 1)) {
        serverlog!(Warning, "Reading config from stdin");
        let mut input = String::new();
        let _ = std::io::Read::read_to_string(&mut std::io::stdin(), &mut input);
        text.push_str(&input);
        rest = if stdin_at(0) {
            &rest[1..]
        } else {
            &rest[..rest.len() - 1]
        };
    }
    text.push('\n');
    text.push_str(&config::command_line_text(rest));
    let mut config = config::Config::default();
    config::apply_text(&mut config, &text)?;
    config.config_file = config_file;
    log::set_file(&config.logfile).map_err(|e| {
        LoadError::Fatal(format!(
            "\n*** FATAL CONFIG FILE ERROR (Redis {REDIS_VERSION}) ***\nCan't open the log file: {e}"
        ))
    })?;
    log::set_level(log::Level::from_name(config.loglevel));
    Ok(config)
}

fn main() {
    stats::start_clock();
    let cli = Cli::parse();
    let config = match load_config(&cli.args) {
        Ok(c) => c,
        Err(LoadError::Fatal(text)) => {
            eprintln!("{text}");
            std::process::exit(1);
        }
        Err(LoadError::CantOpen(text)) => {
            log::log(log::Level::Warning, &text);
            std::process::exit(1);
        }
    };
    serverlog!(Warning, "oO0OoO0OoO0Oo shardis is starting oO0OoO0OoO0Oo");
    serverlog!(
        Warning,
        "shardis version={} (Redis {REDIS_VERSION} compatible), bits={}, pid={}, just started",
        env!("CARGO_PKG_VERSION"),
        usize::BITS,
        std::process::id()
    );
    if cli.args.is_empty() {
        serverlog!(Warning, "Warning: no config file specified, using the default config. In order to specify a config file use shardis /path/to/redis.conf");
    } else {
        serverlog!(Warning, "Configuration loaded");
    }
    // The master copy CONFIG SET/REWRITE and the shutdown path read.
    if let Ok(mut master) = config::master().lock() {
        *master = std::sync::Arc::new(config.clone());
    }
    if let Err(e) = shutdown::handle_signals() {
        serverlog!(Warning, "{e}");
        std::process::exit(1);
    }
    shutdown::write_pidfile(&config.pidfile);
    memory::start_background_purging();
    if let Err(e) = server::run(config) {
        serverlog!(Warning, "{e}");
        std::process::exit(1);
    }
}
