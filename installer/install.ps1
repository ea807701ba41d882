# From a fresh clone to an installed tool (Windows PowerShell or pwsh): packs skillhost, installs the package as a
# global dotnet tool (replacing an earlier install of it), then runs `skillhost install` with this script's
# arguments (default: Claude Code, user scope; e.g. `installer\install.ps1 --client vscode --scope project`).
#
# Environment: SKILLHOST_CONFIGURATION (Release), SKILLHOST_NO_BUILD=1 to pack what is already built,
# SKILLHOST_PACKAGE_DIR (artifacts\package) for where the package goes.
$ErrorActionPreference = 'Stop'
$root = Split-Path -Parent $PSScriptRoot
$configuration = if ($env:SKILLHOST_CONFIGURATION) { $env:SKILLHOST_CONFIGURATION } else { 'Release' }
$packageDir = if ($env:SKILLHOST_PACKAGE_DIR) { $env:SKILLHOST_PACKAGE_DIR } else { Join-Path $root 'artifacts\package' }
$project = Join-Path $root 'src\SkillHost.Server\SkillHost.Server.csproj'

function Invoke-Checked([string] $exe, [string[]] $arguments) {
  # Arguments are passed as an array, so paths with spaces (C:\Users\Jane Doe\...) stay one argument each.
  & $exe @arguments
  if ($LASTEXITCODE -ne 0) { throw "'$exe $($arguments -join ' ')' failed with exit code $LASTEXITCODE" }
}

Write-Host "== packing skillhost ($configuration) into $packageDir"
if (Test-Path $packageDir) { Remove-Item -Recurse -Force $packageDir }
$pack = @('pack', $project, '-c', $configuration, '-o', $packageDir, '-v', 'quiet')
if ($env:SKILLHOST_NO_BUILD -eq '1') { $pack += '--no-build' }
Invoke-Checked 'dotnet' $pack

# `dotnet tool install` keeps an installed tool of the same version, so take the old one out first.
$installed = & dotnet tool list --global | Select-Object -Skip 2 | ForEach-Object { ($_ -split '\s+')[0] }
if ($installed -contains 'skillhost') {
  Write-Host '== replacing the installed skillhost tool'
  Invoke-Checked 'dotnet' @('tool', 'uninstall', '--global', 'skillhost')
}
Invoke-Checked 'dotnet' @('tool', 'install', '--global', 'SkillHost', '--add-source', $packageDir, '--ignore-failed-sources')

$toolsDir = Join-Path $env:USERPROFILE '.dotnet\tools'
$exe = if ($IsWindows -or $env:OS -eq 'Windows_NT') { 'skillhost.exe' } else { 'skillhost' }
if (-not ($IsWindows -or $env:OS -eq 'Windows_NT')) { $toolsDir = Join-Path $HOME '.dotnet/tools' }
$tool = Join-Path $toolsDir $exe
Write-Host "== `"$tool`" install $args"
Invoke-Checked $tool (@('install') + $args)
if (-not (($env:PATH -split [IO.Path]::PathSeparator) -contains $toolsDir)) {
  Write-Host "note: add `"$toolsDir`" to PATH to type 'skillhost' directly."
}
