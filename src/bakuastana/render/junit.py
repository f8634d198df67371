"""JUnit XML output for CI test reports: a test suite per file, a failing test case per finding (as ruff writes)."""

from __future__ import annotations

from xml.etree import ElementTree


def junit(report) -> ElementTree.Element:
    """<testsuites> with one <testsuite> per file the findings are in; a clean check is one passing case."""
    suites = ElementTree.Element("testsuites", name="bakuastana", tests=str(len(report.findings)),
                                 failures=str(len(report.findings)), errors="0")
    by_path: dict[str, list] = {}
    for finding in report.findings:
        where = finding.where()
        by_path.setdefault(where.path if where else report.store_path, []).append(finding)
    if not by_path:
        suite = ElementTree.SubElement(suites, "testsuite", name="bakuastana", tests="1", disabled="0",
                                       errors="0", failures="0", package="org.bakuastana")
        ElementTree.SubElement(suite, "testcase", name="No errors found")
        suites.set("tests", "1")
    for path, findings in by_path.items():
        suite = ElementTree.SubElement(suites, "testsuite", name=path, tests=str(len(findings)), disabled="0",
                                       errors="0", failures=str(len(findings)), package="org.bakuastana")
        for finding in findings:
            where = finding.where()
            case = ElementTree.SubElement(suite, "testcase", name=f"org.bakuastana.{finding.code}", classname=path)
            text = finding.message
            if where is not None:
                case.set("line", str(where.line))
                case.set("column", str(where.column))
                text = f"line {where.line}, col {where.column}, {text}"
            failure = ElementTree.SubElement(case, "failure", message=finding.headline(), type=finding.severity)
            failure.text = text + (f" (fix: {finding.fix})" if finding.fix else "")
    return suites


def write_junit(report, out) -> None:
    tree = junit(report)
    ElementTree.indent(tree)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ElementTree.tostring(tree, encoding="unicode") + "\n")
