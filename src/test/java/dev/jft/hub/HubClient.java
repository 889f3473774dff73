package dev.jft.hub;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * One learner's side of a JupyterHub, over HTTP as a browser or a script would use it: the login form,
 * a token got with the learner's password, their server started through the hub's REST API, and the
 * Jupyter REST API of that server through the hub's proxy.
 *
 * <pre>{@code
 * HubClient ada = new HubClient("http://127.0.0.1:8000", "ada");
 * ada.logIn("her password");                  // false for a wrong password
 * ada.startServer(Duration.ofMinutes(2));
 * JsonObject kernel = ada.server("POST", "/api/kernels", "{\"name\": \"java\"}");
 * }</pre>
 */
final class HubClient {

    /**
     * HTTP/1.1 only: the JDK's client otherwise asks to upgrade to HTTP/2 ({@code Upgrade: h2c}), which the
     * hub's proxy takes for a websocket upgrade and never answers.
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    private final HttpClient http = HTTP;
    private final String base;
    private final String user;
    private String token;

    HubClient(String base, String user) {
        this.base = base;
        this.user = user;
    }

    String user() {
        return user;
    }

    /** Whether the hub's API answers at all (it is up). */
    static boolean isUp(String base) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/hub/api"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Posts the hub's login form; true when the hub logs the learner in (a redirect that sets the hub's
     * login cookie), false when it shows the form again.
     */
    boolean logIn(String password) throws IOException, InterruptedException {
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/hub/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        List<String> cookies = response.headers().allValues("set-cookie");
        return response.statusCode() == 302 && cookies.stream().anyMatch(c -> c.startsWith("jupyterhub-hub-login="));
    }

    /** An API token for this learner, given their password (the hub checks it with PAM, as the form does). */
    void getToken(String password) throws IOException, InterruptedException {
        JsonObject auth = new JsonObject();
        auth.addProperty("username", user);
        auth.addProperty("password", password);
        JsonObject body = new JsonObject();
        body.add("auth", auth);
        body.addProperty("note", "HubEndToEndTest");
        body.addProperty("expires_in", 900);
        token = send("POST", base + "/hub/api/users/" + user + "/tokens", body.toString(), 200, 201)
                .getAsJsonObject().get("token").getAsString();
    }

    String token() {
        return token;
    }

    /** Starts the learner's server and waits until the hub says it is ready. */
    void startServer(Duration timeout) throws IOException, InterruptedException {
        send("POST", base + "/hub/api/users/" + user + "/server", "", 201, 202);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject model = send("GET", base + "/hub/api/users/" + user, null, 200).getAsJsonObject();
            JsonElement server = model.getAsJsonObject("servers").get("");
            if (server != null && server.getAsJsonObject().get("ready").getAsBoolean()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(user + "'s server was not ready within " + timeout);
    }

    /** A call to the learner's own Jupyter server (path below /user/NAME), answered with JSON. */
    JsonElement server(String method, String path, String body) throws IOException, InterruptedException {
        return send(method, base + "/user/" + user + path, body, 200, 201, 204);
    }

    /** The status of a call to another path of the hub, e.g. someone else's server, with this learner's token. */
    int status(String method, String path) throws IOException, InterruptedException {
        return http.send(request(method, base + path, null), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The websocket URL of one of the learner's kernels. */
    URI channels(String kernelId) {
        return URI.create(base.replaceFirst("^http", "ws") + "/user/" + user + "/api/kernels/" + kernelId + "/channels");
    }

    private JsonElement send(String method, String url, String body, int... expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(method, url, body), HttpResponse.BodyHandlers.ofString());
        for (int status : expected) {
            if (response.statusCode() == status) {
                return response.body().isBlank() ? new JsonObject() : JsonParser.parseString(response.body());
            }
        }
        throw new AssertionError(method + " " + url + " as " + user + ": HTTP " + response.statusCode() + " " + response.body());
    }

    private HttpRequest request(String method, String url, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "token " + token);
        }
        return request.build();
    }
}
