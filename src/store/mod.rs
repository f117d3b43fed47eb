//! The store: documents, entities, statements and their evidence in an embedded SQLite
//! database (default `output/dipgraph.db`).
//!
//! The store keeps every document's contribution apart (as the graph file does), and the
//! aggregates that queries read (entity names, mentions, aliases) up to date as documents come
//! and go, so that a query never loads the whole graph and adding documents costs what they
//! hold, not what the store holds. Writes happen in transactions: a build killed at any moment
//! leaves the store as it was after its last complete batch.

mod read;
pub mod schema;
mod stats;
mod write;

pub use read::{NodeLinkStats, Records, ViewSpec};
pub use stats::{Ranked, Reciprocal, Stats};
pub use write::{OnChange, Outcome};

use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// Why a store could not be opened or used.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// There is no store at this path.
    #[error("no store at {}; run `dipgraph build` first", .0.display())]
    Missing(PathBuf),
    /// The file is not a dipgraph store (not SQLite, or another program's database).
    #[error("{path} is not a dipgraph store: {why}", path = .0.display(), why = .1)]
    Foreign(PathBuf, String),
    /// Written by a newer dipgraph.
    #[error("{path} uses store schema version {found}, newer than version {ours} which this dipgraph reads; upgrade dipgraph", path = .path.display())]
    Newer {
        /// The store.
        path: PathBuf,
        /// Its schema version.
        found: i32,
        /// The version this dipgraph writes.
        ours: i32,
    },
    /// A dipgraph store whose content is damaged.
    #[error("{path} is a damaged dipgraph store: {why}", path = .0.display(), why = .1)]
    Corrupt(PathBuf, String),
    /// The file could not be read or written.
    #[error("cannot access {path}: {err}", path = .0.display(), err = .1)]
    Io(PathBuf, std::io::Error),
    /// A database error.
    #[error("{path}: {err}", path = .0.display(), err = one_line(&.1.to_string()))]
    Sql(PathBuf, rusqlite::Error),
    /// A record given to the store is inconsistent.
    #[error("{0}")]
    Invalid(String),
}

impl StoreError {
    /// Whether the error is only that the store does not exist yet.
    pub fn is_missing(&self) -> bool {
        matches!(self, StoreError::Missing(_))
    }
}

/// A single-line version of a message.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Result of store operations.
pub type Result<T> = std::result::Result<T, StoreError>;

/// How a store is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Read only; the store must exist.
    Read,
    /// Read and write; the store must exist.
    Write,
    /// Read and write; a missing store is created.
    Create,
}

/// An open dipgraph store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// The first 16 bytes of every SQLite database file.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

