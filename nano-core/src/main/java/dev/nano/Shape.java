package dev.nano;


import java.util.Arrays;

/**
 * Shape arithmetic in one place: sizes, strides, dimension wrapping, broadcasting, and the
 * reduction of a gradient back to an input's shape ({@link #sumToDims}). Shapes are plain
 * {@code int[]} in row-major (C) order; a 0-d tensor has the shape {@code []}.
 */
public final class Shape {
    private Shape() {
    }

    /**
     * Number of elements: the product of the sizes (1 for a 0-d shape, 0 if any size is 0),
     * computed in {@code long}. One {@code double[]} holds every tensor, so a tensor is limited to
     * what a Java array can hold; a larger shape fails with {@link Checks#numel}'s message.
     * @param shape the sizes of a tensor's dims
     * @return the element count
     */
    public static int numel(int[] shape) {
        return Checks.numel(null, shape);
    }

    /**
     * Row-major strides: how far apart, in elements, neighbours along each dim are.
     * @param shape the sizes of a tensor's dims
     * @return one stride per dim; the last dim's is 1
     */
    public static int[] strides(int[] shape) {
        int[] strides = new int[shape.length];
        int stride = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            strides[d] = stride;
            stride *= shape[d];
        }
        return strides;
    }

    /**
     * Formats like PyTorch's error messages: {@code [3, 4]}.
     * @param shape the sizes of a tensor's dims
     * @return the sizes in brackets, comma separated
     */
    public static String toString(int[] shape) {
        return Arrays.toString(shape);
    }

    /**
     * Wraps a possibly negative dim into {@code [0, rank)}. A 0-d tensor accepts dims -1 and 0,
     * as in PyTorch. The message is PyTorch's:
     * "Dimension out of range (expected to be in range of [-2, 1], but got 2)".
     * @param dim a dim, negative counting from the end
     * @param rank the number of dims of the tensor
     * @return the dim in {@code [0, rank)} ({@code 0} for a 0-d tensor)
     */
    public static int wrapDim(int dim, int rank) {
        int effectiveRank = Math.max(rank, 1);
        if (dim < -effectiveRank || dim >= effectiveRank) {
            throw new IndexOutOfBoundsException("Dimension out of range (expected to be in range of ["
                    + (-effectiveRank) + ", " + (effectiveRank - 1) + "], but got " + dim + ")");
        }
        return dim < 0 ? dim + effectiveRank : dim;
    }

    /**
     * Marks the dims to reduce. An empty {@code dims} means every dim (a full reduction).
     * A dim named twice fails as in PyTorch: "dim 1 appears multiple times in the list of dims".
     * @param dims the dims to reduce, possibly negative; empty means all
     * @param rank the number of dims of the tensor
     * @return one flag per dim
     */
    public static boolean[] reducedDims(int[] dims, int rank) {
        boolean[] reduced = new boolean[rank];
        if (dims == null || dims.length == 0) {
            Arrays.fill(reduced, true);
            return reduced;
        }
        for (int dim : dims) {
            int d = wrapDim(dim, rank);
            if (rank == 0) {
                continue; // dim 0 / -1 of a 0-d tensor reduces nothing
            }
            if (reduced[d]) {
                throw new IllegalArgumentException("dim " + d + " appears multiple times in the list of dims");
            }
            reduced[d] = true;
        }
        return reduced;
    }

    /**
     * The shape after reducing the marked dims: kept as size 1, or dropped.
     * @param shape the sizes of a tensor's dims
     * @param reduced one flag per dim, true where that dim is reduced
     * @param keepdim true keeps reduced dims as size 1, false drops them
     * @return the shape of the reduction's result
     */
    public static int[] reducedShape(int[] shape, boolean[] reduced, boolean keepdim) {
        int kept = 0;
        for (int d = 0; d < shape.length; d++) {
            if (!reduced[d] || keepdim) {
                kept++;
            }
        }
        int[] out = new int[kept];
        int k = 0;
        for (int d = 0; d < shape.length; d++) {
            if (!reduced[d]) {
                out[k++] = shape[d];
            } else if (keepdim) {
                out[k++] = 1;
            }
        }
        return out;
    }

    /**
     * For every element of a tensor of {@code shape}, the flat index of the output element it
     * reduces into when the marked dims are reduced. One int per element, computed once per op,
     * so every reduction is a single pass: {@code out[map[i]] += x[i]}.
     * @param shape the sizes of a tensor's dims
     * @param reduced one flag per dim, true where that dim is reduced
     * @return for each input element, the flat index of its output element
     */
    public static int[] reductionMap(int[] shape, boolean[] reduced) {
        int rank = shape.length;
        // Stride of each input dim inside the (keepdim) output; 0 for reduced dims.
        int[] outStrides = new int[rank];
        int stride = 1;
        for (int d = rank - 1; d >= 0; d--) {
            if (reduced[d]) {
                outStrides[d] = 0;
            } else {
                outStrides[d] = stride;
                stride *= shape[d];
            }
        }
        return stridedIndices(shape, outStrides, 0);
    }

    /**
     * PyTorch's broadcasting: align trailing dims; each pair must be equal or contain a 1.
     * Fails with PyTorch's message, naming the mismatching dim of the result. Like ATen's
     * {@code infer_size}, the dims are checked from the last one back, so when several mismatch
     * the message names the last of them ({@code (4,2,3)} vs {@code (5,3,3)}: dimension 1).
     * @param a one shape
     * @param b the other shape
     * @return the broadcast shape
     */
    public static int[] broadcast(int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = rank - 1; i >= 0; i--) {
            int da = i - (rank - a.length);
            int db = i - (rank - b.length);
            int sa = da >= 0 ? a[da] : 1;
            int sb = db >= 0 ? b[db] : 1;
            if (sa != sb && sa != 1 && sb != 1) {
                throw new IllegalArgumentException("The size of tensor a (" + sa + ") must match the size of tensor b ("
                        + sb + ") at non-singleton dimension " + i);
            }
            out[i] = sa == 1 ? sb : sa;
        }
        return out;
    }

    /**
     * For every element of a tensor of {@code outShape}, the flat index of the element of a
     * tensor of {@code inShape} that broadcasting reads. {@code inShape} must broadcast to
     * {@code outShape}.
     * @param inShape the shape of the tensor read
     * @param outShape the broadcast shape, which {@code inShape} broadcasts to
     * @return for each output element, the flat index of the input element it reads
     */
    public static int[] broadcastMap(int[] inShape, int[] outShape) {
        int rank = outShape.length;
        int offset = rank - inShape.length;
        int[] inStrides = strides(inShape);
        int[] strideInOut = new int[rank];
        for (int d = offset; d < rank; d++) {
            int s = inShape[d - offset];
            strideInOut[d] = s == 1 ? 0 : inStrides[d - offset];
        }
        return stridedIndices(outShape, strideInOut, 0);
    }

    /**
     * For every element of a tensor of {@code shape}, visited in row-major order, the flat index
     * {@code offset + sum(coord[d] * strides[d])} in another layout. This is how a strided view
     * addresses its storage; nano uses it to read broadcast inputs, to map elements to the output
     * of a reduction, and to address the input of a movement op.
     * @param shape the sizes of a tensor's dims
     * @param strides the other layout's stride per dim (0 repeats an element)
     * @param offset the flat index of the first element
     * @return for each element in row-major order, its flat index in the other layout
     */
    public static int[] stridedIndices(int[] shape, int[] strides, int offset) {
        int n = numel(shape);
        int[] indices = new int[n];
        int rank = shape.length;
        int[] coord = new int[rank];
        int index = offset;
        for (int i = 0; i < n; i++) {
            indices[i] = index;
            // Advance the coordinate like an odometer, keeping the flat index in step.
            for (int d = rank - 1; d >= 0; d--) {
                coord[d]++;
                index += strides[d];
                if (coord[d] < shape[d]) {
                    break;
                }
                index -= strides[d] * coord[d];
                coord[d] = 0;
            }
        }
        return indices;
    }

    /**
     * The dims PyTorch's {@code at::sum_to} (aten/src/ATen/ExpandUtils.h) sums a gradient over to bring it from a
     * broadcast shape back to the shape of the input that was broadcast: the leading extra dims and every dim
     * where the input has size 1 (and the gradient not). Summing over them with {@code keepdim}, then dropping the
     * leading dims, is how every binary op's gradient reaches an input of another shape.
     * @param gradShape the gradient's (broadcast) shape
     * @param target the shape of the input that was broadcast
     * @return the dims to sum over, ascending (empty when the shapes are equal)
     * @throws IllegalArgumentException if {@code target} does not broadcast to {@code gradShape}
     */
    public static int[] sumToDims(int[] gradShape, int[] target) {
        int offset = gradShape.length - target.length;
        if (offset < 0) {
            throw new IllegalArgumentException("sum_to: gradient of shape " + toString(gradShape)
                    + " cannot be summed to the larger shape " + toString(target));
        }
        int[] dims = new int[gradShape.length];
        int count = 0;
        for (int d = 0; d < gradShape.length; d++) {
            if (d < offset) {
                dims[count++] = d;
            } else {
                int t = target[d - offset];
                if (t == 1 && gradShape[d] != 1) {
                    dims[count++] = d;
                } else if (t != gradShape[d]) {
                    throw new IllegalArgumentException("sum_to: gradient of shape " + toString(gradShape)
                            + " does not broadcast from shape " + toString(target));
                }
            }
        }
        return Arrays.copyOf(dims, count);
    }

    /**
     * Validates sizes given by a user: each must be non-negative.
     * @param op the operator's name, for the message
     * @param shape the sizes given
     * @return {@code shape} itself, when valid
     */
    public static int[] checkSizes(String op, int[] shape) {
        for (int s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException(op + ": Trying to create tensor with negative dimension " + s
                        + ": " + toString(shape));
            }
        }
        return shape.clone();
    }
}
