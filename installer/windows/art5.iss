; Inno Setup script for Art5 Assessor on Windows: a per-user install without administrator
; rights, a Start menu entry, and an uninstaller that leaves the user's data in place.
; Build on Windows after `bash installer/build.sh` (Git Bash) has produced dist\art5\:
;   iscc installer\windows\art5.iss
; Code signing: see installer/README.md (the release manager signs art5.exe and the setup).

#define AppName "Art5 Assessor"
#define AppVersion GetEnv("ART5_VERSION")
#if AppVersion == ""
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{7F3B1E52-6C1A-4B8E-9B9A-ART5ASSESSOR}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Art5 Assessor
DefaultDirName={localappdata}\Programs\Art5 Assessor
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DisableProgramGroupPage=yes
OutputDir=..\..\dist
OutputBaseFilename=art5-assessor-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\art5.exe

[Files]
Source: "..\..\dist\art5\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\{#AppName}"; Filename: "{app}\art5.exe"; Parameters: "gui"
Name: "{userprograms}\{#AppName} self-test"; Filename: "{app}\art5.exe"; Parameters: "self-test"

[Run]
Filename: "{app}\art5.exe"; Parameters: "gui"; Description: "Start {#AppName}"; Flags: nowait postinstall skipifsilent

; The register, reports and backups live in the user data folder
; (%LOCALAPPDATA%\Art5Assessor\art5-assessor), outside {app}: the uninstaller removes only
; the program files, so records kept for the legal retention period survive an uninstall.
