package dev.nano.oracle.rng;

import ai.djl.ndarray.NDManager;
import dev.nano.Nano;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A seed and the calls drawn after it, in order: {@code seed 0: randn(3), rand(2), randn(1)}. The
 * calls share the generator, so a case with several calls checks that each leaves the stream (and
 * the cached second normal of a Box–Muller pair) where PyTorch leaves it.
 *
 * @param seed  what {@code manual_seed} is given
 * @param calls the draws, in order
 */
record RngCase(long seed, List<RngCall> calls) {

    /** The fixture case's id. */
    String id() {
        return "seed " + seed + ": " + calls.stream().map(RngCall::toString).collect(Collectors.joining(", "));
    }

    /** libtorch: {@code torch.manual_seed(seed)} (TorchScript's, the global CPU generator) and the calls. */
    List<double[]> torch(NDManager m) {
        RngCall.torchSeed(m, seed);
        List<double[]> out = new ArrayList<>();
        calls.forEach(c -> out.add(c.torch(m)));
        return out;
    }

    /** nano: {@code Nano.manualSeed(seed)} and the same calls. */
    List<double[]> nano() {
        Nano.manualSeed(seed);
        List<double[]> out = new ArrayList<>();
        calls.forEach(c -> out.add(c.nano()));
        return out;
    }

    @Override
    public String toString() {
        return "rng[" + id() + "]";
    }
}
