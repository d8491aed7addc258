# Build Inspector on Windows: the one-folder bundle (tools/build.py, checked from the bundle alone),
# signed when the office has a code-signing certificate, then the per-user installer (Inno Setup).
#
#   powershell -ExecutionPolicy Bypass -File tools\build-windows.ps1
#
# Needs: Python 3.11 and uv (https://docs.astral.sh/uv/), Inno Setup 6 (ISCC.exe) for the
# installer. Optional: $env:INSPECTOR_SIGN_PFX (a .pfx certificate) and $env:INSPECTOR_SIGN_PASSWORD,
# with signtool.exe from the Windows SDK: signed programs are flagged far less by antivirus programs.
# The installer is written to dist\Inspector-<version>-setup.exe.

$ErrorActionPreference = "Stop"
$root = Split-Path -Parent $PSScriptRoot
Set-Location $root

$version = (Select-String -Path pyproject.toml -Pattern '^version = "(.+)"').Matches[0].Groups[1].Value
Write-Host "Inspector $version"

# The programs' version resource (File properties -> Details), read by packaging\inspector.spec
$env:INSPECTOR_VERSION_FILE = Join-Path $root "build\version_info.txt"
New-Item -ItemType Directory -Force -Path (Split-Path $env:INSPECTOR_VERSION_FILE) | Out-Null
uv run python tools/build.py --version-file $env:INSPECTOR_VERSION_FILE --no-bundle
if ($LASTEXITCODE -ne 0) { throw "the version resource could not be written" }

# The bundle, then the checks from the bundle alone (PDF by Word when LibreOffice is absent)
uv run --group build python tools/build.py --check
if ($LASTEXITCODE -ne 0) { throw "the bundle failed its checks" }

# Signing, when a certificate is given
if ($env:INSPECTOR_SIGN_PFX -and -not $env:INSPECTOR_SIGN_PASSWORD) {
    throw "INSPECTOR_SIGN_PFX is set but INSPECTOR_SIGN_PASSWORD is not"
}
if ($env:INSPECTOR_SIGN_PFX) {
    $signtool = Get-Command signtool.exe -ErrorAction SilentlyContinue
    if (-not $signtool) { throw "INSPECTOR_SIGN_PFX is set but signtool.exe (Windows SDK) is not on PATH" }
    foreach ($exe in @("dist\inspector\inspector.exe", "dist\inspector\inspector-gui.exe")) {
        & $signtool.Source sign /f $env:INSPECTOR_SIGN_PFX /p $env:INSPECTOR_SIGN_PASSWORD `
            /fd SHA256 /tr http://timestamp.digicert.com /td SHA256 $exe
        if ($LASTEXITCODE -ne 0) { throw "signing $exe failed" }
    }
} else {
    Write-Host "not signed (no INSPECTOR_SIGN_PFX): antivirus programs may warn on first start"
}

# The installer
$iscc = (Get-Command ISCC.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) {
    foreach ($candidate in @(
            (Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe"),
            (Join-Path $env:LOCALAPPDATA "Programs\Inno Setup 6\ISCC.exe"))) {  # a no-admin install
        if (Test-Path $candidate) { $iscc = $candidate; break }
    }
    if (-not $iscc) { throw "Inno Setup 6 (ISCC.exe) not found" }
}
& $iscc "/DAppVersion=$version" packaging\inspector.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
if ($env:INSPECTOR_SIGN_PFX) {
    & (Get-Command signtool.exe).Source sign /f $env:INSPECTOR_SIGN_PFX /p $env:INSPECTOR_SIGN_PASSWORD `
        /fd SHA256 /tr http://timestamp.digicert.com /td SHA256 "dist\Inspector-$version-setup.exe"
    if ($LASTEXITCODE -ne 0) { throw "signing the installer failed" }
}
Get-Item "dist\Inspector-$version-setup.exe" | ForEach-Object { "{0} {1:N0} MB" -f $_.Name, ($_.Length / 1MB) }
