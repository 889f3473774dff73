package dev.jft.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.jft.course.Folders;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code ./course hub} end to end on loopback: two learners of a class group and one outsider are made
 * as local Unix users; the hub serves the learner edition; each learner logs in over HTTP, starts their
 * server and a course kernel, answers a quiz question in it and saves their notebook; their gradebooks
 * and folders are their own; then the hub stops with nothing left running, and {@code ./course hub
 * collect} and {@code return} grade the saved notebooks and hand each learner their feedback page.
 * The users and the group are removed afterwards. Needs root (useradd, and the hub itself).
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class HubEndToEndTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final String GROUP = "jfthub-e2e";
    private static final String ADA = "jfte2e-ada";
    private static final String BOB = "jfte2e-bob";
    /** A user of the machine outside the class's group: the hub must not let them in. */
    private static final String EVE = "jfte2e-eve";
    private static final String PASSWORD = "e2e-Pass-" + Long.toHexString(System.nanoTime());
    private static final String FOLDER = "java-fine-tuning-course";
    private static final String LESSON = "00-welcome";
    /** The hub's folder (the built learner edition, its state), made for this run and removed after it. */
    private static Path hubDir;
    private static final Duration CELL = Duration.ofMinutes(2);

    private static Process hub;
    private static Path log;

    @BeforeAll
    static void makeTheClass() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the hub test needs Linux (PAM users, runuser)");
        assumeTrue("root".equals(System.getProperty("user.name")),
                "the hub test needs root: it creates local users with useradd and the hub starts servers as them");
        removeTheClass();
        hubDir = Files.createTempDirectory("jft-hub-e2e");
        Files.setPosixFilePermissions(hubDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        sh("groupadd", GROUP);
        for (String learner : List.of(ADA, BOB, EVE)) {
            List<String> useradd = new ArrayList<>(List.of("useradd", "--create-home", "--shell", "/bin/sh"));
            if (!learner.equals(EVE)) {
                useradd.addAll(List.of("--groups", GROUP));
            }
            useradd.add(learner);
            sh(useradd.toArray(String[]::new));
            shWithInput(learner + ":" + PASSWORD + "\n", "chpasswd");
        }
    }

    @AfterAll
    static void removeTheClass() throws Exception {
        if (hub != null && hub.isAlive()) {
            stopHub();
        }
        for (String learner : List.of(ADA, BOB, EVE)) {
            if (run("id", "-u", learner).exitCode == 0) {
                // Only what this test started as its own users, if a failure left any, by process id.
                for (String pid : run("pgrep", "-u", learner).output.strip().split("\\s+")) {
                    if (!pid.isEmpty()) {
                        ProcessHandle.of(Long.parseLong(pid)).ifPresent(process -> {
                            process.destroyForcibly();
                            process.onExit().completeOnTimeout(process, 10, TimeUnit.SECONDS).join();
                        });
                    }
                }
                sh("userdel", "--remove", learner);
            }
        }
        if (run("getent", "group", GROUP).exitCode == 0) {
            sh("groupdel", GROUP);
        }
        if (hubDir != null) {
            Folders.delete(hubDir);
        }
    }

    @Test
    void aClassWorksApartOnOneHubAndIsGradedFromItsFolders() throws Exception {
        int port = freePortWithTwoAfter();
        String base = "http://127.0.0.1:" + port;
        startHub(port);

        HubClient ada = new HubClient(base, ADA);
        HubClient bob = new HubClient(base, BOB);
        assertFalse(ada.logIn("wrong-" + PASSWORD), "a wrong password logs nobody in");
        assertFalse(new HubClient(base, EVE).logIn(PASSWORD), "a user of the machine outside the group " + GROUP + " is refused");
        assertFalse(new HubClient(base, "nobody-such-user").logIn(PASSWORD), "no sign-up: an unknown name is refused");

        Map<HubClient, String> answers = new LinkedHashMap<>();
        answers.put(ada, "B");   // welcome-q1's right answer
        answers.put(bob, "A");
        Map<HubClient, String> kernels = new LinkedHashMap<>();
        for (HubClient learner : answers.keySet()) {
            assertTrue(learner.logIn(PASSWORD), learner.user() + " logs in with the form");
            learner.getToken(PASSWORD);
            learner.startServer(Duration.ofMinutes(2));
            kernels.put(learner, learner.server("POST", "/api/kernels", "{\"name\": \"java\"}")
                    .getAsJsonObject().get("id").getAsString());
        }
        assertEquals(403, bob.status("GET", "/user/" + ADA + "/api/contents"), "bob's token does not open ada's server");

        for (HubClient learner : answers.keySet()) {
            try (KernelChannel kernel = KernelChannel.open(learner.channels(kernels.get(learner)), learner.token())) {
                String setting = kernel.run("System.getProperty(\"user.name\") + \" \" + System.getenv(\"COURSE_LEARNER\") + \" \""
                        + " + System.getenv(\"OMP_NUM_THREADS\") + \" \" + Runtime.getRuntime().maxMemory() / (1 << 20)", CELL);
                assertTrue(setting.contains(learner.user() + " " + learner.user() + " 1 "), setting);
                long heapMiB = Long.parseLong(setting.replaceAll("(?s).* (\\d+)\\D*$", "$1"));
                assertTrue(heapMiB <= 2048, "the hub's default heap is 2 GB, not 6: " + setting);
                String answered = kernel.run("import dev.jft.quiz.*;\nQuiz.answer(\"welcome-q1\", \""
                        + answers.get(learner) + "\")", CELL);
                assertFalse(answered.contains("ERROR"), answered);
                String other = learner == ada ? BOB : ADA;
                String peek = kernel.run("java.nio.file.Files.list(java.nio.file.Path.of(\"/home/" + other + "\")).count()", CELL);
                assertTrue(peek.contains("AccessDeniedException"), learner.user() + " must not read " + other + "'s home: " + peek);
            }
            saveAnswer(learner, answers.get(learner));
        }

        for (String learner : List.of(ADA, BOB)) {
            Path home = Path.of("/home", learner);
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE),
                    Files.getPosixFilePermissions(home), learner + "'s home is closed to the rest of the class");
            String gradebook = Files.readString(home.resolve(".java-fine-tuning-course/gradebook.jsonl"));
            String other = learner.equals(ADA) ? BOB : ADA;
            assertTrue(gradebook.contains("welcome-q1") && gradebook.contains(learner), gradebook);
            assertFalse(gradebook.contains(other), learner + "'s gradebook holds only their own attempts: " + gradebook);
            assertEquals(learner, Files.getOwner(home.resolve(FOLDER + "/notebooks/" + LESSON + ".ipynb")).getName());
        }

        stopHub();
        // The hub asks every server to stop and exits without waiting for them: a server shuts its kernel
        // down, and a kernel whose server is gone ends itself within a second or two (ParentWatchdog).
        long stopped = System.nanoTime();
        for (String learner : List.of(ADA, BOB)) {
            String left = run("pgrep", "-u", learner).output.strip();
            while (!left.isEmpty() && System.nanoTime() - stopped < Duration.ofSeconds(30).toNanos()) {
                Thread.sleep(200);
                left = run("pgrep", "-u", learner).output.strip();
            }
            assertEquals("", left, "no process of " + learner + " outlives the hub by 30 s: "
                    + run("ps", "-o", "pid,args", "-u", learner).output);
        }
        System.out.printf("HubEndToEndTest: the learners' last processes ended %.1f s after the hub%n",
                (System.nanoTime() - stopped) / 1e9);
        assertTrue(portIsFree(port) && portIsFree(port + 1) && portIsFree(port + 2), "the hub and its proxy released their ports");

        Path out = Files.createTempDirectory("hub-grades");
        Result collected = run(hubCommand("collect", LESSON, out.toString()));
        assertEquals(0, collected.exitCode, "./course hub collect failed:\n" + collected.output);
        assertTrue(collected.output.contains("Collected 2 notebooks of " + LESSON), collected.output);
        List<String> csv = Files.readAllLines(out.resolve("grades.csv"));
        System.out.println("HubEndToEndTest grades.csv:\n" + String.join("\n", csv));
        List<String> header = List.of(fields(csv.get(0)));
        int q1 = header.indexOf(header.stream().filter(h -> h.startsWith("welcome-q1 ")).findFirst().orElseThrow());
        assertTrue(row(csv, ADA)[q1].matches("[1-9].*"), "ada answered right: " + String.join("\n", csv));
        assertEquals("0", row(csv, BOB)[q1], "bob answered wrong: " + String.join("\n", csv));

        sh(hubCommand("return", LESSON, out.toString()));
        for (String learner : List.of(ADA, BOB)) {
            Path page = Path.of("/home", learner, FOLDER, "feedback", LESSON + ".html");
            assertEquals(Files.readString(out.resolve("grades-feedback/" + learner + ".html")), Files.readString(page));
            assertEquals(learner, Files.getOwner(page).getName(), "the learner's own file");
        }
    }

    /** The learner edits welcome-q1's cell and saves the notebook through their server, as in the browser. */
    private static void saveAnswer(HubClient learner, String answer) throws Exception {
        String path = "/api/contents/notebooks/" + LESSON + ".ipynb";
        JsonObject model = learner.server("GET", path, null).getAsJsonObject();
        JsonArray cells = model.getAsJsonObject("content").getAsJsonArray("cells");
        boolean edited = false;
        for (var cell : cells) {
            JsonObject c = cell.getAsJsonObject();
            String source = c.get("source").getAsString();
            if (source.startsWith("Quiz.answer(\"welcome-q1\", \"?\")")) {
                c.addProperty("source", "Quiz.answer(\"welcome-q1\", \"" + answer + "\")");
                edited = true;
            }
        }
        assertTrue(edited, "lesson 00 asks welcome-q1 in a cell of its own");
        JsonObject save = new JsonObject();
        save.addProperty("type", "notebook");
        save.addProperty("format", "json");
        save.add("content", model.get("content"));
        learner.server("PUT", path, save.toString());
    }

    private static String[] row(List<String> csv, String learner) {
        return csv.stream().filter(line -> line.startsWith(learner + ",")).findFirst()
                .map(HubEndToEndTest::fields).orElseThrow(() -> new AssertionError("no row for " + learner + " in " + csv));
    }

    /** A CSV line's fields (a quoted field may hold commas). */
    private static String[] fields(String line) {
        return line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
    }

    private static void startHub(int port) throws Exception {
        Files.createDirectories(ROOT.resolve("target"));
        log = ROOT.resolve("target/hub-e2e.log");
        ProcessBuilder builder = new ProcessBuilder(hubCommand()).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("COURSE_HUB_PORT", Integer.toString(port));
        hub = builder.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();   // the first run builds the release
        while (!HubClient.isUp("http://127.0.0.1:" + port)) {
            if (!hub.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("./course hub did not come up (exit " + (hub.isAlive() ? "none" : hub.exitValue())
                        + "); its log:\n" + tail(log));
            }
            Thread.sleep(500);
        }
    }

    /** SIGTERM, as Ctrl-C or a service manager stops it: the hub stops every learner's server and the proxy. */
    private static void stopHub() throws Exception {
        hub.destroy();
        if (!hub.waitFor(60, TimeUnit.SECONDS)) {
            hub.descendants().forEach(ProcessHandle::destroyForcibly);
            hub.destroyForcibly();
            throw new AssertionError("the hub did not stop within 60 s of SIGTERM; its log:\n" + tail(log));
        }
    }

    private static String[] hubCommand(String... arguments) {
        List<String> command = new ArrayList<>(List.of("env", "COURSE_HUB_DIR=" + hubDir, "COURSE_HUB_GROUP=" + GROUP,
                ROOT.resolve("course").toString(), "hub"));
        command.addAll(List.of(arguments));
        return command.toArray(String[]::new);
    }

    private static int freePortWithTwoAfter() throws IOException {
        for (int port = 18_600; port < 19_000; port += 3) {
            if (portIsFree(port) && portIsFree(port + 1) && portIsFree(port + 2)) {
                return port;
            }
        }
        throw new IOException("no three free ports in a row between 18600 and 19000");
    }

    private static boolean portIsFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String tail(Path file) throws IOException {
        String text = Files.readString(file);
        return text.substring(Math.max(0, text.length() - 6000));
    }

    private record Result(int exitCode, String output) {}

    private static Result run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    private static void sh(String... command) throws IOException, InterruptedException {
        Result result = run(command);
        assertEquals(0, result.exitCode, String.join(" ", command) + " failed:\n" + result.output);
    }

    private static void shWithInput(String input, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", command) + " failed:\n" + output);
    }
}
