; Checks app-id.nsh under Wine (scripts/windows/package.sh): puts Lupaus's app id on a throw-away
; shortcut and writes the outcome to %TEMP%\lupaus-app-id-probe.txt ("result=0" when every COM
; step succeeded). Wine 8 accepts the property but does not store it in the .lnk (its
; IPropertyStore on shell links is a stub), so the file itself is checked on Windows only.
;   makensis -DOUTFILE=<probe.exe> app-id-probe.nsi
Unicode true
Target amd64-unicode
RequestExecutionLevel user
SilentInstall silent
OutFile "${OUTFILE}"

!define APP_ID "fi.lupaus.desk"
!include "app-id.nsh"

Section
  CreateShortCut "$TEMP\lupaus-app-id-probe.lnk" "$WINDIR\notepad.exe"
  Push "$TEMP\lupaus-app-id-probe.lnk"
  Call WriteAppIdToShortcut
  Pop $0
  Delete "$TEMP\lupaus-app-id-probe.lnk"
  FileOpen $1 "$TEMP\lupaus-app-id-probe.txt" w
  FileWrite $1 "result=$0"
  FileClose $1
SectionEnd
