@echo off
rem The `kubelab` command of an installed kubelab app (Windows). It runs the CLI the app carries
rem (resources\app.asar\out\cli) with the app's own Electron binary acting as plain Node.js
rem (ELECTRON_RUN_AS_NODE=1), so the learner needs no Node.js. The installer puts this folder
rem (resources\bin) on the user's PATH (packaging/windows/cli-path.nsh).
setlocal
set "ELECTRON_RUN_AS_NODE=1"
"%~dp0..\..\kubelab.exe" "%~dp0..\app.asar\out\cli\index.js" %*
exit /b %ERRORLEVEL%
