"""bonelab.plot: the style is applied, and the shared plots draw what they are given."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from bonelab import plot  # noqa: E402


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def test_style_sets_palette_and_white_background():
    plot.use_course_style()
    rc = matplotlib.rcParams
    assert rc["figure.facecolor"] == "white" and rc["axes.facecolor"] == "white"
    assert rc["axes.prop_cycle"].by_key()["color"][:2] == ["#0072B2", "#D55E00"]
    # Every hue once, yellow (faint on white) last.
    assert len(set(plot.COLORS)) == len(plot.COLORS) == 8
    assert plot.COLORS[-1] == plot.OKABE_ITO["yellow"]


def test_forest_plot_rows_annotations_and_log_axis():
    fig, ax = plt.subplots()
    plot.forest_plot(ax, ["hip", "total"], [0.65, 0.8], [0.45, 0.64], [0.94, 1.0])
    assert ax.get_xscale() == "log"
    rows = dict(zip([t.get_text() for t in ax.get_yticklabels()], ax.get_yticks()))
    assert rows["hip"] > rows["total"]  # the first row is drawn at the top
    texts = sorted(t.get_text() for t in ax.texts)
    assert texts == ["0.65 (0.45–0.94)", "0.80 (0.64–1.00)"]


def test_forest_plot_differences_on_a_linear_axis():
    fig, ax = plt.subplots()
    plot.forest_plot(ax, ["EPT − ET"], [0.68], [0.38], [0.97], null=0.0, log=False, decimals=1)
    assert ax.get_xscale() == "linear"
    assert [t.get_text() for t in ax.texts] == ["0.7 (0.4–1.0)"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (dict(labels=[], estimates=[], lows=[], highs=[]), "at least one row"),
        (dict(labels=["a"], estimates=[1.2], lows=[0.5], highs=[1.0]), "within its interval"),
        (dict(labels=["a"], estimates=[0.5, 1], lows=[0.4], highs=[1.0]), "one value per label"),
        (dict(labels=["a"], estimates=[-0.5], lows=[-1], highs=[0.1]), "logarithmic axis"),
        (dict(labels=["a"], estimates=[0.5], lows=[0.4], highs=[0.6], decimals=9), "decimals"),
    ],
)
def test_forest_plot_rejects_nonsense(kwargs, message):
    fig, ax = plt.subplots()
    labels = kwargs.pop("labels")
    with pytest.raises(ValueError, match=message):
        plot.forest_plot(
            ax, labels, kwargs.pop("estimates"), kwargs.pop("lows"), kwargs.pop("highs"), **kwargs
        )


def test_phase_timeline_shades_and_labels_each_phase():
    fig, ax = plt.subplots()
    ax.plot([0, 200], [0, 1])
    plot.phase_timeline(ax, [("resorption: 23 days", 0, 23), ("formation: 152 days", 0, 152)])
    assert len(ax.patches) == 2
    assert [t.get_text() for t in ax.texts] == ["resorption: 23 days", "formation: 152 days"]


def test_phase_timeline_rejects_a_phase_that_ends_before_it_starts():
    fig, ax = plt.subplots()
    with pytest.raises(ValueError, match="must end after it starts"):
        plot.phase_timeline(ax, [("backwards", 10, 5)])


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (-4.2, None, "\u22124.2"),
        (-2.0, None, "\u22122.0"),
        (-0.86, None, "\u22120.86"),
        (1.7, None, "1.7"),
        (-1.0916, 2, "\u22121.09"),
        (0.25, 0, "0"),
    ],
)
def test_number_label(value, decimals, expected):
    assert plot.number_label(value, decimals) == expected


def test_number_label_rejects_nonsense():
    with pytest.raises(ValueError, match="finite"):
        plot.number_label(float("nan"))
    with pytest.raises(ValueError, match="decimals"):
        plot.number_label(1.0, -1)


def test_figures_are_svg_with_text_as_text_and_the_same_on_every_run():
    import io
    import re

    plot.use_course_style()
    assert matplotlib.rcParams["savefig.format"] == plot.FIGURE_FORMAT == "svg"
    drawings = []
    for _ in range(2):
        fig, ax = plt.subplots()
        ax.plot([0, 1, 2], [2, 0, 1], label="a line")
        ax.set_xlabel("years since the final period")
        ax.legend()
        out = io.BytesIO()
        fig.savefig(out, metadata={"Date": None})
        drawings.append(out.getvalue().decode())
        plt.close(fig)
    assert drawings[0] == drawings[1]
    svg = drawings[0]
    assert "<text" in svg and "years since the final period" in svg
    sizes = [float(x) for x in re.findall(r"font-size: ([\d.]+)px", svg)]
    # The smallest text, 10 pt and up, reads at 9 CSS px or more on a 342 px wide phone column.
    width_pt = float(re.search(r'width="([\d.]+)pt"', svg).group(1))
    assert min(sizes) >= 10 and width_pt <= plot.FIGURE_WIDTH * 72 + 1
    assert min(sizes) * (4 / 3) * 342 / (width_pt * 4 / 3) >= 9


def test_notebook_figure_format_is_ipython_s_own_setting():
    """In IPython the inline backend's figure_formats is set, not a replaced formatter."""
    from IPython.core.interactiveshell import InteractiveShell
    from matplotlib.figure import Figure
    from matplotlib_inline.backend_inline import configure_inline_support
    from matplotlib_inline.config import InlineBackend

    shell = InteractiveShell.instance()
    try:
        plot.use_course_style()
        assert InlineBackend.instance().figure_formats == {"svg"}
        configure_inline_support(shell, "inline")
        formatters = shell.display_formatter.formatters
        fig = Figure()
        fig.add_subplot().plot([0, 1], [1, 0])
        assert formatters["image/svg+xml"].lookup(fig) is not None
        assert "image/png" not in shell.display_formatter.format(fig)[0]
        plot.use_course_style(figure_format="png")
        assert InlineBackend.instance().figure_formats == {"png"}
        assert "image/png" in shell.display_formatter.format(fig)[0]
    finally:
        InteractiveShell.clear_instance()
        InlineBackend.clear_instance()
        matplotlib.use("Agg")


def test_style_rejects_an_unknown_figure_format():
    with pytest.raises(ValueError, match="figure_format must be one of svg, png, got 'gif'"):
        plot.use_course_style(figure_format="gif")
