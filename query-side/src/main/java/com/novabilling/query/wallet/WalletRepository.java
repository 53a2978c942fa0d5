package com.novabilling.query.wallet;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface WalletRepository extends JpaRepository<WalletEntity, String>, JpaSpecificationExecutor<WalletEntity> {
}
