//! Error replies, byte for byte as Redis 7.0 sends them (without the leading `-` and the
//! trailing CRLF, which [`crate::reply::Reply::error`] adds). One place, so a text is spelled once.
//!
//! The engine's convention for failing: a function that can fail says why in its type and
//! leaves the error reply to its caller. It returns `Result<T, E>` whose `E` is a value
//! naming the failure: [`WrongType`] when a key holds another type, or a `&'static str`
//! that is one of the texts below (`Err(errors::NOT_INTEGER)`) for a refused argument. It
//! never writes the error reply itself, and never returns `Err(())`. The handler (or the
//! helper that owns the reply of that step) turns the `Err` into the reply in one place:
//!
//! ```text
//! let set = match read_set(db, stats, key, now) {
//!     Ok(set) => set,
//!     Err(WrongType) => return reply.error(errors::WRONGTYPE),
//! };
//! ```
//!
//! A helper may still write the reply of its success (GET's value); what it returns then
//! tells the caller only what it needs to go on.
//!
//! Some failures are worded from the arguments (`ERR invalid expire time in 'set' command`,
//! see [`invalid_expire`], [`wrong_arity`], [`unsupported_option`]). A step any of whose
//! failures is worded so returns an [`ErrorText`] instead of a `&'static str`: its constant
//! texts are borrowed (`Err(errors::SYNTAX.into())`), its built ones owned
//! (`Err(errors::invalid_expire(cmd).into())`), and the caller replies `reply.error(&e)`.

/// The text of an error reply that is either one of the constants of this file or built
/// from the arguments (the module doc says when a step returns it).
pub type ErrorText = std::borrow::Cow<'static, str>;

/// A generic syntax error in the arguments.
pub const SYNTAX: &str = "ERR syntax error";
/// OBJECT FREQ under a policy that is not LFU.
pub const OBJECT_FREQ_NOT_LFU: &str = "ERR An LFU maxmemory policy is not selected, access frequency not tracked. Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.";
/// OBJECT IDLETIME under an LFU policy.
pub const OBJECT_IDLETIME_LFU: &str = "ERR An LFU maxmemory policy is selected, idle time not tracked. Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.";
/// A command that may grow memory while memory is over `maxmemory` and nothing is evictable.
pub const OOM: &str = "OOM command not allowed when used memory > 'maxmemory'.";
/// A key holds a value of another type than the command works on.
pub const WRONGTYPE: &str = "WRONGTYPE Operation against a key holding the wrong kind of value";

/// The failure of a lookup that found a value of another type than the command works on;
/// its reply is [`WRONGTYPE`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WrongType;
/// An argument that must be a 64-bit integer is not.
pub const NOT_INTEGER: &str = "ERR value is not an integer or out of range";
/// An argument that must be a float is not.
pub const NOT_FLOAT: &str = "ERR value is not a valid float";
/// INCR-family overflow.
pub const OVERFLOW: &str = "ERR increment or decrement would overflow";
/// A key that must exist does not.
pub const NO_SUCH_KEY: &str = "ERR no such key";
/// A database index out of range.
pub const DB_INDEX: &str = "ERR DB index is out of range";
/// A string would grow past proto-max-bulk-len (512 MB by default).
pub const STRING_TOO_LONG: &str = "ERR string exceeds maximum allowed size (proto-max-bulk-len)";
/// An offset argument out of range (SETRANGE).
pub const OFFSET_RANGE: &str = "ERR offset is out of range";
/// A SCAN cursor that is not an unsigned integer.
pub const INVALID_CURSOR: &str = "ERR invalid cursor";
/// INCRBYFLOAT producing NaN or infinity.
pub const INCR_NAN: &str = "ERR increment would produce NaN or Infinity";
/// DECRBY by -9223372036854775808, whose negation does not fit in 64 bits.
pub const DECR_OVERFLOW: &str = "ERR decrement would overflow";

/// COPY or MOVE onto the same key of the same database.
pub const SAME_OBJECT: &str = "ERR source and destination objects are the same";
/// A 64-bit integer argument that must fit in 32 bits (`getIntFromObjectOrReply`).
pub const INT_RANGE: &str =
    "ERR value is out of range, value must between -2147483648 and 2147483647";
/// EXPIRE-family NX combined with XX, GT or LT.
pub const EXPIRE_NX_AND_OTHERS: &str =
    "ERR NX and XX, GT or LT options at the same time are not compatible";
/// EXPIRE-family GT combined with LT.
pub const EXPIRE_GT_AND_LT: &str = "ERR GT and LT options at the same time are not compatible";

/// `ERR Unsupported option <opt>` (EXPIRE family). Redis formats the option with `%s`, so the
/// text stops at a NUL byte; bytes that are not UTF-8 are replaced (a `&str` reply).
pub fn unsupported_option(opt: &[u8]) -> String {
    let end = opt.iter().position(|&b| b == 0).unwrap_or(opt.len());
    format!(
        "ERR Unsupported option {}",
        String::from_utf8_lossy(&opt[..end])
    )
}

/// `ERR wrong number of arguments for '<cmd>' command`, for argument counts the command table's
/// arity cannot express (MSET's even count).
pub fn wrong_arity(cmd: &str) -> String {
    format!("ERR wrong number of arguments for '{cmd}' command")
}

/// `ERR invalid expire time in '<cmd>' command`, as Redis formats it.
pub fn invalid_expire(cmd: &str) -> String {
    format!("ERR invalid expire time in '{cmd}' command")
}

// hashes

