; PPID Desk installer for Windows (Inno Setup 6.3 or newer).
;
; Installs the PyInstaller one-folder bundle (dist\ppid-desk, built from build_spec\ppid_desk.spec) for the
; signed-in user only: no administrator rights, no UAC prompt, nothing outside the user's profile.
;
;   Program:  %LOCALAPPDATA%\Programs\PPID Desk          (replaced on upgrade, removed on uninstall)
;   Data:     %LOCALAPPDATA%\ppid-desk                   (register, keys, backups, printouts, logs)
;
; The data folder is never named in [Files], [InstallDelete] or [UninstallDelete]: an upgrade or an uninstall
; cannot touch the register. tests/unit/test_deploy_files.py holds this file to that promise.
;
; Build (the version comes from the package; see .github/workflows/windows-bundle.yml):
;   iscc /DAppVersion=0.1.0 build_spec\windows\ppid-desk.iss
; Optional: /DBundleDir=<folder of ppid-desk.exe>  /DOutputDir=<where the setup .exe goes>

#ifndef AppVersion
  #error Pass the package version: iscc /DAppVersion=X.Y.Z (python -c "import app; print(app.__version__)")
#endif
#ifndef AppVersionNumeric
  ; Windows' file version must be numeric (X.Y.Z[.W]); the build passes it when AppVersion is not (0.2.0rc1)
  #define AppVersionNumeric AppVersion
#endif
#ifndef BundleDir
  #define BundleDir SourcePath + "..\..\dist\ppid-desk"
#endif
#ifndef OutputDir
  #define OutputDir SourcePath + "..\..\dist"
#endif
#define AppExe "ppid-desk.exe"

[Setup]
; AppId identifies the product across versions: an upgrade finds the earlier install by it. Never change it.
AppId={{58520703-875A-4904-A76B-1D6B242C101C}
AppName=PPID Desk
AppVersion={#AppVersion}
AppVerName=PPID Desk {#AppVersion}
AppPublisher=PPID Desk
VersionInfoVersion={#AppVersionNumeric}
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\PPID Desk
DisableDirPage=yes
UsePreviousAppDir=yes
DefaultGroupName=PPID Desk
DisableProgramGroupPage=yes
DisableWelcomePage=no
MinVersion=10.0
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; An upgrade closes a running PPID Desk first (it asks the officer; the app saves as it closes)
CloseApplications=yes
RestartApplications=no
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName=PPID Desk
SourceDir={#BundleDir}
OutputDir={#OutputDir}
OutputBaseFilename=ppid-desk-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
#if FileExists(SourcePath + "Indonesian.isl")
Name: "id"; MessagesFile: "{#SourcePath}Indonesian.isl"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
DesktopIcon=Buat pintasan di desktop / Create a desktop shortcut
LaunchNow=Buka PPID Desk sekarang / Open PPID Desk now
ElevatedWarning=Penginstal ini dijalankan sebagai administrator. PPID Desk dipasang untuk pengguna yang sedang masuk saja dan tidak memerlukan hak administrator; bila dijalankan dengan akun administrator lain, aplikasi terpasang di profil akun itu, bukan di profil petugas.%n%nLanjutkan?%n%n(This installer needs no administrator rights; run elevated as another account, it installs into that account's profile. Continue?)
DataKept=PPID Desk telah dihapus. Data register, kunci, dan cadangan TIDAK dihapus dan tetap ada di:%n%n%1%n%nHapus folder itu secara manual hanya bila data sudah dipindahkan atau dicadangkan.%n%n(The register, keys and backups were kept in the folder above.)

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; Files of the previous version's bundle that this version no longer ships (a removed Qt plugin could otherwise
; be loaded): the bundle's own folder only.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\PPID Desk"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\PPID Desk"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchNow}"; Flags: nowait postinstall skipifsilent

[Code]
function InitializeSetup(): Boolean;
begin
  Result := True;
  if IsAdmin() and not WizardSilent() then
    Result := MsgBox(CustomMessage('ElevatedWarning'), mbConfirmation, MB_YESNO) = IDYES;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent() then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [ExpandConstant('{localappdata}\ppid-desk')]),
      mbInformation, MB_OK);
end;
