"""The agenda's SVG charts: well-formed, escaped, black-and-white, reproducible."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from roster.printouts.charts import SeriesRow, StackRow, duties_chart, visitors_chart

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - our own generated SVG, not untrusted input


def visitors() -> str:
    rows = [
        SeriesRow("Arabisch", [6, 7, 9], [10.5, 11.0]),
        SeriesRow("<b>Tigrinya</b> & co", [0, 1, 0], [0.0, 2.0]),
    ]
    return str(
        visitors_chart(rows, ["1.10.", "8.10.", "15.10."], ["3.12.", "10.12."], "T", ("a", "b"))
    )


def duties() -> str:
    rows = [StackRow("Birgit Sommer", [1, 2, 3]), StackRow("Karim <Mansour>", [0, 0, 1])]
    return str(duties_chart(rows, ["Okt.", "Nov.", "Dez."], "Dienste"))


def test_charts_are_well_formed_svg_with_escaped_labels() -> None:
    for svg in (visitors(), duties()):
        root = parse(svg)
        texts = [t.text for t in root.iter(f"{SVG}text")]
        assert "<b>Tigrinya</b> & co" in texts or "Karim <Mansour>" in texts
        assert "<b>" not in svg and "<Mansour>" not in svg


def test_visitor_bars_scale_with_the_counts_and_forecasts_are_outlined() -> None:
    root = parse(visitors())
    bars = [r for r in root.iter(f"{SVG}rect") if float(r.get("y", 0)) > 20]
    solid = [float(r.get("height", 0)) for r in bars if r.get("fill") == "#444"]
    outlined = [r for r in bars if r.get("fill") == "#fff"]
    assert len(solid) == 4  # 6, 7, 9 and 1 visitors; zeros draw no bar
    assert max(solid) / min(solid) == 9  # heights are proportional to the counts
    assert len(outlined) == 3  # 10.5, 11.0 and 2.0 expected
    assert all(r.get("stroke-dasharray") for r in outlined)


def test_duty_stacks_add_up_and_use_only_greys() -> None:
    svg = duties()
    root = parse(svg)
    labels = [t.text for t in root.iter(f"{SVG}text")]
    assert "6" in labels and "1" in labels  # totals at the end of each bar
    for colour in re.findall(r'(?:fill|stroke)="#([0-9a-f]{6})"', svg):
        assert colour[0:2] == colour[2:4] == colour[4:6], colour


def test_same_data_same_bytes() -> None:
    assert visitors() == visitors()
    assert duties() == duties()
