package dev.nano.oracle.optim;

import dev.nano.Nano;
import dev.nano.Tensor;
import dev.nano.optim.Adagrad;
import dev.nano.optim.Adam;
import dev.nano.optim.AdamW;
import dev.nano.optim.Optimizer;
import dev.nano.optim.ParamGroup;
import dev.nano.optim.RMSprop;
import dev.nano.optim.SGD;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Constructions torch.optim rejects, with its messages: PyTorch's own error inputs
 * ({@code optim_error_inputs_func_*} in {@code torch/testing/_internal/common_optimizers.py}) and the
 * other checks of the optimizers' constructors ({@code torch/optim/optimizer.py}, {@code sgd.py},
 * {@code rmsprop.py}, {@code adagrad.py}, {@code adam.py}, {@code adamw.py}).
 *
 * <p>These messages come from Python ({@code torch/optim/*.py}: {@code raise ValueError(f"Invalid
 * learning rate: {lr}")}), which libtorch, and so DJL, never runs. The expected strings are
 * therefore quoted from the spec, which quotes torch.optim's source, with numbers printed as Python
 * prints floats; they are not read from a fixture.
 */
public final class OptimErrorCases {
    private OptimErrorCases() {
    }

    /**
     * One construction torch.optim rejects.
     *
     * @param id      the optimizer's name and what is wrong, e.g. {@code sgd[lr=-1]}
     * @param build   builds the optimizer over the given parameters; must throw
     *                {@code IllegalArgumentException} with {@code message}
     * @param message torch.optim's message
     */
    public record ErrorCase(String id, Function<List<Tensor>, Optimizer> build, String message) {
        /** @return the optimizer the case builds: the id up to its first {@code [} */
        public String optimizer() {
            int bracket = id.indexOf('[');
            return bracket < 0 ? id : id.substring(0, bracket);
        }

        @Override
        public String toString() {
            return id;
        }
    }

    /**
     * Every optimizer error case.
     * @return the cases
     */
    public static List<ErrorCase> all() {
        List<ErrorCase> c = new ArrayList<>();
        // Shared by every optimizer (get_error_inputs_for_all_optims and Optimizer.__init__).
        c.add(new ErrorCase("sgd[params=[]]", p -> SGD.builder(List.of()).build(),
                "optimizer got an empty parameter list"));
        c.add(new ErrorCase("adam[params=[]]", p -> Adam.builder(List.of()).build(),
                "optimizer got an empty parameter list"));
        c.add(new ErrorCase("sgd[params=[],lr=-1] (hyperparameters are checked first)",
                p -> SGD.builder(List.of()).lr(-1).build(), "Invalid learning rate: -1.0"));
        c.add(new ErrorCase("adagrad[one param in two groups]",
                p -> Adagrad.builder(ParamGroup.of(p.get(0), p.get(1)), ParamGroup.of(p.get(1))).build(),
                "some parameters appear in more than one parameter group"));
        c.add(new ErrorCase("rmsprop[one param in two groups]",
                p -> RMSprop.builder(ParamGroup.of(p.get(0)), ParamGroup.of(p.get(0))).build(),
                "some parameters appear in more than one parameter group"));
        c.add(new ErrorCase("adamw[non-leaf param]", p -> AdamW.builder(p.get(0).mul(2.0)).build(),
                "can't optimize a non-leaf Tensor"));
        // SGD
        c.add(new ErrorCase("sgd[lr=-1]", p -> SGD.builder(p).lr(-1).build(), "Invalid learning rate: -1.0"));
        c.add(new ErrorCase("sgd[lr=0.01,momentum=-0.5]", p -> SGD.builder(p).lr(1e-2).momentum(-0.5).build(),
                "Invalid momentum value: -0.5"));
        c.add(new ErrorCase("sgd[weight_decay=-0.1]", p -> SGD.builder(p).weightDecay(-0.1).build(),
                "Invalid weight_decay value: -0.1"));
        c.add(new ErrorCase("sgd[nesterov]", p -> SGD.builder(p).nesterov(true).build(),
                "Nesterov momentum requires a momentum and zero dampening"));
        c.add(new ErrorCase("sgd[momentum=0.9,dampening=0.1,nesterov]",
                p -> SGD.builder(p).momentum(0.9).dampening(0.1).nesterov(true).build(),
                "Nesterov momentum requires a momentum and zero dampening"));
        // Adam and AdamW (AdamW's checks are Adam's)
        for (String name : List.of("adam", "adamw")) {
            boolean w = name.equals("adamw");
            c.add(new ErrorCase(name + "[lr=-0.001]",
                    p -> w ? AdamW.builder(p).lr(-1e-3).build() : Adam.builder(p).lr(-1e-3).build(),
                    "Invalid learning rate: -0.001"));
            c.add(new ErrorCase(name + "[eps=-1e-08]",
                    p -> w ? AdamW.builder(p).eps(-1e-8).build() : Adam.builder(p).eps(-1e-8).build(),
                    "Invalid epsilon value: -1e-08"));
            c.add(new ErrorCase(name + "[lr=0.01,betas=(1.0,0.0)]",
                    p -> w ? AdamW.builder(p).lr(1e-2).betas(1.0, 0.0).build()
                            : Adam.builder(p).lr(1e-2).betas(1.0, 0.0).build(),
                    "Invalid beta parameter at index 0: 1.0"));
            c.add(new ErrorCase(name + "[betas=(0.9,1.0)]",
                    p -> w ? AdamW.builder(p).betas(0.9, 1.0).build() : Adam.builder(p).betas(0.9, 1.0).build(),
                    "Invalid beta parameter at index 1: 1.0"));
            c.add(new ErrorCase(name + "[lr=0.01,weight_decay=-1]",
                    p -> w ? AdamW.builder(p).lr(1e-2).weightDecay(-1).build()
                            : Adam.builder(p).lr(1e-2).weightDecay(-1).build(),
                    "Invalid weight_decay value: -1.0"));
        }
        // Adagrad
        c.add(new ErrorCase("adagrad[lr=-0.1]", p -> Adagrad.builder(p).lr(-0.1).build(),
                "Invalid learning rate: -0.1"));
        c.add(new ErrorCase("adagrad[lr=0.01,lr_decay=-0.5]", p -> Adagrad.builder(p).lr(1e-2).lrDecay(-0.5).build(),
                "Invalid lr_decay value: -0.5"));
        c.add(new ErrorCase("adagrad[weight_decay=-0.1]", p -> Adagrad.builder(p).weightDecay(-0.1).build(),
                "Invalid weight_decay value: -0.1"));
        c.add(new ErrorCase("adagrad[initial_accumulator_value=-1]",
                p -> Adagrad.builder(p).initialAccumulatorValue(-1).build(),
                "Invalid initial_accumulator_value value: -1.0"));
        c.add(new ErrorCase("adagrad[eps=-1e-10]", p -> Adagrad.builder(p).eps(-1e-10).build(),
                "Invalid epsilon value: -1e-10"));
        // RMSprop
        c.add(new ErrorCase("rmsprop[lr=nan]", p -> RMSprop.builder(p).lr(Double.NaN).build(),
                "Invalid learning rate: nan"));
        c.add(new ErrorCase("rmsprop[eps=-1e-08]", p -> RMSprop.builder(p).eps(-1e-8).build(),
                "Invalid epsilon value: -1e-08"));
        c.add(new ErrorCase("rmsprop[lr=0.01,momentum=-1.0]", p -> RMSprop.builder(p).lr(1e-2).momentum(-1.0).build(),
                "Invalid momentum value: -1.0"));
        c.add(new ErrorCase("rmsprop[weight_decay=-0.1]", p -> RMSprop.builder(p).weightDecay(-0.1).build(),
                "Invalid weight_decay value: -0.1"));
        c.add(new ErrorCase("rmsprop[alpha=-0.5]", p -> RMSprop.builder(p).alpha(-0.5).build(),
                "Invalid alpha value: -0.5"));
        return c;
    }

    /**
     * Two parameters with gradients, for the error cases to be built over.
     * @return the parameters
     */
    public static List<Tensor> sampleParams() {
        Tensor a = Nano.tensor(0.5, -1.5).requiresGrad(true);
        Tensor b = Nano.scalar(2.0).requiresGrad(true);
        a.setGrad(Nano.tensor(0.25, 0.75));
        b.setGrad(Nano.scalar(-1.0));
        return List.of(a, b);
    }
}
