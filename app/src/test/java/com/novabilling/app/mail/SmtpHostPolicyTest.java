package com.novabilling.app.mail;

import com.novabilling.api.error.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The host rules on their own, with a name resolver that answers from a table instead of DNS. */
class SmtpHostPolicyTest {

    private static final Map<String, List<String>> DNS = Map.of(
            "smtp.public.test", List.of("203.0.113.10", "2001:db8::25"),
            "internal.test", List.of("10.1.2.3"),
            "sneaky.test", List.of("203.0.113.11", "127.0.0.1"),
            "metadata.test", List.of("169.254.169.254"),
            "ula.test", List.of("fd12:3456::1"),
            "relay.corp.test", List.of("192.168.10.5"));

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        List<String> addresses = DNS.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        InetAddress[] out = new InetAddress[addresses.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = InetAddress.getByName(addresses.get(i)); // literals: no lookup
        }
        return out;
    }

    private final SmtpHostPolicy strict = new SmtpHostPolicy(List.of(), SmtpHostPolicyTest::resolve);

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.2", "::1", "[::1]", "0.0.0.0", "0.1.2.3", "::", "10.0.0.1",
            "172.16.0.1", "172.31.255.254", "192.168.1.1", "169.254.169.254", "fe80::1", "fd00::1", "fc00::1",
            "100.64.0.1", "100.127.255.254", "224.0.0.1", "ff02::1", "255.255.255.255", "::ffff:127.0.0.1",
            "::ffff:10.0.0.1", "64:ff9b::a00:1", "2002:a00:1::1", "::7f00:1"})
    void internalAddressesAreRefusedNamingTheHostField(String host) {
        assertThatThrownBy(() -> strict.addressFor(host))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> {
                    ValidationException v = (ValidationException) e;
                    assertThat(v.errors()).singleElement().satisfies(f -> {
                        assertThat(f.field()).isEqualTo("settings.smtp.host");
                        assertThat(f.message()).contains(host.trim()).contains("public internet");
                    });
                });
    }

    @Test
    void namesAreJudgedByEveryAddressTheyResolveTo() {
        for (String host : List.of("internal.test", "sneaky.test", "metadata.test", "ula.test", "INTERNAL.test.")) {
            assertThatThrownBy(() -> strict.addressFor(host)).as(host).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("resolves to a");
        }
    }

    @Test
    void aPublicHostGivesTheFirstAddressItResolvedTo() throws Exception {
        assertThat(strict.addressFor("smtp.public.test").getHostAddress()).isEqualTo("203.0.113.10");
        assertThat(strict.addressFor("203.0.113.7").getHostAddress()).isEqualTo("203.0.113.7");
        assertThat(strict.addressFor("100.128.0.1").getHostAddress()).as("just past CGNAT").isEqualTo("100.128.0.1");
        assertThat(strict.addressFor("172.32.0.1").getHostAddress()).as("just past 172.16/12").isEqualTo("172.32.0.1");
    }

    @Test
    void theOperatorCanAllowHostsAddressesAndBlocks() throws Exception {
        SmtpHostPolicy allowing = new SmtpHostPolicy(List.of("127.0.0.1", "10.0.0.0/8", "Relay.Corp.Test", "fd00::/8"),
                SmtpHostPolicyTest::resolve);
        assertThat(allowing.addressFor("127.0.0.1").getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(allowing.addressFor("internal.test").getHostAddress()).isEqualTo("10.1.2.3");
        assertThat(allowing.addressFor("relay.corp.test").getHostAddress()).isEqualTo("192.168.10.5");
        assertThat(allowing.addressFor("ula.test").getHostAddress()).isEqualTo("fd12:3456:0:0:0:0:0:1");
        assertThatThrownBy(() -> allowing.addressFor("127.0.0.2")).as("only the listed address").isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> allowing.addressFor("192.168.10.5")).as("a name allows itself, not its address")
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> allowing.addressFor("metadata.test")).isInstanceOf(ValidationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "smtp example.com", "smtp.example.com:25", "a\u0000b", "http://smtp.example.com",
            "10.0.0.0/8", "-smtp.example.com", "smtp_relay.example.com"})
    void whatIsNoHostIsRefusedWithoutALookup(String host) {
        SmtpHostPolicy noLookups = new SmtpHostPolicy(List.of(), h -> {
            throw new AssertionError("looked up " + h);
        });
        assertThatThrownBy(() -> noLookups.addressFor(host)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("settings.smtp.host");
    }

    @Test
    void anUnknownNameIsUnresolvable() {
        assertThatThrownBy(() -> strict.addressFor("nowhere.test")).isInstanceOf(SmtpHostPolicy.UnresolvableHostException.class)
                .hasMessage("could not resolve nowhere.test");
    }
}
