#!/usr/bin/env python3
"""Lists public declarations without a /// summary: `python3 undocumented-public-api.py [folder…]`.

A declaration counts as documented when the line above it (past attributes such as @inlinable)
is a `///` comment or closes a `/** … */` block. Enum cases of a public enum are public too and
are listed as well. Exits 1 when anything is listed, so it can guard a build.
"""
import re
import sys
from pathlib import Path

DECLARATION = re.compile(r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:public|open)\s+(?:(?:static|final|class|override|mutating|nonmutating|convenience|required|indirect|lazy|private\(set\)|fileprivate\(set\)|internal\(set\))\s+)*(func|var|let|init|struct|enum|class|protocol|typealias|subscript|actor|case|extension|static|init\?)\b")
ENUM_START = re.compile(r"^\s*(?:@\w+\s+)*public\s+(?:indirect\s+)?enum\s+\w+")
CASE = re.compile(r"^\s*(?:indirect\s+)?case\s+\w+")


def documented(lines, index):
    above = index - 1
    while above >= 0 and lines[above].strip().startswith("@"):
        above -= 1
    if above < 0:
        return False
    text = lines[above].strip()
    return text.startswith("///") or text.endswith("*/")


def undocumented(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    found = []
    # Depth of braces, and the depth at which a public enum's body is (its cases are public).
    depth = 0
    public_enum_depths = []
    for index, line in enumerate(lines):
        code = re.sub(r'"(?:[^"\\]|\\.)*"', '""', line.split("//")[0] if "\"" not in line else line)
        match = DECLARATION.match(line)
        if match and match.group(1) != "extension" and not documented(lines, index):
            found.append((index + 1, line.strip()))
        elif public_enum_depths and depth == public_enum_depths[-1] and CASE.match(line) and not documented(lines, index):
            found.append((index + 1, line.strip()))
        opens, closes = code.count("{"), code.count("}")
        if ENUM_START.match(line) and opens:
            public_enum_depths.append(depth + 1)
        depth += opens - closes
        while public_enum_depths and depth < public_enum_depths[-1]:
            public_enum_depths.pop()
    return found


def main():
    folders = [Path(argument) for argument in sys.argv[1:]] or [Path("Sources/Codeboom"), Path("Sources/CodeboomCLI")]
    count = 0
    for folder in folders:
        for path in sorted(folder.rglob("*.swift")):
            for number, text in undocumented(path):
                print(f"{path}:{number}: {text}")
                count += 1
    print(f"{count} public declaration(s) without ///", file=sys.stderr)
    return 1 if count else 0


if __name__ == "__main__":
    sys.exit(main())
