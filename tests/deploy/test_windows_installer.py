"""build_spec/windows/ppid-desk.iss and the Windows CI workflow: per-user install, shortcuts, the version from the
package, and an installer that writes and deletes only inside its own program folder, never the data folder."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app import osenv
from app.paths import DATA_FOLDER_NAME

ROOT = Path(__file__).resolve().parents[2]
ISS = ROOT / "build_spec" / "windows" / "ppid-desk.iss"
WORKFLOW = ROOT / ".github" / "workflows" / "windows-bundle.yml"


def sections(text: str) -> dict[str, list[str]]:
    """The .iss body by section, comments and preprocessor lines left out."""
    out: dict[str, list[str]] = {}
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(";") or line.startswith("#"):
            continue
        if re.fullmatch(r"\[\w+\]", line):
            current = line[1:-1]
            out.setdefault(current, [])
        elif current:
            out[current].append(line)
    return out


def setup_values(text: str) -> dict[str, str]:
    return dict(line.split("=", 1) for line in sections(text)["Setup"])


def entry(line: str) -> dict[str, str]:
    """``Name: "x"; Flags: y`` -> {"Name": "x", "Flags": "y"}."""
    fields = {}
    for part in line.split(";"):
        key, _, value = part.partition(":")
        fields[key.strip()] = value.strip().strip('"')
    return fields


@pytest.fixture(scope="module")
def iss() -> str:
    return ISS.read_text(encoding="utf-8")


def inno_data_dir() -> str:
    """The desk's Windows data folder in Inno Setup's notation (``%LOCALAPPDATA%`` -> ``{localappdata}``)."""
    return osenv.data_dir_shown(DATA_FOLDER_NAME, "windows").replace("%LOCALAPPDATA%", "{localappdata}")


def test_installs_per_user_without_administrator_rights(iss: str) -> None:
    setup = setup_values(iss)
    assert setup["PrivilegesRequired"] == "lowest"
    assert "PrivilegesRequiredOverridesAllowed" not in setup  # no way to switch to an all-users install
    assert setup["DefaultDirName"] == r"{localappdata}\Programs\PPID Desk"
    assert setup["DisableDirPage"] == "yes"  # the program folder cannot be pointed at the data folder


def test_version_comes_from_the_build_not_the_script(iss: str) -> None:
    setup = setup_values(iss)
    assert setup["AppVersion"] == "{#AppVersion}"
    assert "#error" in iss.split("#ifndef AppVersion", 1)[1].split("#endif", 1)[0]
    assert not re.search(r"\d+\.\d+\.\d+", setup["AppVersion"] + setup["VersionInfoVersion"])
    assert re.fullmatch(r"\{\{[0-9A-F-]{36}\}", setup["AppId"])  # a fixed id: upgrades find the old install


def test_program_folder_and_data_folder_are_apart(iss: str) -> None:
    program = setup_values(iss)["DefaultDirName"].lower() + "\\"
    data = inno_data_dir().lower() + "\\"
    assert not program.startswith(data) and not data.startswith(program)
    assert inno_data_dir() == r"{localappdata}\ppid-desk"


def test_installer_writes_and_deletes_only_inside_its_program_folder(iss: str) -> None:
    body = sections(iss)
    for section, key in (("Files", "DestDir"), ("Dirs", "Name"), ("InstallDelete", "Name"),
                         ("UninstallDelete", "Name")):  # fmt: skip
        for line in body.get(section, []):
            target = entry(line)[key]
            assert target == "{app}" or target.startswith("{app}\\"), (section, line)
    assert "UninstallDelete" not in body  # the uninstaller removes what it installed, nothing more
    assert DATA_FOLDER_NAME not in "\n".join(
        "\n".join(body.get(s, [])) for s in ("Files", "Dirs", "InstallDelete", "Icons", "Run")
    )


def test_uninstaller_names_the_folder_it_leaves(iss: str) -> None:
    code = "\n".join(sections(iss)["Code"])
    assert f"ExpandConstant('{inno_data_dir()}')" in code


def test_start_menu_and_desktop_shortcuts_open_the_program(iss: str) -> None:
    body = sections(iss)
    assert '#define AppExe "ppid-desk.exe"' in iss
    icons = {entry(line)["Name"].split("\\")[0]: entry(line) for line in body["Icons"]}
    assert set(icons) == {"{autoprograms}", "{autodesktop}"}
    for icon in icons.values():
        assert icon["Filename"] == r"{app}\{#AppExe}"
    tasks = [entry(line) for line in body["Tasks"]]
    assert icons["{autodesktop}"]["Tasks"] == "desktopicon" == tasks[0]["Name"]
    assert "unchecked" not in tasks[0].get("Flags", "")  # offered ticked


def test_workflow_builds_checks_and_packages_the_bundle() -> None:
    flow = WORKFLOW.read_text(encoding="utf-8")
    assert re.search(r"runs-on: windows-\d+", flow)
    assert 'python-version: "3.11"' in flow
    assert 'python -m pip install ".[bundle]"' in flow
    assert "pyinstaller --noconfirm --clean build_spec/ppid_desk.spec" in flow
    assert '-ArgumentList "--self-check"' in flow and "QT_QPA_PLATFORM: offscreen" in flow
    assert "choco install innosetup" in flow
    iss_path = re.search(r"build_spec\\windows\\[\w.-]+\.iss", flow)
    assert iss_path and (ROOT / iss_path.group(0).replace("\\", "/")).is_file()
    assert '"/DAppVersion=${{ steps.version.outputs.full }}"' in flow
    assert 'version("ppid-desk")' in flow  # the version is the installed package's
    setup_name = setup_values(ISS.read_text(encoding="utf-8"))["OutputBaseFilename"]
    assert setup_name.replace("{#AppVersion}", "${{ steps.version.outputs.full }}") + ".exe" in flow
    assert "actions/upload-artifact@" in flow
    # the data folder the round trip protects is the desk's own
    assert '$data = Join-Path $env:LOCALAPPDATA "' + DATA_FOLDER_NAME + '"' in flow


def test_install_guide_names_the_same_folders_and_credential() -> None:
    """docs/install-windows.md tells officers where things are: it must say what the code and installer do."""
    from app.sync.secrets import SERVICE

    guide = (ROOT / "docs" / "install-windows.md").read_text(encoding="utf-8")
    program = setup_values(ISS.read_text(encoding="utf-8"))["DefaultDirName"].replace(
        "{localappdata}", "%LOCALAPPDATA%"
    )
    assert osenv.data_dir_shown(DATA_FOLDER_NAME, "windows") in guide
    assert program in guide
    assert f"**`{SERVICE}`**" in guide and "Generic Credentials" in guide
    assert "Credential Manager" in osenv.credential_store("windows")
    for part in (r"keys\pii.key", "printouts", "Rol 80 mm", "ppid-desk-cli.exe", "PPID_DESK_DATA_DIR"):
        assert part in guide, part
