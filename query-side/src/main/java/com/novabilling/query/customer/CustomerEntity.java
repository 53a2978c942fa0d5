package com.novabilling.query.customer;

import com.novabilling.api.customer.CustomerView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Map;

@Entity
@Table(name = "customers")
public class CustomerEntity {

    @Id
    private String id;
    @Column(name = "external_id")
    private String externalId;
    private String name;
    private String email;
    private String country;
    private String currency;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private Map<String, Object> metadata;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected CustomerEntity() {
        // for JPA
    }

    public CustomerEntity(String id, Instant createdAt) {
        this.id = id;
        this.createdAt = createdAt;
    }

    public void setDetails(String externalId, String name, String email, String country, String currency,
                           Map<String, Object> metadata, Instant updatedAt) {
        this.externalId = externalId;
        this.name = name;
        this.email = email;
        this.country = country;
        this.currency = currency;
        this.metadata = metadata == null ? Map.of() : metadata;
        this.updatedAt = updatedAt;
    }

    public CustomerView toView() {
        return new CustomerView(id, externalId, name, email, country, currency, metadata, createdAt, updatedAt);
    }
}
