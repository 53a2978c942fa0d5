package com.novabilling.query.invoice;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface InvoiceRepository extends JpaRepository<InvoiceEntity, String>,
        JpaSpecificationExecutor<InvoiceEntity> {
}
