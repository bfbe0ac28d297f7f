//! How directive arguments are read: integers, yes/no, enum names, byte counts with Redis's
//! units, save points, file names; each refusal worded as Redis words it, since the file
//! loader and CONFIG SET quote these texts to the user.

/// The one argument a directive takes.
pub(super) fn one(args: &[String]) -> Result<&str, String> {
    match args {
        [v] => Ok(v),
        _ => Err("wrong number of arguments".into()),
    }
}

/// An integer between `min` and `max` (Redis's integer directives take no units).
pub(super) fn number<T: TryFrom<i64>>(args: &[String], min: i64, max: i64) -> Result<T, String> {
    let v = one(args)?;
    let n = shards::util::parse_i64(v.as_bytes())
        .ok_or_else(|| "argument couldn't be parsed into an integer".to_string())?;
    in_range(n, min, max)
}

/// A byte count with optional units (`512mb`), between `min` and `max`.
pub(super) fn memory<T: TryFrom<i64>>(args: &[String], min: i64, max: i64) -> Result<T, String> {
    let v = one(args)?;
    let n = parse_memory(v).ok_or_else(|| "argument must be a memory value".to_string())?;
    in_range(n, min, max)
}

/// `n` if it lies in `min..=max` and fits a `T`, with Redis's words otherwise.
fn in_range<T: TryFrom<i64>>(n: i64, min: i64, max: i64) -> Result<T, String> {
    if n < min || n > max {
        return Err(format!(
            "argument must be between {min} and {max} inclusive"
        ));
    }
    T::try_from(n).map_err(|_| "argument couldn't be parsed into an integer".to_string())
}

/// `yes` or `no` (case-insensitive).
pub(super) fn yes_no(args: &[String]) -> Result<bool, String> {
    let v = one(args)?;
    if v.eq_ignore_ascii_case("yes") {
        Ok(true)
    } else if v.eq_ignore_ascii_case("no") {
        Ok(false)
    } else {
        Err("argument must be 'yes' or 'no'".into())
    }
}

/// A boolean as CONFIG GET shows it: `yes` or `no`.
pub(super) fn show_bool(v: bool) -> String {
    if v { "yes" } else { "no" }.into()
}

/// One of `values` (case-insensitive), as Redis's enum directives take it.
pub(super) fn one_of(args: &[String], values: &[&'static str]) -> Result<&'static str, String> {
    let v = one(args)?;
    values
        .iter()
        .find(|name| name.eq_ignore_ascii_case(v))
        .copied()
        .ok_or_else(|| {
            format!(
                "argument(s) must be one of the following: {}",
                values.join(", ")
            )
        })
}

/// Save points as Redis 7.0 takes them: `""` for none, else pairs of seconds (at least 1)
/// and changes (at least 0).
pub(super) fn save_rules(args: &[String]) -> Result<Vec<(u64, u64)>, String> {
    const INVALID: &str = "Invalid save parameters";
    if let [v] = args {
        if v.is_empty() {
            return Ok(Vec::new());
        }
    }
    // CONFIG SET passes the pairs as one word; a config line as several.
    let words: Vec<&str> = args.iter().flat_map(|a| a.split_whitespace()).collect();
    if words.is_empty() || words.len() % 2 == 1 {
        return Err(INVALID.into());
    }
    words
        .chunks(2)
        .map(|pair| {
            let secs = shards::util::parse_i64(pair[0].as_bytes()).filter(|&s| s >= 1);
            let changes = shards::util::parse_i64(pair[1].as_bytes()).filter(|&c| c >= 0);
            match (secs, changes) {
                (Some(s), Some(c)) => Ok((s as u64, c as u64)),
                _ => Err(INVALID.to_string()),
            }
        })
        .collect()
}

/// A file name that must not be a path (dbfilename, appendfilename, appenddirname).
pub(super) fn file_name(args: &[String], what: &str, noun: &str) -> Result<String, String> {
    let v = one(args)?;
    if v.contains('/') {
        return Err(format!("{what} can't be a path, just a {noun}"));
    }
    Ok(v.to_string())
}

/// Parses a number with Redis's memory units (1k = 1000, 1kb = 1024, m, mb, g, gb). A
/// negative number is no memory value (Redis's `memtoull`).
pub fn parse_memory(text: &str) -> Option<i64> {
    if text.starts_with('-') {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    let (digits, mul) = [
        ("gb", 1i64 << 30),
        ("mb", 1 << 20),
        ("kb", 1 << 10),
        ("g", 1_000_000_000),
        ("m", 1_000_000),
        ("k", 1000),
        ("b", 1),
    ]
    .iter()
    .find_map(|&(suffix, mul)| lower.strip_suffix(suffix).map(|d| (d.to_string(), mul)))
    .unwrap_or((lower.clone(), 1));
    shards::util::parse_i64(digits.as_bytes())?.checked_mul(mul)
}

/// A byte count as CONFIG REWRITE writes it: with the largest unit that divides it.
pub fn format_memory(bytes: i64) -> String {
    for (unit, size) in [("gb", 1i64 << 30), ("mb", 1 << 20), ("kb", 1 << 10)] {
        if bytes != 0 && bytes % size == 0 {
            return format!("{}{unit}", bytes / size);
        }
    }
    bytes.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::load::{apply_text, fatal_text};
    use crate::config::Config;

    #[test]
    fn values_are_checked_with_redis_words() {
        let mut c = Config::default();
        let cases: &[(&str, &str)] = &[
            ("port abc", "argument couldn't be parsed into an integer"),
            ("port 70000", "argument must be between 0 and 65535 inclusive"),
            ("port 1 2", "wrong number of arguments"),
            ("protected-mode maybe", "argument must be 'yes' or 'no'"),
            ("maxmemory abc", "argument must be a memory value"),
            ("maxmemory-policy foo", "argument(s) must be one of the following: volatile-lru, volatile-lfu, volatile-random, volatile-ttl, allkeys-lru, allkeys-lfu, allkeys-random, noeviction"),
            ("dbfilename a/b", "dbfilename can't be a path, just a filename"),
            ("client-output-buffer-limit normal 0 0", "Wrong number of arguments in buffer limit configuration."),
            ("client-output-buffer-limit foo 0 0 0", "Invalid client class specified in buffer limit configuration."),
        ];
        for (line, reason) in cases {
            let err = fatal_text(apply_text(&mut c, line));
            assert!(err.ends_with(&format!(">>> '{line}'\n{reason}")), "{err}");
        }
        assert!(apply_text(&mut c, "hz 0\nmaxmemory 0mb\nproto-max-bulk-len 1gb").is_ok());
        assert_eq!(c.hz, 1);
        assert_eq!(c.proto_max_bulk_len, 1 << 30);
        assert!(apply_text(&mut c, "maxmemory 10mb").is_ok());
        assert_eq!(c.maxmemory, 10 << 20);
        assert!(apply_text(
            &mut c,
            "hz 100000\nclient-output-buffer-limit replica 256mb 64mb 60"
        )
        .is_ok());
        assert_eq!(c.hz, 500);
    }

    #[test]
    fn memory_is_written_with_the_largest_unit() {
        assert_eq!(format_memory(512 << 20), "512mb");
        assert_eq!(format_memory(1 << 30), "1gb");
        assert_eq!(format_memory(3 << 10), "3kb");
        assert_eq!(format_memory(1000), "1000");
        assert_eq!(format_memory(0), "0");
    }
}
