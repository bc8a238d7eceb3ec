package dev.arraysweep.orchestrator.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.arraysweep.db.ExitException;
import dev.arraysweep.orchestrator.server.BindAddress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPOutputStream;

/**
 * The dashboard's web server: the JDK's {@link HttpServer}, answering {@code GET} only, with the page and its
 * script and style from this jar, uPlot from its WebJar, and the JSON of {@link DashboardApi} under {@code /api/}.
 *
 * <p>The rule of {@code db serve}: it listens on the loopback unless bound elsewhere, and bound elsewhere it
 * needs a token, checked on every request ({@code Authorization: Bearer T}, the {@code token} query parameter,
 * or the cookie the page gets when opened with {@code ?token=T}).
 */
public final class DashboardServer implements AutoCloseable {
    /** The dashboard's usual port. */
    public static final int DEFAULT_PORT = 8765;

    static final String UPLOT = "META-INF/resources/webjars/uplot/1.6.30/dist/";
    private static final String OWN = "dev/arraysweep/orchestrator/dashboard/";
    private static final String COOKIE = "arraysweep_token";
    /** Served path, classpath resource and content type of every static file. */
    private static final Map<String, String[]> FILES = Map.of(
            "/", new String[] {OWN + "index.html", "text/html; charset=utf-8"},
            "/static/app.js", new String[] {OWN + "app.js", "text/javascript; charset=utf-8"},
            "/static/app.css", new String[] {OWN + "app.css", "text/css; charset=utf-8"},
            "/static/uPlot.iife.min.js", new String[] {UPLOT + "uPlot.iife.min.js", "text/javascript; charset=utf-8"},
            "/static/uPlot.min.css", new String[] {UPLOT + "uPlot.min.css", "text/css; charset=utf-8"});

    private final HttpServer server;
    private final ExecutorService threads;
    private final DashboardApi api;
    private final String token;
    private final String url;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DashboardServer(HttpServer server, ExecutorService threads, DashboardApi api, String token, String url) {
        this.server = server;
        this.threads = threads;
        this.api = api;
        this.token = token;
        this.url = url;
    }

    /**
     * Starts serving.
     *
     * @param api the JSON endpoints
     * @param port the TCP port, 1 to 65535 (0: any free port, for tests and the benchmark)
     * @param bind the address to listen on: the loopback (default), an interface's address or host name, or
     *     {@code 0.0.0.0}
     * @param token the token every request must carry; required unless bound to the loopback, null or empty
     *     for none
     * @throws ExitException bad input (2) for a bad port or address or a missing token; failure (1) when the
     *     port is taken
     */
    public static DashboardServer start(DashboardApi api, int port, String bind, String token) {
        if (port < 0 || port > 65535) {
            throw ExitException.badInput("--port " + port + " is not a TCP port (1-65535)");
        }
        InetAddress address = BindAddress.resolve(bind);
        String key = token == null || token.isBlank() ? null : token.strip();
        if (!address.isLoopbackAddress() && key == null) {
            throw ExitException.badInput("serving the dashboard to other machines (--bind " + bind + ") needs a"
                    + " token: --token-file FILE (its first line; open the printed URL, which carries it)");
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(address, port), 0);
        } catch (BindException e) {
            throw ExitException.failure(
                    "cannot listen on " + bind + ":" + port + ": " + e.getMessage()
                            + " (is the port taken? choose another with --port)",
                    e);
        } catch (IOException e) {
            throw ExitException.failure("cannot start the dashboard on " + bind + ":" + port + ": " + e, e);
        }
        ExecutorService threads = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "arraysweep-dashboard");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        String host = address.isAnyLocalAddress() ? BindAddress.hostName().toLowerCase(Locale.ROOT) : bind;
        String url = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
                + server.getAddress().getPort() + "/"
                + (key == null ? "" : "?token=" + URLEncoder.encode(key, StandardCharsets.UTF_8));
        DashboardServer d = new DashboardServer(server, threads, api, key, url);
        server.createContext("/", d::handle);
        server.start();
        return d;
    }

    /** {@return the URL to open, with the token when there is one} */
    public String url() {
        return url;
    }

    /** {@return the port it listens on} */
    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                send(ex, 405, "text/plain; charset=utf-8", bytes("the dashboard only reads: GET"));
                return;
            }
            URI uri = ex.getRequestURI();
            Map<String, String> query = query(uri.getRawQuery());
            if (token != null && !authorised(ex, query)) {
                send(
                        ex,
                        401,
                        "text/plain; charset=utf-8",
                        bytes("this dashboard needs its token: open the URL"
                                + " `arraysweep dashboard` printed (it ends in ?token=...)"));
                return;
            }
            if (token != null && query.containsKey("token")) {
                ex.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict");
            }
            String path = uri.getPath();
            if (path.startsWith("/api/")) {
                DashboardApi.Answer a = api.answer(path.substring("/api".length()), query);
                ex.getResponseHeaders().set("Cache-Control", "no-store");
                send(ex, a.status(), "application/json; charset=utf-8", a.json());
                return;
            }
            String[] file = FILES.get(path);
            byte[] body = file == null ? null : resource(file[0]);
            if (body == null) {
                send(ex, 404, "text/plain; charset=utf-8", bytes("no such page: " + path));
                return;
            }
            ex.getResponseHeaders().set("Cache-Control", path.equals("/") ? "no-store" : "max-age=3600");
            send(ex, 200, file[1], body);
        } catch (RuntimeException e) {
            // a bug or a database that went away: the page shows this text, the server goes on
            send(ex, 500, "application/json; charset=utf-8", DashboardApi.error(e.toString()));
        }
    }

    private boolean authorised(HttpExchange ex, Map<String, String> query) {
        String given = query.get("token");
        String header = ex.getRequestHeaders().getFirst("Authorization");
        if (given == null && header != null && header.startsWith("Bearer ")) {
            given = header.substring("Bearer ".length()).strip();
        }
        if (given == null) {
            List<String> cookies = ex.getRequestHeaders().get("Cookie");
            for (String line : cookies == null ? List.<String>of() : cookies) {
                for (String c : line.split(";")) {
                    String[] kv = c.strip().split("=", 2);
                    if (kv.length == 2 && kv[0].equals(COOKIE)) {
                        given = kv[1];
                    }
                }
            }
        }
        return given != null
                && MessageDigest.isEqual(
                        given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        String accepts = ex.getRequestHeaders().getFirst("Accept-Encoding");
        byte[] out = body;
        if (accepts != null && accepts.contains("gzip") && body.length > 4096) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream(body.length / 4);
            try (GZIPOutputStream z = new GZIPOutputStream(zipped)) {
                z.write(body);
            }
            out = zipped.toByteArray();
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        boolean head = "HEAD".equals(ex.getRequestMethod());
        ex.sendResponseHeaders(status, head ? -1 : out.length == 0 ? -1 : out.length);
        if (!head && out.length > 0) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(out);
            }
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = DashboardServer.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(
                    URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return out;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Stops accepting requests and waits a moment for those in flight. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        server.stop(0);
        threads.shutdownNow();
        api.close();
    }
}
