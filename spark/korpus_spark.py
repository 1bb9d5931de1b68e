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

With `--reduce cluster` the reduce runs on the cluster instead, for signatures that outgrow the
driver: the signatures are grouped by key (`x`, `b`), each record is given the first record of
each of its keys before it, `dedupe --verify` judges it among them and writes an edge to the
record it copies, and large-star/small-star rounds find each component's smallest ordinal: its
group's first record, the same verdicts as the driver's `dedupe --reduce`.

Options:
  --pipeline P     the filters, joined by `|`, each with its flags (`dedupe --mark`)
  --bin DIR        where the korpus binaries are (default: $KORPUS_BIN, else the project's
                   target/release); on a cluster, a path that exists on every worker, or --ship
  --ship           send the binaries with the job (SparkContext.addFile) instead
  --partitions N   cut the input into at least N partitions (default: Spark's choice)
  --reduce WHERE   dedupe's reduce on the `driver` (default: one stream, fast while the
                   signatures fit one machine's time) or on the `cluster` (grouped by key)
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
    ap.add_argument("--reduce", choices=("driver", "cluster"), default="driver")
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
            rdd = dedupe(sc, rdd, part[1:], worker_bin, bin_dir, args.reduce)
    rdd.saveAsTextFile(output)
    sc.stop()


def dedupe(sc, rdd, flags, worker_bin, bin_dir, where="driver"):
    """`dedupe FLAGS` over a whole RDD as map, reduce and apply (see the module's docstring)."""
    from pyspark import SparkFiles
    import tempfile

    rdd = rdd.cache()
    counts = rdd.mapPartitions(lambda it: [sum(1 for _ in it)]).collect()
    starts = [0, *itertools.accumulate(counts)]

    def run(step, it, *args):
        """One dedupe step on the lines `it`, with the binary where this worker has it."""
        where = worker_bin()
        argv = [os.path.join(where, "dedupe"), step, *args, *flags]
        return run_process(argv, it, environment(where), "dedupe " + step)

    sigs = rdd.mapPartitionsWithIndex(lambda i, it: run("--signatures", it, "--start", str(starts[i])))
    verdicts = os.path.join(tempfile.mkdtemp(prefix="korpus-dedupe-"), "verdicts.jsonl")
    with open(verdicts, "w", encoding="utf-8") as out:
        if where == "cluster":
            lines = cluster_reduce(sigs, run).toLocalIterator()
        else:
            # The reduce on the driver: the signatures, partition after partition
            # (toLocalIterator holds one partition at a time), into one dedupe --reduce.
            lines = run_process([os.path.join(bin_dir, "dedupe"), "--reduce", *flags],
                                sigs.toLocalIterator(), environment(bin_dir), "dedupe --reduce")
        for line in lines:
            out.write(line + "\n")
    sc.addFile(verdicts)

    def apply(index, it):
        return run("--apply", it, SparkFiles.get("verdicts.jsonl"), "--start", str(starts[index]))

    return rdd.mapPartitionsWithIndex(apply)


def labels(line):
    """The raw JSON of a signature line's id and sentence (None without one), as written."""
    import json
    dec = json.JSONDecoder()
    i = line.index(',"id":') + len(',"id":')
    j = dec.raw_decode(line, i)[1]
    sentence = None
    if line.startswith(',"sentence":', j):
        k = j + len(',"sentence":')
        sentence = line[k:dec.raw_decode(line, k)[1]]
    return line[i:j], sentence


def cluster_reduce(sigs, run):
    """The verdict lines of `dedupe --reduce`, in ordinal order, computed on the cluster."""
    import json

    # every shuffle into as many partitions as the input has (joins and unions add them up)
    n = max(1, sigs.getNumPartitions())

    def parse(line):
        v = json.loads(line)
        return v["o"], v["x"], v["b"], line

    recs = sigs.map(parse).cache()
    line_of = recs.map(lambda r: (r[0], r[3]))
    # (key, ordinal) for the exact key and every band key; the first record of each key.
    keyed = recs.flatMap(lambda r: [(("x", r[1]), r[0])] + [(("b", k), r[0]) for k in r[2]])
    heads = keyed.reduceByKey(min, n)
    # (head, record) for every record with an earlier first record of one of its keys.
    pairs = keyed.join(heads, n).filter(lambda kv: kv[1][1] < kv[1][0]) \
        .map(lambda kv: (kv[1][1], kv[1][0])).distinct(n)
    groups = pairs.join(line_of, n).map(lambda kv: (kv[1][0], (kv[0], kv[1][1]))).groupByKey(n) \
        .join(line_of, n).map(lambda kv: '{"rec":%s,"with":[%s]}' % (
            kv[1][1], ",".join(l for _, l in sorted(kv[1][0]))))
    # {"o": copy, "to": the record it copies, "dup_score": S}: the score kept as written.
    def edge(line):
        v = json.loads(line)
        return v["o"], (v["to"], line[line.index('"dup_score":') + len('"dup_score":'):-1])

    edges = groups.mapPartitions(lambda it: run("--verify", it)).map(edge).cache()
    root = components(edges.map(lambda e: (e[0], e[1][0])), n)

    def verdict(kv):
        copy_of, ((o, score), line) = kv
        dup_of, sentence = labels(line)
        extra = ',"dup_of_sentence":' + sentence if sentence is not None else ""
        return o, '{"o":%d,"of":%d,"dup_of":%s%s,"dup_score":%s}' % (o, copy_of, dup_of, extra, score)

    return edges.join(root, n).map(lambda kv: (kv[1][1], (kv[0], kv[1][0][1]))).join(line_of, n) \
        .map(verdict).sortByKey(numPartitions=n).values()


def components(edges, n):
    """(node, smallest node of its component) for every node with an edge, by large-star and
    small-star rounds (Kiveris et al., "Connected Components in MapReduce and Beyond", 2014):
    no node's neighbours are ever gathered in one place beyond one round's star."""
    def large_star(kv):
        u, ns = kv
        m = min(min(ns), u)
        return [(v, m) for v in set(ns) if v > u]

    def small_star(kv):
        u, ns = kv
        m = min(min(ns), u)
        return [(v, m) for v in set(ns) | {u} if v != m]

    both = lambda e: [(e[0], e[1]), (e[1], e[0])]
    e = edges.map(lambda x: (max(x), min(x))).distinct(n).cache()
    while True:
        large = e.flatMap(both).groupByKey(n).flatMap(large_star).distinct(n)
        small = large.map(lambda x: (max(x), min(x))).groupByKey(n).flatMap(small_star) \
            .map(lambda x: (max(x), min(x))).distinct(n).cache()
        if small.subtract(e, n).union(e.subtract(small, n)).isEmpty():
            break
        e.unpersist()
        e = small
    # a star around each component's smallest node
    return e.flatMap(both).reduceByKey(min, n).filter(lambda kv: kv[1] < kv[0])


if __name__ == "__main__":
    main()
