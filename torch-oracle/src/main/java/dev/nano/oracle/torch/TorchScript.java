package dev.nano.oracle.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.JniUtils;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The TorchScript bridge: a module written by hand as TorchScript source, loaded into libtorch,
 * whose methods are called from Java with autograd on. It reaches every {@code aten} operator,
 * including the many DJL has no Java call for: TorchScript compiles {@code torch.expm1(x)} to the
 * very {@code aten::expm1} that Python's {@code torch.expm1} dispatches to, with the same
 * autograd formula (derivatives.yaml; the graph executor's optimizer is off, see {@link #call}) and the
 * same C++ error messages.
 *
 * <p>A TorchScript archive is a zip: {@code code/__torch__.py} holds the class source,
 * {@code data.pkl} a pickled instance (a module with only its {@code training} flag),
 * {@code constants.pkl} an empty tuple, {@code version} the file format version.
 */
public final class TorchScript {
    private final String className;
    private final String methods;
    private PtSymbolBlock module;

    private TorchScript(String className, String methods) {
        this.className = className;
        this.methods = methods;
    }

    /**
     * A module named {@code className} holding {@code methods}: TorchScript method definitions,
     * indented by two spaces, whose {@code self} is annotated {@code __torch__.<className>}.
     *
     * @param className a Python identifier, unique among the modules of this JVM
     * @param methods   the methods' source
     * @return the module, loaded on its first call
     */
    public static TorchScript of(String className, String methods) {
        return new TorchScript(className, methods);
    }

    /**
     * Calls one method with autograd on. DJL's public {@code IValueUtils.runMethod} runs methods
     * in inference mode (no graph, so no backward); the native call it wraps takes an
     * "is training" flag, which is reached here by reflection. The arguments are closed.
     *
     * @param method  the method's name
     * @param manager where the result tensor is attached
     * @param args    the arguments, in order (see {@link #tensor})
     * @return the method's tensor result
     * @throws RuntimeException with PyTorch's own message ("RuntimeError: ...") when the kernel refuses
     */
    public NDArray call(String method, NDManager manager, List<IValue> args) {
        long[] handles = args.stream().mapToLong(IValue::getHandle).toArray();
        // Without this, from a method's second call on, libtorch's profiling graph executor fuses
        // differentiable nodes into a DifferentiableGraph whose backward is TorchScript's own autodiff
        // formula (symbolic_script), not derivatives.yaml's: s / t (t.reciprocal() * s) then got the
        // gradient -g · r · r instead of eager's -g · (r · r), finite where eager's overflows, and the
        // answer depended on how often the method had run. The flag is per thread, hence set per call.
        JniUtils.setGraphExecutorOptimize(false);
        try {
            Object lib = libraryField().get(null);
            long result = (Long) runMethod().invoke(lib, module().getHandle(), method, handles, true, false);
            try (IValue out = newIValue(result)) {
                return out.toTensor((PtNDManager) manager);
            }
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new RuntimeException(cleanMessage(cause.getMessage()), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call DJL's moduleRunMethod", e);
        } finally {
            args.forEach(IValue::close);
        }
    }

    /**
     * A tensor argument.
     *
     * @param a a tensor of DJL's PyTorch engine
     * @return its IValue
     */
    public static IValue tensor(NDArray a) {
        return IValue.from((PtNDArray) a);
    }

    /**
     * The TorchScript interpreter prefixes a traceback; keep the error itself ("RuntimeError: ...").
     *
     * @param message the interpreter's message, or null
     * @return the last "...Error: ..." line and what follows it, or the message unchanged
     */
    public static String cleanMessage(String message) {
        if (message == null) {
            return null;
        }
        String[] lines = message.split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (lines[i].matches("^[A-Za-z]*Error: .*")) {
                return String.join("\n", Arrays.copyOfRange(lines, i, lines.length)).strip();
            }
        }
        return message;
    }

    private static Field libraryField() throws ReflectiveOperationException {
        Field f = Class.forName("ai.djl.pytorch.jni.PyTorchLibrary").getDeclaredField("LIB");
        f.setAccessible(true);
        return f;
    }

    private static Method runMethod() throws ReflectiveOperationException {
        Method m = Class.forName("ai.djl.pytorch.jni.PyTorchLibrary").getDeclaredMethod("moduleRunMethod",
                long.class, String.class, long[].class, boolean.class, boolean.class);
        m.setAccessible(true);
        return m;
    }

    private static IValue newIValue(long handle) throws ReflectiveOperationException {
        Constructor<IValue> c = IValue.class.getDeclaredConstructor(long.class);
        c.setAccessible(true);
        return c.newInstance(handle);
    }

    /** The module, built and loaded once per JVM (it lives as long as the base manager). */
    synchronized PtSymbolBlock module() {
        if (module == null) {
            NDManager base = TorchEngine.baseManager();
            try {
                module = JniUtils.loadModule((PtNDManager) base, new ByteArrayInputStream(archive()), false, false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return module;
    }

    /** The class source: the methods under a module header with only the {@code training} attribute. */
    String source() {
        return String.join("\n",
                "class " + className + "(Module):",
                "  __parameters__ = []",
                "  __buffers__ = []",
                "  training : bool",
                methods,
                "");
    }

    /** The TorchScript zip: class source, pickled instance, constants, format version. */
    byte[] archive() {
        try {
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(zip)) {
                String dir = className.toLowerCase(java.util.Locale.ROOT);
                store(z, dir + "/data.pkl", pickledInstance());
                store(z, dir + "/code/__torch__.py", source().getBytes(StandardCharsets.UTF_8));
                store(z, dir + "/constants.pkl", new byte[] {(byte) 0x80, 2, ')', '.'}); // PROTO 2, (), STOP
                // Version 10, as torch.jit.save writes for code calling gelu(approximate=...): source
                // loaded with an older version is compiled against the old operator schemas
                // (gelu_0_9 has no approximate). The upgraders between 3 and 10 (div, full,
                // linspace, logspace, gelu) change nothing for the float64 calls made here.
                store(z, dir + "/version", "10\n".getBytes(StandardCharsets.US_ASCII));
            }
            return zip.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Pickle protocol 2 of {@code __torch__.<className>()} with {@code training = True}:
     * GLOBAL, EMPTY_TUPLE, NEWOBJ, then BUILD with the attribute dict.
     */
    private byte[] pickledInstance() throws IOException {
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.write(new byte[] {(byte) 0x80, 2});                                     // PROTO 2
        p.write(('c' + "__torch__\n" + className + "\n").getBytes(StandardCharsets.US_ASCII)); // GLOBAL
        p.write(new byte[] {'q', 0, ')', (byte) 0x81, 'q', 1});                    // BINPUT, EMPTY_TUPLE, NEWOBJ
        p.write(new byte[] {'}', 'q', 2, 'X', 8, 0, 0, 0});                        // EMPTY_DICT, BINUNICODE(8)
        p.write("training".getBytes(StandardCharsets.US_ASCII));
        p.write(new byte[] {'q', 3, (byte) 0x88, 's', 'b', '.'});                  // NEWTRUE, SETITEM, BUILD, STOP
        return p.toByteArray();
    }

    /** Zip entries are stored uncompressed, as torch.jit.save writes them. */
    private static void store(ZipOutputStream z, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        e.setCompressedSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        z.putNextEntry(e);
        z.write(data);
        z.closeEntry();
    }
}
