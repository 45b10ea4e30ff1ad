#!/usr/bin/env python3
"""Adds or updates English texts in src/EmploymentPortal.Web/Resources/SharedResource.en.resx.

UI texts are keyed by their Simplified Chinese text (see PortalLocalization). Usage:
    python3 eng/resx.py 'Chinese text=English text' ...
    python3 eng/resx.py --missing      # lists L["..."] keys used in .razor/.cs files without English
    python3 eng/resx.py --merge-driver %O %A %B
        a git merge driver: the union of both sides' entries, sorted (a changed text on both
        sides is a conflict). Enable it once per clone:
        git config merge.resx.driver 'python3 eng/resx.py --merge-driver %O %A %B'
"""
import re, sys, pathlib, html
from xml.sax.saxutils import escape

ROOT = pathlib.Path(__file__).resolve().parent.parent
WEB = ROOT / "src/EmploymentPortal.Web"
RESX = WEB / "Resources/SharedResource.en.resx"
HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""

def load(path=None):
    path = pathlib.Path(path) if path else RESX
    if not path.exists():
        return {}
    text = path.read_text(encoding="utf-8")
    return {html.unescape(k): html.unescape(v) for k, v in re.findall(r'<data name="([^"]*)" xml:space="preserve">\s*<value>(.*?)</value>', text, re.S)}

def save(entries, path=None):
    path = pathlib.Path(path) if path else RESX
    path.parent.mkdir(parents=True, exist_ok=True)
    body = "".join(f'  <data name="{escape(k, {chr(34): "&quot;"})}" xml:space="preserve">\n    <value>{escape(v)}</value>\n  </data>\n' for k, v in sorted(entries.items()))
    path.write_text(HEADER + body + "</root>\n", encoding="utf-8")

def used_keys():
    keys = set()
    for path in list(WEB.rglob("*.razor")) + list(WEB.rglob("*.cs")):
        if "/obj/" in str(path) or "/bin/" in str(path):
            continue
        keys.update(re.findall(r'\bL\["((?:[^"\\]|\\.)+)"\]', path.read_text(encoding="utf-8")))
    return keys

def merge_driver(base_path, ours_path, theirs_path):
    base, ours, theirs = load(base_path), load(ours_path), load(theirs_path)
    merged, conflicts = dict(ours), []
    for key, value in theirs.items():
        if key not in ours:
            merged[key] = value
        elif ours[key] != value and base.get(key) == ours[key]:
            merged[key] = value  # changed only on their side
        elif ours[key] != value and base.get(key) != value:
            conflicts.append(key)
    for key in base:
        # removed on one side, unchanged on the other: removed
        if key not in theirs and ours.get(key) == base[key]:
            merged.pop(key, None)
        if key not in ours and theirs.get(key) == base[key]:
            merged.pop(key, None)
    save(merged, ours_path)
    for key in conflicts:
        print(f"resx merge: '{key}' has two different English texts; kept ours: {ours[key]!r}, theirs: {theirs[key]!r}", file=sys.stderr)
    return 1 if conflicts else 0

if __name__ == "__main__":
    if sys.argv[1:2] == ["--merge-driver"] and len(sys.argv) == 5:
        sys.exit(merge_driver(*sys.argv[2:5]))
    entries = load()
    if sys.argv[1:] == ["--missing"]:
        missing = sorted(k for k in used_keys() if k not in entries)
        print("\n".join(missing))
        sys.exit(1 if missing else 0)
    for arg in sys.argv[1:]:
        key, _, value = arg.partition("=")
        entries[key] = value
    save(entries)
