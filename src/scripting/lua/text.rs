//! The texts Redis builds around scripts, computed as Redis computes them: C-string cuts and
//! `sds` trims, `printf("%.17g")`, Lua's chunk ids (`[string "..."]`), the shebang line.
//! Pure functions, no Lua state.

/// `s` up to its first NUL byte: what C code that reads `s` as a C string sees (`sdsnew`,
/// `%s`, `lua_pushstring`).
pub(super) fn cstr(s: &[u8]) -> &[u8] {
    match s.iter().position(|&b| b == 0) {
        Some(nul) => &s[..nul],
        None => s,
    }
}

/// `sdstrim(s, "\r\n")`: `s` without the CR and LF bytes at either end.
pub(super) fn trim_crlf(s: &[u8]) -> &[u8] {
    let start = s
        .iter()
        .position(|&b| b != b'\r' && b != b'\n')
        .unwrap_or(s.len());
    let end = s
        .iter()
        .rposition(|&b| b != b'\r' && b != b'\n')
        .map_or(start, |last| last + 1);
    &s[start..end]
}

/// `sdsmapchars(s, "\r\n", "  ")` appended to `out`: CR and LF become spaces, so a reply line
/// stays one line.
pub(super) fn push_mapped(out: &mut Vec<u8>, s: &[u8]) {
    out.extend(
        s.iter()
            .map(|&b| if b == b'\r' || b == b'\n' { b' ' } else { b }),
    );
}

/// `printf("%.17g", x)` as glibc prints it: what Redis sends for a Lua number given to
/// `redis.call` and for a double reply (`{double=...}`). 17 significant digits round-trip
/// every double; trailing zeros go; the exponent form below 1e-4 and from 1e17; glibc's
/// `inf`, `-inf`, `nan` and `-nan` (NaN keeps its sign bit: `0/0` is `-nan` on x86).
pub(crate) fn format_g17(x: f64) -> String {
    crate::scripting::libs::format_g(x, 17)
}

/// The C conversion of a double to `int` as x86-64 does it (`cvttsd2si`): truncation, and
/// `INT_MIN` for NaN and out-of-range values. Redis casts Lua numbers this way for
/// `redis.setresp`, `redis.set_repl` and `redis.log`'s level.
pub(super) fn c_int(x: f64) -> i32 {
    if x.is_nan() || x >= 2_147_483_648.0 || x <= -2_147_483_649.0 {
        i32::MIN
    } else {
        x as i32
    }
}

/// The C conversion of a double to `long long` as x86-64 does it: truncation, and `LLONG_MIN`
/// for NaN and out-of-range values. A Lua number returned by a script becomes this integer.
pub(super) fn c_long_long(x: f64) -> i64 {
    if !(-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&x) {
        i64::MIN
    } else {
        x as i64
    }
}

/// Lua's `luaO_chunkid`: how a chunk name appears in messages (`[string "..."]`, a file name
/// after `@`, the rest of a name after `=`), at most `LUA_IDSIZE - 1` (59) bytes: the bytes
/// and their count (a plain array, so code that may raise a Lua error can hold it).
pub(super) fn chunk_id(source: &[u8]) -> ([u8; 60], usize) {
    const IDSIZE: usize = 60;
    let source = cstr(source);
    let mut out = [0u8; IDSIZE];
    let mut len = 0;
    let mut put = |bytes: &[u8]| {
        out[len..len + bytes.len()].copy_from_slice(bytes);
        len += bytes.len();
    };
    if let Some(rest) = source.strip_prefix(b"=") {
        put(&rest[..rest.len().min(IDSIZE - 1)]);
    } else if let Some(rest) = source.strip_prefix(b"@") {
        let room = IDSIZE - " '...' ".len() - 1;
        if rest.len() > room {
            put(b"...");
            put(&rest[rest.len() - room..]);
        } else {
            put(rest);
        }
    } else {
        let room = IDSIZE - " [string \"...\"] ".len() - 1;
        let line = source
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .unwrap_or(source.len());
        let cut = line.min(room);
        put(b"[string \"");
        put(&source[..cut]);
        if cut < source.len() {
            put(b"...");
        }
        put(b"\"]");
    }
    (out, len)
}

