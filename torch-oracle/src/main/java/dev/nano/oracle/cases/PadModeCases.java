package dev.nano.oracle.cases;

import ai.djl.ndarray.NDArray;
import dev.nano.Nano;
import dev.nano.Tensor;
import dev.nano.oracle.torch.AtenKernel;
import dev.nano.oracle.value.Attrs;
import dev.nano.oracle.value.Input;
import dev.nano.oracle.value.Kind;

import java.util.ArrayList;
import java.util.List;

import static dev.nano.oracle.cases.Samples.INF;
import static dev.nano.oracle.cases.Samples.NAN;
import static dev.nano.oracle.cases.Samples.kinds;

/**
 * {@code F.pad(x, pad, mode)} for mode reflect, replicate and circular: samples of the {@code pad} entry
 * (one nano operator, {@code Nano.pad}), each carrying its {@code mode} attr. PyTorch's side is its own
 * {@code aten::pad} in the TorchScript bridge ({@code F.pad} is {@code torch._C._nn.pad}), which
 * dispatches to {@code reflection_pad1d/2d/3d}, {@code replication_pad1d/2d/3d} and
 * {@code _pad_circular}: values, gradients (repeated border elements add up) and error messages.
 */
final class PadModeCases {
    private PadModeCases() {
    }

    /** {@code torch.pad} compiles to aten::pad, the op F.pad is. */
    static final AtenKernel PAD = AtenKernel.of("aten::pad (reflection_pad*, replication_pad*, _pad_circular)",
            "x: Tensor, pad: List[int], mode: str", "torch.pad(x, pad, mode)");

    /**
     * Whether a sample is one of these (it has a mode attr).
     * @param a the sample's attrs
     * @return true for a reflect/replicate/circular sample
     */
    static boolean isMode(Attrs a) {
        return a.has("mode");
    }

    static Tensor nano(Tensor[] in, Attrs a) {
        return Nano.pad(in[0], a.getInts("pad"), a.getString("mode"));
    }

    static NDArray torch(NDArray[] in, Attrs a) {
        return PAD.call(in[0], a.getInts("pad"), a.getString("mode"));
    }

    private static Sample sample(String mode, int[] shape, int... pad) {
        String id = mode + " " + Input.shapeText(shape) + " " + MovementSupport.list(pad);
        var k = shape.length > 0 && shape[0] == 0 ? kinds(Kind.DIMS, Kind.EMPTY) : kinds(Kind.DIMS);
        return Sample.of(id, k, Attrs.of("pad", pad).with("mode", mode), MovementSupport.draw("pad", id, shape));
    }

    private static Sample error(String mode, String message, int[] shape, int... pad) {
        String id = "error " + mode + " " + Input.shapeText(shape) + " " + MovementSupport.list(pad);
        return Sample.error(id, message, Attrs.of("pad", pad).with("mode", mode), MovementSupport.draw("pad", id,
                shape));
    }

    private static int[] s(int... v) {
        return v;
    }

    static List<Sample> samples() {
        List<Sample> c = new ArrayList<>();
        for (String mode : new String[] {"reflect", "replicate", "circular"}) {
            c.add(sample(mode, s(2, 3, 5), 2, 1));
            c.add(sample(mode, s(3, 5), 1, 2));
            c.add(sample(mode, s(1, 2, 4, 5), 1, 2, 3, 0));
            c.add(sample(mode, s(2, 3, 4), 2, 2, 1, 1));
            c.add(sample(mode, s(1, 2, 5), -1, 3));
            c.add(sample(mode, s(1, 2, 4, 5), 2, -2, -1, 1));
            c.add(sample(mode, s(1, 1, 3, 3, 4), 1, 1, 1, 2, 2, 0));
            c.add(sample(mode, s(0, 2, 4), 1, 1));
            c.add(Sample.of(mode + " edge values (1,1,2,3) [2,1,1,1]", kinds(Kind.EDGE),
                    Attrs.of("pad", s(2, 1, 1, 1)).with("mode", mode),
                    Input.of(s(1, 1, 2, 3), 1, NAN, INF, -INF, -0.0, 1e300)));
            c.add(error(mode, "Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now", s(4), 1,
                    1));
            c.add(error(mode, "Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now",
                    s(1, 1, 1, 2, 3), 1, 1));
        }
        // the edge itself is not repeated, so a pad as large as the dim is refused (reflect only)
        c.add(sample("replicate", s(1, 1, 2, 3), 4, 5, 3, 0));
        c.add(sample("circular", s(1, 1, 3, 4), 4, 4, 3, 0));
        c.add(sample("reflect", s(1, 1, 3, 4), 3, 3, 2, 2));
        c.add(error("reflect", "Argument #4: Padding size should be less than the corresponding input dimension, but "
                + "got: padding (3, 0) at dimension 2 of input [1, 2, 3]", s(1, 2, 3), 3, 0));
        c.add(error("reflect", "Argument #6: Padding size should be less than the corresponding input dimension, but "
                + "got: padding (2, 0) at dimension 2 of input [1, 1, 2, 5]", s(1, 1, 2, 5), 1, 1, 2, 0));
        c.add(error("reflect", "input (W: 3) is too small. Calculated output W: 0", s(1, 2, 3), -2, -1));
        c.add(error("replicate", "input (W: 3) is too small. Calculated output W: 0", s(1, 2, 3), -2, -1));
        // reflection_pad2d and replication_pad2d refuse only an output empty in every padded dim
        // (output_w >= 1 || output_h >= 1): one empty dim alone gives an empty result
        c.add(sample("reflect", s(1, 1, 3, 3), -2, -1, 0, 0));
        c.add(sample("replicate", s(1, 1, 3, 3), -2, -1, 0, 0));
        c.add(error("reflect", "numel: integer multiplication overflow", s(1, 1, 3, 3), -2,
                -2, 0, 0));
        c.add(error("reflect", "input (H: 3, W: 3) is too small. Calculated output H: 0 W: 0", s(1, 1, 3, 3), -2, -1,
                -1, -2));
        c.add(error("replicate", "input (H: 3, W: 3 ) is too small. Calculated output H: 0 W: 0", s(1, 1, 3, 3), -2,
                -1, -1, -2));
        c.add(error("reflect", "input (D: 2 H: 3, W: 3) is too small. Calculated output D: 0 H: 0 W: 0",
                s(1, 1, 2, 3, 3), -2, -1, -1, -2, -1, -1));
        c.add(error("replicate", "input (D: 2 H: 3, W: 3) is too small. Calculated output D: 0 H: 0 W: 0",
                s(1, 1, 2, 3, 3), -2, -1, -1, -2, -1, -1));
        c.add(error("reflect", "Expected 2D or 3D (batch mode) tensor with possibly 0 batch size and other non-zero "
                + "dimensions for input, but got: [1, 0, 4]", s(1, 0, 4), 1, 1));
        c.add(error("replicate", "Expected 3D or 4D (batch mode) tensor with possibly 0 batch size and other non-zero "
                + "dimensions for input, but got: [2, 0, 3]", s(2, 0, 3), 1, 1, 1, 1));
        c.add(error("circular", "Padding value causes wrapping around more than once.", s(1, 2, 3), 4, 0));
        c.add(error("circular", "Negative padding value is resulting in an empty dimension", s(1, 2, 3), -2, -2));
        c.add(error("wrap", "Unrecognised padding mode wrap", s(1, 2, 3), 1, 1));
        return c;
    }
}
