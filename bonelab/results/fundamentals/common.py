"""What the Fundamentals results share: signed formats and the data they read (BMD reference, SWAN
and cohort rates of loss)."""

from __future__ import annotations

MINUS = "\u2212"


def _signed(digits: int, plus: bool = False):
    """A format that writes a typographic minus (and, if asked, an explicit plus)."""

    def fmt(number: float) -> str:
        text = f"{abs(number):.{digits}f}"
        if float(text) == 0:
            return text
        if number < 0:
            return MINUS + text
        return ("+" + text) if plus else text

    return fmt


# --- data helpers ------------------------------------------------------------------------------


def _reference() -> tuple[float, float]:
    """Femoral-neck young-adult reference convention (mean, SD), g/cm²."""
    from bonelab.data import load

    row = load("bmd_reference").iloc[0]
    return float(row["mean_g_cm2"]), float(row["sd_g_cm2"])


def _t(bmd: float) -> float:
    from bonelab.stats import t_score

    mean, sd = _reference()
    return t_score(bmd, mean, sd)


def _transition(study: str, site: str, window: str):
    from bonelab.data import load

    table = load("bmd_transition")
    rows = table[(table["study"] == study) & (table["site"] == site) & (table["window"] == window)]
    return rows.iloc[0]


def _swan(site: str, window: str) -> float:
    return float(_transition("SWAN", site, window)["loss_pct"])


SWAN_TEN_YEARS = "10 years around the final menstrual period"


def _cohort_rate(window: str) -> tuple[float, float]:
    """15-year cohort (Sowers 2010): yearly spine loss (%/yr, positive) and window length (y)."""
    row = _transition("15-year cohort", "spine", window)
    return float(row["loss_pct_per_year"]), float(
        row["years_from_fmp_end"] - row["years_from_fmp_start"]
    )


BEFORE = "2 years before the final menstrual period"
AFTER = "2 years after the final menstrual period"
LATER = "2 to 7 years after the final menstrual period"


def _compound_loss(rate: float, years: float) -> float:
    """Total loss in percent (positive) after ``years`` at ``rate`` %/yr of loss, compounded."""
    from bonelab.stats import compound_percent

    return -compound_percent(-rate, years)


def _cohort_level(years_from_fmp: float) -> float:
    """Spine level (100 two years before the FMP) at a time from the FMP, compounding the windows."""
    from bonelab.data import load
    from bonelab.stats import compound_percent

    table = load("bmd_transition")
    cohort = table[table["study"] == "15-year cohort"]
    level = 100.0
    for row in cohort.itertuples():
        elapsed = min(years_from_fmp, row.years_from_fmp_end) - row.years_from_fmp_start
        if elapsed > 0:
            level *= 1 + compound_percent(-row.loss_pct_per_year, elapsed) / 100
    return level
