/*
 * A stand-in for Windows' bcryptprimitives.dll, for running Lupaus's Windows tests under Wine
 * only (never shipped). Rust 1.78 and newer take random bytes from its ProcessPrng, which Wine
 * 8.0 (Debian 12) lacks: without this a test exe exits with status 53 before main. The bytes come
 * from advapi32's RtlGenRandom (exported as SystemFunction036), which Wine has.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

/* ProcessPrng fills the whole buffer and, per Microsoft, always returns TRUE. RtlGenRandom takes
 * a ULONG length, so a larger request is filled in pieces. */
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG piece = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, piece)) {
            return FALSE;
        }
        data += piece;
        length -= piece;
    }
    return TRUE;
}
