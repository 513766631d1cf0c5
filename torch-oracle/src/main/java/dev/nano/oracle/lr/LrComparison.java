package dev.nano.oracle.lr;

import java.util.List;

/**
 * A run against the recorded one: every learning rate and momentum after every step bit for bit (the
 * schedules are float arithmetic, so there is no tolerance), the same warnings in the same order, and
 * the same error at the same step.
 */
final class LrComparison {
    private LrComparison() {
    }

    /**
     * One case in the report.
     * @param lrCase  the case
     * @param values  how many rates and momenta were recorded
     * @param exact   how many of them the run gave bit for bit
     * @param problem what differs, or null
     */
    record Row(LrCase lrCase, int values, int exact, String problem) {
        boolean ok() {
            return problem == null;
        }
    }

    /** The Python exception's text as nano must contain it: without the type, and without KeyError's quotes. */
    static String keyPhrase(LrCase c, String recorded) {
        if (c.errorKeyPhrase() != null) {
            return c.errorKeyPhrase();
        }
        int colon = recorded.indexOf(": ");
        String type = recorded.substring(0, colon);
        String message = recorded.substring(colon + 2);
        if (type.equals("KeyError") && message.length() > 1) {
            message = message.substring(1, message.length() - 1);
        }
        return message;
    }

    static int values(LrRun run) {
        return run.lrs().stream().mapToInt(v -> v.length).sum() + run.momenta().stream().mapToInt(v -> v.length).sum();
    }

    static int exact(LrRun expected, LrRun actual) {
        return exact(expected.lrs(), actual.lrs()) + exact(expected.momenta(), actual.momenta());
    }

    private static int exact(List<double[]> expected, List<double[]> actual) {
        int n = 0;
        for (int k = 0; k < Math.min(expected.size(), actual.size()); k++) {
            double[] e = expected.get(k);
            double[] a = actual.get(k);
            for (int i = 0; i < Math.min(e.length, a.length); i++) {
                n += Double.doubleToLongBits(e[i]) == Double.doubleToLongBits(a[i]) ? 1 : 0;
            }
        }
        return n;
    }

    /**
     * @param whose "nano" or "the transcription", for the message
     * @return what differs, or null
     */
    static String diff(LrCase c, LrRun expected, LrRun actual, String whose) {
        String where = c + ": " + whose + " ";
        if (expected.error() != null) {
            if (actual.error() == null) {
                return where + "ran all " + c.steps() + " steps; PyTorch raises at step " + expected.errorStep() + ": "
                        + expected.error();
            }
            String phrase = whose.equals("nano") ? keyPhrase(c, expected.error()) : expected.error();
            if (!actual.error().contains(phrase)) {
                return where + "fails with '" + actual.error() + "'; PyTorch's message is '" + expected.error() + "'";
            }
            if (actual.errorStep() != expected.errorStep()) {
                return where + "fails at step " + actual.errorStep() + ", PyTorch at step " + expected.errorStep();
            }
        } else if (actual.error() != null) {
            return where + "fails at step " + actual.errorStep() + " with '" + actual.error() + "'";
        }
        String lrs = diff(expected.lrs(), actual.lrs(), "lr");
        if (lrs != null) {
            return where + lrs;
        }
        String momenta = diff(expected.momenta(), actual.momenta(), "momentum");
        if (momenta != null) {
            return where + momenta;
        }
        if (!expected.warnings().equals(actual.warnings())) {
            return where + "warns " + actual.warnings() + "; PyTorch warns " + expected.warnings();
        }
        return null;
    }

    private static String diff(List<double[]> expected, List<double[]> actual, String what) {
        if (expected.size() != actual.size()) {
            return "recorded " + actual.size() + " steps of " + what + ", PyTorch " + expected.size();
        }
        for (int k = 0; k < expected.size(); k++) {
            double[] e = expected.get(k);
            double[] a = actual.get(k);
            if (e.length != a.length) {
                return what + " at step " + k + " has " + a.length + " groups, PyTorch " + e.length;
            }
            for (int i = 0; i < e.length; i++) {
                if (Double.doubleToLongBits(e[i]) != Double.doubleToLongBits(a[i])) {
                    return what + " of group " + i + " at step " + k + " is " + a[i] + ", PyTorch " + e[i];
                }
            }
        }
        return null;
    }
}
