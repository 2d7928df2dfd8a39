"""`--executor ray` on a local Ray (2 CPUs) writes, byte for byte, what the local executor
writes. Skipped where ray is not installed (it is in the `dev` extra; `pip install
'cleaner[ray]'` elsewhere)."""

from __future__ import annotations

import pytest

from tests.batch.helpers import article, articles_jsonl, manifest, tree, write_jsonl

ray = pytest.importorskip("ray", reason="ray is not installed: pip install 'cleaner[ray]'")


@pytest.fixture(scope="module")
def local_ray():
    """One local Ray for the module (the executor's own `ray.init` joins it), without token
    authentication, which a throwaway local cluster does not need and which would write a
    token to ~/.ray."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("RAY_AUTH_MODE", "disabled")
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
        yield
        ray.shutdown()


def test_ray_executor_output_is_the_local_executors(tmp_path, cli, fast_config, local_ray):
    feed = articles_jsonl(tmp_path / "feed.jsonl", 30)
    write_jsonl(tmp_path / "more.jsonl", ["{", {"text": article(3)}, {"text": article(4)}])
    args = ["run", feed, tmp_path / "more.jsonl", "--shard-size", "7", "--dedup",
            "--config", fast_config, "-q"]
    assert cli(*args, "-o", tmp_path / "local", "--workers", "2").exit_code == 0
    result = cli(*args, "-o", tmp_path / "ray", "--executor", "ray")
    assert result.exit_code == 0, result.output
    assert tree(tmp_path / "ray") == tree(tmp_path / "local")
    on_ray, local = manifest(tmp_path / "ray"), manifest(tmp_path / "local")
    assert on_ray.pop("run")["executor"] == "ray"
    local.pop("run")
    assert on_ray == local
    assert on_ray["duplicates"]["exact"] == 2  # the copies of articles 3 and 4
