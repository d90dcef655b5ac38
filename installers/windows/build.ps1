<#
.SYNOPSIS
Builds AutoML Workbench for Windows with jpackage: an .msi installer (default), an .exe installer or an app image.

.DESCRIPTION
The Windows twin of installers/build.sh, with the same steps and the same shared files: Maven builds the plain jar
and copies the libraries (-Pinstaller), jlink links the modules of installers/runtime-modules.txt with the Windows
JavaFX jars into a runtime with a class-data-sharing archive, and jpackage wraps runtime, jars and sample-data\
with two launchers: "AutoML Workbench.exe" opens the window, automl-workbench.exe runs the commands in a console
(automl-workbench.exe profile data.csv).

Needs a full JDK 17 (jlink, jpackage, jmods) and Maven on the PATH or in JAVA_HOME; an .msi or .exe also needs
the WiX Toolset 3.x (candle.exe and light.exe on the PATH). Output goes to target\installer\.

.EXAMPLE
powershell -ExecutionPolicy Bypass -File installers\windows\build.ps1
.EXAMPLE
powershell -ExecutionPolicy Bypass -File installers\windows\build.ps1 -Type app-image,msi
#>
param(
    [ValidateSet('app-image', 'msi', 'exe')]
    [string[]]$Type = @('msi'),
    [switch]$SkipBuild,
    [string]$Dest = 'target\installer'
)
$ErrorActionPreference = 'Stop'
Set-Location (Resolve-Path (Join-Path $PSScriptRoot '..\..'))

$javaHome = $env:JAVA_HOME
if (-not $javaHome) { $javaHome = Split-Path (Split-Path (Get-Command javac).Source) }
foreach ($tool in 'jlink', 'jpackage') {
    if (-not (Test-Path "$javaHome\bin\$tool.exe")) { throw "$javaHome\bin\$tool.exe missing: install a full JDK 17 or set JAVA_HOME" }
}
if (-not (Test-Path "$javaHome\jmods\java.base.jmod")) { throw "$javaHome\jmods missing: jlink needs a JDK with jmods" }

# The project's version from pom.xml; jpackage takes numbers only (0.1.0-SNAPSHOT -> 0.1.0).
$fullVersion = ([xml](Get-Content pom.xml)).project.version
$version = $fullVersion -replace '-.*$', ''
$work = 'target\installer'
$started = Get-Date

if (-not $SkipBuild) {
    Remove-Item -Recurse -Force "$work\input", "$work\javafx" -ErrorAction SilentlyContinue
    & mvn -B -q -Pinstaller package -DskipTests
    if ($LASTEXITCODE -ne 0) { throw "the Maven build failed" }
}
if (-not (Test-Path "target\automl-workbench-$fullVersion.jar") -or -not (Test-Path "$work\input\lib") -or -not (Test-Path "$work\javafx")) {
    throw "no build output in target\: run without -SkipBuild"
}
Copy-Item "target\automl-workbench-$fullVersion.jar" "$work\input\automl-workbench.jar" -Force
Remove-Item -Recurse -Force "$work\input\sample-data" -ErrorAction SilentlyContinue
Copy-Item -Recurse sample-data "$work\input\sample-data"

$modules = (Get-Content installers\runtime-modules.txt | Where-Object { $_ -and -not $_.StartsWith('#') }) -join ','
Remove-Item -Recurse -Force "$work\runtime" -ErrorAction SilentlyContinue
& "$javaHome\bin\jlink" --module-path "$javaHome\jmods;$work\javafx" --add-modules $modules `
    --strip-debug --no-header-files --no-man-pages --generate-cds-archive --output "$work\runtime"
if ($LASTEXITCODE -ne 0) { throw "jlink failed" }
# The second CDS archive serves heaps of 32 GB and more only; without it such a JVM starts a little slower.
Remove-Item "$work\runtime\bin\server\classes_nocoops.jsa" -ErrorAction SilentlyContinue

New-Item -ItemType Directory -Force $Dest | Out-Null
foreach ($t in $Type) {
    $opts = @('--type', $t, '@installers/jpackage.args', '--name', 'AutoML Workbench', '--app-version', $version,
        '--icon', 'resources\icons\automl-workbench.ico', '--input', "$work\input", '--runtime-image', "$work\runtime",
        '--dest', $Dest, '--add-launcher', 'automl-workbench=installers\windows\console-launcher.properties')
    if ($t -eq 'app-image') {
        Remove-Item -Recurse -Force "$Dest\AutoML Workbench" -ErrorAction SilentlyContinue
    } else {
        # A fixed upgrade code: a newer installer replaces the installed version instead of installing beside it.
        $opts += @('--win-upgrade-uuid', 'b1a3b1cd-932a-4205-8884-1e8e6dbf6f70', '--win-menu', '--win-menu-group',
            'AutoML Workbench', '--win-shortcut', '--win-dir-chooser', '--file-associations', 'installers\csv-files.properties')
    }
    & "$javaHome\bin\jpackage" @opts
    if ($LASTEXITCODE -ne 0) { throw "jpackage --type $t failed" }
}

Write-Output ("built in {0:N0} s: {1}" -f ((Get-Date) - $started).TotalSeconds, (Resolve-Path $Dest))
Get-ChildItem $Dest -Filter 'AutoML Workbench*' | ForEach-Object { Write-Output "  $($_.Name)" }
