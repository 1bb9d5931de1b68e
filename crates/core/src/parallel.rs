//! `--threads N` for the per-record filters: the records of a batch go through N threads, each
//! with a record step of its own, and are written in input order, with the same messages, exit
//! status and output as one thread.

use std::collections::VecDeque;
use std::sync::{mpsc, PoisonError, RwLock};

use crate::error::{Failure, Status};
use crate::input::{display_name, inputs};
use crate::lang::Lang;
use crate::output::{Edits, Output};
use crate::progress::Progress;
use crate::record::{Layout, Record};
use crate::run::{
    annotate_record, finish, handle, input_fault, open_lines, run_annotating, run_records,
    run_records_at, At, Next, Tool,
};

/// `--threads`: how many records are annotated at once.
#[derive(clap::Args, Debug, Clone)]
pub struct ThreadsArg {
    /// Annotate on N threads (0: one per core); the output is the same, in the same order.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub threads: usize,
}

impl ThreadsArg {
    /// The number of threads to use.
    pub fn count(&self) -> usize {
        match self.threads {
            0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
            n => n,
        }
    }
}

/// Records a thread takes at a time: up to `CHUNK`, or as many as fill `CHUNK_BYTES`. Large
/// enough that handing out chunks and taking them back costs little beside the records' work
/// (with `dedupe`, whose judging thread takes each chunk as a whole, 512 sentences a chunk
/// took a sixth more wall time), small enough that a few chunks a thread in flight hold
/// little memory.
const CHUNK: usize = 8192;
const CHUNK_BYTES: usize = 1 << 20;

/// The work a filter does on one record, written to any output: what `--threads` hands to
/// each thread (a method generic in the writer, so that one thread writes to standard output
/// and many to buffers, with the same code).
pub trait PerRecord {
    fn record<W: std::io::Write>(
        &mut self,
        rec: &Record,
        out: &mut Output<W>,
    ) -> Result<(), Failure>;
}

/// A chunk of lines for a worker: their bytes end to end (one buffer, not one a line), where
/// each ends, and their line numbers. It comes back with what the worker made of it, and is
/// filled again with later lines.
struct Job {
    bytes: Vec<u8>,
    ends: Vec<usize>,
    numbers: Vec<u64>,
}

impl Job {
    /// An empty chunk, with room for a chunk's bytes at once: no copying as it grows.
    fn new() -> Self {
        Job {
            bytes: Vec::with_capacity(CHUNK_BYTES + (CHUNK_BYTES >> 3)),
            ends: Vec::with_capacity(CHUNK),
            numbers: Vec::with_capacity(CHUNK),
        }
    }

    fn clear(&mut self) {
        self.bytes.clear();
        self.ends.clear();
        self.numbers.clear();
    }
}

/// What a worker made of a chunk: the output of its records, end to end, and per record the
/// end of its output in `out` and whether it failed (a failed record keeps what it wrote, as
/// it does on one thread).
#[derive(Default)]
struct Done {
    out: Vec<u8>,
    ends: Vec<(usize, Result<(), Failure>)>,
}

/// [`run_annotating`] on `threads` threads: `make` gives each thread its annotator.
pub fn run_annotating_threads<M, A>(
    tool: &Tool,
    lang: Option<Lang>,
    key: &str,
    threads: usize,
    make: M,
) -> Status
where
    M: Fn() -> A + Sync,
    A: FnMut(&str, Lang, &mut Vec<u8>),
{
    if threads <= 1 {
        let mut annotate = make();
        return run_annotating(tool, lang, key, |t, l, b| annotate(t, l, b));
    }
    run_records_threads(tool, threads, || Annotating {
        tool,
        lang,
        key,
        edits: Edits::new(),
        annotate: make(),
    })
}

/// [`run_annotating`]'s record step as a [`PerRecord`].
struct Annotating<'a, A> {
    tool: &'a Tool<'a>,
    lang: Option<Lang>,
    key: &'a str,
    edits: Edits,
    annotate: A,
}

impl<A: FnMut(&str, Lang, &mut Vec<u8>)> PerRecord for Annotating<'_, A> {
    fn record<W: std::io::Write>(
        &mut self,
        rec: &Record,
        out: &mut Output<W>,
    ) -> Result<(), Failure> {
        annotate_record(
            rec,
            self.tool,
            self.lang,
            self.key,
            &mut self.edits,
            out,
            &mut self.annotate,
        )
    }
}

