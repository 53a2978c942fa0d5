package com.novabilling.query.coupon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CouponStateFolderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final CouponStateFolder folder = new CouponStateFolder();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void usageByAnInvoiceKeepsWhatIsLeftOnTheApplicationAndExhaustsIt() throws Exception {
        ObjectNode state = folder.evolve(JSON.createObjectNode(), "CouponCreatedEvent",
                json("{'couponId':'cpn_1','name':'Welcome','code':'W','active':true}"));
        state = folder.evolve(state, "CouponAppliedEvent",
                json("{'couponId':'cpn_1','appliedCouponId':'apc_1','customerId':'cus_1','timesRedeemed':1}"));
        state = folder.evolve(state, "CouponUsageRecordedEvent", json("{'couponId':'cpn_1','appliedCouponId':'apc_1',"
                + "'customerId':'cus_1','invoiceId':'inv_1','periodsRemaining':0,'fixedRemaining':null,"
                + "'exhausted':true}"));

        assertThat(state.at("/appliedCoupons/apc_1")).isEqualTo(json("{'customerId':'cus_1','status':'EXHAUSTED',"
                + "'periodsRemaining':0,'fixedRemaining':null,'lastInvoiceId':'inv_1'}"));
        assertThat(state.has("invoiceId")).as("nothing copied onto the coupon").isFalse();
    }

    @Test
    void keepsApplicationsApartFromTheCouponsOwnFields() throws Exception {
        ObjectNode state = folder.evolve(JSON.createObjectNode(), "CouponCreatedEvent",
                json("{'couponId':'cpn_1','name':'Welcome','code':'W','active':true}"));
        state = folder.evolve(state, "CouponAppliedEvent",
                json("{'couponId':'cpn_1','appliedCouponId':'apc_1','customerId':'cus_1','timesRedeemed':1}"));
        ObjectNode beforeRemoval = state;
        state = folder.evolve(state, "AppliedCouponRemovedEvent",
                json("{'couponId':'cpn_1','appliedCouponId':'apc_1','customerId':'cus_1'}"));
        state = folder.evolve(state, "CouponUpdatedEvent",
                json("{'couponId':'cpn_1','name':'Welcome!','code':'W','active':false}"));

        assertThat(state).isEqualTo(json("{'couponId':'cpn_1','name':'Welcome!','code':'W','active':false,"
                + "'timesRedeemed':1,'appliedCoupons':{'apc_1':{'customerId':'cus_1','status':'REMOVED'}}}"));
        assertThat(beforeRemoval.at("/appliedCoupons/apc_1/status").asText()).as("inputs are not modified").isEqualTo("ACTIVE");
        assertThat(folder.evolve(state, "CouponDeletedEvent", json("{'couponId':'cpn_1','code':'W'}")).get("deleted").asBoolean())
                .isTrue();
        assertThat(folder.supports("Coupon")).isTrue();
        assertThat(folder.supports("Customer")).isFalse();
    }
}
