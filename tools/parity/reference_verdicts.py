"""Drive the Python reference one episode at a time and print its verdicts as JSON lines.

Usage: python3 reference_verdicts.py REFERENCE.py EPISODES_ROOT INDEX

For every index row the reference would scan (its own walk_index), prints
{"host", "episode", "size_bytes", "reasons", "sample", "module"} (sample/module as json.dumps text) or, where the reference
raises, {"host", "episode", "crash": "<exception>"}. The reference file is imported, not
changed; a crash in one episode does not stop the others here (it stops the reference's CLI).
"""
import importlib.util
import json
import sys
from pathlib import Path

ref_path, root, index = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
spec = importlib.util.spec_from_file_location("cis490_prune_reference", ref_path)
ref = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = ref  # dataclasses looks the module up by name
spec.loader.exec_module(ref)

def walk():
    """The reference's walk_index, minus the rows that crash its whole run (non-objects,
    non-string ids), which the project reports instead."""
    for line in index.read_text(errors="replace").splitlines():
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            continue
        if not isinstance(row, dict):
            continue
        host, ep = row.get("host_id", ""), row.get("episode_id", "")
        if not host or not ep or not isinstance(host, str) or not isinstance(ep, str):
            continue
        tar = root / host / f"{ep}.tar.zst"
        if tar.exists():
            yield row, tar


def main():
    # Called from a function, as the reference's main() calls classify_episode: the stack is then as
    # deep as the command's, and json.loads hits RecursionError at the same nesting.
    for row, tar in walk():
        out = {"host": row["host_id"], "episode": row["episode_id"]}
        try:
            q = ref.classify_episode(tar, row["host_id"], row["episode_id"])
            # sample/module as Python would dump them, compared as text (they may hold NaN, big ints).
            out.update(size_bytes=q.size_bytes, reasons=q.reasons,
                       sample=None if q.sample_name is None else json.dumps(q.sample_name),
                       module=None if q.module_name is None else json.dumps(q.module_name))
        except Exception as e:  # noqa: BLE001 - recording the reference's crash is the point
            out["crash"] = f"{type(e).__name__}: {e}"[:200]
        print(json.dumps(out))


main()
