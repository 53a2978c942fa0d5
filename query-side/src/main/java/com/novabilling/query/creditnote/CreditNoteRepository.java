package com.novabilling.query.creditnote;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface CreditNoteRepository extends JpaRepository<CreditNoteEntity, String>,
        JpaSpecificationExecutor<CreditNoteEntity> {
}
