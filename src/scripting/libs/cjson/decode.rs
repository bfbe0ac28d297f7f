//! `cjson.decode`: the tokenizer and parser of Lua CJSON 2.1.0 as Redis bundles it, with its
//! error texts and positions; numbers go through [`super::strtod`].

use super::strtod::strtod;
use super::*;

/// `cjson.decode(json)`.
pub(super) fn decode(lua: &Lua, cfg: &Shared, args: Args<'_>) -> LibResult<MultiValue> {
    if args.len() != 1 {
        return args.arg_error(1, b"expected 1 argument");
    }
    let data = args.check_lstring(1)?;
    if data.len() >= 2 && (data[0] == 0 || data[1] == 0) {
        return error("JSON parser does not support UTF-16 or UTF-32");
    }
    let value = Parser {
        lua,
        cfg: cfg.cfg.get(),
        data: &data,
        ptr: 0,
    }
    .run()?;
    Ok(one(value))
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    ObjBegin,
    ObjEnd,
    ArrBegin,
    ArrEnd,
    String,
    Number,
    Boolean,
    Null,
    Colon,
    Comma,
    End,
    /// An error found reading the token, with its description.
    Error(&'static str),
}

impl Kind {
    /// How errors name what was found.
    fn name(self) -> &'static str {
        match self {
            Kind::ObjBegin => "T_OBJ_BEGIN",
            Kind::ObjEnd => "T_OBJ_END",
            Kind::ArrBegin => "T_ARR_BEGIN",
            Kind::ArrEnd => "T_ARR_END",
            Kind::String => "T_STRING",
            Kind::Number => "T_NUMBER",
            Kind::Boolean => "T_BOOLEAN",
            Kind::Null => "T_NULL",
            Kind::Colon => "T_COLON",
            Kind::Comma => "T_COMMA",
            Kind::End => "T_END",
            Kind::Error(what) => what,
        }
    }
}

struct Token {
    kind: Kind,
    /// Where it starts (where the error is, for an error), 0-based.
    index: usize,
    string: Vec<u8>,
    number: f64,
    boolean: bool,
}

/// A container being filled (its table is on the value stack).
enum Open {
    Array { i: i64 },
    Object { key: Vec<u8> },
}

impl Open {
    /// The slots the C code holds on the Lua stack for it: the table, and the key.
    fn slots(&self) -> usize {
        match self {
            Open::Array { .. } => 1,
            Open::Object { .. } => 2,
        }
    }
}

struct Parser<'a> {
    lua: &'a Lua,
    cfg: Config,
    data: &'a [u8],
    ptr: usize,
}

