package com.novabilling.command.invoice;

import com.novabilling.command.numbering.DocumentNumberCounter;
import org.springframework.stereotype.Component;

/**
 * The invoice sequence: the {@code INVOICE} row of the tenant's document number counter ({@link DocumentNumberCounter},
 * tenant migration V12_201), advanced in the finalizing command's transaction.
 */
@Component
public class JdbcInvoiceNumbers implements InvoiceNumbers {

    static final String KIND = "INVOICE";

    private final DocumentNumberCounter counter;

    public JdbcInvoiceNumbers(DocumentNumberCounter counter) {
        this.counter = counter;
    }

    @Override
    public long next() {
        return counter.next(KIND);
    }
}
