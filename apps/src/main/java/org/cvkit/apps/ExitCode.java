package org.cvkit.apps;

/** Exit codes shared by every sub-command, so scripts can tell bad input from a failed run. */
public final class ExitCode {

    /** The command did what was asked. */
    public static final int OK = 0;
    /** The command ran but failed (I/O, a failed check, a broken asset). */
    public static final int FAILURE = 1;
    /** The command line or an input was invalid; nothing was done. */
    public static final int USAGE = 2;

    private ExitCode() {
    }
}
