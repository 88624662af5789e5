"""The growth benchmark's summary of fan-out (candidates compared per mention)."""

from __future__ import annotations

from collections import Counter

from benchmarks.grow import fanout


def test_fanout_reports_mean_p99_and_max() -> None:
    histogram = Counter({0: 50, 1: 49, 9: 1})

    assert fanout(histogram) == {"mentions": 100, "mean": 0.58, "p99": 1, "max": 9}


def test_fanout_of_no_mention_is_zero() -> None:
    assert fanout(Counter()) == {"mentions": 0, "mean": 0.0, "p99": 0, "max": 0}
