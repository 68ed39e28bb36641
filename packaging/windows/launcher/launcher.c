/*
 * kurum-masaustu.exe: the branded launcher of the Windows install (built by build_msi.sh with
 * mingw-w64). It is what the Start-menu shortcut and the scheduled task start, so the process,
 * Task Manager entry and taskbar button carry the app's name, icon and version resource
 * (launcher.rc) instead of pythonw.exe's.
 *
 * It loads the embedded runtime in python\python312.dll (beside the exe) in this process and
 * runs `-m kurum_masaustu` with the exe's own arguments, e.g.
 *   kurum-masaustu.exe                   the window
 *   kurum-masaustu.exe sync --wait 60    what the scheduled task runs
 * Python finds python\python312._pth next to the DLL, so the runtime is isolated exactly as
 * with python.exe. GUI subsystem: no console window (like pythonw.exe); the app logs to the
 * profile's logs folder.
 *
 * The AppUserModelID is set before any window exists, so Windows groups the windows under
 * the app (not under python) and taskbar pinning pins this exe.
 */
#define WIN32_LEAN_AND_MEAN
#ifndef UNICODE
#define UNICODE
#endif
#ifndef _UNICODE
#define _UNICODE
#endif
#include <windows.h>
#include <shellapi.h>
#include <stdlib.h>
#include <wchar.h>

#define APP_USER_MODEL_ID L"Kurum.KurumMasaustu"
#define PYTHON_DLL L"python312.dll"

typedef int(__cdecl *py_main_fn)(int, wchar_t **);
typedef HRESULT(WINAPI *set_aumid_fn)(PCWSTR);

static int fail(const wchar_t *what, const wchar_t *detail) {
    wchar_t text[2048];
    swprintf(text, 2048,
             L"Kurum Masa\u00fcst\u00fc ba\u015flat\u0131lamad\u0131: %ls\n%ls\n\n"
             L"Kurulum eksik ya da bozuk olabilir; BT biriminize ba\u015fvurun.\n"
             L"Kurum Masa\u00fcst\u00fc could not start: %ls\n%ls",
             what, detail, what, detail);
    MessageBoxW(NULL, text, L"Kurum Masa\u00fcst\u00fc", MB_OK | MB_ICONERROR);
    return 1;
}

int WINAPI wWinMain(HINSTANCE instance, HINSTANCE previous, PWSTR command_line, int show) {
    (void)instance; (void)previous; (void)command_line; (void)show;
    wchar_t exe[32768];
    DWORD length = GetModuleFileNameW(NULL, exe, 32768);
    if (length == 0 || length >= 32768) return fail(L"GetModuleFileNameW", L"");
    wchar_t *slash = wcsrchr(exe, L'\\');
    if (slash == NULL) return fail(L"path", exe);

    static wchar_t python_dir[32768], dll[32768];
    size_t folder_length = (size_t)(slash - exe);
    swprintf(python_dir, 32768, L"%.*ls\\python", (int)folder_length, exe);
    swprintf(dll, 32768, L"%ls\\" PYTHON_DLL, python_dir);

    /* Group windows and taskbar pins under the app. shell32 export since Windows 7. */
    HMODULE shell32 = GetModuleHandleW(L"shell32.dll");
    set_aumid_fn set_aumid =
        shell32 ? (set_aumid_fn)(void *)GetProcAddress(shell32, "SetCurrentProcessExplicitAppUserModelID") : NULL;
    if (set_aumid != NULL) set_aumid(APP_USER_MODEL_ID);

    /* python312.dll and the DLLs it loads (vcruntime140, the .pyd files' deps) come from python\. */
    SetDllDirectoryW(python_dir);
    HMODULE python = LoadLibraryExW(dll, NULL, LOAD_WITH_ALTERED_SEARCH_PATH);
    if (python == NULL) return fail(L"LoadLibrary", dll);
    py_main_fn py_main = (py_main_fn)(void *)GetProcAddress(python, "Py_Main");
    if (py_main == NULL) return fail(L"Py_Main", dll);

    int argc = 0;
    wchar_t **argv = CommandLineToArgvW(GetCommandLineW(), &argc);
    if (argv == NULL) return fail(L"CommandLineToArgvW", L"");
    wchar_t **args = calloc((size_t)argc + 3, sizeof(wchar_t *));
    if (args == NULL) return fail(L"memory", L"");
    args[0] = exe;
    args[1] = L"-m";
    args[2] = L"kurum_masaustu";
    for (int i = 1; i < argc; i++) args[i + 2] = argv[i];
    return py_main(argc + 2, args);
}
