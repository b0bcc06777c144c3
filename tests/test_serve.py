"""``build.py serve``: safe path resolution, content types, injection at response
time only, the port-taken message, error reporting that keeps the server up,
and a clean Ctrl-C. Every server here serves a private copy of the demo site
under a project-site base path (/digest/), built by the real pipeline."""

from __future__ import annotations

import argparse
import http.client
import json
import re
import signal
import shutil
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import REPO, copy_site, tree_bytes
from digest.config import load_config
from digest.pipeline import build
from digest.preview_http import CLIENT_PATH, LiveState, bind_server, inject_script, resolve_target
from digest.search import index_site
from digest.serve import add_serve_arguments
from serve_harness import ServeProcess, set_base_url, write_atomically

BASE = "/digest/"
SECRET = "TOP-SECRET-NEVER-SERVED"


def make_site(root: Path) -> Path:
    copy_site(REPO, root)
    set_base_url(root, "https://example.github.io/digest/")
    return root


def first_article(root: Path) -> Path:
    return sorted((root / "content").rglob("*.md"))[0]


def get(origin: str, target: str, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    """Send ``target`` exactly as written (http.client does not normalise it)."""
    host, port = origin.removeprefix("http://").rsplit(":", 1)
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        conn.request(method, target)
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


def read_events(origin: str, count: int, timeout: float = 10.0) -> Iterator[dict]:
    """The first ``count`` ``state`` events of the live-reload stream, as they come."""
    host, port = origin.removeprefix("http://").rsplit(":", 1)
    conn = http.client.HTTPConnection(host, int(port), timeout=timeout)
    try:
        conn.request("GET", "/__livereload/events")
        response = conn.getresponse()
        assert response.status == 200
        assert response.getheader("Content-Type", "").startswith("text/event-stream")
        seen = 0
        event = None
        while seen < count:
            line = response.fp.readline().decode("utf-8").rstrip("\n")
            if line.startswith("event: "):
                event = line[7:]
            elif line.startswith("data: ") and event == "state":
                seen += 1
                yield json.loads(line[6:])
    finally:
        conn.close()


# --------------------------------------------------------------------------- unit level


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """An output folder with a secret beside it and symlinks leading out of it."""
    (tmp_path / "secret.txt").write_text(SECRET)
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.txt").write_text(SECRET)
    root = tmp_path / "site"
    (root / "zh-hans" / "articles" / "新闻").mkdir(parents=True)
    (root / "index.html").write_text("<html><body>root</body></html>")
    (root / "zh-hans" / "index.html").write_text("<html><body>hans</body></html>")
    (root / "zh-hans" / "feed.xml").write_text("<rss/>")
    (root / "zh-hans" / "articles" / "新闻" / "index.html").write_text("<p>新闻</p>")
    (root / "link-out.txt").symlink_to(tmp_path / "secret.txt")
    (root / "dir-out").symlink_to(tmp_path / "outside")
    (root / "link-in.xml").symlink_to(root / "zh-hans" / "feed.xml")
    return root


TRAVERSALS = [
    "/digest/../secret.txt",
    "/digest/zh-hans/../../secret.txt",
    "/digest/%2e%2e/secret.txt",
    "/digest/%2E%2E/secret.txt",
    "/digest/.%2e/secret.txt",
    "/digest/..%2fsecret.txt",
    "/digest/..%2Fsecret.txt",
    "/digest/%2e%2e%2fsecret.txt",
    "/digest/zh-hans/%2e%2e%2f%2e%2e%2fsecret.txt",
    "/digest/..\\secret.txt",
    "/digest/%5c..%5csecret.txt",
    "/digest/link-out.txt",
    "/digest/dir-out/secret.txt",
    "/digest/dir-out/",
    "//etc/passwd",
    "/digest//etc/passwd",
    "/digest/%2fetc%2fpasswd",
    "/digest/%2Fetc/passwd",
    "/etc/passwd",
    "/secret.txt",
    "/digest/%00secret.txt",
    "/digest/%ff%fe",
    "http://example.org/digest/../secret.txt",
    "/digest/index.html/",
]


@pytest.mark.parametrize("target", TRAVERSALS)
def test_resolve_refuses_everything_outside_the_output_folder(tree: Path, target: str) -> None:
    try:
        resolved = resolve_target(tree, BASE, target)
    except UnicodeDecodeError:
        return  # the server turns this into a 404 too (checked over HTTP below)
    assert resolved.file is None, f"{target} resolved to {resolved.file}"
    assert resolved.redirect is None or resolved.redirect.startswith(BASE)


@pytest.mark.parametrize(("target", "expected"), [
    ("/digest/", "index.html"),
    ("/digest/index.html", "index.html"),
    ("/digest/zh-hans/", "zh-hans/index.html"),
    ("/digest/zh-hans/feed.xml?utm=1#top", "zh-hans/feed.xml"),
    ("/digest/zh-hans/articles/%E6%96%B0%E9%97%BB/", "zh-hans/articles/新闻/index.html"),
    ("/digest/link-in.xml", "zh-hans/feed.xml"),  # a symlink that stays inside is fine
])
def test_resolve_serves_files_inside_the_base_path(tree: Path, target: str, expected: str) -> None:
    resolved = resolve_target(tree, BASE, target)
    assert resolved.file is not None
    assert resolved.file == (tree / expected).resolve()


@pytest.mark.parametrize(("target", "location"), [
    ("/", "/digest/"),
    ("/digest", "/digest/"),
    ("/digest/zh-hans", "/digest/zh-hans/"),
    ("/digest/zh-hans?x=1", "/digest/zh-hans/?x=1"),
])
def test_resolve_redirects_folders_to_their_slashed_url(tree: Path, target: str, location: str) -> None:
    assert resolve_target(tree, BASE, target).redirect == location


def test_resolve_at_the_root_base_path(tree: Path) -> None:
    assert resolve_target(tree, "/", "/zh-hans/feed.xml").file == (tree / "zh-hans/feed.xml").resolve()
    assert resolve_target(tree, "/", "/../secret.txt").file is None
    assert resolve_target(tree, "/", "//secret.txt").file is None


def test_injection_goes_before_the_last_closing_body_tag() -> None:
    html = b"<html><body><pre>&lt;/body&gt; </body> in text</pre>\n</BODY></html>"
    out = inject_script(html, "abc:3")
    tag = f'<script src="{CLIENT_PATH}" data-build="abc:3"></script>'.encode()
    assert out == html.replace(b"</BODY>", tag + b"</BODY>")
    assert inject_script(b"<p>fragment", "abc:3") == b"<p>fragment" + tag


def test_serve_binds_to_loopback_by_default() -> None:
    parser = argparse.ArgumentParser()
    add_serve_arguments(parser)
    args = parser.parse_args([])
    assert (args.host, args.port, args.open) == ("127.0.0.1", 8000, False)


def test_bind_server_moves_to_the_next_free_port_and_says_so() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        server, message = bind_server("127.0.0.1", port, LiveState(), attempts=50)
        try:
            assert server.server_port != port
            assert message is not None
            assert f"Port {port} on 127.0.0.1 is already in use" in message
            assert f"serving on port {server.server_port} instead" in message
        finally:
            server.server_close()


def test_bind_server_gives_up_with_advice_when_every_port_is_taken() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(OSError, match=r"all in use; choose another with --port"):
            bind_server("127.0.0.1", port, LiveState(), attempts=1)


# --------------------------------------------------------------------------- HTTP level


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServeProcess]:
    """One server for the read-only HTTP tests; nothing here edits its site."""
    root = make_site(tmp_path_factory.mktemp("served"))
    with ServeProcess(root) as server:
        site = root / "site"
        # Plant things to leak: a file beside the output, and symlinks out of it.
        (root / "secret.txt").write_text(SECRET)
        (site / "link-out.txt").symlink_to(root / "secret.txt")
        (site / "dir-out").symlink_to(root)
        yield server


