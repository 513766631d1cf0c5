package dev.nano.ops;

import dev.nano.Shape;
import dev.nano.Tensor;

import java.util.Arrays;

/**
 * The public door to the movement ops that repeat, reverse, shift, split or reorder elements:
 * {@code repeat tile repeatInterleave flip roll diagonal diag} (their own index maps, in
 * {@link MoveRepeat}, {@link MoveFlipRoll}, {@link MoveDiagonal}) and {@code unbind movedim unflatten
 * broadcastTo expandAs meshgrid}, which aten itself writes as select, permute, view and expand: so
 * are they here, after aten's own checks and messages (aten/src/ATen/native/TensorShape.cpp).
 *
 * <p>PyTorch returns views for most of these; nano has no views (every tensor is its own contiguous
 * array), so each result is a copy with the same values and the same gradient.
 */
public final class Arrangement {
    private Arrangement() {
    }

    /**
     * {@code x.repeat(repeats)}: whole copies side by side along each dim.
     * @param x the input tensor
     * @param repeats copies per dim; more entries than dims add leading dims
     * @return a new tensor
     */
    public static Tensor repeat(Tensor x, int[] repeats) {
        return MoveRepeat.repeat(x, repeats);
    }

    /**
     * {@code torch.tile(x, dims)}: repeat, with {@code dims} padded by leading 1s up to the input's rank.
     * @param x the input tensor
     * @param dims copies per trailing dim
     * @return a new tensor
     */
    public static Tensor tile(Tensor x, int[] dims) {
        return MoveRepeat.tile(x, dims);
    }

    /**
     * {@code torch.repeat_interleave(x, repeats, dim)}: each position repeated in place.
     * @param x the input tensor
     * @param repeats copies of every position
     * @param dim the dim, or null to flatten the input first
     * @return a new tensor
     */
    public static Tensor repeatInterleave(Tensor x, int repeats, Integer dim) {
        return MoveRepeat.repeatInterleave(x, repeats, dim);
    }

    /**
     * {@code torch.repeat_interleave(x, repeats, dim)} with an int64 tensor of counts.
     * @param x the input tensor
     * @param repeats 0-d, one count, or one count per position along {@code dim}
     * @param dim the dim, or null to flatten the input first
     * @return a new tensor
     */
    public static Tensor repeatInterleave(Tensor x, Tensor repeats, Integer dim) {
        return MoveRepeat.repeatInterleave(x, repeats, dim);
    }

    /**
     * {@code torch.flip(x, dims)}: the positions along {@code dims} reversed.
     * @param x the input tensor
     * @param dims the dims to reverse
     * @return a new tensor
     */
    public static Tensor flip(Tensor x, int[] dims) {
        return MoveFlipRoll.flip(x, dims);
    }

    /**
     * {@code torch.roll(x, shifts, dims)}: positions shifted with wrap-around.
     * @param x the input tensor
     * @param shifts one shift per dim (one shift alone with no dims rolls the flattened tensor)
     * @param dims the dims to roll
     * @return a new tensor
     */
    public static Tensor roll(Tensor x, int[] shifts, int[] dims) {
        return MoveFlipRoll.roll(x, shifts, dims);
    }

    /**
     * {@code torch.diagonal(x, offset, dim1, dim2)}: one diagonal of every matrix in dims
     * {@code dim1, dim2}, appended as the last dim.
     * @param x the input tensor, at least 2-D
     * @param offset 0 the main diagonal, positive above it, negative below
     * @param dim1 the rows' dim
     * @param dim2 the columns' dim
     * @return a new tensor (nano copies where PyTorch returns a view)
     */
    public static Tensor diagonal(Tensor x, int offset, int dim1, int dim2) {
        return MoveDiagonal.diagonal(x, offset, dim1, dim2);
    }

    /**
     * {@code torch.diag(x, diagonal)}: a vector's square matrix, or a matrix's diagonal.
     * @param x a 1-D or 2-D tensor
     * @param offset which diagonal
     * @return a new tensor
     */
    public static Tensor diag(Tensor x, int offset) {
        return MoveDiagonal.diag(x, offset);
    }

    /**
     * {@code torch.unbind(x, dim)}: the slices along {@code dim}, each without it (aten: one select each).
     * @param x the input tensor
     * @param dim the dim to split along
     * @return one tensor per position along {@code dim}
     */
    public static Tensor[] unbind(Tensor x, int dim) {
        if (x.dim() == 0) { // aten asks for the size along dim, which a 0-d tensor does not have
            throw new IllegalArgumentException("Dimension specified as " + dim + " but tensor has no dimensions");
        }
        int d = Shape.wrapDim(dim, x.dim());
        Tensor[] out = new Tensor[x.size(d)];
        for (int i = 0; i < out.length; i++) {
            out[i] = IndexSlicing.select(x, d, i);
        }
        return out;
    }

    /**
     * {@code torch.movedim(x, source, destination)}: the dims {@code source} moved to {@code destination},
     * the others keeping their order in the remaining places (aten: a permute).
     * @param x the input tensor
     * @param source the dims to move
     * @param destination where each goes
     * @return a new tensor (nano copies where PyTorch returns a view)
     */
    public static Tensor movedim(Tensor x, int[] source, int[] destination) {
        if (source.length != destination.length) {
            throw new IllegalArgumentException("movedim: Invalid source or destination dims: source ("
                    + Shape.toString(source) + " dims) should contain the same number of dims as destination ("
                    + Shape.toString(destination) + " dims)");
        }
        int rank = x.dim();
        int[] src = wrapped(source, rank);
        int[] dst = wrapped(destination, rank);
        if (hasRepeats(src)) {
            throw new IllegalArgumentException("movedim: repeated dim in `source` (" + Shape.toString(source) + ")");
        }
        if (hasRepeats(dst)) {
            throw new IllegalArgumentException("movedim: repeated dim in `destination` ("
                    + Shape.toString(destination) + ")");
        }
        if (rank == 0) {
            return MoveAxes.permute(x, new int[0]);
        }
        int[] order = new int[rank];
        Arrays.fill(order, -1);
        boolean[] moved = new boolean[rank];
        for (int i = 0; i < src.length; i++) {
            order[dst[i]] = src[i];
            moved[src[i]] = true;
        }
        // The dims not moved fill the free places in their own order.
        int next = 0;
        for (int d = 0; d < rank; d++) {
            if (order[d] < 0) {
                while (moved[next]) {
                    next++;
                }
                order[d] = next++;
            }
        }
        return MoveAxes.permute(x, order);
    }

