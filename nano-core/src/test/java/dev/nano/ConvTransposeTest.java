package dev.nano;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@code convTranspose1d/2d}: values against the definition (each input pixel scatters
 * {@code x · w} into the output window it would have been read from), gradients against finite
 * differences, and PyTorch's messages.
 */
class ConvTransposeTest {

    private static int[] i(int... v) {
        return v;
    }

    /** out[n, g·Cog + o, h·s − p + a·d, w·s − p + b·d] += x[n, c, h, w] · W[c, o, a, b], c in group g. */
    private static double[] direct(Tensor x, Tensor w, Tensor b, int[] s, int[] p, int[] d, int groups, int[] out) {
        int[] xs = x.shape();
        int[] ws = w.shape();
        int cog = ws[1];
        int cout = cog * groups;
        int cig = xs[1] / groups;
        double[] o = new double[out[0] * out[1] * out[2] * out[3]];
        for (int n = 0; n < xs[0]; n++) {
            for (int c = 0; c < xs[1]; c++) {
                int g = c / cig;
                for (int h = 0; h < xs[2]; h++) {
                    for (int v = 0; v < xs[3]; v++) {
                        for (int oc = 0; oc < cog; oc++) {
                            for (int a = 0; a < ws[2]; a++) {
                                for (int bb = 0; bb < ws[3]; bb++) {
                                    int oh = h * s[0] - p[0] + a * d[0];
                                    int ow = v * s[1] - p[1] + bb * d[1];
                                    if (oh >= 0 && oh < out[2] && ow >= 0 && ow < out[3]) {
                                        o[((n * cout + g * cog + oc) * out[2] + oh) * out[3] + ow] +=
                                                x.data()[((n * xs[1] + c) * xs[2] + h) * xs[3] + v]
                                                * w.data()[((c * ws[1] + oc) * ws[2] + a) * ws[3] + bb];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        if (b != null) {
            int plane = out[2] * out[3];
            for (int k = 0; k < o.length; k++) {
                o[k] += b.data()[(k / plane) % cout];
            }
        }
        return o;
    }

    @Test
    void matchesTheDefinitionAndFiniteDifferences() {
        Object[][] cases = {
            {i(2, 3, 4, 5), i(3, 2, 3, 3), true, i(1), i(0), i(0), 1, i(1)},
            {i(1, 4, 3, 4), i(4, 3, 3, 2), true, i(2, 3), i(1, 0), i(1, 2), 2, i(1)},
            {i(2, 2, 3, 3), i(2, 1, 2, 3), false, i(2), i(1), i(0), 2, i(2, 1)},
            {i(1, 3, 2, 2), i(3, 2, 1, 1), true, i(3), i(0), i(2), 1, i(1)},
        };
        for (Object[] c : cases) {
            int[] xs = (int[]) c[0];
            int[] ws = (int[]) c[1];
            boolean bias = (Boolean) c[2];
            int[] st = (int[]) c[3];
            int[] p = (int[]) c[4];
            int[] op = (int[]) c[5];
            int groups = (Integer) c[6];
            int[] d = (int[]) c[7];
            Tensor x = GradCheck.uniform(1, -2, 2, xs);
            Tensor w = GradCheck.uniform(2, -1, 1, ws);
            Tensor b = bias ? GradCheck.uniform(3, -1, 1, ws[1] * groups) : null;
            Tensor out = Nano.convTranspose2d(x, w, b, st, p, op, groups, d);
            double[] expected = direct(x, w, b, two(st), two(p), two(d), groups, out.shape());
            int[] s2 = two(st);
            int[] p2 = two(p);
            int[] o2 = two(op);
            int[] d2 = two(d);
            assertArrayEquals(i(xs[0], ws[1] * groups, (xs[2] - 1) * s2[0] - 2 * p2[0] + d2[0] * (ws[2] - 1) + o2[0] + 1,
                    (xs[3] - 1) * s2[1] - 2 * p2[1] + d2[1] * (ws[3] - 1) + o2[1] + 1), out.shape());
            for (int k = 0; k < expected.length; k++) {
                assertEquals(expected[k], out.data()[k], 1e-12);
            }
            String name = "conv_transpose2d " + Shape.toString(xs) + " * " + Shape.toString(ws);
            if (bias) {
                GradCheck.check(name, in -> Nano.convTranspose2d(in[0], in[1], in[2], st, p, op, groups, d), x, w, b);
            } else {
                GradCheck.check(name, in -> Nano.convTranspose2d(in[0], in[1], null, st, p, op, groups, d), x, w);
            }
        }
        GradCheck.check("conv_transpose1d", in -> Nano.convTranspose1d(in[0], in[1], in[2], 2, 1, 1, 1, 2),
                GradCheck.uniform(4, -2, 2, 2, 3, 5), GradCheck.uniform(5, -1, 1, 3, 2, 3),
                GradCheck.uniform(6, -1, 1, 2));
    }

    private static int[] two(int[] v) {
        return v.length == 1 ? new int[] {v[0], v[0]} : v;
    }

    @Test
    void badArgumentsFailWithPyTorchsMessages() {
        Tensor x = Nano.zeros(1, 3, 4, 4);
        Tensor w = Nano.zeros(3, 2, 3, 3);
        assertEquals("output padding must be smaller than either stride or dilation, but got output_padding_height: "
                + "2 output_padding_width: 2 stride_height: 2 stride_width: 2 dilation_height: 1 dilation_width: 1",
                assertThrows(IllegalArgumentException.class, () -> Nano.convTranspose2d(x, w, null, i(2), i(0), i(2),
                        1, i(1))).getMessage());
        assertEquals("Given transposed=1, weight of size [3, 2, 3, 3], expected input[1, 4, 4, 4] to have 3 channels, "
                + "but got 4 channels instead", assertThrows(IllegalArgumentException.class,
                () -> Nano.convTranspose2d(Nano.zeros(1, 4, 4, 4), w, null, i(1), i(0), i(0), 1, i(1))).getMessage());
        assertEquals("negative output_padding is not supported", assertThrows(IllegalArgumentException.class,
                () -> Nano.convTranspose2d(x, w, null, i(1), i(0), i(-1), 1, i(1))).getMessage());
    }
}
