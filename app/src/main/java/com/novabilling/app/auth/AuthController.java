package com.novabilling.app.auth;

import com.novabilling.api.openapi.ApiTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
@Tag(name = ApiTags.AUTH)
public class AuthController {

    private final AuthService auth;

    public AuthController(AuthService auth) {
        this.auth = auth;
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "registerTenant", summary = "Register a tenant",
            description = "Provisions the tenant's own database and answers the tenant, an API key (shown only in "
                    + "this response) and a JWT access/refresh pair.")
    @ApiResponse(responseCode = "409", description = "A tenant with this email already exists")
    @ApiResponse(responseCode = "503", description = "The tenant's database could not be provisioned; nothing was "
            + "kept, retry after the Retry-After seconds")
    public AuthResponses.Registered register(@Valid @RequestBody AuthRequests.Register request) {
        return auth.register(request);
    }

    @PostMapping("/login")
    @ResponseStatus(HttpStatus.OK)
    @Operation(operationId = "login", summary = "Log in",
            description = "Exchanges the tenant owner's email and password for a JWT access/refresh pair.")
    @ApiResponse(responseCode = "401", description = "Invalid email or password")
    public AuthResponses.LoggedIn login(@Valid @RequestBody AuthRequests.Login request) {
        return auth.login(request);
    }

    @PostMapping("/refresh")
    @ResponseStatus(HttpStatus.OK)
    @Operation(operationId = "refreshToken", summary = "Refresh the tokens",
            description = "Exchanges a refresh token for a new access/refresh pair; the old refresh token is consumed.")
    @ApiResponse(responseCode = "401", description = "The refresh token is invalid, expired, revoked or already used")
    public AuthResponses.LoggedIn refresh(@Valid @RequestBody AuthRequests.Refresh request) {
        return auth.refresh(request);
    }

    @PostMapping("/forgot-password")
    @Operation(operationId = "forgotPassword", summary = "Request a password reset",
            description = "E-mails a password reset token to the address when a tenant has it; always answers the "
                    + "same success, to prevent account enumeration.")
    public AuthResponses.Message forgotPassword(@Valid @RequestBody AuthRequests.ForgotPassword request) {
        return auth.forgotPassword(request);
    }

    @PostMapping("/reset-password")
    @Operation(operationId = "resetPassword", summary = "Reset the password",
            description = "Sets a new password with the e-mailed reset token (400 when it is invalid, expired or "
                    + "already used) and revokes all the tenant's sessions.")
    public AuthResponses.Message resetPassword(@Valid @RequestBody AuthRequests.ResetPassword request) {
        return auth.resetPassword(request);
    }
}