/// The flags a script declares on its shebang line (`#!lua flags=no-writes,allow-oom`), which
/// the server applies to EVAL/EVALSHA of it as Redis 7.0 does (`scriptPrepareForRun`,
/// `scriptFlagsToCmdFlags`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ScriptFlags {
    /// No shebang: the compatibility mode of scripts written before 7.0 (may write, refused
    /// under OOM only per command, allowed on a stale replica...). The other flags are then
    /// all false.
    pub eval_compat: bool,
    /// `no-writes`: write commands are refused (and the script runs under OOM, as if
    /// `allow-oom`).
    pub no_writes: bool,
    /// `allow-oom`: runs, and may write, above `maxmemory`.
    pub allow_oom: bool,
    /// `allow-stale`: runs on a replica serving stale data.
    pub allow_stale: bool,
    /// `no-cluster`: refused in cluster mode.
    pub no_cluster: bool,
    /// `allow-cross-slot-keys`: may touch keys of several slots.
    pub allow_cross_slot_keys: bool,
}

impl ScriptFlags {
    /// The flags of a script without shebang.
    pub const EVAL_COMPAT: ScriptFlags = ScriptFlags {
        eval_compat: true,
        no_writes: false,
        allow_oom: false,
        allow_stale: false,
        no_cluster: false,
        allow_cross_slot_keys: false,
    };
}

/// Reads the shebang line of a script body as Redis 7.0's `evalExtractShebangFlags`: the
/// flags and the shebang's length (the code Lua compiles starts there, at its newline, so
/// line numbers stay), or the error text (without `ERR`).
pub(super) fn shebang(body: &[u8]) -> Result<(ScriptFlags, usize), String> {
    let body = cstr(body);
    if !body.starts_with(b"#!") {
        return Ok((ScriptFlags::EVAL_COMPAT, 0));
    }
    let Some(len) = body.iter().position(|&b| b == b'\n') else {
        return Err("Invalid script shebang".to_string());
    };
    let parts = match split_args(&body[..len]) {
        Some(parts) if !parts.is_empty() => parts,
        _ => return Err("Invalid engine in script shebang".to_string()),
    };
    if parts[0] != b"#!lua" {
        return Err(format!(
            "Unexpected engine in script shebang: {}",
            String::from_utf8_lossy(cstr(&parts[0]))
        ));
    }
    let mut flags = ScriptFlags::default();
    for part in &parts[1..] {
        let Some(list) = part.strip_prefix(b"flags=") else {
            return Err(format!(
                "Unknown lua shebang option: {}",
                String::from_utf8_lossy(cstr(part))
            ));
        };
        if list.is_empty() {
            continue;
        }
        for flag in list.split(|&b| b == b',') {
            match cstr(flag) {
                b"no-writes" => flags.no_writes = true,
                b"allow-oom" => flags.allow_oom = true,
                b"allow-stale" => flags.allow_stale = true,
                b"no-cluster" => flags.no_cluster = true,
                b"allow-cross-slot-keys" => flags.allow_cross_slot_keys = true,
                other => {
                    return Err(format!(
                        "Unexpected flag in script shebang: {}",
                        String::from_utf8_lossy(other)
                    ))
                }
            }
        }
    }
    Ok((flags, len))
}

/// Redis's `sdssplitargs`: words separated by spaces, `"..."` with C escapes (`\n`, `\xff`),
/// `'...'` with `\'`; `None` for unbalanced quotes or a closing quote followed by a non-space.
fn split_args(line: &[u8]) -> Option<Vec<Vec<u8>>> {
    let at = |i: usize| line.get(i).copied().unwrap_or(0);
    let is_space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c);
    let mut parts = Vec::new();
    let mut p = 0;
    loop {
        while at(p) != 0 && is_space(at(p)) {
            p += 1;
        }
        if at(p) == 0 {
            return Some(parts);
        }
        let (mut in_double, mut in_single, mut done) = (false, false, false);
        let mut current = Vec::new();
        while !done {
            let c = at(p);
            if in_double {
                if c == b'\\'
                    && at(p + 1) == b'x'
                    && at(p + 2).is_ascii_hexdigit()
                    && at(p + 3).is_ascii_hexdigit()
                {
                    let hex = |b: u8| (b as char).to_digit(16).unwrap_or(0) as u8;
                    current.push(hex(at(p + 2)) * 16 + hex(at(p + 3)));
                    p += 3;
                } else if c == b'\\' && at(p + 1) != 0 {
                    p += 1;
                    current.push(match at(p) {
                        b'n' => b'\n',
                        b'r' => b'\r',
                        b't' => b'\t',
                        b'b' => 0x08,
                        b'a' => 0x07,
                        other => other,
                    });
                } else if c == b'"' {
                    if at(p + 1) != 0 && !is_space(at(p + 1)) {
                        return None;
                    }
                    done = true;
                } else if c == 0 {
                    return None;
                } else {
                    current.push(c);
                }
            } else if in_single {
                if c == b'\\' && at(p + 1) == b'\'' {
                    p += 1;
                    current.push(b'\'');
                } else if c == b'\'' {
                    if at(p + 1) != 0 && !is_space(at(p + 1)) {
                        return None;
                    }
                    done = true;
                } else if c == 0 {
                    return None;
                } else {
                    current.push(c);
                }
            } else {
                match c {
                    b' ' | b'\n' | b'\r' | b'\t' | 0 => done = true,
                    b'"' => in_double = true,
                    b'\'' => in_single = true,
                    _ => current.push(c),
                }
            }
            if at(p) != 0 {
                p += 1;
            }
        }
        parts.push(current);
    }
}

