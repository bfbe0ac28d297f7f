//! `client-output-buffer-limit`: its per-class defaults, the check that accepts only them (the
//! limits shardis enforces), how CONFIG GET shows it and how CONFIG REWRITE writes it.

use super::values::{format_memory, parse_memory};
use super::Config;

/// The client classes of `client-output-buffer-limit` and Redis's default limit of each
/// (hard bytes, soft bytes, soft seconds), in CONFIG GET's order and naming.
const OUTPUT_LIMIT_DEFAULTS: [(&str, [i64; 3]); 3] = [
    ("normal", [0, 0, 0]),
    ("slave", [256 << 20, 64 << 20, 60]),
    ("pubsub", [32 << 20, 8 << 20, 60]),
];

/// `client-output-buffer-limit <class> <hard> <soft> <seconds> ...`: validated with Redis's
/// messages. Only the pubsub class's default is enforced (subscribers and monitors are cut
/// off past it), so only each class's default is accepted rather than a limit that would
/// silently not apply.
pub(super) fn output_buffer_limits(args: &[String]) -> Result<(), String> {
    if args.is_empty() || !args.len().is_multiple_of(4) {
        return Err("Wrong number of arguments in buffer limit configuration.".into());
    }
    for group in args.chunks(4) {
        let class = match group[0].to_ascii_lowercase().as_str() {
            "normal" => 0,
            "slave" | "replica" => 1,
            "pubsub" => 2,
            _ => {
                return Err("Invalid client class specified in buffer limit configuration.".into())
            }
        };
        let hard = parse_memory(&group[1]);
        let soft = parse_memory(&group[2]);
        let secs = shards::util::parse_i64(group[3].as_bytes());
        let (Some(hard), Some(soft), Some(secs)) = (hard, soft, secs) else {
            return Err(
                "Error in hard, soft or soft_seconds setting in buffer limit configuration.".into(),
            );
        };
        if hard < 0 || soft < 0 || secs < 0 {
            return Err(
                "Error in hard, soft or soft_seconds setting in buffer limit configuration.".into(),
            );
        }
        if [hard, soft, secs] != OUTPUT_LIMIT_DEFAULTS[class].1 {
            return Err("client output buffer limits other than the defaults are not enforced: only the defaults (normal 0 0 0, replica 256mb 64mb 60, pubsub 32mb 8mb 60) are accepted".into());
        }
    }
    Ok(())
}

/// CONFIG GET's text: every class's limits, in Redis's order and naming.
pub(super) fn show_output_buffer_limits(_: &Config) -> String {
    OUTPUT_LIMIT_DEFAULTS
        .iter()
        .map(|(class, [hard, soft, secs])| format!("{class} {hard} {soft} {secs}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The lines CONFIG REWRITE writes for `client-output-buffer-limit`, by class (Redis writes
/// the replica class under its new name).
pub fn output_buffer_limit_lines() -> Vec<(bool, String)> {
    OUTPUT_LIMIT_DEFAULTS
        .iter()
        .map(|(class, [hard, soft, secs])| {
            let class = if *class == "slave" { "replica" } else { class };
            (
                false,
                format!(
                    "client-output-buffer-limit {class} {} {} {secs}",
                    format_memory(*hard),
                    format_memory(*soft)
                ),
            )
        })
        .collect()
}