/// [`run_records`] on `threads` threads: `make` gives each thread its record step. The output,
/// messages and exit status are those of one thread.
pub fn run_records_threads<M, P>(tool: &Tool, threads: usize, make: M) -> Status
where
    M: Fn() -> P + Sync,
    P: PerRecord,
{
    if threads <= 1 {
        let mut step = make();
        return run_records(tool, |rec, out| step.record(rec, out));
    }
    let work = |jobs: mpsc::Receiver<(Job, Option<Done>)>, done: mpsc::Sender<(Job, Done)>| {
        let mut step = make();
        let mut out = Output::in_memory();
        for (job, spent) in jobs {
            let Done {
                out: buffer,
                mut ends,
            } = spent.unwrap_or_default();
            out.reuse_buffer(buffer);
            ends.clear();
            let mut from = 0;
            for &end in &job.ends {
                let result = Record::parse(&job.bytes[from..end])
                    .map_err(Failure::Bad)
                    .and_then(|rec| step.record(&rec, &mut out));
                from = end;
                ends.push((out.buffered(), result));
            }
            let chunk = Done {
                out: out.take_buffer(),
                ends,
            };
            if done.send((job, chunk)).is_err() {
                break;
            }
        }
    };
    with_workers(
        tool,
        threads,
        work,
        |done: &mut Done, job, name, out, status| {
            let mut from = 0;
            for (k, (end, result)) in done.ends.drain(..).enumerate() {
                let written = out.write_raw(&done.out[from..end]).map_err(Failure::from);
                from = end;
                if let Err(f) = written.and(result) {
                    let at = || format!("{name}:{}", job.numbers[k]);
                    if let Next::Stop = handle(tool, status, at, &f) {
                        return Next::Stop;
                    }
                }
            }
            Next::Go
        },
    )
}

/// Runs `threads` workers, each doing `work` on the chunks it is sent and sending each back
/// with what it made of it (`D`), and gives these to `take`, in input order ([`drive`]). A
/// worker is sent, with a later chunk, what it made of an earlier one once taken: it fills the
/// same buffers again, and what a record left in them is freed on the thread that made it.
fn with_workers<D, W, T>(tool: &Tool, threads: usize, work: W, take: T) -> Status
where
    D: Send,
    W: Fn(mpsc::Receiver<(Job, Option<D>)>, mpsc::Sender<(Job, D)>) + Sync,
    T: FnMut(&mut D, &Job, &str, &mut Output, &mut Status) -> Next,
{
    std::thread::scope(|scope| {
        let mut senders = Vec::new();
        let mut receivers = Vec::new();
        for _ in 0..threads {
            let (job_tx, job_rx) = mpsc::channel::<(Job, Option<D>)>();
            let (done_tx, done_rx) = mpsc::channel::<(Job, D)>();
            let work = &work;
            scope.spawn(move || work(job_rx, done_tx));
            senders.push(job_tx);
            receivers.push(done_rx);
        }
        let status = drive(tool, threads, &senders, &receivers, take);
        drop(senders);
        status
    })
}

/// What a worker made of a record for [`run_records_mapped`]: where its fields are, the map's
/// value, and whether either failed. Slots go from chunk to chunk, filled again: the buffers in
/// them are reused, not made again a record.
#[derive(Default)]
struct Slot<T> {
    layout: Layout,
    value: T,
    failed: Option<Failure>,
}

/// What a worker made of a chunk for [`run_records_mapped`]: a slot a record.
type Mapped<T> = Vec<Slot<T>>;

/// What [`run_records_mapped`] does on its own thread with the records' mapped values.
pub trait Fold<T> {
    /// Takes a record's mapped value before it is folded, with the state as it stands at some
    /// point before the record (after the records folded so far, not always all those before
    /// it): work that only reads the state, done on the worker that mapped the record, beside
    /// the folding of earlier chunks (`dedupe` compares a record with the records kept so
    /// far). With one thread it is not called: `fold` must not need it.
    fn prepare(&self, _t: &mut T) {}

    /// Whether [`Fold::prepare`] does anything: when not, the workers never wait for the lock
    /// (asked once, before the first record).
    fn prepares(&self) -> bool {
        false
    }

    /// Takes one record's mapped value, record after record in input order, with the state
    /// and the output.
    fn fold(&mut self, rec: &Record, at: At, t: &mut T, out: &mut Output) -> Result<(), Failure>;
}

