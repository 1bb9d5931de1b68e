#!/usr/bin/env python3
"""Run a korpus pipeline over JSON Lines files on Apache Spark, with the same output as on one
machine.

    spark-submit korpus_spark.py --pipeline 'normalize | sentences | numbers' IN... OUT

IN: files or directories of JSON Lines (anything `SparkContext.textFile` reads); OUT: a new
directory of part files (`saveAsTextFile`), whose lines, part after part, are what the pipeline
writes on one machine.

The per-record filters (normalize, sentences, numbers, quotes) run as one `bash -c` pipeline
per partition through `RDD.pipe`, with the exit code checked (a filter that dies loses no record
silently: the job fails), `set -o pipefail` (so does a filter in the middle of the pipeline), an
environment of its own (PATH to the binaries, a UTF-8 locale) and UTF-8 on both sides of the
pipe, whatever the JVM's or the worker's default charset.

`dedupe` runs as map, reduce and apply: `dedupe --signatures --start N` per partition (N: the
ordinal of the partition's first record), the signatures streamed in order to the driver into
one `dedupe --reduce`, its verdicts shipped to the workers, `dedupe --apply --start N` per
partition. The kept copy of every group is its first record in corpus order, whatever the
partitioning: byte for byte the output of one `dedupe` process.

Options:
  --pipeline P     the filters, joined by `|`, each with its flags (`dedupe --mark`)
  --bin DIR        where the korpus binaries are (default: $KORPUS_BIN, else the project's
                   target/release); on a cluster, a path that exists on every worker, or --ship
  --ship           send the binaries with the job (SparkContext.addFile) instead
  --partitions N   cut the input into at least N partitions (default: Spark's choice)
"""
import argparse
import itertools
import os
import shlex
import subprocess
import sys
import threading

FILTERS = ("normalize", "sentences", "numbers", "quotes", "dedupe")
HERE = os.path.dirname(os.path.abspath(__file__))


def parse_pipeline(text):
    """The pipeline as a list of stages, each a list of words; the filter names are checked."""
    stages = []
    for part in text.split("|"):
        words = shlex.split(part)
        if not words:
            raise SystemExit(f"korpus_spark: an empty stage in the pipeline {text!r}")
        if words[0] not in FILTERS:
            raise SystemExit(f"korpus_spark: {words[0]!r} is not a korpus filter ({', '.join(FILTERS)})")
        stages.append(words)
    return stages


def segments(stages):
    """Runs of per-record filters, and dedupe stages on their own, in order."""
    out, run = [], []
    for s in stages:
        if s[0] == "dedupe":
            if run:
                out.append(("pipe", run))
                run = []
            out.append(("dedupe", s))
        else:
            run.append(s)
    if run:
        out.append(("pipe", run))
    return out


def environment(bin_dir):
    """What a filter process is given: no more than it needs, and UTF-8."""
    return {
        "PATH": bin_dir + os.pathsep + "/usr/local/bin:/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "HOME": os.environ.get("HOME", "/tmp"),
    }


def shell(stages):
    """One bash command for a run of filters; a failure anywhere in it is its exit code."""
    line = " | ".join(" ".join(shlex.quote(w) for w in s) for s in stages)
    return "bash -c " + shlex.quote("set -o pipefail; " + line)


