; WriteAppIdToShortcut: puts an app id (System.AppUserModel.ID) on an existing shortcut, with
; NSIS's own COM helpers (Include\Win\COM.nsh, Propkey.nsh; nothing to download). Included by
; lupaus.nsi after it defines APP_ID.
;   Push "$SMPROGRAMS\Lupaus.lnk"
;   Call WriteAppIdToShortcut
;   Pop $0 ; 0, or the HRESULT of the step that failed

!include "LogicLib.nsh"
!include "Win\COM.nsh"
!include "Win\Propkey.nsh"

!ifndef APP_ID
  !error "Define APP_ID before including app-id.nsh"
!endif
; Room for the id and its terminating NUL, in UTF-16 units.
!define APP_ID_CHARS 64

; Writes APP_ID onto the shortcut whose path is on the stack (IShellLinkW's property
; store, as Windows' own installers do), and saves it. Leaves the HRESULT on the stack: 0 when
; the shortcut carries the id.
Function WriteAppIdToShortcut
  Exch $R0 ; the shortcut
  Push $0
  Push $1
  Push $2
  Push $3
  Push $4
  Push $5
  Push $6
  StrCpy $0 "" ; the outcome
  !insertmacro ComHlpr_CreateInProcInstance ${CLSID_ShellLink} ${IID_IShellLink} r1 ".r0"
  ${If} $0 = 0
    ${IUnknown::QueryInterface} $1 '("${IID_IPersistFile}",.r2).r0'
    ${If} $0 = 0
      ${IPersistFile::Load} $2 '("$R0",${STGM_READWRITE}).r0'
      ${If} $0 = 0
        ${IUnknown::QueryInterface} $1 '("${IID_IPropertyStore}",.r3).r0'
        ${If} $0 = 0
          ; A VT_LPWSTR value pointing at our own copy of the id: SetValue copies it.
          System::Call '*(&w${APP_ID_CHARS} "${APP_ID}")p.r6'
          System::Call '*${SYSSTRUCT_PROPERTYKEY}(${PKEY_AppUserModel_ID})p.r4'
          System::Call '*(&i2 ${VT_LPWSTR},&i6 0,p r6,&i8 0)p.r5'
          ${IPropertyStore::SetValue} $3 '($4,$5).r0'
          ${If} $0 = 0
            ${IPropertyStore::Commit} $3 '().r0'
          ${EndIf}
          System::Free $4
          System::Free $5
          System::Free $6
          ${IUnknown::Release} $3 ""
          ${If} $0 = 0
            ${IPersistFile::Save} $2 '("$R0",1).r0'
          ${EndIf}
        ${EndIf}
      ${EndIf}
      ${IUnknown::Release} $2 ""
    ${EndIf}
    ${IUnknown::Release} $1 ""
  ${EndIf}
  StrCpy $R0 $0
  Pop $6
  Pop $5
  Pop $4
  Pop $3
  Pop $2
  Pop $1
  Pop $0
  Exch $R0
FunctionEnd