/// HINCRBY on a field whose value is not a 64-bit integer.
pub const HASH_VALUE_NOT_INTEGER: &str = "ERR hash value is not an integer";
/// HINCRBYFLOAT on a field whose value is not a number.
pub const HASH_VALUE_NOT_FLOAT: &str = "ERR hash value is not a float";
/// HINCRBYFLOAT with an infinite increment.
pub const HASH_INCR_NAN_OR_INF: &str = "ERR value is NaN or Infinity";
/// HRANDFIELD/SRANDMEMBER with a count of -9223372036854775808 (`getRangeLongFromObjectOrReply` over
/// `-LONG_MAX..LONG_MAX`).
pub const RANDOM_COUNT_RANGE: &str =
    "ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807";
/// HRANDFIELD WITHVALUES with a count whose pairs would overflow the reply length.
pub const HASH_VALUE_OUT_OF_RANGE: &str = "ERR value is out of range";

// sets

/// SPOP with a count that is negative or not an integer (`getPositiveLongFromObjectOrReply`).
pub const SPOP_COUNT_RANGE: &str = "ERR value is out of range, must be positive";
/// SINTERCARD with a `numkeys` that is not a positive integer.
pub const SINTERCARD_NUMKEYS: &str = "ERR numkeys should be greater than 0";
/// SINTERCARD with a `numkeys` larger than the number of arguments after it.
pub const SINTERCARD_TOO_MANY_KEYS: &str =
    "ERR Number of keys can't be greater than number of args";
/// SINTERCARD with a LIMIT that is negative or not an integer.
pub const SINTERCARD_LIMIT: &str = "ERR LIMIT can't be negative";

// lists

/// LPOP/RPOP with a count that is negative or not an integer (`getPositiveLongFromObjectOrReply`).
pub const LIST_POP_COUNT: &str = "ERR value is out of range, must be positive";
/// LSET at an index outside the list.
pub const LIST_INDEX_OUT_OF_RANGE: &str = "ERR index out of range";
/// LPOS with RANK 0.
pub const LIST_RANK_ZERO: &str =
    "ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or use negative to start from the end of the list";
/// LPOS with a COUNT that is negative or not an integer.
pub const LIST_COUNT_NEGATIVE: &str = "ERR COUNT can't be negative";
/// LPOS with a MAXLEN that is negative or not an integer.
pub const LIST_MAXLEN_NEGATIVE: &str = "ERR MAXLEN can't be negative";
/// LMPOP/BLMPOP with a `numkeys` that is not a positive integer.
pub const LIST_NUMKEYS: &str = "ERR numkeys should be greater than 0";
/// LMPOP/BLMPOP with a COUNT that is not a positive integer.
pub const LIST_COUNT: &str = "ERR count should be greater than 0";
/// A blocking command's timeout that is not a `long double`.
pub const TIMEOUT_NOT_FLOAT: &str = "ERR timeout is not a float or out of range";
/// A blocking command's timeout that is negative once in milliseconds (or out of range).
pub const TIMEOUT_NEGATIVE: &str = "ERR timeout is negative";

// sorted sets

/// ZADD with both NX and XX.
pub const ZSET_NX_XX: &str = "ERR XX and NX options at the same time are not compatible";
/// ZADD with GT and LT, or either with NX.
pub const ZSET_GT_LT_NX: &str = "ERR GT, LT, and/or NX options at the same time are not compatible";
/// ZADD INCR with more than one score/member pair.
pub const ZSET_INCR_PAIR: &str = "ERR INCR option supports a single increment-element pair";
/// ZADD INCR or ZINCRBY giving NaN (inf + -inf).
pub const ZSET_NAN: &str = "ERR resulting score is not a number (NaN)";
/// A score range bound that is not a float (`zslParseRange`).
pub const ZSET_MINMAX_FLOAT: &str = "ERR min or max is not a float";
/// A lex range bound that does not start with `(`, `[`, or is not `-`/`+` (`zslParseLexRange`).
pub const ZSET_MINMAX_LEX: &str = "ERR min or max not valid string range item";
/// ZRANGE LIMIT without BYSCORE or BYLEX.
pub const ZSET_LIMIT_RANK: &str =
    "ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX";
/// ZRANGE BYLEX WITHSCORES.
pub const ZSET_WITHSCORES_LEX: &str =
    "ERR syntax error, WITHSCORES not supported in combination with BYLEX";
/// ZPOPMIN/ZPOPMAX with a negative count (`getPositiveLongFromObjectOrReply`).
pub const ZSET_NOT_POSITIVE: &str = "ERR value is out of range, must be positive";
/// ZMPOP/BZMPOP with a `numkeys` that is not a positive integer.
pub const ZSET_NUMKEYS: &str = "ERR numkeys should be greater than 0";
/// ZMPOP/BZMPOP with a COUNT that is not a positive integer.
pub const ZSET_COUNT: &str = "ERR count should be greater than 0";
/// ZUNIONSTORE and friends with a weight that is not a float.
pub const ZSET_WEIGHT_NOT_FLOAT: &str = "ERR weight value is not a float";
/// ZINTERCARD with a LIMIT that is negative or not an integer.
pub const ZSET_LIMIT_NEGATIVE: &str = "ERR LIMIT can't be negative";
/// ZRANDMEMBER with a count of -9223372036854775808.
pub const ZSET_RANDMEMBER_COUNT_RANGE: &str =
    "ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807";
/// ZRANDMEMBER WITHSCORES with a count whose pairs would overflow the reply length.
pub const ZSET_VALUE_OUT_OF_RANGE: &str = "ERR value is out of range";

/// `ERR at least 1 input key is needed for '<cmd>' command` (ZUNIONSTORE and friends).
pub fn zset_no_input_keys(cmd: &str) -> String {
    format!("ERR at least 1 input key is needed for '{cmd}' command")
}
