package dev.jft.hub;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jft.kernel.KernelClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A kernel's channels over the Jupyter server's websocket, as the notebook page uses them: runs a
 * cell and returns what it printed, showed or raised, as text.
 *
 * <pre>{@code
 * try (KernelChannel kernel = KernelChannel.open(ada.channels(kernelId), ada.token())) {
 *     String out = kernel.run("1 + 1", Duration.ofMinutes(1));    // "2"
 * }
 * }</pre>
 */
final class KernelChannel implements AutoCloseable {

    private final WebSocket socket;
    private final BlockingQueue<JsonObject> messages;
    private final String session = UUID.randomUUID().toString();

    private KernelChannel(WebSocket socket, BlockingQueue<JsonObject> messages) {
        this.socket = socket;
        this.messages = messages;
    }

    static KernelChannel open(URI channels, String token) {
        BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "token " + token)
                .connectTimeout(Duration.ofSeconds(30)).buildAsync(channels, new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            messages.add(JsonParser.parseString(partial.toString()).getAsJsonObject());
                            partial.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).join();
        return new KernelChannel(socket, messages);
    }

    /**
     * Runs {@code code} as a cell and returns its output: streams, the text of displays and results,
     * and errors as {@code ERROR ename: evalue}, in the order they came.
     */
    String run(String code, Duration timeout) throws InterruptedException {
        String id = UUID.randomUUID().toString();
        JsonObject header = new JsonObject();
        header.addProperty("msg_id", id);
        header.addProperty("msg_type", "execute_request");
        header.addProperty("session", session);
        header.addProperty("username", "test");
        header.addProperty("version", "5.3");
        JsonObject content = KernelClient.executeContent(code);
        JsonObject message = new JsonObject();
        message.add("header", header);
        message.add("parent_header", new JsonObject());
        message.add("metadata", new JsonObject());
        message.add("content", content);
        message.addProperty("channel", "shell");
        socket.sendText(message.toString(), true).join();

        StringBuilder out = new StringBuilder();
        boolean replied = false;
        boolean idle = false;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!(replied && idle)) {   // the reply (shell) may overtake the cell's last outputs (iopub)
            JsonObject reply = messages.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (reply == null) {
                throw new AssertionError("no reply within " + timeout + " to: " + code + "\noutput so far: " + out);
            }
            JsonObject parent = reply.getAsJsonObject("parent_header");
            if (parent == null || !parent.has("msg_id") || !id.equals(parent.get("msg_id").getAsString())) {
                continue;
            }
            String type = reply.get("msg_type").getAsString();
            JsonObject body = reply.getAsJsonObject("content");
            switch (type) {
                case "stream" -> out.append(body.get("text").getAsString());
                case "display_data", "execute_result" -> {
                    JsonObject data = body.getAsJsonObject("data");
                    out.append(data.has("text/plain") ? data.get("text/plain").getAsString() : data.keySet()).append('\n');
                }
                case "error" -> out.append("ERROR ").append(body.get("ename").getAsString()).append(": ")
                        .append(body.get("evalue").getAsString()).append('\n');
                case "execute_reply" -> replied = true;
                case "status" -> idle = idle || "idle".equals(body.get("execution_state").getAsString());
                default -> { }
            }
        }
        return out.toString();
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }
}
