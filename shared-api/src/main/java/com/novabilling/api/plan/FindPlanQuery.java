package com.novabilling.api.plan;

public record FindPlanQuery(String planId) {
}
