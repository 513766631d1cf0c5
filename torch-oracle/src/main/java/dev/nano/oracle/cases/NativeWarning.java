package dev.nano.oracle.cases;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * A warning libtorch prints for some cases of an operator, on purpose: its C++ warning handler
 * writes it straight to the process's standard error (e.g. {@code [W… ReduceOps.cpp:1839] Warning:
 * var(): degrees of freedom is <= 0…}), where no Java logger sees it. The live-PyTorch tests capture
 * that stream around each PyTorch call and check the warning appears exactly for the cases
 * {@code provokedBy} names, so a quiet build still proves it.
 *
 * <p>Some lines cannot be tied to cases: they depend on the machine (NNPACK's "Unsupported hardware"
 * on CPUs it does not support) or are printed once per process. Those have no {@code provokedBy} but
 * a {@code notRequired} reason, and may appear on any case of the operator, or on none.
 *
 * @param phrase           words every line of the warning holds
 * @param provokedBy       which cases provoke it, or null for a notice that cannot be tied to cases
 * @param notRequired why it cannot be tied to cases, or null
 */
public record NativeWarning(String phrase, Predicate<Sample> provokedBy, String notRequired) {

    /**
     * Requires the phrase, and either the cases that provoke it or why it cannot be tied to cases.
     *
     * @param phrase           words every line of the warning holds
     * @param provokedBy       which cases provoke it, or null for a notice that cannot be tied to cases
     * @param notRequired why it cannot be tied to cases, or null
     */
    public NativeWarning {
        if (phrase == null || phrase.isBlank()) {
            throw new IllegalArgumentException("a native warning needs the words it holds");
        }
        if ((provokedBy == null) == (notRequired == null || notRequired.isBlank())) {
            throw new IllegalArgumentException("a native warning names the cases that provoke it, or says why it "
                    + "cannot be tied to cases instead (not both)");
        }
    }

    /**
     * A warning some cases provoke, checked to appear exactly for them.
     *
     * @param phrase     words every line of the warning holds
     * @param provokedBy which cases provoke it
     */
    public NativeWarning(String phrase, Predicate<Sample> provokedBy) {
        this(phrase, Objects.requireNonNull(provokedBy, "provokedBy"), null);
    }
}
