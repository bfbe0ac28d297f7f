//! The snapshot file format: a magic header, frames of rkyv-encoded records, an end frame and
//! a trailing SHA-256.
//!
//! ```text
//! MAGIC = "SHARDIS-SNAPSHOT" (16 bytes) + format version (u16 little-endian)
//! frame = length (u32 little-endian, > 0) + that many bytes: rkyv archive of Vec<Record>
//! end   = length 0 (4 zero bytes)
//! sum   = SHA-256 (32 bytes) of every byte before it
//! ```
//!
//! Frames are stateless ([`encode_frame`]) so each shard can encode its own slices on its own
//! thread; [`SnapshotWriter`] concatenates them and hashes as it writes. [`decode`] trusts
//! nothing: it checks the magic, walks the frame lengths to the end frame, and verifies the
//! checksum over the whole file before it decodes a single frame, each with rkyv's validating
//! API on an aligned copy. A damaged file is refused with a [`SnapshotError`] that says what
//! is wrong; no input panics.

use super::{ArchivedRecord, Record};
use rkyv::rancor::{self, Fallible};
use rkyv::ser::{Allocator, Writer};
use rkyv::util::AlignedVec;
use rkyv::vec::{ArchivedVec, VecResolver};
use rkyv::{Archive, Place, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;
use std::io::{self, Write};

/// The signature every snapshot file starts with.
const SIGNATURE: &[u8; 16] = b"SHARDIS-SNAPSHOT";
/// The format version this build writes and reads.
pub const FORMAT_VERSION: u16 = 1;
/// The first bytes of a snapshot file: `SHARDIS-SNAPSHOT` then [`FORMAT_VERSION`] (u16 LE).
pub const MAGIC: &[u8] = b"SHARDIS-SNAPSHOT\x01\x00";
/// Length of the trailing SHA-256.
const CHECKSUM_LEN: usize = 32;
/// Length of a frame's length prefix.
const LENGTH_LEN: usize = 4;

/// Why a snapshot file cannot be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SnapshotError {
    /// The file does not start with the shardis snapshot signature.
    NotASnapshot,
    /// A shardis snapshot of a format version this build does not read.
    UnsupportedVersion {
        /// The version in the file.
        found: u16,
    },
    /// The file ends before its end frame and checksum.
    Truncated {
        /// The file's length.
        len: usize,
        /// Where the incomplete part starts.
        at: usize,
        /// How many bytes that part needs.
        needed: usize,
    },
    /// Bytes follow the checksum.
    TrailingData {
        /// How many.
        extra: usize,
    },
    /// The checksum stored in the file is not the SHA-256 of its contents.
    ChecksumMismatch {
        /// The checksum stored in the file.
        expected: [u8; 32],
        /// The SHA-256 of the contents.
        found: [u8; 32],
    },
    /// A frame passed the checksum but is not a valid archive of records.
    Undecodable {
        /// The frame's number, from 0.
        frame: usize,
        /// What rkyv reported.
        reason: String,
    },
    /// A record names a database the server does not have.
    DbOutOfRange {
        /// The record's database.
        db: u32,
        /// How many databases the shard has.
        databases: usize,
    },
}

/// Lowercase hex of `bytes`.
fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SnapshotError::NotASnapshot => write!(
                f,
                "not a shardis snapshot: the file does not start with SHARDIS-SNAPSHOT \
                 (was it written by another program, or is it the wrong file?)"
            ),
            SnapshotError::UnsupportedVersion { found } => write!(
                f,
                "unsupported snapshot format version {found}: this shardis reads version \
                 {FORMAT_VERSION}; load it with the shardis release that wrote it"
            ),
            SnapshotError::Truncated { len, at, needed } => write!(
                f,
                "truncated snapshot: the file is {len} bytes long but the part at byte {at} \
                 needs {needed} bytes, so it ends before its checksum (an interrupted copy or \
                 a full disk?); restore an intact copy"
            ),
            SnapshotError::TrailingData { extra } => write!(
                f,
                "corrupt snapshot: {extra} unexpected bytes follow the checksum; restore an \
                 intact copy"
            ),
            SnapshotError::ChecksumMismatch { expected, found } => write!(
                f,
                "snapshot checksum mismatch: the file records SHA-256 {} but its contents hash \
                 to {}; the file is corrupt, restore an intact copy",
                hex(expected),
                hex(found)
            ),
            SnapshotError::Undecodable { frame, reason } => write!(
                f,
                "snapshot frame {frame} cannot be decoded although the checksum matches \
                 ({reason}); the file was written by an incompatible build"
            ),
            SnapshotError::DbOutOfRange { db, databases } => write!(
                f,
                "the snapshot holds keys of database {db} but this server has {databases} \
                 databases; raise `databases` in the configuration"
            ),
        }
    }
}

impl std::error::Error for SnapshotError {}

/// The framed encoding of `records`: `[u32 LE length][rkyv bytes of Vec<Record>]`, ready for
/// [`SnapshotWriter::write_frame`]. Stateless, so a shard can encode on its own thread.
///
/// A frame's length must fit a u32: records whose archive would exceed 4 GiB are split over
/// several frames (the bytes returned are then several frames back to back).
pub fn encode_frame(records: &[Record]) -> Vec<u8> {
    let mut out = Vec::new();
    append_frames(records, &mut out);
    out
}

