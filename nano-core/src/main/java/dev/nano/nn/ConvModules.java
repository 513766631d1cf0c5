package dev.nano.nn;

import dev.nano.Tensor;

import java.util.Random;

/**
 * What the convolution modules share: PyTorch's default initialisation and Python's tuple text for
 * the reprs ({@code (5, 5)}, {@code (3,)}).
 */
final class ConvModules {
    private ConvModules() {
    }

    /**
     * torch/nn/modules/conv.py, {@code _ConvNd.reset_parameters}, in its order: the weight by
     * {@code kaiming_uniform_(weight, a=math.sqrt(5))} (bound √3·gain/√fan_in, gain √(2/(1 + a²)),
     * computed in PyTorch's order so the bound is PyTorch's double), then the bias uniform in
     * ±1/√fan_in, with fan_in = weight.size(1)·kH·kW (for a transposed convolution that is
     * out_channels/groups·kH·kW, as PyTorch computes it from the weight's shape). With a
     * {@link dev.nano.Generator} seeded alike, these are PyTorch's very values.
     */
    static void resetParameters(Tensor weight, Tensor bias, Random generator) {
        Init.kaimingUniform(weight, Math.sqrt(5), "fan_in", "leaky_relu", generator);
        if (bias != null) {
            int fanIn = Init.fanInAndFanOut(weight)[0];
            if (fanIn != 0) { // PyTorch leaves the bias uninitialised then; nano's stays 0
                double bound = 1 / Math.sqrt(fanIn);
                Init.uniform(bias, -bound, bound, generator);
            }
        }
    }

    static String tuple(int[] values) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return b.append(values.length == 1 ? ",)" : ")").toString();
    }

    static int[] fill(int value, int n) {
        int[] out = new int[n];
        java.util.Arrays.fill(out, value);
        return out;
    }

    static boolean all(int[] values, int v) {
        for (int x : values) {
            if (x != v) {
                return false;
            }
        }
        return true;
    }
}
