#!/usr/bin/env python3
"""Run other temporal taggers on the same news text as ours and print the
throughput ratios (BENCHMARKS.md quotes its output).

    python3 scripts/peers.py TEXTFILE PEERS_DIR [--python VENV_PYTHON] [--node-dir DIR]

PEERS_DIR holds one harness per peer (heideltime_peer.py, chrono_peer.js,
dateparser_peer.py, datefinder_peer.py, spacy_peer.py); each is called as
`<harness> SAMPLE 2000-01-01 --time` and reports the seconds of its
extraction call alone (`TIME_EXTRACT_S`), library and model already
loaded. Ours is measured the same way, in process: the `--tag-file` mode
of the pipeline benchmark. Slow peers run on a prefix of the text (cut at
a line end) so the whole run takes minutes, not days; the sample size is
printed beside each figure. A peer that is not installed is reported and
skipped.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

# peer -> (harness, interpreter, sample bytes, extra environment)
PEERS = [
    ("chrono-node (per paragraph)", "chrono_peer.js", "node", None, {"CHRONO_SPLIT": "1"}),
    ("chrono-node (one string)", "chrono_peer.js", "node", 300_000, {}),
    ("dateparser", "dateparser_peer.py", "python", 300_000, {}),
    ("datefinder", "datefinder_peer.py", "python", 300_000, {}),
    ("spaCy NER", "spacy_peer.py", "python", 200_000, {}),
    ("HeidelTime", "heideltime_peer.py", "python", 20_000, {}),
]


def sample(text: bytes, size):
    if size is None or size >= len(text):
        return text
    cut = text.rfind(b"\n", 0, size)
    return text[: cut + 1 if cut > 0 else size]


def ours(textfile):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = subprocess.run(
        ["cargo", "bench", "-q", "--bench", "pipeline", "--", "--tag-file", textfile],
        cwd=root, capture_output=True, text=True, check=True,
    )
    line = (out.stderr + out.stdout).strip().splitlines()[-1]
    m = re.search(r"= ([0-9.]+) MB/s", line)
    return float(m.group(1)), line


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("textfile")
    ap.add_argument("peers_dir")
    ap.add_argument("--python", default=sys.executable, help="a Python with the peers installed")
    ap.add_argument("--node-dir", default=os.getcwd(), help="where node_modules/chrono-node is")
    args = ap.parse_args()
    text = open(args.textfile, "rb").read()
    mine, line = ours(args.textfile)
    print(f"ours: {line}")
    print(f"{'peer':<30} {'sample':>10} {'seconds':>9} {'MB/s':>9} {'ours / peer':>12}")
    for name, harness, interp, size, env in PEERS:
        part = sample(text, size)
        with tempfile.NamedTemporaryFile(suffix=".txt", delete=False) as f:
            f.write(part)
        exe = args.python if interp == "python" else "node"
        cmd = [exe, os.path.join(args.peers_dir, harness), f.name, "2000-01-01", "--time"]
        try:
            run = subprocess.run(
                cmd, cwd=args.node_dir, capture_output=True, text=True, timeout=3600,
                env={**os.environ, **env},
            )
        except (OSError, subprocess.TimeoutExpired) as e:
            print(f"{name:<30} not run: {e}")
            continue
        finally:
            os.unlink(f.name)
        m = re.search(r"TIME_EXTRACT_S ([0-9.eE+-]+)", run.stderr)
        if run.returncode != 0 or not m:
            why = (run.stderr.strip().splitlines() or ["no output"])[-1][:100]
            print(f"{name:<30} not run: {why}")
            continue
        secs = float(m.group(1))
        mbs = len(part) / 1e6 / secs
        print(f"{name:<30} {len(part)/1e3:>8.0f}KB {secs:>9.2f} {mbs:>9.3f} {mine / mbs:>11.0f}x")


if __name__ == "__main__":
    main()
