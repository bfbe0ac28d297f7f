//! OBJECT ENCODING, FREQ and IDLETIME: what the engine knows about a key's value and access,
//! read without touching the key.

use crate::errors;
use crate::shard::Ctx;
use bytes::Bytes;

/// ```text
/// OBJECT ENCODING key
/// OBJECT FREQ key
/// OBJECT IDLETIME key
/// ```
/// Without touching the key (Redis's `LOOKUP_NOTOUCH`): FREQ is its LFU counter after decay
/// (only under an LFU policy), IDLETIME the seconds since its last access (only under
/// another policy).
pub fn object(ctx: &mut Ctx<'_>, args: &[Bytes]) {
    /// What the subcommand reports.
    enum Sub {
        Encoding,
        Freq,
        IdleTime,
    }
    let sub = if args[1].eq_ignore_ascii_case(b"ENCODING") {
        Sub::Encoding
    } else if args[1].eq_ignore_ascii_case(b"FREQ") {
        Sub::Freq
    } else if args[1].eq_ignore_ascii_case(b"IDLETIME") {
        Sub::IdleTime
    } else {
        let sub = &args[1][..args[1]
            .iter()
            .position(|&b| b == 0)
            .unwrap_or(args[1].len())];
        let mut text = b"ERR unknown subcommand '".to_vec();
        text.extend_from_slice(&sub[..sub.len().min(128)]);
        text.extend_from_slice(b"'. Try OBJECT HELP.");
        ctx.reply.error_bytes(&text);
        return;
    };
    if args.len() != 3 {
        let name = String::from_utf8_lossy(&args[1]).to_ascii_lowercase();
        ctx.reply.error(&format!(
            "ERR wrong number of arguments for 'object|{name}' command"
        ));
        return;
    }
    let now = ctx.now;
    let (db, _, reply) = ctx.parts();
    let access = *db.access();
    let Some((meta, value)) = db.peek(&args[2], now) else {
        return reply.null();
    };
    match sub {
        Sub::Encoding => reply.bulk(value.encoding().as_bytes()),
        Sub::Freq if !access.lfu => reply.error(errors::OBJECT_FREQ_NOT_LFU),
        Sub::Freq => reply.int(access.lfu_counter(meta, now) as i64),
        Sub::IdleTime if access.lfu => reply.error(errors::OBJECT_IDLETIME_LFU),
        Sub::IdleTime => reply.int((crate::evict::idle_ms(meta, now) / 1000) as i64),
    }
}
