//! `cjson`: Lua CJSON 2.1.0 as Redis bundles it (`lua_cjson.c`, `strbuf.c`, `fpconv.c`).
//!
//! Encoding: numbers with `%.14g` (`encode_number_precision`), NaN and infinities refused
//! unless `encode_invalid_numbers`; strings escaped with CJSON's table (`\/`, `\u007f`, control
//! characters, bytes >= 0x80 as they are); a table is an array when all its keys are positive
//! integers (holes become `null`, too sparse arrays are refused or turned into objects per
//! `encode_sparse_array`), else an object with number or string keys; `nil` and `cjson.null`
//! (the NULL light userdata) are `null`; other types are refused. Nesting past
//! `encode_max_depth` (1000) is refused.
//!
//! Decoding: the input read as a C string (a NUL ends it), numbers read as glibc's `strtod`
//! reads them (so, as `decode_invalid_numbers` allows by default, also hex, `inf`, `nan` with
//! its payload and a leading `+`),
//! `\uXXXX` escapes (surrogate pairs joined) to UTF-8, `null` to `cjson.null`, nesting past
//! `decode_max_depth` (1000) refused. Errors name the token found and its position.

use super::{
    c_f64_to_i32, error, format_g, functions_table, lib_function, next_function, stack_full,
    type_name, Args, LibResult, ValueStack,
};
use mlua::{Function, Lua, MultiValue, Table, Value};
use std::cell::Cell;
use std::rc::Rc;

mod decode;
mod strtod;

use decode::decode;

/// The settings of one `cjson` table (`cjson.new()` makes another).
#[derive(Clone, Copy)]
struct Config {
    sparse_convert: i32,
    sparse_ratio: i32,
    sparse_safe: i32,
    encode_max_depth: i32,
    decode_max_depth: i32,
    /// 0 refuse, 1 encode (`nan`, `inf`), 2 encode as `null`.
    encode_invalid_numbers: i32,
    decode_invalid_numbers: i32,
    encode_keep_buffer: i32,
    encode_number_precision: i32,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            sparse_convert: 0,
            sparse_ratio: 2,
            sparse_safe: 10,
            encode_max_depth: 1000,
            decode_max_depth: 1000,
            encode_invalid_numbers: 0,
            decode_invalid_numbers: 1,
            encode_keep_buffer: 1,
            encode_number_precision: 14,
        }
    }
}

/// What the functions of one `cjson` table share: the settings, and `next`.
struct State {
    cfg: Cell<Config>,
    next: Function,
}

type Shared = Rc<State>;

pub(crate) fn module(lua: &Lua) -> mlua::Result<Table> {
    let cfg: Shared = Rc::new(State {
        cfg: Cell::new(Config::default()),
        next: next_function(lua)?,
    });
    let with = |f: fn(&Lua, &Shared, Args<'_>) -> LibResult<MultiValue>| {
        let cfg = cfg.clone();
        lib_function(lua, move |lua, args| f(lua, &cfg, args))
    };
    let t = functions_table(
        lua,
        vec![
            ("encode", with(encode)?),
            ("decode", with(decode)?),
            ("encode_sparse_array", with(cfg_encode_sparse_array)?),
            ("encode_max_depth", with(cfg_encode_max_depth)?),
            ("decode_max_depth", with(cfg_decode_max_depth)?),
            (
                "encode_number_precision",
                with(cfg_encode_number_precision)?,
            ),
            ("encode_keep_buffer", with(cfg_encode_keep_buffer)?),
            ("encode_invalid_numbers", with(cfg_encode_invalid_numbers)?),
            ("decode_invalid_numbers", with(cfg_decode_invalid_numbers)?),
            (
                "new",
                with(|lua, _, _| Ok(one(Value::Table(module(lua)?))))?,
            ),
        ],
    )?;
    t.raw_set("null", Value::NULL)?;
    t.raw_set("_NAME", "cjson")?;
    t.raw_set("_VERSION", "2.1.0")?;
    Ok(t)
}

fn one(v: Value) -> MultiValue {
    MultiValue::from_vec(vec![v])
}

// ----------------------------------------------------------------------------------------
// Configuration

/// Runs a configuration function on a copy of the settings and keeps what it changed, also
/// when it fails part way (the C code sets each option as it goes).
fn configure(
    cfg: &Shared,
    args: &Args<'_>,
    nargs: usize,
    f: impl FnOnce(&mut Config) -> LibResult<Vec<Value>>,
) -> LibResult<MultiValue> {
    if args.len() > nargs {
        return args.arg_error(nargs as i32 + 1, b"found too many arguments");
    }
    let mut c = cfg.cfg.get();
    let result = f(&mut c);
    cfg.cfg.set(c);
    result.map(MultiValue::from_vec)
}

/// `json_integer_option`: sets `setting` from argument `i` unless nil, within min..=max.
fn integer_option(
    args: &Args<'_>,
    i: usize,
    setting: &mut i32,
    min: i32,
    max: i32,
) -> LibResult<Value> {
    if !args.is_none_or_nil(i) {
        let value = args.check_integer(i)? as i32;
        if !(min <= value && value <= max) {
            let msg = format!("expected integer between {min} and {max}");
            return args.arg_error(1, msg.as_bytes());
        }
        *setting = value;
    }
    Ok(Value::Number(*setting as f64))
}

/// `json_enum_option`: a boolean or one of `options` (default "off"/"on"); answers a boolean
/// for the off and on values, else the option's name.
fn enum_option(
    args: &Args<'_>,
    i: usize,
    setting: &mut i32,
    options: Option<&[&str]>,
) -> LibResult<Value> {
    let options = options.unwrap_or(&["off", "on"]);
    match args.get(i) {
        None | Some(Value::Nil) => {}
        Some(Value::Boolean(b)) => *setting = *b as i32,
        Some(_) => *setting = args.check_option(i, options)? as i32,
    }
    if *setting == 0 || *setting == 1 {
        Ok(Value::Boolean(*setting != 0))
    } else {
        Ok(Value::String(
            args.lua.create_string(options[*setting as usize])?,
        ))
    }
}

fn cfg_encode_sparse_array(_: &Lua, cfg: &Shared, args: Args<'_>) -> LibResult<MultiValue> {
    configure(cfg, &args, 3, |c| {
        Ok(vec![
            enum_option(&args, 1, &mut c.sparse_convert, None)?,
            integer_option(&args, 2, &mut c.sparse_ratio, 0, i32::MAX)?,
            integer_option(&args, 3, &mut c.sparse_safe, 0, i32::MAX)?,
        ])
    })
}

fn cfg_encode_max_depth(_: &Lua, cfg: &Shared, args: Args<'_>) -> LibResult<MultiValue> {
    configure(cfg, &args, 1, |c| {
        Ok(vec![integer_option(
            &args,
            1,
            &mut c.encode_max_depth,
            1,
            i32::MAX,
        )?])
    })
}

fn cfg_decode_max_depth(_: &Lua, cfg: &Shared, args: Args<'_>) -> LibResult<MultiValue> {
    configure(cfg, &args, 1, |c| {
        Ok(vec![integer_option(
            &args,
            1,
            &mut c.decode_max_depth,
            1,
            i32::MAX,
        )?])
    })
}