def test_serves_under_the_base_path(served: ServeProcess) -> None:
    assert served.url.startswith("http://127.0.0.1:")  # loopback unless told otherwise
    assert served.url.endswith("/digest/")
    status, headers, body = get(served.origin, "/digest/zh-hans/")
    assert status == 200
    assert "zh-Hans" in body.decode()
    status, headers, _ = get(served.origin, "/")
    assert (status, headers["location"]) == (302, "/digest/")
    assert get(served.origin, "/zh-hans/")[0] == 404  # only under the base path, as on Pages


@pytest.mark.parametrize("target", [*TRAVERSALS, "/digest/../config.yaml", "/digest/%2e%2e/config.yaml",
                                    "/digest/dir-out/config.yaml", "/digest/%2e%2e%2fconfig.yaml"])
def test_http_traversal_attempts_get_404(served: ServeProcess, target: str) -> None:
    status, headers, body = get(served.origin, target)
    # An absolute-form target naming a foreign host is refused (403, issue 14's
    # Host check) before its path is looked at; every other one is not found.
    foreign = target.startswith("http://example.org/")
    assert status == (403 if foreign else 404), f"{target} -> {status}"
    assert SECRET.encode() not in body
    assert b"base_url:" not in body  # config.yaml's text
    assert headers["content-type"] == ("text/plain; charset=utf-8" if foreign else "text/html; charset=utf-8")


