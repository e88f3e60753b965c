"""Where the course map's boxes and arrows go, laid out by networkx.

Layers by ``topological_generations`` (a chapter sits one row below its deepest prerequisite),
positions within the rows by ``multipartite_layout``, with a bend point in every row that a long
arrow crosses, so no arrow runs through a box. The order of the boxes within a row is
hand-written, a few barycentre sweeps, because networkx has no crossing-reduction step and the
library that has one (graphviz's ``dot``) is a system program that `make book` must not need.
"""

from __future__ import annotations

import networkx as nx

from coursebook.model import Chapter, map_edges, prerequisite_graph

BOX_W, BOX_H = 224, 60  # BOX_H fits a tier line and two title lines; longer titles wrap to three
COL_GAP, ROW_GAP = 22, 32
MARGIN, LEGEND_H = 16, 40
CHARS_PER_LINE = 26


def _wrap(text: str, width: int = CHARS_PER_LINE, lines: int = 3) -> list[str]:
    words, out, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    out.append(line)
    if len(out) > lines:
        out = out[: lines - 1] + [" ".join(out[lines - 1 :])[: width - 1].rstrip() + "…"]
    return out


def _box_height(chapters: list[Chapter]) -> int:
    lines = max((len(_wrap(c.title)) for c in chapters), default=2)
    return BOX_H + 16 * max(0, lines - 2)


def _crossings(graph: nx.DiGraph, rows: list[list[str]]) -> int:
    """How many pairs of arrows cross between neighbouring rows."""
    total = 0
    for upper, lower in zip(rows, rows[1:]):
        top, bottom = {k: i for i, k in enumerate(upper)}, {k: i for i, k in enumerate(lower)}
        edges = [(top[a], bottom[b]) for a in upper for b in graph.successors(a) if b in bottom]
        total += sum(1 for (a, b) in edges for (c, d) in edges if a < c and b > d)
    return total


def _ordered_rows(graph: nx.DiGraph, order: dict[str, float]) -> list[list[str]]:
    """The rows of the layered graph, each ordered by barycentre sweeps down and up; the order
    with the fewest crossings wins (ties keep reading order)."""
    rows = [sorted(row, key=order.__getitem__) for row in nx.topological_generations(graph)]
    best = ([list(r) for r in rows], _crossings(graph, rows))
    for _ in range(4):
        for sweep, neighbours, step in (
            (range(1, len(rows)), graph.predecessors, -1),
            (range(len(rows) - 2, -1, -1), graph.successors, 1),
        ):
            for r in sweep:
                other = {key: i for i, key in enumerate(rows[r + step])}
                here = {key: i for i, key in enumerate(rows[r])}

                def barycentre(key: str, other=other, here=here, neighbours=neighbours):
                    linked = [other[n] for n in neighbours(key) if n in other]
                    return (sum(linked) / len(linked) if linked else here[key], order[key])

                rows[r].sort(key=barycentre)
            crossings = _crossings(graph, rows)
            if crossings < best[1]:
                best = ([list(r) for r in rows], crossings)
    return best[0]


def layout(
    chapters: list[Chapter],
) -> tuple[dict[str, tuple[float, float, int]], list[list[str]], float, float]:
    """(key -> (x, y, row)) for boxes and bend points, the arrows as chains of keys, and the size."""
    box_h = _box_height(chapters)
    order = {c.docname: float(i) for i, c in enumerate(chapters)}
    graph = nx.DiGraph()
    graph.add_nodes_from(order)
    layer = {
        doc: row
        for row, generation in enumerate(nx.topological_generations(prerequisite_graph(chapters)))
        for doc in generation
    }
    chains = []
    for source, target in map_edges(chapters):
        chain = [source]
        for step in range(layer[source] + 1, layer[target]):
            key = f"{source}->{target}@{step}"
            order[key] = order[source] + 0.5
            layer[key] = step
            chain.append(key)
        chain.append(target)
        nx.add_path(graph, chain)
        chains.append(chain)
    rows = _ordered_rows(graph, order)
    positions = nx.multipartite_layout(
        graph, subset_key=dict(enumerate(rows)), align="horizontal", scale=1.0
    )
    # multipartite_layout spaces rows and slots one unit apart, then rescales: undo the rescale
    # and give each slot the width of a box.
    spread = sorted({round(float(y), 9) for _, y in positions.values()})
    xs = sorted({round(float(x), 9) for x, _ in positions.values()})
    unit = (spread[1] - spread[0]) if len(spread) > 1 else (xs[1] - xs[0]) if len(xs) > 1 else 1
    left = min(xs)
    placed = {
        key: (
            MARGIN + BOX_W / 2 + (float(x) - left) / unit * (BOX_W + COL_GAP),
            MARGIN + LEGEND_H + r * (box_h + ROW_GAP),
            r,
        )
        for r, row in enumerate(rows)
        for key in row
        for x, _ in [positions[key]]
    }
    width = max((x for x, _, _ in placed.values()), default=0) + BOX_W / 2 + MARGIN
    width = max(width, 4 * 150 + 2 * MARGIN)  # room for the legend
    height = LEGEND_H + len(rows) * (box_h + ROW_GAP) - ROW_GAP + 2 * MARGIN
    return placed, chains, width, height
