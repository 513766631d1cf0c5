package dev.nano.oracle;

import dev.nano.oracle.fixtures.FixtureCase;
import dev.nano.oracle.fixtures.FixtureFile;
import dev.nano.oracle.fixtures.Recording;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a regeneration keeps of the CPU dispatches it cannot run. The committed fixtures may hold
 * answers recorded on a machine with more dispatches (an AVX-512 one, say); a machine that offers
 * only {@code default} and {@code avx2} cannot re-record them, and dropping them would make the
 * fixtures fail on every AVX-512 machine. So for each such dispatch, a case keeps its committed
 * answer when PyTorch is asked the same question as before (same inputs, attributes, upstream) and
 * answers it the same way under the canonical dispatch (so the torch-side code did not change
 * either). A case that is new or changed has no known answer under that dispatch: it is named in the
 * summary and the manifest ({@code unrecorded}), never dropped in silence.
 *
 * <p>Kept answers are only as good as the libtorch that recorded them, so when the committed
 * fixtures come from another libtorch version, regeneration refuses ({@link #refusal()}) instead of
 * mixing versions.
 */
final class KeptDispatches {
    private final Recording previous;
    private final List<String> missing;
    private final Map<String, Integer> keptAnswers = new TreeMap<>();
    private final Map<String, List<String>> unrecorded = new TreeMap<>();

    /**
     * @param previous the committed manifest's recording, or null when there are no fixtures yet
     * @param here     the dispatches this regeneration runs
     */
    KeptDispatches(Recording previous, List<String> here) {
        this.previous = previous;
        this.missing = previous == null ? List.of()
                : previous.dispatches().stream().filter(d -> !here.contains(d)).toList();
    }

    /**
     * The committed dispatches this machine does not run (their answers are kept where they can be).
     * @return the dispatches, e.g. [avx512]
     */
    List<String> missing() {
        return missing;
    }

    /**
     * Why this regeneration must not run, or null: kept answers from another libtorch version would
     * sit beside fresh ones as if one libtorch had given both.
     * @param pytorch the libtorch version recording now
     * @return one line naming what would be lost, or null
     */
    String refusal(String pytorch) {
        if (missing.isEmpty() || previous.pytorch().equals(pytorch)) {
            return null;
        }
        return "Refusing to regenerate: the committed fixtures hold " + String.join(", ", missing)
                + " answers recorded by libtorch " + previous.pytorch() + ", which this machine cannot re-record "
                + "under libtorch " + pytorch + "; regenerate on a machine that offers " + String.join(", ", missing)
                + ", or delete fixtures/ to record only this machine's dispatches.";
    }

    /**
     * One operator's freshly recorded cases with the committed answers of the dispatches this machine
     * cannot run, where the case asks and answers as before.
     * @param op       the operator, to name unknown cases
     * @param fresh    the cases recorded here (canonical answers and this machine's kernel-dependent ones)
     * @param previous the committed fixture file, or null
     * @return the cases to write
     */
    List<FixtureCase> keep(String op, List<FixtureCase> fresh, FixtureFile previous) {
        if (missing.isEmpty()) {
            return fresh;
        }
        List<FixtureCase> out = new ArrayList<>();
        for (FixtureCase c : fresh) {
            FixtureCase before = previous == null ? null : previous.find(c.id());
            boolean same = before != null && c.asksTheSameAs(before) && c.answersLike(before);
            Map<String, FixtureCase.Answer> kernels = new TreeMap<>(c.kernels());
            for (String d : missing) {
                if (!same || previous(d).contains(op + "[" + c.id() + "]")) { // unknown before stays unknown
                    unrecorded.computeIfAbsent(d, k -> new ArrayList<>()).add(op + "[" + c.id() + "]");
                } else if (before.kernels().containsKey(d)) {
                    kernels.put(d, before.kernels().get(d));
                    keptAnswers.merge(d, 1, Integer::sum);
                }
                // else: under d PyTorch answered as under the canonical dispatch, which is unchanged
            }
            out.add(c.withKernels(kernels));
        }
        return out;
    }

    private List<String> previous(String dispatch) {
        return previous.unrecorded().getOrDefault(dispatch, List.of());
    }

    /**
     * The recording to write in the manifest: this machine's, saying which dispatches were kept and
     * from where, and which cases have no answer under them.
     * @param here this machine's recording
     * @return the recording
     */
    Recording recording(Recording here) {
        if (missing.isEmpty()) {
            return here;
        }
        Map<String, String> from = new LinkedHashMap<>();
        missing.forEach(d -> from.put(d, previous.source(d)));
        return here.keeping(from, unrecorded);
    }

    /**
     * The regeneration summary's lines about kept dispatches (none when every dispatch ran here).
     * @return the lines
     */
    List<String> summary() {
        List<String> lines = new ArrayList<>();
        for (String d : missing) {
            List<String> unknown = unrecorded.getOrDefault(d, List.of());
            lines.add(String.format(java.util.Locale.ROOT, "%s: not offered here; kept from %s: %d kernel-dependent "
                            + "answer(s)%s", d, previous.source(d), keptAnswers.getOrDefault(d, 0),
                    unknown.isEmpty() ? ", every case's answer known"
                            : "; " + unknown.size() + " new or changed case(s) have no " + d + " answer until a machine "
                            + "that offers " + d + " regenerates: " + String.join(", ", unknown)));
        }
        return lines;
    }
}
