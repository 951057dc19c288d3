"""Fault-suite fixtures: a source web site on 127.0.0.1 and the table of cases printed at the end."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from faultkit import SourceSite


@pytest.fixture
def site():
    server = SourceSite()
    try:
        yield server
    finally:
        server.stop()


# ---------------------------------------------------------------- the table of fault cases

@dataclass
class Row:
    case: str
    expected: str
    observed: str = "(test did not get that far)"
    result: str = "?"
    data: str = "n/a"  # "kept" once a test has checked that nothing was lost; "?" while unchecked

    def must_keep_data(self) -> None:
        self.data = "?"

    def data_kept(self) -> None:
        self.data = "kept"


ROWS: list[Row] = []


@pytest.fixture
def fault(request):
    """fault(case, expected) -> a row; the test fills in `observed`, the outcome fills in `result`."""

    def add(case: str, expected: str) -> Row:
        row = Row(case, expected)
        ROWS.append(row)
        request.node.fault_rows = [*getattr(request.node, "fault_rows", []), row]
        return row

    return add


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    rows = getattr(item, "fault_rows", [])
    if report.when == "call" or (report.when == "setup" and report.failed):
        for row in rows:
            row.result = "pass" if report.passed else "FAIL"
            if report.failed and row.observed.startswith("(test"):
                message = str(call.excinfo.value).strip().splitlines() if call.excinfo else []
                row.observed = "test failed: " + (message[0] if message else "")


def clip(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def pytest_terminal_summary(terminalreporter):
    if not ROWS:
        return
    widths = (48, 70, 130, 6, 5)
    header = ("case", "expected", "observed", "result", "data")
    write = terminalreporter.write_line
    terminalreporter.section("fault cases")
    line = " | ".join(name.ljust(width) for name, width in zip(header, widths))
    write(line)
    write("-+-".join("-" * width for width in widths))
    for row in ROWS:
        cells = (row.case, row.expected, row.observed, row.result, row.data)
        write(" | ".join(clip(cell, width).ljust(width) for cell, width in zip(cells, widths)))
    passed = sum(row.result == "pass" for row in ROWS)
    lost = sum(row.data == "?" for row in ROWS)
    write(f"tried {len(ROWS)}, passed {passed}, failed {len(ROWS) - passed}, data lost {lost}")
