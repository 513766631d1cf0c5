package dev.nano.oracle.cases;

import dev.nano.Nano;
import dev.nano.Tensor;
import dev.nano.nn.F;

import dev.nano.oracle.cases.Catalogue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The operators nano offers, read from nano itself (the public methods of {@link Tensor},
 * {@link Nano} and the functional forms of the layers and losses, {@link F}), not from the
 * catalogue: an operator added to nano without catalogue entries therefore shows up as not covered.
 *
 * <p>Public methods that are not operators, and method names that are another name for an
 * operator, are listed here in one place, each with its reason.
 */
public final class OperatorUniverse {

    /** Why the random draws are not catalogue operators, and where they are checked instead. */
    private static final String RNG_STREAMS = "random draws: after the same seed, nano's generator gives libtorch's "
            + "values, checked value by value in the random-stream family (fixtures/rng/streams.json)";

    /** Public API that computes nothing PyTorch could be asked about, or that another family checks. */
    public static final Map<String, String> NOT_OPERATORS = new TreeMap<>(Map.ofEntries(
            Map.entry("data", "storage accessor"),
            Map.entry("toDoubleArray", "copy of the values"),
            Map.entry("shape", "metadata"), Map.entry("size", "metadata"), Map.entry("dim", "metadata"),
            Map.entry("numel", "metadata"), Map.entry("dtype", "metadata"), Map.entry("item", "reads one value"),
            Map.entry("requiresGrad", "autograd flag"), Map.entry("isLeaf", "autograd metadata"),
            Map.entry("gradFn", "autograd metadata"), Map.entry("grad", "autograd state"),
            Map.entry("setGrad", "autograd state"), Map.entry("zeroGrad", "autograd state"),
            Map.entry("retainGrad", "autograd flag"), Map.entry("retainsGrad", "autograd flag"),
            Map.entry("detach", "cuts the graph; tested in AutogradTest"),
            Map.entry("backward", "the engine itself; exercised by every backward case"),
            Map.entry("version", "autograd bookkeeping: the in-place write counter"),
            Map.entry("markModifiedInPlace", "autograd bookkeeping; tested in AutogradTest and SGDTest"),
            Map.entry("toFloat64", "dtype conversion (bool/int64 to float64), no arithmetic"),
            Map.entry("noGrad", "grad-mode scope; tested in GradModeTest"),
            Map.entry("enableGrad", "grad-mode scope; tested in GradModeTest"),
            Map.entry("isGradEnabled", "grad-mode query"),
            Map.entry("tensor", "builds a tensor from given values; no computation"),
            Map.entry("scalar", "builds a 0-d tensor from a value; no computation"),
            Map.entry("boolTensor", "builds a bool tensor from given values"),
            Map.entry("longTensor", "builds an int64 tensor from given values"),
            Map.entry("manualSeed", "restarts the global generator; reproducibility is tested in DefaultGeneratorTest"),
            Map.entry("rand", RNG_STREAMS + " (rand before and after 16 elements)"),
            Map.entry("randn", RNG_STREAMS + " (randn on both sides of 16, where normal_ changes algorithm)"),
            Map.entry("randint", RNG_STREAMS + " (32- and 64-bit ranges)"),
            Map.entry("randperm", RNG_STREAMS + "; with a plain java.util.Random nano's earlier shuffle, whose "
                    + "DataLoader batches are the slices PyTorch takes by the same permutation in DataLoaderParityTest"),
            Map.entry("bernoulli", RNG_STREAMS),
            Map.entry("generator", "builds a generator object (torch.Generator); its stream is the global one's, "
                    + "tested in GeneratorTest"),
            Map.entry("toString", "printing; tested against PyTorch's printed form in TensorToStringTest"),
            Map.entry("dropoutMask", RNG_STREAMS + " (torch.dropout's mask); the arithmetic with a given mask by "
                    + "dropoutWithMask"),
            Map.entry("dropout2d", RNG_STREAMS + " (F.dropout2d's channel masks, torch.feature_dropout); the arithmetic "
                    + "with the mask is dropoutWithMask's"),
            Map.entry("equals", "Object method"), Map.entry("hashCode", "Object method")));

    /** Method names that are another spelling of a catalogued operator, credited to it (the entries' aliases). */
    public static final Map<String, String> ALIASES = Catalogue.aliases();

    private OperatorUniverse() {
    }

    /**
     * Operator names (aliases resolved), sorted.
     * @return the names
     */
    public static TreeSet<String> operators() {
        TreeSet<String> ops = new TreeSet<>();
        for (Class<?> type : new Class<?>[] {Tensor.class, Nano.class, F.class}) {
            for (Method m : type.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic()) {
                    continue;
                }
                String name = m.getName();
                if (NOT_OPERATORS.containsKey(name)) {
                    continue;
                }
                ops.add(ALIASES.getOrDefault(name, name));
            }
        }
        return ops;
    }
}
