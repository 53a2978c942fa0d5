package com.novabilling.command.creditnote;

import com.novabilling.command.numbering.DocumentNumberCounter;
import org.springframework.stereotype.Component;

/** The credit-note sequence: the {@code CREDIT_NOTE} row of the document number counter (tenant migration V12_501). */
@Component
public class JdbcCreditNoteNumbers implements CreditNoteNumbers {

    static final String KIND = "CREDIT_NOTE";

    private final DocumentNumberCounter counter;

    public JdbcCreditNoteNumbers(DocumentNumberCounter counter) {
        this.counter = counter;
    }

    @Override
    public long next() {
        return counter.next(KIND);
    }
}
