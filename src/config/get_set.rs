//! CONFIG GET (the directives matching patterns, with their values) and CONFIG SET (all pairs
//! checked, then applied to a copy, all or nothing), with Redis's refusals.

use super::directive::Directive;
use super::table::{all_directives, lookup};
use super::Config;

/// CONFIG GET: every directive whose name matches one of `patterns` (globs, case-insensitive),
/// once each, with its current value. A pattern without glob characters names one directive
/// and is echoed as the client wrote it, as Redis 7.0 does.
pub fn matching(config: &Config, patterns: &[&[u8]]) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for pattern in patterns {
        let is_glob = pattern.iter().any(|c| matches!(c, b'*' | b'?' | b'['));
        for d in all_directives() {
            let hit = if is_glob {
                shards::glob::glob_match(pattern, d.name.as_bytes(), true)
            } else {
                d.name.as_bytes().eq_ignore_ascii_case(pattern)
            };
            if hit && !seen.contains(&d.name) {
                seen.push(d.name);
                let name = if is_glob {
                    d.name.to_string()
                } else {
                    String::from_utf8_lossy(pattern).into_owned()
                };
                found.push((name, (d.show)(config)));
            }
        }
    }
    found
}

/// Why CONFIG SET refused, worded as Redis words it.
#[derive(Debug, PartialEq, Eq)]
pub enum SetError {
    /// No such directive.
    Unknown(String),
    /// A directive that cannot be set, or a bad value: the argument and the reason.
    Failed(String, String),
}

impl SetError {
    /// The error reply's text.
    pub fn text(&self) -> String {
        match self {
            SetError::Unknown(name) => {
                format!("ERR Unknown option or number of arguments for CONFIG SET - '{name}'")
            }
            SetError::Failed(name, reason) => {
                format!("ERR CONFIG SET failed (possibly related to argument '{name}') - {reason}")
            }
        }
    }
}

/// CONFIG SET's checks and changes, all or nothing: every name is looked up and checked
/// (known, settable, protected, not repeated) before any value is applied, then the values
/// are applied in order to a copy of `current`. The first failure wins and `current` is
/// untouched; on success the new configuration is returned (with a new generation).
pub fn set_many(
    current: &Config,
    pairs: &[(String, String)],
    client_is_local: bool,
) -> Result<Config, SetError> {
    let mut chosen: Vec<&'static Directive> = Vec::with_capacity(pairs.len());
    let mut failure: Option<SetError> = None;
    for (name, _) in pairs {
        let Some(d) = lookup(name) else {
            return Err(SetError::Unknown(name.clone()));
        };
        if failure.is_some() {
            continue;
        }
        let protected_allowed = match current.enable_protected_configs {
            "yes" => true,
            "local" => client_is_local,
            _ => false,
        };
        if !d.mutable {
            failure = Some(SetError::Failed(
                name.clone(),
                "can't set immutable config".into(),
            ));
        } else if d.protected && !protected_allowed {
            failure = Some(SetError::Failed(
                name.clone(),
                "can't set protected config".into(),
            ));
        } else if chosen.iter().any(|c| std::ptr::eq(*c, d)) {
            // By directive as named: Redis 7.0 lets a name and its alias both be set (the
            // later wins), as they are two entries of its table.
            failure = Some(SetError::Failed(name.clone(), "duplicate parameter".into()));
        }
        chosen.push(d);
    }
    if let Some(e) = failure {
        return Err(e);
    }
    let mut next = current.clone();
    for (d, (_, value)) in chosen.iter().zip(pairs) {
        // A value is split into words only for the directives that take several.
        let args = match d.canonical {
            "bind" | "client-output-buffer-limit" | "save" if !value.is_empty() => {
                value.split_ascii_whitespace().map(str::to_string).collect()
            }
            _ => vec![value.clone()],
        };
        if let Err(reason) = (d.apply)(&mut next, &args) {
            if next.dir != current.dir {
                // Undo `dir`'s chdir, as Redis restores the old values.
                let _ = std::env::set_current_dir(&current.dir);
            }
            return Err(SetError::Failed(d.canonical.to_string(), reason));
        }
    }
    next.generation = current.generation + 1;
    Ok(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_get_matches_globs_once() {
        let c = Config::default();
        let got = matching(&c, &[b"p*", b"port"]);
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            vec![
                "port",
                "protected-mode",
                "pidfile",
                "proto-max-bulk-len",
                "proc-title-template"
            ]
        );
        assert_eq!(got[0].1, "6379");
        assert_eq!(
            matching(&c, &[b"save"]),
            vec![("save".to_string(), "3600 1 300 100 60 10000".to_string())]
        );
        assert_eq!(
            matching(&c, &[b"HZ"]),
            vec![("HZ".to_string(), "10".to_string())]
        );
    }

    #[test]
    fn config_set_is_all_or_nothing() {
        let c = Config::default();
        let pairs = |p: &[(&str, &str)]| {
            p.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect::<Vec<_>>()
        };
        let next = set_many(&c, &pairs(&[("hz", "5"), ("maxclients", "7")]), true).unwrap();
        assert_eq!((next.hz, next.maxclients, next.generation), (5, 7, 1));
        assert_eq!(
            set_many(&c, &pairs(&[("hz", "abc"), ("nosuch", "1")]), true).unwrap_err(),
            SetError::Unknown("nosuch".into())
        );
        assert_eq!(
            set_many(&c, &pairs(&[("hz", "5"), ("HZ", "6")]), true)
                .unwrap_err()
                .text(),
            "ERR CONFIG SET failed (possibly related to argument 'HZ') - duplicate parameter"
        );
        let next = set_many(
            &c,
            &pairs(&[
                ("hash-max-listpack-entries", "5"),
                ("hash-max-ziplist-entries", "6"),
            ]),
            true,
        )
        .unwrap();
        assert_eq!(next.encodings.hash_max_listpack_entries, 6);
        assert_eq!(
            set_many(&c, &pairs(&[("databases", "1")]), true).unwrap_err().text(),
            "ERR CONFIG SET failed (possibly related to argument 'databases') - can't set immutable config"
        );
        assert_eq!(
            set_many(&c, &pairs(&[("dir", "/")]), true).unwrap_err().text(),
            "ERR CONFIG SET failed (possibly related to argument 'dir') - can't set protected config"
        );
        assert_eq!(
            set_many(&c, &pairs(&[("hz", "5"), ("MAXCLIENTS", "x")]), true)
                .unwrap_err()
                .text(),
            "ERR CONFIG SET failed (possibly related to argument 'maxclients') - argument couldn't be parsed into an integer"
        );
        assert_eq!(c.hz, 10);
    }
}
