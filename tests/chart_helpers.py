"""Reading the numbers of the status charts (includes/status_chart.html) back from a page."""

from bs4 import Tag


def chart_counts(figure: Tag) -> dict[str, int]:
    """Status label -> count, from a chart's data table."""
    counts = {}
    for row in figure.select(".wi-chart__table tbody tr"):
        label = row.select_one(".wi-status").get_text(strip=True)
        counts[label] = int(row.select_one("td.wi-chart__number").get_text(strip=True))
    return counts
