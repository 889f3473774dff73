package dev.jft.train.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A linear layer computed in bfloat16 with float32 inputs, weights and output: the one route to
 * bf16 kernels that DJL 0.35.1 leaves open. DJL's own {@code toType(DataType.BFLOAT16)} aborts the
 * JVM (its native type table has no bf16), so the casts happen inside a TorchScript module, where
 * no bf16 tensor ever crosses into Java. Called in training mode, autograd runs through the casts:
 * gradients reach the float32 weights (mixed precision with float32 master weights).
 *
 * <p>The module is written by this class (a TorchScript archive is a zip of TorchScript source and
 * two small pickles), so neither Python nor a download is needed.
 *
 * <pre>{@code
 * try (TorchScriptBf16Linear linear = TorchScriptBf16Linear.load(manager, folder)) {
 *     NDArray y = linear.apply(x, weight, bias, false);   // x [rows, in], weight [out, in], bias [out]
 * }
 * }</pre>
 */
public final class TorchScriptBf16Linear implements AutoCloseable {

    static final String FILE_NAME = "bf16_linear.pt";
    // PyTorch's scalar-type codes in TorchScript source: 15 is bfloat16, 6 is float32.
    private static final String SOURCE = String.join("\n",
            "class Bf16Linear(Module):",
            "  __parameters__ = []",
            "  __buffers__ = []",
            "  training : bool",
            "  def forward(self: __torch__.Bf16Linear,",
            "    x: Tensor,",
            "    w: Tensor,",
            "    b: Tensor) -> Tensor:",
            "    _0 = torch.linear(torch.to(x, 15), torch.to(w, 15), torch.to(b, 15))",
            "    return torch.to(_0, 6)",
            "");

    private final PtSymbolBlock module;
    private final ParameterStore noParameters;

    private TorchScriptBf16Linear(PtSymbolBlock module, NDManager manager) {
        this.module = module;
        this.noParameters = new ParameterStore(manager, false);
    }

    /** Writes the module into {@code folder} and loads it into {@code manager}'s PyTorch engine. */
    public static TorchScriptBf16Linear load(NDManager manager, Path folder) throws IOException {
        if (!(manager instanceof PtNDManager pytorch)) {
            throw new IllegalArgumentException("TorchScript modules need DJL's PyTorch engine, not "
                    + manager.getEngine().getEngineName());
        }
        Path file = write(folder.resolve(FILE_NAME));
        return new TorchScriptBf16Linear(JniUtils.loadModule(pytorch, file, true, new String[0], new String[0], false),
                manager);
    }

    /** {@code x . weight^T + bias} in bf16, returned as float32; {@code training} keeps autograd on. */
    public NDArray apply(NDArray x, NDArray weight, NDArray bias, boolean training) {
        return module.forward(noParameters, new NDList(x, weight, bias), training).singletonOrThrow();
    }

    @Override
    public void close() {
        module.close();
    }

    /** The TorchScript archive: the class source, the module object (a pickle), no constants. */
    static Path write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            stored(zip, "bf16_linear/data.pkl", modulePickle());
            stored(zip, "bf16_linear/code/__torch__.py", SOURCE.getBytes(StandardCharsets.UTF_8));
            stored(zip, "bf16_linear/constants.pkl", new byte[] {(byte) 0x80, 2, ')', '.'}); // an empty tuple
            stored(zip, "bf16_linear/version", "3\n".getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    /** Pickle protocol 2 of {@code __torch__.Bf16Linear()} with its state {@code {"training": True}}. */
    private static byte[] modulePickle() {
        ByteArrayOutputStream pickle = new ByteArrayOutputStream();
        byte[] key = "training".getBytes(StandardCharsets.UTF_8);
        pickle.writeBytes(new byte[] {(byte) 0x80, 2}); // PROTO 2
        pickle.writeBytes("c__torch__\nBf16Linear\n".getBytes(StandardCharsets.US_ASCII)); // GLOBAL
        pickle.writeBytes(new byte[] {')', (byte) 0x81, '}', 'X', (byte) key.length, 0, 0, 0}); // NEWOBJ, {, key
        pickle.writeBytes(key);
        pickle.writeBytes(new byte[] {(byte) 0x88, 's', 'b', '.'}); // True, SETITEM, BUILD, STOP
        return pickle.toByteArray();
    }

    /** Uncompressed entries, as PyTorch writes them. */
    private static void stored(ZipOutputStream zip, String name, byte[] data) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(data);
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(data.length);
        entry.setCompressedSize(data.length);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(data);
        zip.closeEntry();
    }
}
