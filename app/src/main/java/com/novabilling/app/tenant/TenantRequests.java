package com.novabilling.app.tenant;

import com.novabilling.command.validation.RequestPatterns;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

public final class TenantRequests {

    private TenantRequests() {
    }

    public record UpdateTenant(@Size(min = 1, max = 255) String name,
                               @Email(regexp = RequestPatterns.EMAIL) @Size(max = 320) String email,
                               @Size(max = 255) String companyName,
                               @Valid Settings settings) {
    }

    public record Settings(String defaultCurrency, String timezone, @Valid Smtp smtp,
                           Boolean emailInvoicesOnFinalization) {
    }

    public record Smtp(@Size(min = 1, max = 255) String host,
                       @Min(1) @Max(65535) Integer port,
                       @Size(max = 255) String username,
                       @Size(max = 1000) String password,
                       @Email(regexp = RequestPatterns.EMAIL) String fromEmail,
                       @Size(max = 255) String fromName,
                       Boolean secure) {
    }

    public record CreateApiKey(@Size(max = 255) String name) {
    }

    public record SmtpTest(@Email(regexp = RequestPatterns.EMAIL) String to) {
    }
}
