#ifndef SKILLDESK_CNCURSESW_SHIM_H
#define SKILLDESK_CNCURSESW_SHIM_H
// Wide-character ncurses for Swift. The two defines must come before <curses.h> so that
// cchar_t, get_wch and mvadd_wch are declared.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <stdio.h>
#include <signal.h>
#include <curses.h>

// Swift cannot import macros with arguments or mutable globals under Swift 6; wrap them.
static inline WINDOW *sd_stdscr(void) { return stdscr; }
static inline int sd_lines(void) { return LINES; }
static inline int sd_cols(void) { return COLS; }
static inline int sd_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int sd_getmaxx(WINDOW *w) { return getmaxx(w); }
static inline int sd_key_f(int n) { return KEY_F(n); }
static inline attr_t sd_a_bold(void) { return A_BOLD; }
static inline attr_t sd_a_reverse(void) { return A_REVERSE; }
static inline attr_t sd_a_underline(void) { return A_UNDERLINE; }
static inline attr_t sd_a_dim(void) { return A_DIM; }
static inline attr_t sd_a_normal(void) { return A_NORMAL; }
static inline attr_t sd_color_pair(int n) { return COLOR_PAIR(n); }
static inline int sd_key_resize(void) { return KEY_RESIZE; }
static inline int sd_key_code_yes(void) { return KEY_CODE_YES; }
static inline int sd_err(void) { return ERR; }
static inline int sd_ok(void) { return OK; }

/// Fills a cchar_t from a short wide string (one grapheme: a base character and its combining marks).
static inline int sd_setcchar(cchar_t *cc, const wchar_t *wch, attr_t attrs, short pair) {
    return setcchar(cc, wch, attrs, pair, NULL);
}
/// Reads back the wide characters of a cell (used by the backend's tests).
static inline int sd_getcchar(const cchar_t *cc, wchar_t *wch, attr_t *attrs, short *pair) {
    return getcchar(cc, wch, attrs, pair, NULL);
}
// wcwidth is an XSI function that some feature-macro combinations leave undeclared.
static inline int sd_wcwidth(wchar_t c) { extern int wcwidth(wchar_t); return wcwidth(c); }
static inline const char *sd_codeset(void) { return nl_langinfo(CODESET); }

// Swift 6 rejects C's mutable globals stdin/stdout; hand them over through functions.
static inline FILE *sd_stdin(void) { return stdin; }
static inline FILE *sd_stdout(void) { return stdout; }

/// Set while curses owns the terminal, so a dying process restores it exactly once.
static volatile sig_atomic_t sd_curses_active = 0;
static inline void sd_set_curses_active(int on) { sd_curses_active = on; }

/// Restores the terminal, then lets the signal do what it would have done (terminate, dump
/// core). SA_RESETHAND has already put back the default action; SA_NODEFER lets the re-raise
/// be delivered at once instead of after the handler returns.
static void sd_restore_and_reraise(int sig) {
    if (sd_curses_active) {
        sd_curses_active = 0;
        endwin();
    }
    raise(sig);
}

/// Termination (SIGTERM/SIGINT/SIGHUP) and crash (SIGSEGV/SIGILL/SIGTRAP/SIGABRT/SIGBUS/SIGFPE)
/// signals. SIGWINCH is left to ncurses, which turns it into KEY_RESIZE.
static inline void sd_install_signal_handlers(void) {
    static const int sigs[] = { SIGTERM, SIGINT, SIGHUP, SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE };
    struct sigaction sa;
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = sd_restore_and_reraise;
    sa.sa_flags = SA_RESETHAND | SA_NODEFER;
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        sigaction(sigs[i], &sa, NULL);
    }
}
#endif
