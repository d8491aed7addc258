; Inno Setup script: a per-user installer for Inspector on Windows 10/11, no administrator rights.
; Built by tools/build-windows.ps1 after tools/build.py made dist\inspector\ (ISCC.exe /DAppVersion=…).
;
; - installs into the user's programs folder (%LOCALAPPDATA%\Programs\Inspector), no UAC prompt;
; - a Start-menu entry (and, if chosen, a desktop icon) for the window, inspector-gui.exe;
; - .cchc packages open with Inspector: a double-click merges the package in the window;
; - uninstalling removes the program only: the database, photos and logs in %LOCALAPPDATA%\Inspector
;   (the data folder) stay, so nothing a delegation entered is lost with the program.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6B1F3C2A-8E4D-4C59-9A1E-3F0C7D2B5A91}
AppName=Inspector
AppVersion={#AppVersion}
AppPublisher=Inspector
AppComments=Kiểm tra, giám sát công tác cải cách hành chính cấp xã
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\Inspector
DefaultGroupName=Inspector
DisableProgramGroupPage=yes
OutputDir=..\dist
OutputBaseFilename=Inspector-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\inspector-gui.exe
ChangesAssociations=yes
#ifexist "inspector.ico"
SetupIconFile=inspector.ico
#endif

[Languages]
; Inno Setup ships no Vietnamese among its official languages: an office that has the unofficial
; Vietnamese.isl (jrsoftware/issrc, Files/Languages/Unofficial) puts it in packaging\Languages\
#ifexist "Languages\Vietnamese.isl"
Name: "vi"; MessagesFile: "compiler:Default.isl,Languages\Vietnamese.isl"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[InstallDelete]
; an upgrade replaces the bundle's folder whole (no Qt plugin of an older version left beside the
; new one); the data folder (%LOCALAPPDATA%\Inspector) is elsewhere and untouched
Type: filesandordirs; Name: "{app}\_internal"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\dist\inspector\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Inspector"; Filename: "{app}\inspector-gui.exe"
Name: "{group}\{cm:UninstallProgram,Inspector}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Inspector"; Filename: "{app}\inspector-gui.exe"; Tasks: desktopicon

[Registry]
; per-user file association (HKCU through HKA when installed without administrator rights)
Root: HKA; Subkey: "Software\Classes\.cchc"; ValueType: string; ValueName: ""; ValueData: "Inspector.Package"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Inspector.Package"; ValueType: string; ValueName: ""; ValueData: "Gói dữ liệu Inspector"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Inspector.Package\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\inspector-gui.exe,0"
Root: HKA; Subkey: "Software\Classes\Inspector.Package\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\inspector-gui.exe"" ""%1"""

[Run]
Filename: "{app}\inspector-gui.exe"; Description: "{cm:LaunchProgram,Inspector}"; Flags: nowait postinstall skipifsilent

; [UninstallDelete] lists nothing of the data folder on purpose: the database stays.