@pytest.mark.parametrize(("target", "content_type"), [
    ("/digest/", "text/html; charset=utf-8"),
    ("/digest/zh-hant/", "text/html; charset=utf-8"),
    ("/digest/zh-hans/feed.xml", "application/xml; charset=utf-8"),
    ("/digest/zh-hant/atom.xml", "application/xml; charset=utf-8"),
    ("/digest/sitemap.xml", "application/xml; charset=utf-8"),
    ("/digest/robots.txt", "text/plain; charset=utf-8"),
    ("/digest/static/style.css", "text/css; charset=utf-8"),
    (CLIENT_PATH, "text/javascript; charset=utf-8"),
])
def test_content_types(served: ServeProcess, target: str, content_type: str) -> None:
    status, headers, body = get(served.origin, target)
    assert status == 200
    assert headers["content-type"] == content_type
    assert headers["x-content-type-options"] == "nosniff"
    assert int(headers["content-length"]) == len(body)


def test_feeds_are_served_exactly_as_built(served: ServeProcess) -> None:
    on_disk = (served.root / "site" / "zh-hans" / "feed.xml").read_bytes()
    assert get(served.origin, "/digest/zh-hans/feed.xml")[2] == on_disk
    assert b"__livereload" not in on_disk


def test_head_sends_the_headers_of_get_without_a_body(served: ServeProcess) -> None:
    _, get_headers, get_body = get(served.origin, "/digest/zh-hans/")
    status, head_headers, head_body = get(served.origin, "/digest/zh-hans/", method="HEAD")
    assert status == 200
    assert head_body == b""
    assert head_headers["content-length"] == str(len(get_body))


def test_reload_script_is_added_to_responses_but_never_written_to_disk(served: ServeProcess) -> None:
    site = served.root / "site"
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 6
    for page in pages:
        on_disk = page.read_bytes()
        assert b"__livereload" not in on_disk, page
        target = BASE + page.relative_to(site).as_posix()
        status, _, served_body = get(served.origin, target)
        assert served_body.count(b"/__livereload/client.js") == 1, target
        # The served page is the file plus exactly one script tag before </body>.
        assert re.sub(rb'<script src="/__livereload/client.js" data-build="[0-9a-f]+:\d+"></script>', b"",
                      served_body) == on_disk, target


def test_unknown_address_gets_the_sites_404_page_with_the_script(served: ServeProcess) -> None:
    status, headers, body = get(served.origin, "/digest/no/such/page/")
    assert status == 404
    assert headers["content-type"] == "text/html; charset=utf-8"
    own_404 = (served.root / "site" / "404.html").read_bytes()
    assert body.startswith(own_404[: own_404.lower().rfind(b"</body>")])
    assert b"/__livereload/client.js" in body


def test_event_stream_announces_the_current_build(served: ServeProcess) -> None:
    state = next(read_events(served.origin, 1))
    assert state["problems"] == []
    assert state["seq"] >= 1
    _, _, page = get(served.origin, "/digest/")
    assert f'data-build="{state["token"]}:{state["seq"]}"'.encode() in page


# --------------------------------------------------------------------------- behaviour over time


