package dev.nano.oracle.cases;

import dev.nano.Tensor;
import dev.nano.nn.F;
import dev.nano.oracle.torch.AtenKernel;
import dev.nano.oracle.value.Attrs;
import dev.nano.oracle.value.Input;
import dev.nano.oracle.value.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static dev.nano.oracle.cases.MovementSupport.draw;
import static dev.nano.oracle.cases.MovementSupport.drawAll;
import static dev.nano.oracle.cases.Samples.INF;
import static dev.nano.oracle.cases.Samples.NAN;
import static dev.nano.oracle.cases.Samples.kinds;

/**
 * The operators of a transformer: embedding, scaled_dot_product_attention, masked_fill, tril, triu,
 * bmm, baddbmm, split, chunk, cumsum and one_hot, each through PyTorch's own kernel in the
 * TorchScript bridge ({@code aten::embedding}, {@code aten::scaled_dot_product_attention}, ...).
 *
 * <p>Which backend libtorch 2.7.1 picks for scaled_dot_product_attention on CPU in float64
 * ({@code torch._fused_sdp_choice}, measured): the math backend ({@code _scaled_dot_product_attention_math},
 * with {@code _safe_softmax}) for 3-D inputs and whenever the mask needs a gradient or dropout is on;
 * the CPU flash kernel ({@code _scaled_dot_product_flash_attention_for_cpu}) for 4-D inputs otherwise.
 * The cases reach both, and both give zeros for a row whose every key is masked.
 */
final class AttentionCases {
    private AttentionCases() {
    }

    private static final String NO_SCALAR = "no scalar operand";
    private static final String NO_DIMS = "no dim argument";

    static List<OpInfo> entries() {
        return List.of(embedding(), scaledDotProductAttention(), maskedFill(), triangle(true), triangle(false), bmm(),
                baddbmm(), split(), chunk(), cumsum(), oneHot());
    }

    private static int[] s(int... v) {
        return v;
    }