fn cfg_encode_number_precision(_: &Lua, cfg: &Shared, args: Args<'_>) -> LibResult<MultiValue> {
    configure(cfg, &args, 1, |c| {
        Ok(vec![integer_option(
            &args,
            1,
            &mut c.encode_number_precision,
            1,
            14,
        )?])
    })
}

fn cfg_encode_keep_buffer(_: &Lua, cfg: &Shared, args: Args<'_>) -> LibResult<MultiValue> {
    configure(cfg, &args, 1, |c| {
        Ok(vec![enum_option(
            &args,
            1,
            &mut c.encode_keep_buffer,
            None,
        )?])
    })
}

fn cfg_encode_invalid_numbers(_: &Lua, cfg: &Shared, args: Args<'_>) -> LibResult<MultiValue> {
    configure(cfg, &args, 1, |c| {
        let options: &[&str] = &["off", "on", "null"];
        Ok(vec![enum_option(
            &args,
            1,
            &mut c.encode_invalid_numbers,
            Some(options),
        )?])
    })
}

fn cfg_decode_invalid_numbers(_: &Lua, cfg: &Shared, args: Args<'_>) -> LibResult<MultiValue> {
    configure(cfg, &args, 1, |c| {
        Ok(vec![enum_option(
            &args,
            1,
            &mut c.decode_invalid_numbers,
            None,
        )?])
    })
}

// ----------------------------------------------------------------------------------------
// Encoding

/// `cjson.encode(value)`.
fn encode(lua: &Lua, cfg: &Shared, args: Args<'_>) -> LibResult<MultiValue> {
    if args.len() != 1 {
        return args.arg_error(1, b"expected 1 argument");
    }
    let json = Encoder {
        lua,
        cfg: cfg.cfg.get(),
        next: &cfg.next,
        out: Vec::new(),
    }
    .run(&args.vals[0])?;
    Ok(one(Value::String(lua.create_string(&json)?)))
}

/// A table being written (the table, and an object's current key, are on the value stack).
enum Frame {
    /// The next index to write (1-based) and the length.
    Array { next: i64, len: i64 },
    /// Whether a pair was written.
    Object { started: bool },
}

impl Frame {
    /// Its values on the value stack; also the slots the C code holds on the Lua stack for
    /// the table while it writes an item (the item, or the key and the item).
    fn slots(&self) -> usize {
        match self {
            Frame::Array { .. } => 1,
            Frame::Object { .. } => 2,
        }
    }
}

struct Encoder<'a> {
    lua: &'a Lua,
    cfg: Config,
    next: &'a Function,
    out: Vec<u8>,
}

