"""The share of the leg skeleton off the body's mask, on drawn masks."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from poses import TORSO, moved, standing, with_mask

from formcoach.core.landmarks import Landmark as L
from formcoach.core.leg_fit import leg_off_mask_share


def test_legs_drawn_on_the_body_are_on_it() -> None:
    pose = standing().pose()
    assert leg_off_mask_share(with_mask(pose, pose)) == 0.0


def test_a_leg_drawn_where_the_body_is_not_is_off_it() -> None:
    body = standing().pose()
    # MediaPipe's reading: the left leg swung 1.2 torso lengths away from where it is.
    lost = moved(
        body,
        {
            L.LEFT_KNEE: body.xy[L.LEFT_KNEE] + (1.2 * TORSO, 0.0),
            L.LEFT_ANKLE: body.xy[L.LEFT_ANKLE] + (1.2 * TORSO, 0.0),
        },
    )
    share = leg_off_mask_share(with_mask(lost, body))
    assert share is not None
    # Of the four leg segments, the lost knee-ankle and most of hip-knee are off.
    assert 0.3 < share < 0.5


def test_full_resolution_and_small_masks_agree() -> None:
    body = standing().pose()
    lost = moved(body, {L.LEFT_ANKLE: body.xy[L.LEFT_ANKLE] + (TORSO, -0.5 * TORSO)})
    shares = [leg_off_mask_share(with_mask(lost, body, s)) for s in (1.0, 0.25)]
    assert shares[0] == pytest.approx(shares[1], abs=0.05)
    assert shares[0] > 0.1


def test_no_mask_or_an_empty_one_reads_nothing() -> None:
    pose = standing().pose()
    assert leg_off_mask_share(pose) is None
    empty = replace(pose, mask=np.zeros((90, 160), np.float32), mask_scale=0.125)
    assert leg_off_mask_share(empty) is None