def test_port_taken_message_names_the_port_used_instead(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with ServeProcess(root, port=port) as server:
            used = int(server.origin.rsplit(":", 1)[1])
            assert used != port
            assert f"Port {port} on 127.0.0.1 is already in use" in server.output("stderr")
            assert f"serving on port {used} instead" in server.output("stderr")
            assert get(server.origin, "/digest/")[0] == 200


def test_build_errors_keep_the_server_up_and_reach_every_page(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site")
    article = first_article(root)
    original = article.read_text(encoding="utf-8")
    rel = article.relative_to(root).as_posix()
    with ServeProcess(root) as server:
        events = read_events(server.origin, 3, timeout=20)
        first = next(events)
        assert first["problems"] == []

        errors_at = server.mark("stderr")
        write_atomically(article, original.replace("\ntitle:", "\ntitle: [never closed", 1))
        broken = next(events)
        assert len(broken["problems"]) >= 1
        assert re.match(rf"{re.escape(rel)}:\d+: ", broken["problems"][0]), broken
        assert broken["seq"] == first["seq"]  # no new build: the last good one stays
        # The terminal prints the very same line.
        server.wait_for(re.escape(broken["problems"][0]), stream="stderr", since=errors_at)
        status, _, body = get(server.origin, "/digest/zh-hans/")
        assert status == 200 and b"</html>" in body

        write_atomically(article, original)
        fixed = next(events)
        assert fixed["problems"] == []
        assert fixed["seq"] == first["seq"] + 1


def test_config_errors_are_reported_and_cleared_too(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site")
    config = root / "config.yaml"
    original = config.read_text(encoding="utf-8")
    with ServeProcess(root) as server:
        events = read_events(server.origin, 3, timeout=20)
        first = next(events)
        write_atomically(config, original + "\nno_such_key: 1\n")
        broken = next(events)
        assert any(p.startswith("config.yaml:") and "no_such_key" in p for p in broken["problems"]), broken
        # Written in place this time: the watcher must still be listening after the rename above.
        config.write_text(original, encoding="utf-8")
        fixed = next(events)
        assert (fixed["problems"], fixed["seq"]) == ([], first["seq"] + 1)


def test_starts_and_recovers_when_the_first_build_fails(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site")
    article = first_article(root)
    original = article.read_text(encoding="utf-8")
    rel = article.relative_to(root).as_posix()
    article.write_text(original.replace("\ntitle:", "\ntitle: [never closed", 1), encoding="utf-8")
    with ServeProcess(root) as server:
        assert server.url.endswith("/digest/")  # the config loaded, so the base path is known
        # stderr has its own pipe and reader thread: wait for the report rather than
        # assume it arrived before stdout's "Watching" line.
        server.wait_for(f"^{re.escape(rel)}:", stream="stderr", timeout=20)
        reported = [line for line in server.lines["stderr"] if line.startswith(f"{rel}:")]
        assert len(reported) == 1, server.output("stderr")  # said once, not once per attempt
        events = read_events(server.origin, 2, timeout=20)
        broken = next(events)
        assert (broken["seq"], broken["problems"]) == (0, reported)
        assert get(server.origin, "/digest/zh-hans/")[0] == 404  # nothing built yet, but it answers
        write_atomically(article, original)
        fixed = next(events)
        assert (fixed["seq"], fixed["problems"]) == (1, [])
        assert get(server.origin, "/digest/zh-hans/")[0] == 200


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "kill"])
def test_stops_cleanly_without_a_traceback(tmp_path: Path, sig: int) -> None:
    root = make_site(tmp_path / "site")
    server = ServeProcess(root)
    events = read_events(server.origin, 2, timeout=20)
    next(events)  # a live-reload stream is open while we stop
    code = server.stop(sig)
    assert code == 0
    assert "Traceback" not in server.output("stderr")
    assert server.output("stdout").endswith("Stopped.")
    with pytest.raises(OSError):
        get(server.origin, "/digest/")



def test_search_indexing_stopped_by_the_next_save_leaves_the_site_as_it_was(tmp_path: Path) -> None:
    """serve drops a background index run when a new change comes (its pages are
    about to be replaced): Pagefind is stopped, nothing in the site changes and
    no scratch folder is left; run to the end, the index is written."""
    root = make_site(tmp_path / "src")
    config = load_config(root / "config.yaml")
    build(config)
    site = config.output_dir
    before = tree_bytes(site)
    for bundle in site.glob("*/pagefind"):
        shutil.rmtree(bundle)
    without_index = tree_bytes(site)
    cancel = threading.Event()
    cancel.set()
    assert index_site(config, site, cancel=cancel, background=True) is False
    assert tree_bytes(site) == without_index
    assert not list(site.glob(".pagefind-*"))
    assert index_site(config, site, cancel=threading.Event(), background=True) is True
    assert tree_bytes(site) == before  # the same bytes as the build's own index
