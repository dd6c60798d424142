#!/usr/bin/env python3
"""Every module a target's Swift files import is one that target declares in Package.swift.

An undeclared import compiles only while some other target happens to build the module first (Gateway imported
Sync that way), so `swift build --target X` breaks and the module graph in the README lies. This reads the package
as SwiftPM sees it (`swift package dump-package`) and each target's imports, and fails naming each offender.

Usage: check_imports.py [--package-dir DIR] | --self-test
"""
import json
import os
import re
import subprocess
import sys

# Modules of the toolchain and the platform, which no target declares.
PLATFORM_MODULES = {
    "Foundation", "FoundationEssentials", "FoundationNetworking", "Dispatch", "Glibc", "Musl", "Darwin",
    "Synchronization", "_Concurrency", "XCTest", "Testing", "os", "RegexBuilder", "Observation",
}
IMPORT = re.compile(r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*import\s+(?:(?:typealias|struct|class|enum|protocol|let|var|func)\s+)?([A-Za-z_][A-Za-z0-9_]*)", re.M)


def declared_modules(target):
    """The modules a target may import: its target dependencies, and each product dependency's module of the same name."""
    names = set()
    for dependency in target.get("dependencies", []):
        kind, value = next(iter(dependency.items()))
        names.add(value[0])  # byName, target and product all carry the name first
    return names


def header(text):
    """The file's lines up to its first declaration: where imports stand (an `import` inside a string is not one)."""
    lines = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith(("//", "/*", "*", "import ", "@", "#if", "#else", "#elseif", "#endif")):
            break
        lines.append(line)
    return "\n".join(lines)


def imports_of(directory):
    """{module: [file, ...]} for every Swift file under `directory`."""
    found = {}
    for root, _, files in os.walk(directory):
        for name in files:
            if not name.endswith(".swift"):
                continue
            path = os.path.join(root, name)
            with open(path, encoding="utf-8") as source:
                for module in IMPORT.findall(header(source.read())):
                    found.setdefault(module, []).append(path)
    return found


def violations(package, package_dir):
    out = []
    for target in package["targets"]:
        if target["type"] in ("system", "binary", "plugin", "macro"):
            continue
        default = "Tests" if target["type"] == "test" else "Sources"
        directory = os.path.join(package_dir, target.get("path") or os.path.join(default, target["name"]))
        allowed = declared_modules(target) | PLATFORM_MODULES | {target["name"]}
        for module, files in sorted(imports_of(directory).items()):
            if module not in allowed:
                where = ", ".join(sorted(os.path.relpath(f, package_dir) for f in files))
                out.append(f"{target['name']} imports {module}, which Package.swift does not declare for it ({where})")
    return out


def self_test():
    """The check must catch an undeclared import and pass a declared one."""
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, "Sources", "A"))
        with open(os.path.join(tmp, "Sources", "A", "a.swift"), "w") as f:
            f.write("import Foundation\n@testable import B\nimport C\n\nlet script = \"\"\"\nimport D\n\"\"\"\n")
        package = {"targets": [{"name": "A", "type": "regular", "dependencies": [{"byName": ["B", None]}]}]}
        found = violations(package, tmp)
        assert len(found) == 1 and "A imports C" in found[0], found
        package["targets"][0]["dependencies"].append({"product": ["C", "c-package", None, None]})
        assert violations(package, tmp) == [], "a declared product's module is allowed"
    print("check_imports: the self-test caught an undeclared import and passed a declared one")


def main():
    if "--self-test" in sys.argv:
        return self_test()
    package_dir = sys.argv[sys.argv.index("--package-dir") + 1] if "--package-dir" in sys.argv else os.getcwd()
    dump = subprocess.run(["swift", "package", "--package-path", package_dir, "dump-package"],
                          check=True, capture_output=True, text=True).stdout
    found = violations(json.loads(dump), package_dir)
    for line in found:
        print(f"check_imports: {line}", file=sys.stderr)
    if found:
        sys.exit(1)
    print("check_imports: every import is declared in Package.swift")


if __name__ == "__main__":
    main()
