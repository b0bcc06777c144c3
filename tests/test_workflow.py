""".github/workflows/pages.yml deploys the site to GitHub Pages.

In: the workflow file. Out: assertions that it is valid YAML that runs on a push
to main and by hand, holds exactly the permissions Pages needs, serialises
deployments, installs the pinned requirements, builds with the base URL that
actions/configure-pages reports, and uploads that very folder for deploy-pages.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
WORKFLOW = REPO / ".github/workflows/pages.yml"


@pytest.fixture(scope="module")
def workflow() -> dict[Any, Any]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def steps(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def step_using(workflow: dict[Any, Any], action: str) -> dict[str, Any]:
    found = [s for s in steps(workflow) if str(s.get("uses", "")).split("@")[0] == action]
    assert len(found) == 1, f"{action} used {len(found)} times"
    assert re.fullmatch(r"v\d+(\.\d+)*|[0-9a-f]{40}", found[0]["uses"].split("@")[1]), "pin the action's version"
    return found[0]


def test_runs_on_push_to_main_and_by_hand(workflow: dict[Any, Any]) -> None:
    # YAML 1.1 reads the bare key `on` as True.
    triggers = workflow.get("on", workflow.get(True))
    assert triggers["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in triggers


def test_has_exactly_the_pages_permissions(workflow: dict[Any, Any]) -> None:
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    for job in workflow["jobs"].values():
        assert "permissions" not in job  # nothing widens them per job


def test_deployments_share_the_pages_concurrency_group(workflow: dict[Any, Any]) -> None:
    assert workflow["concurrency"]["group"] == "pages"


def test_uses_the_three_pages_actions(workflow: dict[Any, Any]) -> None:
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        step_using(workflow, action)
    deploy_jobs = [j for j in workflow["jobs"].values() if any("deploy-pages" in str(s.get("uses")) for s in j["steps"])]
    assert deploy_jobs[0]["environment"]["name"] == "github-pages"
    assert deploy_jobs[0].get("needs"), "deploy must wait for the build"


def test_installs_the_pinned_requirements_with_python(workflow: dict[Any, Any]) -> None:
    step_using(workflow, "actions/setup-python")
    runs = " ".join(str(s.get("run", "")) for s in steps(workflow))
    assert re.search(r"pip install (.* )?-r requirements\.txt", runs)
    pins = [line for line in (REPO / "requirements.txt").read_text().splitlines() if line and not line.startswith("#")]
    assert pins and all("==" in line for line in pins), "requirements.txt must pin every dependency"


def test_builds_with_the_configure_pages_base_url_and_uploads_that_folder(workflow: dict[Any, Any]) -> None:
    configure = step_using(workflow, "actions/configure-pages")
    upload = step_using(workflow, "actions/upload-pages-artifact")
    builds = [s["run"] for s in steps(workflow) if "build.py build" in str(s.get("run", ""))]
    assert len(builds) == 1
    command = builds[0]
    assert f"--base-url \"${{{{ steps.{configure['id']}.outputs.base_url }}}}\"" in command
    out = re.search(r"--out\s+(\S+)", command)
    assert out is not None and upload["with"]["path"].strip("./") == out.group(1).strip("./")
