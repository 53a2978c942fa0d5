package com.novabilling.app.auth;

import com.novabilling.app.tenant.TenantAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHashingTest {

    private final PasswordHashing passwords = new PasswordHashing();

    @AfterEach
    void close() {
        passwords.close();
    }

    @Test
    void aHashFromTheHashingThreadsMatchesItsPasswordOnly() throws Exception {
        String hash = passwords.encodeAsync("securePassword123").get();
        assertThat(hash).startsWith("$2a$10$");
        assertThat(passwords.matches("securePassword123", hash)).isTrue();
        assertThat(passwords.matches("securePassword124", hash)).isFalse();
    }

    @Test
    void noPasswordMatchesAMissingHashOrARegistrationStillProvisioning() {
        assertThat(passwords.matches("securePassword123", null)).isFalse();
        assertThat(passwords.matches(TenantAccount.NO_PASSWORD_YET, TenantAccount.NO_PASSWORD_YET)).isFalse();
        assertThat(passwords.matches("", TenantAccount.NO_PASSWORD_YET)).isFalse();
    }
}
