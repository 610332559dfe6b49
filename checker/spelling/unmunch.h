/*
 * unmunch: every word form a Hunspell dictionary holds, by Hunspell's own
 * expander `unmunch` (Debian hunspell-tools), run as a child process.
 *
 * A .dic file lists stems with affix flags ("receive/DRSZG"); the forms
 * ("receive", "received", "receiver", ...) are what a suggestion index
 * needs.  Stems flagged NOSUGGEST in the .aff file (offensive words) and
 * their forms are left out: they are accepted but never suggested.
 * Without unmunch on $PATH, the stems alone are given (unflagged forms
 * only), and the result says so.
 *
 * Words are passed in the dictionary's encoding (SET in the .aff file);
 * converting them is the caller's business (hunspell.c).  Not thread-safe
 * only in the sense that it forks: call it from one thread at a time.
 */
#ifndef MT_UNMUNCH_H
#define MT_UNMUNCH_H

/* Is `unmunch` an executable on $PATH? */
int unmunch_available(void);

/*
 * Call fn(arg, word) for every form of the dictionary (aff, dic), word
 * NUL-terminated, borrowed for the call.  `tmpdir` (a writable directory)
 * takes a temporary copy of the .dic without its NOSUGGEST stems.
 * Returns 1 when the forms came from unmunch, 0 when only the stems could
 * be given, -1 when the .dic cannot be read (nothing given).
 */
int unmunch_each(const char *aff, const char *dic, const char *tmpdir,
		 void (*fn)(void *arg, const char *word), void *arg);

#endif /* MT_UNMUNCH_H */
