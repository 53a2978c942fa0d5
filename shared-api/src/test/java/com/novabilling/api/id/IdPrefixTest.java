package com.novabilling.api.id;

import com.novabilling.api.error.NotFoundException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdPrefixTest {

    @Test
    void newIdsAreThePrefixAnd24RandomHexDigits() {
        assertThat(IdPrefix.CUSTOMER.newId()).matches("cus_[0-9a-f]{24}");
        assertThat(IdPrefix.APPLIED_ADD_ON.newId()).matches("apa_[0-9a-f]{24}");
        assertThat(IdPrefix.PLAN.newId()).isNotEqualTo(IdPrefix.PLAN.newId());
    }

    @Test
    void anIdWithoutThePrefixIsAnsweredLikeAMissingOneNamingTheResource() {
        assertThatCode(() -> IdPrefix.CHARGE.require(IdPrefix.CHARGE.newId())).doesNotThrowAnyException();
        assertThatThrownBy(() -> IdPrefix.BILLABLE_METRIC.require("cus_0123"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("Billable metric with id 'cus_0123' not found");
        assertThatThrownBy(() -> IdPrefix.COUPON.require("cpn_")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> IdPrefix.SUBSCRIPTION.require(null)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anIdDerivedFromAKeyIsTheSameForTheSameKeyAndHasThePrefix() {
        String boundary = IdPrefix.INVOICE.derivedId("sub_1@2038-04-01T00:00:00Z");
        assertThat(boundary).matches("inv_[0-9a-f]{24}")
                .isEqualTo(IdPrefix.INVOICE.derivedId("sub_1@2038-04-01T00:00:00Z"))
                .isNotEqualTo(IdPrefix.INVOICE.derivedId("sub_1@2038-05-01T00:00:00Z"))
                // the first 12 bytes of SHA-256 of the key, as every id already stored was derived (sha256sum)
                .isEqualTo("inv_2ad55d40553f969cdf3d04d8");
        assertThatThrownBy(() -> IdPrefix.WALLET.require(boundary))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("Wallet with id '" + boundary + "' not found");
    }

    @Test
    void noTwoResourcesShareAPrefix() {
        Set<String> prefixes = new HashSet<>();
        Arrays.stream(IdPrefix.values()).map(IdPrefix::newId)
                .forEach(id -> prefixes.add(id.substring(0, id.length() - 24)));
        assertThat(prefixes).hasSize(IdPrefix.values().length);
    }
}
