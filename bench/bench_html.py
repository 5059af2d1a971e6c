#!/usr/bin/env python3
"""Read hostile HTML shapes with formlint's HTML reader and print seconds per MB and memory.

    python bench/bench_html.py                 # every shape at 1 MB and 2 MB
    python bench/bench_html.py --mb 10         # one size: the 10 MiB cap
    python bench/bench_html.py --mb 10 inputs comment

For each shape (many `<`, `<!`, `</`, `<?`, an unclosed `<!--` or `<![CDATA[`, `<input>`s,
an unclosed attribute value, options, labels, character references, ERB and Blade templates
mixing tags and code) it prints the seconds per MB, the peak resident memory the read adds (file
included) as a multiple of the file's size, and, with two sizes, the time ratio between them (about 2.0 for a reader
that is linear in its input). The goals are 2 s per MB and 20 times the size.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from formlint.errors import FormError  # noqa: E402
from formlint.formats import load_form  # noqa: E402

SEED = '<label>Email <input name="email"></label>\n'
SHAPES = {
    "lt": "<", "lt-bang": "<!", "lt-slash": "</", "lt-question": "<?", "comment": "<!--x",
    "cdata": "<![CDATA[x", "inputs": "<input>", "named-inputs": '<input name="a">',
    "unclosed-attribute": '<input name="a', "options": "<option>a", "labels": "<label>a</label>",
    "charrefs": "&amp;&#x41;&#65;&nbsp;", "erb": "<% x %><td><%= y %>", "blade": "@if($x) <p>{{ $y }}</p> @endif\n",
}


def sample(shape: str, size: int) -> tuple[str, bytes]:
    unit = SHAPES[shape]
    name = {"erb": "form.html.erb", "blade": "form.blade.php"}.get(shape, "form.html")
    return name, (SEED + unit * ((size - len(SEED)) // len(unit))).encode()


def measure(shape: str, size: int) -> tuple[float, float, str]:
    """(seconds, peak memory / size, outcome) for one read, in a fresh process so the peak
    resident memory it reports is this read's alone."""
    child = subprocess.run([sys.executable, __file__, "--child", shape, str(size)], capture_output=True, text=True,
                           check=True)
    elapsed, grown, outcome = json.loads(child.stdout)
    return elapsed, grown / size, outcome


def child(shape: str, size: int) -> None:
    import resource

    name, raw = sample(shape, size)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    started = time.perf_counter()
    try:
        outcome = f"{len(load_form(name, raw=raw).fields)} field(s)"
    except FormError as error:
        outcome = f"error: {error}"
    elapsed = time.perf_counter() - started
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - before + len(raw)
    print(json.dumps([elapsed, grown, outcome]))


def main() -> int:
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2], int(sys.argv[3]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, action="append", help="input size in MB (repeatable)")
    parser.add_argument("shapes", nargs="*", choices=[[], *SHAPES], default=[])
    args = parser.parse_args()
    sizes = [int(mb * 1024 * 1024) for mb in (args.mb or [1, 2])]
    print(f"{'shape':20s}" + "".join(f"{f'{s / 2**20:g} MB s/MB':>14s}{'mem/size':>10s}" for s in sizes)
          + ("   time ratio" if len(sizes) == 2 else "") + "   outcome")
    for shape in args.shapes or SHAPES:
        row, times, outcome = f"{shape:20s}", [], ""
        for size in sizes:
            elapsed, memory, outcome = measure(shape, size)
            times.append(elapsed)
            row += f"{elapsed / (size / 2**20):14.2f}{memory:10.1f}"
        if len(times) == 2:
            row += f"{times[1] / times[0]:13.2f}"
        print(f"{row}   {outcome}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