/// jemalloc's size class for an allocation of `n` bytes (what `zmalloc_size` answers in
/// Redis), for the script cache's memory figure.
pub(super) fn jemalloc_size(n: usize) -> usize {
    if n <= 8 {
        8
    } else if n <= 128 {
        n.div_ceil(16) * 16
    } else {
        let below = 1usize << (usize::BITS - 1 - (n - 1).leading_zeros());
        let step = below / 4;
        n.div_ceil(step) * step
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn g17_prints_as_glibc() {
        let cases: &[(f64, &str)] = &[
            (0.1, "0.10000000000000001"),
            (1.5, "1.5"),
            (100.0, "100"),
            (-3.0, "-3"),
            (1e20, "1e+20"),
            (1e17, "1e+17"),
            (1e16, "10000000000000000"),
            (123456789012.0, "123456789012"),
            (1e-5, "1.0000000000000001e-05"),
            (0.0001, "0.0001"),
            (1.5e-7, "1.4999999999999999e-07"),
            (1e300, "1.0000000000000001e+300"),
            (-0.0, "-0"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (-f64::NAN, "-nan"),
            (2.5e-310, "2.5000000000000171e-310"),
        ];
        for &(x, want) in cases {
            assert_eq!(format_g17(x), want, "{x:e}");
        }
    }

    #[test]
    fn chunk_ids() {
        let id = |s: &[u8]| {
            let (bytes, len) = chunk_id(s);
            bytes[..len].to_vec()
        };
        assert_eq!(id(b"@user_script"), b"user_script");
        assert_eq!(id(b"=(load)"), b"(load)");
        assert_eq!(id(b"x="), b"[string \"x=\"]");
        assert_eq!(id(b"a\nb"), b"[string \"a...\"]");
        // [string "" + 43 bytes + ..."]
        assert_eq!(id(&[b'y'; 100]).len(), 9 + 43 + 3 + 2);
    }

    #[test]
    fn shebangs() {
        assert_eq!(shebang(b"return 1"), Ok((ScriptFlags::EVAL_COMPAT, 0)));
        let (flags, len) = shebang(b"#!lua flags=no-writes,allow-oom\nreturn 1").unwrap();
        assert!(flags.no_writes && flags.allow_oom && !flags.eval_compat && !flags.no_cluster);
        assert_eq!(len, 31);
        assert!(
            shebang(b"#!lua 'flags=allow-stale'\n")
                .unwrap()
                .0
                .allow_stale
        );
        assert_eq!(
            shebang(b"#!lua").unwrap_err(),
            "Invalid script shebang".to_string()
        );
        assert_eq!(
            shebang(b"#!lua \"abc\n").unwrap_err(),
            "Invalid engine in script shebang"
        );
        assert_eq!(
            shebang(b"#! lua\n").unwrap_err(),
            "Unexpected engine in script shebang: #!"
        );
        assert_eq!(
            shebang(b"#!lua flags=a,,b\n").unwrap_err(),
            "Unexpected flag in script shebang: a"
        );
        assert_eq!(
            shebang(b"#!lua flags=no-writes,,b\n").unwrap_err(),
            "Unexpected flag in script shebang: "
        );
        assert_eq!(
            shebang(b"#!lua name=x\n").unwrap_err(),
            "Unknown lua shebang option: name=x"
        );
        assert_eq!(
            split_args(b"a \"b\\x41\\n\" 'c\\'d'").unwrap(),
            vec![b"a".to_vec(), b"bA\n".to_vec(), b"c'd".to_vec()]
        );
    }

    #[test]
    fn helpers() {
        assert_eq!(trim_crlf(b"\r\nab\r\n"), b"ab");
        assert_eq!(trim_crlf(b"\n"), b"");
        assert_eq!(cstr(b"a\0b"), b"a");
        assert_eq!(c_int(2.9), 2);
        assert_eq!(c_int(1e10), i32::MIN);
        assert_eq!(c_long_long(f64::INFINITY), i64::MIN);
        assert_eq!(c_long_long(-3.99), -3);
        assert_eq!(jemalloc_size(28), 32);
        assert_eq!(jemalloc_size(44), 48);
        assert_eq!(jemalloc_size(129), 160);
        assert_eq!(jemalloc_size(257), 320);
    }
}
