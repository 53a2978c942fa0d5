package com.novabilling.query.wallet;

import com.novabilling.api.openapi.ApiTags;
import com.novabilling.api.query.PageResult;
import com.novabilling.api.wallet.FindWalletQuery;
import com.novabilling.api.wallet.ListWalletTransactionsQuery;
import com.novabilling.api.wallet.ListWalletsQuery;
import com.novabilling.api.wallet.WalletStatus;
import com.novabilling.api.wallet.WalletTransactionStatus;
import com.novabilling.api.wallet.WalletTransactionType;
import com.novabilling.api.wallet.WalletTransactionView;
import com.novabilling.api.wallet.WalletView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static com.novabilling.api.query.PageParameters.enumFilter;
import static com.novabilling.api.query.PageParameters.idFilter;
import static com.novabilling.api.query.PageParameters.limit;
import static com.novabilling.api.query.PageParameters.page;
import static com.novabilling.api.query.PageResultResponseType.pageOf;
import static com.novabilling.api.query.QueryResults.await;

/** Wallets' reads (docs/billing-rules.md §15). */
@RestController
@Tag(name = ApiTags.WALLETS)
public class WalletQueryController {

    private final QueryGateway queryGateway;

    public WalletQueryController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping("/wallets")
    @Operation(operationId = "listWallets", summary = "List wallets",
            description = "Paginated ({data, meta}), newest first; the filters combine.")
    public PageResult<WalletView> list(@RequestParam(required = false) String page,
                                       @RequestParam(required = false) String limit,
                                       @RequestParam(required = false) String customerId,
                                       @Parameter(description = "ACTIVE or TERMINATED, any letter case")
                                       @RequestParam(required = false) String status) {
        ListWalletsQuery query = new ListWalletsQuery(page(page), limit(limit), idFilter(customerId, "customerId"),
                enumFilter(WalletStatus.class, status, "status"));
        return await(queryGateway.query(query, pageOf(WalletView.class)));
    }

    @GetMapping("/wallets/{walletId}")
    @Operation(operationId = "getWallet", summary = "Get a wallet",
            description = "The wallet by its id, with its settled balance (in money and credits), what is pending "
                    + "and what invoices consumed.")
    public WalletView get(@PathVariable String walletId) {
        return await(queryGateway.query(new FindWalletQuery(walletId), WalletView.class));
    }

    @GetMapping("/wallets/{walletId}/transactions")
    @Operation(operationId = "listWalletTransactions", summary = "List wallet transactions",
            description = "The wallet's transactions, paginated ({data, meta}), newest first; the filters combine. "
                    + "INVOICED and VOIDED transactions list the PURCHASED and GRANTED transactions they drew from "
                    + "(draws), e.g. 12.00 of the 2026-03-01 grant of 15.00.")
    public PageResult<WalletTransactionView> transactions(
            @PathVariable String walletId,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String limit,
            @Parameter(description = "PURCHASED, GRANTED, INVOICED or VOIDED, any letter case")
            @RequestParam(required = false) String type,
            @Parameter(description = "PENDING, SETTLED or FAILED, any letter case")
            @RequestParam(required = false) String status) {
        ListWalletTransactionsQuery query = new ListWalletTransactionsQuery(walletId, page(page), limit(limit),
                enumFilter(WalletTransactionType.class, type, "type"),
                enumFilter(WalletTransactionStatus.class, status, "status"));
        return await(queryGateway.query(query, pageOf(WalletTransactionView.class)));
    }
}
