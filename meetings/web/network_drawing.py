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
    width: float  # stroke width of the edge


@dataclass(frozen=True)
class EgoDrawing:
    size: int
    center: float
    marks: list
    more: int  # neighbours left out of the drawing


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
                width=round(1.5 + 6.5 * edge.meetings / heaviest, 1),
            )
        )
    return EgoDrawing(size=SIZE, center=CENTER, marks=marks, more=len(neighbours) - len(shown))
