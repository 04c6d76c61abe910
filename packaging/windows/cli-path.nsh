; Included by electron-builder's NSIS installer (electron-builder.yml: nsis.include). Puts the
; folder of the `kubelab` command (resources\bin\kubelab.cmd) on the PATH of the user who
; installs kubelab, and takes it off again when kubelab is uninstalled, so a learner's new
; terminal can run `kubelab` like the README says. The user's own PATH (HKCU\Environment) is
; used because electron-builder installs per user by default; nothing else in it is changed.
; The entry is compared with `;` around it, so a folder whose name merely contains ours is kept.

!include "LogicLib.nsh"
!include "StrFunc.nsh"
!include "WinMessages.nsh"

; StrFunc's functions are declared once, each in the pass that uses it: electron-builder builds
; the uninstaller in its own pass (BUILD_UNINSTALLER), and an unused function fails the build
; (warnings are errors there).
!ifdef BUILD_UNINSTALLER
  ${UnStrRep}
!else
  ${StrStr}
!endif

!define KUBELAB_CLI_DIR "$INSTDIR\resources\bin"

!macro customInstall
  ReadRegStr $0 HKCU "Environment" "Path"
  ${StrStr} $1 ";$0;" ";${KUBELAB_CLI_DIR};"
  ${If} $1 == ""
    ${If} $0 == ""
      WriteRegExpandStr HKCU "Environment" "Path" "${KUBELAB_CLI_DIR}"
    ${Else}
      WriteRegExpandStr HKCU "Environment" "Path" "$0;${KUBELAB_CLI_DIR}"
    ${EndIf}
    ; Running Explorer (and terminals started from it) read the new PATH.
    SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
  ${EndIf}
!macroend

!macro customUnInstall
  ReadRegStr $0 HKCU "Environment" "Path"
  ${UnStrRep} $1 ";$0;" ";${KUBELAB_CLI_DIR};" ";"
  ; Drop the `;` added around it above.
  StrCpy $1 $1 "" 1
  StrCpy $1 $1 -1
  ${If} $1 != $0
    ${If} $1 == ""
      DeleteRegValue HKCU "Environment" "Path"
    ${Else}
      WriteRegExpandStr HKCU "Environment" "Path" "$1"
    ${EndIf}
    SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
  ${EndIf}
!macroend
