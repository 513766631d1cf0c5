package dev.nano.oracle.family;

import dev.nano.oracle.value.Kind;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which cases a test run checks: {@code -Dop=elu}, {@code -Dfamily=nn}, {@code -Devidence=edge}
 * (each a comma-separated list, case-insensitive; several properties narrow each other). With none
 * of them set, every case runs. Maven passes the properties on to the test JVM, and the parent
 * pom's {@code select-by-*} profiles run only the tests tagged {@value #TAG}, whose case sources
 * keep the cases this selection matches.
 *
 * <p>An operator is a catalogue op ({@code elu}), an optimizer ({@code adam}) or an nn scenario;
 * the families are the catalogue's ({@code ops}, {@code nn}), {@value #OPTIM_FAMILY} for
 * optimizers and {@value #SCENARIO_FAMILY} for the nn scenarios (which also count as {@code nn}).
 * Evidence is one of the report's kinds ({@code forward}, {@code backward}, {@code gradcheck},
 * {@code edge}, …); optimizer error cases give {@code errors}, nothing else of optimizers and
 * scenarios is a kind of evidence.
 *
 * @param ops      selected operator names, lower case; empty for all
 * @param families selected families, lower case; empty for all
 * @param evidence selected kinds of evidence; empty for all
 */
public record CaseFilter(Set<String> ops, Set<String> families, Set<Kind> evidence) {
    /** The JUnit tag of the tests whose cases a selection filters. */
    public static final String TAG = "case";
    /** The family of the optimizer cases. */
    public static final String OPTIM_FAMILY = "optim";
    /** The family of the nn scenarios (stateful runs of several steps). */
    public static final String SCENARIO_FAMILY = "scenarios";
    private static final String NN_FAMILY = "nn";

    /**
     * Copies the sets, so that a selection cannot change after it is made.
     * @param ops selected operator names, lower case; empty for all
     * @param families selected families, lower case; empty for all
     * @param evidence selected kinds of evidence; empty for all
     */
    public CaseFilter {
        ops = Set.copyOf(ops);
        families = Set.copyOf(families);
        evidence = evidence.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(evidence));
    }

    /**
     * The selection of this JVM's system properties {@code op}, {@code family} and {@code evidence}.
     *
     * @return the selection; every case when none of the properties is set
     * @throws IllegalArgumentException if {@code evidence} names no kind of evidence
     */
    public static CaseFilter current() {
        return parse(System.getProperty("op"), System.getProperty("family"), System.getProperty("evidence"));
    }

    /**
     * Parses the three properties' values (null or blank for "all").
     *
     * @param op       comma-separated operator names, or null
     * @param family   comma-separated families, or null
     * @param evidence comma-separated kinds of evidence (a {@link Kind}'s name or label), or null
     * @return the selection
     * @throws IllegalArgumentException if {@code evidence} names no kind of evidence
     */
    public static CaseFilter parse(String op, String family, String evidence) {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        for (String name : split(evidence)) {
            kinds.add(kindNamed(name));
        }
        return new CaseFilter(split(op), split(family), kinds);
    }

    /** @return whether any property narrows the run */
    public boolean active() {
        return !ops.isEmpty() || !families.isEmpty() || !evidence.isEmpty();
    }

    /**
     * Whether the selection keeps a case. Each family says what its cases are: a catalogue case
     * names its operator, its catalogue family and the report's kinds of evidence it gives; an
     * optimizer configuration names its optimizer, family {@value #OPTIM_FAMILY} and no evidence.
     *
     * @param name     the operator, optimizer or scenario the case belongs to
     * @param families the families the case counts in (one is enough to be kept)
     * @param kinds    the kinds of evidence the case gives; a case giving none is dropped by any {@code -Devidence}
     * @return whether the selection keeps the case
     */
    public boolean keeps(String name, Set<String> families, Set<Kind> kinds) {
        return keeps(ops, name) && (this.families.isEmpty() || families.stream().anyMatch(f -> keeps(this.families, f)))
                && (evidence.isEmpty() || kinds.stream().anyMatch(evidence::contains));
    }

    /**
     * @param optimizer the optimizer a construction error case builds
     * @return whether the selection keeps that error case
     */
    public boolean matchesOptimizerError(String optimizer) {
        return keeps(ops, optimizer) && keeps(families, OPTIM_FAMILY)
                && (evidence.isEmpty() || evidence.contains(Kind.ERROR));
    }

    /**
     * @param scenario an nn scenario's name
     * @return whether the selection keeps the scenario
     */
    public boolean matchesScenario(String scenario) {
        return keeps(ops, scenario) && (keeps(families, SCENARIO_FAMILY) || keeps(families, NN_FAMILY))
                && evidence.isEmpty();
    }

    /** The selection as it was asked for, e.g. {@code -Dop=elu -Devidence=edge}. */
    @Override
    public String toString() {
        if (!active()) {
            return "every case";
        }
        StringBuilder sb = new StringBuilder();
        append(sb, "op", ops);
        append(sb, "family", families);
        append(sb, "evidence", evidence.stream().map(CaseFilter::shortName).collect(Collectors.toSet()));
        return sb.toString().strip();
    }

    /** The word that selects a kind: its name in lower case ({@code edge}, {@code zero_dim}). */
    static String shortName(Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static void append(StringBuilder sb, String property, Set<String> values) {
        if (!values.isEmpty()) {
            sb.append(" -D").append(property).append('=').append(String.join(",", values.stream().sorted().toList()));
        }
    }

    private static boolean keeps(Set<String> selected, String name) {
        return selected.isEmpty() || selected.contains(name.toLowerCase(Locale.ROOT));
    }

    private static Set<String> split(String value) {
        Set<String> out = new LinkedHashSet<>();
        if (value != null) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    private static Kind kindNamed(String name) {
        for (Kind k : Kind.values()) {
            if (name.equals(shortName(k)) || name.equals(k.label().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("-Devidence=" + name + " is no kind of evidence; the kinds are "
                + Arrays.stream(Kind.values()).map(CaseFilter::shortName).collect(Collectors.joining(", ")));
    }
}
