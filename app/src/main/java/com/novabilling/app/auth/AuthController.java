package com.novabilling.app.auth;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/auth")
@Tag(name = "Auth", description = "Public endpoints for tenant registration, login and password management")
public class AuthController {

    private final AuthService auth;

    public AuthController(AuthService auth) {
        this.auth = auth;
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a tenant: provisions its own database, returns an API key (shown once) and JWT tokens")
    public AuthResponses.Registered register(@Valid @RequestBody AuthRequests.Register request) {
        return auth.register(request);
    }

    @PostMapping("/login")
    @Operation(summary = "Log in with email and password")
    public AuthResponses.LoggedIn login(@Valid @RequestBody AuthRequests.Login request) {
        return auth.login(request);
    }

    @PostMapping("/refresh")
    @Operation(summary = "Exchange a refresh token for a new access/refresh pair (the old refresh token is consumed)")
    public AuthResponses.LoggedIn refresh(@Valid @RequestBody AuthRequests.Refresh request) {
        return auth.refresh(request);
    }

    @PostMapping("/forgot-password")
    @Operation(summary = "E-mail a password reset token (always succeeds, to prevent account enumeration)")
    public AuthResponses.Message forgotPassword(@Valid @RequestBody AuthRequests.ForgotPassword request) {
        return auth.forgotPassword(request);
    }

    @PostMapping("/reset-password")
    @Operation(summary = "Set a new password with a reset token; revokes all sessions")
    public AuthResponses.Message resetPassword(@Valid @RequestBody AuthRequests.ResetPassword request) {
        return auth.resetPassword(request);
    }
}
