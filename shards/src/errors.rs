//! Error replies, byte for byte as Redis 7.0 sends them (without the leading `-` and the
//! trailing CRLF, which [`crate::reply::Reply::error`] adds). One place, so a text is spelled once.

/// A generic syntax error in the arguments.
pub const SYNTAX: &str = "ERR syntax error";
/// A key holds a value of another type than the command works on.
pub const WRONGTYPE: &str = "WRONGTYPE Operation against a key holding the wrong kind of value";
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
pub const STRING_TOO_LONG: &str = "ERR string exceeds maximum allowed size (proto_max_bulk_len)";
/// An offset argument out of range (SETRANGE).
pub const OFFSET_RANGE: &str = "ERR offset is out of range";
/// A SCAN cursor that is not an unsigned integer.
pub const INVALID_CURSOR: &str = "ERR invalid cursor";
/// INCRBYFLOAT producing NaN or infinity.
pub const INCR_NAN: &str = "ERR increment would produce NaN or Infinity";

/// `ERR invalid expire time in '<cmd>' command`, as Redis formats it.
pub fn invalid_expire(cmd: &str) -> String {
    format!("ERR invalid expire time in '{cmd}' command")
}
