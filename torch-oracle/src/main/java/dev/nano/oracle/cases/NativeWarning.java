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
 * @param phrase     words every line of the warning holds
 * @param provokedBy which cases provoke it
 */
public record NativeWarning(String phrase, Predicate<Sample> provokedBy) {

    /**
     * Requires both parts.
     *
     * @param phrase     words every line of the warning holds
     * @param provokedBy which cases provoke it
     */
    public NativeWarning {
        if (phrase == null || phrase.isBlank()) {
            throw new IllegalArgumentException("a native warning needs the words it holds");
        }
        Objects.requireNonNull(provokedBy, "provokedBy");
    }
}
