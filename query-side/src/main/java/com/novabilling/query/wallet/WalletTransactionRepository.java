package com.novabilling.query.wallet;

import com.novabilling.api.wallet.WalletTransactionStatus;
import com.novabilling.api.wallet.WalletTransactionType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.math.BigDecimal;

public interface WalletTransactionRepository extends JpaRepository<WalletTransactionEntity, String>,
        JpaSpecificationExecutor<WalletTransactionEntity> {

    /** The sum of the amounts (minor units) of the wallet's transactions of this type and status; 0 when none. */
    @Query("""
            SELECT COALESCE(SUM(t.amountMinor), 0) FROM WalletTransactionEntity t
            WHERE t.walletId = :walletId AND t.type = :type AND t.status = :status""")
    long sumAmount(@Param("walletId") String walletId, @Param("type") WalletTransactionType type,
                   @Param("status") WalletTransactionStatus status);

    /** The sum of the credits of the wallet's transactions of this type and status; 0 when none. */
    @Query("""
            SELECT COALESCE(SUM(t.credits), 0) FROM WalletTransactionEntity t
            WHERE t.walletId = :walletId AND t.type = :type AND t.status = :status""")
    BigDecimal sumCredits(@Param("walletId") String walletId, @Param("type") WalletTransactionType type,
                          @Param("status") WalletTransactionStatus status);
}
