// NovaBilling benchmark load client. JDK only; run with the single-file source launcher:
//
//   java bench/LoadClient.java <command> --option value ...
//
// Commands (all take --base http://localhost:PORT, --timeout SECONDS per request, --summary FILE to append
// "key<TAB>value" lines that bench/run.sh turns into the final table):
//
//   bench-tenant  --out FILE --run-id ID                       register one tenant, write its API key to FILE
//   throughput    --op create|get --key APIKEY --ids FILE --clients N --warmup S --duration S
//                 [--max-requests N] --label L --run-id ID       closed-loop load against one tenant
//   registrations --count N --clients C --label L --run-id ID  time N registrations
//   tenants       --count N --clients C --out FILE --max-seconds S --label L --run-id ID
//                                                              register N tenants; each creates one customer and
//                                                              GETs it back; FILE gets "index key customerId" lines
//   verify        --tenants FILE --clients C --max-seconds S --label L
//                                                              GET every tenant's customer once
//   usage-setup   --key APIKEY --out FILE --run-id ID         create a customer, a SUM metric, a plan with a charge on
//                                                              it and a subscription; FILE gets "subscriptionId code"
//   throughput    --op event|batch --key APIKEY --usage FILE [--batch N] ...
//                                                              POST /api/events (one event a request) or
//                                                              POST /api/events/batch (N events a request)
//   usage-fill    --key APIKEY --usage FILE --events N --clients C --label L
//                                                              store N events in batches of 1,000 (untimed set-up)
//   current-usage --key APIKEY --usage FILE --count N --label L
//                                                              time N GET /api/subscriptions/{id}/usage, one client
//   billing       --subscriptions N --events-per-subscription E --clients C --max-seconds S (per stage) --label L
//                                                              register a tenant, set its test clock to the start of
//                                                              next month, create N KES customers and subscriptions
//                                                              and E events each, wait for the N opening invoices,
//                                                              then time one P1M advance until 2N invoices are
//                                                              FINALIZED (the server needs NOVABILLING_TEST_CLOCK=true);
//                 [--verify true|false]                        then time GET /api/admin/ledger/verify on that tenant
//   seconds       ISO-8601-DURATION                            print the duration in whole seconds (rounded up)
//
// Every loop is bounded: by time (throughput), by count (registrations), or by count and time (tenants, verify).
// A request that does not answer within --timeout seconds counts as an error, so no phase can hang.
// Every non-2xx answer and every exception is an error; errors are counted per status and the first few are
// printed with their body. Latency percentiles are over successful requests only (nearest-rank).

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class LoadClient {

    static final Pattern API_KEY = Pattern.compile("\"apiKey\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern TENANT_ID = Pattern.compile("\"tenant\"\\s*:\\s*\\{[^{}]*?\"id\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern CUSTOMER_ID = Pattern.compile("\"id\"\\s*:\\s*\"(cus_[^\"]+)\"");
    static final Pattern ANY_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern ACCEPTED = Pattern.compile("\"accepted\"\\s*:\\s*(\\d+)");
    static final Pattern META_TOTAL = Pattern.compile("\"meta\"\\s*:\\s*\\{[^{}]*?\"total\"\\s*:\\s*(\\d+)");
    static final Pattern AMOUNT_DUE = Pattern.compile("\"amountDue\"\\s*:\\s*\"?(-?[0-9.]+)");
    static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*\"?(-?[0-9.]+)");
    static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");
    static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern VERIFY_OK = Pattern.compile("\"ok\"\\s*:\\s*(true|false)");
    static final Pattern VIOLATION_COUNT = Pattern.compile("\"violationCount\"\\s*:\\s*(\\d+)");
    static final Pattern DURATION_MS = Pattern.compile("\"durationMs\"\\s*:\\s*(\\d+)");
    static final Pattern COUNTS = Pattern.compile("\"counts\"\\s*:\\s*\\{([^{}]*)\\}");
    static final int SAMPLES = 5;
    static final Pattern NOISE = Pattern.compile(",?\\s*\"(requestId|timestamp)\"\\s*:\\s*\"[^\"]*\"");

    static Map<String, String> opts = new HashMap<>();
    static String base;
    static Duration timeout;
    static Path summary;

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: java bench/LoadClient.java <bench-tenant|throughput|registrations|tenants|verify|seconds> --opt value ...");
            System.exit(2);
        }
        String command = args[0];
        if (command.equals("seconds")) {
            Duration d = Duration.parse(args[1]);
            System.out.println((d.toMillis() + 999) / 1000);
            return;
        }
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("bad option near " + args[i]);
            }
            opts.put(args[i].substring(2), args[i + 1]);
        }
        base = req("base").replaceAll("/+$", "");
        timeout = Duration.ofSeconds(Long.parseLong(opt("timeout", "60")));
        summary = opts.containsKey("summary") ? Path.of(opts.get("summary")) : null;
        switch (command) {
            case "bench-tenant" -> benchTenant();
            case "throughput" -> throughput();
            case "registrations" -> registrations();
            case "tenants" -> tenants();
            case "verify" -> verify();
            case "usage-setup" -> usageSetup();
            case "usage-fill" -> usageFill();
            case "current-usage" -> currentUsage();
            case "billing" -> billing();
            default -> {
                System.err.println("unknown command " + command);
                System.exit(2);
            }
        }
    }

    // ---------------------------------------------------------------- options, output

    static String opt(String name, String dflt) {
        return opts.getOrDefault(name, dflt);
    }

    static String req(String name) {
        String v = opts.get(name);
        if (v == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return v;
    }

    static int intOpt(String name, int dflt) {
        return Integer.parseInt(opt(name, String.valueOf(dflt)));
    }

    static boolean boolOpt(String name, boolean dflt) {
        return Boolean.parseBoolean(opt(name, String.valueOf(dflt)));
    }

    static double dblOpt(String name, double dflt) {
        return Double.parseDouble(opt(name, String.valueOf(dflt)));
    }

    static void out(String line) {
        System.out.println(line);
        System.out.flush();
    }

    static void progress(String line) {
        System.err.println("  .. " + line);
        System.err.flush();
    }

    static void sum(String key, String value) throws IOException {
        if (summary != null) {
            Files.writeString(summary, key + "\t" + value.replace('\t', ' ').replace('\n', ' ') + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    static String runId() {
        return opt("run-id", Long.toString(System.currentTimeMillis(), 36));
    }

    // ---------------------------------------------------------------- HTTP

    static HttpClient newClient() {
        // One client (hence one keep-alive connection) per load thread, HTTP/1.1 only.
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** One request's outcome: status (-1 for an exception), body (or exception text), elapsed nanoseconds. */
    /** One request of a load thread, over whichever transport it uses. */
    interface Sender {
        Result send(String method, String path, String apiKey, String json);
    }

    /**
     * A lean HTTP/1.1 keep-alive client on one blocking socket (--transport raw), as wrk is: it writes the request
     * and reads the status, the headers and a Content-Length or chunked body, and nothing more, so that the load
     * generator, which shares the server's two cores, spends little of them (the JDK's HttpClient costs about twice
     * the server's CPU per request here). Same closed loop, same keep-alive connection per client.
     */
    static final class RawConnection {
        private final String host;
        private final int port;
        private java.net.Socket socket;
        private java.io.InputStream in;
        private java.io.OutputStream out;

        RawConnection(URI base) {
            this.host = base.getHost();
            this.port = base.getPort() < 0 ? 80 : base.getPort();
        }

        Result send(String method, String path, String apiKey, String json) {
            long t0 = System.nanoTime();
            try {
                if (socket == null) {
                    socket = new java.net.Socket(host, port);
                    socket.setTcpNoDelay(true);
                    socket.setSoTimeout((int) timeout.toMillis());
                    in = new java.io.BufferedInputStream(socket.getInputStream(), 16 * 1024);
                    out = new java.io.BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
                }
                byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
                StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path)
                        .append(" HTTP/1.1\r\nHost: ").append(host).append(':').append(port)
                        .append("\r\nAccept: application/json\r\n");
                if (apiKey != null) {
                    head.append("Authorization: Bearer ").append(apiKey).append("\r\n");
                }
                if (json != null) {
                    head.append("Content-Type: application/json\r\n");
                }
                head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
                String status = line();
                int code = Integer.parseInt(status.substring(9, 12));
                int length = -1;
                boolean chunked = false;
                boolean close = false;
                for (String header = line(); !header.isEmpty(); header = line()) {
                    int colon = header.indexOf(':');
                    String name = header.substring(0, colon).trim();
                    String value = header.substring(colon + 1).trim();
                    if (name.equalsIgnoreCase("Content-Length")) {
                        length = Integer.parseInt(value);
                    } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                        chunked = true;
                    } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                        close = true;
                    }
                }
                byte[] payload = chunked ? chunks() : in.readNBytes(Math.max(length, 0));
                if (close) {
                    close();
                }
                return new Result(code, new String(payload, StandardCharsets.UTF_8), System.nanoTime() - t0);
            } catch (IOException | RuntimeException e) {
                long nanos = System.nanoTime() - t0;
                close();
                try {
                    Thread.sleep(10); // as send(): a dead server is not hammered in a tight loop
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
                return new Result(-1, e.getClass().getSimpleName() + ": " + e.getMessage(), nanos);
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed by the server");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        private byte[] chunks() throws IOException {
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            while (true) {
                String size = line();
                int semicolon = size.indexOf(';');
                int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                if (n == 0) {
                    while (!line().isEmpty()) {
                        // trailers
                    }
                    return body.toByteArray();
                }
                body.write(in.readNBytes(n));
                line();
            }
        }

        private void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }

    record Result(int status, String body, long nanos) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    static Result send(HttpClient client, String method, String path, String apiKey, String json) {
        return send(client, method, path, apiKey, json, timeout);
    }

    static Result send(HttpClient client, String method, String path, String apiKey, String json, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("Accept", "application/json");
        if (apiKey != null) {
            b.header("Authorization", "Bearer " + apiKey);
        }
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpRequest request = b.build();
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Result(r.statusCode(), r.body(), System.nanoTime() - t0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted", System.nanoTime() - t0);
        } catch (Exception e) {
            long nanos = System.nanoTime() - t0;
            String why = e.getMessage() != null ? e.getMessage() : e.getCause() != null ? e.getCause().toString() : "";
            // No answer at all (connection refused, timeout): pause a little so that a dead server is not hammered
            // in a tight loop; the pause is not part of the recorded latency.
            try {
                Thread.sleep(10);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            return new Result(-1, e.getClass().getSimpleName() + ": " + why, nanos);
        }
    }

    static String registerJson(String unique) {
        return "{\"name\":\"Owner\",\"email\":\"owner-" + unique + "@example.com\",\"password\":\"securePassword123\","
                + "\"companyName\":\"Acme " + unique + "\"}";
    }

    static String customerJson(String unique) {
        return "{\"externalId\":\"ext-" + unique + "\",\"name\":\"Jane Smith\",\"email\":\"jane-" + unique
                + "@example.com\",\"country\":\"US\",\"currency\":\"USD\"}";
    }

    static String eventJson(String[] usage, String transactionId) {
        return "{\"transactionId\":\"" + transactionId + "\",\"subscriptionId\":\"" + usage[0] + "\",\"code\":\""
                + usage[1] + "\",\"timestamp\":\"" + java.time.Instant.now() + "\",\"properties\":{\"calls\":1}}";
    }

    static String group(Pattern p, String body) {
        if (body == null) {
            return null;
        }
        Matcher m = p.matcher(body);
        return m.find() ? m.group(1) : null;
    }

    // ---------------------------------------------------------------- statistics

    /** Thread-safe collector of latencies and errors for one step of a phase. */
    static final class Stats {
        final String name;
        final Map<String, AtomicLong> errorsByStatus = new ConcurrentHashMap<>();
        final List<String> samples = new ArrayList<>();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong ok = new AtomicLong();

        Stats(String name) {
            this.name = name;
        }

        /** A growable per-thread latency buffer; merged only after the threads finished. */
        final class Buffer {
            long[] values = new long[1024];
            int n;

            void add(long v) {
                if (n == values.length) {
                    values = Arrays.copyOf(values, n * 2);
                }
                values[n++] = v;
            }
        }

        final List<Buffer> buffers = new ArrayList<>();

        synchronized Buffer buffer() {
            Buffer b = new Buffer();
            buffers.add(b);
            return b;
        }

        void record(Buffer buf, Result r) {
            if (r.ok()) {
                ok.incrementAndGet();
                buf.add(r.nanos());
            } else {
                error(r.status() == -1 ? "exception" : String.valueOf(r.status()), r.body());
            }
        }

        final java.util.Set<String> sampleKeys = new java.util.HashSet<>();

        void error(String status, String body) {
            errors.incrementAndGet();
            errorsByStatus.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
            // One sample per distinct answer: the error body without its per-request fields.
            String b = body == null ? "" : NOISE.matcher(body.replaceAll("\\s+", " ")).replaceAll("");
            String sample = status + " " + (b.length() > 300 ? b.substring(0, 300) + "…" : b);
            synchronized (samples) {
                if (samples.size() < SAMPLES && sampleKeys.add(sample)) {
                    samples.add(sample);
                }
            }
        }

        long[] sorted() {
            int total = 0;
            for (Buffer b : buffers) {
                total += b.n;
            }
            long[] all = new long[total];
            int i = 0;
            for (Buffer b : buffers) {
                System.arraycopy(b.values, 0, all, i, b.n);
                i += b.n;
            }
            Arrays.sort(all);
            return all;
        }

        static double pct(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
        }

        String errorSummary() {
            if (errors.get() == 0) {
                return "errors 0";
            }
            Map<String, Long> by = new TreeMap<>();
            errorsByStatus.forEach((k, v) -> by.put(k, v.get()));
            return "errors " + errors.get() + " " + by;
        }

        void printSamples() {
            synchronized (samples) {
                for (String s : samples) {
                    out("      sample error: " + s);
                }
            }
        }

        /** Prints "name: n ok, p50 …, p99 …, max …, errors …" and writes the summary keys prefix.*. */
        void report(String prefix, Double throughput) throws IOException {
            long[] s = sorted();
            String lat = s.length == 0 ? "no successful requests"
                    : String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, max %.1f ms", pct(s, 50), pct(s, 99), s[s.length - 1] / 1e6);
            String tp = throughput == null ? "" : String.format(Locale.ROOT, "%.1f req/s, ", throughput);
            out(String.format(Locale.ROOT, "    %-22s %s%d ok, %s, %s", name + ":", tp, ok.get(), lat, errorSummary()));
            printSamples();
            if (throughput != null) {
                sum(prefix + ".throughput", String.format(Locale.ROOT, "%.1f", throughput));
            }
            sum(prefix + ".ok", String.valueOf(ok.get()));
            sum(prefix + ".p50", s.length == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", pct(s, 50)));
            sum(prefix + ".p99", s.length == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", pct(s, 99)));
            sum(prefix + ".max", s.length == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", s[s.length - 1] / 1e6));
            sum(prefix + ".errors", String.valueOf(errors.get()));
            if (errors.get() > 0) {
                Map<String, Long> by = new TreeMap<>();
                errorsByStatus.forEach((k, v) -> by.put(k, v.get()));
                sum(prefix + ".errorsByStatus", by.toString());
                synchronized (samples) {
                    if (!samples.isEmpty()) {
                        sum(prefix + ".firstError", samples.get(0).length() > 160 ? samples.get(0).substring(0, 160) + "…" : samples.get(0));
                    }
                }
            }
        }
    }

    static void joinAll(List<Thread> threads) throws InterruptedException {
        for (Thread t : threads) {
            t.join();
        }
    }

    // ---------------------------------------------------------------- commands

    static void benchTenant() throws IOException {
        HttpClient client = newClient();
        String unique = "bench-" + runId() + "-main";
        Result r = send(client, "POST", "/api/auth/register", null, registerJson(unique));
        String key = r.ok() ? group(API_KEY, r.body()) : null;
        if (key == null) {
            out("    could not register the bench tenant: " + r.status() + " " + r.body());
            System.exit(1);
        }
        Files.writeString(Path.of(req("out")), key + "\n");
        out(String.format(Locale.ROOT, "    bench tenant %s registered in %.0f ms", group(TENANT_ID, r.body()), r.nanos() / 1e6));
    }

    /** Closed loop: N threads, each sending the next request as soon as the previous answered. */
    static void throughput() throws Exception {
        String op = req("op");
        String key = req("key");
        Path idsFile = Path.of(req("ids"));
        int clients = intOpt("clients", 1);
        double warmup = dblOpt("warmup", 5);
        double duration = dblOpt("duration", 20);
        long maxRequests = Long.parseLong(opt("max-requests", "0"));
        String label = req("label");
        String runId = runId() + "-" + label;

        List<String> ids;
        if (op.equals("get")) {
            ids = Files.exists(idsFile) ? Files.readAllLines(idsFile).stream().filter(s -> !s.isBlank()).toList() : List.of();
            if (ids.isEmpty()) {
                out("    " + label + ": skipped, no customer ids from the create phase");
                sum(label + ".skipped", "no customer ids");
                return;
            }
        } else if (op.equals("create") || op.equals("event") || op.equals("batch")) {
            ids = null;
        } else {
            throw new IllegalArgumentException("--op create|get|event|batch");
        }
        String[] usage = op.equals("event") || op.equals("batch") ? Files.readString(Path.of(req("usage"))).trim().split(" ") : null;
        int batch = op.equals("batch") ? intOpt("batch", 100) : 1;
        boolean raw = switch (opt("transport", "jdk")) {
            case "jdk" -> false;
            case "raw" -> true;
            default -> throw new IllegalArgumentException("--transport jdk|raw");
        };
        AtomicLong events = new AtomicLong();

        long start = System.nanoTime();
        long measureFrom = start + (long) (warmup * 1e9);
        long end = measureFrom + (long) (duration * 1e9);
        Stats measured = new Stats(label);
        Stats warm = new Stats("warm-up");
        AtomicLong issued = new AtomicLong();
        AtomicLong seq = new AtomicLong();
        List<String> created = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            Thread th = new Thread(() -> {
                HttpClient client = raw ? null : newClient();
                RawConnection connection = raw ? new RawConnection(URI.create(base)) : null;
                Sender sender = raw ? connection::send : (m, p, k, j) -> send(client, m, p, k, j);
                Stats.Buffer mb = measured.buffer();
                Stats.Buffer wb = warm.buffer();
                while (System.nanoTime() < end && (maxRequests <= 0 || issued.incrementAndGet() <= maxRequests)) {
                    Result r;
                    if (usage != null && batch == 1 && op.equals("event")) {
                        r = sender.send("POST", "/api/events", key, eventJson(usage, runId + "-" + seq.incrementAndGet()));
                    } else if (usage != null) {
                        StringBuilder body = new StringBuilder("{\"events\":[");
                        for (int i = 0; i < batch; i++) {
                            body.append(i == 0 ? "" : ",").append(eventJson(usage, runId + "-" + seq.incrementAndGet()));
                        }
                        r = sender.send("POST", "/api/events/batch", key, body.append("]}").toString());
                        String accepted = r.ok() ? group(ACCEPTED, r.body()) : null;
                        if (r.ok() && (accepted == null || Integer.parseInt(accepted) != batch)) {
                            r = new Result(-2, "batch of " + batch + " accepted " + accepted + ": " + r.body(), r.nanos());
                        }
                    } else if (ids == null) {
                        r = sender.send("POST", "/api/customers", key, customerJson(runId + "-" + seq.incrementAndGet()));
                        if (r.ok()) {
                            String id = group(CUSTOMER_ID, r.body());
                            if (id != null) {
                                created.add(id);
                            }
                        }
                    } else {
                        String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                        r = sender.send("GET", "/api/customers/" + id, key, null);
                    }
                    long done = System.nanoTime();
                    // A request belongs to the measured window when it completed inside it.
                    if (done < measureFrom) {
                        warm.record(wb, r);
                    } else if (done <= end) {
                        measured.record(mb, r);
                        if (r.ok()) {
                            events.addAndGet(batch);
                        }
                    }
                }
            }, "load-" + t);
            threads.add(th);
            th.start();
        }
        joinAll(threads);
        double measuredSeconds = Math.min(duration, Math.max(1e-9, (System.nanoTime() - measureFrom) / 1e9));
        if (!created.isEmpty()) {
            Files.write(idsFile, created, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        out(String.format(Locale.ROOT, "  %s (%d client%s%s, %s s warm-up discarded: %d ok / %d errors, %s s measured)",
                label, clients, clients == 1 ? "" : "s", raw ? " on raw sockets" : "", num(warmup), warm.ok.get(), warm.errors.get(), num(duration)));
        measured.report(label, measured.ok.get() / measuredSeconds);
        if (usage != null) {
            double perSecond = events.get() / measuredSeconds;
            out(String.format(Locale.ROOT, "    %-22s %.0f events/s stored", "", perSecond));
            sum(label + ".events", String.format(Locale.ROOT, "%.0f", perSecond));
        }
        if (warm.errors.get() > 0 && measured.errors.get() == 0) {
            warm.printSamples();
        }
    }

    /** A customer, a SUM metric, a monthly plan charging it, and a subscription: what usage events need. */
    static void usageSetup() throws Exception {
        HttpClient client = newClient();
        String key = req("key");
        String unique = runId().replace("-", "") + Long.toHexString(System.nanoTime() & 0xffffff); // once per set-up
        String code = "bench_calls_" + unique;
        String customer = created(client, key, "/api/customers", customerJson("usage-" + unique));
        String metric = created(client, key, "/api/billable-metrics", "{\"name\":\"Calls\",\"code\":\"" + code
                + "\",\"aggregationType\":\"SUM\",\"fieldName\":\"calls\"}");
        String plan = created(client, key, "/api/plans", "{\"name\":\"Metered\",\"code\":\"metered_" + unique
                + "\",\"billingInterval\":\"MONTHLY\",\"trialDays\":0,\"prices\":[{\"currency\":\"USD\",\"amount\":10}]}");
        created(client, key, "/api/charges", "{\"planId\":\"" + plan + "\",\"billableMetricId\":\"" + metric
                + "\",\"chargeModel\":\"STANDARD\",\"properties\":{\"amount\":0.001}}");
        String subscription = created(client, key, "/api/subscriptions", "{\"customerId\":\"" + customer
                + "\",\"planId\":\"" + plan + "\"}");
        Files.writeString(Path.of(req("out")), subscription + " " + code + "\n");
        out("    usage set-up: subscription " + subscription + ", metric " + code);
    }

    static String created(HttpClient client, String key, String path, String json) {
        Result r = send(client, "POST", path, key, json);
        String id = r.ok() ? group(ANY_ID, r.body()) : null;
        if (id == null) {
            out("    could not create " + path + ": " + r.status() + " " + r.body());
            System.exit(1);
        }
        return id;
    }

    /** Stores --events events in batches of 1,000 from --clients threads; prints the rate, as set-up. */
    static void usageFill() throws Exception {
        String key = req("key");
        String[] usage = Files.readString(Path.of(req("usage"))).trim().split(" ");
        long total = Long.parseLong(req("events"));
        int clients = intOpt("clients", 4);
        String label = req("label");
        String runId = runId() + "-" + label;
        AtomicLong next = new AtomicLong();
        AtomicLong stored = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            Thread th = new Thread(() -> {
                HttpClient client = newClient();
                while (failed.get() < 10) {
                    long first = next.getAndAdd(1000);
                    if (first >= total) {
                        return;
                    }
                    int n = (int) Math.min(1000, total - first);
                    StringBuilder body = new StringBuilder("{\"events\":[");
                    for (int i = 0; i < n; i++) {
                        body.append(i == 0 ? "" : ",").append(eventJson(usage, runId + "-" + (first + i)));
                    }
                    Result r = send(client, "POST", "/api/events/batch", key, body.append("]}").toString());
                    String accepted = r.ok() ? group(ACCEPTED, r.body()) : null;
                    if (accepted == null) {
                        failed.incrementAndGet();
                        out("    usage-fill error: " + r.status() + " " + (r.body().length() > 200 ? r.body().substring(0, 200) : r.body()));
                    } else {
                        stored.addAndGet(Long.parseLong(accepted));
                    }
                }
            }, "fill-" + t);
            threads.add(th);
            th.start();
        }
        joinAll(threads);
        double seconds = (System.nanoTime() - start) / 1e9;
        out(String.format(Locale.ROOT, "    %s: %d events stored in %.1f s (%.0f events/s, %d clients)", label, stored.get(),
                seconds, stored.get() / seconds, clients));
        sum(label + ".stored", String.valueOf(stored.get()));
        sum(label + ".events", String.format(Locale.ROOT, "%.0f", stored.get() / seconds));
    }

    /** GET the subscription's current usage --count times, one after the other. */
    static void currentUsage() throws Exception {
        String key = req("key");
        String[] usage = Files.readString(Path.of(req("usage"))).trim().split(" ");
        int count = intOpt("count", 10);
        String label = req("label");
        HttpClient client = newClient();
        Stats stats = new Stats(label);
        Stats.Buffer buffer = stats.buffer();
        for (int i = 0; i < count; i++) {
            stats.record(buffer, send(client, "GET", "/api/subscriptions/" + usage[0] + "/usage", key, null));
        }
        stats.report(label, null);
    }

    static void registrations() throws Exception {
        int count = intOpt("count", 50);
        int clients = intOpt("clients", 1);
        String label = req("label");
        String runId = runId() + "-" + label;
        Stats stats = new Stats(label);
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int t = 0; t < clients; t++) {
            Thread th = new Thread(() -> {
                HttpClient client = newClient();
                Stats.Buffer b = stats.buffer();
                int i;
                while ((i = next.getAndIncrement()) < count) {
                    stats.record(b, send(client, "POST", "/api/auth/register", null, registerJson(runId + "-" + i)));
                }
            });
            threads.add(th);
            th.start();
        }
        joinAll(threads);
        double secs = (System.nanoTime() - t0) / 1e9;
        out(String.format(Locale.ROOT, "  %s (%d registrations, %d client%s, %.1f s)", label, count, clients, clients == 1 ? "" : "s", secs));
        stats.report(label, null);
    }

    /** Registers N tenants; for each, creates one customer and reads it back. */
    static void tenants() throws Exception {
        int count = intOpt("count", 1000);
        int clients = intOpt("clients", 4);
        double maxSeconds = dblOpt("max-seconds", 3600);
        String label = req("label");
        Path outFile = Path.of(req("out"));
        String runId = runId() + "-" + label;
        Stats reg = new Stats("register");
        Stats create = new Stats("create customer");
        Stats get = new Stats("GET customer");
        String[] keys = new String[count];
        String[] customers = new String[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger fullyOk = new AtomicInteger();
        long t0 = System.nanoTime();
        long deadline = t0 + (long) (maxSeconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            Thread th = new Thread(() -> {
                HttpClient client = newClient();
                Stats.Buffer rb = reg.buffer(), cb = create.buffer(), gb = get.buffer();
                int i;
                while (System.nanoTime() < deadline && (i = next.getAndIncrement()) < count) {
                    String unique = runId + "-" + i;
                    Result r = send(client, "POST", "/api/auth/register", null, registerJson(unique));
                    reg.record(rb, r);
                    String key = r.ok() ? group(API_KEY, r.body()) : null;
                    if (r.ok() && key == null) {
                        reg.error("no-apiKey", r.body());
                    }
                    if (key != null) {
                        keys[i] = key;
                        Result c = send(client, "POST", "/api/customers", key, customerJson(unique));
                        create.record(cb, c);
                        String id = c.ok() ? group(CUSTOMER_ID, c.body()) : null;
                        if (c.ok() && id == null) {
                            create.error("no-id", c.body());
                        }
                        if (id != null) {
                            customers[i] = id;
                            Result g = send(client, "GET", "/api/customers/" + id, key, null);
                            get.record(gb, g);
                            if (g.ok()) {
                                fullyOk.incrementAndGet();
                            }
                        }
                    }
                    finished.incrementAndGet();
                }
            });
            threads.add(th);
            th.start();
        }
        Thread reporter = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(15_000);
                    progress(String.format(Locale.ROOT, "%d/%d tenants done, %d fully ok, errors: register %d, create %d, get %d (%.0f s)",
                            finished.get(), count, fullyOk.get(), reg.errors.get(), create.errors.get(), get.errors.get(),
                            (System.nanoTime() - t0) / 1e9));
                }
            } catch (InterruptedException e) {
                // done
            }
        });
        reporter.setDaemon(true);
        reporter.start();
        joinAll(threads);
        reporter.interrupt();
        double secs = (System.nanoTime() - t0) / 1e9;
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (keys[i] != null) {
                lines.add(i + "\t" + keys[i] + "\t" + (customers[i] == null ? "-" : customers[i]));
            }
        }
        Files.write(outFile, lines);
        int attempted = Math.min(count, next.get());
        int notAttempted = count - finished.get();
        int failedTenants = finished.get() - fullyOk.get();
        out(String.format(Locale.ROOT, "  %s: %d tenants requested, %d clients, elapsed %.1f s", label, count, clients, secs));
        out(String.format(Locale.ROOT, "    tenants fully answering (register + create + GET): %d; failed: %d; not attempted (time limit %.0f s): %d",
                fullyOk.get(), failedTenants, maxSeconds, notAttempted));
        reg.report(label + ".register", null);
        create.report(label + ".create", null);
        get.report(label + ".get", null);
        sum(label + ".requested", String.valueOf(count));
        sum(label + ".attempted", String.valueOf(attempted));
        sum(label + ".fullyOk", String.valueOf(fullyOk.get()));
        sum(label + ".failedTenants", String.valueOf(failedTenants));
        sum(label + ".notAttempted", String.valueOf(notAttempted));
        sum(label + ".elapsed", String.format(Locale.ROOT, "%.1f", secs));
    }

    /** GETs every tenant's customer once (tenants that got no customer in the tenants phase are counted apart). */
    static void verify() throws Exception {
        Path file = Path.of(req("tenants"));
        int clients = intOpt("clients", 4);
        double maxSeconds = dblOpt("max-seconds", 3600);
        String label = req("label");
        int expected = intOpt("expected", -1);
        List<String[]> rows = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                String[] f = line.split("\t");
                if (f.length == 3) {
                    rows.add(f);
                }
            }
        }
        List<String[]> withCustomer = rows.stream().filter(f -> !f[2].equals("-")).toList();
        Stats get = new Stats("GET customer");
        AtomicInteger next = new AtomicInteger();
        AtomicInteger okCount = new AtomicInteger();
        long startEpochMs = System.currentTimeMillis();
        long t0 = System.nanoTime();
        long deadline = t0 + (long) (maxSeconds * 1e9);
        AtomicLong lastOk = new AtomicLong(t0);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            Thread th = new Thread(() -> {
                HttpClient client = newClient();
                Stats.Buffer b = get.buffer();
                int i;
                while (System.nanoTime() < deadline && (i = next.getAndIncrement()) < withCustomer.size()) {
                    String[] row = withCustomer.get(i);
                    Result r = send(client, "GET", "/api/customers/" + row[2], row[1], null);
                    get.record(b, r);
                    if (r.ok()) {
                        okCount.incrementAndGet();
                        lastOk.accumulateAndGet(System.nanoTime(), Math::max);
                    }
                }
            });
            threads.add(th);
            th.start();
        }
        joinAll(threads);
        double secs = (System.nanoTime() - t0) / 1e9;
        int total = expected >= 0 ? expected : rows.size();
        int unchecked = total - withCustomer.size();
        int notAttempted = (int) Math.max(0, withCustomer.size() - Math.min(next.get(), withCustomer.size()));
        boolean all = okCount.get() == total && total > 0;
        out(String.format(Locale.ROOT, "  %s: %d of %d tenants answered their customer GET in %.1f s (%d clients)%s",
                label, okCount.get(), total, secs, clients, all ? " — every tenant answered" : ""));
        if (unchecked > 0) {
            out("    not checkable (no customer from the tenants phase): " + unchecked);
        }
        if (notAttempted > 0) {
            out(String.format(Locale.ROOT, "    not attempted (time limit %.0f s): %d", maxSeconds, notAttempted));
        }
        get.report(label, null);
        sum(label + ".answered", String.valueOf(okCount.get()));
        sum(label + ".expected", String.valueOf(total));
        sum(label + ".unchecked", String.valueOf(unchecked));
        sum(label + ".elapsed", String.format(Locale.ROOT, "%.1f", secs));
        sum(label + ".allAnswered", String.valueOf(all));
        // Wall-clock instants, so that bench/run.sh can relate them to the server's launch.
        sum(label + ".startEpochMs", String.valueOf(startEpochMs));
        sum(label + ".lastOkEpochMs", String.valueOf(startEpochMs + (lastOk.get() - t0) / 1_000_000L));
    }

    // ---------------------------------------------------------------- figure 8: billing run


    /**
     * Registers a tenant, freezes its test clock at the start of next month (UTC), creates a monthly KES plan
     * (3,000.00, base fee in advance) with a STANDARD usage charge (0.50 a call) on a SUM metric, then --subscriptions
     * customers each with one subscription (all starting at that instant, from --clients threads) and
     * --events-per-subscription events each (1 call, in batches of 1,000). Once the N opening invoices are FINALIZED,
     * it times one {"by":"P1M"} advance of the test clock (which closes every period before answering) and the
     * wait until the N invoices of the closed periods are FINALIZED as well (2N in all), polling
     * GET /api/invoices?status=FINALIZED&limit=1 (meta.total). Everything before the advance is untimed set-up.
     */
    static void billing() throws Exception {
        int n = intOpt("subscriptions", 10_000);
        int perSubscription = intOpt("events-per-subscription", 3);
        int walletEvery = intOpt("wallet-every", 10);
        int clients = intOpt("clients", 4);
        double maxSeconds = dblOpt("max-seconds", 900);
        String label = req("label");
        String runId = runId() + "-" + label;
        Duration longTimeout = Duration.ofMillis((long) (maxSeconds * 1000));
        HttpClient client = newClient();

        Result reg = send(client, "POST", "/api/auth/register", null, registerJson("billing-" + runId));
        String key = reg.ok() ? group(API_KEY, reg.body()) : null;
        if (key == null) {
            out("    could not register the billing tenant: " + reg.status() + " " + reg.body());
            System.exit(1);
        }
        Result clock = send(client, "GET", "/api/test-clock", key, null);
        if (!clock.ok()) {
            out("    " + label + ": no test clock (" + clock.status() + " " + clock.body() + "); the server must be "
                    + "started with NOVABILLING_TEST_CLOCK=true");
            sum(label + ".skipped", "no test clock (" + clock.status() + ")");
            System.exit(1);
        }
        java.time.Instant start = java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusMonths(1).withDayOfMonth(1)
                .truncatedTo(java.time.temporal.ChronoUnit.DAYS).toInstant();
        Result moved = send(client, "POST", "/api/test-clock/advance", key, "{\"to\":\"" + start + "\"}");
        if (!moved.ok()) {
            out("    could not set the test clock to " + start + ": " + moved.status() + " " + moved.body());
            System.exit(1);
        }
        String unique = runId.replace("-", "").replace(".", "");
        String code = "bench_calls_" + unique;
        String metric = created(client, key, "/api/billable-metrics", "{\"name\":\"Calls\",\"code\":\"" + code
                + "\",\"aggregationType\":\"SUM\",\"fieldName\":\"calls\"}");
        String plan = created(client, key, "/api/plans", "{\"name\":\"Bench monthly\",\"code\":\"bench_monthly_" + unique
                + "\",\"billingInterval\":\"MONTHLY\",\"trialDays\":0,\"prices\":[{\"currency\":\"KES\",\"amount\":3000.00}]}");
        created(client, key, "/api/charges", "{\"planId\":\"" + plan + "\",\"billableMetricId\":\"" + metric
                + "\",\"chargeModel\":\"STANDARD\",\"properties\":{\"amount\":0.50}}");
        out(String.format(Locale.ROOT, "    billing tenant registered; test clock at %s; plan %s (KES 3,000.00 monthly, "
                + "in advance) with a STANDARD charge of 0.50 a call on %s", start, plan, code));

        // ---- set-up: N customers and subscriptions (untimed, but its rate is printed)
        String[] subscriptions = new String[n];
        String[] customers = new String[n];
        Stats customerStats = new Stats("create customer");
        Stats subscriptionStats = new Stats("create subscription");
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        long t0 = System.nanoTime();
        long deadline = t0 + (long) (maxSeconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            Thread th = new Thread(() -> {
                HttpClient c = newClient();
                Stats.Buffer cb = customerStats.buffer(), sb = subscriptionStats.buffer();
                int i;
                while (System.nanoTime() < deadline && (i = next.getAndIncrement()) < n) {
                    String u = runId + "-" + i;
                    Result cr = send(c, "POST", "/api/customers", key, "{\"externalId\":\"ext-" + u
                            + "\",\"name\":\"Wanjiru Kamau\",\"email\":\"wanjiru-" + u
                            + "@example.com\",\"country\":\"KE\",\"currency\":\"KES\"}");
                    customerStats.record(cb, cr);
                    String customer = cr.ok() ? group(CUSTOMER_ID, cr.body()) : null;
                    customers[i] = customer;
                    if (customer != null) {
                        Result sr = send(c, "POST", "/api/subscriptions", key, "{\"customerId\":\"" + customer
                                + "\",\"planId\":\"" + plan + "\"}");
                        subscriptionStats.record(sb, sr);
                        subscriptions[i] = sr.ok() ? group(ANY_ID, sr.body()) : null;
                    }
                    done.incrementAndGet();
                }
            }, "billing-setup-" + t);
            threads.add(th);
            th.start();
        }
        Thread reporter = reporter(() -> String.format(Locale.ROOT, "%d/%d customers and subscriptions, errors %d/%d (%.0f s)",
                done.get(), n, customerStats.errors.get(), subscriptionStats.errors.get(), (System.nanoTime() - t0) / 1e9));
        joinAll(threads);
        reporter.interrupt();
        double setupSeconds = (System.nanoTime() - t0) / 1e9;
        List<String> subs = Arrays.stream(subscriptions).filter(java.util.Objects::nonNull).toList();
        int created = subs.size();
        out(String.format(Locale.ROOT, "    set-up: %d of %d subscriptions (each with its own customer) created in %.1f s "
                + "(%.0f subscriptions/s, %d clients)", created, n, setupSeconds, created / setupSeconds, clients));
        customerStats.report(label + ".setup.customer", null);
        subscriptionStats.report(label + ".setup.subscription", null);
        sum(label + ".subscriptions", String.valueOf(created));
        sum(label + ".setupSeconds", String.format(Locale.ROOT, "%.1f", setupSeconds));
        if (created == 0) {
            out("    " + label + ": no subscription was created; nothing to bill");
            System.exit(1);
        }

        // ---- set-up: usage, in batches of 1,000
        long totalEvents = (long) created * perSubscription;
        AtomicLong nextEvent = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        Stats batchStats = new Stats("POST /events/batch");
        long e0 = System.nanoTime();
        long eventsDeadline = e0 + (long) (maxSeconds * 1e9);
        threads.clear();
        for (int t = 0; t < clients; t++) {
            Thread th = new Thread(() -> {
                HttpClient c = newClient();
                Stats.Buffer b = batchStats.buffer();
                while (System.nanoTime() < eventsDeadline) {
                    long first = nextEvent.getAndAdd(1000);
                    if (first >= totalEvents) {
                        return;
                    }
                    int size = (int) Math.min(1000, totalEvents - first);
                    StringBuilder body = new StringBuilder("{\"events\":[");
                    for (int i = 0; i < size; i++) {
                        long j = first + i;
                        String subscription = subs.get((int) (j / perSubscription));
                        body.append(i == 0 ? "" : ",").append("{\"transactionId\":\"").append(runId).append("-ev-").append(j)
                                .append("\",\"subscriptionId\":\"").append(subscription).append("\",\"code\":\"").append(code)
                                .append("\",\"timestamp\":\"").append(start.plusSeconds(1 + j % perSubscription))
                                .append("\",\"properties\":{\"calls\":1}}");
                    }
                    Result r = send(c, "POST", "/api/events/batch", key, body.append("]}").toString());
                    String ok = r.ok() ? group(ACCEPTED, r.body()) : null;
                    if (r.ok() && (ok == null || Integer.parseInt(ok) != size)) {
                        r = new Result(-2, "batch of " + size + " accepted " + ok + ": " + r.body(), r.nanos());
                    }
                    batchStats.record(b, r);
                    if (ok != null) {
                        accepted.addAndGet(Long.parseLong(ok));
                    }
                }
            }, "billing-events-" + t);
            threads.add(th);
            th.start();
        }
        joinAll(threads);
        double eventSeconds = (System.nanoTime() - e0) / 1e9;
        out(String.format(Locale.ROOT, "    set-up: %d of %d usage events stored in %.1f s (%d a subscription, batches of 1,000)",
                accepted.get(), totalEvents, eventSeconds, perSubscription));
        batchStats.report(label + ".setup.events", null);
        sum(label + ".events", String.valueOf(accepted.get()));

        // ---- set-up: the N opening invoices (in-advance fee of the first period), issued asynchronously
        long w0 = System.nanoTime();
        long finalizedOpening = waitForInvoices(client, key, "FINALIZED", created, w0 + (long) (maxSeconds * 1e9));
        long allOpening = invoiceCount(client, key, null);
        out(String.format(Locale.ROOT, "    set-up: %d opening invoices FINALIZED (%d invoices in all; expected %d), "
                + "%.1f s after the last subscription was created", finalizedOpening, allOpening, created,
                (System.nanoTime() - w0) / 1e9));
        if (finalizedOpening < created) {
            out("    !! the opening invoices did not all appear within " + num(maxSeconds) + " s; the billing run is not timed");
            sum(label + ".failed", "opening invoices: " + finalizedOpening + " of " + created + " FINALIZED");
            System.exit(1);
        }

        // ---- set-up: every --wallet-every-th customer gets a KES wallet granted 1,000 credits, which the invoice of the
        // closed period draws at its finalization (part of it: the invoice stays FINALIZED with 2,001.50 due)
        int wallets = 0;
        if (walletEvery > 0) {
            long g0 = System.nanoTime();
            AtomicInteger walletsCreated = new AtomicInteger();
            AtomicInteger nextWallet = new AtomicInteger();
            Stats walletStats = new Stats("create wallet");
            threads.clear();
            for (int t = 0; t < clients; t++) {
                Thread th = new Thread(() -> {
                    HttpClient c = newClient();
                    Stats.Buffer b = walletStats.buffer();
                    int i;
                    while ((i = nextWallet.getAndAdd(walletEvery)) < n) {
                        if (customers[i] == null || subscriptions[i] == null) {
                            continue;
                        }
                        Result w = send(c, "POST", "/api/wallets", key, "{\"customerId\":\"" + customers[i]
                                + "\",\"name\":\"Bench grant\",\"currency\":\"KES\",\"grantedCredits\":1000,"
                                + "\"priority\":1}");
                        walletStats.record(b, w);
                        if (w.ok()) {
                            walletsCreated.incrementAndGet();
                        }
                    }
                }, "billing-wallets-" + t);
                threads.add(th);
                th.start();
            }
            joinAll(threads);
            wallets = walletsCreated.get();
            out(String.format(Locale.ROOT, "    set-up: %d wallets (every %d-th customer, KES 1,000.00 granted) created in "
                    + "%.1f s", wallets, walletEvery, (System.nanoTime() - g0) / 1e9));
            walletStats.report(label + ".setup.wallets", null);
        }
        sum(label + ".wallets", String.valueOf(wallets));

        // ---- timed: one period later
        long expected = 2L * created;
        long a0 = System.nanoTime();
        Result advance = send(client, "POST", "/api/test-clock/advance", key, "{\"by\":\"P1M\"}", longTimeout);
        double advanceSeconds = (System.nanoTime() - a0) / 1e9;
        if (!advance.ok()) {
            out("    !! POST /api/test-clock/advance {\"by\":\"P1M\"} answered " + advance.status() + " after "
                    + String.format(Locale.ROOT, "%.1f s: ", advanceSeconds)
                    + (advance.body().length() > 300 ? advance.body().substring(0, 300) : advance.body()));
            sum(label + ".advanceError", advance.status() + " " + (advance.body().length() > 160 ? advance.body().substring(0, 160) : advance.body()));
        }
        long runDeadline = a0 + (long) (maxSeconds * 1e9);
        long issuedAt = -1;
        long finalized = 0;
        long all = 0;
        long lastReport = System.nanoTime();
        while (true) {
            all = invoiceCount(client, key, null);
            long now = System.nanoTime();
            if (issuedAt < 0 && all >= expected) {
                issuedAt = now;
            }
            finalized = invoiceCount(client, key, "FINALIZED");
            now = System.nanoTime();
            if (issuedAt < 0 && finalized >= expected) {
                issuedAt = now; // issued and finalized between the two reads
            }
            if (finalized >= expected || now > runDeadline) {
                break;
            }
            if (now - lastReport > 15e9) {
                progress(String.format(Locale.ROOT, "%d of %d invoices, %d FINALIZED (%.0f s after the advance)", all,
                        expected, finalized, (now - a0) / 1e9));
                lastReport = now;
            }
            Thread.sleep(200);
        }
        long end = System.nanoTime();
        double seconds = (end - a0) / 1e9;
        long billed = finalized - finalizedOpening;
        boolean complete = finalized >= expected;
        out(String.format(Locale.ROOT, "  %s: %d subscriptions, one P1M advance of the test clock", label, created));
        out(String.format(Locale.ROOT, "    advance request (closes every period before answering): %.1f s, status %d",
                advanceSeconds, advance.status()));
        out(String.format(Locale.ROOT, "    all %d invoices of the closed periods issued: %s", created,
                issuedAt < 0 ? "not within " + num(maxSeconds) + " s (" + (all - allOpening) + " issued)"
                        : String.format(Locale.ROOT, "%.1f s after the advance was sent", (issuedAt - a0) / 1e9)));
        out(String.format(Locale.ROOT, "    %s %d of %d FINALIZED: %.1f s after the advance was sent → %.0f invoices/s",
                complete ? "done:" : "!! incomplete:", billed, created, seconds, billed / seconds));
        if (all > expected || finalized > expected) {
            out("    !! more invoices than expected: " + all + " in all, " + finalized + " FINALIZED, expected " + expected);
        }
        sum(label + ".advanceSeconds", String.format(Locale.ROOT, "%.1f", advanceSeconds));
        sum(label + ".advanceStatus", String.valueOf(advance.status()));
        sum(label + ".issuedSeconds", issuedAt < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", (issuedAt - a0) / 1e9));
        sum(label + ".seconds", String.format(Locale.ROOT, "%.1f", seconds));
        sum(label + ".billed", String.valueOf(billed));
        sum(label + ".complete", String.valueOf(complete));
        sum(label + ".invoicesPerSecond", String.format(Locale.ROOT, "%.0f", billed / seconds));
        sum(label + ".invoicesInAll", String.valueOf(all));

        // ---- a check of one invoice: in-advance fee of the new period plus the closed period's usage
        java.math.BigDecimal expectedTotal = new java.math.BigDecimal("3000.00")
                .add(new java.math.BigDecimal("0.50").multiply(java.math.BigDecimal.valueOf(perSubscription)));
        String sample = subs.get(subs.size() / 2);
        Result list = send(client, "GET", "/api/invoices?subscriptionId=" + sample + "&limit=10", key, null);
        String invoice = list.ok() ? group(ANY_ID, list.body()) : null;
        Result one = invoice == null ? null : send(client, "GET", "/api/invoices/" + invoice, key, null);
        if (one != null && one.ok()) {
            String total = group(TOTAL, one.body());
            boolean matches = total != null && new java.math.BigDecimal(total).compareTo(expectedTotal) == 0;
            out(String.format(Locale.ROOT, "    check: subscription %s has %s invoices; the newest (%s) totals KES %s, "
                    + "expected %s (3,000.00 + %d × 0.50)%s", sample, group(META_TOTAL, list.body()), group(STATUS, one.body()),
                    total, expectedTotal.toPlainString(), perSubscription, matches ? "" : "  !! MISMATCH"));
            sum(label + ".check", matches ? "ok" : "mismatch: " + total + " expected " + expectedTotal.toPlainString());
        } else {
            out("    check: could not read an invoice of " + sample + ": " + list.status() + " " + list.body());
        }

        if (wallets > 0) {
            String withWallet = subscriptions[0];
            Result listed = withWallet == null ? null
                    : send(client, "GET", "/api/invoices?subscriptionId=" + withWallet + "&limit=10", key, null);
            String latest = listed != null && listed.ok() ? group(ANY_ID, listed.body()) : null;
            Result read = latest == null ? null : send(client, "GET", "/api/invoices/" + latest, key, null);
            String due = null;
            if (read != null && read.ok()) {
                Matcher m = AMOUNT_DUE.matcher(read.body());
                due = m.find() ? m.group(1) : null;
            }
            java.math.BigDecimal expectedDue = expectedTotal.subtract(new java.math.BigDecimal("1000"));
            boolean dueMatches = due != null && new java.math.BigDecimal(due).compareTo(expectedDue) == 0;
            out(String.format(Locale.ROOT, "    check: subscription %s (its customer has a wallet) owes KES %s on its newest "
                    + "invoice, expected %s (1,000.00 paid from the wallet)%s", withWallet, due,
                    expectedDue.toPlainString(), dueMatches ? "" : "  !! MISMATCH"));
            sum(label + ".walletCheck", dueMatches ? "ok" : "mismatch");
        }

        if (boolOpt("verify", true)) {
            verifyLedger(client, "billing-" + runId, label, longTimeout);
        }
    }

    /**
     * Figure 8, last step: GET /api/admin/ledger/verify on the billing tenant (with a fresh JWT from /auth/login: the
     * registration's may have expired during a long run), timed from the request to the last byte of the answer.
     */
    static void verifyLedger(HttpClient client, String unique, String label, Duration timeout) throws IOException {
        Result login = send(client, "POST", "/api/auth/login", null, "{\"email\":\"owner-" + unique
                + "@example.com\",\"password\":\"securePassword123\"}");
        String jwt = login.ok() ? group(ACCESS_TOKEN, login.body()) : null;
        if (jwt == null) {
            out("    !! verify: could not log in as the billing tenant's owner: " + login.status() + " " + login.body());
            sum(label + ".verify", "login failed: " + login.status());
            return;
        }
        long v0 = System.nanoTime();
        Result verified = send(client, "GET", "/api/admin/ledger/verify", jwt, null, timeout);
        double seconds = (System.nanoTime() - v0) / 1e9;
        if (!verified.ok()) {
            String body = verified.body().length() > 300 ? verified.body().substring(0, 300) : verified.body();
            out(String.format(Locale.ROOT, "    !! verify: GET /api/admin/ledger/verify answered %d after %.1f s: %s",
                    verified.status(), seconds, body));
            sum(label + ".verify", "status " + verified.status() + " after " + String.format(Locale.ROOT, "%.1f s", seconds));
            return;
        }
        String ok = group(VERIFY_OK, verified.body());
        String violations = group(VIOLATION_COUNT, verified.body());
        String counts = group(COUNTS, verified.body());
        out(String.format(Locale.ROOT, "    verify: GET /api/admin/ledger/verify in %.1f s (server %s ms): ok %s, "
                + "%s violations; counts {%s}", seconds, group(DURATION_MS, verified.body()), ok, violations, counts));
        if (!"true".equals(ok)) {
            out("    !! the ledger verifier found violations; the first: " + (verified.body().length() > 600
                    ? verified.body().substring(0, 600) : verified.body()));
        }
        sum(label + ".verify", String.format(Locale.ROOT, "%.1f s, ok %s, %s violations", seconds, ok, violations));
        sum(label + ".verifyCounts", counts == null ? "n/a" : counts);
    }

    /** GET /api/invoices?limit=1 (with the status, if given): meta.total, or -1 when the request failed. */
    static long invoiceCount(HttpClient client, String key, String status) {
        Result r = send(client, "GET", "/api/invoices?limit=1" + (status == null ? "" : "&status=" + status), key, null);
        String total = r.ok() ? group(META_TOTAL, r.body()) : null;
        if (total == null) {
            out("    invoice count failed: " + r.status() + " " + (r.body().length() > 200 ? r.body().substring(0, 200) : r.body()));
            return -1;
        }
        return Long.parseLong(total);
    }

    /** Polls the invoice count (of the status) until it reaches expected or the deadline passes; the last count. */
    static long waitForInvoices(HttpClient client, String key, String status, long expected, long deadline)
            throws InterruptedException {
        long count;
        while ((count = invoiceCount(client, key, status)) < expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        return count;
    }

    /** A daemon thread printing the line every 15 s until interrupted. */
    static Thread reporter(java.util.function.Supplier<String> line) {
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(15_000);
                    progress(line.get());
                }
            } catch (InterruptedException e) {
                // done
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }
}
