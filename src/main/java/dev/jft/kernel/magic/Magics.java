package dev.jft.kernel.magic;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The registry of line magics ({@code %name}) and cell magics ({@code %%name}) the kernel knows.
 *
 * <pre>{@code
 * Magics magics = new Magics();
 * magics.line("jars", args -> { classpath.addJars(args); return null; });
 * magics.runLine("jars", List.of("lib/*.jar"));
 * }</pre>
 */
public final class Magics {

    /** A magic on one line; returns a value to show, or null. */
    @FunctionalInterface
    public interface LineMagic {
        Object run(List<String> args) throws Exception;
    }

    /** A magic over a whole cell; returns a value to show, or null. */
    @FunctionalInterface
    public interface CellMagic {
        Object run(List<String> args, String body) throws Exception;
    }

    private final Map<String, LineMagic> lineMagics = new TreeMap<>();
    private final Map<String, CellMagic> cellMagics = new TreeMap<>();

    /** Registers a line magic under {@code name}. */
    public Magics line(String name, LineMagic magic) {
        lineMagics.put(name, magic);
        return this;
    }

    /** Registers a cell magic under {@code name}. */
    public Magics cell(String name, CellMagic magic) {
        cellMagics.put(name, magic);
        return this;
    }

    /** Runs line magic {@code name}; an unknown name is an error listing the known magics. */
    public Object runLine(String name, List<String> args) throws Exception {
        LineMagic magic = lineMagics.get(name);
        if (magic == null) {
            throw new MagicException("Unknown line magic %" + name + ". " + known());
        }
        return magic.run(args);
    }

    /** Runs cell magic {@code name}; an unknown name is an error listing the known magics. */
    public Object runCell(String name, List<String> args, String body) throws Exception {
        CellMagic magic = cellMagics.get(name);
        if (magic == null) {
            throw new MagicException("Unknown cell magic %%" + name + ". " + known());
        }
        return magic.run(args, body);
    }

    /** A sentence listing the available magics. */
    public String known() {
        return "Line magics: " + String.join(", ", lineMagics.keySet().stream().map(n -> "%" + n).toList())
                + "; cell magics: " + String.join(", ", cellMagics.keySet().stream().map(n -> "%%" + n).toList()) + ".";
    }
}
