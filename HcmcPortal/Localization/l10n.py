#!/usr/bin/env python3
"""Adds or updates UI texts in both resource files: l10n.py Key "Tiếng Việt" "English" [Key vi en ...]."""
import sys, html, re, pathlib
root = pathlib.Path(__file__).resolve().parent
HEAD = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''
def load(p):
    if not p.exists(): return {}
    return {m.group(1): html.unescape(m.group(2)) for m in re.finditer(r'<data name="([^"]+)" xml:space="preserve">\s*<value>(.*?)</value>', p.read_text(encoding="utf-8"), re.S)}
def save(p, d):
    body = "".join(f'  <data name="{html.escape(k)}" xml:space="preserve">\n    <value>{html.escape(v, quote=False)}</value>\n  </data>\n' for k, v in sorted(d.items()))
    p.write_text(HEAD + body + "</root>\n", encoding="utf-8")
base = sys.argv[1] if sys.argv[1].endswith("Text") else "UiText"
args = sys.argv[2:] if base != "UiText" or sys.argv[1] == "UiText" else sys.argv[1:]
vi_p, en_p = root / f"{base}.resx", root / f"{base}.en.resx"
vi, en = load(vi_p), load(en_p)
for i in range(0, len(args), 3):
    k, v, e = args[i:i+3]
    vi[k] = v
    if e: en[k] = e
save(vi_p, vi)
if en or en_p.exists(): save(en_p, en)
