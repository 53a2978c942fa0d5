package com.novabilling.query.customer;

import com.novabilling.api.customer.CustomerDetails;
import com.novabilling.api.customer.CustomerView;
import com.novabilling.api.invoice.BillingTerms;
import com.novabilling.query.readmodel.ReadModelRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.util.Map;

@Entity
@Table(name = "customers")
public class CustomerEntity extends ReadModelRow {

    private String externalId;
    private String name;
    private String email;
    private String country;
    private String currency;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private Map<String, Object> metadata;
    private Integer netPaymentTerms;
    private BigDecimal taxRate;
    private String taxName;

    void set(CustomerDetails customer) {
        externalId = customer.externalId();
        name = customer.name();
        email = customer.email();
        country = customer.country();
        currency = customer.currency();
        netPaymentTerms = customer.netPaymentTerms();
        taxRate = customer.taxRate();
        taxName = customer.taxName();
        metadata = customer.metadata() == null ? Map.of() : customer.metadata();
    }

    public CustomerView toView() {
        return new CustomerView(id, new CustomerDetails(externalId, name, email, country, currency, netPaymentTerms,
                BillingTerms.canonicalRate(taxRate), taxName, metadata), createdAt, updatedAt);
    }
}
