package dev.jft.kernel;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A minimal Jupyter client for tests: starts the kernel as its own JVM exactly as Jupyter does
 * (connection file with free ports and an HMAC key) and speaks the wire protocol over ZeroMQ.
 * {@link #close()} always kills the process.
 */
public final class KernelClient implements AutoCloseable {

    private static final Gson GSON = new Gson();
    private static final String DELIMITER = "<IDS|MSG>";

    /** One message as received: type, content, and the id of the request it answers. */
    record Msg(String type, JsonObject content, String parentId) {}

    /** What a request produced: the reply and the IOPub messages up to the kernel going idle. */
    record Exchange(JsonObject reply, List<Msg> iopub) {

        List<Msg> ofType(String type) {
            return iopub.stream().filter(m -> m.type().equals(type)).toList();
        }

        String status() {
            return reply.get("status").getAsString();
        }
    }

    private final Process process;
    private final ZContext zmq = new ZContext();
    private final ZMQ.Socket shell;
    private final ZMQ.Socket control;
    private final ZMQ.Socket iopub;
    private final String session = UUID.randomUUID().toString();
    private final Mac mac;
    private final Path connectionFile;

    private KernelClient(Process process, Path connectionFile, String key, int[] ports) throws Exception {
        this.process = process;
        this.connectionFile = connectionFile;
        this.mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        shell = socket(SocketType.DEALER, ports[0]);
        iopub = socket(SocketType.SUB, ports[1]);
        iopub.subscribe(new byte[0]);
        control = socket(SocketType.DEALER, ports[3]);
    }

    /** Launches {@code java -cp <test classpath> <mainClass> <connection file>} with extra environment. */
    static KernelClient start(Map<String, String> env) throws Exception {
        return start(env, List.of());
    }

    /** As {@link #start(Map)}, with extra JVM options for the kernel. */
    static KernelClient start(Map<String, String> env, List<String> jvmOptions) throws Exception {
        return start(env, jvmOptions, List.of());
    }

    /**
     * As {@link #start(Map)}, with the kernel started as a background job of a script is: SIGINT
     * ignored (the shell sets it to SIG_IGN, and exec keeps it so for java, under the same pid).
     */
    static KernelClient startWithSigintIgnored(Map<String, String> env) throws Exception {
        return start(env, List.of(), SIGINT_IGNORED_LAUNCHER);
    }

    /** A command prefix that runs the rest of the command line with SIGINT ignored. */
    static final List<String> SIGINT_IGNORED_LAUNCHER = List.of("/bin/sh", "-c", "trap '' INT; exec \"$@\"", "sh");

    private static KernelClient start(Map<String, String> env, List<String> jvmOptions, List<String> launcher)
            throws Exception {
        int[] ports = freePorts(5); // shell, iopub, stdin, control, heartbeat
        String key = UUID.randomUUID().toString();
        JsonObject connection = new JsonObject();
        connection.addProperty("ip", "127.0.0.1");
        connection.addProperty("transport", "tcp");
        connection.addProperty("signature_scheme", "hmac-sha256");
        connection.addProperty("key", key);
        connection.addProperty("shell_port", ports[0]);
        connection.addProperty("iopub_port", ports[1]);
        connection.addProperty("stdin_port", ports[2]);
        connection.addProperty("control_port", ports[3]);
        connection.addProperty("hb_port", ports[4]);
        Path file = Files.createTempFile("kernel-", ".json");
        Files.writeString(file, connection.toString());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(java, "-cp", System.getProperty("java.class.path")));
        command.addAll(KernelspecInstaller.jvmOptions(Runtime.version().feature()));
        command.addAll(jvmOptions);
        command.addAll(List.of(CourseKernel.class.getName(), file.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        // Like Jupyter: the kernel ends itself if this test JVM dies before it can close the kernel.
        builder.environment().put("JPY_PARENT_PID", String.valueOf(ProcessHandle.current().pid()));
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            KernelClient client = new KernelClient(process, file, key, ports);
            client.awaitIopub();
            return client;
        } catch (Exception | Error e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** The kernel's process (to check it exits). */
    Process process() {
        return process;
    }

    /** Sends kernel_info until IOPub delivers (a SUB socket misses what is sent before it joins). */
    private void awaitIopub() throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("kernel exited at start with status " + process.exitValue());
            }
            String id = send(shell, "kernel_info_request", new JsonObject());
            receiveReply(shell, id, 30_000);
            if (receive(iopub, 100) != null) {
                drain();
                return;
            }
        }
        throw new IllegalStateException("kernel did not answer on IOPub within 60 s");
    }

    private void drain() {
        while (receive(iopub, 200) != null) {
            // status messages from the handshake
        }
    }

    Exchange execute(String code) {
        return request(shell, "execute_request", executeContent(code), 60_000);
    }

    /** An execute request with {@code silent: true}, as front-ends send their own helper code. */
    Exchange executeSilently(String code) {
        JsonObject content = executeContent(code);
        content.addProperty("silent", true);
        content.addProperty("store_history", false);
        return request(shell, "execute_request", content, 60_000);
    }

    /** Sends an execute request without waiting; use {@link #finish} for its outcome. */
    String submit(String code) {
        return send(shell, "execute_request", executeContent(code));
    }

    Exchange finish(String id, long timeoutMillis) {
        JsonObject reply = receiveReply(shell, id, timeoutMillis);
        return new Exchange(reply, iopubUntilIdle(id, timeoutMillis));
    }

    /**
     * A cell that prints "running" from inside its own running code, then loops forever: once
     * the text arrives, an interrupt can only land in the running cell, however slowly it compiled.
     */
    static final String ENDLESS_CELL = "for (System.out.println(\"running\"); ; ) { }";
    static final String RUNNING = "running";

    /** Waits until request {@code id} prints {@code text} on stdout. */
    void awaitOutput(String id, String text, long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            Msg msg = receive(iopub, 100);
            if (msg != null && id.equals(msg.parentId()) && msg.type().equals("stream")
                    && msg.content().get("text").getAsString().contains(text)) {
                return;
            }
        }
        throw new AssertionError("request " + id + " did not print " + text);
    }

    /** Runs {@link #ENDLESS_CELL}, sends the kernel's process SIGINT once it runs, and returns the outcome. */
    Exchange submitEndlessCellThenSigint() throws IOException, InterruptedException {
        String id = submit(ENDLESS_CELL);
        awaitOutput(id, RUNNING, 30_000);
        Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start();
        if (kill.waitFor() != 0) {
            throw new AssertionError("kill -INT " + process.pid() + " failed with status " + kill.exitValue());
        }
        return finish(id, 10_000);
    }

    JsonObject interrupt() {
        String id = send(control, "interrupt_request", new JsonObject());
        return receiveReply(control, id, 10_000);
    }

    Exchange request(String type, JsonObject content) {
        return request(shell, type, content, 30_000);
    }

    JsonObject shutdown() {
        JsonObject content = new JsonObject();
        content.addProperty("restart", false);
        String id = send(control, "shutdown_request", content);
        return receiveReply(control, id, 10_000);
    }

    /** The content of an {@code execute_request} for {@code code}, as a notebook sends it (also over a websocket). */
    public static JsonObject executeContent(String code) {
        JsonObject content = new JsonObject();
        content.addProperty("code", code);
        content.addProperty("silent", false);
        content.addProperty("store_history", true);
        content.add("user_expressions", new JsonObject());
        content.addProperty("allow_stdin", false);
        content.addProperty("stop_on_error", true);
        return content;
    }

    private Exchange request(ZMQ.Socket socket, String type, JsonObject content, long timeoutMillis) {
        String id = send(socket, type, content);
        JsonObject reply = receiveReply(socket, id, timeoutMillis);
        return new Exchange(reply, iopubUntilIdle(id, timeoutMillis));
    }

    private List<Msg> iopubUntilIdle(String id, long timeoutMillis) {
        List<Msg> messages = new ArrayList<>();
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            Msg msg = receive(iopub, 100);
            if (msg == null || !id.equals(msg.parentId())) {
                continue;
            }
            if (msg.type().equals("status") && msg.content().get("execution_state").getAsString().equals("idle")) {
                return messages;
            }
            messages.add(msg);
        }
        throw new AssertionError("kernel did not go idle after " + id + "; got " + messages.size() + " messages, the last: "
                + messages.subList(Math.max(0, messages.size() - 3), messages.size()));
    }

    private String send(ZMQ.Socket socket, String type, JsonObject content) {
        String id = UUID.randomUUID().toString();
        JsonObject header = new JsonObject();
        header.addProperty("msg_id", id);
        header.addProperty("session", session);
        header.addProperty("username", "test");
        header.addProperty("date", Instant.now().toString());
        header.addProperty("msg_type", type);
        header.addProperty("version", "5.3");
        String[] parts = {header.toString(), "{}", "{}", content.toString()};
        socket.sendMore(DELIMITER);
        socket.sendMore(sign(parts));
        for (int i = 0; i < parts.length; i++) {
            if (i < parts.length - 1) {
                socket.sendMore(parts[i]);
            } else {
                socket.send(parts[i]);
            }
        }
        return id;
    }

    private JsonObject receiveReply(ZMQ.Socket socket, String id, long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            Msg msg = receive(socket, 100);
            if (msg != null && id.equals(msg.parentId())) {
                return msg.content();
            }
        }
        throw new AssertionError("no reply to " + id + " within " + timeoutMillis + " ms");
    }

    private Msg receive(ZMQ.Socket socket, int timeoutMillis) {
        socket.setReceiveTimeOut(timeoutMillis);
        List<String> frames = new ArrayList<>();
        String frame = socket.recvStr();
        if (frame == null) {
            return null;
        }
        frames.add(frame);
        while (socket.hasReceiveMore()) {
            frames.add(socket.recvStr());
        }
        int at = frames.indexOf(DELIMITER);
        String[] parts = {frames.get(at + 2), frames.get(at + 3), frames.get(at + 4), frames.get(at + 5)};
        if (!sign(parts).equals(frames.get(at + 1))) {
            throw new AssertionError("bad HMAC signature on " + parts[0]);
        }
        JsonObject header = GSON.fromJson(parts[0], JsonObject.class);
        JsonObject parent = GSON.fromJson(parts[1], JsonObject.class);
        String parentId = parent != null && parent.has("msg_id") ? parent.get("msg_id").getAsString() : null;
        return new Msg(header.get("msg_type").getAsString(), GSON.fromJson(parts[3], JsonObject.class), parentId);
    }

    private String sign(String[] parts) {
        synchronized (mac) {
            for (String part : parts) {
                mac.update(part.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(mac.doFinal());
        }
    }

    private ZMQ.Socket socket(SocketType type, int port) {
        ZMQ.Socket socket = zmq.createSocket(type);
        socket.setLinger(0);
        socket.connect("tcp://127.0.0.1:" + port);
        return socket;
    }

    private static int[] freePorts(int count) throws IOException {
        int[] ports = new int[count];
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
        return ports;
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        zmq.close();
        try {
            Files.deleteIfExists(connectionFile);
        } catch (IOException ignored) {
            // a temp file left behind is harmless
        }
    }
}
