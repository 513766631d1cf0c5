package dev.nano.oracle.value;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress counter for a long loop ({@code checking cases against the PyTorch fixtures: 700/2873}).
 * On a terminal it rewrites one line in place with {@code \r}; anywhere else (a CI log, a pipe, a
 * file) {@code \r} would make one endless line, so it prints a plain line about every tenth of the
 * way instead.
 */
public final class Progress {
    /** On a terminal: rewrite the line every this many items. */
    private static final int TERMINAL_EVERY = 100;
    /** Elsewhere: about this many lines in all. */
    private static final int PLAIN_LINES = 10;

    private final String label;
    private final int total;
    private final PrintStream out;
    private final boolean terminal;
    private int lastPrinted;

    /**
     * @param label    what is being counted
     * @param total    how many items there are
     * @param out      where to print
     * @param terminal whether {@code out} is a terminal that honours {@code \r}
     */
    public Progress(String label, int total, PrintStream out, boolean terminal) {
        this.label = label;
        this.total = total;
        this.out = out;
        this.terminal = terminal;
    }

    /**
     * A counter on stderr, in place when this JVM runs on a terminal ({@link System#console()}).
     *
     * @param label what is being counted
     * @param total how many items there are
     * @return the counter
     */
    public static Progress onStderr(String label, int total) {
        return new Progress(label, total, System.err, System.console() != null);
    }

    /**
     * Reports that {@code done} items are done; prints only now and then.
     *
     * @param done how many items are done so far
     */
    public void update(int done) {
        int every = terminal ? TERMINAL_EVERY : Math.max(1, (total + PLAIN_LINES - 1) / PLAIN_LINES);
        if (done != total && done - lastPrinted < every) {
            return;
        }
        lastPrinted = done;
        String line = String.format(Locale.ROOT, "%s: %d/%d", label, done, total);
        if (terminal) {
            out.print("\r" + line + (done == total ? System.lineSeparator() : ""));
        } else {
            out.println(line);
        }
        out.flush();
    }
}