def run_process(argv, lines, env, what):
    """Feeds `lines` (str) to a process and yields its output lines (str); a non-zero exit is an
    error that fails the task, with the process's last words."""
    p = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    err = []

    def feed():
        try:
            for line in lines:
                p.stdin.write(line.rstrip("\n").encode("utf-8") + b"\n")
        except BrokenPipeError:
            pass
        finally:
            try:
                p.stdin.close()
            except BrokenPipeError:
                pass

    def drain():
        err.append(p.stderr.read())

    threads = [threading.Thread(target=feed), threading.Thread(target=drain)]
    for t in threads:
        t.start()
    for out in iter(p.stdout.readline, b""):
        yield out.rstrip(b"\n").decode("utf-8")
    p.wait()
    for t in threads:
        t.join()
    if p.returncode != 0:
        tail = b"".join(err).decode("utf-8", "replace").strip()[-2000:]
        raise RuntimeError(f"korpus: {what} exited with status {p.returncode}: {tail}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pipeline", required=True)
    ap.add_argument("--bin", default=os.environ.get("KORPUS_BIN", os.path.join(HERE, "..", "target", "release")))
    ap.add_argument("--ship", action="store_true")
    ap.add_argument("--partitions", type=int, default=None)
    ap.add_argument("paths", nargs="+", metavar="IN... OUT")
    args = ap.parse_args(argv)
    if len(args.paths) < 2:
        ap.error("give the input files and then the output directory")
    inputs, output = args.paths[:-1], args.paths[-1]
    stages = parse_pipeline(args.pipeline)
    bin_dir = os.path.abspath(args.bin)
    for name in {s[0] for s in stages}:
        if not os.access(os.path.join(bin_dir, name), os.X_OK):
            raise SystemExit(f"korpus_spark: no {name} binary in {bin_dir} (build with `make build`, or --bin)")

    # The workers' Python is this one unless told otherwise (local mode, a uniform cluster).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark import SparkConf, SparkContext, SparkFiles

    conf = (SparkConf().setAppName("korpus: " + args.pipeline)
            # The JVM side in UTF-8 too, whatever the locale the job was started in.
            .set("spark.driver.extraJavaOptions", "-Dfile.encoding=UTF-8 -Dsun.jnu.encoding=UTF-8")
            .set("spark.executor.extraJavaOptions", "-Dfile.encoding=UTF-8 -Dsun.jnu.encoding=UTF-8"))
    sc = SparkContext.getOrCreate(conf)
    sc.setLogLevel("WARN")
    if args.ship:
        for name in {s[0] for s in stages}:
            sc.addFile(os.path.join(bin_dir, name))

    def worker_bin():
        if not args.ship:
            return bin_dir
        root = SparkFiles.getRootDirectory()
        for name in FILTERS:
            path = os.path.join(root, name)
            if os.path.exists(path) and not os.access(path, os.X_OK):
                os.chmod(path, 0o755)
        return root

    rdd = sc.textFile(",".join(inputs), minPartitions=args.partitions) if args.partitions else \
        sc.textFile(",".join(inputs))
    for kind, part in segments(stages):
        if kind == "pipe":
            command = shell(part)
            if args.ship:
                # The binaries' place is known only on the worker: a pipe of our own there.
                def run(it, command=command):
                    return run_process(shlex.split(command), it, environment(worker_bin()), command)
                rdd = rdd.mapPartitions(run)
            else:
                # RDD.pipe: one process per partition; checkCode, or a dead filter loses records.
                rdd = rdd.pipe(command, env=environment(bin_dir), checkCode=True)
        else:
            rdd = dedupe(sc, rdd, part[1:], worker_bin, bin_dir)
    rdd.saveAsTextFile(output)
    sc.stop()


def dedupe(sc, rdd, flags, worker_bin, bin_dir):
    """`dedupe FLAGS` over a whole RDD as map, reduce and apply (see the module's docstring)."""
    from pyspark import SparkFiles
    import tempfile

    rdd = rdd.cache()
    counts = rdd.mapPartitions(lambda it: [sum(1 for _ in it)]).collect()
    starts = [0, *itertools.accumulate(counts)]

    def run(step, it, *args):
        """One dedupe step on the records `it`, with the binary where this worker has it."""
        where = worker_bin()
        argv = [os.path.join(where, "dedupe"), step, *args, *flags]
        return run_process(argv, it, environment(where), "dedupe " + step)

    sigs = rdd.mapPartitionsWithIndex(lambda i, it: run("--signatures", it, "--start", str(starts[i])))
    # The reduce on the driver: the signatures, partition after partition (toLocalIterator
    # holds one partition at a time), into one dedupe --reduce.
    verdicts = os.path.join(tempfile.mkdtemp(prefix="korpus-dedupe-"), "verdicts.jsonl")
    with open(verdicts, "w", encoding="utf-8") as out:
        for line in run_process([os.path.join(bin_dir, "dedupe"), "--reduce", *flags],
                                sigs.toLocalIterator(), environment(bin_dir), "dedupe --reduce"):
            out.write(line + "\n")
    sc.addFile(verdicts)

    def apply(index, it):
        return run("--apply", it, SparkFiles.get("verdicts.jsonl"), "--start", str(starts[index]))

    return rdd.mapPartitionsWithIndex(apply)


if __name__ == "__main__":
    main()