impl Encoder<'_> {
    /// `json_append_data` over the value, tables walked with an explicit stack.
    fn run(mut self, value: &Value) -> LibResult<Vec<u8>> {
        let mut open: Vec<Frame> = Vec::new();
        let mut values = ValueStack::new();
        // The C function's stack: its argument plus the slots of the open tables.
        let mut top = 1;
        let mut cur = value.clone();
        loop {
            match &cur {
                Value::Table(t) => {
                    let depth = open.len() + 1;
                    if depth > self.cfg.encode_max_depth as usize || stack_full(top, 3) {
                        return error(format!("Cannot serialise, excessive nesting ({depth})"));
                    }
                    let frame = self.table_frame(t)?;
                    values.push(self.lua, cur.clone())?;
                    match frame {
                        Frame::Array { .. } => self.out.push(b'['),
                        Frame::Object { .. } => {
                            self.out.push(b'{');
                            values.push(self.lua, Value::Nil)?;
                        }
                    }
                    top += frame.slots();
                    open.push(frame);
                }
                other => self.scalar(other)?,
            }
            // The next item to write, closing the tables done.
            loop {
                let Some(frame) = open.last_mut() else {
                    return Ok(self.out);
                };
                match frame {
                    Frame::Array { next, len } if *next <= *len => {
                        if *next > 1 {
                            self.out.push(b',');
                        }
                        let i = *next;
                        cur = values.with(0, |t| match t {
                            Value::Table(t) => t.raw_get(i),
                            _ => Ok(Value::Nil),
                        })??;
                        *next += 1;
                        break;
                    }
                    Frame::Array { .. } => self.out.push(b']'),
                    Frame::Object { started } => {
                        let t = values.with(1, Value::clone)?;
                        let key = values.with(0, Value::clone)?;
                        let (key, item): (Value, Value) = self.next.call((t, key))?;
                        if key != Value::Nil {
                            if *started {
                                self.out.push(b',');
                            }
                            *started = true;
                            self.key(&key)?;
                            values.set(0, key)?;
                            cur = item;
                            break;
                        }
                        self.out.push(b'}');
                    }
                }
                if let Some(done) = open.pop() {
                    for _ in 0..done.slots() {
                        values.pop()?;
                    }
                    top -= done.slots();
                }
            }
        }
    }

    /// `lua_array_length`: an array when every key is an integer >= 1 (its length the largest
    /// key), unless too sparse; else an object.
    fn table_frame(&self, t: &Table) -> LibResult<Frame> {
        let mut max: i32 = 0;
        let mut items: i32 = 0;
        let mut array = true;
        for pair in t.pairs::<Value, Value>() {
            let k = match pair?.0 {
                Value::Integer(i) => i as f64,
                Value::Number(n) => n,
                _ => f64::NAN,
            };
            if k != 0.0 && k.floor() == k && k >= 1.0 {
                if k > max as f64 {
                    max = c_f64_to_i32(k);
                }
                items = items.wrapping_add(1);
            } else {
                array = false;
                break;
            }
        }
        let c = &self.cfg;
        if array
            && c.sparse_ratio > 0
            && max > items.wrapping_mul(c.sparse_ratio)
            && max > c.sparse_safe
        {
            if c.sparse_convert == 0 {
                return error("Cannot serialise table: excessively sparse array");
            }
            array = false;
        }
        if array && max > 0 {
            Ok(Frame::Array {
                next: 1,
                len: max as i64,
            })
        } else {
            Ok(Frame::Object { started: false })
        }
    }

    /// A value other than a table.
    fn scalar(&mut self, v: &Value) -> LibResult<()> {
        match v {
            Value::String(s) => self.string(&s.as_bytes()),
            Value::Integer(i) => self.number(*i as f64)?,
            Value::Number(n) => self.number(*n)?,
            Value::Boolean(true) => self.out.extend_from_slice(b"true"),
            Value::Boolean(false) => self.out.extend_from_slice(b"false"),
            Value::Nil => self.out.extend_from_slice(b"null"),
            Value::LightUserData(p) if p.0.is_null() => self.out.extend_from_slice(b"null"),
            other => {
                return error(format!(
                    "Cannot serialise {}: type not supported",
                    type_name(Some(other))
                ))
            }
        }
        Ok(())
    }

    /// An object key and its colon.
    fn key(&mut self, k: &Value) -> LibResult<()> {
        match k {
            Value::Integer(_) | Value::Number(_) => {
                let n = match k {
                    Value::Integer(i) => *i as f64,
                    Value::Number(n) => *n,
                    _ => 0.0,
                };
                self.out.push(b'"');
                self.number(n)?;
                self.out.extend_from_slice(b"\":");
            }
            Value::String(s) => {
                self.string(&s.as_bytes());
                self.out.push(b':');
            }
            other => {
                return error(format!(
                    "Cannot serialise {}: table key must be a number or string",
                    type_name(Some(other))
                ))
            }
        }
        Ok(())
    }

    /// `json_append_number`.
    fn number(&mut self, n: f64) -> LibResult<()> {
        let invalid = n.is_nan() || n.is_infinite();
        match self.cfg.encode_invalid_numbers {
            0 if invalid => return error("Cannot serialise number: must not be NaN or Inf"),
            0 => {}
            1 if n.is_nan() => {
                self.out.extend_from_slice(b"nan");
                return Ok(());
            }
            1 => {}
            _ if invalid => {
                self.out.extend_from_slice(b"null");
                return Ok(());
            }
            _ => {}
        }
        let text = format_g(n, self.cfg.encode_number_precision as usize);
        self.out.extend_from_slice(text.as_bytes());
        Ok(())
    }

    /// `json_append_string`: quoted, with CJSON's escapes.
    fn string(&mut self, s: &[u8]) {
        self.out.reserve(s.len() + 2);
        self.out.push(b'"');
        for &b in s {
            match b {
                b'"' => self.out.extend_from_slice(b"\\\""),
                b'\\' => self.out.extend_from_slice(b"\\\\"),
                b'/' => self.out.extend_from_slice(b"\\/"),
                b'\x08' => self.out.extend_from_slice(b"\\b"),
                b'\t' => self.out.extend_from_slice(b"\\t"),
                b'\n' => self.out.extend_from_slice(b"\\n"),
                b'\x0c' => self.out.extend_from_slice(b"\\f"),
                b'\r' => self.out.extend_from_slice(b"\\r"),
                0..=0x1f | 0x7f => {
                    let hex = b"0123456789abcdef";
                    self.out.extend_from_slice(b"\\u00");
                    self.out.push(hex[(b >> 4) as usize]);
                    self.out.push(hex[(b & 15) as usize]);
                }
                _ => self.out.push(b),
            }
        }
        self.out.push(b'"');
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::run_cases;
    use super::strtod::strtod;

    #[test]
    fn cjson_matches_redis() {
        run_cases(CASES);
    }

    #[test]
    fn strtod_reads_like_glibc() {
        // Expected values from glibc's strtod.
        let cases: &[(&str, Option<(f64, usize)>)] = &[
            ("1", Some((1.0, 1))),
            ("-1.5e3x", Some((-1500.0, 6))),
            ("1e", Some((1.0, 1))),
            ("1e+", Some((1.0, 1))),
            ("1.", Some((1.0, 2))),
            ("-.5", Some((-0.5, 3))),
            ("-", None),
            ("x", None),
            ("0x10", Some((16.0, 4))),
            ("0x", Some((0.0, 1))),
            ("0x.8", Some((0.5, 4))),
            ("0x1p-1074", Some((5e-324, 9))),
            ("0x1p-1075", Some((0.0, 9))),
            ("0x3p-1076", Some((5e-324, 9))),
            ("0x1.fffffffffffff8p1023", Some((f64::INFINITY, 23))),
            ("0x1.fffffffffffff7p1023", Some((f64::MAX, 23))),
            ("0x1.8p-1074", Some((1e-323, 11))),
            ("0x1p-1076", Some((0.0, 9))),
            (
                "0x.00000000000000000000001p0",
                Some((2.0194839173657902e-28, 28)),
            ),
            (
                "0xfffffffffffffffffffffp0",
                Some((1.9342813113834067e25, 25)),
            ),
            ("0x1P+3", Some((8.0, 6))),
            ("0x1.00000000000008p0", Some((1.0, 20))),
            ("0x1.00000000000018p0", Some((1.0000000000000004, 20))),
            (
                "0x1.000000000000080000000001p0",
                Some((1.0000000000000002, 30)),
            ),
            ("0x1p", Some((1.0, 3))),
            ("Infinity", Some((f64::INFINITY, 8))),
            ("-inFINITx", Some((f64::NEG_INFINITY, 4))),
            ("1e400", Some((f64::INFINITY, 5))),
        ];
        for &(s, want) in cases {
            assert_eq!(strtod(s.as_bytes(), 0), want, "{s}");
        }
        let (nan, end) = strtod(b"-nan(12_ab)z", 0).unwrap();
        assert!(nan.is_nan() && nan.is_sign_negative() && end == 11);
        for (s, bits, len) in [
            ("nan", 0x7ff8000000000000, 3),
            ("-nan", 0xfff8000000000000, 4),
            ("nan(123)", 0x7ff800000000007b, 8),
            ("nan(0x10)", 0x7ff8000000000010, 9),
            ("nan(abc)", 0x7ff8000000000000, 8),
            ("nan(010)", 0x7ff8000000000008, 8),
            ("nan(0x1fffffffffffff)", 0x7fffffffffffffff, 21),
            ("nan(99999999999999999999999)", 0x7fffffffffffffff, 28),
            ("nan(0x)", 0x7ff8000000000000, 7),
            ("-nan(5)", 0xfff8000000000005, 7),
            ("NAN(7", 0x7ff8000000000000, 3),
        ] {
            let (x, end) = strtod(s.as_bytes(), 0).unwrap();
            assert_eq!((x.to_bits(), end), (bits, len), "{s}");
        }
    }

    // BEGIN GENERATED CASES (redis-server 7.0.15)
    const CASES: &[(&str, &[u8])] = &[
        (r#"return cjson.encode({1, 2, {a = 1}})"#, b"[1,2,{\"a\":1}]"),
        (r#"return cjson.encode(1) .. " " .. cjson.encode(-1) .. " " .. cjson.encode(0.1) .. " " .. cjson.encode(1/3) .. " " .. cjson.encode(1e14) .. " " .. cjson.encode(123456789012345) .. " " .. cjson.encode(99999999999999) .. " " .. cjson.encode(-0.0)"#, b"1 -1 0.1 0.33333333333333 1e+14 1.2345678901234e+14 99999999999999 -0"),
        (r#"return cjson.encode(1e300) .. " " .. cjson.encode(1e-5) .. " " .. cjson.encode(0.0001) .. " " .. cjson.encode(2^53) .. " " .. cjson.encode(5e-324) .. " " .. cjson.encode(-123.456) .. " " .. cjson.encode(100)"#, b"1e+300 1e-05 0.0001 9.007199254741e+15 4.9406564584125e-324 -123.456 100"),
        (r#"return cjson.encode("") .. " " .. cjson.encode("abc") .. " " .. cjson.encode("a/b\\c\"d") .. " " .. cjson.encode("\b\f\n\r\t") .. " " .. cjson.encode("\0\1\31\127") .. " " .. cjson.encode("caf\195\169 \255")"#, b"\"\" \"abc\" \"a\\/b\\\\c\\\"d\" \"\\b\\f\\n\\r\\t\" \"\\u0000\\u0001\\u001f\\u007f\" \"caf\xc3\xa9 \xff\""),
        (r#"return cjson.encode(true) .. " " .. cjson.encode(false) .. " " .. cjson.encode(nil) .. " " .. cjson.encode(cjson.null) .. " " .. cjson.encode({cjson.null, 1})"#, b"true false null null [null,1]"),
        (r#"return cjson.encode({}) .. " " .. cjson.encode({{}, {{}}}) .. " " .. cjson.encode({a = {}}) .. " " .. cjson.encode({[1] = 1, [2] = 2}) .. " " .. cjson.encode({[2] = 2}) .. " " .. cjson.encode({nil, nil, 3})"#, b"{} [{},[{}]] {\"a\":{}} [1,2] [null,2] [null,null,3]"),
        (r#"return cjson.encode({[1] = "a", x = "b"}) .. " " .. cjson.encode({[0] = 1}) .. " " .. cjson.encode({[-1] = 1}) .. " " .. cjson.encode({[1.5] = 1}) .. " " .. cjson.encode({[1e10] = 1})"#, b"{\"1\":\"a\",\"x\":\"b\"} {\"0\":1} {\"-1\":1} {\"1.5\":1} {\"10000000000\":1}"),
        (r#"return P(function() return cjson.encode({[11] = 1}) end)"#, b"2:false \"user_script:1: Cannot serialise table: excessively sparse array\""),
        (r#"return cjson.encode({[10] = 1}) .. " " .. cjson.encode({1, 2, 3, 4, 5, [11] = 1}) .. " " .. cjson.encode({[3] = 1, [4] = 2})"#, b"[null,null,null,null,null,null,null,null,null,1] [1,2,3,4,5,null,null,null,null,null,1] [null,null,1,2]"),
        (r#"return P(function() return cjson.encode({[12] = 1}) end)"#, b"2:false \"user_script:1: Cannot serialise table: excessively sparse array\""),
        (r#"return P(function() return cjson.encode({a = {[20] = 1}}) end)"#, b"2:false \"user_script:1: Cannot serialise table: excessively sparse array\""),
        (r#"return P(function() return cjson.encode(function() end) end)"#, b"2:false \"user_script:1: Cannot serialise function: type not supported\""),
        (r#"return P(function() return cjson.encode({1, tostring}) end)"#, b"2:false \"user_script:1: Cannot serialise function: type not supported\""),
        (r#"return P(function() return cjson.encode(coroutine.create(function() end)) end)"#, b"2:false \"user_script:1: Cannot serialise thread: type not supported\""),
        (r#"return P(function() return cjson.encode({x = coroutine.create(function() end)}) end)"#, b"2:false \"user_script:1: Cannot serialise thread: type not supported\""),
        (r#"return P(function() return cjson.encode({[true] = 1}) end)"#, b"2:false \"user_script:1: Cannot serialise boolean: table key must be a number or string\""),
        (r#"return P(function() return cjson.encode({[{}] = 1}) end)"#, b"2:false \"user_script:1: Cannot serialise table: table key must be a number or string\""),
        (r#"return P(function() return cjson.encode({[tostring] = 1}) end)"#, b"2:false \"user_script:1: Cannot serialise function: table key must be a number or string\""),
        (r#"return P(function() return cjson.encode(0/0) end)"#, b"2:false \"user_script:1: Cannot serialise number: must not be NaN or Inf\""),
        (r#"return P(function() return cjson.encode(1/0) end)"#, b"2:false \"user_script:1: Cannot serialise number: must not be NaN or Inf\""),
        (r#"return P(function() return cjson.encode({-1/0}) end)"#, b"2:false \"user_script:1: Cannot serialise number: must not be NaN or Inf\""),
        (r#"return P(function() return cjson.encode({[1/0] = 1}) end)"#, b"2:false \"user_script:1: Cannot serialise number: must not be NaN or Inf\""),
        (r#"return P(function() return cjson.encode() end)"#, b"2:false \"user_script:1: bad argument #1 to 'encode' (expected 1 argument)\""),
        (r#"return P(function() return cjson.encode(1, 2) end)"#, b"2:false \"user_script:1: bad argument #1 to 'encode' (expected 1 argument)\""),
        (r#"return P(cjson.encode)"#, b"2:false \"bad argument #1 to '?' (expected 1 argument)\""),
        (r#"return P(function() local t = {} t[1] = t return cjson.encode(t) end)"#, b"2:false \"user_script:1: Cannot serialise, excessive nesting (1001)\""),
        (r#"return P(function() local t = {} t.a = t return cjson.encode(t) end)"#, b"2:false \"user_script:1: Cannot serialise, excessive nesting (1001)\""),
        (r#"return P(function() local t = {} local c = t for i = 1, 999 do c[1] = {} c = c[1] end return #cjson.encode(t) end)"#, b"2:true 2000"),
        (r#"return P(function() local t = {} local c = t for i = 1, 1000 do c[1] = {} c = c[1] end return #cjson.encode(t) end)"#, b"2:false \"user_script:1: Cannot serialise, excessive nesting (1001)\""),
        (r#"return P(function() local t = {} local c = t for i = 1, 999 do c.a = {} c = c.a end return #cjson.encode(t) end)"#, b"2:true 5996"),
        (r#"return P(function() local t = {} local c = t for i = 1, 1000 do c.a = {} c = c.a end return #cjson.encode(t) end)"#, b"2:false \"user_script:1: Cannot serialise, excessive nesting (1001)\""),
        (r#"return P(function() local old = cjson.encode_max_depth(2) local r = {pcall(cjson.encode, {{1}})} local r2 = {pcall(cjson.encode, {{{1}}})} cjson.encode_max_depth(old) return S(unpack(r)) .. " " .. S(unpack(r2)) end)"#, b"2:true \"2:true \\\"[[1]]\\\" 2:false \\\"Cannot serialise, excessive nesting (3)\\\"\""),
        (r#"return P(function() cjson.encode_max_depth(100000) local t = {} local c = t for i = 1, 10000 do c[1] = {} c = c[1] end local r = S(pcall(cjson.encode, t)) cjson.encode_max_depth(1000) return r end)"#, b"2:true \"2:false \\\"Cannot serialise, excessive nesting (7998)\\\"\""),
        (r#"return P(function() cjson.encode_max_depth(100000) local t = {} local c = t for i = 1, 10000 do c.a = {} c = c.a end local r = S(pcall(cjson.encode, t)) cjson.encode_max_depth(1000) return r end)"#, b"2:true \"2:false \\\"Cannot serialise, excessive nesting (4000)\\\"\""),
        (r#"return P(function() cjson.encode_max_depth(100000) local t = {} local c = t for i = 1, 7996 do c[1] = {} c = c[1] end local r = S(pcall(function() return #cjson.encode(t) end)) cjson.encode_max_depth(1000) return r end)"#, b"2:true \"2:true 15994\""),
        (r#"return P(function() cjson.encode_max_depth(100000) local t = {} local c = t for i = 1, 7997 do c[1] = {} c = c[1] end local r = S(pcall(function() return #cjson.encode(t) end)) cjson.encode_max_depth(1000) return r end)"#, b"2:true \"2:false \\\"user_script:1: Cannot serialise, excessive nesting (7998)\\\"\""),
        (r#"return P(function() cjson.encode_max_depth(100000) local t = {} local c = t for i = 1, 3998 do c.a = {} c = c.a end local r = S(pcall(function() return #cjson.encode(t) end)) cjson.encode_max_depth(1000) return r end)"#, b"2:true \"2:true 23990\""),
        (r#"return P(function() cjson.encode_max_depth(100000) local t = {} local c = t for i = 1, 3999 do c.a = {} c = c.a end local r = S(pcall(function() return #cjson.encode(t) end)) cjson.encode_max_depth(1000) return r end)"#, b"2:true \"2:false \\\"user_script:1: Cannot serialise, excessive nesting (4000)\\\"\""),
        (r#"return S(cjson.encode_sparse_array()) .. " " .. S(cjson.encode_max_depth()) .. " " .. S(cjson.decode_max_depth()) .. " " .. S(cjson.encode_number_precision()) .. " " .. S(cjson.encode_keep_buffer()) .. " " .. S(cjson.encode_invalid_numbers()) .. " " .. S(cjson.decode_invalid_numbers())"#, b"3:false 2 10 1:1000 1:1000 1:14 1:true 1:false 1:true"),
        (r#"return S(cjson.encode_sparse_array(true)) .. " " .. cjson.encode({[20] = 1}) .. " " .. S(cjson.encode_sparse_array(false, 3, 5)) .. " " .. S(pcall(cjson.encode, {1, [8] = 1})) .. " " .. cjson.encode({1, [6] = 1}) .. " " .. S(cjson.encode_sparse_array("off", 2, 10))"#, b"3:true 2 10 {\"20\":1} 3:false 3 5 2:false \"Cannot serialise table: excessively sparse array\" [1,null,null,null,null,1] 3:false 2 10"),
        (r#"return S(cjson.encode_sparse_array(nil, 0)) .. " " .. cjson.encode({[1000] = 1}) .. " " .. S(cjson.encode_sparse_array("on", 1, 0)) .. " " .. cjson.encode({1, 2, [4] = 4}) .. " " .. cjson.encode({1, 2, 3}) .. " " .. S(cjson.encode_sparse_array(false, 2, 10))"#, b"3:false 0 10 [null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,1] 3:true 1 0 {\"1\":1,\"2\":2,\"4\":4} [1,2,3] 3:false 2 10"),
        (r#"return P(function() return cjson.encode_sparse_array(1) end)"#, b"2:false \"user_script:1: bad argument #1 to 'encode_sparse_array' (invalid option '1')\""),
        (r#"return P(function() return cjson.encode_sparse_array("yes") end)"#, b"2:false \"user_script:1: bad argument #1 to 'encode_sparse_array' (invalid option 'yes')\""),
        (r#"return P(function() return cjson.encode_sparse_array(nil, -1) end)"#, b"2:false \"user_script:1: bad argument #1 to 'encode_sparse_array' (expected integer between 0 and 2147483647)\""),
        (r#"return P(function() return cjson.encode_sparse_array(nil, nil, "x") end)"#, b"2:false \"user_script:1: bad argument #3 to 'encode_sparse_array' (number expected, got string)\""),
        (r#"return P(function() return cjson.encode_sparse_array(nil, nil, nil, nil) end)"#, b"2:false \"user_script:1: bad argument #4 to 'encode_sparse_array' (found too many arguments)\""),
        (r#"return P(function() local a = {pcall(cjson.encode_sparse_array, true, -5)} local b = {cjson.encode_sparse_array()} cjson.encode_sparse_array(false) return S(unpack(a)) .. " " .. S(unpack(b)) end)"#, b"2:true \"2:false \\\"bad argument #1 to '?' (expected integer between 0 and 2147483647)\\\" 3:true 2 10\""),
        (r#"return S(cjson.encode_number_precision(3)) .. " " .. cjson.encode({1/3, 1234567, 0.5, 100, 1e-10}) .. " " .. S(cjson.encode_number_precision(1)) .. " " .. cjson.encode({1/3, 15, 2.5, 3.5}) .. " " .. S(cjson.encode_number_precision(14))"#, b"1:3 [0.333,1.23e+06,0.5,100,1e-10] 1:1 [0.3,2e+01,2,4] 1:14"),
        (r#"return P(function() return cjson.encode_number_precision(0) end)"#, b"2:false \"user_script:1: bad argument #1 to 'encode_number_precision' (expected integer between 1 and 14)\""),
        (r#"return P(function() return cjson.encode_number_precision(15) end)"#, b"2:false \"user_script:1: bad argument #1 to 'encode_number_precision' (expected integer between 1 and 14)\""),
        (r#"return P(function() return cjson.encode_number_precision("5") end)"#, b"2:true 5"),
        (r#"return P(function() return cjson.encode_number_precision("x") end)"#, b"2:false \"user_script:1: bad argument #1 to 'encode_number_precision' (number expected, got string)\""),
        (r#"return P(function() return cjson.encode_number_precision(2^32 + 5) end)"#, b"2:true 5"),
        (r#"return S(cjson.encode_number_precision(5.9)) .. " " .. S(cjson.encode_number_precision(14))"#, b"1:5 1:14"),
        (r#"return P(function() return cjson.encode_max_depth(0) end)"#, b"2:false \"user_script:1: bad argument #1 to 'encode_max_depth' (expected integer between 1 and 2147483647)\""),
        (r#"return P(function() return cjson.encode_max_depth(-1) end)"#, b"2:false \"user_script:1: bad argument #1 to 'encode_max_depth' (expected integer between 1 and 2147483647)\""),
        (r#"return P(function() return cjson.decode_max_depth(0) end)"#, b"2:false \"user_script:1: bad argument #1 to 'decode_max_depth' (expected integer between 1 and 2147483647)\""),
        (r#"return P(function() return cjson.decode_max_depth(true) end)"#, b"2:false \"user_script:1: bad argument #1 to 'decode_max_depth' (number expected, got boolean)\""),
        (r#"return P(function() return cjson.encode_max_depth(1, 2) end)"#, b"2:false \"user_script:1: bad argument #2 to 'encode_max_depth' (found too many arguments)\""),
        (r#"return S(cjson.encode_max_depth(2^31 - 1)) .. " " .. S(cjson.encode_max_depth(1000))"#, b"1:2147483647 1:1000"),
        (r#"return S(cjson.encode_invalid_numbers(true)) .. " " .. cjson.encode({0/0, -(0/0), 1/0, -1/0, [1/0] = 1}) .. " " .. S(cjson.encode_invalid_numbers("null")) .. " " .. cjson.encode({0/0, 1/0, -1/0}) .. " " .. cjson.encode({[1/0] = 1}) .. " " .. S(cjson.encode_invalid_numbers("off"))"#, b"1:true {\"1\":nan,\"2\":nan,\"3\":inf,\"4\":-inf,\"inf\":1} 1:\"null\" [null,null,null] {\"null\":1} 1:false"),
        (r#"return S(cjson.encode_invalid_numbers("on")) .. " " .. S(cjson.encode_invalid_numbers(false)) .. " " .. S(cjson.encode_invalid_numbers("null")) .. " " .. S(cjson.encode_invalid_numbers(nil)) .. " " .. S(cjson.encode_invalid_numbers(false))"#, b"1:true 1:false 1:\"null\" 1:\"null\" 1:false"),
        (r#"return P(function() return cjson.encode_invalid_numbers("maybe") end)"#, b"2:false \"user_script:1: bad argument #1 to 'encode_invalid_numbers' (invalid option 'maybe')\""),
        (r#"return P(function() return cjson.encode_invalid_numbers(2) end)"#, b"2:false \"user_script:1: bad argument #1 to 'encode_invalid_numbers' (invalid option '2')\""),
        (r#"return P(function() return cjson.encode_invalid_numbers({}) end)"#, b"2:false \"user_script:1: bad argument #1 to 'encode_invalid_numbers' (string expected, got table)\""),
        (r#"return P(function() return cjson.encode_keep_buffer("x") end)"#, b"2:false \"user_script:1: bad argument #1 to 'encode_keep_buffer' (invalid option 'x')\""),
        (r#"return S(cjson.encode_keep_buffer(false)) .. " " .. cjson.encode({1, "a"}) .. " " .. S(cjson.encode_keep_buffer("on")) .. " " .. S(cjson.encode_keep_buffer())"#, b"1:false [1,\"a\"] 1:true 1:true"),
        (r#"return S(cjson.decode_invalid_numbers(false)) .. " " .. S(pcall(cjson.decode, "nan")) .. " " .. S(pcall(cjson.decode, "0x10")) .. " " .. S(pcall(cjson.decode, "-inf")) .. " " .. S(pcall(cjson.decode, "+1")) .. " " .. S(pcall(cjson.decode, "01")) .. " " .. S(pcall(cjson.decode, "-01")) .. " " .. S(pcall(cjson.decode, "-0.5")) .. " " .. S(pcall(cjson.decode, "Infinity")) .. " " .. S(cjson.decode_invalid_numbers(true))"#, b"1:false 2:false \"Expected value but found invalid token at character 1\" 2:false \"Expected value but found invalid number at character 1\" 2:false \"Expected value but found invalid number at character 1\" 2:false \"Expected value but found invalid token at character 1\" 2:false \"Expected value but found invalid number at character 1\" 2:false \"Expected value but found invalid number at character 1\" 2:true -0.5 2:false \"Expected value but found invalid token at character 1\" 1:true"),
        (r#"return S(cjson.decode("1")) .. " " .. S(cjson.decode("-1.5e3")) .. " " .. S(cjson.decode("0")) .. " " .. S(cjson.decode("-0")) .. " " .. S(cjson.decode("1E2")) .. " " .. S(cjson.decode("1e-2")) .. " " .. S(cjson.decode("123456789012345678901234567890")) .. " " .. S(cjson.decode("1e400")) .. " " .. S(cjson.decode("1e-400"))"#, b"1:1 1:-1500 1:0 1:-0 1:100 1:0.01 1:1.2345678901234568e+29 1:inf 1:0"),
        (r#"return S(cjson.decode("0x10")) .. " " .. S(cjson.decode("-0x1p3")) .. " " .. S(cjson.decode("0x1.8")) .. " " .. S(cjson.decode("inf")) .. " " .. S(cjson.decode("-Infinity")) .. " " .. S(cjson.decode("+5")) .. " " .. S(cjson.decode("007")) .. " " .. S(cjson.decode("1.")) .. " " .. S(cjson.decode("-.5")) .. " " .. S(cjson.decode("INF"))"#, b"1:16 1:-8 1:1.5 1:inf 1:-inf 1:5 1:7 1:1 1:-0.5 1:inf"),
        (r#"return tostring(cjson.decode("nan")) .. " " .. tostring(cjson.decode("-nan")) .. " " .. tostring(cjson.decode("NaN")) .. " " .. tostring(cjson.decode("nan(123)")) .. " " .. tostring(cjson.decode("0X1P-2"))"#, b"nan -nan nan nan 0.25"),
        (r#"return S(cjson.decode('"abc"')) .. " " .. S(cjson.decode('"a\\"b\\\\c\\/d\\b\\f\\n\\r\\t"')) .. " " .. S(cjson.decode('"\\u0041\\u00e9\\u20ac\\ud83d\\ude00"')) .. " " .. S(cjson.decode('"\\u0000x"')) .. " " .. S(cjson.decode('"\1\255\127"'))"#, b"1:\"abc\" 1:\"a\\\"b\\\\c/d\x08\x0c\\\n\\r\x09\" 1:\"A\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\" 1:\"\\000x\" 1:\"\x01\xff\x7f\""),
        (r#"return S(cjson.decode("true")) .. " " .. S(cjson.decode("false")) .. " " .. S(cjson.decode("null")) .. " " .. S(cjson.decode("null") == cjson.null) .. " " .. type(cjson.decode("null")) .. " " .. S(cjson.decode(" \t\r\n 5 \n"))"#, b"1:true 1:false 1:null 1:true userdata 1:5"),
        (r#"return S(cjson.decode("[]")) .. " " .. S(cjson.decode("{}")) .. " " .. S(cjson.decode("[1,2,[3,[]],{}]")) .. " " .. S(cjson.decode('{"a":1,"b":{"c":[true,null]},"a":2}')) .. " " .. S(cjson.decode('[null,null,3]')) .. " " .. S(cjson.decode(' { "x" : [ 1 , 2 ] } '))"#, b"1:{} 1:{} 1:{1=1,2=2,3={1=3,2={}},4={}} 1:{\"a\"=2,\"b\"={\"c\"={1=true,2=null}}} 1:{1=null,2=null,3=3} 1:{\"x\"={1=1,2=2}}"),
        (r#"return S(cjson.decode("[1]\0garbage")) .. " " .. S(cjson.decode(5)) .. " " .. S(cjson.decode(1e20)) .. " " .. S(cjson.decode(-0.5))"#, b"1:{1=1} 1:5 1:1e+20 1:-0.5"),
        (r#"return P(function() return cjson.decode("") end)"#, b"2:false \"user_script:1: Expected value but found T_END at character 1\""),
        (r#"return P(function() return cjson.decode("   ") end)"#, b"2:false \"user_script:1: Expected value but found T_END at character 4\""),
        (r#"return P(function() return cjson.decode("]") end)"#, b"2:false \"user_script:1: Expected value but found T_ARR_END at character 1\""),
        (r#"return P(function() return cjson.decode("[1,]") end)"#, b"2:false \"user_script:1: Expected value but found T_ARR_END at character 4\""),
        (r#"return P(function() return cjson.decode("[1 2]") end)"#, b"2:false \"user_script:1: Expected comma or array end but found T_NUMBER at character 4\""),
        (r#"return P(function() return cjson.decode("[1") end)"#, b"2:false \"user_script:1: Expected comma or array end but found T_END at character 3\""),
        (r#"return P(function() return cjson.decode("{1:2}") end)"#, b"2:false \"user_script:1: Expected object key string but found T_NUMBER at character 2\""),
        (r#"return P(function() return cjson.decode('{"a" 1}') end)"#, b"2:false \"user_script:1: Expected colon but found T_NUMBER at character 6\""),
        (r#"return P(function() return cjson.decode('{"a":1,}') end)"#, b"2:false \"user_script:1: Expected object key string but found T_OBJ_END at character 8\""),
        (r#"return P(function() return cjson.decode('{"a":1 "b"}') end)"#, b"2:false \"user_script:1: Expected comma or object end but found T_STRING at character 8\""),
        (r#"return P(function() return cjson.decode('{"a":1') end)"#, b"2:false \"user_script:1: Expected comma or object end but found T_END at character 7\""),
        (r#"return P(function() return cjson.decode('{"a":}') end)"#, b"2:false \"user_script:1: Expected value but found T_OBJ_END at character 6\""),
        (r#"return P(function() return cjson.decode('{"a"') end)"#, b"2:false \"user_script:1: Expected colon but found T_END at character 5\""),
        (r#"return P(function() return cjson.decode('1 2') end)"#, b"2:false \"user_script:1: Expected the end but found T_NUMBER at character 3\""),
        (r#"return P(function() return cjson.decode('[1]]') end)"#, b"2:false \"user_script:1: Expected the end but found T_ARR_END at character 4\""),
        (r#"return P(function() return cjson.decode('x') end)"#, b"2:false \"user_script:1: Expected value but found invalid token at character 1\""),
        (r#"return P(function() return cjson.decode('.5') end)"#, b"2:false \"user_script:1: Expected value but found invalid token at character 1\""),
        (r#"return P(function() return cjson.decode('tru') end)"#, b"2:false \"user_script:1: Expected value but found invalid token at character 1\""),
        (r#"return P(function() return cjson.decode('nul') end)"#, b"2:false \"user_script:1: Expected value but found invalid token at character 1\""),
        (r#"return P(function() return cjson.decode('nana') end)"#, b"2:false \"user_script:1: Expected the end but found invalid token at character 4\""),
        (r#"return P(function() return cjson.decode('truex') end)"#, b"2:false \"user_script:1: Expected the end but found invalid token at character 5\""),
        (r#"return P(function() return cjson.decode('-') end)"#, b"2:false \"user_script:1: Expected value but found invalid number at character 1\""),
        (r#"return P(function() return cjson.decode('-x') end)"#, b"2:false \"user_script:1: Expected value but found invalid number at character 1\""),
        (r#"return P(function() return cjson.decode('+') end)"#, b"2:false \"user_script:1: Expected value but found invalid number at character 1\""),
        (r#"return P(function() return cjson.decode('1e') end)"#, b"2:false \"user_script:1: Expected the end but found invalid token at character 2\""),
        (r#"return P(function() return cjson.decode('"abc') end)"#, b"2:false \"user_script:1: Expected value but found unexpected end of string at character 5\""),
        (r#"return P(function() return cjson.decode('"ab\\') end)"#, b"2:false \"user_script:1: Expected value but found invalid escape code at character 4\""),
        (r#"return P(function() return cjson.decode('"a\\qb"') end)"#, b"2:false \"user_script:1: Expected value but found invalid escape code at character 3\""),
        (r#"return P(function() return cjson.decode('"a\\u12"') end)"#, b"2:false \"user_script:1: Expected value but found invalid unicode escape code at character 3\""),
        (r#"return P(function() return cjson.decode('"a\\u12g4"') end)"#, b"2:false \"user_script:1: Expected value but found invalid unicode escape code at character 3\""),
        (r#"return P(function() return cjson.decode('"\\ud800"') end)"#, b"2:false \"user_script:1: Expected value but found invalid unicode escape code at character 2\""),
        (r#"return P(function() return cjson.decode('"\\ud800\\u0041"') end)"#, b"2:false \"user_script:1: Expected value but found invalid unicode escape code at character 2\""),
        (r#"return P(function() return cjson.decode('"\\udc00"') end)"#, b"2:false \"user_script:1: Expected value but found invalid unicode escape code at character 2\""),
        (r#"return P(function() return cjson.decode('"\\ud800x"') end)"#, b"2:false \"user_script:1: Expected value but found invalid unicode escape code at character 2\""),
        (r#"return P(function() return cjson.decode('["a\0b"]') end)"#, b"2:false \"user_script:1: Expected value but found unexpected end of string at character 4\""),
        (r#"return P(function() return cjson.decode('{"a\\q":1}') end)"#, b"2:false \"user_script:1: Expected object key string but found invalid escape code at character 4\""),
        (r#"return P(function() return cjson.decode('[1,\0') end)"#, b"2:false \"user_script:1: Expected value but found T_END at character 4\""),
        (r#"return P(function() return cjson.decode("\0x") end)"#, b"2:false \"user_script:1: JSON parser does not support UTF-16 or UTF-32\""),
        (r#"return P(function() return cjson.decode("x\0") end)"#, b"2:false \"user_script:1: JSON parser does not support UTF-16 or UTF-32\""),
        (r#"return P(function() return cjson.decode("\0") end)"#, b"2:false \"user_script:1: Expected value but found T_END at character 1\""),
        (r#"return P(function() return cjson.decode() end)"#, b"2:false \"user_script:1: bad argument #1 to 'decode' (expected 1 argument)\""),
        (r#"return P(function() return cjson.decode("1", 2) end)"#, b"2:false \"user_script:1: bad argument #1 to 'decode' (expected 1 argument)\""),
        (r#"return P(function() return cjson.decode({}) end)"#, b"2:false \"user_script:1: bad argument #1 to 'decode' (string expected, got table)\""),
        (r#"return P(function() return cjson.decode(nil) end)"#, b"2:false \"user_script:1: bad argument #1 to 'decode' (string expected, got nil)\""),
        (r#"return P(function() return #cjson.decode(string.rep("[", 1000) .. string.rep("]", 1000)) end)"#, b"2:true 1"),
        (r#"return P(function() return cjson.decode(string.rep("[", 1001) .. string.rep("]", 1001)) end)"#, b"2:false \"user_script:1: Found too many nested data structures (1001) at character 1001\""),
        (r#"return P(function() return cjson.decode(string.rep("[", 1001)) end)"#, b"2:false \"user_script:1: Found too many nested data structures (1001) at character 1001\""),
        (r#"return P(function() return cjson.decode(string.rep('{"a":', 1001)) end)"#, b"2:false \"user_script:1: Found too many nested data structures (1001) at character 5001\""),
        (r#"return P(function() return cjson.decode('  ' .. string.rep(' [ ', 1001)) end)"#, b"2:false \"user_script:1: Found too many nested data structures (1001) at character 3004\""),
        (r#"return P(function() cjson.decode_max_depth(2) local r = S(pcall(cjson.decode, "[[1]]")) .. " " .. S(pcall(cjson.decode, "[[[1]]]")) .. " " .. S(pcall(cjson.decode, '{"a":{"b":{}}}')) cjson.decode_max_depth(1000) return r end)"#, b"2:true \"2:true {1={1=1}} 2:false \\\"Found too many nested data structures (3) at character 3\\\" 2:false \\\"Found too many nested data structures (3) at character 11\\\"\""),
        (r#"return P(function() cjson.decode_max_depth(100000) local r = S(pcall(function() return #cjson.decode(string.rep("[", 7998) .. string.rep("]", 7998)) end)) .. " " .. S(pcall(cjson.decode, string.rep("[", 7999))) cjson.decode_max_depth(1000) return r end)"#, b"2:true \"2:true 1 2:false \\\"Found too many nested data structures (7999) at character 7999\\\"\""),
        (r#"return P(function() cjson.decode_max_depth(100000) local r = S(pcall(function() return type(cjson.decode(string.rep('{"a":', 3999) .. "1" .. string.rep("}", 3999))) end)) .. " " .. S(pcall(cjson.decode, string.rep('{"a":', 4000))) cjson.decode_max_depth(1000) return r end)"#, b"2:true \"2:true \\\"table\\\" 2:false \\\"Found too many nested data structures (4000) at character 19996\\\"\""),
        (r#"return P(function() cjson.decode_max_depth(100000) local r = S(pcall(cjson.decode, string.rep('[{"a":', 3000))) cjson.decode_max_depth(1000) return r end)"#, b"2:true \"2:false \\\"Found too many nested data structures (5333) at character 15997\\\"\""),
        (r#"return S(cjson._NAME, cjson._VERSION, type(cjson.null), cjson.null == cjson.null, type(cjson.new))"#, b"5:\"cjson\" \"2.1.0\" \"userdata\" true \"function\""),
        (r#"return (function() local c = cjson.new() c.encode_number_precision(2) return cjson.encode(1/3) .. " " .. c.encode(1/3) .. " " .. S(c._NAME, c._VERSION, c.null == cjson.null, type(c.new), c == cjson) end)()"#, b"0.33333333333333 0.33 5:\"cjson\" \"2.1.0\" true \"function\" false"),
        (r#"return cjson.encode(cjson.decode('{"a":[1,2,{"b":null}],"c":"d\\u00e9"}')) .. " " .. cjson.encode({a = {b = {c = {}}}})"#, b"{\"a\":[1,2,{\"b\":null}],\"c\":\"d\xc3\xa9\"} {\"a\":{\"b\":{\"c\":{}}}}"),
        (r#"return cjson.encode({["a/b"] = 1}) .. " " .. cjson.encode({[1] = 1, [2] = 2, [3] = 3, [4] = 4, [5] = 5, [6] = 6, [7] = 7, [8] = 8, [9] = 9, [10] = 10, [11] = 11})"#, b"{\"a\\/b\":1} [1,2,3,4,5,6,7,8,9,10,11]"),
        (r#"return (function() local t = {} for i = 1, 20 do t[i] = i end t[25] = 25 return cjson.encode(t) end)()"#, b"[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,null,null,null,null,25]"),
        (r#"return (function() local t = {} t[1] = 1 t[4] = 4 t[100] = 100 return S(pcall(cjson.encode, t)) end)()"#, b"2:false \"Cannot serialise table: excessively sparse array\""),
        (r#"return (function() local t = {x = 1} t.x = nil return cjson.encode(t) .. " " .. cjson.encode({n = 3, 1, 2, 3}) end)()"#, b"{} {\"1\":1,\"2\":2,\"3\":3,\"n\":3}"),
        (r#"return P(function() local t = setmetatable({}, {__index = function() return 1 end}) return cjson.encode({t, setmetatable({1, 2}, {})}) end)"#, b"2:true \"[{},[1,2]]\""),
        (r#"return P(function() local c = cjson return c:encode(1) end)"#, b"2:false \"user_script:1: calling 'encode' on bad self (expected 1 argument)\""),
        (r#"return P(function() local c = cjson return c:decode() end)"#, b"2:false \"user_script:1: calling 'decode' on bad self (string expected, got table)\""),
        (r#"return P(function() local c = cjson return c:decode("1") end)"#, b"2:false \"user_script:1: calling 'decode' on bad self (expected 1 argument)\""),
        (r#"return P(function() return cjson.encode_keep_buffer(true, true) end)"#, b"2:false \"user_script:1: bad argument #2 to 'encode_keep_buffer' (found too many arguments)\""),
        (r#"return (function() local c = cjson.new(1, 2) local keys = {} for k in pairs(c) do keys[#keys + 1] = k end table.sort(keys) return table.concat(keys, " ") end)()"#, b"_NAME _VERSION decode decode_invalid_numbers decode_max_depth encode encode_invalid_numbers encode_keep_buffer encode_max_depth encode_number_precision encode_sparse_array new null"),
        (r#"return P(function() return cjson.decode(" 0x ") end)"#, b"2:false \"user_script:1: Expected the end but found invalid token at character 3\""),
        (r#"return (function() local t = {} for i = 1, 20000 do t["k" .. i] = i end local s = cjson.encode(t) local d = cjson.decode(s) local n = 0 for k, v in pairs(d) do n = n + 1 end return #s .. " " .. n .. " " .. d.k777 end)()"#, b"277789 20000 777"),
        (r#"return (function() local t = {} for i = 1, 20000 do t[i] = {i, "x" .. i} end local s = cjson.encode(t) local d = cjson.decode(s) return #s .. " " .. #d .. " " .. d[20000][2] .. " " .. string.sub(s, 1, 30) end)()"#, b"317789 20000 x20000 [[1,\"x1\"],[2,\"x2\"],[3,\"x3\"],[4"),
        (r#"return (function() local t = {} for i = 1, 20000 do t["k" .. i] = {a = {i}} end local s = cjson.encode(t) return #s .. " " .. #cjson.encode(cjson.decode(s)) end)()"#, b"437789 437789"),
        (r#"return (function() local t = {} for i = 1, 100 do t[i] = {} for j = 1, 100 do t[i]["k" .. j] = {j} end end return tostring(#cjson.encode(t)) end)()"#, b"108601"),
        (r#"return hex(cmsgpack.pack(cjson.decode("nan(123)"), cjson.decode("-nan(0x10)"), cjson.decode("nan(08)"))) .. " " .. tostring(cjson.decode("-nan(1)"))"#, b"cb7ff800000000007bcbfff8000000000010cb7ff8000000000000 -nan"),
        (r#"return cjson.encode({a = 1, b = 2, c = 3, d = 4, hello = "world", [5] = 5, [1.5] = true, xyz = {1, 2}})"#, b"{\"a\":1,\"xyz\":[1,2],\"c\":3,\"b\":2,\"1.5\":true,\"d\":4,\"5\":5,\"hello\":\"world\"}"),
        (r#"return cjson.encode({name = "redis", version = 7, tags = {"kv", "db"}, nested = {deep = {deeper = {x = 1, y = 2, z = 3}}}})"#, b"{\"nested\":{\"deep\":{\"deeper\":{\"y\":2,\"x\":1,\"z\":3}}},\"version\":7,\"name\":\"redis\",\"tags\":[\"kv\",\"db\"]}"),
        (r#"return cmsgpack and hex(cmsgpack.pack({a = 1, b = 2, c = 3, d = 4, hello = "world", [5] = 5, [1.5] = true}))"#, b"87a16101a16303a16202ca3fc00000c3a164040505a568656c6c6fa5776f726c64"),
        (r#"return (function() local t = {} for i = 1, 40 do t["key" .. i] = i end return cjson.encode(t) end)()"#, b"{\"key16\":16,\"key9\":9,\"key35\":35,\"key24\":24,\"key14\":14,\"key8\":8,\"key31\":31,\"key26\":26,\"key17\":17,\"key39\":39,\"key13\":13,\"key21\":21,\"key4\":4,\"key32\":32,\"key2\":2,\"key1\":1,\"key27\":27,\"key40\":40,\"key38\":38,\"key22\":22,\"key33\":33,\"key3\":3,\"key25\":25,\"key15\":15,\"key6\":6,\"key34\":34,\"key11\":11,\"key5\":5,\"key30\":30,\"key10\":10,\"key19\":19,\"key29\":29,\"key7\":7,\"key37\":37,\"key20\":20,\"key12\":12,\"key18\":18,\"key23\":23,\"key36\":36,\"key28\":28}"),
        (r#"return S(cjson.encode_number_precision(3)) .. " " .. cjson.encode({[1.23456] = 1, [100000] = 2}) .. " " .. S(cjson.encode_number_precision(14))"#, b"1:3 {\"1.23\":1,\"1e+05\":2} 1:14"),
    ];
    // END GENERATED CASES
}
