package com.novabilling.query.subscription;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface SubscriptionRepository extends JpaRepository<SubscriptionEntity, String>,
        JpaSpecificationExecutor<SubscriptionEntity> {
}