    private static int[] wrapped(int[] dims, int rank) {
        int[] out = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            out[i] = Shape.wrapDim(dims[i], rank);
        }
        return out;
    }

    private static boolean hasRepeats(int[] dims) {
        int[] sorted = dims.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code x.unflatten(dim, sizes)}: dim {@code dim} split into {@code sizes} (one may be -1).
     * @param x the input tensor
     * @param dim the dim to split
     * @param sizes its new sizes, whose product is its size
     * @return a new tensor (nano copies where PyTorch returns a view)
     */
    public static Tensor unflatten(Tensor x, int dim, int[] sizes) {
        int[] shape = x.shape();
        int d = Shape.wrapDim(dim, shape.length);
        if (sizes.length == 0) {
            throw new IllegalArgumentException("unflatten: sizes must be non-empty");
        }
        if (shape.length == 0) {
            throw new IllegalArgumentException("Dimension specified as " + d + " but tensor has no dimensions");
        }
        int[] inferred;
        try {
            inferred = MoveShape.inferSize(sizes, shape[d]);
        } catch (IllegalArgumentException e) {
            if (e.getMessage().equals("only one dimension can be inferred")) {
                // aten catches infer_size's std::runtime_error (this one and the next), not its TORCH_CHECKs.
                throw new IllegalArgumentException("unflatten got an unexpected error:\n" + e.getMessage(), e);
            }
            if (!e.getMessage().contains("is invalid for input of size")) {
                throw e;
            }
            // aten's handle_unflatten_exception says it in the words of unflatten.
            throw new IllegalArgumentException("unflatten: Provided sizes " + Shape.toString(sizes)
                    + " don't multiply up to the size of dim " + d + " (" + shape[d] + ") in the input tensor", e);
        }
        int[] out = new int[shape.length - 1 + inferred.length];
        System.arraycopy(shape, 0, out, 0, d);
        System.arraycopy(inferred, 0, out, d, inferred.length);
        System.arraycopy(shape, d + 1, out, d + inferred.length, shape.length - d - 1);
        return MoveShape.view(x, out);
    }

    /**
     * {@code torch.broadcast_to(x, shape)}: aten's {@code expand}, with its checks and messages.
     * @param x the input tensor
     * @param shape the target shape; -1 keeps a size
     * @return a new tensor (nano copies where PyTorch returns a view)
     */
    public static Tensor broadcastTo(Tensor x, int[] shape) {
        return MoveExpand.expand(x, shape);
    }

    /**
     * {@code x.expand_as(other)}: {@code x.expand(other.size())}.
     * @param x the input tensor
     * @param other the tensor whose shape is the target (its values are not read)
     * @return a new tensor (nano copies where PyTorch returns a view)
     */
    public static Tensor expandAs(Tensor x, Tensor other) {
        return MoveExpand.expand(x, other.shape());
    }

    /**
     * {@code torch.meshgrid(tensors, indexing)}: grids of the 0-d or 1-D inputs, each one's values along its
     * own dim (aten: a view and an expand each). With {@code "xy"} the first two dims are exchanged.
     * @param tensors the coordinate vectors
     * @param indexing "ij" (matrix) or "xy" (Cartesian)
     * @return one grid per input, all of the same shape
     */
    public static Tensor[] meshgrid(Tensor[] tensors, String indexing) {
        int n = tensors.length;
        if (n == 0) {
            throw new IllegalArgumentException("meshgrid expects a non-empty TensorList");
        }
        for (int i = 0; i < n - 1; i++) {
            if (tensors[i].dtype() != tensors[i + 1].dtype()) {
                throw new IllegalArgumentException("meshgrid expects all tensors to have the same dtype");
            }
        }
        boolean swap = false;
        if ("xy".equals(indexing)) {
            swap = n >= 2;
        } else if (!"ij".equals(indexing)) {
            throw new IllegalArgumentException("torch.meshgrid: indexing must be one of \"xy\" or \"ij\", but received: "
                    + indexing);
        }
        Tensor[] ordered = tensors.clone();
        if (swap) {
            ordered[0] = tensors[1];
            ordered[1] = tensors[0];
        }
        int[] shape = new int[n];
        for (int i = 0; i < n; i++) {
            if (ordered[i].dim() > 1) {
                throw new IllegalArgumentException("torch.meshgrid: Expected 0D or 1D tensor in the tensor list but got: "
                        + ordered[i]);
            }
            shape[i] = ordered[i].numel(); // a 0-d tensor counts as one element
        }
        Tensor[] grids = new Tensor[n];
        int[] viewShape = new int[n];
        Arrays.fill(viewShape, 1);
        for (int i = 0; i < n; i++) {
            viewShape[i] = -1;
            grids[i] = MoveExpand.expand(MoveShape.view(ordered[i], viewShape), shape);
            viewShape[i] = 1;
        }
        if (swap) {
            Tensor first = grids[0];
            grids[0] = grids[1];
            grids[1] = first;
        }
        return grids;
    }
}
