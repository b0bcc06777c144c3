"""OutputFile: plain and packed forms hold the same file."""

from __future__ import annotations

import hashlib
import pickle

import pytest

from digest.output import OutputFile

PAGE = ("<!DOCTYPE html><html><body>" + "<p>市议会周二通过新的垃圾分类办法。</p>" * 200 + "</body></html>").encode("utf-8")


def test_a_packed_file_gives_back_its_bytes_and_their_digest() -> None:
    plain, packed = OutputFile("a/index.html", PAGE), OutputFile("a/index.html", PAGE, packed=True)
    assert packed.data == plain.data == PAGE
    assert packed.sha256 == plain.sha256 == hashlib.sha256(PAGE).hexdigest()
    assert packed == plain and hash(packed) == hash(plain)
    assert packed != OutputFile("a/index.html", PAGE + b"\n", packed=True)


def test_a_packed_file_crosses_a_process_boundary_packed() -> None:
    # a worker's result is pickled: the packed form travels, not the plain bytes
    packed = OutputFile("a/index.html", PAGE, packed=True)
    sent = pickle.dumps(packed, protocol=pickle.HIGHEST_PROTOCOL)
    assert len(sent) < len(PAGE) // 3
    back = pickle.loads(sent)
    assert back == packed and back.data == PAGE
    assert pickle.loads(pickle.dumps(OutputFile("b.html", None, "ab" * 32))).data is None


def test_an_output_file_is_immutable() -> None:
    with pytest.raises(AttributeError):
        OutputFile("a.html", b"x").path = "b.html"  # type: ignore[misc]
