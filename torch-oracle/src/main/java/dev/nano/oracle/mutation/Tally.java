package dev.nano.oracle.mutation;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;

/** Mutant counts of one group (all of nano, a package, an operator, a class) and its score. */
final class Tally {
    int mutants;
    int killed;
    int survived;
    int noCoverage;
    int equivalent;

    void add(Mutant m, boolean isEquivalent) {
        mutants++;
        if (m.killed()) {
            killed++;
        } else if (isEquivalent) {
            equivalent++;
        } else if (m.status().equals("NO_COVERAGE")) {
            noCoverage++;
        } else {
            survived++;
        }
    }

    /** Killed over mutants that are not listed as equivalent, in [0, 1]; 1 when there are none. */
    double score() {
        int counted = mutants - equivalent;
        return counted == 0 ? 1.0 : (double) killed / counted;
    }

    String text() {
        return String.format(Locale.ROOT, "%6.1f%% %5d/%-5d  %4d survived %4d not covered %4d equivalent",
                100 * score(), killed, mutants - equivalent, survived, noCoverage, equivalent);
    }

    ObjectNode json(ObjectNode o) {
        o.put("mutants", mutants).put("killed", killed).put("survived", survived).put("noCoverage", noCoverage)
                .put("equivalent", equivalent).put("score", Math.round(score() * 10000) / 10000.0);
        return o;
    }
}