impl Parser<'_> {
    /// The byte at `i`, 0 past the end (the C string's terminator).
    fn at(&self, i: usize) -> u8 {
        self.data.get(i).copied().unwrap_or(0)
    }

    fn token(&self, kind: Kind, index: usize) -> Token {
        Token {
            kind,
            index,
            string: Vec::new(),
            number: 0.0,
            boolean: false,
        }
    }

    /// `json_next_token`.
    fn next_token(&mut self) -> Token {
        while matches!(self.at(self.ptr), b' ' | b'\t' | b'\n' | b'\r') {
            self.ptr += 1;
        }
        let start = self.ptr;
        let ch = self.at(start);
        let single = match ch {
            b'{' => Some(Kind::ObjBegin),
            b'}' => Some(Kind::ObjEnd),
            b'[' => Some(Kind::ArrBegin),
            b']' => Some(Kind::ArrEnd),
            b',' => Some(Kind::Comma),
            b':' => Some(Kind::Colon),
            _ => None,
        };
        if let Some(kind) = single {
            self.ptr += 1;
            return self.token(kind, start);
        }
        match ch {
            0 => self.token(Kind::End, start),
            b'"' => self.string_token(),
            b'-' | b'0'..=b'9' => {
                if self.cfg.decode_invalid_numbers == 0 && self.is_invalid_number() {
                    self.token(Kind::Error("invalid number"), start)
                } else {
                    self.number_token()
                }
            }
            b'f' | b'i' | b'I' | b'n' | b'N' | b't' | b'+' => {
                let rest = &self.data[start..];
                if rest.starts_with(b"true") {
                    self.ptr += 4;
                    let mut t = self.token(Kind::Boolean, start);
                    t.boolean = true;
                    t
                } else if rest.starts_with(b"false") {
                    self.ptr += 5;
                    self.token(Kind::Boolean, start)
                } else if rest.starts_with(b"null") {
                    self.ptr += 4;
                    self.token(Kind::Null, start)
                } else if self.cfg.decode_invalid_numbers != 0 && self.is_invalid_number() {
                    self.number_token()
                } else {
                    self.token(Kind::Error("invalid token"), start)
                }
            }
            _ => self.token(Kind::Error("invalid token"), start),
        }
    }

    /// `json_is_invalid_number`: what strict JSON refuses but `strtod` takes (a leading `+`,
    /// hex, leading zeros, inf, nan).
    fn is_invalid_number(&self) -> bool {
        let mut p = self.ptr;
        if self.at(p) == b'+' {
            return true;
        }
        if self.at(p) == b'-' {
            p += 1;
        }
        let c = self.at(p);
        if c == b'0' {
            let c2 = self.at(p + 1);
            return c2 | 0x20 == b'x' || c2.is_ascii_digit();
        } else if (c as i8) <= b'9' as i8 {
            return false;
        }
        let starts = |word: &[u8]| (0..3).all(|i| self.at(p + i).to_ascii_lowercase() == word[i]);
        starts(b"inf") || starts(b"nan")
    }

    /// `json_next_number_token`.
    fn number_token(&mut self) -> Token {
        let start = self.ptr;
        match strtod(self.data, start) {
            Some((n, end)) => {
                self.ptr = end;
                let mut t = self.token(Kind::Number, start);
                t.number = n;
                t
            }
            None => self.token(Kind::Error("invalid number"), start),
        }
    }

    /// `json_next_string_token`: `ptr` at the opening quote.
    fn string_token(&mut self) -> Token {
        let start = self.ptr;
        self.ptr += 1;
        let mut s = Vec::new();
        loop {
            let mut ch = self.at(self.ptr);
            if ch == b'"' {
                break;
            }
            if ch == 0 {
                return self.token(Kind::Error("unexpected end of string"), self.ptr);
            }
            if ch == b'\\' {
                ch = match self.at(self.ptr + 1) {
                    b'"' => b'"',
                    b'\\' => b'\\',
                    b'/' => b'/',
                    b'b' => b'\x08',
                    b't' => b'\t',
                    b'n' => b'\n',
                    b'f' => b'\x0c',
                    b'r' => b'\r',
                    b'u' => {
                        if self.unicode_escape(&mut s) {
                            continue;
                        }
                        return self.token(Kind::Error("invalid unicode escape code"), self.ptr);
                    }
                    _ => return self.token(Kind::Error("invalid escape code"), self.ptr),
                };
                self.ptr += 1;
            }
            s.push(ch);
            self.ptr += 1;
        }
        self.ptr += 1;
        let mut t = self.token(Kind::String, start);
        t.string = s;
        t
    }

    /// `decode_hex4` at `i`.
    fn hex4(&self, i: usize) -> Option<u32> {
        (0..4).try_fold(0, |acc, k| {
            Some(acc << 4 | (self.at(i + k) as char).to_digit(16)?)
        })
    }

    /// `json_append_unicode_escape`: `ptr` at the backslash of `\uXXXX`; false when invalid.
    fn unicode_escape(&mut self, s: &mut Vec<u8>) -> bool {
        let Some(mut cp) = self.hex4(self.ptr + 2) else {
            return false;
        };
        let mut len = 6;
        if cp & 0xf800 == 0xd800 {
            if cp & 0x400 != 0 {
                return false;
            }
            if self.at(self.ptr + 6) != b'\\' || self.at(self.ptr + 7) != b'u' {
                return false;
            }
            let Some(low) = self.hex4(self.ptr + 8) else {
                return false;
            };
            if low & 0xfc00 != 0xdc00 {
                return false;
            }
            cp = (((cp & 0x3ff) << 10) | (low & 0x3ff)) + 0x10000;
            len = 12;
        }
        match char::from_u32(cp) {
            Some(c) => s.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
            // Lone surrogates never get here: the checks above refuse them.
            None => return false,
        }
        self.ptr += len;
        true
    }

    /// `json_throw_parse_error`.
    fn parse_error<T>(&self, expected: &str, token: &Token) -> LibResult<T> {
        error(format!(
            "Expected {expected} but found {} at character {}",
            token.kind.name(),
            token.index + 1
        ))
    }

    /// A new Lua string for a decoded one.
    fn lua_string(&self, s: &[u8]) -> LibResult<Value> {
        Ok(Value::String(self.lua.create_string(s)?))
    }

    /// `json_decode`'s parse: one value, then the end; containers on an explicit stack.
    fn run(&mut self) -> LibResult<Value> {
        let mut open: Vec<Open> = Vec::new();
        let mut tables = ValueStack::new();
        let mut depth: i32 = 0;
        // The C function's stack: its argument plus the slots of the open containers.
        let mut top = 1;
        let mut token = self.next_token();
        'value: loop {
            // `json_process_value`.
            let mut value = match token.kind {
                Kind::String => self.lua_string(&token.string)?,
                Kind::Number => Value::Number(token.number),
                Kind::Boolean => Value::Boolean(token.boolean),
                Kind::Null => Value::NULL,
                Kind::ObjBegin | Kind::ArrBegin => {
                    let object = token.kind == Kind::ObjBegin;
                    depth += 1;
                    let slots = if object { 3 } else { 2 };
                    if depth > self.cfg.decode_max_depth || stack_full(top, slots) {
                        return error(format!(
                            "Found too many nested data structures ({depth}) at character {}",
                            self.ptr as i32
                        ));
                    }
                    let t = Value::Table(self.lua.create_table()?);
                    token = self.next_token();
                    let close = if object { Kind::ObjEnd } else { Kind::ArrEnd };
                    if token.kind == close {
                        depth -= 1;
                        t
                    } else {
                        let frame = if object {
                            let key = self.key(token)?;
                            token = self.next_token();
                            Open::Object { key }
                        } else {
                            Open::Array { i: 1 }
                        };
                        top += frame.slots();
                        open.push(frame);
                        tables.push(self.lua, t)?;
                        continue 'value;
                    }
                }
                _ => return self.parse_error("value", &token),
            };
            // Store the value in the containers it completes.
            loop {
                let Some(frame) = open.last_mut() else {
                    token = self.next_token();
                    if token.kind != Kind::End {
                        return self.parse_error("the end", &token);
                    }
                    return Ok(value);
                };
                let (close, more) = match frame {
                    Open::Array { i } => {
                        set(&tables, Value::Integer(*i), value)?;
                        *i += 1;
                        (Kind::ArrEnd, "comma or array end")
                    }
                    Open::Object { key } => {
                        set(&tables, self.lua_string(key)?, value)?;
                        (Kind::ObjEnd, "comma or object end")
                    }
                };
                token = self.next_token();
                if token.kind != close {
                    if token.kind != Kind::Comma {
                        return self.parse_error(more, &token);
                    }
                    token = self.next_token();
                    if let Open::Object { key } = frame {
                        *key = self.key(token)?;
                        token = self.next_token();
                    }
                    continue 'value;
                }
                if let Some(done) = open.pop() {
                    top -= done.slots();
                }
                depth -= 1;
                value = tables.pop()?;
            }
        }
    }

    /// An object key and its colon (the token after them is read next).
    fn key(&mut self, token: Token) -> LibResult<Vec<u8>> {
        if token.kind != Kind::String {
            return self.parse_error("object key string", &token);
        }
        let colon = self.next_token();
        if colon.kind != Kind::Colon {
            return self.parse_error("colon", &colon);
        }
        Ok(token.string)
    }
}

/// `t[k] = v` for the table on top of the value stack.
fn set(tables: &ValueStack, k: Value, v: Value) -> LibResult<()> {
    tables.with(0, |t| match t {
        Value::Table(t) => t.raw_set(k, v),
        _ => Ok(()),
    })??;
    Ok(())
}
