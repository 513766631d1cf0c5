package dev.nano.ops;

import dev.nano.Shape;

/**
 * The index map of an op that moves elements along each dim on its own: output coordinate
 * {@code c} along dim {@code d} reads input coordinate {@code coordinates[d][c]}. repeat and tile
 * ({@code c % size}), repeatInterleave ({@code c / repeats}), flip ({@code size - 1 - c}) and roll
 * ({@code (c - shift) mod size}) differ only in these per-dim lists, so they share this one loop
 * and {@link MoveByIndexMap}'s forward and backward (a repeated element's gradient is the sum).
 */
final class AxisMap {
    private AxisMap() {
    }

    /**
     * For every output element (row-major), the flat position in the input it reads.
     * @param inputShape the input's sizes (as many dims as {@code coordinates})
     * @param coordinates per dim, the input coordinate read at each output coordinate; their lengths
     *                    are the output's sizes
     * @return the source map, one int per output element
     */
    static int[] sources(int[] inputShape, int[][] coordinates) {
        int rank = inputShape.length;
        int[] strides = Shape.strides(inputShape);
        int[] outShape = new int[rank];
        for (int d = 0; d < rank; d++) {
            outShape[d] = coordinates[d].length;
        }
        int[] out = new int[Shape.numel(outShape)];
        if (out.length == 0) {
            return out;
        }
        int[] c = new int[rank];
        int index = 0;
        for (int d = 0; d < rank; d++) {
            index += coordinates[d][0] * strides[d];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = index;
            // Advance the output coordinate like an odometer, keeping the input position in step.
            for (int d = rank - 1; d >= 0; d--) {
                index -= coordinates[d][c[d]] * strides[d];
                c[d]++;
                if (c[d] < outShape[d]) {
                    index += coordinates[d][c[d]] * strides[d];
                    break;
                }
                c[d] = 0;
                index += coordinates[d][0] * strides[d];
            }
        }
        return out;
    }

    /** The identity list {@code 0, 1, ..., size - 1}: a dim the op leaves alone. */
    static int[] identity(int size) {
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = i;
        }
        return out;
    }

    /** Identity lists for every dim of {@code shape}, for an op to replace the ones it moves. */
    static int[][] identities(int[] shape) {
        int[][] out = new int[shape.length][];
        for (int d = 0; d < shape.length; d++) {
            out[d] = identity(shape[d]);
        }
        return out;
    }

    /** The output shape the lists describe. */
    static int[] outputShape(int[][] coordinates) {
        int[] out = new int[coordinates.length];
        for (int d = 0; d < out.length; d++) {
            out[d] = coordinates[d].length;
        }
        return out;
    }

    /**
     * One node of the graph for any of these ops, named as PyTorch names its node (e.g.
     * {@code RepeatBackward0}).
     */
    static final class Mapped extends MoveByIndexMap {
        private final String name;

        Mapped(String name, int[] inputShape, int[] outputShape, int[] source) {
            super(inputShape, outputShape, source);
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }
    }
}
