#!/usr/bin/python3
"""How well mtlint catches typing slips of a team's names (issue 17).

Usage: team-names.py MTLINT LIST [N]

Takes N names (default 400; every k-th, deterministic) of LIST, a word list
such as dictionaries/en/cities.accept, as the team's accept list, and
checks three kinds of text with it, one name per document ("Yesterday
NAME spoke to reporters."):
  - each name as written: must stay quiet (no spelling finding);
  - one slip of each (a doubled letter, a dropped letter, two letters
    swapped; the position chosen by the name's length): must be a
    spelling.misspelled-name warning whose suggestion is that name;
  - the same slips without the team's list: what the built-in lists alone
    catch.
Prints the share caught with the right suggestion, per kind of slip.
Capitalised words of 4 letters or more, as the check compares.
"""
import json
import os
import re
import subprocess
import sys
import tempfile


def slips(name):
    n = len(name)
    i = 1 + (n * 7) % (n - 2)  # inside the word, never the first letter
    yield "doubled", name[:i] + name[i] + name[i:]
    yield "dropped", name[:i] + name[i + 1:]
    if name[i] != name[i + 1]:
        yield "swapped", name[:i] + name[i + 1] + name[i] + name[i + 2:]


def run(mtlint, lines, words):
    """The spelling finding of each line, by line number (1-based); each
    line is a document of its own, so that no other name of the list
    stands beside it (names.inconsistent would take the slip for a
    variant of a neighbour)."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, w in enumerate(lines, 1):
            path = os.path.join(tmp, "%05d.txt" % i)
            with open(path, "w", encoding="utf-8") as f:
                f.write("Yesterday %s spoke to reporters.\n" % w)
            paths.append(path)
        args = [mtlint, "--no-config", "--format", "json"]
        if words:
            args += ["--words", words]
        out = subprocess.run(args + paths, capture_output=True,
                             text=True).stdout
    found = {}
    for f in json.loads(out)["files"]:
        line = int(os.path.basename(f["path"])[:5])
        for d in f["diagnostics"]:
            if d["rule"].startswith("spelling."):
                found[line] = d
    return found


def main():
    mtlint, path = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 400
    names = [w.strip() for w in open(path, encoding="utf-8")
             if re.match(r"^[A-Z][a-z]{3,}$", w.strip())]
    step = max(1, len(names) // n)
    names = names[::step][:n]
    with tempfile.NamedTemporaryFile("w", suffix=".txt") as team:
        team.write("\n".join(names) + "\n")
        team.flush()
        quiet = run(mtlint, names, team.name)
        print("names as written: %d of %d quiet" %
              (len(names) - len(quiet), len(names)))
        cases = [(k, w, name) for name in names for k, w in slips(name)]
        for label, words in (("with the team's list", team.name),
                             ("built-in lists only", None)):
            found = run(mtlint, [w for _, w, _ in cases], words)
            per = {}
            known = short = 0
            for i, (kind, w, name) in enumerate(cases, 1):
                d = found.get(i)
                ok = (d is not None and d["rule"] ==
                      "spelling.misspelled-name" and d["severity"] ==
                      "warning" and d["suggestions"][:1] == [name])
                t = per.setdefault(kind, [0, 0])
                t[0] += ok
                t[1] += 1
                if not ok and len(w) < 4:
                    short += 1
                elif not ok and d is None:
                    known += 1
            print("%s: " % label + ", ".join(
                "%s %d/%d (%.1f%%)" % (k, a, b, 100.0 * a / b)
                for k, (a, b) in sorted(per.items())))
            print("  missed: %d slips shorter than 4 letters, %d that are "
                  "themselves words or names the dictionaries know"
                  % (short, known))


if __name__ == "__main__":
    main()
