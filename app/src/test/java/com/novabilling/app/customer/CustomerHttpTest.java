package com.novabilling.app.customer;

import com.fasterxml.jackson.databind.JsonNode;
import com.novabilling.app.support.Api;
import com.novabilling.app.support.IntegrationTest;
import com.novabilling.app.support.TestTenant;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerHttpTest extends IntegrationTest {

    @Test
    void seedCreateCustomerExampleWorksAndReadsBack() {
        TestTenant t = registerTenant();
        Api.Response created = api().post("/api/customers", t.apiKey(), """
                {
                  "externalId": "cust_123",
                  "name": "Jane Smith",
                  "email": "jane@example.com",
                  "country": "US",
                  "currency": "USD"
                }""");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.body().get("id").asText();
        assertThat(id).startsWith("cus_");
        assertThat(created.body().get("externalId").asText()).isEqualTo("cust_123");
        assertThat(created.body().get("currency").asText()).isEqualTo("USD");

        Api.Response read = api().get("/api/customers/" + id, t.apiKey());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(created.body());
    }

    @Test
    void listPagesSearchesAndSorts() {
        TestTenant t = registerTenant();
        for (String name : List.of("Alice Mwangi", "Bob Otieno", "Carol Njeri")) {
            catalog(t).customer(name, name.split(" ")[0].toLowerCase() + "@example.com");
        }
        Api.Response page = api().get("/api/customers?page=1&limit=2&sortBy=name&sortOrder=asc", t.apiKey());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.body().at("/meta/totalPages").asInt()).isEqualTo(2);
        assertThat(page.body().at("/meta/page").asInt()).isEqualTo(1);
        assertThat(page.body().at("/meta/limit").asInt()).isEqualTo(2);
        assertThat(page.body().at("/data/0/name").asText()).isEqualTo("Alice Mwangi");
        assertThat(page.body().at("/data/1/name").asText()).isEqualTo("Bob Otieno");

        Api.Response search = api().get("/api/customers?search=NJERI", t.apiKey());
        assertThat(search.body().get("data")).hasSize(1);
        assertThat(search.body().at("/data/0/name").asText()).isEqualTo("Carol Njeri");

        Api.Response snakeCase = api().get("/api/customers?sortBy=created_at&sortOrder=DESC", t.apiKey());
        assertThat(snakeCase.status()).isEqualTo(200);
        assertThat(snakeCase.body().at("/data/0/name").asText()).isEqualTo("Carol Njeri");

        Api.Response bad = api().get("/api/customers?limit=0&sortBy=shoeSize", t.apiKey());
        assertThat(bad.status()).isEqualTo(400);
        Api.Response badPage = api().get("/api/customers?page=abc", t.apiKey());
        assertThat(badPage.status()).isEqualTo(400);
        assertThat(badPage.body().at("/errors/0/field").asText()).isEqualTo("page");
    }

    @Test
    void updateAndDelete() {
        TestTenant t = registerTenant();
        String id = catalog(t).customer("Jane", "jane@example.com");
        Api.Response updated = api().patch("/api/customers/" + id, t.apiKey(), Map.of("name", "Jane A. Smith", "metadata", Map.of("tier", "gold")));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().get("name").asText()).isEqualTo("Jane A. Smith");
        assertThat(updated.body().at("/metadata/tier").asText()).isEqualTo("gold");
        assertThat(api().get("/api/customers/" + id, t.apiKey()).body().get("name").asText()).isEqualTo("Jane A. Smith");

        Api.Response deleted = api().delete("/api/customers/" + id, t.apiKey());
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().get("deleted").asBoolean()).isTrue();
        assertThat(api().get("/api/customers/" + id, t.apiKey()).status()).isEqualTo(404);
        assertThat(api().patch("/api/customers/" + id, t.apiKey(), Map.of("name", "Ghost")).status()).isEqualTo(404);
        assertThat(catalog(t).customer("Jane Again", "jane@example.com")).as("a deleted customer's email is free again").startsWith("cus_");
    }

    @Test
    void invalidInputIsRefusedNamingTheField() {
        TestTenant t = registerTenant();
        Api.Response missing = api().post("/api/customers", t.apiKey(), Map.of("name", "No Email"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().findValuesAsText("field")).contains("email");

        Api.Response currency = api().post("/api/customers", t.apiKey(), Map.of("name", "X", "email", "x@example.com", "currency", "JPY"));
        assertThat(currency.status()).isEqualTo(400);
        assertThat(currency.body().findValuesAsText("field")).contains("currency");

        Api.Response metadata = api().post("/api/customers", t.apiKey(), "{\"name\":\"X\",\"email\":\"x@example.com\",\"metadata\":[1,2]}");
        assertThat(metadata.status()).isEqualTo(400);
        assertThat(metadata.body().at("/errors/0/field").asText()).isEqualTo("metadata");

        Api.Response malformed = api().post("/api/customers", t.apiKey(), "{\"name\":");
        assertThat(malformed.status()).isEqualTo(400);

        Api.Response badEmail = api().patch("/api/customers/" + catalog(t).customer("Y", "y@example.com"), t.apiKey(), Map.of("email", "nope"));
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.body().findValuesAsText("field")).contains("email");
    }

    @Test
    void duplicateEmailOrExternalIdIsAConflict() {
        TestTenant t = registerTenant();
        api().post("/api/customers", t.apiKey(), Map.of("name", "A", "email", "dup@example.com", "externalId", "ext-1"));
        Api.Response email = api().post("/api/customers", t.apiKey(), Map.of("name", "B", "email", "DUP@example.com"));
        assertThat(email.status()).isEqualTo(409);
        assertThat(email.body().at("/errors/0/field").asText()).isEqualTo("email");
        Api.Response external = api().post("/api/customers", t.apiKey(), Map.of("name", "C", "email", "c@example.com", "externalId", "ext-1"));
        assertThat(external.status()).isEqualTo(409);
        assertThat(external.body().at("/errors/0/field").asText()).isEqualTo("externalId");
        String other = catalog(t).customer("D", "d@example.com");
        Api.Response patchToTaken = api().patch("/api/customers/" + other, t.apiKey(), Map.of("email", "dup@example.com"));
        assertThat(patchToTaken.status()).isEqualTo(409);

        TestTenant otherTenant = registerTenant();
        assertThat(api().post("/api/customers", otherTenant.apiKey(), Map.of("name", "A", "email", "dup@example.com", "externalId", "ext-1")).status())
                .as("uniqueness is per tenant").isEqualTo(201);
    }

    @Test
    void anotherTenantsCustomerIsIndistinguishableFromAMissingOneOnEveryRoute() {
        TestTenant a = registerTenant();
        TestTenant b = registerTenant();
        String aCustomer = catalog(a).customer("Private", "private@example.com");
        String missing = "cus_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);

        for (String[] route : new String[][]{{"GET", ""}, {"PATCH", "{\"name\":\"Hijack\"}"}, {"DELETE", ""}}) {
            Api.Response foreign = api().send(route[0], "/api/customers/" + aCustomer, b.apiKey(), route[1].isEmpty() ? null : route[1]);
            Api.Response absent = api().send(route[0], "/api/customers/" + missing, b.apiKey(), route[1].isEmpty() ? null : route[1]);
            assertThat(foreign.status()).as(route[0]).isEqualTo(404);
            assertThat(absent.status()).as(route[0]).isEqualTo(404);
            assertThat(normalise(foreign.body(), aCustomer)).as(route[0] + " same body").isEqualTo(normalise(absent.body(), missing));
        }
        assertThat(api().get("/api/customers", b.apiKey()).total()).isZero();
        assertThat(api().get("/api/customers/" + aCustomer, a.apiKey()).body().get("name").asText()).as("untouched").isEqualTo("Private");
    }

    private static String normalise(JsonNode error, String id) {
        return error.get("statusCode").asText() + "|" + error.get("error").asText() + "|" + error.get("message").asText().replace(id, "<id>");
    }
}
