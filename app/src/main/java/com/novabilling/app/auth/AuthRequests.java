package com.novabilling.app.auth;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Request bodies of the public auth endpoints. */
public final class AuthRequests {

    private AuthRequests() {
    }

    public record Register(@NotBlank @Size(max = 255) String name,
                           @NotBlank @Email @Size(max = 320) String email,
                           @NotBlank @Size(min = 8, max = 72, message = "must be 8 to 72 characters") @FitsBcrypt String password,
                           @Size(max = 255) String companyName) {
    }

    public record Login(@NotBlank @Email String email, @NotBlank String password) {
    }

    public record Refresh(@NotBlank String refreshToken) {
    }

    public record ForgotPassword(@NotBlank @Email String email) {
    }

    public record ResetPassword(@NotBlank String token,
                                @NotBlank @Size(min = 8, max = 72, message = "must be 8 to 72 characters") @FitsBcrypt String password) {
    }
}
