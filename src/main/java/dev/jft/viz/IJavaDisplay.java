package dev.jft.viz;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * Makes IJava show what the course kernel shows: charts as {@code image/png}, tables and
 * {@link RichOutput} values (quiz results, HTML tables) by their MIME bundles, and live
 * {@link Displays} that redraw in place. Without it IJava 1.3.0 prints a chart as
 * {@code org.knowm.xchart.CategoryChart@1b2c3d} and a table as plain text.
 *
 * <p>Inside IJava it registers one render function per type with IJava's renderer registry; the
 * function asks {@link MimeRenderer} for the bundle, so both kernels render with the same code.
 * Everything goes through reflection, so the library needs no IJava at compile time, and outside
 * IJava (the course kernel, a test, a terminal) nothing happens. The library's entry points
 * ({@code Course}, {@code EnvironmentReport}, {@code Quiz}, {@code Displays}, {@code MimeRenderer},
 * chart helpers) call {@link #install()} as they load, so a notebook needs no IJava-specific cell.
 *
 * <pre>{@code
 * boolean insideIJava = IJavaDisplay.install();   // idempotent; false outside IJava
 * }</pre>
 */
public final class IJavaDisplay {

    static final String KERNEL_CLASS = "io.github.spencerpark.ijava.IJava";
    private static final String BASE = "io.github.spencerpark.jupyter.kernel.display.";

    /** Every MIME type a bundle may hold; IJava asks a render function only for types it declared. */
    static final String[] MIME_TYPES = {"text/html", "image/png", "image/svg+xml", "text/markdown", "text/latex",
        "application/json", "text/plain"};

    /** The types registered with IJava; guarded by itself, as is {@link #renderer}. */
    private static final Set<Class<?>> TYPES = new LinkedHashSet<>(List.of(RichOutput.class, Chart.class, Table.class));
    private static volatile Object renderer; // IJava's registry once installed
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private IJavaDisplay() {}

    /**
     * Registers the course's renderers and display sink with the running IJava kernel, once.
     * Returns true inside IJava, false elsewhere (then it changes nothing).
     */
    public static boolean install() {
        // No lock is held while other classes load: install() runs from static initialisers, and a
        // lock here could deadlock two threads that initialise two of those classes at once.
        if (renderer != null) {
            return true;
        }
        Object kernel = kernelInstance();
        if (kernel == null) {
            return false; // not inside IJava, or before it started: a later call tries again
        }
        if (!STARTED.compareAndSet(false, true)) {
            return renderer != null; // another call installs (or failed to)
        }
        try {
            Object registry = kernel.getClass().getMethod("getRenderer").invoke(kernel);
            synchronized (TYPES) {
                for (Class<?> type : TYPES) {
                    register(registry, type);
                }
                renderer = registry;
            }
            Displays.install(new IJavaSink(Class.forName("io.github.spencerpark.ijava.runtime.Display", true,
                    kernel.getClass().getClassLoader())));
            return true;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            System.err.println("course: could not register the course's renderers with IJava (" + e
                    + "): charts and tables show as text. Use the course kernel (./course start) for rich output.");
            return false;
        }
    }

    /** Also shows values of {@code type} through {@link MimeRenderer} inside IJava ({@link MimeRenderer#register} calls it). */
    static void teach(Class<?> type) {
        synchronized (TYPES) {
            if (TYPES.add(type) && renderer != null) {
                try {
                    register(renderer, type);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("could not register " + type.getName() + " with IJava's renderer", e);
                }
            }
        }
    }

    /** The running IJava kernel, or null: IJava is not on the class path or has not started. */
    private static Object kernelInstance() {
        try {
            Class<?> ijava = Class.forName(KERNEL_CLASS, true, IJavaDisplay.class.getClassLoader());
            return ijava.getMethod("getKernelInstance").invoke(null);
        } catch (ClassNotFoundException e) {
            return null;
        } catch (ReflectiveOperationException | LinkageError e) {
            System.err.println("course: found IJava but could not reach its kernel (" + e + "); rich output stays off.");
            return null;
        }
    }

    /**
     * {@code registry.createRegistration(type).supporting(MIME_TYPES).preferring(MIME_TYPES).register(f)},
     * where f renders through {@link MimeRenderer}. Package-private for tests with a bare registry.
     */
    static void register(Object registry, Class<?> type) throws ReflectiveOperationException {
        ClassLoader ijava = registry.getClass().getClassLoader();
        Class<?> functionType = Class.forName(BASE + "RenderFunction", false, ijava);
        Object registration = registry.getClass().getMethod("createRegistration", Class.class).invoke(registry, type);
        Method supporting = registration.getClass().getMethod("supporting", String[].class);
        Method preferring = registration.getClass().getMethod("preferring", String[].class);
        supporting.invoke(registration, (Object) MIME_TYPES);
        preferring.invoke(registration, (Object) MIME_TYPES);
        Object function = Proxy.newProxyInstance(ijava, new Class<?>[] {functionType}, (proxy, method, args) ->
                switch (method.getName()) {
                    case "render" -> {
                        try {
                            write(MimeRenderer.render(args[0]), args[1]);
                        } catch (InvocationTargetException e) {
                            throw e.getCause(); // IJava shows the renderer's own error, not the reflection's
                        }
                        yield null;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> "course renderer for " + type.getName();
                });
        registration.getClass().getMethod("register", functionType).invoke(registration, function);
    }

    /** Puts the bundle's entries into IJava's output: text/plain always, the others where requested. */
    private static void write(Map<String, String> bundle, Object context) throws ReflectiveOperationException {
        ClassLoader ijava = context.getClass().getClassLoader();
        Class<?> mimeType = Class.forName(BASE + "mime.MIMEType", false, ijava);
        Method parse = mimeType.getMethod("parse", String.class);
        Method renderIfRequested = context.getClass().getMethod("renderIfRequested", mimeType, Supplier.class);
        Object output = context.getClass().getMethod("getOutputContainer").invoke(context);
        for (Map.Entry<String, String> entry : bundle.entrySet()) {
            if (entry.getKey().equals("text/plain")) {
                output.getClass().getMethod("putText", String.class).invoke(output, entry.getValue());
            } else {
                Supplier<Object> value = entry::getValue;
                renderIfRequested.invoke(context, parse.invoke(null, entry.getKey()), value);
            }
        }
    }

    /** Live displays through IJava's own {@code display} and {@code updateDisplay}, which use the registry above. */
    private static final class IJavaSink implements DisplaySink {
        private final Method display;
        private final Method update;

        IJavaSink(Class<?> displayFunctions) throws NoSuchMethodException {
            display = displayFunctions.getMethod("display", Object.class);
            update = displayFunctions.getMethod("updateDisplay", String.class, Object.class);
        }

        @Override
        public String display(Object value) {
            return (String) call(display, value);
        }

        @Override
        public void update(String displayId, Object value) {
            call(update, displayId, value);
        }

        private static Object call(Method method, Object... args) {
            try {
                return method.invoke(null, args);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(method + " is not accessible", e);
            }
        }
    }
}
