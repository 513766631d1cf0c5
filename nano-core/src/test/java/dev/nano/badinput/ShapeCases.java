package dev.nano.badinput;

import dev.nano.Nano;
import dev.nano.Slice;
import dev.nano.Tensor;
import dev.nano.autograd.internal.TensorAccess;

import java.util.ArrayList;
import java.util.List;

/**
 * Shapes, dims and sizes that do not fit: PyTorch's messages, naming the sizes and the dim.
 */
final class ShapeCases {
    private static final Class<IllegalArgumentException> IAE = IllegalArgumentException.class;
    private static final Class<IndexOutOfBoundsException> IOOBE = IndexOutOfBoundsException.class;

    private ShapeCases() {
    }

    static List<BadCase> cases() {
        List<BadCase> list = new ArrayList<>();
        BadCase.Rows r = new BadCase.Rows("shape", list);
        Tensor a = Nano.zeros(2, 3);
        Tensor b = Nano.zeros(2, 4);
        String mismatch = "The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1";
        r.add("add (2,3) + (2,4)", IAE, mismatch, () -> a.add(b));
        r.add("accumulateGrad of shape (2,4) into (2,3)", IAE, "a gradient of shape [2, 4] cannot be added",
                () -> TensorAccess.get().accumulateGrad(Nano.zeros(2, 3).requiresGrad(true), Nano.zeros(2, 4)));
        r.add("mul (2,3) * (2,4)", IAE, mismatch, () -> a.mul(b));
        r.add("maximum (2,3), (2,4)", IAE, mismatch, () -> a.maximum(b));
        r.add("lt (2,3) < (2,4)", IAE, mismatch, () -> a.lt(b));
        r.add("sum(dim=2) of a 2-D tensor", IOOBE, "Dimension out of range (expected to be in range of [-2, 1], but "
                + "got 2)", () -> a.sum(2));
        r.add("softmax(dim=-3) of a 2-D tensor", IOOBE, "Dimension out of range", () -> a.softmax(-3));
        r.add("transpose(0, 5)", IOOBE, "Dimension out of range", () -> a.transpose(0, 5));
        r.add("unsqueeze(4) of a 2-D tensor", IOOBE, "Dimension out of range", () -> a.unsqueeze(4));
        r.add("sum(dims [1, 1])", IAE, "dim 1 appears multiple times in the list of dims",
                () -> a.sum(new int[] {1, 1}, false));
        r.add("reshape (2,3) to (4,2)", IAE, "shape '[4, 2]' is invalid for input of size 6", () -> a.reshape(4, 2));
        r.add("reshape with two -1", IAE, "only one dimension can be inferred", () -> a.reshape(-1, -1));
        r.add("mm (2,3) @ (2,4)", IAE, "mat1 and mat2 shapes cannot be multiplied (2x3 and 2x4)", () -> a.mm(b));
        r.add("matmul of a 0-d tensor", IAE, "both arguments to matmul need to be at least 1D",
                () -> Nano.scalar(1).matmul(a));
        r.add("dot of different lengths", IAE, "inconsistent tensor size", () -> Nano.zeros(2).dot(Nano.zeros(3)));
        r.add("t() of a 3-D tensor", IAE, "t() expects a tensor with <= 2 dimensions, but self is 3D",
                () -> Nano.zeros(1, 2, 3).t());
        r.add("cat of (2,3) and (3,4) along 0", IAE, "Sizes of tensors must match except in dimension 0",
                () -> Nano.cat(new Tensor[] {a, Nano.zeros(3, 4)}, 0));
        r.add("cat of no tensors", IAE, "torch.cat(): expected a non-empty list of Tensors",
                () -> Nano.cat(new Tensor[0], 0));
        r.add("cat of a 0-d tensor", IAE, "zero-dimensional tensor (at position 0) cannot be concatenated",
                () -> Nano.cat(new Tensor[] {Nano.scalar(1)}, 0));
        r.add("stack of different shapes", IAE, "stack expects each tensor to be equal size",
                () -> Nano.stack(new Tensor[] {a, b}, 0));
        r.add("stack of no tensors", IAE, "stack expects a non-empty TensorList", () -> Nano.stack(new Tensor[0], 0));
        r.add("expand (2,3) to (4,3)", IAE, "The expanded size of the tensor (4) must match the existing size (2)",
                () -> a.expand(4, 3));
        r.add("expand to fewer dims", IAE, "the number of sizes provided (1) must be greater or equal to the number "
                + "of dimensions in the tensor (2)", () -> a.expand(3));
        r.add("pad of odd length", IAE, "Padding length must be divisible by 2", () -> a.pad(new int[] {1}, 0));
        r.add("pad longer than the dims", IAE, "Padding length should be less than or equal to two times the input "
                + "dimension", () -> a.pad(new int[] {1, 1, 1, 1, 1, 1}, 0));
        r.add("pad cropping more than the size", IAE, "narrow(): length must be non-negative.",
                () -> a.pad(new int[] {-2, -2}, 0));
        r.add("pad cropping 2147483647", IAE, "narrow(): length must be non-negative.",
                () -> a.pad(new int[] {-Integer.MAX_VALUE, -Integer.MAX_VALUE}, 0));
        r.add("Nano.zeros(-1)", IAE, "Trying to create tensor with negative dimension -1", () -> Nano.zeros(-1));
        r.add("Nano.zeros(2, -3)", IAE, "Trying to create tensor with negative dimension -3", () -> Nano.zeros(2, -3));
        r.add("Nano.eye(-1)", IAE, "eye: n must be greater or equal to 0, got -1", () -> Nano.eye(-1));
        r.add("Nano.linspace(0, 1, -1)", IAE, "linspace: number of steps must be non-negative",
                () -> Nano.linspace(0, 1, -1));
        r.add("Nano.arange(1, 0, 1)", IAE, "upper bound and larger bound inconsistent with step sign",
                () -> Nano.arange(1, 0, 1));
        r.add("Nano.arange(0, 1, 0)", IAE, "arange: step must be nonzero", () -> Nano.arange(0, 1, 0));
        r.add("Nano.tensor(ragged rows)", IAE, "tensor: expected sequence of length 2 at dim 1 (got 1)",
                () -> Nano.tensor(new double[][] {{1, 2}, {3}}));
        r.add("Nano.tensor(4 values, shape 2x3)", IAE, "4 values cannot fill a tensor of shape [2, 3]",
                () -> Nano.tensor(new double[4], 2, 3));
        r.add("gather index out of range", IOOBE, "index 5 is out of bounds for dimension 1 with size 3",
                () -> a.gather(1, Nano.longTensor(new long[] {5, 0}, 2, 1)));
        r.add("select index out of range", IOOBE,
                "select(): index 7 out of range for tensor of size [2, 3] at dimension 1",
                () -> a.select(1, 7));
        r.add("narrow past the end", IAE, "start (2) + length (5) exceeds dimension size (3)",
                () -> a.narrow(1, 2, 5));
        r.add("index with more slices than dims", IOOBE, "too many indices for tensor of dimension 2",
                () -> a.index(Slice.all(), Slice.all(), Slice.all()));
        r.add("permute with a repeated dim", IAE, "permute(): duplicate dims are not allowed.",
                () -> a.permute(0, 0));
        r.add("permute with too few dims", IAE, "permute(sparse_coo): number of dimensions in the tensor input does "
                + "not match the length of the desired ordering of dimensions", () -> a.permute(0));
        r.add("squeeze(dim 5)", IOOBE, "Dimension out of range", () -> a.squeeze(5));
        r.add("view (2,3) as (5)", IAE, "shape '[5]' is invalid for input of size 6", () -> a.view(5));
        r.add("flatten(1, 0)", IAE, "flatten() has invalid args: start_dim cannot come after end_dim",
                () -> a.flatten(1, 0));
        r.add("where with mismatched shapes", IAE, "The size of tensor a (3) must match the size of tensor b (2)",
                () -> Nano.where(Nano.zeros(3).gt(0), Nano.zeros(2), Nano.zeros(2)));
        r.add("clamp with mismatched tensor bounds", IAE, "must match the size of tensor b",
                () -> a.clamp(Nano.zeros(4), (Tensor) null));
        r.add("var(correction) of dims out of range", IOOBE, "Dimension out of range",
                () -> a.var(new int[] {3}, 1.0, false));
        r.add("max(dim) of an empty dim", IOOBE, "max(): Expected reduction dim 0 to have non-zero size.",
                () -> Nano.zeros(0, 2).max(0));
        r.add("argmax of an empty tensor", IOOBE, "argmax(): Expected reduction dim to be specified for input.numel() "
                + "== 0.", () -> Nano.zeros(0).argmax());
        r.add("size(3) of a 2-D tensor", IOOBE, "Dimension out of range", () -> a.size(3));
        r.add("gelu(approximate='fast')", IAE, "approximate argument must be either none or tanh.",
                () -> a.gelu("fast"));
        r.add("gelu(approximate=null)", IAE, "approximate argument must be either none or tanh.",
                () -> a.gelu(null));
        // Extreme ints: dims and indices of Integer.MIN_VALUE / MAX_VALUE must not wrap around.
        String dimMin = "Dimension out of range (expected to be in range of [-2, 1], but got -2147483648)";
        r.add("transpose(MIN_VALUE, 0)", IOOBE, dimMin, () -> a.transpose(Integer.MIN_VALUE, 0));
        r.add("sum(MIN_VALUE)", IOOBE, dimMin, () -> a.sum(Integer.MIN_VALUE));
        r.add("softmax(MIN_VALUE)", IOOBE, dimMin, () -> a.softmax(Integer.MIN_VALUE));
        r.add("cat(dim MIN_VALUE)", IOOBE, dimMin, () -> Nano.cat(new Tensor[] {a}, Integer.MIN_VALUE));
        r.add("gather(dim MIN_VALUE)", IOOBE, dimMin,
                () -> a.gather(Integer.MIN_VALUE, Nano.longTensor(new long[] {0}, 1, 1)));
        r.add("select(1, MIN_VALUE)", IOOBE, "select(): index -2147483648 out of range for tensor of size [2, 3] "
                + "at dimension 1", () -> a.select(1, Integer.MIN_VALUE));
        r.add("narrow(1, 2000000000, 2000000000)", IOOBE,
                "start out of range (expected to be in range of [-3, 3], but got 2000000000)",
                () -> a.narrow(1, 2_000_000_000, 2_000_000_000));
        r.add("gather(index 2^40)", IOOBE, "index 1099511627776 is out of bounds for dimension 1 with size 3",
                () -> a.gather(1, Nano.longTensor(new long[] {1L << 40, 0}, 2, 1)));
        r.add("pad([MIN_VALUE, MAX_VALUE])", IAE, "narrow(): length must be non-negative.",
                () -> a.pad(new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE}, 0));
        r.add("index(step 0)", IAE, "step must be greater than zero", () -> a.index(Slice.of(0, 2, 0)));
        r.add("index(step MIN_VALUE)", IAE, "step must be greater than zero",
                () -> a.index(Slice.of(null, null, Integer.MIN_VALUE)));
        r.add("expand(-2, 3)", IAE, "expand: Trying to create tensor with negative dimension -2: [-2, 3]",
                () -> a.expand(-2, 3));
        r.add("reshape of an empty tensor to (-1, 0)", IAE, "cannot reshape tensor of 0 elements into shape [-1, 0]",
                () -> Nano.zeros(0).reshape(-1, 0));
        r.add("new Linear(-1, 2)", IAE, "Trying to create tensor with negative dimension -1: [2, -1]",
                () -> new dev.nano.nn.Linear(-1, 2));
        r.add("new BatchNorm1d(-1)", IAE, "Trying to create tensor with negative dimension -1: [-1]",
                () -> new dev.nano.nn.BatchNorm1d(-1));
        r.add("new LayerNorm(65536, 65536)", IAE, "a tensor of shape [65536, 65536] has more elements than a Java "
                + "array can hold", () -> new dev.nano.nn.LayerNorm(65536, 65536));
        r.add("F.crossEntropy(target 2^40)", IOOBE, "Target 1099511627776 is out of bounds.",
                () -> dev.nano.nn.F.crossEntropy(a, Nano.longTensor(new long[] {0, 1L << 40}, 2)));
        return list;
    }
}
