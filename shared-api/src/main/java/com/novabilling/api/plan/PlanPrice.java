package com.novabilling.api.plan;

import com.novabilling.api.money.Money;

/** One price of a plan: the plan fee per billing interval in one currency (a plan has at most one per currency). */
public record PlanPrice(String priceId, Money amount) {
}