impl Store {
    /// Opens (or, with `Mode::Create`, creates) the store at `path`. A file that is not a
    /// dipgraph store, is damaged or is of a newer schema is refused and left untouched.
    pub fn open(path: impl AsRef<Path>, mode: Mode) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        let size = match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => {
                return Err(StoreError::Foreign(path, "it is a directory".into()));
            }
            Ok(m) => Some(m.len()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(StoreError::Io(path, e)),
        };
        match size {
            None if mode != Mode::Create => return Err(StoreError::Missing(path)),
            None => {
                if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    std::fs::create_dir_all(dir).map_err(|e| StoreError::Io(path.clone(), e))?;
                }
            }
            Some(n) if n > 0 => check_magic(&path)?,
            Some(_) => {}
        }
        let flags = match mode {
            Mode::Read => OpenFlags::SQLITE_OPEN_READ_ONLY,
            Mode::Write => OpenFlags::SQLITE_OPEN_READ_WRITE,
            Mode::Create => OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
        } | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(&path, flags)
            .map_err(|e| StoreError::Sql(path.clone(), e))?;
        let mut store = Store { conn, path };
        store.prepare(mode != Mode::Read)?;
        Ok(store)
    }

    /// A new store in memory, for graph files read as stores and for tests.
    pub fn in_memory() -> Result<Store> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|e| StoreError::Sql(path.clone(), e))?;
        let mut store = Store { conn, path };
        store.prepare(true)?;
        Ok(store)
    }

    /// Where the store lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The underlying SQLite connection, for SQL that the library does not wrap.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// A database error, mapped to "damaged" when SQLite says so.
    pub(crate) fn err(&self, e: rusqlite::Error) -> StoreError {
        sql_error(&self.path, e)
    }

    /// Checks what the file is, then creates or migrates the schema and sets the pragmas.
    fn prepare(&mut self, writable: bool) -> Result<()> {
        let path = self.path.clone();
        let sql = |e| sql_error(&path, e);
        let app: i32 = self
            .conn
            .pragma_query_value(None, "application_id", |r| r.get(0))
            .map_err(sql)?;
        let version: i32 = self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(sql)?;
        if app != schema::APPLICATION_ID {
            let tables: i64 = self
                .conn
                .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
                .map_err(sql)?;
            if app != 0 || tables > 0 || version != 0 {
                return Err(StoreError::Foreign(
                    path,
                    "an SQLite database of another program".into(),
                ));
            }
            if !writable {
                return Err(StoreError::Foreign(path, "an empty SQLite database".into()));
            }
        }
        if version > schema::SCHEMA_VERSION {
            return Err(StoreError::Newer {
                path,
                found: version,
                ours: schema::SCHEMA_VERSION,
            });
        }
        if version < schema::SCHEMA_VERSION {
            if !writable {
                return Err(StoreError::Corrupt(
                    path,
                    format!(
                        "schema version {version} needs an upgrade to {}; run `dipgraph build` on it first",
                        schema::SCHEMA_VERSION
                    ),
                ));
            }
            self.migrate(version)?;
        }
        // Settings: WAL lets readers work while a build writes; NORMAL sync keeps every
        // committed batch across a killed process; a larger page cache speeds index updates.
        let pragmas = if writable && self.path != Path::new(":memory:") {
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA busy_timeout = 10000;"
        } else {
            "PRAGMA cache_size = -65536; PRAGMA busy_timeout = 10000;"
        };
        self.conn.execute_batch(pragmas).map_err(sql)?;
        Ok(())
    }

    /// Applies the migrations after `from`, in one transaction.
    fn migrate(&mut self, from: i32) -> Result<()> {
        let path = self.path.clone();
        let sql = |e| sql_error(&path, e);
        let tx = self.conn.transaction().map_err(sql)?;
        for m in &schema::MIGRATIONS[from as usize..] {
            tx.execute_batch(m).map_err(sql)?;
        }
        tx.pragma_update(None, "application_id", schema::APPLICATION_ID)
            .map_err(sql)?;
        tx.pragma_update(None, "user_version", schema::SCHEMA_VERSION)
            .map_err(sql)?;
        tx.commit().map_err(sql)
    }
}

/// Refuses a file that does not start like an SQLite database.
fn check_magic(path: &Path) -> Result<()> {
    use std::io::Read;
    let mut head = [0u8; 16];
    let mut f = std::fs::File::open(path).map_err(|e| StoreError::Io(path.to_path_buf(), e))?;
    let n = f
        .read(&mut head)
        .map_err(|e| StoreError::Io(path.to_path_buf(), e))?;
    if n < 16 || &head != SQLITE_MAGIC {
        return Err(StoreError::Foreign(
            path.to_path_buf(),
            "not an SQLite database".into(),
        ));
    }
    Ok(())
}

/// Whether a file starts like an SQLite database (a store, or another program's database).
pub fn looks_like_sqlite(path: &Path) -> bool {
    check_magic(path).is_ok()
}

/// Maps SQLite's "damaged" codes to `Corrupt`, anything else to `Sql`.
fn sql_error(path: &Path, e: rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode;
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseCorrupt) | Some(ErrorCode::NotADatabase) => {
            StoreError::Corrupt(path.to_path_buf(), one_line(&e.to_string()))
        }
        _ => StoreError::Sql(path.to_path_buf(), e),
    }
}

#[cfg(test)]
mod tests;
