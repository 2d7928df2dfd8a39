"""Parquet: input read in row ranges with the JSONL field options, output in the record's
schema (derived from the pydantic model), written and resumed like JSONL."""

from __future__ import annotations

from typing import Literal

import orjson
import pytest
from pydantic import BaseModel

from cleaner.batch.io.parquet import arrow_type, records_schema
from tests.batch.containers import pages_jsonl, pages_parquet, record_id
from tests.batch.helpers import article, manifest, rows, tree, write_jsonl

pa = pytest.importorskip("pyarrow", reason="Parquet needs the 'parquet' extra (in 'dev')")
pq = pytest.importorskip("pyarrow.parquet")


def parquet_rows(output, kind):
    """Every row of `output/<kind>/*.parquet`, files in name order, `source` without nulls."""
    found = []
    for file in sorted((output / kind).glob("*.parquet")):
        for row in pq.read_table(file).to_pylist():
            row["origin"] = {k: v for k, v in row["origin"].items() if v is not None}
            found.append(row)
    return found


def test_columns_are_chosen_with_the_jsonl_options_and_shards_cross_row_groups(tmp_path, cli):
    path = pages_parquet(tmp_path / "pages.parquet", 23, row_group_size=4,
                         id="key", html="body", url="link")
    result = cli("run", path, "-o", tmp_path / "out", "--workers", "0", "-q", "--shard-size",
                 "10", "--id-field", "key", "--html-field", "body", "--url-field", "link")
    assert result.exit_code == 0, result.output
    records = rows(tmp_path / "out", "records")
    assert [r["id"] for r in records] == [record_id(n) for n in range(23)]
    assert [r["origin"]["row"] for r in records] == list(range(23))
    assert manifest(tmp_path / "out")["counts"]["shards"] == 3


def test_bad_rows_give_the_error_rows_jsonl_gives(tmp_path, cli):
    documents = [{"id": "a", "text": article(1)}, {"id": "b", "text": None},
                 {"id": "c", "text": article(2)}]
    pq.write_table(pa.Table.from_pylist(documents), tmp_path / "docs.parquet")
    write_jsonl(tmp_path / "docs.jsonl", documents)
    for name in ("docs.parquet", "docs.jsonl"):
        assert cli("run", tmp_path / name, "-o", tmp_path / name.replace(".", "-"),
                   "--workers", "0", "-q").exit_code == 0
    strip = [{k: v for k, v in row.items() if k != "origin"}
             for row in rows(tmp_path / "docs-parquet", "errors")]
    assert strip == [{k: v for k, v in row.items() if k != "origin"}
                     for row in rows(tmp_path / "docs-jsonl", "errors")]
    assert [(r["id"], r["error"]) for r in strip] == [("b", "missing_text")]


def test_parquet_output_holds_what_jsonl_output_holds(tmp_path, cli):
    path = pages_jsonl(tmp_path / "pages.jsonl", 12)
    with path.open("ab") as handle:
        handle.write(b'{"id": "broken", "html": 12}\n')
    args = ["run", path, "--workers", "0", "-q", "--shard-size", "5"]
    assert cli(*args, "-o", tmp_path / "jsonl").exit_code == 0
    result = cli(*args, "-o", tmp_path / "parquet", "--output-format", "parquet")
    assert result.exit_code == 0, result.output
    assert parquet_rows(tmp_path / "parquet", "records") == rows(tmp_path / "jsonl", "records")
    assert parquet_rows(tmp_path / "parquet", "errors") == rows(tmp_path / "jsonl", "errors")
    schema = pq.read_schema(next((tmp_path / "parquet" / "records").glob("*.parquet")))
    assert pa.types.is_list(schema.field("edits").type)
    assert pa.types.is_struct(schema.field("edits").type.value_type)
    assert manifest(tmp_path / "parquet")["format"] == "parquet"


def test_a_killed_parquet_run_resumes_to_the_same_bytes(tmp_path, cli):
    path = pages_jsonl(tmp_path / "pages.jsonl", 12)
    args = ["run", path, "-o", tmp_path / "out", "--workers", "0", "-q", "--shard-size", "5",
            "--output-format", "parquet", "--compression", "zstd"]
    assert cli(*args).exit_code == 0
    expected = tree(tmp_path / "out")
    marker = sorted((tmp_path / "out" / "done").iterdir())[1]
    marker.unlink()  # as if killed after the data, before the marker
    (tmp_path / "out" / "records" / f"{marker.stem}.parquet").unlink()
    assert cli(*args).exit_code == 0
    assert tree(tmp_path / "out") == expected
    assert manifest(tmp_path / "out")["run"]["resumed_shards"] == 2
    result = cli(*args[:-1], "gzip")
    assert result.exit_code == 2 and "another --compression" in result.output


def test_gzip_jsonl_output(tmp_path, cli):
    import gzip

    path = pages_jsonl(tmp_path / "pages.jsonl", 3)
    assert cli("run", path, "-o", tmp_path / "plain", "--workers", "0", "-q").exit_code == 0
    assert cli("run", path, "-o", tmp_path / "gz", "--workers", "0", "-q",
               "--compression", "gzip").exit_code == 0
    (file,) = (tmp_path / "gz" / "records").iterdir()
    assert file.name.endswith(".jsonl.gz")
    assert [orjson.loads(line) for line in gzip.decompress(file.read_bytes()).splitlines()] == (
        rows(tmp_path / "plain", "records"))


@pytest.mark.parametrize(("options", "message"), [
    (["--output-format", "parquet", "--dedup"], "--dedup and --drop-duplicates need"),
    (["--compression", "zstd"], "--compression zstd does not apply to --output-format jsonl"),
])
def test_options_that_do_not_go_together_exit_2(tmp_path, cli, options, message):
    path = pages_jsonl(tmp_path / "pages.jsonl", 1)
    result = cli("run", path, "-o", tmp_path / "out", "--workers", "0", "-q", *options)
    assert result.exit_code == 2 and message in result.output


class Note(BaseModel):
    text: str
    at: int | None = None


class Flagged(BaseModel):
    """A record as parallel work may grow it: new fields get columns with no code change."""

    id: str
    flags: list[str] = []
    score: float | None = None
    kind: Literal["a", "b"] = "a"
    notes: list[Note] = []


def test_the_schema_follows_the_pydantic_model():
    struct = arrow_type(Flagged)
    assert struct.field("flags").type == pa.list_(pa.string())
    assert struct.field("score").type == pa.float64() and struct.field("score").nullable
    assert struct.field("kind").type == pa.string()
    assert not struct.field("id").nullable
    assert struct.field("notes").type == pa.list_(pa.struct([
        pa.field("text", pa.string(), nullable=False), pa.field("at", pa.int64())]))
    names = records_schema().names
    assert names[0] == "id" and names[-1] == "origin" and "edits" in names


def test_a_binary_html_column_is_read_as_bytes(tmp_path, cli):
    html = "<html><head><meta charset='windows-1252'></head><body><article><p>" + article(1)
    table = pa.table({"id": ["a"], "html": [(html + " Café.</p></article></body></html>")
                                            .encode("cp1252")]})
    pq.write_table(table, tmp_path / "binary.parquet")
    result = cli("run", tmp_path / "binary.parquet", "-o", tmp_path / "out", "--workers", "0",
                 "-q")
    assert result.exit_code == 0, result.output
    (record,) = rows(tmp_path / "out", "records")
    assert record["id"] == "a" and record["text"].endswith("Café.")
