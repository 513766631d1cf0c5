package dev.nano.badinput;

import dev.nano.Nano;
import dev.nano.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * Misusing autograd: backward where it cannot run, a second backward through a freed graph, a
 * backward after an in-place change, gradients of the wrong shape. Each failure must leave every
 * leaf's gradient as it was, including when it happens halfway through the graph.
 */
final class AutogradCases {
    private static final Class<IllegalStateException> ISE = IllegalStateException.class;
    private static final Class<IllegalArgumentException> IAE = IllegalArgumentException.class;

    private AutogradCases() {
    }

    private static Tensor leaf(double... values) {
        return Nano.tensor(values).requiresGrad(true);
    }

    static List<BadCase> cases() {
        List<BadCase> list = new ArrayList<>();
        BadCase.Rows r = new BadCase.Rows("autograd", list);
        Tensor plain = Nano.tensor(1, 2);
        r.add("backward() on a tensor that does not require grad", ISE,
                "element 0 of tensors does not require grad and does not have a grad_fn", () -> plain.sum().backward());
        Tensor a = leaf(1, 2);
        Tensor vector = a.mul(2.0);
        r.addTouching("backward() on a non-scalar without a gradient", ISE,
                "grad can be implicitly created only for scalar outputs", vector::backward, a);
        r.addTouching("backward(gradient of the wrong shape)", IAE,
                "Mismatch in shape: grad_output[0] has a shape of [3] and output[0] has a shape of [2]",
                () -> vector.backward(Nano.ones(3)), a);
        r.addTouching("leaf.backward(gradient of the wrong shape)", IAE, "Mismatch in shape",
                () -> a.backward(Nano.ones(1, 2)), a);
        Tensor b = leaf(3);
        Tensor once = b.mul(b).sum();
        once.backward();
        r.addTouching("a second backward through a freed graph", ISE,
                "Trying to backward through the graph a second time", once::backward, b);
        // Halfway: one branch of the graph can be differentiated, the other was modified in place.
        for (boolean failingBranchFirst : new boolean[] {true, false}) {
            Tensor good = leaf(1, 2);
            Tensor stale = leaf(3, 4);
            good.setGrad(Nano.tensor(10, 20));
            Tensor goodBranch = good.mul(3.0).exp();
            Tensor staleBranch = stale.mul(stale);
            Tensor loss = (failingBranchFirst ? staleBranch.add(goodBranch) : goodBranch.add(staleBranch)).sum();
            Tensor marked = stale.detach(); // shares the version counter, as an optimizer's write would
            marked.markModifiedInPlace();
            r.addTouching("backward halfway into an in-place change (" + (failingBranchFirst ? "failing branch first"
                    : "good branch first") + ")", ISE, "modified by an inplace operation", loss::backward, good, stale);
        }
        Tensor c = leaf(1, 2);
        Tensor retained = c.mul(2.0);
        retained.retainGrad();
        Tensor withRetained = retained.mul(retained).sum().add(c.mul(c).sum());
        c.detach().markModifiedInPlace();
        r.addTouching("backward into an in-place change, with a retained grad upstream", ISE,
                "modified by an inplace operation", withRetained::backward, c, retained);
        Tensor d = leaf(1, 2);
        Tensor computed = d.mul(2.0);
        r.addTouching("requiresGrad(false) on a non-leaf", ISE,
                "you can only change requires_grad flags of leaf variables", () -> computed.requiresGrad(false), d);
        r.add("retainGrad() on a tensor that does not require grad", ISE,
                "can't retain_grad on Tensor that has requires_grad=False", () -> Nano.tensor(1).retainGrad());
        Tensor e = leaf(1, 2);
        e.setGrad(Nano.tensor(5, 6));
        r.addTouching("setGrad(gradient of another shape)", IAE,
                "assigned grad has data of a different size: expected [2], got [3]", () -> e.setGrad(Nano.ones(3)), e);
        r.addTouching("setGrad(the tensor itself)", IAE, "can't assign Variable as its own grad", () -> e.setGrad(e), e);
        r.add("item() of a 3-element tensor", ISE, "a Tensor with 3 elements cannot be converted to Scalar",
                () -> Nano.tensor(1, 2, 3).item());
        r.add("item() of an empty tensor", ISE, "a Tensor with 0 elements cannot be converted to Scalar",
                () -> Nano.zeros(0).item());
        Tensor f = leaf(1, 2);
        Tensor square = f.mul(f).sum();
        f.detach().markModifiedInPlace();
        r.addTouching("backward into an in-place change, called inside a noGrad scope", ISE,
                "modified by an inplace operation", () -> {
                    try (var ignored = Nano.noGrad()) {
                        square.backward();
                    }
                }, f);
        return list;
    }
}