    /** Int64 indices in [0, n), drawn for the case. */
    private static Input indices(String op, String id, int n, int... shape) {
        Random r = Samples.rng(op, id + "/indices");
        double[] v = new double[dev.nano.Shape.numel(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextInt(n);
        }
        return Input.int64(shape, v);
    }

    // ---------------------------------------------------------------- embedding

    /**
     * torch/nn/functional.py's embedding checks the padding_idx (two asserts), counts a negative one
     * from the end and passes -1 for none before it calls {@code torch.embedding}; those lines are
     * transcribed, the rest is aten's kernel.
     */
    private static final AtenKernel EMBEDDING = AtenKernel.withBody("aten::embedding", "w: Tensor, i: Tensor, "
            + "pad: int, has_pad: bool", String.join("\n",
            "    padding_idx = -1",
            "    if has_pad:",
            "        padding_idx = pad",
            "        if pad > 0:",
            "            assert pad < w.size(0), \"Padding_idx must be within num_embeddings\"",
            "        elif pad < 0:",
            "            assert pad >= -w.size(0), \"Padding_idx must be within num_embeddings\"",
            "            padding_idx = w.size(0) + pad",
            "    return torch.embedding(w, i, padding_idx, False, False)"));

    private static Sample embed(String id, Set<Kind> kinds, int[] weight, int[] idx, Integer pad) {
        Attrs a = pad == null ? Attrs.none() : Attrs.of("paddingIdx", pad);
        return Sample.of(id, kinds, a, draw("embedding", id, weight), indices("embedding", id, weight[0], idx));
    }

    private static OpInfo embedding() {
        String op = "embedding";
        List<Sample> c = new ArrayList<>();
        c.add(embed("(7,3)[(2,5)] repeats", kinds(), s(7, 3), s(2, 5), null));
        c.add(embed("(4,2)[(6,)] padding 2", kinds(Kind.NONDIFF), s(4, 2), s(6), 2));
        c.add(Sample.of("padding 0 picked", kinds(Kind.NONDIFF), Attrs.of("paddingIdx", 0), draw(op, "p0", 3, 4),
                Input.int64(s(5), 0, 1, 0, 2, 0)));
        // F.embedding counts -1 from the end: the last row is the padding row.
        c.add(Sample.of("padding -1 (the last row)", kinds(Kind.NONDIFF), Attrs.of("paddingIdx", -1),
                draw(op, "p-1", 3, 2), Input.int64(s(2, 2), 2, 1, 2, 0)));
        c.add(Sample.of("0-d index", kinds(), Attrs.none(), draw(op, "0d", 5, 3), Input.int64(s(), 4)));
        c.add(embed("(5,3)[(2,3,2)]", kinds(), s(5, 3), s(2, 3, 2), null));
        c.add(Sample.of("empty indices", kinds(), Attrs.none(), draw(op, "empty", 4, 3), Input.int64(s(0))));
        c.add(Sample.of("edge values", kinds(Kind.EDGE), Attrs.none(), Input.of(s(3, 3), 0, -0.0, 1e300, NAN, INF,
                -INF, 1e-300, -1, 1), Input.int64(s(4), 2, 0, 1, 1)));
        c.add(Sample.error("index out of range", "index out of range in self", Attrs.none(), draw(op, "oor", 4, 2),
                Input.int64(s(2), 0, 4)));
        c.add(Sample.error("negative index", "index out of range in self", Attrs.none(), draw(op, "neg", 4, 2),
                Input.int64(s(1), -1)));
        c.add(Sample.error("1-d weight", "'weight' must be 2-D", Attrs.none(), draw(op, "1d", 4),
                Input.int64(s(1), 0)));
        c.add(Sample.error("float indices", "Expected tensor for argument #1 'indices' to have one of the following "
                + "scalar types: Long, Int; but got CPUDoubleType instead", Attrs.none(), draw(op, "fi", 4, 2),
                Input.constant(s(1), 0)));
        return OpInfo.builder(op, "ops")
                .fuzz(FuzzRule.templateShapes("the indices must lie in [0, num_embeddings) of the weight"))
                .nano((in, a) -> F.embedding(in[1], in[0], a.has("paddingIdx") ? a.getInt("paddingIdx") : null))
                .torchKernel(EMBEDDING, (in, a) -> EMBEDDING.call(in[0], in[1], a.has("paddingIdx")
                        ? a.getInt("paddingIdx") : 0, a.has("paddingIdx")))
                .samples(c)
                .exclude(Kind.BROADCAST, "the indices select rows of the weight: nothing broadcasts")
                .exclude(Kind.SCALAR, NO_SCALAR)
                .exclude(Kind.DIMS, NO_DIMS)
                .build();
    }

    // ---------------------------------------------------------------- scaled dot-product attention

    private static final AtenKernel SDPA = AtenKernel.withBody("aten::scaled_dot_product_attention",
            "q: Tensor, k: Tensor, v: Tensor, m: Tensor, has_m: bool, p: float, causal: bool, scale: float, "
                    + "has_scale: bool",
            "    mask = annotate(Optional[Tensor], None)\n    if has_m:\n        mask = m\n"
                    + "    s = annotate(Optional[float], None)\n    if has_scale:\n        s = scale\n"
                    + "    return torch.scaled_dot_product_attention(q, k, v, mask, p, causal, scale=s)");

    private static Attrs attn(boolean causal, Double scale) {
        Attrs a = Attrs.of("isCausal", causal).with("dropoutP", 0.0);
        return scale == null ? a : a.with("scale", scale);
    }

    private static Sample attention(String id, Set<Kind> kinds, Attrs a, int[] q, int[] k, int[] v) {
        return Sample.of(id, kinds, a, drawAll("scaledDotProductAttention", id, q, k, v));
    }

    /** A case with a mask: bool (true: attend) from {@code keep}, or float, given or drawn. */
    private static Sample masked(String id, Set<Kind> kinds, int[] q, int[] k, int[] v, Input mask) {
        Input[] qkv = drawAll("scaledDotProductAttention", id, q, k, v);
        return Sample.of(id, kinds, attn(false, null), qkv[0], qkv[1], qkv[2], mask);
    }

    private static Input boolMask(int[] shape, double... keep) {
        return Input.bool(shape, keep);
    }

    private static OpInfo scaledDotProductAttention() {
        String op = "scaledDotProductAttention";
        List<Sample> c = new ArrayList<>();
        // 3-D: the math backend
        c.add(attention("3-d (2,3,4) (2,5,4) (2,5,3)", kinds(), attn(false, null), s(2, 3, 4), s(2, 5, 4), s(2, 5, 3)));
        c.add(attention("2-d (3,4) (6,4) (6,4)", kinds(), attn(false, null), s(3, 4), s(6, 4), s(6, 4)));
        c.add(attention("3-d scale 0.3", kinds(), attn(false, 0.3), s(1, 4, 2), s(1, 4, 2), s(1, 4, 2)));
        c.add(attention("3-d causal L=S", kinds(), attn(true, null), s(2, 4, 3), s(2, 4, 3), s(2, 4, 3)));
        c.add(attention("3-d causal L<S", kinds(), attn(true, null), s(1, 2, 3), s(1, 5, 3), s(1, 5, 2)));
        c.add(attention("3-d causal L>S", kinds(), attn(true, null), s(1, 5, 3), s(1, 2, 3), s(1, 2, 2)));
        c.add(masked("3-d float mask with grad, broadcast", kinds(Kind.BROADCAST), s(2, 3, 4), s(2, 5, 4),
                s(2, 5, 2), draw(op, "m3", 3, 5)));
        c.add(masked("3-d bool mask, a fully masked row", kinds(Kind.EDGE), s(1, 3, 2), s(1, 3, 2), s(1, 3, 2),
                boolMask(s(3, 3), 0, 0, 0, 1, 0, 1, 1, 1, 1)));
        c.add(masked("3-d float mask, -inf and a fully masked row", kinds(Kind.EDGE), s(1, 3, 2), s(1, 3, 2),
                s(1, 3, 2), Input.constant(s(3, 3), 0, -INF, 0.5, -INF, -INF, -INF, 1, -1, -INF)));
        // 4-D: the CPU flash kernel (the math backend when the mask needs a gradient)
        c.add(attention("4-d (2,2,4,8)", kinds(), attn(false, null), s(2, 2, 4, 8), s(2, 2, 4, 8), s(2, 2, 4, 8)));
        c.add(attention("4-d causal (1,2,6,4)", kinds(), attn(true, null), s(1, 2, 6, 4), s(1, 2, 6, 4),
                s(1, 2, 6, 4)));
        c.add(attention("4-d causal L<S", kinds(), attn(true, 0.5), s(1, 2, 3, 4), s(1, 2, 6, 4), s(1, 2, 6, 4)));
        c.add(attention("4-d value dim 3", kinds(), attn(false, null), s(1, 2, 3, 4), s(1, 2, 5, 4), s(1, 2, 5, 3)));
        c.add(attention("4-d batch dims broadcast", kinds(Kind.BROADCAST), attn(false, null), s(2, 1, 3, 4),
                s(1, 2, 5, 4), s(1, 2, 5, 4)));
        c.add(masked("4-d bool mask (4,4)", kinds(), s(1, 2, 4, 4), s(1, 2, 4, 4), s(1, 2, 4, 4),
                boolMask(s(4, 4), 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 1, 1, 0, 0, 1, 0)));
        c.add(masked("4-d bool mask, a fully masked row", kinds(Kind.EDGE), s(1, 1, 3, 2), s(1, 1, 3, 2),
                s(1, 1, 3, 2), boolMask(s(3, 3), 0, 0, 0, 1, 0, 1, 1, 1, 1)));
        c.add(masked("4-d float mask constant", kinds(), s(2, 2, 3, 4), s(2, 2, 5, 4), s(2, 2, 5, 4),
                Input.constant(s(2, 1, 3, 5), Samples.uniform(Samples.rng(op, "fm4"), 30, -1, 1))));
        c.add(masked("4-d float mask -inf constant", kinds(Kind.EDGE), s(1, 1, 3, 2), s(1, 1, 3, 2), s(1, 1, 3, 2),
                Input.constant(s(3, 3), 0, -INF, 0.5, -INF, -INF, -INF, 1, -1, -INF)));
        c.add(masked("4-d float mask with grad", kinds(Kind.BROADCAST), s(1, 2, 3, 4), s(1, 2, 5, 4), s(1, 2, 5, 4),
                draw(op, "mg4", 3, 5)));
        c.add(attention("empty queries", kinds(), attn(false, null), s(1, 0, 4), s(1, 3, 4), s(1, 3, 2)));
        c.add(attention("empty keys", kinds(), attn(false, null), s(1, 2, 4), s(1, 0, 4), s(1, 0, 2)));
        c.add(Sample.error("is_causal with a mask", "Explicit attn_mask should not be set when is_causal=True",
                attn(true, null), draw(op, "cm", 1, 3, 2), draw(op, "cm2", 1, 3, 2), draw(op, "cm3", 1, 3, 2),
                boolMask(s(3, 3), 1, 1, 1, 1, 1, 1, 1, 1, 1)));
        c.add(Sample.error("int64 mask", "Expected attn_mask dtype to be bool or float or to match query dtype",
                attn(false, null), draw(op, "im", 1, 3, 2), draw(op, "im2", 1, 3, 2), draw(op, "im3", 1, 3, 2),
                Input.int64(s(3, 3), 0, 0, 0, 0, 0, 0, 0, 0, 0)));
        c.add(Sample.error("1-d query", "Expected query, key, and value to all be  at least 2 dimensional",
                attn(false, null), draw(op, "1q", 2), draw(op, "1k", 3, 2), draw(op, "1v", 3, 2)));
        c.add(Sample.error("query and key dims differ", "Expected size for first two dimensions of batch2 tensor",
                attn(false, null), draw(op, "qk", 1, 3, 2), draw(op, "qk2", 1, 3, 1), draw(op, "qk3", 1, 3, 2)));
        c.add(Sample.error("mask shape", "The size of tensor a (3) must match the size of tensor b (2)",
                attn(false, null), draw(op, "ms", 1, 3, 2), draw(op, "ms2", 1, 3, 2), draw(op, "ms3", 1, 3, 2),
                boolMask(s(2, 3), 1, 1, 1, 1, 1, 1)));
        c.add(Sample.error("dropout 1.5", "dropout probability has to be between 0 and 1, but got 1.5",
                attn(false, null).with("dropoutP", 1.5), draw(op, "dp", 1, 3, 2), draw(op, "dp2", 1, 3, 2),
                draw(op, "dp3", 1, 3, 2)));
        return OpInfo.builder(op, "ops")
                // A gap, written down: fuzzing this entry made libtorch 2.7.1 abort the surefire JVM (SIGABRT, once a
                // SIGSEGV in c10::StorageImpl's destructor under torchBackward); the cause is not found yet, and a
                // crash takes the whole harness down. Its catalogue cases, gradchecks and module drift tests still run.
                .fuzz(FuzzRule.notFuzzed("fuzzing it aborts the JVM inside libtorch 2.7.1 (SIGABRT, cause not yet "
                        + "found); the catalogue's cases, finite differences and the module drift tests still run"))
                .knownDisagreement("with is_causal, libtorch's CPU flash kernel (4-D inputs) writes -inf over the "
                        + "masked scores or never computes them, so a NaN there (0 · inf, inf − inf) disappears; its math "
                        + "backend (3-D inputs, and nano) adds the mask and keeps the NaN (measured on 2.7.1); only "
                        + "non-finite inputs reach it", (sample, problem) -> sample.attrs().getBool("isCausal")
                        && sample.inputs().get(0).shape().length == 4 && sample.inputs().stream()
                        .anyMatch(in -> java.util.Arrays.stream(in.values()).anyMatch(v -> !Double.isFinite(v))))
                .nano((in, a) -> F.scaledDotProductAttention(in[0], in[1], in[2], in.length > 3 ? in[3] : null,
                        a.getDouble("dropoutP"), a.getBool("isCausal"), a.getOptionalDouble("scale")))
                .torchKernel(SDPA, (in, a) -> SDPA.call(in[0], in[1], in[2], in.length > 3 ? in[3] : in[0],
                        in.length > 3, a.getDouble("dropoutP"), a.getBool("isCausal"),
                        a.has("scale") ? a.getDouble("scale") : 1.0, a.has("scale")))
                .samples(c)
                .exclude(Kind.SCALAR, "the scale is an attribute, no tensor operand is a scalar")
                .exclude(Kind.ZERO_DIM, "query, key and value have at least 2 dims (fewer is an error case)")
                .exclude(Kind.NONDIFF, "softmax and products are smooth; the zero gradient of a fully masked row "
                        + "is in the edge cases")
                .exclude(Kind.DIMS, "attention acts on the last two dims: no dim argument")
                .build();
    }

    // ---------------------------------------------------------------- masked_fill

    private static final AtenKernel MASKED_FILL = AtenKernel.of("aten::masked_fill.Scalar",
            "x: Tensor, m: Tensor, value: float", "torch.masked_fill(x, m, value)");

    private static OpInfo maskedFill() {
        String op = "maskedFill";
        List<Sample> c = new ArrayList<>();
        Attrs half = Attrs.of("value", 0.5);
        c.add(Sample.of("(2,3) same shape", kinds(Kind.SCALAR), half, draw(op, "same", 2, 3),
                Input.bool(s(2, 3), 1, 0, 0, 1, 1, 0)));
        c.add(Sample.of("mask (3,) broadcasts", kinds(Kind.BROADCAST, Kind.SCALAR), Attrs.of("value", -2.5),
                draw(op, "mb", 2, 3), Input.bool(s(3), 0, 1, 0)));
        c.add(Sample.of("-inf fill", kinds(Kind.EDGE, Kind.SCALAR), Attrs.of("value", -INF), draw(op, "mi", 2, 3),
                Input.bool(s(2, 3), 0, 1, 0, 1, 1, 0)));
        c.add(Sample.of("x (3,) broadcasts", kinds(Kind.BROADCAST, Kind.SCALAR), half, draw(op, "xb", 3),
                Input.bool(s(2, 3), 1, 0, 0, 0, 1, 0)));
        c.add(Sample.of("0-d", kinds(Kind.SCALAR), half, Input.of(s(), 2.5), Input.bool(s(), 1)));
        c.add(Sample.of("empty", kinds(), half, Input.of(s(0, 3)), Input.bool(s(3), 1, 0, 1)));
        c.add(Sample.of("edge values, NaN fill", kinds(Kind.EDGE), Attrs.of("value", NAN), Input.of(s(6), NAN, INF,
                -INF, -0.0, 1e300, 0), Input.bool(s(6), 1, 0, 1, 0, 1, 0)));
        c.add(Sample.error("int64 mask", "masked_fill_ only supports boolean masks, but got mask with dtype long int",
                half, draw(op, "im", 3), Input.int64(s(3), 1, 0, 1)));
        c.add(Sample.error("shapes do not broadcast", "The size of tensor a (2) must match the size of tensor b (3) at "
                + "non-singleton dimension 1", half, draw(op, "nb", 2, 3), Input.bool(s(2, 2), 1, 0, 1, 0)));
        return OpInfo.builder(op, "ops")
                .fuzz(FuzzRule.templateShapes("the mask is a bool input whose values the fuzzer does not draw"))
                .nano((in, a) -> in[0].maskedFill(in[1], a.getDouble("value")))
                .torchKernel(MASKED_FILL, (in, a) -> MASKED_FILL.call(in[0], in[1], a.getDouble("value")))
                .samples(c)
                .exclude(Kind.NONDIFF, "the gradient is the upstream one or 0 by the mask: no kinks")
                .exclude(Kind.DIMS, NO_DIMS)
                .build();
    }

    // ---------------------------------------------------------------- tril / triu

    private static OpInfo triangle(boolean lower) {
        String op = lower ? "tril" : "triu";
        AtenKernel kernel = AtenKernel.of("aten::" + op, "x: Tensor, d: int", "torch." + op + "(x, d)");
        List<Sample> c = new ArrayList<>();
        c.add(MovementSupport.sample(op, "(4,4) d0", kinds(), Attrs.of("diagonal", 0), 4, 4));
        c.add(MovementSupport.sample(op, "(3,5) d1", kinds(), Attrs.of("diagonal", 1), 3, 5));
        c.add(MovementSupport.sample(op, "(5,3) d-1", kinds(), Attrs.of("diagonal", -1), 5, 3));
        c.add(MovementSupport.sample(op, "(2,3,4) d2", kinds(), Attrs.of("diagonal", 2), 2, 3, 4));
        c.add(MovementSupport.sample(op, "(2,1,3,3) d0", kinds(), Attrs.of("diagonal", 0), 2, 1, 3, 3));
        c.add(MovementSupport.sample(op, "(3,3) d-7 beyond", kinds(), Attrs.of("diagonal", -7), 3, 3));
        c.add(MovementSupport.sample(op, "(3,3) d9 beyond", kinds(), Attrs.of("diagonal", 9), 3, 3));
        c.add(MovementSupport.sample(op, "(0,3) empty", kinds(), Attrs.of("diagonal", 0), 0, 3));
        c.add(Sample.of("edge values", kinds(Kind.EDGE), Attrs.of("diagonal", 0), Input.of(s(3, 3), NAN, INF, -INF,
                -0.0, 1e300, NAN, 1e-300, -INF, 0)));
        c.add(MovementSupport.error(op, "1-d", op + ": input tensor must have at least 2 dimensions",
                Attrs.of("diagonal", 0), 3));
        c.add(MovementSupport.error(op, "0-d", op + ": input tensor must have at least 2 dimensions",
                Attrs.of("diagonal", 0)));
        return OpInfo.builder(op, "ops")
                .fuzz(FuzzRule.alongDims(Set.of()))
                .nano((in, a) -> lower ? in[0].tril(a.getInt("diagonal")) : in[0].triu(a.getInt("diagonal")))
                .torchKernel(kernel, (in, a) -> kernel.call(in[0], a.getInt("diagonal")))
                .samples(c)
                .exclude(Kind.BROADCAST, "one tensor input: nothing to broadcast")
                .exclude(Kind.SCALAR, NO_SCALAR)
                .exclude(Kind.NONDIFF, "the gradient is the upstream one or 0 by position: no kinks")
                .exclude(Kind.DIMS, "acts on the last two dims; the diagonal is the attribute varied instead")
                .build();
    }

    // ---------------------------------------------------------------- bmm / baddbmm

    private static final AtenKernel BMM = AtenKernel.of("aten::bmm", "a: Tensor, b: Tensor", "torch.bmm(a, b)");

    private static OpInfo bmm() {
        String op = "bmm";
        List<Sample> c = new ArrayList<>();
        c.add(Sample.of("(2,3,4)@(2,4,5)", kinds(), Attrs.none(), drawAll(op, "a", s(2, 3, 4), s(2, 4, 5))));
        c.add(Sample.of("(1,1,1)@(1,1,1)", kinds(), Attrs.none(), drawAll(op, "b", s(1, 1, 1), s(1, 1, 1))));
        c.add(Sample.of("(3,5,2)@(3,2,6)", kinds(), Attrs.none(), drawAll(op, "c", s(3, 5, 2), s(3, 2, 6))));
        c.add(Sample.of("empty batch", kinds(), Attrs.none(), drawAll(op, "d", s(0, 2, 3), s(0, 3, 2))));
        c.add(Sample.of("empty inner dim", kinds(), Attrs.none(), drawAll(op, "e", s(2, 2, 0), s(2, 0, 3))));
        c.add(Sample.of("edge values", kinds(Kind.EDGE), Attrs.none(), Input.of(s(1, 2, 2), INF, 0, NAN, 1),
                Input.of(s(1, 2, 2), 1, -0.0, 1e300, 2)));
        c.add(Sample.error("2-d", "batch1 must be a 3D tensor", Attrs.none(), drawAll(op, "f", s(2, 3), s(3, 2))));
        c.add(Sample.error("0-d", "batch1 must be a 3D tensor", Attrs.none(), Input.of(s(), 1),
                draw(op, "g", 1, 2, 2)));
        c.add(Sample.error("batch sizes differ", "Expected size for first two dimensions of batch2 tensor to be: "
                + "[1, 3] but got: [2, 3].", Attrs.none(), drawAll(op, "h", s(1, 2, 3), s(2, 3, 2))));
        c.add(Sample.error("inner dims differ", "Expected size for first two dimensions of batch2 tensor to be: "
                + "[2, 3] but got: [2, 2].", Attrs.none(), drawAll(op, "i", s(2, 2, 3), s(2, 2, 3))));
        return OpInfo.builder(op, "ops")
                .fuzz(FuzzRule.templateShapes("the batch and inner sizes of the two operands are tied")
                        .orderDependent())
                .nano((in, a) -> in[0].bmm(in[1]))
                .torchKernel(BMM, (in, a) -> BMM.call(in[0], in[1]))
                .samples(c)
                .exclude(Kind.BROADCAST, "bmm does not broadcast: the batch sizes must be equal (an error case)")
                .exclude(Kind.SCALAR, NO_SCALAR)
                .exclude(Kind.NONDIFF, "bilinear: no kinks or ties")
                .exclude(Kind.DIMS, NO_DIMS)
                .build();
    }

    private static final AtenKernel BADDBMM = AtenKernel.of("aten::baddbmm", "x: Tensor, a: Tensor, b: Tensor, "
            + "beta: float, alpha: float", "torch.baddbmm(x, a, b, beta=beta, alpha=alpha)");

    private static Sample badd(String id, Set<Kind> kinds, double beta, double alpha, int[] x, int[] a, int[] b) {
        return Sample.of(id, kinds, Attrs.of("beta", beta).with("alpha", alpha), drawAll("baddbmm", id, x, a, b));
    }

    private static OpInfo baddbmm() {
        String op = "baddbmm";
        List<Sample> c = new ArrayList<>();
        c.add(badd("beta 1 alpha 1", kinds(Kind.SCALAR), 1, 1, s(2, 3, 5), s(2, 3, 4), s(2, 4, 5)));
        c.add(badd("beta 0.5 alpha -2", kinds(Kind.SCALAR), 0.5, -2, s(2, 3, 5), s(2, 3, 4), s(2, 4, 5)));
        c.add(badd("input (5,) broadcasts", kinds(Kind.BROADCAST, Kind.SCALAR), 1.5, 0.25, s(5), s(2, 3, 4),
                s(2, 4, 5)));
        c.add(badd("input (3,1) broadcasts", kinds(Kind.BROADCAST, Kind.SCALAR), -1, 1, s(3, 1), s(1, 3, 2),
                s(1, 2, 4)));
        c.add(badd("0-d input", kinds(Kind.SCALAR), 2, 3, s(), s(2, 2, 2), s(2, 2, 2)));
        c.add(badd("empty batch", kinds(), 1, 1, s(0, 2, 2), s(0, 2, 3), s(0, 3, 2)));
        c.add(Sample.of("beta 0 ignores a NaN input", kinds(Kind.EDGE), Attrs.of("beta", 0.0).with("alpha", 2.0),
                Input.of(s(1, 1, 2), NAN, INF), Input.of(s(1, 1, 2), 1, 2), Input.of(s(1, 2, 2), 3, 4, 5, 6)));
        c.add(Sample.error("input does not expand", "The expanded size of the tensor (2) must match the existing "
                + "size (3) at non-singleton dimension 2.  Target sizes: [1, 2, 2].  Tensor sizes: [2, 3]",
                Attrs.of("beta", 1.0).with("alpha", 1.0), drawAll(op, "ne", s(2, 3), s(1, 2, 3), s(1, 3, 2))));
        c.add(Sample.error("inner dims differ", "Expected size for first two dimensions of batch2 tensor to be: "
                + "[1, 3] but got: [1, 2].", Attrs.of("beta", 1.0).with("alpha", 1.0),
                drawAll(op, "id", s(1, 2, 2), s(1, 2, 3), s(1, 2, 2))));
        return OpInfo.builder(op, "ops")
                .fuzz(FuzzRule.templateShapes("the batch and inner sizes of the operands are tied").orderDependent())
                .nano((in, a) -> in[0].baddbmm(in[1], in[2], a.getDouble("beta"), a.getDouble("alpha")))
                .torchKernel(BADDBMM, (in, a) -> BADDBMM.call(in[0], in[1], in[2], a.getDouble("beta"),
                        a.getDouble("alpha")))
                .samples(c)
                .exclude(Kind.NONDIFF, "affine in the input, bilinear in the batches: no kinks or ties")
                .exclude(Kind.DIMS, NO_DIMS)
                .build();
    }

    // ---------------------------------------------------------------- split / chunk

    private static final AtenKernel SPLIT = AtenKernel.of("aten::split.Tensor", "x: Tensor, size: int, dim: int, "
            + "piece: int", "torch.split(x, size, dim)[piece]");
    private static final AtenKernel SPLIT_SIZES = AtenKernel.of("aten::split_with_sizes", "x: Tensor, "
            + "sizes: List[int], dim: int, piece: int", "torch.split(x, sizes, dim)[piece]");

    /** Python's index into the pieces: negative counts from the end. */
    private static Tensor piece(List<Tensor> pieces, int i) {
        return pieces.get(i < 0 ? pieces.size() + i : i);
    }

    private static OpInfo split() {
        String op = "split";
        List<Sample> c = new ArrayList<>();
        c.add(MovementSupport.sample(op, "(3,5) size 2 dim 1 piece 0", kinds(), sp(2, 1, 0), 3, 5));
        c.add(MovementSupport.sample(op, "(3,5) size 2 dim 1 last piece", kinds(), sp(2, 1, -1), 3, 5));
        c.add(MovementSupport.sample(op, "(4,2,3) size 3 dim 0 piece 1", kinds(Kind.DIMS), sp(3, 0, 1), 4, 2, 3));
        c.add(MovementSupport.sample(op, "(4,2,3) size 1 dim -1 piece 2", kinds(Kind.DIMS), sp(1, -1, 2), 4, 2, 3));
        c.add(MovementSupport.sample(op, "(4,) size 7 (one piece)", kinds(), sp(7, 0, -1), 4));
        c.add(MovementSupport.sample(op, "(2,0) size 0 (one empty piece)", kinds(), sp(0, 1, 0), 2, 0));
        c.add(MovementSupport.sample(op, "(2,6) sizes [1,0,5] piece 2", kinds(),
                Attrs.of("sizes", s(1, 0, 5)).with("dim", 1).with("piece", 2), 2, 6));
        c.add(MovementSupport.sample(op, "(2,6) sizes [1,0,5] piece 1", kinds(),
                Attrs.of("sizes", s(1, 0, 5)).with("dim", 1).with("piece", 1), 2, 6));
        c.add(MovementSupport.sample(op, "(5,2) sizes [3,2] dim -2 piece 0", kinds(Kind.DIMS),
                Attrs.of("sizes", s(3, 2)).with("dim", -2).with("piece", 0), 5, 2));
        c.add(Sample.of("edge values", kinds(Kind.EDGE), sp(2, 1, 1), MovementSupport.edges()));
        c.add(MovementSupport.error(op, "size 0 of a non-empty dim", "split_size can only be 0 if dimension size is 0",
                sp(0, 1, 0), 2, 3));
        c.add(MovementSupport.error(op, "negative size", "split expects split_size be non-negative, but got "
                + "split_size=-1", sp(-1, 1, 0), 2, 3));
        c.add(MovementSupport.error(op, "sizes do not add up", "split_with_sizes expects split_sizes to sum exactly "
                + "to 3 (input tensor's size at dimension 1), but got split_sizes=[2, 2]",
                Attrs.of("sizes", s(2, 2)).with("dim", 1).with("piece", 0), 2, 3));
        c.add(MovementSupport.error(op, "dim out of range", "Dimension out of range (expected to be in range of "
                + "[-2, 1], but got 5)", sp(2, 5, 0), 2, 3));
        c.add(MovementSupport.error(op, "0-d", "split expects at least a 1-dimensional tensor", sp(1, 0, 0)));
        return OpInfo.builder(op, "ops")
                .fuzz(FuzzRule.alongDims().keysFixed(Set.of("size", "sizes", "piece")))
                .nano((in, a) -> piece(a.has("sizes") ? in[0].split(a.getInts("sizes"), a.getInt("dim"))
                        : in[0].split(a.getInt("size"), a.getInt("dim")), a.getInt("piece")))
                .torch((in, a) -> a.has("sizes") ? SPLIT_SIZES.call(in[0], a.getInts("sizes"), a.getInt("dim"),
                        a.getInt("piece")) : SPLIT.call(in[0], a.getInt("size"), a.getInt("dim"), a.getInt("piece")))
                .oracle(Oracle.kernel("aten::split.Tensor, aten::split_with_sizes (one piece per case)",
                        Oracle.TORCHSCRIPT))
                .samples(c)
                .exclude(Kind.BROADCAST, "one tensor input: nothing to broadcast")
                .exclude(Kind.SCALAR, NO_SCALAR)
                .exclude(Kind.NONDIFF, "each piece's gradient is copied into place: no kinks")
                .build();
    }

    private static Attrs sp(int size, int dim, int piece) {
        return Attrs.of("size", size).with("dim", dim).with("piece", piece);
    }

    private static final AtenKernel CHUNK = AtenKernel.of("aten::chunk", "x: Tensor, chunks: int, dim: int, "
            + "piece: int", "torch.chunk(x, chunks, dim)[piece]");

    private static Attrs ch(int chunks, int dim, int piece) {
        return Attrs.of("chunks", chunks).with("dim", dim).with("piece", piece);
    }

    private static OpInfo chunk() {
        String op = "chunk";
        List<Sample> c = new ArrayList<>();
        c.add(MovementSupport.sample(op, "(5,) 4 chunks: 3 pieces, last", kinds(), ch(4, 0, -1), 5));
        c.add(MovementSupport.sample(op, "(5,) 4 chunks piece 1", kinds(), ch(4, 0, 1), 5));
        c.add(MovementSupport.sample(op, "(2,6) 3 chunks dim 1 piece 2", kinds(Kind.DIMS), ch(3, 1, 2), 2, 6));
        c.add(MovementSupport.sample(op, "(3,4,2) 2 chunks dim -2 piece 0", kinds(Kind.DIMS), ch(2, -2, 0), 3, 4, 2));
        c.add(MovementSupport.sample(op, "(2,3) 8 chunks (pieces of 1) last", kinds(), ch(8, 1, -1), 2, 3));
        c.add(MovementSupport.sample(op, "(0,2) 3 chunks: 3 empty pieces, last", kinds(), ch(3, 0, -1), 0, 2));
        c.add(Sample.of("edge values", kinds(Kind.EDGE), ch(2, 1, 0), MovementSupport.edges()));
        c.add(MovementSupport.error(op, "0 chunks", "chunk expects `chunks` to be greater than 0, got: 0",
                ch(0, 0, 0), 3));
        c.add(MovementSupport.error(op, "0-d", "chunk expects at least a 1-dimensional tensor", ch(1, 0, 0)));
        return OpInfo.builder(op, "ops")
                .fuzz(FuzzRule.alongDims().keysFixed(Set.of("chunks", "piece")))
                .nano((in, a) -> piece(in[0].chunk(a.getInt("chunks"), a.getInt("dim")), a.getInt("piece")))
                .torchKernel(CHUNK, (in, a) -> CHUNK.call(in[0], a.getInt("chunks"), a.getInt("dim"),
                        a.getInt("piece")))
                .samples(c)
                .exclude(Kind.BROADCAST, "one tensor input: nothing to broadcast")
                .exclude(Kind.SCALAR, NO_SCALAR)
                .exclude(Kind.NONDIFF, "each piece's gradient is copied into place: no kinks")
                .build();
    }

    // ---------------------------------------------------------------- cumsum

    private static final AtenKernel CUMSUM = AtenKernel.of("aten::cumsum", "x: Tensor, dim: int",
            "torch.cumsum(x, dim)");

    private static OpInfo cumsum() {
        String op = "cumsum";
        List<Sample> c = new ArrayList<>();
        c.add(MovementSupport.sample(op, "(6,) dim 0", kinds(), Attrs.of("dim", 0), 6));
        c.add(MovementSupport.sample(op, "(3,4) dim 1", kinds(Kind.DIMS), Attrs.of("dim", 1), 3, 4));
        c.add(MovementSupport.sample(op, "(3,4) dim -2", kinds(Kind.DIMS), Attrs.of("dim", -2), 3, 4));
        c.add(MovementSupport.sample(op, "(2,3,4) dim 1", kinds(Kind.DIMS), Attrs.of("dim", 1), 2, 3, 4));
        c.add(MovementSupport.sample(op, "0-d", kinds(), Attrs.of("dim", 0)));
        c.add(MovementSupport.sample(op, "(0,3) dim 0", kinds(), Attrs.of("dim", 0), 0, 3));
        c.add(MovementSupport.sample(op, "(2,0) dim 0", kinds(), Attrs.of("dim", 0), 2, 0));
        c.add(Sample.of("edge values", kinds(Kind.EDGE), Attrs.of("dim", 1), MovementSupport.edges()));
        c.add(Sample.of("-0.0 first", kinds(Kind.EDGE), Attrs.of("dim", 0), Input.of(s(3), -0.0, -0.0, 1)));
        c.add(MovementSupport.error(op, "dim out of range", "Dimension out of range (expected to be in range of "
                + "[-2, 1], but got 2)", Attrs.of("dim", 2), 2, 3));
        return OpInfo.builder(op, "ops")
                .fuzz(FuzzRule.alongDims().orderDependent())
                .nano((in, a) -> in[0].cumsum(a.getInt("dim")))
                .torchKernel(CUMSUM, (in, a) -> CUMSUM.call(in[0], a.getInt("dim")))
                .samples(c)
                .exclude(Kind.BROADCAST, "one tensor input: nothing to broadcast")
                .exclude(Kind.SCALAR, NO_SCALAR)
                .exclude(Kind.NONDIFF, "linear: no kinks or ties")
                .build();
    }

    // ---------------------------------------------------------------- one_hot

    private static final AtenKernel ONE_HOT = AtenKernel.of("aten::one_hot", "i: Tensor, n: int",
            "torch.one_hot(i, n)");

    private static OpInfo oneHot() {
        String op = "oneHot";
        List<Sample> c = new ArrayList<>();
        c.add(Sample.of("(2,3) inferred", kinds(), Attrs.of("numClasses", -1), Input.int64(s(2, 3), 0, 3, 1, 3, 2, 0)));
        c.add(Sample.of("(4,) 6 classes", kinds(), Attrs.of("numClasses", 6), Input.int64(s(4), 5, 0, 2, 2)));
        c.add(Sample.of("0-d", kinds(), Attrs.of("numClasses", 3), Input.int64(s(), 1)));
        c.add(Sample.of("empty, 3 classes", kinds(), Attrs.of("numClasses", 3), Input.int64(s(0, 2))));
        c.add(Sample.of("index 0 and the last class", kinds(Kind.EDGE), Attrs.of("numClasses", 4),
                Input.int64(s(2), 0, 3)));
        c.add(Sample.error("negative", "Class values must be non-negative.", Attrs.of("numClasses", -1),
                Input.int64(s(2), 1, -1)));
        c.add(Sample.error("too large", "Class values must be smaller than num_classes.", Attrs.of("numClasses", 3),
                Input.int64(s(2), 1, 3)));
        c.add(Sample.error("empty, inferred", "Can not infer total number of classes from empty tensor.",
                Attrs.of("numClasses", -1), Input.int64(s(0))));
        c.add(Sample.error("float input", "one_hot is only applicable to index tensor of type LongTensor.",
                Attrs.of("numClasses", 3), Input.constant(s(2), 0, 1)));
        return OpInfo.builder(op, "ops")
                .notDifferentiable("integer in, integer out")
                .fuzz(FuzzRule.templateShapes("class indices are integers the fuzzer does not draw"))
                .nano((in, a) -> F.oneHot(in[0], a.getInt("numClasses")))
                .torchKernel(ONE_HOT, (in, a) -> ONE_HOT.call(in[0], a.getInt("numClasses")))
                .samples(c)
                .exclude(Kind.BROADCAST, "one tensor input: nothing to broadcast")
                .exclude(Kind.SCALAR, NO_SCALAR)
                .exclude(Kind.DIMS, NO_DIMS)
                .build();
    }
}
