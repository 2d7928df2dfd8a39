"""Object storage: inputs and --output as s3:// URLs, against moto's S3 server started here on
127.0.0.1. Credentials and the endpoint come from the environment, as for any fsspec user.
Runs are separate `cleaner run` processes, each given that environment (as a shell would)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from tests.batch.containers import pages_jsonl, pages_parquet, pages_warc
from tests.batch.helpers import manifest, rows

pytest.importorskip("s3fs", reason="object storage needs the 's3' extra (in 'dev')")
moto_server = pytest.importorskip("moto.server", reason="moto[server] is in the 'dev' extra")
pytest.importorskip("fastwarc")
pytest.importorskip("pyarrow")

ROOT = Path(__file__).resolve().parents[2]
BUCKET = "crawl"


@pytest.fixture(scope="module")
def s3():
    """A local S3 server for the module: (the environment that points at it, a filesystem)."""
    import s3fs

    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    env = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
           "AWS_DEFAULT_REGION": "us-east-1", "AWS_ENDPOINT_URL": f"http://{host}:{port}"}
    fs = s3fs.S3FileSystem(key="testing", secret="testing",
                           client_kwargs={"endpoint_url": env["AWS_ENDPOINT_URL"]})
    fs.mkdir(BUCKET)
    try:
        yield env, fs
    finally:
        server.stop()


@pytest.fixture(scope="module")
def inputs(s3, tmp_path_factory):
    """The same inputs in a local folder and under s3://crawl/in/."""
    _, fs = s3
    local = tmp_path_factory.mktemp("inputs")
    pages_jsonl(local / "a.jsonl", 12)
    pages_warc(local / "b.warc.gz", 12)
    pages_parquet(local / "c.parquet", 6)
    for file in sorted(local.iterdir()):
        fs.put_file(str(file), f"{BUCKET}/in/{file.name}")
    return local


def cleaner_run(env: dict[str, str], *args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from cleaner.cli import main; main()", "run",
         *map(str, args)], cwd=ROOT, env=os.environ | env, capture_output=True, text=True,
        check=False,
        timeout=300)


def s3_rows(fs, prefix: str, kind: str) -> list[dict]:
    fs.invalidate_cache()
    keys = sorted(key for key in fs.find(f"{BUCKET}/{prefix}/{kind}") if key.endswith(".jsonl"))
    return [orjson.loads(line) for key in keys for line in fs.cat_file(key).splitlines()]


def without_path(found: list[dict]) -> list[dict]:
    """Rows with `source.path` dropped: it names the input as given, local or a URL."""
    return [row | {"origin": {k: v for k, v in row["origin"].items() if k != "path"}}
            for row in found]


@pytest.fixture(scope="module")
def local_run(inputs, s3, fast_config, tmp_path_factory):
    env, _ = s3
    out = tmp_path_factory.mktemp("local") / "out"
    result = cleaner_run(env, inputs, "-o", out, "--workers", "2", "--shard-size", "5",
                         "--config", fast_config, "-q")
    assert result.returncode == 0, result.stderr
    return out


def test_an_s3_run_gives_the_local_runs_records_and_a_manifest_in_the_bucket(
        s3, inputs, local_run, fast_config):
    env, fs = s3
    result = cleaner_run(env, f"s3://{BUCKET}/in/", "-o", f"s3://{BUCKET}/out", "--workers", "2",
                         "--shard-size", "5", "--config", fast_config, "-q")
    assert result.returncode == 0, result.stderr
    assert without_path(s3_rows(fs, "out", "records")) == without_path(rows(local_run, "records"))
    assert len(s3_rows(fs, "out", "records")) == 30
    remote = orjson.loads(fs.cat_file(f"{BUCKET}/out/manifest.json"))
    assert remote["counts"] == manifest(local_run)["counts"]
    assert remote["inputs"][0]["path"] == f"s3://{BUCKET}/in/a.jsonl"


def test_on_s3_a_shard_without_its_marker_is_redone_whatever_its_data(s3, inputs, fast_config):
    """No atomic rename: a crash between the data and the marker leaves data without a marker,
    which must count for nothing."""
    env, fs = s3
    args = [f"s3://{BUCKET}/in/", "-o", f"s3://{BUCKET}/resume", "--workers", "1",
            "--shard-size", "5", "--config", fast_config, "-q"]
    assert cleaner_run(env, *args).returncode == 0
    expected = s3_rows(fs, "resume", "records")
    markers = sorted(fs.find(f"{BUCKET}/resume/done"))
    fs.rm_file(markers[2])
    name = markers[2].rsplit("/", 1)[1].removesuffix(".json")
    fs.pipe_file(f"{BUCKET}/resume/records/{name}.jsonl", b'{"half": "written"}\n')
    result = cleaner_run(env, *args)
    assert result.returncode == 0, result.stderr
    assert s3_rows(fs, "resume", "records") == expected
    remote = orjson.loads(fs.cat_file(f"{BUCKET}/resume/manifest.json"))
    assert remote["run"]["resumed_shards"] == len(markers) - 1
    refused = cleaner_run(env, *args, "--text-field", "body")
    assert refused.returncode == 2 and "another --text-field" in refused.stderr


def test_ray_on_s3_gives_the_local_runs_records(s3, inputs, local_run, fast_config):
    """The cluster recipe of docs/batch.md on one machine: a Ray started by the run itself
    (`--ray-address local`: never a cluster someone else started on this machine with
    `ray start`, whose workers would not have this environment), inputs and output in the
    bucket."""
    pytest.importorskip("ray")
    env, fs = s3
    result = cleaner_run(env | {"RAY_AUTH_MODE": "disabled"}, f"s3://{BUCKET}/in/", "-o",
                         f"s3://{BUCKET}/ray", "--executor", "ray", "--ray-address", "local",
                         "--shard-size", "5",
                         "--config", fast_config, "-q")
    assert result.returncode == 0, result.stderr[-3000:]
    assert without_path(s3_rows(fs, "ray", "records")) == without_path(rows(local_run, "records"))
    remote = orjson.loads(fs.cat_file(f"{BUCKET}/ray/manifest.json"))
    assert remote["run"]["executor"] == "ray"


def test_urls_name_objects_prefixes_and_globs_and_never_the_output(s3, inputs, monkeypatch):
    env, fs = s3
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    from cleaner.batch.io.inputs import expand_inputs

    extra = {f"{BUCKET}/in/run/records/x.jsonl": b"{}\n",  # an output inside the input
             f"{BUCKET}/in/notes.pdf": b"%PDF"}
    for key, data in extra.items():
        fs.pipe_file(key, data)
    try:
        files, skipped = expand_inputs([f"s3://{BUCKET}/in/"], exclude=f"s3://{BUCKET}/in/run")
        assert [f.display for f in files] == [f"s3://{BUCKET}/in/{n}"
                                              for n in ("a.jsonl", "b.warc.gz", "c.parquet")]
        assert [s.display for s in skipped] == [f"s3://{BUCKET}/in/notes.pdf"]
        files, _ = expand_inputs([f"s3://{BUCKET}/in/*.warc.gz", f"s3://{BUCKET}/in/a.jsonl"])
        assert [f.kind for f in files] == ["warc", "jsonl"]
    finally:
        for key in extra:
            fs.rm_file(key)
