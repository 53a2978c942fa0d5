package com.novabilling.command.wallet;

import com.novabilling.api.id.IdPrefix;
import com.novabilling.api.openapi.ApiTags;
import com.novabilling.api.wallet.FindWalletQuery;
import com.novabilling.api.wallet.TerminateWalletCommand;
import com.novabilling.api.wallet.WalletView;
import com.novabilling.command.web.ResourceCommands;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * Wallets' writes (docs/billing-rules.md §15); each answers the wallet as the read model now has it, so a top-up
 * shows the balance it left.
 */
@RestController
@RequestMapping("/wallets")
@Tag(name = ApiTags.WALLETS)
public class WalletCommandController {

    private final ResourceCommands commands;

    public WalletCommandController(ResourceCommands commands) {
        this.commands = commands;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createWallet", summary = "Create a wallet",
            description = "Creates an ACTIVE wallet of the customer in one currency. paidCredits become a PURCHASED "
                    + "transaction (with its credit-purchase invoice), grantedCredits a GRANTED one, each worth "
                    + "credits × rateAmount rounded once; both settle at once unless "
                    + "invoiceRequiresSuccessfulPayment, which keeps purchases PENDING until their invoice is paid.")
    @ApiResponse(responseCode = "404", description = "The customer does not exist (or was deleted)")
    public WalletView create(@Valid @RequestBody CreateWalletRequest request) {
        String customerId = request.customerId().trim();
        IdPrefix.CUSTOMER.require(customerId);
        String walletId = IdPrefix.WALLET.newId();
        commands.send(request.toCommand(walletId));
        return find(walletId);
    }

    @PostMapping("/transactions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createWalletTransactions", summary = "Top up or void credits",
            description = "Buys (paidCredits), grants (grantedCredits) and voids (voidedCredits) credits of an "
                    + "ACTIVE wallet, in that order, one transaction each; at least one more than 0. Voided credits "
                    + "come from the settled balance, granted credit first. Answers the wallet with its new "
                    + "balance; GET /wallets/{walletId}/transactions lists the transactions made.")
    @ApiResponse(responseCode = "404", description = "The wallet does not exist")
    @ApiResponse(responseCode = "409", description = "The wallet is TERMINATED or expired, or voidedCredits are "
            + "more than its settled balance")
    public WalletView topUp(@Valid @RequestBody TopUpWalletRequest request) {
        String walletId = request.walletId().trim();
        // no Idempotency-Key convention in the API: each request is its own top-up
        commands.sendTo(IdPrefix.WALLET, walletId, request.toCommand(UUID.randomUUID().toString()));
        return find(walletId);
    }

    @PatchMapping("/{walletId}")
    @ResponseStatus(HttpStatus.OK)
    @Operation(operationId = "updateWallet", summary = "Update a wallet",
            description = "Changes an ACTIVE wallet's name, expirationAt (in the future) or priority; an absent "
                    + "field is left as it is.")
    @ApiResponse(responseCode = "409", description = "The wallet is TERMINATED or expired")
    public WalletView update(@PathVariable String walletId,
                             @Valid @RequestBody(required = false) UpdateWalletRequest request) {
        UpdateWalletRequest changes = request != null ? request : UpdateWalletRequest.NO_CHANGES;
        commands.sendTo(IdPrefix.WALLET, walletId, changes.toCommand(walletId));
        return find(walletId);
    }

    @DeleteMapping("/{walletId}")
    @ResponseStatus(HttpStatus.OK)
    @Operation(operationId = "terminateWallet", summary = "Terminate a wallet",
            description = "Voids the settled remainder (one VOIDED transaction), fails pending purchases and ends "
                    + "the wallet; it stays readable, TERMINATED, with its transactions. Answers the terminated "
                    + "wallet.")
    @ApiResponse(responseCode = "409", description = "The wallet is already TERMINATED")
    public WalletView terminate(@PathVariable String walletId) {
        commands.sendTo(IdPrefix.WALLET, walletId, new TerminateWalletCommand(walletId));
        return find(walletId);
    }

    private WalletView find(String walletId) {
        return commands.read(new FindWalletQuery(walletId), WalletView.class);
    }
}