/// [`run_records_at`] split in two for a filter whose verdict on a record depends on the
/// records before it (`dedupe`): `map` (one per thread, from `make`) does the costly work of
/// each record on `threads` threads, and `fold` takes its result on this thread, record after
/// record in input order, with the state and the output. `map` fills a value in place, one an
/// earlier record had (to reuse its buffers): it must set all of it. The output, messages and
/// exit status are those of `run_records_at` with `map(rec, &mut t)?` then
/// `fold.fold(rec, at, &mut t, out)`, whatever `threads` is.
///
/// The state is behind a lock that this thread takes to fold a chunk, and a worker to
/// [`Fold::prepare`] the records of the chunk it mapped: a chunk at a time, so that the lock
/// costs little, and no record is prepared with the state after it (it is folded after).
pub fn run_records_mapped<M, P, T, F>(tool: &Tool, threads: usize, make: M, mut fold: F) -> Status
where
    M: Fn() -> P + Sync,
    P: FnMut(&Record, &mut T) -> Result<(), Failure>,
    T: Default + Send,
    F: Fold<T> + Send + Sync,
{
    if threads <= 1 {
        let mut map = make();
        let mut t = T::default();
        return run_records_at(tool, |rec, at, out| {
            map(rec, &mut t)?;
            fold.fold(rec, at, &mut t, out)
        });
    }
    let prepares = fold.prepares();
    let state = RwLock::new(fold);
    let work = |jobs: mpsc::Receiver<(Job, Option<Mapped<T>>)>,
                done: mpsc::Sender<(Job, Mapped<T>)>| {
        let mut map = make();
        for (job, spent) in jobs {
            let mut slots = spent.unwrap_or_default();
            slots.resize_with(job.ends.len(), Slot::default);
            let mut from = 0;
            for (slot, &end) in slots.iter_mut().zip(&job.ends) {
                let line = &job.bytes[from..end];
                from = end;
                slot.failed = Record::parse(line)
                    .map_err(Failure::Bad)
                    .and_then(|rec| {
                        rec.layout_into(&mut slot.layout);
                        map(&rec, &mut slot.value)
                    })
                    .err();
            }
            if prepares {
                let fold = state.read().unwrap_or_else(PoisonError::into_inner);
                for slot in slots.iter_mut().filter(|s| s.failed.is_none()) {
                    fold.prepare(&mut slot.value);
                }
            }
            if done.send((job, slots)).is_err() {
                break;
            }
        }
    };
    with_workers(
        tool,
        threads,
        work,
        |slots: &mut Mapped<T>, job, name, out, status| {
            let mut fold = state.write().unwrap_or_else(PoisonError::into_inner);
            let mut from = 0;
            for (k, slot) in slots.iter_mut().enumerate() {
                let (end, line) = (job.ends[k], job.numbers[k]);
                let bytes = &job.bytes[from..end];
                from = end;
                // The record as the worker parsed it, put back on its line (which is what is
                // written) without parsing it again. (The worker sets `failed` anew.)
                let folded = match slot.failed.take() {
                    Some(f) => Err(f),
                    None => Record::attach(bytes, &slot.layout)
                        .map_err(Failure::Bad)
                        .and_then(|rec| {
                            fold.fold(&rec, At { file: name, line }, &mut slot.value, out)
                        }),
                };
                if let Err(f) = folded {
                    if let Next::Stop = handle(tool, status, || format!("{name}:{line}"), &f) {
                        return Next::Stop;
                    }
                }
            }
            Next::Go
        },
    )
}

/// Reads batches, hands them out, and gives what comes back to `take`, in input order.
fn drive<D>(
    tool: &Tool,
    threads: usize,
    senders: &[mpsc::Sender<(Job, Option<D>)>],
    receivers: &[mpsc::Receiver<(Job, D)>],
    mut take: impl FnMut(&mut D, &Job, &str, &mut Output, &mut Status) -> Next,
) -> Status {
    let mut status = Status::default();
    let mut out = Output::stdout();
    let mut progress = Progress::new(tool.name, tool.args.progress, tool.args.quiet);
    // Chunks taken, to be filled again, and what each worker made of the last one it sent.
    let mut spare: Vec<Job> = Vec::new();
    let mut spent: Vec<Option<D>> = (0..threads).map(|_| None).collect();
    'inputs: for path in inputs(&tool.args.files) {
        let name = display_name(&path);
        let Some(mut lines) = open_lines(tool, &mut status, &path, &name) else {
            continue;
        };
        // Chunks go to the threads in turn; results are taken in the order sent, the oldest
        // once 2 chunks a thread are out, so that reading, annotating and writing overlap.
        let mut in_flight: VecDeque<usize> = VecDeque::new();
        let mut next_worker = 0;
        let mut ended = false;
        loop {
            if !ended {
                let mut job = spare.pop().unwrap_or_else(Job::new);
                job.clear();
                while job.ends.len() < CHUNK && job.bytes.len() < CHUNK_BYTES {
                    match lines.append_line(&mut job.bytes) {
                        Ok(Some((number, len))) => {
                            progress.tick(len);
                            job.ends.push(job.bytes.len());
                            job.numbers.push(number);
                        }
                        Ok(None) => {
                            ended = true;
                            break;
                        }
                        Err(e) => {
                            input_fault(tool, &mut status, &name, &e);
                            ended = true;
                            break;
                        }
                    }
                }
                if !job.ends.is_empty() {
                    let sent = senders[next_worker].send((job, spent[next_worker].take()));
                    if sent.is_err() {
                        break 'inputs;
                    }
                    in_flight.push_back(next_worker);
                    next_worker = (next_worker + 1) % threads;
                } else {
                    spare.push(job);
                }
            }
            if in_flight.is_empty() {
                break;
            }
            if !ended && in_flight.len() < 2 * threads {
                continue;
            }
            let worker = in_flight.pop_front().expect("a chunk is out");
            let Ok((job, mut done)) = receivers[worker].recv() else {
                break 'inputs;
            };
            if let Next::Stop = take(&mut done, &job, &name, &mut out, &mut status) {
                break 'inputs;
            }
            spare.push(job);
            spent[worker] = Some(done);
        }
    }
    finish(tool, &mut out, &mut progress, status)
}
