package dev.nano.oracle.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every catalogue entry, in one list. The fixtures, the parity tests and the report all come
 * from here, so an operator cannot be in one and missing from another without a test saying so.
 */
public final class Catalogue {
    private static List<OpInfo> all;

    private Catalogue() {
    }

    /**
     * Every operator entry, built once.
     * @return the entries, in catalogue order
     */
    public static synchronized List<OpInfo> all() {
        if (all == null) {
            List<OpInfo> ops = new ArrayList<>();
            ops.addAll(ArithmeticCases.entries());
            ops.addAll(ComparisonCases.entries());
            ops.addAll(UnaryCases.entries());
            ops.addAll(ActivationCases.entries());
            ops.addAll(SelectionCases.entries());
            ops.addAll(ReductionCases.entries());
            ops.addAll(MovementCases.entries());
            ops.addAll(LinAlgCases.entries());
            ops.addAll(FactoryCases.entries());
            ops.addAll(NnCases.entries());
            ops.addAll(ConvPoolCases.entries());
            ops.addAll(InPlaceCases.entries());
            ops.addAll(AttentionCases.entries());
            ops.addAll(UnfoldFoldCases.entries());
            // issue 24: the everyday elementwise operators
            ops.addAll(TrigCases.entries());
            ops.addAll(RoundingCases.entries());
            ops.addAll(LogExpCases.entries());
            ops.addAll(PointwiseCases.entries());
            // issue 24, items 7 and 6: shape, ordering and scatter ops
            ops.addAll(ShapeCases.entries());
            ops.addAll(OrderingCases.entries());
            ops.addAll(ScatterCases.entries());
            Map<String, OpInfo> byName = new LinkedHashMap<>();
            for (OpInfo op : ops) {
                if (byName.put(op.name(), op) != null) {
                    throw new IllegalStateException("catalogue: operator '" + op.name() + "' is listed twice");
                }
            }
            all = List.copyOf(ops);
        }
        return all;
    }

    /**
     * nano's other names of catalogued operators ({@code rsub} → {@code sub}), from the entries' aliases
     * and in-place forms ({@code add_} → {@code add}): the one alias table of the harness.
     *
     * @return alias → operator name, sorted by alias
     */
    public static Map<String, String> aliases() {
        Map<String, String> aliases = new TreeMap<>();
        for (OpInfo op : all()) {
            for (String alias : op.aliases()) {
                aliases.put(alias, op.name());
            }
            if (op.inplace() != null) { // x.add_(y) is add's in-place form, checked on add's cases
                aliases.put(op.name() + "_", op.name());
            }
        }
        return aliases;
    }

    /**
     * The entry of one operator.
     * @param name the operator's name
     * @return the entry
     */
    public static OpInfo byName(String name) {
        return all().stream().filter(op -> op.name().equals(name)).findFirst().orElse(null);
    }
}
