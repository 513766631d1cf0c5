package dev.nano;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finite-difference checks of every differentiable reduction, on shapes (), (5), (3, 4) and
 * (2, 3, 4), over every single dim (positive and negative), several dims, all dims, with and
 * without keepdim. Random inputs have no ties, so max-like ops are differentiable there; the
 * tie and edge values are checked by hand in the other Reduction*Test classes.
 */
class ReductionGradCheckTest {

    private static final int[][] SHAPES = {{}, {5}, {3, 4}, {2, 3, 4}};

    /** One way of reducing: which dims of which shape, keepdim or not. */
    record DimsCase(int[] shape, int[] dims, boolean keepdim) {
        @Override
        public String toString() {
            return "shape " + Arrays.toString(shape) + " dims " + (dims.length == 0 ? "all" : Arrays.toString(dims))
                    + (keepdim ? " keepdim" : "");
        }

        /** Number of input elements that meet in one output element. */
        int groupSize() {
            if (dims.length == 0 || shape.length == 0) {
                return Shape.numel(shape);
            }
            int n = 1;
            for (int d : dims) {
                n *= shape[Shape.wrapDim(d, shape.length)];
            }
            return n;
        }
    }

    /** One dim of one shape (for the single-dim ops). */
    record DimCase(int[] shape, int dim, boolean keepdim) {
        @Override
        public String toString() {
            return "shape " + Arrays.toString(shape) + " dim " + dim + (keepdim ? " keepdim" : "");
        }
    }

    static List<DimsCase> dimsCases() {
        List<int[]> perShape = new ArrayList<>();
        List<DimsCase> cases = new ArrayList<>();
        for (int[] shape : SHAPES) {
            int rank = shape.length;
            perShape.clear();
            perShape.add(new int[0]);
            for (int d = 0; d < Math.max(rank, 1); d++) {
                perShape.add(new int[] {d});
                perShape.add(new int[] {d - Math.max(rank, 1)});
            }
            if (rank == 2) {
                perShape.add(new int[] {0, 1});
                perShape.add(new int[] {-1, 0});
            }
            if (rank == 3) {
                perShape.add(new int[] {0, 2});
                perShape.add(new int[] {-1, 0});
                perShape.add(new int[] {1, 2});
                perShape.add(new int[] {0, 1, 2});
            }
            for (int[] dims : perShape) {
                cases.add(new DimsCase(shape, dims, false));
                cases.add(new DimsCase(shape, dims, true));
            }
        }
        return cases;
    }

    static List<DimCase> dimCases() {
        List<DimCase> cases = new ArrayList<>();
        for (int[] shape : SHAPES) {
            int rank = Math.max(shape.length, 1);
            for (int d = -rank; d < rank; d++) {
                cases.add(new DimCase(shape, d, false));
                cases.add(new DimCase(shape, d, true));
            }
        }
        return cases;
    }

    static List<int[]> shapes() {
        return Arrays.asList(SHAPES);
    }

    private static Tensor input(int[] shape, long seed) {
        return GradCheck.uniform(seed, -2, 2, shape);
    }

    @ParameterizedTest(name = "sum {0}")
    @MethodSource("dimsCases")
    void sum(DimsCase c) {
        GradCheck.check("sum " + c, in -> Nano.sum(in[0], c.dims(), c.keepdim()), input(c.shape(), 1));
    }

    @ParameterizedTest(name = "mean {0}")
    @MethodSource("dimsCases")
    void mean(DimsCase c) {
        GradCheck.check("mean " + c, in -> Nano.mean(in[0], c.dims(), c.keepdim()), input(c.shape(), 2));
    }

    @ParameterizedTest(name = "var {0}")
    @MethodSource("dimsCases")
    void var(DimsCase c) {
        for (double correction : correctionsFor(c)) {
            GradCheck.check("var " + c + " correction " + correction,
                    in -> Nano.var(in[0], c.dims(), correction, c.keepdim()), input(c.shape(), 3));
        }
    }

    @ParameterizedTest(name = "std {0}")
    @MethodSource("dimsCases")
    void std(DimsCase c) {
        for (double correction : correctionsFor(c)) {
            GradCheck.check("std " + c + " correction " + correction,
                    in -> Nano.std(in[0], c.dims(), correction, c.keepdim()), input(c.shape(), 4));
        }
    }

    /** A group of one element has N - correction <= 0 for correction >= 1 (NaN): only 0 applies. */
    private static double[] correctionsFor(DimsCase c) {
        return c.groupSize() > 1 ? new double[] {0, 1, 0.5} : new double[] {0};
    }

    @ParameterizedTest(name = "amax {0}")
    @MethodSource("dimsCases")
    void amax(DimsCase c) {
        GradCheck.check("amax " + c, in -> Nano.amax(in[0], c.dims(), c.keepdim()), input(c.shape(), 5));
    }

    @ParameterizedTest(name = "amin {0}")
    @MethodSource("dimsCases")
    void amin(DimsCase c) {
        GradCheck.check("amin " + c, in -> Nano.amin(in[0], c.dims(), c.keepdim()), input(c.shape(), 6));
    }

    @ParameterizedTest(name = "logsumexp {0}")
    @MethodSource("dimsCases")
    void logsumexp(DimsCase c) {
        GradCheck.check("logsumexp " + c, in -> Nano.logsumexp(in[0], c.dims(), c.keepdim()), input(c.shape(), 7));
    }

    @ParameterizedTest(name = "prod {0}")
    @MethodSource("dimCases")
    void prodAlongDim(DimCase c) {
        GradCheck.check("prod " + c, in -> Nano.prod(in[0], c.dim(), c.keepdim()), input(c.shape(), 8));
    }

    @ParameterizedTest(name = "max values {0}")
    @MethodSource("dimCases")
    void maxAlongDim(DimCase c) {
        GradCheck.check("max " + c, in -> Nano.max(in[0], c.dim(), c.keepdim()).values(), input(c.shape(), 9));
    }

    @ParameterizedTest(name = "min values {0}")
    @MethodSource("dimCases")
    void minAlongDim(DimCase c) {
        GradCheck.check("min " + c, in -> Nano.min(in[0], c.dim(), c.keepdim()).values(), input(c.shape(), 10));
    }

    @ParameterizedTest(name = "prod() of shape {0}")
    @MethodSource("shapes")
    void prodOfAll(int[] shape) {
        GradCheck.check("prod() " + Arrays.toString(shape), in -> Nano.prod(in[0]), input(shape, 11));
    }

    @ParameterizedTest(name = "max() of shape {0}")
    @MethodSource("shapes")
    void maxOfAll(int[] shape) {
        GradCheck.check("max() " + Arrays.toString(shape), in -> Nano.max(in[0]), input(shape, 12));
    }

    @ParameterizedTest(name = "min() of shape {0}")
    @MethodSource("shapes")
    void minOfAll(int[] shape) {
        GradCheck.check("min() " + Arrays.toString(shape), in -> Nano.min(in[0]), input(shape, 13));
    }
}
