package com.novabilling.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.novabilling.app.support.Api;
import com.novabilling.app.support.IntegrationTest;
import com.novabilling.app.support.TestTenant;
import com.novabilling.app.security.RouteAccess;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.novabilling.app.support.OpenApiDocument.requestPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suite fuzzes itself: every operation of the generated OpenAPI document gets hostile input (wrong types, values
 * out of bounds, NUL and control characters, huge numbers, bad dates, malformed and trailing JSON, odd path and query
 * values). Request bodies start from a valid body for the operation, so each mutation reaches the field it targets.
 * Every answer must be a 4xx in the API's JSON error shape without internals, nothing may be stored, and the tenant's
 * lists and projections must be healthy afterwards. New endpoints are covered as soon as the document lists them.
 */
class EdgeFuzzHttpTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern LEAK = Pattern.compile(
            "(?i)exception|jackson|fasterxml|java\\.|jakarta\\.|javax\\.|org\\.[a-z]|springframework|hibernate|psql|"
                    + "sqlstate|postgres|tomcat|<html|stack ?trace|\\bat [a-z]+\\.[a-z]");
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final String NUL_TEXT = "bad\u0000text";
    /** Stands for an unpaired surrogate, written into the body as the escape {@code \ud800}: Java would send '?'. */
    private static final String LONE_SURROGATE = "LONE_SURROGATE_MARK";

    private record Operation(String method, String path, JsonNode operation) {
        String key() {
            return method + " " + path;
        }
    }

    private record Case(String what, String body) {
    }

    @Test
    void everyOperationRefusesHostileInputWithoutA5xxALeakOrAnythingStored() {
        TestTenant t = registerTenant();
        Map<String, String> ids = createFixtures(t);
        JsonNode doc = api().get("/api/openapi.json", null).body();
        List<Operation> operations = operations(doc);
        assertThat(operations).as("operations in the OpenAPI document").hasSizeGreaterThan(40);
        String database = tenantDatabase(t.id());
        long eventsBefore = count(database, "SELECT count(*) FROM domain_event_entry");
        long usageBefore = count(database, "SELECT count(*) FROM usage_event");

        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Operation op : operations) {
            String token = tokenFor(op.path(), t);
            for (String path : pathMutations(op.path())) {
                sent++;
                check(op, "path " + path, api().send(op.method(), path, token, null), true, failures);
            }
            for (String query : op.method().equals("GET") ? queryMutations(op.operation()) : List.<String>of()) {
                sent++;
                check(op, "query " + query, api().send(op.method(), concrete(op.path(), ids) + query, token, null),
                        false, failures);
            }
            if (!op.operation().has("requestBody")) {
                continue;
            }
            JsonNode schema = resolve(doc, op.operation().at("/requestBody/content/application~1json/schema"));
            for (ObjectNode base : baseBodies(op, ids, schema)) {
                for (Case mutation : bodyMutations(doc, schema, base)) {
                    sent++;
                    Api.Response response = api().send(op.method(), concrete(op.path(), ids), token, mutation.body());
                    check(op, mutation.what(), response, true, failures);
                }
            }
        }
        assertThat(failures).as(failures.size() + " of " + sent + " hostile requests answered wrongly").isEmpty();
        assertThat(count(database, "SELECT count(*) FROM domain_event_entry"))
                .as("no hostile request stored an event").isEqualTo(eventsBefore);
        assertThat(count(database, "SELECT count(*) FROM usage_event"))
                .as("no hostile request stored a usage event").isEqualTo(usageBefore);

        for (Operation op : operations) {
            if (op.method().equals("GET") && !op.path().contains("{") && op.path().startsWith("/api/")
                    && RouteAccess.of(op.path()) == RouteAccess.API_KEY) {
                Api.Response list = api().get(op.path(), t.apiKey());
                assertThat(list.status()).as(op.key() + " after the fuzz: " + list.text()).isEqualTo(200);
            }
        }
        Api.Response projections = api().get("/api/admin/projections", t.accessToken());
        assertThat(projections.status()).as(projections.text()).isEqualTo(200);
        projections.body().get("data").forEach(p -> assertThat(p.path("error").asBoolean())
                .as("projection " + p + " after the fuzz").isFalse());
    }

    private void check(Operation op, String what, Api.Response response, boolean mustBe4xx, List<String> failures) {
        String problem = null;
        String text = response.text() == null ? "" : response.text();
        if (response.status() >= 500) {
            problem = "answered " + response.status();
        } else if (mustBe4xx && response.status() < 400) {
            problem = "accepted hostile input with " + response.status();
        } else if (response.status() >= 400 && (response.body() == null
                || response.body().path("statusCode").asInt() != response.status()
                || !response.body().path("message").isTextual())) {
            problem = "answered " + response.status() + " outside the API's error shape";
        } else if (response.status() >= 400) {
            Matcher leak = LEAK.matcher(text);
            if (leak.find()) {
                problem = "leaks internals ('" + leak.group() + "')";
            }
        }
        if (problem != null) {
            failures.add(op.key() + " [" + abbreviate(what) + "] " + problem + ": " + abbreviate(text));
        }
    }

    // ---- the operations and their inputs

    /** Each with its request path: the document's paths are relative to its server, /api. */
    private static List<Operation> operations(JsonNode doc) {
        List<Operation> operations = new ArrayList<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            String requestPath = requestPath(doc, path.getKey());
            if (List.of("get", "post", "put", "patch", "delete").contains(method.getKey())
                    && !requestPath.startsWith("/api/openapi") && !requestPath.contains("health")) {
                operations.add(new Operation(method.getKey().toUpperCase(), requestPath, method.getValue()));
            }
        }));
        return operations;
    }

    private static String tokenFor(String path, TestTenant t) {
        return switch (RouteAccess.of(concrete(path, Map.of()))) {
            case PUBLIC -> null;
            case JWT -> t.accessToken();
            case API_KEY -> t.apiKey();
        };
    }

    /** The path with each variable replaced by the fixture of that name, or an id that does not exist. */
    private static String concrete(String path, Map<String, String> ids) {
        Matcher variable = PATH_VARIABLE.matcher(path);
        StringBuilder result = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(result, Matcher.quoteReplacement(ids.getOrDefault(variable.group(1), "missing_0001")));
        }
        variable.appendTail(result);
        return result.toString();
    }

    /** Odd values in each path variable: missing ids, encoded slash and NUL, overlong UTF-8, a very long segment. */
    private static List<String> pathMutations(String path) {
        if (!path.contains("{")) {
            return List.of();
        }
        List<String> values = List.of("does_not_exist", "%2F..%2Fadmin", "a%00b", "%C0%AF", "%E2%82", "x".repeat(5000),
                "%27%20OR%201%3D1--", "..", "-1");
        return values.stream().map(value -> PATH_VARIABLE.matcher(path).replaceAll(Matcher.quoteReplacement(value))).toList();
    }

    /** Wrong types and bounds in each declared query parameter. */
    private static List<String> queryMutations(JsonNode operation) {
        List<String> queries = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            if (!"query".equals(parameter.path("in").asText())) {
                continue;
            }
            String name = parameter.get("name").asText();
            for (String value : List.of("abc", "-1", "1.5", "99999999999999999999", "1e1000", "%00", "", "%C0%AF",
                    "x".repeat(3000))) {
                queries.add("?" + name + "=" + value);
            }
        }
        return queries;
    }

    /** Valid bodies of the operation (from the fixtures' shapes), kept to the fields its schema declares. */
    private static List<ObjectNode> baseBodies(Operation op, Map<String, String> ids, JsonNode schema) {
        List<ObjectNode> bases = new ArrayList<>();
        for (String body : validBodies(op.path(), ids)) {
            ObjectNode base = (ObjectNode) read(body);
            JsonNode properties = schema.path("properties");
            base.retain(iterable(properties.fieldNames()));
            bases.add(base);
        }
        if (bases.isEmpty()) {
            bases.add(NODES.objectNode());
        }
        return bases;
    }

    private static List<String> validBodies(String path, Map<String, String> ids) {
        String plan = ids.get("planId");
        String metric = ids.get("billableMetricId");
        String customer = ids.get("customerId");
        return switch (path) {
            case "/api/customers", "/api/customers/{customerId}" -> List.of("""
                    {"externalId":"fuzz_ext","name":"Fuzz Co","email":"fuzz@example.com","country":"KE",
                     "currency":"KES","metadata":{"tier":"gold","seats":3},"netPaymentTerms":30,"taxRate":16,
                     "taxName":"VAT"}""");
            case "/api/plans", "/api/plans/{planId}" -> List.of("""
                    {"name":"Fuzz","code":"fuzz_plan","description":"d","billingInterval":"MONTHLY","features":["a"],
                     "trialDays":3,"active":true,"prices":[{"currency":"USD","amount":10.5}],"metadata":{"k":"v"},
                     "billingTiming":"IN_ARREARS","netPaymentTerms":30,"invoiceGracePeriodDays":3}""");
            case "/api/plans/{planId}/prices", "/api/plans/{planId}/prices/{priceId}" ->
                    List.of("{\"currency\":\"KES\",\"amount\":100}");
            case "/api/subscriptions" -> List.of("""
                    {"customerId":"%s","planId":"%s","currency":"USD","trialDays":3,
                     "startDate":"2026-03-01T00:00:00Z","billingAnchor":"calendar","metadata":{"source":"fuzz"}}"""
                    .formatted(customer, plan));
            case "/api/subscriptions/{subscriptionId}" -> List.of("{\"metadata\":{\"source\":\"fuzz\"}}");
            case "/api/subscriptions/{subscriptionId}/cancel" -> List.of("{\"cancelAt\":\"period_end\"}",
                    "{\"cancelAtPeriodEnd\":true}");
            case "/api/subscriptions/{subscriptionId}/change-plan" -> List.of("{\"planId\":\"%s\",\"timing\":\"immediate\"}"
                    .formatted(plan), "{\"newPlanId\":\"%s\"}".formatted(plan));
            case "/api/billable-metrics", "/api/billable-metrics/{billableMetricId}" -> List.of("""
                    {"name":"Calls","code":"fuzz_calls","aggregationType":"SUM","fieldName":"bytes","recurring":false,
                     "filters":[{"key":"region","values":["eu","us"]}]}""");
            case "/api/charges", "/api/charges/{chargeId}" -> List.of("""
                    {"planId":"%s","billableMetricId":"%s","chargeModel":"STANDARD","currency":"USD",
                     "properties":{"amount":0.5}}""".formatted(plan, metric), """
                    {"planId":"%s","billableMetricId":"%s","chargeModel":"GRADUATED","billingTiming":"IN_ARREARS",
                     "graduatedRanges":[{"fromValue":0,"toValue":100,"perUnitAmount":0.1,"flatAmount":1},
                                        {"fromValue":101,"perUnitAmount":0.05,"flatAmount":0}],
                     "filters":[{"values":{"region":["eu"]},"properties":{"amount":0.2}}]}""".formatted(plan, metric));
            case "/api/charges/{chargeId}/estimate" -> List.of("{\"currency\":\"USD\",\"units\":1500}", """
                    {"events":[{"transactionId":"t1","timestamp":"2026-03-01T10:00:00Z","properties":{"bytes":5,
                     "region":"eu"}}],"from":"2026-03-01T00:00:00Z","to":"2026-04-01T00:00:00Z"}""");
            case "/api/coupons", "/api/coupons/{couponId}" -> List.of("""
                    {"name":"Fuzz sale","code":"FUZZ-10","description":"d","discountType":"PERCENTAGE",
                     "discountValue":12.5,"duration":"REPEATING","durationInPeriods":3,"maxRedemptions":10,
                     "expiresAt":"2099-01-01T00:00:00Z","isActive":true,"metadata":{"campaign":"fuzz"}}""", """
                    {"name":"Fixed","code":"FUZZ-FIXED","discountType":"FIXED_AMOUNT","discountValue":10,
                     "currency":"USD","planIds":["%s"]}""".formatted(plan));
            case "/api/coupons/apply" -> List.of("{\"couponId\":\"%s\",\"customerId\":\"%s\"}"
                    .formatted(ids.get("couponId"), customer));
            case "/api/add-ons", "/api/add-ons/{addOnId}" -> List.of("""
                    {"name":"Setup","code":"fuzz_setup","description":"d","invoiceDisplayName":"Setup",
                     "prices":[{"currency":"USD","amount":25}],"metadata":{"team":"ops"}}""");
            case "/api/add-ons/apply" -> List.of("{\"addOnId\":\"%s\",\"customerId\":\"%s\",\"quantity\":2,\"currency\":\"USD\"}"
                    .formatted(ids.get("addOnId"), customer));
            case "/api/tenants/me" -> List.of("""
                    {"name":"Fuzz Owner","email":"fuzz-owner@example.com","companyName":"Fuzz Ltd",
                     "settings":{"defaultCurrency":"USD","timezone":"Africa/Nairobi","taxRate":16,"taxName":"VAT",
                                 "netPaymentTerms":14,"invoiceGracePeriodDays":2,
                                 "lateUsagePolicy":"next_invoice"}}""");
            case "/api/tenants/me/api-keys" -> List.of("{\"name\":\"fuzz key\"}");
            case "/api/tenants/me/smtp/test" -> List.of("{\"to\":\"fuzz@example.com\"}");
            case "/api/auth/register" -> List.of("""
                    {"name":"Fuzz","email":"fuzz-register@example.com","password":"securePassword123",
                     "companyName":"Fuzz Register"}""");
            case "/api/auth/login", "/api/auth/forgot-password" ->
                    List.of("{\"email\":\"fuzz@example.com\",\"password\":\"securePassword123\"}");
            case "/api/auth/refresh" -> List.of("{\"refreshToken\":\"not-a-token\"}");
            case "/api/auth/reset-password" -> List.of("{\"token\":\"not-a-token\",\"password\":\"securePassword123\"}");
            case "/api/events" -> List.of("""
                    {"transactionId":"fuzz_txn","subscriptionId":"%s","code":"%s",
                     "properties":{"bytes":5,"region":"eu"}}""".formatted(ids.get("subscriptionId"), ids.get("metricCode")));
            case "/api/events/batch" -> List.of("""
                    {"events":[{"transactionId":"fuzz_batch_txn","subscriptionId":"%s","code":"%s",
                     "timestamp":"2026-03-01T10:00:00Z","properties":{"bytes":5,"region":"eu"}}]}"""
                    .formatted(ids.get("subscriptionId"), ids.get("metricCode")));
            case "/api/invoices" -> List.of("""
                    {"customerId":"%s","currency":"USD","items":[{"description":"Pro Plan - Monthly","amount":150,
                     "quantity":1}],"dueDate":"2026-03-01T00:00:00Z","notes":"Thanks","metadata":{"po":"42"}}"""
                    .formatted(customer));
            case "/api/invoices/{invoiceId}/mark-paid" -> List.of("""
                    {"amount":1,"paidAt":"2026-01-01T00:00:00Z","reference":"TRX-1"}""");
            case "/api/credit-notes" -> List.of("""
                    {"invoiceId":"%s","amount":1,"reason":"other","type":"credit","description":"Fuzz"}"""
                    .formatted(ids.get("finalizedInvoiceId")), """
                    {"invoiceId":"%s","items":[{"description":"Part","amount":1}],"reason":"DUPLICATE",
                     "type":"OFFSET"}""".formatted(ids.get("finalizedInvoiceId")));
            case "/api/credit-notes/{creditNoteId}" -> List.of("""
                    {"amount":1,"reason":"ORDER_CHANGE","type":"CREDIT","description":"Fuzz"}""");
            // expiries far ahead, as the coupon's: an expiry in the tenant's past is refused, so a near date would let
            // every mutation be refused for it rather than for the field it targets once real time passed it
            case "/api/wallets" -> List.of("""
                    {"customerId":"%s","name":"Main Wallet","currency":"USD","rateAmount":1.0,"paidCredits":100,
                     "grantedCredits":10,"expirationAt":"2099-01-01T00:00:00Z","priority":3,
                     "invoiceRequiresSuccessfulPayment":true,"metadata":{"po":"42"}}""".formatted(customer));
            case "/api/wallets/transactions" -> List.of("""
                    {"walletId":"%s","paidCredits":50,"grantedCredits":5,"voidedCredits":1}"""
                    .formatted(ids.get("walletId")));
            case "/api/wallets/{walletId}" -> List.of("""
                    {"name":"Fuzz","expirationAt":"2099-06-01T00:00:00Z","priority":7}""");
            case "/api/admin/projections/rebuild" -> List.of("{\"processor\":\"customers\"}");
            default -> List.of();
        };
    }

    /** Malformed bodies, then every field of the base (and every declared field it lacks) set to hostile values. */
    private static List<Case> bodyMutations(JsonNode doc, JsonNode schema, ObjectNode base) {
        List<Case> cases = new ArrayList<>();
        String valid = base.toString();
        cases.add(new Case("truncated JSON", valid.substring(0, valid.length() - 1)));
        cases.add(new Case("trailing content", valid + " xyz"));
        cases.add(new Case("second JSON value", valid + " {}"));
        cases.add(new Case("an array body", "[" + valid + "]"));
        cases.add(new Case("a string body", "\"" + valid.replace("\"", "'") + "\""));
        cases.add(new Case("NaN", "{\"x\":NaN}"));
        cases.add(new Case("deep nesting", "{\"x\":" + "[".repeat(3000) + "]".repeat(3000) + "}"));
        cases.add(new Case("comment", "/* c */" + valid));
        cases.add(new Case("unknown field", with(base, "notAField", NODES.textNode("x"))));
        base.fieldNames().forEachRemaining(first -> {
            if (cases.stream().noneMatch(c -> c.what().equals("duplicate key"))) {
                cases.add(new Case("duplicate key", "{\"" + first + "\":" + base.get(first) + ","
                        + valid.substring(1)));
            }
        });

        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        collectLeaves(doc, schema, base, "", leaves);
        schema.path("properties").fieldNames().forEachRemaining(name -> leaves.putIfAbsent("/" + name, null));
        leaves.forEach((pointer, value) -> {
            JsonNode fieldSchema = schemaAt(doc, schema, pointer);
            for (Map.Entry<String, JsonNode> hostile : hostileValues(fieldSchema, value, pointer.endsWith("metadata")).entrySet()) {
                cases.add(new Case(pointer + " = " + hostile.getKey(),
                    replaced(base, pointer, hostile.getValue()).replace(LONE_SURROGATE, "\\ud800")));
            }
        });
        return cases;
    }

    private static Map<String, JsonNode> hostileValues(JsonNode schema, JsonNode value, boolean metadata) {
        String type = schema.path("type").asText(value == null ? "" : value.isTextual() ? "string"
                : value.isIntegralNumber() ? "number" : value.isNumber() ? "number" : value.isBoolean() ? "boolean"
                : value.isArray() ? "array" : value.isObject() ? "object" : "");
        Map<String, JsonNode> values = new LinkedHashMap<>();
        switch (type) {
            case "string" -> {
                values.put("number", NODES.numberNode(123));
                values.put("boolean", NODES.booleanNode(true));
                values.put("object", NODES.objectNode());
                values.put("NUL", NODES.textNode(NUL_TEXT));
                values.put("control character", NODES.textNode("bell\u0007"));
                values.put("lone surrogate", NODES.textNode("x" + LONE_SURROGATE + "y"));
                values.put("20,000 characters", NODES.textNode("x".repeat(20_000)));
                if ("date-time".equals(schema.path("format").asText())) {
                    values.put("empty date", NODES.textNode(""));
                    values.put("month 13", NODES.textNode("2026-13-01T00:00:00Z"));
                    values.put("no offset", NODES.textNode("2026-03-01T00:00:00"));
                    values.put("year 100000", NODES.textNode("+100000-01-01T00:00:00Z"));
                    values.put("epoch number", NODES.numberNode(1_767_225_600L));
                }
            }
            case "integer" -> {
                values.put("fraction", NODES.numberNode(new java.math.BigDecimal("1.9")));
                values.put("numeric string", NODES.textNode("1"));
                values.put("boolean", NODES.booleanNode(true));
                values.put("beyond long", NODES.numberNode(new java.math.BigInteger("99999999999999999999999")));
                values.put("1e1000", NODES.numberNode(new java.math.BigDecimal("1e1000")));
            }
            case "number" -> {
                values.put("numeric string", NODES.textNode("12"));
                values.put("boolean", NODES.booleanNode(false));
                values.put("1e1000", NODES.numberNode(new java.math.BigDecimal("1e1000")));
                values.put("1e1000000000", NODES.numberNode(new java.math.BigDecimal("1e1000000000")));
                values.put("-1e30", NODES.numberNode(new java.math.BigDecimal("-1e30")));
                values.put("1e-30", NODES.numberNode(new java.math.BigDecimal("1e-30")));
            }
            case "boolean" -> {
                values.put("string 'true'", NODES.textNode("true"));
                values.put("number 1", NODES.numberNode(1));
            }
            case "array" -> {
                values.put("string", NODES.textNode("x"));
                values.put("object", NODES.objectNode());
                values.put("NUL item", NODES.arrayNode().add(NUL_TEXT));
                values.put("huge number item", NODES.arrayNode().add(new java.math.BigDecimal("1e1000000000")));
            }
            case "object" -> {
                values.put("string", NODES.textNode("x"));
                values.put("array", NODES.arrayNode());
                values.put("NUL key", NODES.objectNode().put("a\u0000b", "v"));
                values.put("NUL value", NODES.objectNode().put("k", NUL_TEXT));
                values.put("huge number value", NODES.objectNode().put("k", new java.math.BigDecimal("1e1000000000")));
                if (!metadata) {
                    return values;
                }
                ObjectNode many = NODES.objectNode();
                for (int i = 0; i < 51; i++) {
                    many.put("k" + i, "v");
                }
                values.put("51 keys", many);
                values.put("long value", NODES.objectNode().put("k", "v".repeat(600)));
                values.put("long key", NODES.objectNode().put("k".repeat(41), "v"));
                values.put("deep", read("{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":1}}}}}"));
            }
            default -> {
                values.put("NUL", NODES.textNode(NUL_TEXT));
                values.put("1e1000000000", NODES.numberNode(new java.math.BigDecimal("1e1000000000")));
            }
        }
        return values;
    }

    // ---- JSON and schema plumbing

    /** Every field of the body by JSON pointer; objects with a declared schema are entered, free-form maps are fields. */
    private static void collectLeaves(JsonNode doc, JsonNode schema, JsonNode node, String pointer,
                                      Map<String, JsonNode> leaves) {
        boolean declared = pointer.isEmpty() || schemaAt(doc, schema, pointer).has("properties");
        if (node.isObject() && declared) {
            node.fields().forEachRemaining(field ->
                    collectLeaves(doc, schema, field.getValue(), pointer + "/" + field.getKey(), leaves));
        } else if (node.isArray() && !node.isEmpty() && node.get(0).isObject()) {
            collectLeaves(doc, schema, node.get(0), pointer + "/0", leaves);
        }
        if (!pointer.isEmpty()) {
            leaves.put(pointer, node);
        }
    }

    private static JsonNode schemaAt(JsonNode doc, JsonNode schema, String pointer) {
        JsonNode current = resolve(doc, schema);
        for (String segment : pointer.substring(1).split("/")) {
            if (current.path("type").asText().equals("array") || current.has("items")) {
                current = resolve(doc, current.path("items"));
                if (segment.matches("\\d+")) {
                    continue;
                }
            }
            current = resolve(doc, current.path("properties").path(segment));
        }
        return current;
    }

    private static JsonNode resolve(JsonNode doc, JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 5; i++) {
            if (current.has("$ref")) {
                current = doc.at(current.get("$ref").asText().substring(1));
            } else if (current.has("allOf") && current.get("allOf").size() == 1) {
                current = current.get("allOf").get(0);
            } else {
                break;
            }
        }
        return current;
    }

    private static String replaced(ObjectNode base, String pointer, JsonNode value) {
        ObjectNode copy = base.deepCopy();
        String parentPointer = pointer.substring(0, pointer.lastIndexOf('/'));
        String last = pointer.substring(pointer.lastIndexOf('/') + 1);
        JsonNode parent = parentPointer.isEmpty() ? copy : copy.at(parentPointer);
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        }
        return copy.toString();
    }

    private static String with(ObjectNode base, String field, JsonNode value) {
        ObjectNode copy = base.deepCopy();
        copy.set(field, value);
        return copy.toString();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static <T> List<T> iterable(Iterator<T> iterator) {
        List<T> items = new ArrayList<>();
        iterator.forEachRemaining(items::add);
        return items;
    }

    private static String abbreviate(String text) {
        String flat = text.replace('\n', ' ');
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    // ---- fixtures: one valid resource of each kind, whose ids fill the path variables

    private Map<String, String> createFixtures(TestTenant t) {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("customerId", created(t, "/api/customers", Map.of("name", "Fixture", "email", "fixture@example.com",
                "currency", "USD")));
        Api.Response plan = api().post("/api/plans", t.apiKey(), Map.of("name", "Fixture", "code", uniqueCode("fx"),
                "billingInterval", "MONTHLY", "prices", List.of(Map.of("currency", "USD", "amount", 10))));
        assertThat(plan.status()).as(plan.text()).isEqualTo(201);
        ids.put("planId", plan.body().get("id").asText());
        ids.put("priceId", plan.body().at("/prices/0/id").asText());
        ids.put("subscriptionId", created(t, "/api/subscriptions", Map.of("customerId", ids.get("customerId"),
                "planId", ids.get("planId"))));
        String metricCode = uniqueCode("bytes");
        ids.put("metricCode", metricCode);
        ids.put("billableMetricId", created(t, "/api/billable-metrics", Map.of("name", "Bytes", "code", metricCode,
                "aggregationType", "SUM", "fieldName", "bytes",
                "filters", List.of(Map.of("key", "region", "values", List.of("eu", "us"))))));
        ids.put("chargeId", created(t, "/api/charges", Map.of("planId", ids.get("planId"),
                "billableMetricId", ids.get("billableMetricId"), "chargeModel", "STANDARD",
                "properties", Map.of("amount", 0.5))));
        ids.put("couponId", created(t, "/api/coupons", Map.of("name", "Fixture", "code", uniqueCode("FX"),
                "discountType", "PERCENTAGE", "discountValue", 10)));
        ids.put("addOnId", created(t, "/api/add-ons", Map.of("name", "Fixture", "code", uniqueCode("fx"),
                "prices", List.of(Map.of("currency", "USD", "amount", 5)))));
        ids.put("appliedCouponId", created(t, "/api/coupons/apply", Map.of("couponId", ids.get("couponId"),
                "customerId", ids.get("customerId"))));
        ids.put("appliedAddOnId", created(t, "/api/add-ons/apply", Map.of("addOnId", ids.get("addOnId"),
                "customerId", ids.get("customerId"))));
        ids.put("eventId", created(t, "/api/events", Map.of("transactionId", uniqueCode("fx_txn"),
                "subscriptionId", ids.get("subscriptionId"), "code", metricCode,
                "properties", Map.of("bytes", 5, "region", "eu"))));
        ids.put("invoiceId", created(t, "/api/invoices", Map.of("customerId", ids.get("customerId"),
                "items", List.of(Map.of("description", "Fixture", "amount", 10, "quantity", 1)))));
        String finalizedInvoice = created(t, "/api/invoices", Map.of("customerId", ids.get("customerId"),
                "items", List.of(Map.of("description", "Fixture", "amount", 1000, "quantity", 1))));
        api().post("/api/invoices/" + finalizedInvoice + "/finalize", t.apiKey(), null);
        ids.put("finalizedInvoiceId", finalizedInvoice);
        ids.put("creditNoteId", created(t, "/api/credit-notes", Map.of("invoiceId", finalizedInvoice,
                "amount", 1, "reason", "OTHER", "type", "CREDIT")));
        ids.put("walletId", created(t, "/api/wallets", Map.of("customerId", ids.get("customerId"),
                "currency", "USD", "paidCredits", 100, "grantedCredits", 10)));
        ids.put("id", ids.get("customerId"));
        return ids;
    }
}
