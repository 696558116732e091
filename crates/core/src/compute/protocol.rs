//! The messages between the site and its compute worker: a [`Request`] (an id and a [`Job`]) goes
//! to the worker, [`Response`]s come back. Both are serde-encoded as JSON text, which a browser
//! posts between threads as one string.
//!
//! Ids are the sender's, increasing; the worker echoes them so the sender can drop a result that a
//! newer request of the same [`Kind`] has replaced. A job ends with exactly one of
//! [`Response::Done`], [`Response::Failed`] or [`Response::Abandoned`] (the worker gave it up for
//! a newer one); long jobs send [`Response::Progress`] before that.

use super::clusters_wire::ClustersWire;
use crate::cluster::topic_perfs::{PerfRequest, TopicPerfs};
use crate::cluster::{ClusterParams, Clustering};
use crate::diff::scores::ScoresRun;
use crate::diff::Diff;
use crate::judges::analysis::Analysis;
use crate::leaderboard::{Leaderboard, LeaderboardOptions};
use crate::source::SourceFile;
use serde::{Deserialize, Serialize};

/// What the worker is asked to do, with the sender's id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Request {
    pub id: u64,
    pub job: Job,
}

/// One unit of work.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "job", rename_all = "snake_case")]
pub enum Job {
    /// Parse these files into the data set every later job works on (replacing any earlier one),
    /// after the pieces of this load sent before it ([`Job::LoadPart`]).
    Load { files: Vec<FileText> },
    /// Fetch the data file at `url` and read it as `path` while it arrives
    /// ([`crate::stream_load::StreamLoad`]): a battle log of millions of lines is never held as
    /// text. The worker reports [`Response::Progress`] in bytes (`total` 0 when the server sends
    /// no length) and hands each chunk it reads to the page too, as a `[id, Uint8Array]` array
    /// beside these JSON messages, so the page can read its own copy without fetching again.
    LoadUrl { url: String, path: String },
    /// A piece of the files of the load (or second load) with this request's id, which follows
    /// its pieces: a new file, or (`append`) more of the last one's text
    /// ([`super::load_parts`]). Not answered.
    LoadPart {
        path: String,
        text: String,
        append: bool,
    },
    /// The leaderboard of `bench` for options already scoped by the page (`scope::resolve`, then
    /// `LeaderboardOptions::scoped`): judges, baselines and method are decided, not guessed here.
    Leaderboard {
        bench: String,
        options: LeaderboardOptions,
    },
    /// The judges page's analysis of `bench`: every judge's leaderboards, the pooled one and
    /// position consistency (`judges::analysis::analyse_paced`). `judges`: the scope's, sorted by
    /// name; `options` carry the scope's method.
    Judges {
        bench: String,
        judges: Vec<String>,
        options: LeaderboardOptions,
    },
    /// The judges page's what-if: one judge's leaderboard with one option changed (a point fit,
    /// answered as a [`JobResult::Leaderboard`]). A kind of its own, so it never replaces the
    /// analysis.
    WhatIf {
        bench: String,
        options: LeaderboardOptions,
    },
    /// Parse these files as the diff's run 2 (kept beside the main data set, replacing any
    /// earlier run 2), after this load's pieces. [`DiffData::Second`] names it by this request's id.
    LoadSecond { files: Vec<FileText> },
    /// Two runs side by side (`diff::compute`, every shared model's prompt changes), with the
    /// paired bootstrap of `options` (its rounds and seed; the level is run 1's).
    Diff {
        run_1: Box<DiffRun>,
        run_2: Box<DiffRun>,
        options: LeaderboardOptions,
    },
    /// Topics computed from the prompt texts of `bench` (`cluster::ClusterJob`), paced between
    /// two of its steps; with `perf`, also the topics' and broad topics' win rates
    /// (`cluster::topic_perfs`), so the page only renders them.
    Clusters {
        bench: String,
        params: ClusterParams,
        #[serde(default)]
        perf: Option<PerfRequest>,
    },
}

/// One run of a diff.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "run", rename_all = "snake_case")]
pub enum DiffRun {
    /// A leaderboard of `bench` in `data`, with options already scoped by the page.
    Verdicts {
        data: DiffData,
        bench: String,
        options: LeaderboardOptions,
    },
    /// A published table of scores.
    Scores { table: ScoresRun },
}

/// Which of the worker's data sets a run reads.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "data", rename_all = "snake_case")]
pub enum DiffData {
    /// The data of the last [`Job::Load`].
    Main,
    /// The run 2 loaded by the [`Job::LoadSecond`] with this id.
    Second { load: u64 },
}

/// One input file as sent to the worker ([`SourceFile`] without the parsing concerns).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FileText {
    pub path: String,
    pub text: String,
}

impl From<SourceFile> for FileText {
    fn from(f: SourceFile) -> FileText {
        FileText {
            path: f.path,
            text: f.text,
        }
    }
}

impl From<FileText> for SourceFile {
    fn from(f: FileText) -> SourceFile {
        SourceFile {
            path: f.path,
            text: f.text,
        }
    }
}

