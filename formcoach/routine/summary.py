"""What a routine leaves behind: per step and set, what was done against the target (pure).

`routine_summary` is the material of routine.json; `summary_text` the lines
printed at the end. A step is "done" when every set was completed,
"skipped" when the person skipped it, "partial" when it was stopped part way,
"not reached" when the routine ended before it.
"""

from __future__ import annotations

from typing import Any

from formcoach.routine.machine import RoutineMachine, SetResult
from formcoach.routine.model import Routine

SCHEMA_VERSION = 1


def _r(x: float | None, nd: int = 1) -> float | None:
    return None if x is None else round(x, nd)


def _set_dict(s: SetResult) -> dict[str, Any]:
    return {
        "number": s.number,
        "side": s.side,
        "target": s.target,
        "done": _r(s.done),
        "per_side": {side: _r(v) for side, v in sorted(s.per_side.items())},
        "completed": s.completed,
        "skipped": s.skipped,
        "start_s": _r(s.start_s, 2),
        "end_s": _r(s.end_s, 2),
    }


def step_status(machine: RoutineMachine, index: int) -> str:
    sets = [s for s in machine.sets if s.step == index]
    if index in machine.skipped_steps:
        return "skipped"
    if not sets and index not in machine.step_times:
        return "not reached"
    planned = len(machine.routine.steps[index].planned_sides())
    done = sum(s.completed for s in sets)
    return "done" if done == planned else "partial"


def routine_summary(
    routine: Routine,
    machine: RoutineMachine,
    *,
    source: str,
    started_at: str,
    interrupted: bool,
    stopped_because: str,
) -> dict[str, Any]:
    steps = []
    for i, step in enumerate(routine.steps):
        sets = [s for s in machine.sets if s.step == i]
        start, end = machine.step_times.get(i, [None, None])
        steps.append(
            {
                "index": i + 1,
                "title": step.title,
                "exercise": step.exercise,
                "counting": step.counting,
                "target": step.target,
                "sides": step.sides,
                "status": step_status(machine, i),
                "sets_planned": len(step.planned_sides()),
                "sets_completed": sum(s.completed for s in sets),
                "start_s": _r(start, 2),
                "end_s": _r(end, 2),
                "sets": [_set_dict(s) for s in sets],
            }
        )
    statuses = [s["status"] for s in steps]
    return {
        "schema_version": SCHEMA_VERSION,
        "routine": routine.name,
        "title": routine.title,
        "routine_file": routine.source,
        "source": source,
        "started_at": started_at,
        "finished": machine.finished,
        "interrupted": interrupted,
        "stopped_because": stopped_because,
        "steps_done": statuses.count("done"),
        "steps_skipped": statuses.count("skipped"),
        "steps": steps,
    }


def summary_text(summary: dict[str, Any]) -> str:
    """A few lines: the routine, then one line per step."""
    steps = summary["steps"]
    head = (
        f"{summary['title']}: {summary['steps_done']} of {len(steps)} steps done"
        + (f", {summary['steps_skipped']} skipped" if summary["steps_skipped"] else "")
        + ("" if summary["finished"] else f" (stopped: {summary['stopped_because']})")
    )
    lines = [head]
    for step in steps:
        lines.append(
            f"  {step['index']}. {step['title']:32} {step['status']:11} "
            f"{step['sets_completed']}/{step['sets_planned']} sets  {_sets_text(step)}"
        )
    return "\n".join(lines)


def _sets_text(step: dict[str, Any]) -> str:
    unit = "reps" if step["counting"] == "reps" else "s"
    parts = []
    for s in step["sets"]:
        if s["skipped"] and not s["done"]:
            continue
        side = "" if s["side"] in ("both", "alternate") else f"{s['side'][0].upper()} "
        parts.append(f"{side}{s['done']:g}/{s['target']:g}")
    return f"{', '.join(parts)} {unit}" if parts else ""
