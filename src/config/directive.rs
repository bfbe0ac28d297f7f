//! What a directive is ([`Directive`]: name, default, how it is applied and shown, whether
//! CONFIG SET may change it) and how CONFIG REWRITE writes it ([`Format`]); the directives
//! themselves are in `table.rs`.

use super::Config;
use std::fmt;

/// How CONFIG REWRITE writes a directive's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// As CONFIG GET shows it (numbers, yes/no, enum names, word lists).
    Plain,
    /// One string, quoted as Redis quotes it (`dbfilename "dump.rdb"`).
    Quoted,
    /// A byte count, with the largest unit that divides it (`512mb`).
    Memory,
    /// client-output-buffer-limit: one line per client class.
    PerClass,
    /// One `save <seconds> <changes>` line per save point, or `save ""`; always written, as
    /// Redis does, so the defaults never come back.
    SavePoints,
    /// `name default`, the declared default as written in redis.conf (the directives that
    /// accept only their default, see `INERT` in `table.rs`).
    Default,
}

/// One configuration directive.
pub struct Directive {
    /// Name as in redis.conf.
    pub name: &'static str,
    /// The directive an alias stands for (its own name for a directive that is no alias).
    pub canonical: &'static str,
    /// Default value, as it would be written in redis.conf.
    pub default: &'static str,
    /// Applies the directive's arguments, or says why they are invalid (Redis's words).
    pub apply: fn(&mut Config, &[String]) -> Result<(), String>,
    /// The current value as CONFIG GET shows it.
    pub show: fn(&Config) -> String,
    /// CONFIG SET may change it while the server runs.
    pub mutable: bool,
    /// CONFIG SET may change it only when `enable-protected-configs` allows it.
    pub protected: bool,
    /// How CONFIG REWRITE writes it.
    pub format: Format,
}

impl Directive {
    /// A mutable, unprotected directive written [`Format::Plain`] (the builders below change that).
    pub(super) const fn new(
        name: &'static str,
        default: &'static str,
        apply: fn(&mut Config, &[String]) -> Result<(), String>,
        show: fn(&Config) -> String,
    ) -> Directive {
        Directive {
            name,
            canonical: name,
            default,
            apply,
            show,
            mutable: true,
            protected: false,
            format: Format::Plain,
        }
    }

    /// CONFIG SET may not change it.
    pub(super) const fn immutable(mut self) -> Directive {
        self.mutable = false;
        self
    }

    /// CONFIG SET may change it only as `enable-protected-configs` allows.
    pub(super) const fn protected(mut self) -> Directive {
        self.protected = true;
        self
    }

    /// CONFIG REWRITE writes it as `format` says.
    pub(super) const fn format(mut self, format: Format) -> Directive {
        self.format = format;
        self
    }

    /// An alias of the directive `canonical` (CONFIG REWRITE writes that name).
    pub(super) const fn alias_of(mut self, canonical: &'static str) -> Directive {
        self.canonical = canonical;
        self
    }
}

impl fmt::Debug for Directive {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Directive")
            .field("name", &self.name)
            .finish()
    }
}
