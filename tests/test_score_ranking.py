"""The score orders real files as an OKR coach ranked them (tests/data/coach_ranking.yaml).
Skipped without ../shared; the floor is the figure measured when the formula was last changed."""

from __future__ import annotations

import pytest

from okrlint.evaluate_reader import SHARED
from okrlint.evaluate_score import RANKING, evaluate, ranks, spearman

FLOOR = 0.85


def test_spearman_matches_its_definition() -> None:
    assert spearman([1, 2, 3, 4], [10, 20, 30, 40]) == pytest.approx(1.0)
    assert spearman([1, 2, 3, 4], [40, 30, 20, 10]) == pytest.approx(-1.0)
    assert ranks([5.0, 1.0, 5.0]) == [2.5, 1.0, 2.5]
    with pytest.raises(ValueError, match="same length"):
        spearman([1], [1])


@pytest.mark.slow
@pytest.mark.skipif(not (SHARED / "real").is_dir(), reason="needs ../shared/corpus/real")
def test_the_score_follows_the_coachs_ranking() -> None:
    result = evaluate(RANKING)
    assert result["scored"] == result["files"] == 20
    assert result["spearman_rank"] >= FLOOR, result["spearman_rank"]
