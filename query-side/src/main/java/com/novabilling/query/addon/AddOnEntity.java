package com.novabilling.query.addon;

import com.novabilling.api.addon.AddOnPriceView;
import com.novabilling.api.addon.AddOnDetails;
import com.novabilling.api.addon.AddOnView;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.query.readmodel.ReadModelRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.List;
import java.util.Map;

@Entity
@Table(name = "addons")
public class AddOnEntity extends ReadModelRow {

    /** One price as stored in the {@code prices} JSON column: minor units, never a floating-point number. */
    public record StoredPrice(CurrencyCode currency, long minor) {
        AddOnPriceView toView() {
            return new AddOnPriceView(currency, Money.ofMinor(minor, currency).toMajor());
        }
    }

    private String name;
    private String code;
    private String description;
    private String invoiceDisplayName;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private List<StoredPrice> prices;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private Map<String, Object> metadata;
    void set(AddOnDetails addOn) {
        name = addOn.name();
        code = addOn.code();
        description = addOn.description();
        invoiceDisplayName = addOn.invoiceDisplayName();
        prices = addOn.prices().stream().map(price -> new StoredPrice(price.currency(), price.minor())).toList();
        metadata = addOn.metadata() == null ? Map.of() : addOn.metadata();
    }

    public AddOnView toView() {
        return new AddOnView(id, name, code, description, invoiceDisplayName,
                prices.stream().map(StoredPrice::toView).toList(), metadata, createdAt, updatedAt);
    }
}
