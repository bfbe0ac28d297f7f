//! Loading configuration text (a file, its `include`s, the command line's directives turned
//! into lines): each line applied through the table, a bad one reported as Redis reports it.

use super::dir::os_error_text;
use super::table::lookup;
use super::Config;

/// Splits a directive line into words (Redis's rules: quotes and escapes).
pub fn split_words(line: &str) -> Vec<String> {
    crate::protocol::split_args(line.as_bytes())
        .unwrap_or_default()
        .into_iter()
        .map(|w| String::from_utf8_lossy(&w).into_owned())
        .collect()
}

/// Applies one `name args...` directive.
pub fn apply(config: &mut Config, name: &str, args: &[String]) -> Result<(), String> {
    let d = lookup(name).ok_or_else(|| "Bad directive or wrong number of arguments".to_string())?;
    (d.apply)(config, args)
}

/// Why a configuration could not be loaded; `main` prints it where Redis prints it.
#[derive(Debug, PartialEq, Eq)]
pub enum LoadError {
    /// A bad line: the whole `*** FATAL CONFIG FILE ERROR ***` text, for stderr.
    Fatal(String),
    /// A config file (or an `include`d one) that cannot be read: Redis logs this as a
    /// warning line (`# Fatal error, can't open config file '...': ...`).
    CantOpen(String),
}

/// Applies config text (a file, or a file followed by the command line's directives);
/// `include` reads another file in place. Errors name the line as Redis does.
pub fn apply_text(config: &mut Config, text: &str) -> Result<(), LoadError> {
    apply_text_at(config, text, 0)
}

/// [`apply_text`] inside `depth` levels of `include`.
fn apply_text_at(config: &mut Config, text: &str, depth: usize) -> Result<(), LoadError> {
    for (i, line) in text.split('\n').enumerate() {
        let trimmed = line.trim_matches(|c| matches!(c, ' ' | '\t' | '\r' | '\n'));
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let Some(words) = crate::protocol::split_args(trimmed.as_bytes()) else {
            return Err(fatal(
                i + 1,
                trimmed,
                "Unbalanced quotes in configuration line",
            ));
        };
        let words: Vec<String> = words
            .into_iter()
            .map(|w| String::from_utf8_lossy(&w).into_owned())
            .collect();
        let Some((name, args)) = words.split_first() else {
            continue;
        };
        if name.eq_ignore_ascii_case("include") && args.len() == 1 {
            if depth >= 16 {
                return Err(fatal(i + 1, trimmed, "include nesting is too deep"));
            }
            let included = read_config_file(&args[0])?;
            apply_text_at(config, &included, depth + 1)?;
            continue;
        }
        // Each further `save` line of the text adds its save points to the earlier ones.
        let is_save = name.eq_ignore_ascii_case("save");
        let earlier = match is_save && config.save_line_read {
            true => config.save_rules.clone(),
            false => Vec::new(),
        };
        apply(config, name, args).map_err(|reason| fatal(i + 1, trimmed, &reason))?;
        if is_save {
            config.save_line_read = true;
            if !config.save_rules.is_empty() {
                config.save_rules.splice(0..0, earlier);
            }
        }
    }
    Ok(())
}

/// Reads a config file, or says why not as Redis does.
pub fn read_config_file(path: &str) -> Result<String, LoadError> {
    std::fs::read(path)
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .map_err(|e| {
            LoadError::CantOpen(format!(
                "Fatal error, can't open config file '{path}': {}",
                os_error_text(&e)
            ))
        })
}

/// Redis's fatal config error text for line `line_no` (`line`), failing for `reason`.
fn fatal(line_no: usize, line: &str, reason: &str) -> LoadError {
    LoadError::Fatal(format!(
        "\n*** FATAL CONFIG FILE ERROR (Redis {}) ***\nReading the configuration file, at line {line_no}\n>>> '{line}'\n{reason}",
        crate::REDIS_VERSION
    ))
}

/// The text of a [`LoadError::Fatal`]; panics on anything else (tests only).
#[cfg(test)]
pub(crate) fn fatal_text(result: Result<(), LoadError>) -> String {
    match result {
        Err(LoadError::Fatal(text)) => text,
        other => panic!("expected a fatal error, got {other:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::get_set::matching;
    use crate::config::values::parse_memory;

    #[test]
    fn file_errors_name_the_line() {
        let mut c = Config::default();
        assert!(apply_text(&mut c, "# comment\nport 7000\n").is_ok());
        assert_eq!(c.port, 7000);
        let err = fatal_text(apply_text(&mut c, "port 7000\nnosuch 1\n"));
        assert!(
            err.contains("at line 2") && err.contains(">>> 'nosuch 1'"),
            "{err}"
        );
        assert_eq!(parse_memory("1kb"), Some(1024));
        assert_eq!(parse_memory("2m"), Some(2_000_000));
        assert_eq!(parse_memory("1x"), None);
        assert_eq!(parse_memory("-1"), None);
        assert!(apply_text(&mut c, "save 60\n").is_err());
        assert!(apply_text(&mut c, "save 60 -1\n").is_err());
        assert!(apply_text(&mut c, "save 0 1\n").is_err());
        // A config text's save lines add up; `save ""` clears them.
        assert!(apply_text(&mut c, "save 60 1000\nsave 10 5 1 1\n").is_ok());
        assert_eq!(c.save_rules, vec![(60, 1000), (10, 5), (1, 1)]);
        assert!(apply_text(&mut c, "save \"\"\nappendonly no\n").is_ok());
        assert!(c.save_rules.is_empty());
        assert!(apply_text(&mut c, "hash-max-ziplist-entries 7\n").is_ok());
        assert_eq!(c.encodings.hash_max_listpack_entries, 7);
        assert_eq!(matching(&c, &[b"hash-max-listpack-entries"])[0].1, "7");
        let err = fatal_text(apply_text(&mut c, "  requirepass \"abc  \r\n"));
        assert!(
            err.ends_with(">>> 'requirepass \"abc'\nUnbalanced quotes in configuration line"),
            "{err}"
        );
        assert_eq!(
            apply_text(&mut c, "include /nonexistent/x.conf\n"),
            Err(LoadError::CantOpen(
                "Fatal error, can't open config file '/nonexistent/x.conf': No such file or directory".into()
            ))
        );
    }
}
