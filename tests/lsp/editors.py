#!/usr/bin/env python3
"""Real editors against `mtlint lsp`: Neovim headless (tests/lsp/nvim.lua)
and Emacs eglot in batch mode (tests/lsp/eglot.el), both from Debian.

Each editor opens a Markdown article (front matter, code, a .mtlint.yml
that disables rules and accepts words) in a copy of
fixtures/identity/markdown/, and reports what it shows at each step:

  open        the diagnostics must equal `mtlint check --format json` on
              the same file: rule, range (converted to the editor's own
              units) and message;
  fixed       after the editor applied the quick fix for the first
              repeated word: that finding is gone, and the findings equal
              the CLI's on the edited text;
  word added  after the "add to dictionary" command: the word's warning
              is gone and the project's word list holds it.

usage: editors.py MTLINT [nvim|emacs...]
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lspclient  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
CASE = "fixtures/identity/markdown"
DOC = "article.md"
WORD_RULE = "spelling.unknown-name"


def byte_col(line, cps):
    """Code points -> UTF-8 bytes of a line's prefix."""
    return len(line[:cps].encode("utf-8"))


def cli_findings(mtlint, project, text=None):
    """(rule, (line0, byte col, end line0, end byte col), message), sorted,
    for the article (or for `text` in its place)."""
    path = os.path.join(project, DOC)
    if text is not None:
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    run = subprocess.run([mtlint, "check", "--format", "json", path],
                         capture_output=True)
    report = json.loads(run.stdout)
    with open(path, encoding="utf-8") as f:
        lines = lspclient.lines_of(f.read())
    out = []
    for d in report["files"][0]["diagnostics"]:
        out.append((d["rule"], (
            d["line"] - 1, byte_col(lines[d["line"] - 1], d["column"] - 1),
            d["end_line"] - 1,
            byte_col(lines[d["end_line"] - 1], d["end_column"] - 1)),
            d["message"]))
    return sorted(out)


def editor_findings(step):
    return sorted((d["rule"], (d["lnum"], d["col"], d["end_lnum"],
                               d["end_col"]), d["message"])
                  for d in step["diagnostics"])


def run_nvim(mtlint, project, out):
    env = dict(os.environ, MTLINT=mtlint, DOC=os.path.join(project, DOC),
               ROOT=project, OUT=out, WORD_RULE=WORD_RULE)
    return subprocess.run(
        ["nvim", "--headless", "--clean", "-n", "-i", "NONE", "-u", "NONE",
         "-c", "luafile " + os.path.join(HERE, "nvim.lua")],
        env=env, capture_output=True, timeout=300, cwd=project)


def run_emacs(mtlint, project, out):
    env = dict(os.environ, MTLINT=mtlint, DOC=os.path.join(project, DOC),
               ROOT=project, OUT=out, WORD_RULE=WORD_RULE)
    return subprocess.run(
        ["emacs", "--batch", "-Q", "-l", os.path.join(HERE, "eglot.el")],
        env=env, capture_output=True, timeout=300, cwd=project)


def check_editor(name, runner, mtlint):
    project = tempfile.mkdtemp(prefix="mtlint-%s-" % name)
    failures = []
    try:
        shutil.copytree(CASE, project, dirs_exist_ok=True)
        out = os.path.join(project, "editor-out.json")
        expected = cli_findings(mtlint, project)
        run = runner(mtlint, project, out)
        try:
            with open(out) as f:
                result = json.load(f)
        except (OSError, ValueError):
            result = {"error": "no result"}
        if run.returncode != 0 or result.get("error"):
            print("%s: exited %d: %s\n%s\n%s" % (
                name, run.returncode, result.get("error"),
                run.stdout.decode(errors="replace")[-3000:],
                run.stderr.decode(errors="replace")[-3000:]))
            return 1
        steps = {s["name"]: s for s in result["steps"]}
        shown = editor_findings(steps["open"])
        if shown != expected:
            failures.append(("open: the editor shows something else than "
                             "mtlint check", expected, shown))
        fixed = steps["fixed"]
        after = editor_findings(fixed)
        def repeated(f):
            return sum(1 for x in f if x[0] == "grammar.repeated-word")
        if repeated(after) != repeated(shown) - 1:
            failures.append(("fixed: the repeated word is still there",
                             shown, after))
        # the CLI on the edited text, with the word list as it was then
        words_path = os.path.join(project, "words.txt")
        with open(words_path) as f:
            words = f.read()
        shutil.copy(os.path.join(CASE, "words.txt"), words_path)
        want = cli_findings(mtlint, project, fixed["text"] + "\n")
        with open(words_path, "w") as f:
            f.write(words)
        if after != want:
            failures.append(("fixed: not what mtlint check reports on the "
                             "edited text", want, after))
        added = editor_findings(steps["word added"])
        gone = [f for f in after if f[0] == WORD_RULE and f not in added]
        if not gone:
            failures.append(("word added: the %s warning did not go away"
                             % WORD_RULE, after, added))
        if len(words.split()) < 2:
            failures.append(("word added: words.txt does not hold it",
                             [], [words]))
        for what, want, got in failures:
            print("%s: %s" % (name, what))
            print("  expected:")
            for x in want:
                print("    %s" % (x,))
            print("  editor:")
            for x in got:
                print("    %s" % (x,))
        if not failures:
            print("  EDITOR   %s: %d diagnostics as mtlint check, quick fix "
                  "applied, word added" % (name, len(shown)))
        return 1 if failures else 0
    finally:
        shutil.rmtree(project, ignore_errors=True)


def main():
    mtlint = os.path.abspath(sys.argv[1])
    which = sys.argv[2:] or ["nvim", "emacs"]
    runners = {"nvim": run_nvim, "emacs": run_emacs}
    return 1 if sum(check_editor(w, runners[w], mtlint)
                    for w in which) else 0


if __name__ == "__main__":
    sys.exit(main())
