"""A record's own who-met-whom network drawn as SVG on the server: the record in the middle, the
people or countries it met around it, each line as thick as the number of meetings and linking
to them. Pure layout from plain data (meetings.opendata.network), no queries, like presentation.py.
"""

import math
from dataclasses import dataclass

SIZE = 560
CENTER = SIZE / 2
RADIUS = 190
MAX_NEIGHBOURS = 24  # more would not be legible; the list beside the drawing has them all


@dataclass(frozen=True)
class NeighbourMark:
    label: str
    url: str  # the neighbour's page
    meetings: int
    meetings_url: str  # the meetings of this edge
    x: float
    y: float
    label_x: float
    label_y: float
    anchor: str  # text-anchor of the label
    width: float  # thickness of the edge
    points: str  # the edge as a polygon of that thickness (a line's box has no width when vertical)
    hit_points: str  # a wider, invisible polygon: an easier target for a click


@dataclass(frozen=True)
class EgoDrawing:
    size: int
    center: float
    marks: list
    more: int  # neighbours left out of the drawing


def band(x1, y1, x2, y2, thickness):
    """SVG polygon points of a straight band `thickness` wide from (x1, y1) to (x2, y2)."""
    length = math.hypot(x2 - x1, y2 - y1) or 1
    nx, ny = -(y2 - y1) / length * thickness / 2, (x2 - x1) / length * thickness / 2
    corners = [(x1 + nx, y1 + ny), (x2 + nx, y2 + ny), (x2 - nx, y2 - ny), (x1 - nx, y1 - ny)]
    return " ".join(f"{round(x, 1)},{round(y, 1)}" for x, y in corners)


def ego_drawing(neighbours):
    """The layout for [(Node, Edge)] heaviest first (Network.neighbours); None when there are none."""
    neighbours = list(neighbours)
    if not neighbours:
        return None
    shown = neighbours[:MAX_NEIGHBOURS]
    heaviest = max(edge.meetings for _, edge in shown)
    marks = []
    for index, (node, edge) in enumerate(shown):
        angle = -math.pi / 2 + 2 * math.pi * index / len(shown)
        x, y = CENTER + RADIUS * math.cos(angle), CENTER + RADIUS * math.sin(angle)
        label_distance = RADIUS + 14
        cos = math.cos(angle)
        marks.append(
            NeighbourMark(
                label=node.label,
                url=node.url,
                meetings=edge.meetings,
                meetings_url=edge.url,
                x=round(x, 1),
                y=round(y, 1),
                label_x=round(CENTER + label_distance * cos, 1),
                label_y=round(CENTER + label_distance * math.sin(angle) + 4, 1),
                anchor="middle" if abs(cos) < 0.3 else ("start" if cos > 0 else "end"),
                width=(width := round(1.5 + 6.5 * edge.meetings / heaviest, 1)),
                points=band(CENTER, CENTER, x, y, width),
                hit_points=band(CENTER, CENTER, x, y, max(width, 14)),
            )
        )
    return EgoDrawing(size=SIZE, center=CENTER, marks=marks, more=len(neighbours) - len(shown))
