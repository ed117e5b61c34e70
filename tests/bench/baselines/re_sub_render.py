#!/usr/bin/env python3
"""The peer baseline for render_bench: a template filled with one re.sub.

This is how a plain substitution glue renders a batch template: every
${CLEARML_...} placeholder is looked up in the task (a dotted path), takes its
default after ':' when the value is missing or empty, lists of scalars are
comma-joined, and line breaks are removed (the only filter the seed template
uses). No shell context, no escaping, no checks: the least work a renderer
can do, and so the yardstick slurmglue's compiled Renderer is measured
against in the same run (tools/bench.sh).

Usage: re_sub_render.py TEMPLATE TASK_JSON SLOTS_JSON [--out FILE] [--runs N] [--repeat R]
SLOTS_JSON holds the code slots and single values the glue fills
({"PRE_SETUP": ..., "AGENT_EXECUTE": ..., "POST_SETUP": ..., "QUEUE_NAME": ...}).
Prints one line: "re_sub_render wall_ns=<n> cpu_ns=<n> runs=<N> repeat=<R>":
the median over R repeats of the mean time of N renders, in wall-clock and
in CPU time (the benchmarks' CPU column; steadier on a loaded machine).
"""

import argparse
import json
import re
import statistics
import time

PLACEHOLDER = re.compile(r"\$\{CLEARML_([A-Z_]+)((?:\.[^}:|]+)*)(?::([^}|]*))?((?:\|[^}]*)?)\}")


def render(template, task, slots):
    def value_of(match):
        name, path, default, _filters = match.groups()
        if name == "TASK":
            node = task
            for key in path[1:].split("."):
                if isinstance(node, dict) and key in node:
                    node = node[key]
                elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
                    node = node[int(key)]
                else:
                    node = None
                    break
        else:
            node = slots.get(name)
        if isinstance(node, list):
            node = ",".join(str(item) for item in node)
        if node is None or node == "":
            node = default if default is not None else ""
        text = str(node)
        if name in ("PRE_SETUP", "AGENT_EXECUTE", "POST_SETUP"):
            return text
        return text.replace("\n", "").replace("\r", "")

    return PLACEHOLDER.sub(value_of, template)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("template")
    parser.add_argument("task")
    parser.add_argument("slots")
    parser.add_argument("--out")
    parser.add_argument("--runs", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with open(args.template, encoding="utf-8") as f:
        template = f.read()
    with open(args.task, encoding="utf-8") as f:
        task = json.load(f)
    with open(args.slots, encoding="utf-8") as f:
        slots = json.load(f)
    script = render(template, task, slots)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(script)
    wall, cpu = [], []
    for _ in range(args.repeat):
        start, start_cpu = time.perf_counter_ns(), time.process_time_ns()
        for _ in range(args.runs):
            render(template, task, slots)
        cpu.append((time.process_time_ns() - start_cpu) / args.runs)
        wall.append((time.perf_counter_ns() - start) / args.runs)
    print("re_sub_render wall_ns=%.0f cpu_ns=%.0f runs=%d repeat=%d"
          % (statistics.median(wall), statistics.median(cpu), args.runs, args.repeat))


if __name__ == "__main__":
    main()
