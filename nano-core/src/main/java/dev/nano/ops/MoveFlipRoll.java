package dev.nano.ops;

import dev.nano.Shape;
import dev.nano.Tensor;

/**
 * {@code flip roll}: the positions along some dims reversed, or shifted with wrap-around. Every
 * other dim is left alone, so both are {@link AxisMap}s; the gradient goes back along the same map
 * (flipped back, rolled back).
 */
final class MoveFlipRoll {
    private MoveFlipRoll() {
    }

    /**
     * aten's {@code flip} (aten/src/ATen/native/TensorTransformations.cpp) reads its dims with
     * {@code dim_list_to_bitset}: each wrapped in turn (a 0-d tensor takes 0 and -1), a repeated one refused.
     */
    static Tensor flip(Tensor x, int[] dims) {
        int[] shape = x.shape();
        boolean[] flipped = new boolean[Math.max(shape.length, 1)];
        for (int dim : dims) {
            int d = Shape.wrapDim(dim, shape.length);
            if (flipped[d]) {
                throw new IllegalArgumentException("dim " + d + " appears multiple times in the list of dims");
            }
            flipped[d] = true;
        }
        int[][] coordinates = AxisMap.identities(shape);
        for (int d = 0; d < shape.length; d++) {
            if (flipped[d]) {
                for (int c = 0; c < shape[d]; c++) {
                    coordinates[d][c] = shape[d] - 1 - c;
                }
            }
        }
        return new AxisMap.Mapped("FlipBackward0", shape, shape, AxisMap.sources(shape, coordinates)).apply(x);
    }

    /**
     * aten's {@code roll} (aten/src/ATen/native/TensorTransformations.cpp, {@code roll_common}): at least one
     * shift; no dims rolls the flattened tensor by the one shift; otherwise one shift per dim, applied dim
     * by dim. An empty tensor is returned as a copy before any dim is looked at.
     */
    static Tensor roll(Tensor x, int[] shifts, int[] dims) {
        if (shifts.length == 0) {
            throw new IllegalArgumentException("`shifts` required");
        }
        if (dims.length == 0 && shifts.length == 1) {
            Tensor rolled = roll(MoveShape.reshape(x, new int[] {-1}), shifts, new int[] {0});
            return MoveShape.reshape(rolled, x.shape());
        }
        if (shifts.length != dims.length) {
            throw new IllegalArgumentException("shifts and dimensions must align. shifts: " + shifts.length + ", dims:"
                    + dims.length);
        }
        int[] shape = x.shape();
        int[][] coordinates = AxisMap.identities(shape);
        if (x.numel() > 0) {
            for (int i = 0; i < dims.length; i++) {
                if (shape.length == 0) { // aten asks for the size along the dim, which a 0-d tensor lacks
                    throw new IllegalArgumentException("Dimension specified as " + dims[i]
                            + " but tensor has no dimensions");
                }
                int d = Shape.wrapDim(dims[i], shape.length);
                int size = shape[d];
                // The same dim named twice rolls twice: compose with what is there.
                int[] before = coordinates[d];
                int[] after = new int[size];
                for (int c = 0; c < size; c++) {
                    after[c] = before[(int) Math.floorMod(c - (long) shifts[i], (long) size)];
                }
                coordinates[d] = after;
            }
        }
        return new AxisMap.Mapped("RollBackward0", shape, shape, AxisMap.sources(shape, coordinates)).apply(x);
    }
}
