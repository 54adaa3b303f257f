; The Lupaus installer for Windows: per-user (no administrator rights), Start-menu entry,
; uninstaller, Finnish, Swedish or English. Built with makensis by scripts/windows/package.sh:
;   makensis -DVERSION=0.1.0 -DBIN=<folder with lupaus.exe> -DICON=icons/icon.ico -DOUTFILE=<setup.exe> lupaus.nsi
; Tauri's own NSIS bundling downloads a plugin from the internet; this script needs nothing but
; Debian's makensis. The desk's data (%LOCALAPPDATA%\Lupaus\Lupaus\data) is never touched by the
; installer or the uninstaller: a reinstall or an uninstall never loses a case.

Unicode true
Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!include "MUI2.nsh"
!include "LogicLib.nsh"

!ifndef VERSION
  !error "Pass the version: makensis -DVERSION=x.y.z"
!endif
!ifndef BIN
  !error "Pass the folder of lupaus.exe, lupaus-cli.exe and WebView2Loader.dll: -DBIN=..."
!endif
!ifndef ICON
  !error "Pass the app icon: -DICON=icons/icon.ico"
!endif
!ifndef OUTFILE
  !define OUTFILE "Lupaus-${VERSION}-setup.exe"
!endif

!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Lupaus"
!define RUN_KEY "Software\Microsoft\Windows\CurrentVersion\Run"
; Lupaus's app id (AppUserModelID, the bundle identifier): its toasts name this registration,
; so Windows shows them as Lupaus's, with its icon, instead of PowerShell's.
!define APP_ID "fi.lupaus.desk"
!define APP_ID_KEY "Software\Classes\AppUserModelId\${APP_ID}"
; A toast names this id; Windows trusts it from an unpackaged program only if a Start-menu
; shortcut carries it (System.AppUserModel.ID, app-id.nsh), and the app claims it too
; (src-tauri/src/app_id.rs).
!include "app-id.nsh"

Name "Lupaus"
OutFile "${OUTFILE}"
; Per-user programs live here on Windows 10/11; no administrator is asked.
InstallDir "$LOCALAPPDATA\Programs\Lupaus"
InstallDirRegKey HKCU "Software\Lupaus" "InstallDir"
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "Lupaus"
VIAddVersionKey /LANG=0 "FileDescription" "Lupaus installer"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_ALLLANGUAGES
; The language chosen at install is remembered for the uninstaller.
!define MUI_LANGDLL_REGISTRY_ROOT HKCU
!define MUI_LANGDLL_REGISTRY_KEY "Software\Lupaus"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_FINISHPAGE_RUN "$INSTDIR\lupaus.exe"

!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; Finnish first: a silent install on a system in another language uses the first one.
!insertmacro MUI_LANGUAGE "Finnish"
!insertmacro MUI_LANGUAGE "Swedish"
!insertmacro MUI_LANGUAGE "English"

Function .onInit
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function un.onInit
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "Lupaus"
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File "${BIN}\lupaus.exe"
  ; The command line beside the app: lupaus-cli check, backup, restore, import, export.
  File "${BIN}\lupaus-cli.exe"
  File "${BIN}\WebView2Loader.dll"
  File "/oname=lupaus.ico" "${ICON}"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortCut "$SMPROGRAMS\Lupaus.lnk" "$INSTDIR\lupaus.exe"
  Push "$SMPROGRAMS\Lupaus.lnk"
  Call WriteAppIdToShortcut
  Pop $0
  ${If} $0 <> 0
    ; The shortcut still starts Lupaus; only its toasts may be filed under a guessed id.
    DetailPrint "The Start-menu shortcut does not carry the app id ${APP_ID} (HRESULT $0)"
  ${EndIf}

  WriteRegStr HKCU "Software\Lupaus" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "Lupaus"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "Lupaus"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\lupaus.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegStr HKCU "${APP_ID_KEY}" "DisplayName" "Lupaus"
  WriteRegStr HKCU "${APP_ID_KEY}" "IconUri" "$INSTDIR\lupaus.ico"
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$INSTDIR\lupaus.exe"
  Delete "$INSTDIR\lupaus-cli.exe"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\lupaus.ico"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\Lupaus.lnk"
  ; A login entry would start a program that is gone.
  DeleteRegValue HKCU "${RUN_KEY}" "Lupaus"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "${APP_ID_KEY}"
  DeleteRegKey HKCU "Software\Lupaus"
SectionEnd
