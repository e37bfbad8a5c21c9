"""Bar charts drawn with reportlab's own graphics (no plotting library, fonts embedded like the text).

Each chart is a ``Drawing`` (a platypus flowable) sized to the frame width; values are counts, so the value axis
uses whole steps and every bar carries its number, which is what is read when the report is photocopied.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from app.documents.base import FONT, FONT_BOLD, register_fonts
from app.domain.formatting import format_number

BAR = colors.Color(0.18, 0.36, 0.6)


def _step(top: int) -> int:
    for step in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000):
        if top / step <= 8:
            return step
    return max(1, top // 8)


def _axis(chart: VerticalBarChart | HorizontalBarChart, values: Sequence[int]) -> None:
    top = max([*values, 1])
    step = _step(top)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = ((top + step - 1) // step) * step
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = lambda v: format_number(int(v))
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 7
    chart.barLabelFormat = lambda v: format_number(int(v))


def _titled(width: float, height: float, title: str) -> Drawing:
    register_fonts()
    drawing = Drawing(width, height)
    drawing.add(String(width / 2, height - 10, title, fontName=FONT_BOLD, fontSize=9, textAnchor="middle"))
    return drawing


def column_chart(title: str, labels: Sequence[str], values: Sequence[int], width: float) -> Drawing:
    """Vertical bars (per month, per response-time bucket)."""
    height = 170.0
    drawing = _titled(width, height, title)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 35, 30, width - 50, height - 55
    chart.data = [list(values)]
    chart.categoryAxis.categoryNames = list(labels)
    _axis(chart, values)
    chart.barLabels.nudge = 6
    if len(labels) > 8:
        chart.categoryAxis.labels.angle = 30
        chart.categoryAxis.labels.boxAnchor = "ne"
    drawing.add(chart)
    return drawing


def bar_chart(title: str, labels: Sequence[str], values: Sequence[int], width: float) -> Drawing:
    """Horizontal bars with long category names (outcomes)."""
    row = 16.0
    height = 40 + row * max(len(values), 1)
    drawing = _titled(width, height, title)
    chart = HorizontalBarChart()
    chart.x, chart.y = width * 0.42, 15
    chart.width, chart.height = width * 0.52, height - 40
    chart.data = [list(reversed(values))]
    chart.categoryAxis.categoryNames = list(reversed(labels))
    _axis(chart, values)
    chart.barLabels.nudge = 8
    drawing.add(chart)
    return drawing
