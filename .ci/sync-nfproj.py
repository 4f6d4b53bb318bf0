#!/usr/bin/env python3
"""Rewrites the Compile list of each .nfproj to the .cs files beside it (minus *.Host.cs),
keeping items linked from outside the project folder (Include="..\\...").

Developer convenience only; the host test NanoProjectListTests is what enforces the lists.
Usage: .ci/sync-nfproj.py [path/to/project.nfproj ...]   (default: every .nfproj in the repo)
"""
import pathlib, re, sys

root = pathlib.Path(__file__).resolve().parent.parent
projects = [pathlib.Path(p) for p in sys.argv[1:]] or [
    p for d in ("src", "tests", "boards") for p in (root / d).rglob("*.nfproj")
    if not {"bin", "obj"} & set(p.parts)]
for project in projects:
    folder = project.parent
    files = sorted(str(p.relative_to(folder)).replace("/", "\\") for p in folder.rglob("*.cs")
                   if not {"bin", "obj"} & set(p.relative_to(folder).parts) and not p.name.endswith(".Host.cs"))
    text = project.read_text()
    # Files linked from outside the project folder (shared sample sources) are kept as they are.
    linked = re.findall(r'    <Compile Include="\.\.[^"]*"[^/]*/>\n', text)
    items = "".join(linked) + "".join(f'    <Compile Include="{f}" />\n' for f in files)
    new, n = re.subn(r'(  <ItemGroup>\n)(?:    <Compile Include="[^"]*"[^/]*/>\n)+(  </ItemGroup>)', lambda m: m.group(1) + items + m.group(2), text, count=1)
    if n != 1:
        sys.exit(f"{project}: no Compile ItemGroup to rewrite")
    if new != text:
        project.write_text(new)
        print(f"updated {project.relative_to(root)} ({len(files)} files)")
