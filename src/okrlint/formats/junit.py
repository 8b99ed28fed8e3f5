"""``junit``: JUnit XML, a test suite per file, a failed test case per finding and one passing
test case per clean file."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from okrlint.engine import Finding
from okrlint.report.base import Report

# Characters XML 1.0 cannot hold, even escaped.
_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(text: str) -> str:
    return _XML_INVALID.sub("\ufffd", text)


def render_junit(report: Report) -> str:
    by_file: dict[str, list[Finding]] = {}
    for f in report.findings:
        by_file.setdefault(f.path, []).append(f)
    clean = [p for p in dict.fromkeys(report.files) if p not in by_file]
    total = str(len(report.findings) + len(clean))
    failures = str(len(report.findings))
    root = ET.Element(
        "testsuites", {"name": "okrlint", "tests": total, "failures": failures, "errors": "0"}
    )
    for path in clean:
        # A file without findings is one passing test case (Jenkins rejects tests="0").
        suite = ET.SubElement(
            root,
            "testsuite",
            {"name": _xml(path), "tests": "1", "failures": "0", "errors": "0", "skipped": "0"},
        )
        ET.SubElement(
            suite, "testcase", {"classname": _xml(path), "name": "okrlint", "file": _xml(path)}
        )
    for path, items in by_file.items():
        count = str(len(items))
        suite = ET.SubElement(
            root,
            "testsuite",
            {"name": _xml(path), "tests": count, "failures": count, "errors": "0", "skipped": "0"},
        )
        for f in items:
            case = ET.SubElement(
                suite,
                "testcase",
                {
                    "classname": _xml(path),
                    "name": f"{f.code} {f.line}:{f.column}",
                    "file": _xml(path),
                    "line": str(f.line),
                },
            )
            failure = ET.SubElement(case, "failure", {"message": _xml(f.message), "type": f.code})
            failure.text = _xml(f"{f.path}:{f.line}:{f.column}: {f.code} {f.message} [{f.name}]")
    ET.indent(root)
    xml: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return xml.decode("utf-8") + "\n"
