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
    record Result(int status, String body, long nanos) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    static Result send(HttpClient client, String method, String path, String apiKey, String json) {
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
                HttpClient client = newClient();
                Stats.Buffer mb = measured.buffer();
                Stats.Buffer wb = warm.buffer();
                while (System.nanoTime() < end && (maxRequests <= 0 || issued.incrementAndGet() <= maxRequests)) {
                    Result r;
                    if (usage != null && batch == 1 && op.equals("event")) {
                        r = send(client, "POST", "/api/events", key, eventJson(usage, runId + "-" + seq.incrementAndGet()));
                    } else if (usage != null) {
                        StringBuilder body = new StringBuilder("{\"events\":[");
                        for (int i = 0; i < batch; i++) {
                            body.append(i == 0 ? "" : ",").append(eventJson(usage, runId + "-" + seq.incrementAndGet()));
                        }
                        r = send(client, "POST", "/api/events/batch", key, body.append("]}").toString());
                        String accepted = r.ok() ? group(ACCEPTED, r.body()) : null;
                        if (r.ok() && (accepted == null || Integer.parseInt(accepted) != batch)) {
                            r = new Result(-2, "batch of " + batch + " accepted " + accepted + ": " + r.body(), r.nanos());
                        }
                    } else if (ids == null) {
                        r = send(client, "POST", "/api/customers", key, customerJson(runId + "-" + seq.incrementAndGet()));
                        if (r.ok()) {
                            String id = group(CUSTOMER_ID, r.body());
                            if (id != null) {
                                created.add(id);
                            }
                        }
                    } else {
                        String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                        r = send(client, "GET", "/api/customers/" + id, key, null);
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
        out(String.format(Locale.ROOT, "  %s (%d client%s, %s s warm-up discarded: %d ok / %d errors, %s s measured)",
                label, clients, clients == 1 ? "" : "s", num(warmup), warm.ok.get(), warm.errors.get(), num(duration)));
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
}