/// Appends the frames of `records` to `out`, halving a run whose archive is too long.
fn append_frames(records: &[Record], out: &mut Vec<u8>) {
    // Serializing plain owned data into an in-memory buffer has no failure mode but running
    // out of memory; rancor's error is mapped to an empty archive only to avoid a panic path.
    let bytes = rkyv::to_bytes::<rancor::Error>(&RecordSlice(records)).unwrap_or_default();
    match u32::try_from(bytes.len()) {
        Ok(len) if len > 0 => {
            out.extend_from_slice(&len.to_le_bytes());
            out.extend_from_slice(&bytes);
        }
        _ if records.len() > 1 => {
            let (a, b) = records.split_at(records.len() / 2);
            append_frames(a, out);
            append_frames(b, out);
        }
        // One record of 4 GiB or more cannot be framed; it is left out (a documented limit).
        _ => {}
    }
}

/// A borrowed run of records that archives exactly as a `Vec<Record>` does, so a frame is
/// encoded without copying the records into a vector first.
struct RecordSlice<'a>(&'a [Record]);

impl Archive for RecordSlice<'_> {
    type Archived = ArchivedVec<ArchivedRecord>;
    type Resolver = VecResolver;

    fn resolve(&self, resolver: VecResolver, out: Place<Self::Archived>) {
        ArchivedVec::resolve_from_slice(self.0, resolver, out);
    }
}

impl<S> Serialize<S> for RecordSlice<'_>
where
    S: Fallible + Allocator + Writer + ?Sized,
    Record: Serialize<S>,
{
    fn serialize(&self, serializer: &mut S) -> Result<VecResolver, S::Error> {
        ArchivedVec::serialize_from_slice(self.0, serializer)
    }
}

/// Writes a snapshot file: [`MAGIC`], the frames it is given, the end frame and the SHA-256
/// of everything before it.
#[derive(Debug)]
pub struct SnapshotWriter<W: Write> {
    out: W,
    hasher: Sha256,
}

impl<W: Write> SnapshotWriter<W> {
    /// Starts a snapshot on `out` by writing [`MAGIC`].
    pub fn new(out: W) -> io::Result<Self> {
        let mut writer = SnapshotWriter {
            out,
            hasher: Sha256::new(),
        };
        writer.write_hashed(MAGIC)?;
        Ok(writer)
    }

    /// Writes `bytes` and adds them to the checksum.
    fn write_hashed(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.out.write_all(bytes)?;
        self.hasher.update(bytes);
        Ok(())
    }

    /// Writes one or more frames made by [`encode_frame`].
    pub fn write_frame(&mut self, frame: &[u8]) -> io::Result<()> {
        self.write_hashed(frame)
    }

    /// Writes the end frame and the checksum, flushes, and returns the output.
    pub fn finish(mut self) -> io::Result<W> {
        self.write_hashed(&[0; LENGTH_LEN])?;
        let sum = self.hasher.finalize();
        self.out.write_all(&sum)?;
        self.out.flush()?;
        Ok(self.out)
    }
}

/// Checks a whole snapshot file (magic, frame structure, checksum) and only then decodes its
/// frames: one `Vec<Record>` per frame, in file order.
pub fn decode(bytes: &[u8]) -> Result<Vec<Vec<Record>>, SnapshotError> {
    let frames = verify(bytes)?;
    let mut decoded = Vec::with_capacity(frames.len());
    let mut aligned = AlignedVec::<16>::new();
    for (number, frame) in frames.into_iter().enumerate() {
        aligned.clear();
        aligned.extend_from_slice(frame);
        let records = rkyv::from_bytes::<Vec<Record>, rancor::Error>(&aligned).map_err(|e| {
            SnapshotError::Undecodable {
                frame: number,
                reason: e.to_string(),
            }
        })?;
        decoded.push(records);
    }
    Ok(decoded)
}

/// Checks the magic, walks the frames to the end frame and verifies the checksum; the frames'
/// bodies, in order.
fn verify(bytes: &[u8]) -> Result<Vec<&[u8]>, SnapshotError> {
    let len = bytes.len();
    if len < SIGNATURE.len() || &bytes[..SIGNATURE.len()] != SIGNATURE {
        return Err(SnapshotError::NotASnapshot);
    }
    let truncated = |at: usize, needed: usize| SnapshotError::Truncated { len, at, needed };
    let Some(version) = bytes.get(SIGNATURE.len()..MAGIC.len()) else {
        return Err(truncated(SIGNATURE.len(), MAGIC.len() - SIGNATURE.len()));
    };
    let found = u16::from_le_bytes([version[0], version[1]]);
    if found != FORMAT_VERSION {
        return Err(SnapshotError::UnsupportedVersion { found });
    }
    let mut frames = Vec::new();
    let mut at = MAGIC.len();
    loop {
        let Some(prefix) = bytes.get(at..at + LENGTH_LEN) else {
            return Err(truncated(at, LENGTH_LEN));
        };
        let frame_len = u32::from_le_bytes([prefix[0], prefix[1], prefix[2], prefix[3]]) as usize;
        at += LENGTH_LEN;
        if frame_len == 0 {
            break;
        }
        let Some(frame) = bytes.get(at..at + frame_len) else {
            return Err(truncated(at - LENGTH_LEN, LENGTH_LEN + frame_len));
        };
        frames.push(frame);
        at += frame_len;
    }
    let rest = len - at;
    if rest < CHECKSUM_LEN {
        return Err(truncated(at, CHECKSUM_LEN));
    }
    if rest > CHECKSUM_LEN {
        return Err(SnapshotError::TrailingData {
            extra: rest - CHECKSUM_LEN,
        });
    }
    let mut expected = [0u8; 32];
    expected.copy_from_slice(&bytes[at..]);
    let found: [u8; 32] = Sha256::digest(&bytes[..at]).into();
    if expected != found {
        return Err(SnapshotError::ChecksumMismatch { expected, found });
    }
    Ok(frames)
}