/// Requests of one kind replace each other: only the newest of a kind is worth finishing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Load,
    LoadPart,
    Leaderboard,
    Judges,
    WhatIf,
    LoadSecond,
    Diff,
    Clusters,
}

impl Job {
    pub fn kind(&self) -> Kind {
        match self {
            Job::Load { .. } | Job::LoadUrl { .. } => Kind::Load,
            Job::LoadPart { .. } => Kind::LoadPart,
            Job::Leaderboard { .. } => Kind::Leaderboard,
            Job::Judges { .. } => Kind::Judges,
            Job::WhatIf { .. } => Kind::WhatIf,
            Job::LoadSecond { .. } => Kind::LoadSecond,
            Job::Diff { .. } => Kind::Diff,
            Job::Clusters { .. } => Kind::Clusters,
        }
    }
}

/// What the worker says.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "response", rename_all = "snake_case")]
pub enum Response {
    /// The worker is running and reads requests (sent once, when it starts).
    Ready,
    /// `done` of `total` steps (bootstrap rounds) of job `id` are finished.
    Progress { id: u64, done: u64, total: u64 },
    /// Job `id` finished. `completed` counts the jobs this worker has finished so far, this one
    /// included: the observable proof that a replaced job was not run to its end.
    Done {
        id: u64,
        result: JobResult,
        completed: u64,
    },
    /// Job `id` could not be done (the data or the options allow no result); the text says why.
    Failed { id: u64, error: String },
    /// Job `id` was given up because a newer request of its kind arrived.
    Abandoned { id: u64 },
}

/// A finished job's result: the core's own types.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "result", rename_all = "snake_case")]
pub enum JobResult {
    Loaded(LoadSummary),
    Leaderboard(Box<Leaderboard>),
    Judges(Box<Analysis>),
    Diff(Box<Diff>),
    Clusters(Box<ClustersDone>),
}

/// A clustering, with the win rates its request asked for (computed for exactly that request).
/// Sent in a compact form ([`super::clusters_wire`]): the prompts' map positions as hex.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(into = "ClustersWire", try_from = "ClustersWire")]
pub struct ClustersDone {
    pub clustering: Clustering,
    pub perfs: Option<(PerfRequest, TopicPerfs)>,
}

/// What a load found, for the sender to check against its own copy.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LoadSummary {
    pub files: usize,
    pub bytes: usize,
    pub benches: Vec<String>,
}

/// A message that is not one of ours.
#[derive(Clone, Debug, PartialEq)]
pub enum ProtocolError {
    Malformed(String),
}

impl std::fmt::Display for ProtocolError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ProtocolError::Malformed(e) => write!(f, "malformed compute message: {e}"),
        }
    }
}

impl std::error::Error for ProtocolError {}

fn encode<T: Serialize>(value: &T) -> String {
    // Every type here is plain data with string keys: serialising cannot fail.
    serde_json::to_string(value).expect("protocol messages serialise")
}

fn decode<'a, T: Deserialize<'a>>(text: &'a str) -> Result<T, ProtocolError> {
    serde_json::from_str(text).map_err(|e| ProtocolError::Malformed(e.to_string()))
}

/// The borrowed twin of a load request: the same JSON as `Request { id, job: Job::Load { .. } }`,
/// written from the files the sender is about to parse itself, without copying their texts.
#[derive(Serialize)]
struct LoadRef<'a> {
    id: u64,
    job: JobRef<'a>,
}

#[derive(Serialize)]
#[serde(tag = "job", rename_all = "snake_case")]
enum JobRef<'a> {
    Load { files: Vec<FileRef<'a>> },
    LoadSecond { files: Vec<FileRef<'a>> },
}

#[derive(Serialize)]
struct FileRef<'a> {
    path: &'a str,
    text: &'a str,
}

fn file_refs(files: &[SourceFile]) -> Vec<FileRef<'_>> {
    files
        .iter()
        .map(|f| FileRef {
            path: &f.path,
            text: &f.text,
        })
        .collect()
}

impl Request {
    pub fn encode(&self) -> String {
        encode(self)
    }
    /// The encoded `Request { id, job: Job::Load { files } }` for borrowed files.
    pub fn encode_load(id: u64, files: &[SourceFile]) -> String {
        encode(&LoadRef {
            id,
            job: JobRef::Load {
                files: file_refs(files),
            },
        })
    }
    /// The encoded `Request { id, job: Job::LoadSecond { files } }` for borrowed files.
    pub fn encode_load_second(id: u64, files: &[SourceFile]) -> String {
        encode(&LoadRef {
            id,
            job: JobRef::LoadSecond {
                files: file_refs(files),
            },
        })
    }
    pub fn decode(text: &str) -> Result<Request, ProtocolError> {
        decode(text)
    }
}

impl Response {
    pub fn encode(&self) -> String {
        encode(self)
    }
    pub fn decode(text: &str) -> Result<Response, ProtocolError> {
        decode(text)
    }
    /// The job this response is about (none for [`Response::Ready`]).
    pub fn id(&self) -> Option<u64> {
        match self {
            Response::Ready => None,
            Response::Progress { id, .. }
            | Response::Done { id, .. }
            | Response::Failed { id, .. }
            | Response::Abandoned { id } => Some(*id),
        }
    }
}
