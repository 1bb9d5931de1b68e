//! `--threads N` for the per-record filters: the records of a batch go through N threads, each
//! with a record step of its own, and are written in input order, with the same messages, exit
//! status and output as one thread.

use std::collections::VecDeque;
use std::sync::mpsc;

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
/// each ends, and their line numbers.
struct Job {
    bytes: Vec<u8>,
    ends: Vec<usize>,
    numbers: Vec<u64>,
}

/// What a worker made of a chunk: the output of its records, end to end, and per record the
/// end of its output in `out` and whether it failed (a failed record keeps what it wrote, as
/// it does on one thread); the chunk's line numbers come back with it, for the messages.
struct Done {
    out: Vec<u8>,
    ends: Vec<(usize, Result<(), Failure>)>,
    numbers: Vec<u64>,
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
    let work = |jobs: mpsc::Receiver<Job>, done: mpsc::Sender<Done>| {
        let mut step = make();
        let mut out = Output::in_memory();
        for job in jobs {
            let mut ends = Vec::with_capacity(job.ends.len());
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
                numbers: job.numbers,
            };
            if done.send(chunk).is_err() {
                break;
            }
        }
    };
    with_workers(tool, threads, work, |done, name, out, status| {
        let mut from = 0;
        for (k, (end, result)) in done.ends.into_iter().enumerate() {
            let written = out.write_raw(&done.out[from..end]).map_err(Failure::from);
            from = end;
            if let Err(f) = written.and(result) {
                let at = || format!("{name}:{}", done.numbers[k]);
                if let Next::Stop = handle(tool, status, at, f) {
                    return Next::Stop;
                }
            }
        }
        Next::Go
    })
}

/// Runs `threads` workers, each doing `work` on the chunks it is sent and sending back what it
/// made of them, and gives what comes back to `take`, in input order ([`drive`]).
fn with_workers<D, W, T>(tool: &Tool, threads: usize, work: W, take: T) -> Status
where
    D: Send,
    W: Fn(mpsc::Receiver<Job>, mpsc::Sender<D>) + Sync,
    T: FnMut(D, &str, &mut Output, &mut Status) -> Next,
{
    std::thread::scope(|scope| {
        let mut senders = Vec::new();
        let mut receivers = Vec::new();
        for _ in 0..threads {
            let (job_tx, job_rx) = mpsc::channel::<Job>();
            let (done_tx, done_rx) = mpsc::channel::<D>();
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

/// What a worker made of a chunk for [`run_records_mapped`]: the chunk back, and the map's
/// result for each of its records.
struct Mapped<T> {
    job: Job,
    results: Vec<Result<(Layout, T), Failure>>,
}

/// What [`run_records_mapped`] does on its own thread with the records' mapped values.
pub trait Fold<T> {
    /// Takes the mapped values of a chunk of records (those that did not fail), in input
    /// order, before any of them is folded: work on a batch that reads the state as it stands
    /// before the batch, on threads of its own (`dedupe` compares a batch with the records
    /// kept so far). With one thread it is not called: `fold` must not need it.
    fn prepare(&mut self, _batch: &mut [&mut T]) {}

    /// Takes one record's mapped value, record after record in input order, with the state
    /// and the output.
    fn fold(&mut self, rec: &Record, at: At, t: T, out: &mut Output) -> Result<(), Failure>;
}

/// [`run_records_at`] split in two for a filter whose verdict on a record depends on the
/// records before it (`dedupe`): `map` (one per thread, from `make`) does the costly work of
/// each record on `threads` threads, and `fold` takes its result on this thread, record after
/// record in input order, with the state and the output. The output, messages and exit
/// status are those of `run_records_at` with `fold.fold(rec, at, map(rec)?, out)`, whatever
/// `threads` is.
pub fn run_records_mapped<M, P, T, F>(tool: &Tool, threads: usize, make: M, mut fold: F) -> Status
where
    M: Fn() -> P + Sync,
    P: FnMut(&Record) -> Result<T, Failure>,
    T: Send,
    F: Fold<T>,
{
    if threads <= 1 {
        let mut map = make();
        return run_records_at(tool, |rec, at, out| {
            let t = map(rec)?;
            fold.fold(rec, at, t, out)
        });
    }
    let work = |jobs: mpsc::Receiver<Job>, done: mpsc::Sender<Mapped<T>>| {
        let mut map = make();
        for job in jobs {
            let mut from = 0;
            let results = job
                .ends
                .iter()
                .map(|&end| {
                    let line = &job.bytes[from..end];
                    from = end;
                    let rec = Record::parse(line).map_err(Failure::Bad)?;
                    Ok((rec.layout(), map(&rec)?))
                })
                .collect();
            if done.send(Mapped { job, results }).is_err() {
                break;
            }
        }
    };
    with_workers(tool, threads, work, |done, name, out, status| {
        let Mapped { job, mut results } = done;
        let mut batch: Vec<&mut T> = results
            .iter_mut()
            .filter_map(|r| r.as_mut().ok().map(|(_, t)| t))
            .collect();
        fold.prepare(&mut batch);
        drop(batch);
        let mut from = 0;
        for (k, result) in results.into_iter().enumerate() {
            let (end, line) = (job.ends[k], job.numbers[k]);
            let bytes = &job.bytes[from..end];
            from = end;
            // The record as the worker parsed it, put back on its line (which is what is
            // written) without parsing it again.
            let folded = result.and_then(|(layout, t)| {
                let rec = Record::attach(bytes, layout).map_err(Failure::Bad)?;
                fold.fold(&rec, At { file: name, line }, t, out)
            });
            if let Err(f) = folded {
                if let Next::Stop = handle(tool, status, || format!("{name}:{line}"), f) {
                    return Next::Stop;
                }
            }
        }
        Next::Go
    })
}

/// Reads batches, hands them out, and gives what comes back to `take`, in input order.
fn drive<D>(
    tool: &Tool,
    threads: usize,
    senders: &[mpsc::Sender<Job>],
    receivers: &[mpsc::Receiver<D>],
    mut take: impl FnMut(D, &str, &mut Output, &mut Status) -> Next,
) -> Status {
    let mut status = Status::default();
    let mut out = Output::stdout();
    let mut progress = Progress::new(tool.name, tool.args.progress, tool.args.quiet);
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
                // (room for a chunk's bytes at once: no copying as it grows)
                let mut job = Job {
                    bytes: Vec::with_capacity(CHUNK_BYTES + (CHUNK_BYTES >> 3)),
                    ends: Vec::new(),
                    numbers: Vec::new(),
                };
                while job.ends.len() < CHUNK && job.bytes.len() < CHUNK_BYTES {
                    match lines.next_line() {
                        Ok(Some((number, bytes, len))) => {
                            progress.tick(len);
                            job.bytes.extend_from_slice(bytes);
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
                    if senders[next_worker].send(job).is_err() {
                        break 'inputs;
                    }
                    in_flight.push_back(next_worker);
                    next_worker = (next_worker + 1) % threads;
                }
            }
            if in_flight.is_empty() {
                break;
            }
            if !ended && in_flight.len() < 2 * threads {
                continue;
            }
            let worker = in_flight.pop_front().expect("a chunk is out");
            let Ok(done) = receivers[worker].recv() else {
                break 'inputs;
            };
            if let Next::Stop = take(done, &name, &mut out, &mut status) {
                break 'inputs;
            }
        }
    }
    finish(tool, &mut out, &mut progress, status)
}
