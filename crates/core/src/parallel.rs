//! `--threads N` for the per-record filters: the records of a batch go through N threads, each
//! with a record step of its own, and are written in input order, with the same messages, exit
//! status and output as one thread.

use std::collections::VecDeque;
use std::io::Sink;
use std::sync::{mpsc, Condvar, Mutex, MutexGuard, PoisonError, RwLock};

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
/// enough that handing out chunks and taking them back costs little beside the records' work,
/// small enough that the chunks in flight hold little memory and that the last of a stream,
/// which this thread takes once the workers have nothing left to map, keep them idle briefly
/// (`dedupe --threads 2` on the 200k stream: 0.95 of the wall time of 1 MB chunks).
const CHUNK: usize = 8192;
const CHUNK_BYTES: usize = 1 << 18;

/// Chunks out at once, a thread: read ahead enough that a worker finds one waiting whenever it
/// is done with the last, even while this thread maps one itself or judges a few.
const OUT_PER_THREAD: usize = 4;

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
    let work = |(step, out): &mut (P, Output<Sink>), job: &Job, spent: Option<Done>| {
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
                .and_then(|rec| step.record(&rec, out));
            from = end;
            ends.push((out.buffered(), result));
        }
        Done {
            out: out.take_buffer(),
            ends,
        }
    };
    with_workers(
        tool,
        threads,
        || (make(), Output::in_memory()),
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

/// A chunk to map: its place in the input, its lines, and what was made of an earlier chunk,
/// whose buffers its result reuses.
type Waiting<D> = (u64, Job, Option<D>);

/// The chunks read and not yet mapped, which the workers and this thread take from the front.
struct Queue<D> {
    waiting: Mutex<(VecDeque<Waiting<D>>, bool)>,
    filled: Condvar,
}

impl<D> Queue<D> {
    fn new() -> Self {
        Queue {
            waiting: Mutex::new((VecDeque::new(), false)),
            filled: Condvar::new(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, (VecDeque<Waiting<D>>, bool)> {
        self.waiting.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn push(&self, chunk: Waiting<D>) {
        self.lock().0.push_back(chunk);
        self.filled.notify_one();
    }

    /// The oldest chunk waiting, if any.
    fn take(&self) -> Option<Waiting<D>> {
        self.lock().0.pop_front()
    }

    /// The oldest chunk waiting, once there is one; `None` once the queue is closed.
    fn wait(&self) -> Option<Waiting<D>> {
        let mut guard = self.lock();
        loop {
            if let Some(chunk) = guard.0.pop_front() {
                return Some(chunk);
            }
            if guard.1 {
                return None;
            }
            guard = self
                .filled
                .wait(guard)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }

    /// No more chunks: the workers stop. (This thread has taken all it sent, or has stopped
    /// taking: what still waits is dropped.)
    fn close(&self) {
        let mut guard = self.lock();
        guard.0.clear();
        guard.1 = true;
        drop(guard);
        self.filled.notify_all();
    }
}

/// What a worker sends back: a chunk mapped, or (as it unwinds from a panic) that it stopped.
type Mapped<D> = Option<(u64, Job, D)>;

/// Sends a worker's `None` if it panics, so that this thread stops waiting for its chunk.
struct Unwinding<'a, D>(&'a mpsc::Sender<Mapped<D>>);

impl<D> Drop for Unwinding<'_, D> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            let _ = self.0.send(None);
        }
    }
}

/// Maps the chunks of the input on `threads` threads, this one and `threads - 1` workers (each
/// with a state of its own from `make`), and gives what each made of a chunk (`D`) to `take`,
/// in input order ([`drive`]). This thread reads, takes, and maps a waiting chunk itself when
/// the next to take is not mapped yet: as many threads as cores are busy, never more, whether
/// taking costs little (the annotating filters) or much (`dedupe`'s judging). What was made of
/// a chunk goes out again with a later chunk, to be filled again.
fn with_workers<S, D, M, W, T>(tool: &Tool, threads: usize, make: M, work: W, take: T) -> Status
where
    D: Send,
    M: Fn() -> S + Sync,
    W: Fn(&mut S, &Job, Option<D>) -> D + Sync,
    T: FnMut(&mut D, &Job, &str, &mut Output, &mut Status) -> Next,
{
    let queue = Queue::new();
    let (mapped_tx, mapped) = mpsc::channel::<Mapped<D>>();
    std::thread::scope(|scope| {
        for _ in 1..threads {
            let (queue, mapped_tx, make, work) = (&queue, mapped_tx.clone(), &make, &work);
            scope.spawn(move || {
                let _unwinding = Unwinding(&mapped_tx);
                let mut state = make();
                while let Some((seq, job, spent)) = queue.wait() {
                    let done = work(&mut state, &job, spent);
                    if mapped_tx.send(Some((seq, job, done))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(mapped_tx);
        // (closed as this thread leaves, by a panic too: the workers must end to be joined)
        let _closing = Closing(&queue);
        let mut own = None;
        let mut work_here = |job: &Job, spent| work(own.get_or_insert_with(&make), job, spent);
        drive(tool, threads, &queue, &mapped, &mut work_here, take)
    })
}

/// Closes the queue when dropped.
struct Closing<'a, D>(&'a Queue<D>);

impl<D> Drop for Closing<'_, D> {
    fn drop(&mut self) {
        self.0.close();
    }
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
type Slots<T> = Vec<Slot<T>>;

/// What [`run_records_mapped`] does on its own thread with the records' mapped values.
pub trait Fold<T> {
    /// Takes a record's mapped value before it is folded, with the state as it stands at some
    /// point before the record (after the records folded so far, not always all those before
    /// it): work that only reads the state, done on the thread that mapped the record, beside
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
/// The state is behind a lock that this thread takes to fold a chunk, and the thread that
/// mapped a chunk (a worker, or this one) to [`Fold::prepare`] its records: a chunk at a time,
/// so that the lock costs little, and no record is prepared with the state after it (it is
/// folded after).
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
    let work = |map: &mut P, job: &Job, spent: Option<Slots<T>>| {
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
        slots
    };
    with_workers(
        tool,
        threads,
        make,
        work,
        |slots: &mut Slots<T>, job, name, out, status| {
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

/// Reads chunks, has them mapped, and gives what was made of them to `take`, in input order:
/// up to [`OUT_PER_THREAD`] chunks a thread are out at once, so that reading, mapping and
/// taking overlap. When
/// the next chunk to take is not mapped yet, this thread maps the oldest waiting chunk itself
/// (`work_here`), and waits only when none is.
fn drive<D>(
    tool: &Tool,
    threads: usize,
    queue: &Queue<D>,
    mapped: &mpsc::Receiver<Mapped<D>>,
    work_here: &mut dyn FnMut(&Job, Option<D>) -> D,
    mut take: impl FnMut(&mut D, &Job, &str, &mut Output, &mut Status) -> Next,
) -> Status {
    let mut status = Status::default();
    let mut out = Output::stdout();
    let mut progress = Progress::new(tool.name, tool.args.progress, tool.args.quiet);
    // Chunks taken, to be filled again, and what was made of them, to be made again.
    let mut spare: Vec<Job> = Vec::new();
    let mut spent: Vec<D> = Vec::new();
    // The chunks out, from the next to take: each with what was made of it once mapped.
    let mut out_now: VecDeque<Option<(Job, D)>> = VecDeque::new();
    let (mut next_read, mut next_take) = (0u64, 0u64);
    'inputs: for path in inputs(&tool.args.files) {
        let name = display_name(&path);
        let Some(mut lines) = open_lines(tool, &mut status, &path, &name) else {
            continue;
        };
        let mut ended = false;
        loop {
            while !ended && out_now.len() < OUT_PER_THREAD * threads {
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
                if job.ends.is_empty() {
                    spare.push(job);
                } else {
                    queue.push((next_read, job, spent.pop()));
                    out_now.push_back(None);
                    next_read += 1;
                }
            }
            if out_now.is_empty() {
                break;
            }
            while out_now.front().is_some_and(Option::is_none) {
                let came = match mapped.try_recv() {
                    Ok(came) => came,
                    Err(mpsc::TryRecvError::Empty) => match queue.take() {
                        Some((seq, job, was)) => {
                            let done = work_here(&job, was);
                            Some((seq, job, done))
                        }
                        None => match mapped.recv() {
                            Ok(came) => came,
                            Err(_) => break 'inputs,
                        },
                    },
                    Err(mpsc::TryRecvError::Disconnected) => break 'inputs,
                };
                // `None`: a worker panicked (the panic is raised as the threads are joined).
                let Some((seq, job, done)) = came else {
                    break 'inputs;
                };
                out_now[(seq - next_take) as usize] = Some((job, done));
            }
            let (job, mut done) = out_now
                .pop_front()
                .flatten()
                .expect("the next chunk is mapped");
            next_take += 1;
            let next = take(&mut done, &job, &name, &mut out, &mut status);
            spare.push(job);
            spent.push(done);
            if let Next::Stop = next {
                break 'inputs;
            }
        }
    }
    finish(tool, &mut out, &mut progress, status)
}
