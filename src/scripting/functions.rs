//! The function libraries every shard knows (FUNCTION LOAD / DELETE / FLUSH): one
//! process-wide table of library sources and their functions, as Redis's one library context.
//! Each shard keeps its own functions VM and rebuilds it from this table when the table's
//! generation moved on (any load, delete or flush bumps it).

use super::lua::{FunctionDef, ScriptFlags};
use bytes::Bytes;
use std::sync::{Mutex, MutexGuard, OnceLock};

/// A loaded library.
#[derive(Debug, Clone)]
pub struct Library {
    pub name: String,
    /// The whole payload of FUNCTION LOAD, shebang line included (FUNCTION LIST WITHCODE).
    pub code: Bytes,
    pub functions: Vec<FunctionDef>,
}

#[derive(Default)]
struct Table {
    generation: u64,
    /// In load order.
    libraries: Vec<Library>,
    /// Functions (lowercase names) that must run holding every shard.
    wide: Vec<String>,
}

static TABLE: OnceLock<Mutex<Table>> = OnceLock::new();

fn table() -> MutexGuard<'static, Table> {
    let lock = TABLE.get_or_init(|| Mutex::new(Table::default()));
    lock.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The current generation and the libraries' payloads (for a shard to rebuild its VM).
pub fn snapshot() -> (u64, Vec<Bytes>) {
    let t = table();
    (
        t.generation,
        t.libraries.iter().map(|l| l.code.clone()).collect(),
    )
}

/// The current generation.
pub fn generation() -> u64 {
    table().generation
}

/// Whether a library is called `name` (case-sensitive, as Redis's).
pub fn library_exists(name: &str) -> bool {
    table().libraries.iter().any(|l| l.name == name)
}

/// Adds `library` (replacing the one of its name with `replace`): the error text when its
/// name is taken (without `replace`) or one of its functions is another library's.
pub fn add(library: Library, replace: bool) -> Result<(), String> {
    let mut t = table();
    let old = t.libraries.iter().position(|l| l.name == library.name);
    if old.is_some() && !replace {
        return Err(format!("Library '{}' already exists", library.name));
    }
    for f in &library.functions {
        let taken = t.libraries.iter().enumerate().any(|(i, l)| {
            Some(i) != old
                && l.functions
                    .iter()
                    .any(|g| g.name.eq_ignore_ascii_case(&f.name))
        });
        if taken {
            return Err(format!("Function {} already exists", f.name));
        }
    }
    match old {
        Some(i) => {
            let gone = std::mem::replace(&mut t.libraries[i], library);
            t.wide.retain(|w| {
                !gone
                    .functions
                    .iter()
                    .any(|f| f.name.eq_ignore_ascii_case(w))
            });
        }
        None => t.libraries.push(library),
    }
    t.generation += 1;
    Ok(())
}

/// FUNCTION DELETE: whether there was such a library.
pub fn delete(name: &str) -> bool {
    let mut t = table();
    let Some(i) = t.libraries.iter().position(|l| l.name == name) else {
        return false;
    };
    t.libraries.remove(i);
    t.generation += 1;
    true
}

/// FUNCTION FLUSH.
pub fn flush() {
    let mut t = table();
    t.libraries.clear();
    t.wide.clear();
    t.generation += 1;
}

/// The libraries, in load order.
pub fn libraries() -> Vec<Library> {
    table().libraries.clone()
}

/// The flags of the function `name` (any case), if there is one.
pub fn flags(name: &str) -> Option<ScriptFlags> {
    table()
        .libraries
        .iter()
        .flat_map(|l| l.functions.iter())
        .find(|f| f.name.eq_ignore_ascii_case(name))
        .map(|f| f.flags)
}

/// Whether the function `name` must run under the keyspace-wide lock.
pub fn is_wide(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    table().wide.contains(&name)
}

/// From now on the function `name` runs under the keyspace-wide lock.
pub fn mark_wide(name: &str) {
    let name = name.to_ascii_lowercase();
    let mut t = table();
    if !t.wide.contains(&name) {
        t.wide.push(name);
    }
}
