#!/usr/bin/env python3
"""Validate postgen/data/lexicon.yaml.

Usage: python check_lexicon.py [LEXICON] [--icons DIR]

Checks that every entry has the expected keys and types, that every tag is in the
fixed vocabulary, that no name or alias belongs to more than one entry (comparing
case-insensitively where an entry sets ignore_case), that ordinary English words are
not marked ignore_case, that each exclude phrase contains a form of its entry, that
entries are sorted by tag then name, and (when the simple-icons icons folder exists,
default /tmp/package/icons) that every non-null logo has an icon there.
Prints counts; exits 1 on any problem, 2 if the file cannot be read.
"""

import argparse
import collections
import os
import re
import sys

try:
    import yaml  # PyYAML
except ImportError:  # pragma: no cover
    sys.exit("check_lexicon: PyYAML is required (pip install pyyaml)")

TAGS = [
    "Frontend", "Backend", "Mobile", "Desktop Runtime", "Database", "Caching",
    "Storage", "Streaming", "Data Processing", "Workflow Orchestration",
    "Data Warehouse", "ML", "Search", "Infrastructure", "Cloud", "Networking",
    "CDN/Delivery", "CI/CD", "Developer Tooling", "Internal Tooling",
    "Observability", "Security", "Media/Codec",
]
REQUIRED = ("name", "aliases", "tag", "logo")
OPTIONAL = ("ignore_case", "exclude")
# Names that are also ordinary English words: these must stay case-sensitive.
ORDINARY_WORDS = {
    "swift", "go", "spring", "rust", "beam", "room", "vault", "envoy", "luigi",
    "flow", "paging", "express", "helm", "consul", "airflow", "spark", "storm",
    "hive", "ray", "chef", "puppet", "slack", "jest", "yarn", "opus", "lambda",
    "snowflake", "prefect", "temporal", "iceberg", "docker", "electron", "metal",
}
SLUG_RE = re.compile(r"^[a-z0-9_]+$")
DEFAULT_ICONS = "/tmp/package/icons"


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("lexicon", nargs="?", default=os.path.join(here, "lexicon.yaml"))
    ap.add_argument("--icons", default=DEFAULT_ICONS,
                    help="simple-icons icons/ folder (logo check skipped if missing)")
    args = ap.parse_args(argv)

    try:
        with open(args.lexicon, encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except (OSError, yaml.YAMLError) as exc:
        print(f"cannot load {args.lexicon}: {exc}")
        return 2

    problems = []

    def bad(i, entry, msg):
        name = entry.get("name") if isinstance(entry, dict) else None
        problems.append(f"entry {i} ({name!r}): {msg}")

    if not isinstance(data, list):
        print("lexicon must be a YAML list of entries")
        return 1

    owners = {}        # exact surface form -> entry index
    folded = {}        # casefolded surface form -> set of entry indexes
    valid = []         # (index, entry) of entries well-formed enough for cross checks
    for i, e in enumerate(data):
        if not isinstance(e, dict):
            bad(i, {}, "not a mapping")
            continue
        for k in REQUIRED:
            if k not in e:
                bad(i, e, f"missing key {k!r}")
        for k in e:
            if k not in REQUIRED and k not in OPTIONAL:
                bad(i, e, f"unknown key {k!r}")
        name, aliases = e.get("name"), e.get("aliases")
        if not isinstance(name, str) or not name.strip():
            bad(i, e, "name must be a non-empty string")
            continue
        if not isinstance(aliases, list):
            bad(i, e, "aliases must be a list")
            continue
        forms = [name] + aliases
        if any(not isinstance(f, str) or not f.strip() for f in forms):
            bad(i, e, "every alias must be a non-empty string")
            continue
        for f in forms:
            if f != f.strip():
                bad(i, e, f"surrounding whitespace in {f!r}")
        if len(set(forms)) != len(forms):
            bad(i, e, "alias repeated (or equal to name) within the entry")
        ic = e.get("ignore_case", False)
        if not isinstance(ic, bool):
            bad(i, e, "ignore_case must be true or false")
            ic = False
        if ic:
            low = [f.casefold() for f in forms]
            if len(set(low)) != len(low):
                bad(i, e, "ignore_case entry has forms differing only by case")
            ordinary = sorted(f for f in forms if f.casefold() in ORDINARY_WORDS)
            if ordinary:
                bad(i, e, f"ignore_case on ordinary English word(s) {ordinary}")
        if e.get("tag") not in TAGS:
            bad(i, e, f"tag {e.get('tag')!r} not in vocabulary")
        logo = e.get("logo")
        if logo is not None and (not isinstance(logo, str) or not SLUG_RE.match(logo)):
            bad(i, e, f"logo {logo!r} is not null or a simple-icons slug")
        excl = e.get("exclude", [])
        if not isinstance(excl, list) or any(not isinstance(x, str) or not x.strip() for x in excl):
            bad(i, e, "exclude must be a list of non-empty strings")
        else:
            for x in excl:
                hay = x.casefold() if ic else x
                if not any((f.casefold() if ic else f) in hay for f in forms):
                    bad(i, e, f"exclude phrase {x!r} contains none of the entry's forms")
        for f in forms:
            if f in owners and owners[f] != i:
                bad(i, e, f"{f!r} already used by entry {owners[f]} ({data[owners[f]]['name']!r})")
            owners.setdefault(f, i)
            folded.setdefault(f.casefold(), set()).add(i)
        valid.append((i, e))

    # An ignore_case entry must not share a form, ignoring case, with any other entry.
    for i, e in valid:
        if e.get("ignore_case") is True:
            for f in [e["name"]] + e["aliases"]:
                others = folded.get(f.casefold(), set()) - {i}
                for j in sorted(others):
                    bad(i, e, f"{f!r} (ignore_case) clashes with entry {j} ({data[j]['name']!r})")

    # Sorted by tag, then by name (case-insensitive).
    keys = [(str(e.get("tag", "")).casefold(), e["name"].casefold()) for _, e in valid]
    for (a_i, a), (b_i, b), ka, kb in zip(valid, valid[1:], keys, keys[1:]):
        if ka > kb:
            bad(b_i, b, f"out of order: should come before {a['name']!r}")

    # Logos must exist in the simple-icons package, when it is at hand.
    logo_checked = os.path.isdir(args.icons)
    if logo_checked:
        for i, e in valid:
            logo = e.get("logo")
            if isinstance(logo, str) and not os.path.isfile(os.path.join(args.icons, logo + ".svg")):
                bad(i, e, f"logo {logo!r} not found in {args.icons}")

    per_tag = collections.Counter(e.get("tag") for _, e in valid)
    n_alias = sum(len(e["aliases"]) for _, e in valid)
    n_logo = sum(1 for _, e in valid if e.get("logo"))
    print(f"entries: {len(data)}  aliases: {n_alias}  surface forms: {len(owners)}")
    print(f"logos: {n_logo} set, {len(valid) - n_logo} null"
          + ("" if logo_checked else f" (not checked: {args.icons} missing)"))
    print(f"ignore_case: {sum(1 for _, e in valid if e.get('ignore_case'))}  "
          f"with exclude: {sum(1 for _, e in valid if e.get('exclude'))}")
    for tag in TAGS:
        print(f"  {tag:<24}{per_tag.get(tag, 0):>4}")
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for p in problems:
            print("  " + p)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
